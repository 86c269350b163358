/**
 * Langium's parser with its quadratic corners made linear; they are properties of the libraries,
 * fixed where the parser is built so that every service (CLI, server, tests) gets them:
 * - Chevrotain's in-repetition error recovery calls the repetition again from inside itself for
 *   each recovery in a row: 1,400 recovered errors in a row overflowed the stack (and each one
 *   recomputed its follow sets over a deeper stack). Past a depth the recovery is left to the
 *   between-rules recovery, which unwinds; the errors are still all reported.
 * - Langium's CST builder finds where to insert comments by searching a new node's siblings from
 *   the first (`indexOf`) — even when there is no comment to insert, at every token: quadratic in
 *   the size of a customer. Nothing to insert is now nothing to do, and a new node is known to be
 *   its container's last child. It also spread all the comments into one call, which overflowed
 *   the stack on a file of 100,000 comments. Likewise it searched from the first for the empty
 *   node that a recovered error leaves, to remove it: quadratic in the errors of one block.
 * - Langium hands each token the comments before it by splicing them off the front of the list
 *   of all comments: quadratic in the number of comments. A cursor walks the list instead.
 * - Chevrotain's syntax-error exceptions capture stack traces (see AcctLangiumParser.parse),
 *   its resynchronisation tests each skipped token slowly (see resyncInOnePass), and each
 *   recovered error walks the grammar again (see rememberGrammarWalks).
 */
import {
    createParser,
    LangiumParser,
    LeafCstNodeImpl,
    type AstNode,
    type CompositeCstNode,
    type CstNode,
    type LangiumCoreServices,
    type ParseResult,
    type ParserOptions,
} from 'langium';
import { skipBlocksWhenRecovering } from './block-recovery.js';
import { EOF, getLookaheadPaths, MismatchedTokenException, NoViableAltException, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import {
    checkLangiumInternals,
    checkParsing,
    mutableComposite,
    mutableNode,
    replaceMethod,
    type MutableCompositeCstNode,
    type ParserInternals,
    type RecognizerInternals,
} from '../langium-internals.js';
import { LeanCstNodeBuilder, putValueLeafInPlace } from './lean-cst.js';

/** Recoveries in a row handled inside a repetition before leaving the rest to the between-rules recovery. */
export const MAX_RECOVERY_DEPTH = 64;

type CompositeNode = MutableCompositeCstNode;

/** Langium's parser for acct's grammar (Langium's own builder, `createParser`), with the changes below. */
/** How the parser builds its tree: `valueLeaves` for a plan parsed once and never updated (the CLI's one build, lean-cst.ts `putValueLeafInPlace`). */
export interface AcctParserOptions {
    valueLeaves?: boolean;
}

export function createAcctParser(services: LangiumCoreServices, options: AcctParserOptions = {}): LangiumParser {
    const parser = createParser(services.Grammar, new AcctLangiumParser(services, options), services.parser.Lexer.definition);
    parser.finalize();
    const internals = checkLangiumInternals(parser);
    skipBlocksWhenRecovering(internals.wrapper);
    boundRecovery(internals.wrapper);
    resyncInOnePass(internals.wrapper);
    rememberGrammarWalks(internals.wrapper);
    walkHiddenTokensWithACursor(internals);
    return parser;
}

/**
 * Langium's parser with acct's CST builder (lean leaves, comments inserted and empty nodes
 * removed from the end), which parses without stack traces and forgets each text once parsed.
 */
class AcctLangiumParser extends LangiumParser {
    private readonly builder: AcctCstNodeBuilder;

    constructor(services: LangiumCoreServices, options: AcctParserOptions) {
        super(services);
        this.builder = options.valueLeaves ? new ValueLeafCstNodeBuilder() : new AcctCstNodeBuilder();
        // Langium makes its builder itself (a private field): the one field of the parser acct sets
        checkLangiumInternals(this).nodeBuilder = this.builder;
    }

    /**
     * Chevrotain signals each syntax error with an exception that captures a stack trace nobody
     * reads (the parser catches it to recover): 100,000 errors cost 1.5 s in the capture alone.
     * An exception that escapes the parser (a fault of acct) keeps its message. (Even at a limit
     * of 0 an Error costs 3 to 8 µs: the two exceptions of nearly every syntax error are made
     * without Error's constructor, recognitionError. Replacing `Error.captureStackTrace` during a
     * parse instead made every parse slower: V8 drops the code that calls it each time it is replaced.)
     *
     * Chevrotain keeps the last input's tokens until the next parse: the whole last file, for
     * nothing. Its errors keep the tokens their recovery skipped (`resyncedTokens`), which nothing
     * in Langium or acct reads: after a megabyte of `{`, a million tokens kept with the document.
     * Langium's CST builder keeps the last root: the syntax tree, the AST and the text of the last
     * file parsed, kept after its document is closed and deleted (a 5 MB plan: about 100 MB of
     * heap, 449 MB of the server's memory) — replaced by an empty one here.
     */
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            const result = super.parse<T>(input, options);
            for (const error of result.parserErrors) error.resyncedTokens = [];
            return result;
        } finally {
            Error.stackTraceLimit = limit;
            this.wrapper.input = [];
            this.builder.buildRootNode('');
        }
    }
}

