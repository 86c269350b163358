/**
 * Every member of Langium and Chevrotain that acct reads, writes or replaces although the
 * libraries do not offer it (private or protected in Langium's types, or not declared at all in
 * Chevrotain's), declared here and nowhere else. Each patch takes the members it needs from the
 * accessors below, which check them when the services are built (`checkLangiumInternals`,
 * called by createAcctParser): a Langium or Chevrotain that renamed or dropped one stops acct at
 * start-up with the member's name, instead of parsing differently. docs/langium-internals.md
 * says, per patch, what it assumes, what it gains and which test proves it equivalent.
 *
 * Bumping Langium or Chevrotain: run test/unit/langium-internals.test.ts first, then the
 * equivalence tests the document lists.
 */
import type { ILexerConfig, IToken, TokenType } from 'chevrotain';
import {
    CompositeCstNodeImpl,
    LeafCstNodeImpl,
    RootCstNodeImpl,
    type AstNode,
    type CompositeCstNode,
    type CstNode,
    type IndexManager,
    type LangiumDocument,
    type LangiumDocumentFactory,
    type LangiumParser,
    type LexerResult,
    type ParseResult,
    type URI,
} from 'langium';

/** Where a member comes from and how acct uses it, for the inventory (docs/langium-internals.md). */
export interface InternalMember {
    /** The class (or object) that holds it. */
    owner: string;
    member: string;
    /**
     * Private or protected in the library's declarations, or absent from them; `public`: a method
     * of the library's API that acct replaces on a live object, or a read-only field it writes.
     */
    declared: 'private' | 'protected' | 'undeclared' | 'public';
    use: 'read' | 'write' | 'replace';
    /** The patch (file under server/src/) that uses it. */
    by: string;
}

