/**
 * Chevrotain's error recovery made linear (acct-parser.ts applies these to the parser it builds):
 * the in-repetition recovery bounded in depth, the resynchronisation done in one pass, the
 * grammar walks of a recovered error remembered per place, and its exceptions made without
 * Error's constructor. docs/langium-internals.md says what each assumes and which test proves it.
 */
import {
    EOF,
    getLookaheadPaths,
    isRecognitionException,
    MismatchedTokenException,
    NoViableAltException,
    tokenMatcher,
    type IToken,
    type TokenType,
} from 'chevrotain';
import { replaceMethod, type RecognizerInternals } from '../langium-internals.js';
import { recognitionError } from './parser-allocations.js';
import type { WholeRuleChoices } from './rule-builder.js';

/** Recoveries in a row handled inside a repetition before leaving the rest to the between-rules recovery. */
export const MAX_RECOVERY_DEPTH = 64;

const NO_EXTRA: readonly number[] = [];

export { NO_TOKENS } from './parser-allocations.js';

/**
 * Chevrotain's SAVE_ERROR gives each error the rule stack it was found in (names and occurrences),
 * two new lists per error (60,000 unclosed customers: 11 MB kept with the parse) although they are
 * the same at the same place of the grammar. Here one context per place, frozen, shared by the errors
 * found there: the same content. Chevrotain's SAVE_ERROR (chevrotain 13.2.0, error_handler.js) with that change.
 */