function boundRecovery(wrapper: RecognizerInternals): void {
    let depth = 0;
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'tryInRepetitionRecovery',
        recover =>
            function (this: RecognizerInternals, ...args): void {
                if (depth >= MAX_RECOVERY_DEPTH) return;
                depth++;
                try {
                    recover.apply(this, args);
                } finally {
                    depth--;
                }
            },
    );
}

/**
 * The between-rules recovery skips to the next token that may follow an enclosing rule; Chevrotain
 * tests every skipped token against every such token type with generic helpers (14 µs a token:
 * 2 s for 100,000 skipped tokens). The same answer from one set lookup per token.
 */
function resyncInOnePass(wrapper: RecognizerInternals): void {
    // The follow sets of the enclosing rules, flattened, and the token types they match: the same
    // at the same place of the grammar, so made once per place (a megabyte of errors in one block
    // flattened them 100,000 times: 20 µs an error).
    const resyncSets = new Map<string, { candidates: TokenType[]; matching: Set<number> }>();
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'findReSyncTokenType',
        () =>
            function (this: RecognizerInternals): TokenType | undefined {
                const place = ruleStackKey(this);
                let sets = resyncSets.get(place);
                if (!sets) {
                    if (resyncSets.size > 10_000) resyncSets.clear();
                    const candidates = this.flattenFollowSet();
                    const matching = new Set<number>();
                    for (const type of candidates) {
                        matching.add(type.tokenTypeIdx!);
                        if (type.isParent) for (const idx of Object.keys(type.categoryMatchesMap ?? {})) matching.add(Number(idx));
                    }
                    resyncSets.set(place, (sets = { candidates, matching }));
                }
                const { candidates, matching } = sets;
                for (let k = 1; ; k++) {
                    const token = this.LA(k);
                    // The first candidate that matches, as Chevrotain picks it.
                    if (matching.has(token.tokenTypeIdx!)) return candidates.find(type => tokenMatcher(token, type));
                    if (token.tokenType === EOF) return undefined;
                }
            },
    );
}

/**
 * Where the parser is in the grammar: the rules it is in and the occurrence of each. Chevrotain
 * keeps both stacks in arrays that it does not shorten when a rule returns (the entries past
 * RULE_STACK_IDX are left over from deeper rules): only the live entries make the place.
 */