/** The inventory: one line per member and use. test/unit/langium-internals.test.ts keeps it and the document in step. */
export const INTERNAL_MEMBERS: readonly InternalMember[] = [
    // Chevrotain's recognizer (Langium's ChevrotainWrapper): error recovery (acct-parser.ts, block-recovery.ts)
    {
        owner: 'chevrotain Parser',
        member: 'tryInRepetitionRecovery',
        declared: 'undeclared',
        use: 'replace',
        by: 'language/block-recovery.ts, language/acct-parser.ts',
    },
    { owner: 'chevrotain Parser', member: 'findReSyncTokenType', declared: 'undeclared', use: 'replace', by: 'language/acct-parser.ts' },
    { owner: 'chevrotain Parser', member: 'getFollowsForInRuleRecovery', declared: 'undeclared', use: 'replace', by: 'language/acct-parser.ts' },
    { owner: 'chevrotain Parser', member: 'raiseNoAltException', declared: 'undeclared', use: 'replace', by: 'language/acct-parser.ts' },
    { owner: 'chevrotain Parser', member: 'flattenFollowSet', declared: 'undeclared', use: 'read', by: 'language/acct-parser.ts' },
    { owner: 'chevrotain Parser', member: 'exportLexerState', declared: 'undeclared', use: 'read', by: 'language/block-recovery.ts' },
    { owner: 'chevrotain Parser', member: 'importLexerState', declared: 'undeclared', use: 'read', by: 'language/block-recovery.ts' },
    { owner: 'chevrotain Parser', member: 'addToResyncTokens', declared: 'undeclared', use: 'read', by: 'language/block-recovery.ts' },
    {
        owner: 'chevrotain Parser',
        member: 'getCurrRuleFullName',
        declared: 'undeclared',
        use: 'read',
        by: 'language/acct-parser.ts, language/block-recovery.ts',
    },
    { owner: 'chevrotain Parser', member: 'RULE_STACK', declared: 'undeclared', use: 'read', by: 'language/acct-parser.ts' },
    { owner: 'chevrotain Parser', member: 'RULE_OCCURRENCE_STACK', declared: 'undeclared', use: 'read', by: 'language/acct-parser.ts' },
    { owner: 'chevrotain Parser', member: 'maxLookahead', declared: 'undeclared', use: 'read', by: 'language/acct-parser.ts' },
    {
        owner: 'chevrotain Parser',
        member: 'errorMessageProvider',
        declared: 'undeclared',
        use: 'read',
        by: 'language/acct-parser.ts, language/block-recovery.ts',
    },
    { owner: 'chevrotain Parser', member: 'SAVE_ERROR', declared: 'undeclared', use: 'read', by: 'language/acct-parser.ts, language/block-recovery.ts' },
    { owner: 'chevrotain Parser', member: 'SKIP_TOKEN', declared: 'protected', use: 'read', by: 'language/block-recovery.ts' },
    { owner: 'chevrotain Parser', member: 'LA', declared: 'protected', use: 'read', by: 'language/acct-parser.ts, language/block-recovery.ts' },
    // Chevrotain's lexer (acct-lexer.ts)
    { owner: 'chevrotain Lexer', member: 'lexerDefinition', declared: 'undeclared', use: 'read', by: 'language/acct-lexer.ts' },
    { owner: 'chevrotain Lexer', member: 'config', declared: 'undeclared', use: 'read', by: 'language/acct-lexer.ts' },
    // Langium's parser (acct-parser.ts, incremental/incremental-parse.ts)
    { owner: 'LangiumParser', member: 'wrapper', declared: 'protected', use: 'read', by: 'language/acct-parser.ts' },
    { owner: 'LangiumParser', member: 'nodeBuilder', declared: 'private', use: 'read', by: 'language/acct-parser.ts, language/lean-cst.ts' },
    { owner: 'LangiumParser', member: 'lexerResult', declared: 'private', use: 'read', by: 'language/acct-parser.ts' },
    { owner: 'LangiumParser', member: 'extractHiddenTokens', declared: 'private', use: 'replace', by: 'language/acct-parser.ts' },
    { owner: 'LangiumParser', member: 'doParse', declared: 'private', use: 'replace', by: 'language/acct-parser.ts' },
    { owner: 'LangiumParser', member: 'parse', declared: 'public', use: 'replace', by: 'language/acct-parser.ts' },
    // Langium's CST builder (acct-parser.ts, lean-cst.ts)
    { owner: 'CstNodeBuilder', member: 'rootNode', declared: 'private', use: 'write', by: 'language/acct-parser.ts' },
    { owner: 'CstNodeBuilder', member: 'nodeStack', declared: 'private', use: 'write', by: 'language/acct-parser.ts' },
    { owner: 'CstNodeBuilder', member: 'addHiddenNodes', declared: 'public', use: 'replace', by: 'language/acct-parser.ts' },
    { owner: 'CstNodeBuilder', member: 'removeNode', declared: 'public', use: 'replace', by: 'language/acct-parser.ts' },
    { owner: 'CstNodeBuilder', member: 'buildLeafNode', declared: 'public', use: 'replace', by: 'language/lean-cst.ts' },
    // Langium's CST nodes (incremental/tree-splice.ts, lean-cst.ts, incremental/incremental-parse.ts)
    { owner: 'CompositeCstNodeImpl', member: 'content', declared: 'public', use: 'write', by: 'language/acct-parser.ts, language/incremental/tree-splice.ts' },
    {
        owner: 'AbstractCstNode',
        member: 'container',
        declared: 'public',
        use: 'write',
        by: 'language/acct-parser.ts, language/lean-cst.ts, language/incremental/tree-splice.ts',
    },
    { owner: 'CompositeCstNodeImpl', member: '_rangeCache', declared: 'private', use: 'write', by: 'language/incremental/tree-splice.ts' },
    {
        owner: 'CompositeCstNodeImpl',
        member: '_astNode',
        declared: 'private',
        use: 'write',
        by: 'language/incremental/tree-splice.ts, language/incremental/incremental-parse.ts',
    },
    { owner: 'RootCstNodeImpl', member: '_text', declared: 'private', use: 'write', by: 'language/lean-cst.ts' },
    // Langium's lexer, linker, references, index and documents
    { owner: 'DefaultLexer', member: 'chevrotainLexer', declared: 'protected', use: 'write', by: 'language/acct-lexer.ts' },
    { owner: 'DefaultIndexManager', member: 'referenceIndex', declared: 'protected', use: 'read', by: 'node/history-engine.ts' },
    { owner: 'DefaultLangiumDocumentFactory', member: 'parseAsync', declared: 'protected', use: 'replace', by: 'node/history-parses.ts' },
    { owner: 'DefaultLangiumDocumentFactory', member: 'update', declared: 'public', use: 'replace', by: 'node/history-parses.ts' },
    { owner: 'EmptyFileSystemProvider', member: 'readFile', declared: 'public', use: 'replace', by: 'node/commit-plans.ts' },
];

