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
 *   its resynchronisation tests each skipped token slowly, and each recovered error walks the
 *   grammar again (recovery-speedups.ts: the in-repetition depth bound too).
 */
import {
    DatatypeSymbol,
    LangiumParser,
    LeafCstNodeImpl,
    type AstNode,
    type AstReflection,
    type CompositeCstNode,
    type CompositeCstNodeImpl,
    type CstNode,
    type GrammarAST,
    type LeafCstNode,
    type RootCstNode,
    type LangiumCoreServices,
    type ParseResult,
    type ParserOptions,
} from 'langium';
import { skipBlocksWhenRecovering } from './block-recovery.js';
import type { IToken } from 'chevrotain';
import { boundRecovery, NO_TOKENS, recoverWithoutThrowing, rememberGrammarWalks, resyncInOnePass, shareErrorContexts } from './recovery-speedups.js';
import { makeNodesWithRoom } from './parser-allocations.js';
import { checkLangiumInternals, mutableComposite, mutableNode, type MutableCompositeCstNode } from '../langium-internals.js';
import { giveLineStarts, LeanCstNodeBuilder } from './lean-cst.js';
import { AcctLexer } from './acct-lexer.js';
import { fillDefaults, isPassThroughCall, LeanCompositeCstNode, OneShotKeywords, putValueLeafInPlace, sharedString } from './one-shot-tree.js';
import { AcctValueConverter } from './acct-value-converter.js';
import { buildRules, directConsume } from './rule-builder.js';
import { walkHiddenTokensWithACursor } from './hidden-tokens.js';
import { linkWhenAssigned, parseLinked } from './container-links.js';
import { constructWithBuilderDefaults } from './one-shot-construct.js';

type CompositeNode = MutableCompositeCstNode;

/** How the parser builds its tree: `valueLeaves` for a plan parsed once and never updated (the CLI's one build, lean-cst.ts `putValueLeafInPlace`). */
export interface AcctParserOptions {
    valueLeaves?: boolean;
    /** With `valueLeaves`: a one-token value rule always called, never its token consumed directly (`directConsume`; the tests' reference). */
    callValueRules?: boolean;
}

/**
 * Langium's parser for acct's grammar (its rules built as Langium's `createParser` builds them, each
 * choice's alternatives made once: rule-builder.ts), with the changes above and in recovery-speedups.ts.
 */
export function createAcctParser(services: LangiumCoreServices, options: AcctParserOptions = {}): LangiumParser {
    const wholeRuleChoices = new Map<string, number>();
    const built = new AcctLangiumParser(services, options);
    // a one-shot tree holds a value rule's leaf in the call's place: a one-token value is consumed without the call (directConsume)
    const direct = options.valueLeaves && !options.callValueRules ? directConsume(built) : undefined;
    const parser = buildRules(services.Grammar, built, services.parser.Lexer.definition, wholeRuleChoices, direct);
    parser.finalize();
    const internals = checkLangiumInternals(parser);
    skipBlocksWhenRecovering(internals.wrapper);
    boundRecovery(internals.wrapper);
    resyncInOnePass(internals.wrapper);
    rememberGrammarWalks(internals.wrapper, wholeRuleChoices);
    recoverWithoutThrowing(internals.wrapper);
    shareErrorContexts(internals.wrapper);
    walkHiddenTokensWithACursor(internals);
    // a one-shot tree links each node as it is assigned, not by a walk after the parse (container-links.ts)
    if (options.valueLeaves && parser instanceof AcctLangiumParser) parser.linksWhenAssigned = linkWhenAssigned(parser, services.Grammar);
    // its builder fills each node's defaults: Langium's construct need not go over them again (one-shot-construct.ts)
    if (parser instanceof AcctLangiumParser && parser.linksWhenAssigned) constructWithBuilderDefaults(parser);
    return parser;
}

/**
 * Langium's parser with acct's CST builder (lean leaves, comments inserted and empty nodes
 * removed from the end), which parses without stack traces and forgets each text once parsed.
 */
class AcctLangiumParser extends LangiumParser {
    private readonly builder: AcctCstNodeBuilder;
    /** Each node linked to its container as it is assigned (container-links.ts): the parse skips Langium's walk. */
    linksWhenAssigned = false;

    /** A one-shot parser's table of the strings of the texts parsed so far (`forgetSharedStrings`). */
    get sharedStrings(): Map<string, string> | undefined {
        return this.builder instanceof ValueLeafCstNodeBuilder ? this.builder.sharedStrings : undefined;
    }

    constructor(services: LangiumCoreServices, options: AcctParserOptions) {
        super(services);
        // before the rules are built (createAcctParser): each rule keeps the start Langium gave it
        makeNodesWithRoom(this, DatatypeSymbol);
        this.builder = options.valueLeaves ? new ValueLeafCstNodeBuilder(services.shared.AstReflection) : new AcctCstNodeBuilder();
        // a one-shot parse's values (and so its references' names) are the load's one string each
        const converter = services.parser.ValueConverter;
        if (this.builder instanceof ValueLeafCstNodeBuilder && converter instanceof AcctValueConverter) converter.sharedStrings = this.builder.sharedStrings;
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
            const result = this.linksWhenAssigned ? parseLinked<T>(this, input, options) : super.parse<T>(input, options);
            for (const error of result.parserErrors) error.resyncedTokens = NO_TOKENS;
            // a one-shot tree's ranges read the line starts the lexer found (lean-cst.ts), not found again
            const starts = this.builder instanceof ValueLeafCstNodeBuilder && this.lexer instanceof AcctLexer ? this.lexer.lastLineStarts : undefined;
            const root = result.value?.$cstNode?.root;
            if (starts && root) giveLineStarts(root, starts);
            this.builder.finishTree(result.value?.$cstNode?.root);
            return result;
        } finally {
            Error.stackTraceLimit = limit;
            this.wrapper.input = [];
            this.builder.buildRootNode('');
        }
    }
}