function ruleStackKey(recognizer: RecognizerInternals, occurrencesUpTo = recognizer.RULE_STACK_IDX): string {
    const rules = recognizer.RULE_STACK;
    const occurrences = recognizer.RULE_OCCURRENCE_STACK;
    let key = '';
    for (let i = 0; i <= recognizer.RULE_STACK_IDX; i++) key += `${rules[i]},`;
    key += '|';
    for (let i = 0; i <= occurrencesUpTo; i++) key += `${occurrences[i]},`;
    return key;
}

/**
 * Each recovered error walks the grammar to find what may come next (the tokens that may follow
 * here, the paths of each alternative for the message): 45 µs an error, the same answer every
 * time at the same place of the grammar. Remembered per place, in this parser.
 */
function rememberGrammarWalks(wrapper: RecognizerInternals): void {
    const follows = new Map<string, TokenType[]>();
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'getFollowsForInRuleRecovery',
        getFollowsForInRuleRecovery =>
            function (this: RecognizerInternals, tokType: TokenType, tokIdxInRule: number): TokenType[] {
                // the live entries of both stacks (Chevrotain's grammar path reads the occurrences up to their own index)
                const place = `${ruleStackKey(this, this.RULE_OCCURRENCE_STACK_IDX)}|${tokType.tokenTypeIdx}|${tokIdxInRule}`;
                let found = follows.get(place);
                if (!found) {
                    if (follows.size > 10_000) follows.clear();
                    found = getFollowsForInRuleRecovery.call(this, tokType, tokIdxInRule);
                    follows.set(place, found);
                }
                return found;
            },
    );
    const paths = new Map<string, ReturnType<typeof getLookaheadPaths>>();
    // Chevrotain's own raiseNoAltException, with the paths of the alternatives remembered.
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'raiseNoAltException',
        () =>
            function (this: RecognizerInternals, occurrence: number, errMsgTypes: string | undefined): never {
                const ruleName = this.getCurrRuleFullName();
                const place = `${ruleName}|${occurrence}`;
                let expectedPathsPerAlt = paths.get(place);
                if (!expectedPathsPerAlt) {
                    const rule = this.getGAstProductions()[ruleName] as Parameters<typeof getLookaheadPaths>[0]['rule'];
                    expectedPathsPerAlt = getLookaheadPaths({ occurrence, rule, prodType: 'Alternation', maxLookahead: this.maxLookahead });
                    paths.set(place, expectedPathsPerAlt);
                }
                const actual: IToken[] = [];
                for (let i = 1; i <= this.maxLookahead; i++) actual.push(this.LA(i));
                const previous = this.LA(0);
                const message = this.errorMessageProvider.buildNoViableAltMessage({
                    expectedPathsPerAlt,
                    actual,
                    previous,
                    customUserDescription: errMsgTypes,
                    ruleName,
                });
                throw this.SAVE_ERROR(recognitionError(NoViableAltException, 'NoViableAltException', message, this.LA(1), previous));
            },
    );
    // Chevrotain's own consumeInternalError, with its exception made the cheap way (recognitionError).
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'consumeInternalError',
        () =>
            function (this: RecognizerInternals, tokType: TokenType, nextToken: IToken, options: { ERR_MSG?: string } | undefined): never {
                const previousToken = this.LA(0);
                const message =
                    options !== undefined && options.ERR_MSG
                        ? options.ERR_MSG
                        : this.errorMessageProvider.buildMismatchTokenMessage({
                              expected: tokType,
                              actual: nextToken,
                              previous: previousToken,
                              ruleName: this.getCurrRuleFullName(),
                          });
                throw this.SAVE_ERROR(recognitionError(MismatchedTokenException, 'MismatchedTokenException', message, nextToken, previousToken));
            },
    );
}