/** A member that is missing or of another kind than acct expects: the upgrade broke a patch. */
export class LangiumInternalsError extends Error {
    constructor(owner: string, member: string, expected: string) {
        super(`acct: ${owner}.${member} is not ${expected} (Langium or Chevrotain changed: see docs/langium-internals.md)`);
        this.name = 'LangiumInternalsError';
    }
}

type Kind = 'function' | 'number' | 'object' | 'array' | 'present';

/** Checks that `object[member]` is of `kind` (a written field: that it exists, as an own or inherited property). */
function expect(object: unknown, owner: string, member: string, kind: Kind): void {
    const value = object === null || object === undefined ? undefined : (object as Record<string, unknown>)[member];
    const ok =
        kind === 'present'
            ? typeof object === 'object' && object !== null && member in object
            : kind === 'array'
              ? Array.isArray(value)
              : kind === 'object'
                ? typeof value === 'object' && value !== null
                : typeof value === kind;
    if (!ok) throw new LangiumInternalsError(owner, member, kind === 'present' ? 'a field' : `a ${kind}`);
}

/**
 * Replaces `object[name]`, a method, by what `make` builds from the original (bound to nothing:
 * call it with `.call(this, …)`). The one way acct replaces a method on a live object.
 */
export function replaceMethod<T extends object, K extends keyof T>(object: T, owner: string, name: K, make: (original: T[K]) => T[K]): void {
    const original = object[name];
    if (typeof original !== 'function') throw new LangiumInternalsError(owner, String(name), 'a function');
    object[name] = make(original);
}

// --- Chevrotain's recognizer -------------------------------------------------------------------

export interface RecognizerInternals {
    tryInRepetitionRecovery(
        grammarRule: (...args: unknown[]) => void,
        grammarRuleArgs: unknown[],
        lookAheadFunc: () => boolean,
        expectedTokType: TokenType,
    ): void;
    findReSyncTokenType(): TokenType | undefined;
    flattenFollowSet(): TokenType[];
    getFollowsForInRuleRecovery(tokType: TokenType, tokIdxInRule: number): TokenType[];
    raiseNoAltException(occurrence: number, errMsgTypes: string | undefined): never;
    exportLexerState(): number;
    importLexerState(state: number): void;
    LA(howMuch: number): IToken;
    SKIP_TOKEN(): IToken;
    addToResyncTokens(token: IToken, resyncedTokens: IToken[]): IToken[];
    getCurrRuleFullName(): string;
    getGAstProductions(): Record<string, unknown>;
    SAVE_ERROR(error: Error): Error;
    errorMessageProvider: {
        buildNoViableAltMessage(options: unknown): string;
        buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string;
    };
    input: IToken[];
    RULE_STACK: number[];
    RULE_OCCURRENCE_STACK: number[];
    maxLookahead: number;
}

const RECOGNIZER_METHODS = [
    'tryInRepetitionRecovery',
    'findReSyncTokenType',
    'flattenFollowSet',
    'getFollowsForInRuleRecovery',
    'raiseNoAltException',
    'exportLexerState',
    'importLexerState',
    'LA',
    'SKIP_TOKEN',
    'addToResyncTokens',
    'getCurrRuleFullName',
    'getGAstProductions',
    'SAVE_ERROR',
] as const;