/**
 * The texts of a one-shot load are parsed: the parser's table of their strings is dropped (the
 * values stay shared; a text parsed later starts a new table). No effect on another parser.
 */
export function forgetSharedStrings(parser: LangiumParser): void {
    if (parser instanceof AcctLangiumParser) parser.sharedStrings?.clear();
}

/** Langium's CST builder, linear where Langium's is quadratic (see the top of this file). */
class AcctCstNodeBuilder extends LeanCstNodeBuilder {
    /** Whether `node` holds a token that is not in its content (a one-shot tree's keywords). */
    protected holdsDroppedToken(_node: object): boolean {
        return false;
    }

    /** The parse is done: `root` is its tree. */
    finishTree(_root: RootCstNode | undefined): void {}

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
        if (current.content.length > 0 || this.holdsDroppedToken(current)) {
            insertAll(current, current.content.length, nodes);
            return;
        }
        while (current.container) {
            const siblings = current.container.content;
            // A node just created is its container's last child, so search from the end.
            const index = siblings.lastIndexOf(current as unknown as CstNode);
            if (index > 0 || (index === 0 && this.holdsDroppedToken(current.container))) {
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

/**
 * acct's builder for a tree built once and never updated (lean-cst.ts): a value rule's single leaf
 * takes its node's place, the keywords and punctuation that give no value are kept in a table
 * (`OneShotKeywords`), and each node keeps the offsets of its first and last token.
 */
class ValueLeafCstNodeBuilder extends AcctCstNodeBuilder {
    /** The strings of the texts parsed so far, one object a value (the value converter's and the kept keywords'), until `forgetSharedStrings`. */
    readonly sharedStrings = new Map<string, string>();
    private readonly keywords = new OneShotKeywords();
    // Langium's stack of the nodes being built is private: this builder keeps its own
    private readonly stack: CompositeCstNode[] = [];
    private top: RootCstNode | undefined;
    /** The node closed last (a pass-through rule's node is its called rule's: `buildCompositeNode`). */
    private closed: CstNode | undefined;

    constructor(private readonly reflection: AstReflection) {
        super();
    }

    override get current(): CompositeCstNodeImpl {
        return (this.stack[this.stack.length - 1] ?? this.top) as CompositeCstNodeImpl;
    }

    override buildRootNode(input: string): RootCstNode {
        this.top = super.buildRootNode(input);
        this.stack.length = 0;
        this.closed = undefined;
        return this.top;
    }

    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        // A pass-through rule (`Declaration: Member | … | Policy`) would make a node holding only the
        // called rule's, for the same AST node: the called rule builds in its caller's node (closed
        // twice, the second time a no-op). One node and list fewer per declaration; recovery unchanged.
        const caller = this.current;
        if (caller instanceof LeanCompositeCstNode && caller.first < 0 && caller.content.length === 0 && isPassThroughCall(feature)) {
            this.stack.push(caller);
            return caller;
        }
        const node = new LeanCompositeCstNode();
        node.grammarSource = feature;
        const parent = mutableComposite(this.current);
        mutableNode(node).container = parent;
        parent.content.push(node);
        this.stack.push(node);
        return node;
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const current = this.current;
        if (current instanceof LeanCompositeCstNode) current.reach(token.startOffset, token.startOffset + token.image.length);
        const dropped = this.keywords.drop(token, feature);
        if (dropped) return dropped;
        // a keyword kept as a leaf is a value (a role, a stage): its text the load's one string of it (the parser assigns `token.image`)
        if (feature?.$type === 'Keyword') token.image = sharedString(token.image, this.sharedStrings);
        return super.buildLeafNode(token, feature);
    }

    protected override holdsDroppedToken(node: object): boolean {
        return node instanceof LeanCompositeCstNode && node.first >= 0;
    }

    // Langium's construct (the node closed, an empty one removed, its list made exact), on this stack
    override construct(item: Parameters<AcctCstNodeBuilder['construct']>[0]): void {
        const node = this.current;
        item.$cstNode = node;
        this.stack.pop();
        // a pass-through rule closing the node its called rule closed a moment ago (buildCompositeNode):
        // its AST node is the called rule's (Langium merges them), already closed, its defaults given
        if (node === this.closed) return;
        const container = node.container;
        if (node instanceof LeanCompositeCstNode && node.first >= 0 && container instanceof LeanCompositeCstNode) container.reach(node.first, node.last);
        if (node.content.length === 0) {
            if (!this.holdsDroppedToken(node)) this.removeNode(node);
        } else mutableComposite(node).content = node.content.slice();
        putValueLeafInPlace(node, item);
        this.closed = node;
        // the node's lists that the parser left empty are the one shared empty list (lean-cst.ts)
        fillDefaults(this.reflection, item);
    }

    override finishTree(root: RootCstNode | undefined): void {
        this.keywords.finish(root);
    }
}
