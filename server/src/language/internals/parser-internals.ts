/** The members of Chevrotain's recognizer and of Langium's parser that acct's parser patches use, typed and checked. */
import type { IToken, TokenType } from 'chevrotain';
import type { CstNodeBuilder, LangiumParser, LexerResult } from 'langium';
import { expectMember } from './member-checks.js';

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
    /** Throws the error, or returns when it was recovered in the rule (recovery-speedups.ts). */
    raiseNoAltException(occurrence: number, errMsgTypes: string | undefined): void;
    isBackTracking(): boolean;
    isInCurrentRuleReSyncSet(tokType: TokenType | undefined): boolean;
    reSyncTo(tokType: TokenType): IToken[];
    recoveryEnabled: boolean;
    consumeInternalError(tokType: TokenType, nextToken: IToken, options: { ERR_MSG?: string } | undefined): never;
    consumeInternal(tokType: TokenType, idx: number, options: { ERR_MSG?: string; LABEL?: string } | undefined): IToken;
    consumeInternalRecovery(tokType: TokenType, idx: number, error: Error): IToken;
    tokenMatcher(token: IToken, tokType: TokenType): boolean;
    consumeToken(): void;
    cstPostTerminal(key: string, token: IToken): void;
    exportLexerState(): number;
    importLexerState(state: number): void;
    LA(howMuch: number): IToken;
    SKIP_TOKEN(): IToken;
    addToResyncTokens(token: IToken, resyncedTokens: IToken[]): IToken[];
    getCurrRuleFullName(): string;
    getGAstProductions(): Record<string, unknown>;
    SAVE_ERROR(error: Error): Error;
    getHumanReadableRuleStack(): string[];
    /** The errors of the current parse (SAVE_ERROR adds to it). */
    _errors: Error[];
    errorMessageProvider: {
        buildNoViableAltMessage(options: unknown): string;
        buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string;
    };
    input: IToken[];
    RULE_STACK: number[];
    RULE_OCCURRENCE_STACK: number[];
    /** The top of each stack: the arrays keep the entries of rules that returned past it. */
    RULE_STACK_IDX: number;
    RULE_OCCURRENCE_STACK_IDX: number;
    maxLookahead: number;
}

const RECOGNIZER_METHODS = [
    'tryInRepetitionRecovery',
    'findReSyncTokenType',
    'flattenFollowSet',
    'getFollowsForInRuleRecovery',
    'raiseNoAltException',
    'consumeInternalError',
    'consumeInternal',
    'consumeInternalRecovery',
    'tokenMatcher',
    'consumeToken',
    'cstPostTerminal',
    'exportLexerState',
    'importLexerState',
    'LA',
    'SKIP_TOKEN',
    'addToResyncTokens',
    'getCurrRuleFullName',
    'getGAstProductions',
    'SAVE_ERROR',
    'getHumanReadableRuleStack',
    'isBackTracking',
    'isInCurrentRuleReSyncSet',
    'reSyncTo',
] as const;

function checkRecognizer(wrapper: unknown): RecognizerInternals {
    const owner = 'chevrotain Parser';
    for (const method of RECOGNIZER_METHODS) expectMember(wrapper, owner, method, 'function');
    expectMember(wrapper, owner, 'RULE_STACK', 'array');
    expectMember(wrapper, owner, 'RULE_OCCURRENCE_STACK', 'array');
    expectMember(wrapper, owner, 'RULE_STACK_IDX', 'number');
    expectMember(wrapper, owner, 'RULE_OCCURRENCE_STACK_IDX', 'number');
    expectMember(wrapper, owner, 'maxLookahead', 'number');
    expectMember(wrapper, owner, 'recoveryEnabled', 'boolean');
    expectMember(wrapper, owner, '_errors', 'array');
    expectMember(wrapper, owner, 'errorMessageProvider', 'object');
    const messages = (wrapper as RecognizerInternals).errorMessageProvider;
    expectMember(messages, 'chevrotain error message provider', 'buildNoViableAltMessage', 'function');
    expectMember(messages, 'chevrotain error message provider', 'buildMismatchTokenMessage', 'function');
    expectMember(wrapper, owner, 'input', 'present');
    return wrapper as RecognizerInternals;
}

export interface ParserInternals {
    wrapper: RecognizerInternals;
    /** Langium's CST builder, which the parser makes itself: acct gives it its own (AcctCstNodeBuilder). */
    nodeBuilder: CstNodeBuilder;
    /** Set while a text is parsed. */
    lexerResult?: LexerResult;
    extractHiddenTokens(token: IToken): IToken[];
    doParse(rule: unknown): unknown;
}

/** The members of Langium's parser and of its Chevrotain recognizer that acct uses, checked. */
const checkedParsers = new WeakSet<LangiumParser>();

export function parserInternals(parser: LangiumParser): ParserInternals {
    const internals = parser as unknown as ParserInternals;
    if (checkedParsers.has(parser)) return internals;
    expectMember(internals, 'LangiumParser', 'extractHiddenTokens', 'function');
    expectMember(internals, 'LangiumParser', 'doParse', 'function');
    expectMember(internals, 'LangiumParser', 'nodeBuilder', 'object');
    checkRecognizer(internals.wrapper);
    checkedParsers.add(parser);
    return internals;
}

/**
 * Checked during a parse (the field only exists then): the lexer result that Langium hands
 * comments from. Called by the first parse of each parser.
 */
export function checkParsing(internals: ParserInternals): void {
    expectMember(internals.lexerResult, 'LangiumParser.lexerResult', 'hidden', 'array');
}