function checkRecognizer(wrapper: unknown): RecognizerInternals {
    const owner = 'chevrotain Parser';
    for (const method of RECOGNIZER_METHODS) expect(wrapper, owner, method, 'function');
    expect(wrapper, owner, 'RULE_STACK', 'array');
    expect(wrapper, owner, 'RULE_OCCURRENCE_STACK', 'array');
    expect(wrapper, owner, 'maxLookahead', 'number');
    expect(wrapper, owner, 'errorMessageProvider', 'object');
    const messages = (wrapper as RecognizerInternals).errorMessageProvider;
    expect(messages, 'chevrotain error message provider', 'buildNoViableAltMessage', 'function');
    expect(messages, 'chevrotain error message provider', 'buildMismatchTokenMessage', 'function');
    expect(wrapper, owner, 'input', 'present');
    return wrapper as RecognizerInternals;
}

// --- Langium's parser and CST builder ----------------------------------------------------------

export interface CstBuilderInternals {
    readonly current: CompositeCstNodeImpl;
    rootNode: RootCstNodeImpl | undefined;
    nodeStack: CompositeCstNodeImpl[];
    addHiddenNodes(tokens: IToken[]): void;
    removeNode(node: CstNode): void;
    buildLeafNode(token: IToken, feature?: unknown): CstNode;
}

export interface ParserInternals {
    wrapper: RecognizerInternals;
    nodeBuilder: CstBuilderInternals;
    /** Set while a text is parsed. */
    lexerResult?: LexerResult;
    extractHiddenTokens(token: IToken): IToken[];
    doParse(rule: unknown): unknown;
}

/** The members of Langium's parser and of its CST builder and Chevrotain recognizer that acct uses, checked. */
const checkedParsers = new WeakSet<LangiumParser>();

export function parserInternals(parser: LangiumParser): ParserInternals {
    const internals = parser as unknown as ParserInternals;
    if (checkedParsers.has(parser)) return internals;
    expect(internals, 'LangiumParser', 'extractHiddenTokens', 'function');
    expect(internals, 'LangiumParser', 'doParse', 'function');
    expect(internals, 'LangiumParser', 'nodeBuilder', 'object');
    checkRecognizer(internals.wrapper);
    const builder = internals.nodeBuilder;
    for (const method of ['addHiddenNodes', 'removeNode', 'buildLeafNode', 'buildRootNode'] as const) {
        expect(builder, 'CstNodeBuilder', method, 'function');
    }
    expect(builder, 'CstNodeBuilder', 'nodeStack', 'array');
    expect(builder, 'CstNodeBuilder', 'current', 'present');
    checkedParsers.add(parser);
    return internals;
}

/**
 * Checked during a parse (the field only exists then): the lexer result that Langium hands
 * comments from. Called by the first parse of each parser.
 */
export function checkParsing(internals: ParserInternals): void {
    expect(internals.lexerResult, 'LangiumParser.lexerResult', 'hidden', 'array');
    expect(internals.nodeBuilder, 'CstNodeBuilder', 'rootNode', 'object');
}

// --- Langium's CST nodes -----------------------------------------------------------------------

export interface CompositeInternals {
    _rangeCache: unknown;
    _astNode: AstNode | undefined;
}

export interface RootInternals extends CompositeInternals {
    _text: string;
}

/**
 * A composite node whose children acct moves (the parser's patches, a splice): `content` and
 * `container` are read-only in Langium's interfaces, plain fields of its classes (since Langium 4.4
 * a node's root is found through its containers, so setting `container` is all a move needs).
 */
export interface MutableCompositeCstNode {
    container?: MutableCompositeCstNode;
    content: CstNode[];
}

/** A node that acct gives a container (read-only in Langium's interface). */
export interface MutableCstNode {
    container?: CompositeCstNode | MutableCompositeCstNode;
}

