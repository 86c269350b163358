/**
 * The inventory of Langium's and Chevrotain's internals that acct uses: one line per member and
 * use. test/unit/langium-internals.test.ts keeps it, the live objects and docs/langium-internals.md
 * in step (what each patch assumes, gains, and which test proves it equivalent).
 */

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

const PARSER = 'language/parser/acct-parser.ts';
const SPEEDUPS = 'language/parser/recovery-speedups.ts';
const BOTH = 'language/parser/recovery-speedups.ts, language/parser/block-recovery.ts';
const RECOVERY = 'language/parser/block-recovery.ts';
const LINKS = 'language/parser/container-links.ts';

export const INTERNAL_MEMBERS: readonly InternalMember[] = [
    // Chevrotain's recognizer (Langium's ChevrotainWrapper): error recovery (recovery-speedups.ts, block-recovery.ts)
    { owner: 'chevrotain Parser', member: 'tryInRepetitionRecovery', declared: 'undeclared', use: 'replace', by: BOTH },
    { owner: 'chevrotain Parser', member: 'findReSyncTokenType', declared: 'undeclared', use: 'replace', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'getFollowsForInRuleRecovery', declared: 'undeclared', use: 'replace', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'raiseNoAltException', declared: 'undeclared', use: 'replace', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'consumeInternalError', declared: 'undeclared', use: 'replace', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'consumeInternal', declared: 'undeclared', use: 'replace', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'consumeInternalRecovery', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'tokenMatcher', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'consumeToken', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'cstPostTerminal', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'flattenFollowSet', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'exportLexerState', declared: 'undeclared', use: 'read', by: RECOVERY },
    { owner: 'chevrotain Parser', member: 'importLexerState', declared: 'undeclared', use: 'read', by: RECOVERY },
    { owner: 'chevrotain Parser', member: 'addToResyncTokens', declared: 'undeclared', use: 'read', by: RECOVERY },
    { owner: 'chevrotain Parser', member: 'getCurrRuleFullName', declared: 'undeclared', use: 'read', by: BOTH },
    { owner: 'chevrotain Parser', member: 'RULE_STACK', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'RULE_OCCURRENCE_STACK', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'RULE_STACK_IDX', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'RULE_OCCURRENCE_STACK_IDX', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'maxLookahead', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'errorMessageProvider', declared: 'undeclared', use: 'read', by: BOTH },
    { owner: 'chevrotain Parser', member: 'SAVE_ERROR', declared: 'undeclared', use: 'replace', by: BOTH },
    { owner: 'chevrotain Parser', member: 'getHumanReadableRuleStack', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: '_errors', declared: 'undeclared', use: 'write', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'SKIP_TOKEN', declared: 'protected', use: 'read', by: RECOVERY },
    { owner: 'chevrotain Parser', member: 'LA', declared: 'protected', use: 'read', by: BOTH },
    { owner: 'chevrotain Parser', member: 'isBackTracking', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'isInCurrentRuleReSyncSet', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'reSyncTo', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    { owner: 'chevrotain Parser', member: 'recoveryEnabled', declared: 'undeclared', use: 'read', by: SPEEDUPS },
    // Chevrotain's lexer (acct-lexer.ts: tokens made with their positions computed when asked)
    { owner: 'chevrotain Lexer', member: 'createTokenInstance', declared: 'undeclared', use: 'replace', by: 'language/parser/acct-lexer.ts' },
    // Langium's parser (acct-parser.ts: AcctLangiumParser, a subclass, and the cursor over comments)
    { owner: 'LangiumParser', member: 'wrapper', declared: 'protected', use: 'read', by: PARSER },
    { owner: 'LangiumParser', member: 'nodeBuilder', declared: 'private', use: 'write', by: PARSER },
    { owner: 'LangiumParser', member: 'lexerResult', declared: 'private', use: 'read', by: PARSER },
    { owner: 'LangiumParser', member: 'extractHiddenTokens', declared: 'private', use: 'replace', by: PARSER },
    { owner: 'LangiumParser', member: 'doParse', declared: 'private', use: 'replace', by: PARSER },
    // each node made with room for its fields (parser-allocations.ts)
    { owner: 'LangiumParser', member: 'startImplementation', declared: 'private', use: 'replace', by: 'language/parser/parser-allocations.ts' },
    { owner: 'LangiumParser', member: 'stack', declared: 'private', use: 'read', by: 'language/parser/parser-allocations.ts' },
    // a one-shot parse links each node when it is assigned, and parses without Langium's walk (container-links.ts)
    { owner: 'LangiumParser', member: 'assign', declared: 'private', use: 'replace', by: LINKS },
    { owner: 'LangiumParser', member: 'assignWithoutOverride', declared: 'private', use: 'replace', by: LINKS },
    { owner: 'LangiumParser', member: 'current', declared: 'private', use: 'read', by: LINKS },
    { owner: 'LangiumParser', member: 'lexer', declared: 'protected', use: 'read', by: LINKS },
    { owner: 'LangiumParser', member: 'allRules', declared: 'protected', use: 'read', by: LINKS },
    { owner: 'LangiumParser', member: 'mainRule', declared: 'protected', use: 'read', by: LINKS },
    { owner: 'LangiumParser', member: 'lexerResult', declared: 'private', use: 'write', by: LINKS },
    // a one-shot parse closes each node without Langium's second pass over its defaults (one-shot-construct.ts)
    { owner: 'LangiumParser', member: 'construct', declared: 'private', use: 'replace', by: 'language/parser/one-shot-construct.ts' },
    { owner: 'LangiumParser', member: 'converter', declared: 'private', use: 'read', by: 'language/parser/one-shot-construct.ts' },
    // Langium's CST nodes (incremental/tree-splice.ts, lean-cst.ts, incremental/incremental-parse.ts)
    {
        owner: 'CompositeCstNodeImpl',
        member: 'content',
        declared: 'public',
        use: 'write',
        by: 'language/parser/acct-parser.ts, language/incremental/tree-splice.ts',
    },
    {
        owner: 'AbstractCstNode',
        member: 'container',
        declared: 'public',
        use: 'write',
        by: 'language/parser/acct-parser.ts, language/parser/lean-cst.ts, language/parser/one-shot-tree.ts, language/incremental/tree-splice.ts',
    },
    { owner: 'CompositeCstNodeImpl', member: '_rangeCache', declared: 'private', use: 'write', by: 'language/incremental/tree-splice.ts' },
    {
        owner: 'CompositeCstNodeImpl',
        member: '_astNode',
        declared: 'private',
        use: 'write',
        by: 'language/incremental/tree-splice.ts, language/incremental/incremental-parse.ts',
    },
    { owner: 'RootCstNodeImpl', member: '_text', declared: 'private', use: 'write', by: 'language/parser/lean-cst.ts' },
    // Langium's index
    { owner: 'DefaultIndexManager', member: 'referenceIndex', declared: 'protected', use: 'read', by: 'node/history-engine.ts' },
];