export function shareErrorContexts(wrapper: RecognizerInternals): void {
    const contexts = new PlaceMemo<{ ruleStack: readonly string[]; ruleOccurrenceStack: readonly number[] }>();
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'SAVE_ERROR',
        () =>
            function (this: RecognizerInternals, error: Error): Error {
                if (!isRecognitionException(error)) throw Error('Trying to save an Error which is not a RecognitionException');
                (error as Error & { context: unknown }).context = contexts.at(this, this.RULE_OCCURRENCE_STACK_IDX, NO_EXTRA, () =>
                    Object.freeze({
                        ruleStack: Object.freeze(this.getHumanReadableRuleStack()),
                        ruleOccurrenceStack: Object.freeze(this.RULE_OCCURRENCE_STACK.slice(0, this.RULE_OCCURRENCE_STACK_IDX + 1)),
                    }),
                );
                this._errors.push(error);
                return error;
            },
    );
}

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
    const resyncSets = new PlaceMemo<{ candidates: TokenType[]; matching: Set<number> }>();
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'findReSyncTokenType',
        () =>
            function (this: RecognizerInternals): TokenType | undefined {
                const sets = resyncSets.at(this, this.RULE_STACK_IDX, NO_EXTRA, () => {
                    const candidates = this.flattenFollowSet();
                    const matching = new Set<number>();
                    for (const type of candidates) {
                        matching.add(type.tokenTypeIdx!);
                        if (type.isParent) for (const idx of Object.keys(type.categoryMatchesMap ?? {})) matching.add(Number(idx));
                    }
                    return { candidates, matching };
                });
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
 * Values by where the parser is in the grammar: the rules it is in and the occurrence of each.
 * Chevrotain keeps both stacks in arrays that it does not shorten when a rule returns (the entries
 * past RULE_STACK_IDX are left over from deeper rules): only the live entries make the place. The
 * place is looked up as a path of numbers through nested maps, without making a key string (one
 * per recovered error: a megabyte of them made 60,000).
 */
class PlaceMemo<V> {
    private root = new Map<number, unknown>();
    private size = 0;

    /** The value at the live stacks (the occurrences up to `occurrencesUpTo`) and the `extra` numbers, if one was made. */
    get(recognizer: RecognizerInternals, occurrencesUpTo: number, extra: readonly number[]): V | undefined {
        const rules = recognizer.RULE_STACK;
        const occurrences = recognizer.RULE_OCCURRENCE_STACK;
        const ruleTop = recognizer.RULE_STACK_IDX;
        let node = this.root.get(ruleTop + 1) as Map<number, unknown> | undefined;
        for (let i = 0; node && i <= ruleTop; i++) node = node.get(rules[i]!) as Map<number, unknown> | undefined;
        node = node?.get(occurrencesUpTo + 1) as Map<number, unknown> | undefined;
        for (let i = 0; node && i <= occurrencesUpTo; i++) node = node.get(occurrences[i]!) as Map<number, unknown> | undefined;
        for (let i = 0; node && i < extra.length - 1; i++) node = node.get(extra[i]!) as Map<number, unknown> | undefined;
        return node?.get(extra.length ? extra[extra.length - 1]! : -1) as V | undefined;
    }

    /** The value at the live stacks (the occurrences up to `occurrencesUpTo`) and the `extra` numbers, made by `make` the first time. */
    at(recognizer: RecognizerInternals, occurrencesUpTo: number, extra: readonly number[], make: () => V): V {
        const rules = recognizer.RULE_STACK;
        const occurrences = recognizer.RULE_OCCURRENCE_STACK;
        const ruleTop = recognizer.RULE_STACK_IDX;
        // each part begins with its length: no two places share a path
        let node = this.step(this.root, ruleTop + 1);
        for (let i = 0; i <= ruleTop; i++) node = this.step(node, rules[i]!);
        node = this.step(node, occurrencesUpTo + 1);
        for (let i = 0; i <= occurrencesUpTo; i++) node = this.step(node, occurrences[i]!);
        for (let i = 0; i < extra.length - 1; i++) node = this.step(node, extra[i]!);
        const last = extra.length ? extra[extra.length - 1]! : -1;
        if (node.has(last)) return node.get(last) as V;
        if (this.size >= 10_000) {
            this.root = new Map();
            this.size = 0;
            return this.at(recognizer, occurrencesUpTo, extra, make);
        }
        const value = make();
        node.set(last, value);
        this.size++;
        return value;
    }

    private step(node: Map<number, unknown>, key: number): Map<number, unknown> {
        let next = node.get(key) as Map<number, unknown> | undefined;
        if (!next) node.set(key, (next = new Map()));
        return next;
    }
}

/**
 * Each recovered error walks the grammar to find what may come next (the tokens that may follow
 * here, the paths of each alternative for the message): 45 µs an error, the same answer every
 * time at the same place of the grammar. Remembered per place, in this parser.
 */
export function rememberGrammarWalks(wrapper: RecognizerInternals, wholeRuleChoices: WholeRuleChoices = new Map()): void {
    const follows = new PlaceMemo<TokenType[]>();
    const followKey = [0, 0];
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'getFollowsForInRuleRecovery',
        getFollowsForInRuleRecovery =>
            function (this: RecognizerInternals, tokType: TokenType, tokIdxInRule: number): TokenType[] {
                // the live entries of both stacks (Chevrotain's grammar path reads the occurrences up to their own index);
                // the key in one list for all calls and no closure: two fewer objects per recovered error
                followKey[0] = tokType.tokenTypeIdx!;
                followKey[1] = tokIdxInRule;
                const known = follows.get(this, this.RULE_OCCURRENCE_STACK_IDX, followKey);
                if (known !== undefined) return known;
                const found = getFollowsForInRuleRecovery.call(this, tokType, tokIdxInRule);
                followKey[0] = tokType.tokenTypeIdx!;
                followKey[1] = tokIdxInRule;
                return follows.at(this, this.RULE_OCCURRENCE_STACK_IDX, followKey, () => found);
            },
    );
    const paths = new Map<string, ReturnType<typeof getLookaheadPaths>>();
    // Chevrotain's own raiseNoAltException, with the paths of the alternatives remembered (and,
    // in a rule that is one choice, the error recovered without a throw: recoverChoicesWithoutThrowing).
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'raiseNoAltException',
        () =>
            function (this: RecognizerInternals, occurrence: number, errMsgTypes: string | undefined): void {
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
                const error = this.SAVE_ERROR(recognitionError(NoViableAltException, 'NoViableAltException', message, this.LA(1), previous));
                if (wholeRuleChoices.get(ruleName) === occurrence && recoveredInRule(this, error)) return;
                throw error;
            },
    );
    // Chevrotain's own consumeInternalError, with its exception made the cheap way (recognitionError).
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'consumeInternalError',
        () =>
            function (this: RecognizerInternals, tokType: TokenType, nextToken: IToken, options: { ERR_MSG?: string } | undefined): never {
                throw mismatchedToken(this, tokType, nextToken, options);
            },
    );
}