/** Langium's CST builder, linear where Langium's is quadratic (see the top of this file). */
class AcctCstNodeBuilder extends LeanCstNodeBuilder {
    // Langium's own placement (after the current node's content, else before the first ancestor
    // that is not its container's first child, else at the root's start), with two changes.
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        // Langium's leaf for a comment, as its builder makes it (Chevrotain's 1-based positions, the LSP's 0-based)
        const nodes: CstNode[] = tokens.map(
            token =>
                new LeafCstNodeImpl(
                    token.startOffset,
                    token.image.length,
                    token.startLine! - 1,
                    token.startColumn! - 1,
                    token.endLine! - 1,
                    token.endColumn!,
                    token.tokenType,
                    true,
                ),
        );
        let current: CompositeNode = mutableComposite(this.current);
        if (current.content.length > 0) {
            insertAll(current, current.content.length, nodes);
            return;
        }
        while (current.container) {
            const siblings = current.container.content;
            // A node just created is its container's last child, so search from the end.
            const index = siblings.lastIndexOf(current as unknown as CstNode);
            if (index > 0) {
                insertAll(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        // the node without a container: the root
        insertAll(current, 0, nodes);
    }

    // An empty node is removed as soon as it is built, while it is still its container's last child.
    override removeNode(node: CstNode): void {
        const siblings = mutableNode(node).container && mutableComposite(node.container!).content;
        if (!siblings) return;
        const index = siblings.lastIndexOf(node);
        if (index >= 0) siblings.splice(index, 1);
    }
}

/**
 * `content.splice(index, 0, ...nodes)` without spreading: a file of 100,000 comments is more
 * arguments than a call takes. Each node gets its container, as Langium's insertChildren gives.
 */
function insertAll(container: CompositeNode, index: number, nodes: CstNode[]): void {
    const content = container.content;
    const after = content.splice(index, content.length - index);
    for (const node of nodes) {
        mutableNode(node).container = container;
        content.push(node);
    }
    for (const node of after) content.push(node);
}

function walkHiddenTokensWithACursor(parser: ParserInternals): void {
    // How many of the current parse's hidden tokens were handed out already.
    let cursor = 0;
    let checked = false;
    replaceMethod(
        parser,
        'LangiumParser',
        'extractHiddenTokens',
        () =>
            function (this: ParserInternals, token: IToken): IToken[] {
                const hidden = this.lexerResult?.hidden;
                if (!hidden || cursor >= hidden.length) return [];
                const start = cursor;
                while (cursor < hidden.length && hidden[cursor]!.startOffset <= token.startOffset) cursor++;
                return hidden.slice(start, cursor);
            },
    );
    replaceMethod(
        parser,
        'LangiumParser',
        'doParse',
        doParse =>
            function (this: ParserInternals, rule: unknown): unknown {
                if (!checked) {
                    checkParsing(this);
                    checked = true;
                }
                cursor = 0;
                try {
                    return doParse.call(this, rule);
                } finally {
                    // Langium adds the hidden tokens still in the list after the last token: leave only those.
                    this.lexerResult?.hidden.splice(0, cursor);
                    cursor = 0;
                }
            },
    );
}

/** acct's builder for a tree built once and never updated: a value rule's single leaf takes its node's place (lean-cst.ts). */
class ValueLeafCstNodeBuilder extends AcctCstNodeBuilder {
    override construct(item: Parameters<AcctCstNodeBuilder['construct']>[0]): void {
        const node: CompositeCstNode | undefined = this.current;
        super.construct(item);
        putValueLeafInPlace(node, item);
    }
}

/**
 * A recognition exception as Chevrotain's constructor makes it (its prototype, name, message,
 * token, resynced tokens and previous token), without running `Error`'s constructor: the parser
 * catches it to recover and reads only these fields (1 µs instead of 3 to 8).
 */
function recognitionError<E extends Error>(
    type: new (message: string, token: IToken, previousToken: IToken) => E,
    name: string,
    message: string,
    token: IToken,
    previousToken: IToken,
): E {
    const error = Object.create(type.prototype) as E & { token: IToken; resyncedTokens: IToken[]; previousToken: IToken };
    error.message = message;
    error.token = token;
    error.resyncedTokens = [];
    error.previousToken = previousToken;
    error.name = name;
    return error;
}
