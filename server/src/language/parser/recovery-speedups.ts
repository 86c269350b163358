/**
 * Chevrotain's error recovery made linear (acct-parser.ts applies these to the parser it builds):
 * the in-repetition recovery bounded in depth, the resynchronisation done in one pass, the
 * grammar walks of a recovered error remembered per place, and its exceptions made without
 * Error's constructor. docs/langium-internals.md says what each assumes and which test proves it.
 */
import { EOF, getLookaheadPaths, MismatchedTokenException, NoViableAltException, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { replaceMethod, type RecognizerInternals } from '../langium-internals.js';

/** Recoveries in a row handled inside a repetition before leaving the rest to the between-rules recovery. */
export const MAX_RECOVERY_DEPTH = 64;

export function boundRecovery(wrapper: RecognizerInternals): void {
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
export function resyncInOnePass(wrapper: RecognizerInternals): void {
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
export function rememberGrammarWalks(wrapper: RecognizerInternals): void {
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