/**
 * A rule whose whole body is one choice, where no alternative fits (`role user`: 100,000 of them
 * in a megabyte): Chevrotain throws the error to the rule's own catch (`invokeRuleCatch`), which
 * skips to the next token that may follow the rule and returns — 2 to 6 µs a throw, a quarter of
 * the CPU of such a plan. Between the choice and that catch the rule runs nothing, so the same
 * recovery is done here and the rule returns from its choice: its node is closed by Langium's
 * rule rather than by Langium's `subrule` after the catch, the same node, and its value takes the
 * same way (recoverChoicesWithoutThrowing; parser-equivalence proves the same trees and errors).
 * Chevrotain's invokeRuleCatch (chevrotain 13.2.0, recognizer_engine.js) for a recognition
 * exception, with a rule config that resynchronises (Langium's) and without a CST (Langium's
 * embedded actions): false where it would throw on, and then the error is thrown as before.
 */
function recoveredInRule(recognizer: RecognizerInternals, error: Error): boolean {
    if (!recognizer.recoveryEnabled || recognizer.isBackTracking()) return false;
    const reSyncTokType = recognizer.findReSyncTokenType();
    if (!recognizer.isInCurrentRuleReSyncSet(reSyncTokType)) return false;
    (error as Error & { resyncedTokens: IToken[] }).resyncedTokens = recognizer.reSyncTo(reSyncTokType!);
    return true;
}

/** Chevrotain's consumeInternalError without the throw: the message, the exception (made the cheap way) and its SAVE_ERROR. */
function mismatchedToken(recognizer: RecognizerInternals, tokType: TokenType, nextToken: IToken, options: { ERR_MSG?: string } | undefined): Error {
    const previousToken = recognizer.LA(0);
    const message =
        options !== undefined && options.ERR_MSG
            ? options.ERR_MSG
            : recognizer.errorMessageProvider.buildMismatchTokenMessage({
                  expected: tokType,
                  actual: nextToken,
                  previous: previousToken,
                  ruleName: recognizer.getCurrRuleFullName(),
              });
    return recognizer.SAVE_ERROR(recognitionError(MismatchedTokenException, 'MismatchedTokenException', message, nextToken, previousToken));
}

/**
 * A token that is not the one expected: Chevrotain's consumeInternal throws the mismatch and
 * catches it at once to try the in-rule recovery (a `}` inserted, a stray token deleted): a throw
 * and a catch per recovered error (60,000 unclosed customers: 60,000 of each), although the
 * recovery mostly succeeds. Here the mismatch is handed to the same recovery directly, and thrown
 * only when the recovery throws it (it cannot recover here): the same errors, tokens and tree.
 * Chevrotain's consumeInternal (chevrotain 13.2.0, recognizer_engine.js) with that one change.
 */
export function recoverWithoutThrowing(wrapper: RecognizerInternals): void {
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'consumeInternal',
        () =>
            function (this: RecognizerInternals, tokType: TokenType, idx: number, options: { ERR_MSG?: string; LABEL?: string } | undefined): IToken {
                let consumedToken: IToken;
                const nextToken = this.LA(1);
                if (this.tokenMatcher(nextToken, tokType) === true) {
                    this.consumeToken();
                    consumedToken = nextToken;
                } else {
                    consumedToken = this.consumeInternalRecovery(tokType, idx, mismatchedToken(this, tokType, nextToken, options));
                }
                this.cstPostTerminal(options !== undefined && options.LABEL !== undefined ? options.LABEL : tokType.name, consumedToken);
                return consumedToken;
            },
    );
}