export const mutableComposite = (node: CompositeCstNode | MutableCompositeCstNode): MutableCompositeCstNode => node as MutableCompositeCstNode;
export const mutableNode = (node: CstNode): MutableCstNode => node as MutableCstNode;

export const compositeInternals = (node: CstNode): CompositeInternals => node as unknown as CompositeInternals;
export const rootInternals = (node: CstNode): RootInternals => node as unknown as RootInternals;

/**
 * Checks the CST fields acct writes, on nodes made by Langium's own classes, and the order of the
 * leaf constructor's arguments (public, but acct makes comment leaves with it: a reordering
 * would compile and misplace every comment).
 */
function checkCstNodes(): void {
    const leaf = new LeafCstNodeImpl(7, 2, 2, 1, 3, 0, { name: 'X' } as TokenType, true);
    const { start, end } = leaf.range;
    if (leaf.offset !== 7 || leaf.end !== 9 || start.line !== 2 || start.character !== 1 || end.line !== 3 || end.character !== 0 || !leaf.hidden) {
        throw new LangiumInternalsError('LeafCstNodeImpl', 'constructor', '(offset, length, startLine, startColumn, endLine, endColumn, tokenType, hidden)');
    }
    const composite = new CompositeCstNodeImpl();
    expect(composite, 'CompositeCstNodeImpl', '_rangeCache', 'present');
    expect(composite, 'CompositeCstNodeImpl', '_astNode', 'present');
    const ast = { $type: 'X' } as AstNode;
    compositeInternals(composite)._astNode = ast;
    if (composite.astNode !== ast) throw new LangiumInternalsError('CompositeCstNodeImpl', '_astNode', 'what astNode reads');
    const root = new RootCstNodeImpl('old');
    rootInternals(root)._text = 'new';
    if (root.fullText !== 'new') throw new LangiumInternalsError('RootCstNodeImpl', '_text', 'what fullText reads');
}

// --- Lexers -----------------------------------------------------------------------------------

export interface ChevrotainLexerInternals {
    lexerDefinition: TokenType[];
    config: ILexerConfig;
}

export function chevrotainLexerInternals(lexer: unknown): ChevrotainLexerInternals {
    expect(lexer, 'chevrotain Lexer', 'lexerDefinition', 'object');
    expect(lexer, 'chevrotain Lexer', 'config', 'object');
    return lexer as ChevrotainLexerInternals;
}

// --- Index, documents -------------------------------------------------------------------------

export interface IndexManagerInternals {
    isAffected(document: LangiumDocument, changedUris: Set<string>): boolean;
    referenceIndex: Map<string, Array<{ targetUri: URI }>>;
}

export function indexManagerInternals(index: IndexManager): IndexManagerInternals {
    expect(index, 'DefaultIndexManager', 'referenceIndex', 'object');
    expect(index, 'DefaultIndexManager', 'isAffected', 'function');
    return index as unknown as IndexManagerInternals;
}

export interface DocumentFactoryInternals {
    parseAsync(uri: URI, text: string, token: unknown): Promise<ParseResult>;
    update(document: LangiumDocument, token: unknown): Promise<LangiumDocument>;
}

export function documentFactoryInternals(factory: LangiumDocumentFactory): DocumentFactoryInternals {
    expect(factory, 'DefaultLangiumDocumentFactory', 'parseAsync', 'function');
    expect(factory, 'DefaultLangiumDocumentFactory', 'update', 'function');
    return factory as unknown as DocumentFactoryInternals;
}

// --- At start-up -------------------------------------------------------------------------------

let cstChecked = false;

/**
 * Checks every member the patches rely on, on the parser about to be patched and on nodes of
 * Langium's CST classes (the fields acct writes included). Throws a LangiumInternalsError.
 */
export function checkLangiumInternals(parser: LangiumParser): ParserInternals {
    const internals = parserInternals(parser);
    if (!cstChecked) {
        checkCstNodes();
        cstChecked = true;
    }
    return internals;
}
