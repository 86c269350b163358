/**
 * One mistake, one error, and the rest of the block kept: when the parser meets a word that
 * cannot stand in a block (`contcat b "B" { … }` in a customer), Chevrotain's in-repetition
 * recovery skips tokens until the block may go on — but it stops at the first `}`, which is the
 * misspelt item's own, and closes the customer there: the contacts and deals after it were lost
 * and the rest of the file read as junk. Here a `{ … }` group met while skipping is skipped
 * whole, so the recovery resumes at the next item of the same block.
 *
 * This is Chevrotain's own tryInRepetitionRecovery (chevrotain 13.2.0, recoverable.js, the same
 * as 11.1.1's but for its `LA_FAST`) with that one change; it changes what the parser builds from
 * broken text, never from text that parses. test/unit/langium-internals.test.ts fails when the
 * upstream method changes, so that this copy is compared again.
 */
import { MismatchedTokenException, tokenMatcher, type IToken } from 'chevrotain';
import { replaceMethod, type RecognizerInternals } from '../langium-internals.js';

type RepetitionRecovery = RecognizerInternals;

const kind = (token: IToken): string => token.tokenType.name;

export function skipBlocksWhenRecovering(parser: RepetitionRecovery): void {
    replaceMethod(
        parser,
        'chevrotain Parser',
        'tryInRepetitionRecovery',
        () =>
            function (this: RepetitionRecovery, grammarRule, grammarRuleArgs, lookAheadFunc, expectedTokType): void {
                const reSyncTokType = this.findReSyncTokenType();
                const savedLexerState = this.exportLexerState();
                const resyncedTokens: IToken[] = [];
                const nextTokenWithoutResync = this.LA(1);
                let currToken = this.LA(1);
                const saveError = (): void => {
                    const previous = this.LA(0);
                    const message = this.errorMessageProvider.buildMismatchTokenMessage({
                        expected: expectedTokType,
                        actual: nextTokenWithoutResync,
                        previous,
                        ruleName: this.getCurrRuleFullName(),
                    });
                    const error = new MismatchedTokenException(message, nextTokenWithoutResync, previous);
                    // the first token is the cause of the error, not a resynced one
                    error.resyncedTokens = resyncedTokens.slice(0, -1);
                    this.SAVE_ERROR(error);
                };
                const skip = (): void => {
                    currToken = this.SKIP_TOKEN();
                    this.addToResyncTokens(currToken, resyncedTokens);
                };
                for (;;) {
                    if (tokenMatcher(currToken, expectedTokType)) {
                        saveError();
                        return;
                    }
                    if (lookAheadFunc.call(this)) {
                        saveError();
                        grammarRule.apply(this, grammarRuleArgs);
                        return;
                    }
                    if (kind(currToken) === '{') {
                        // the misplaced item's own block, skipped whole with the blocks inside it
                        let depth = 0;
                        do {
                            if (kind(currToken) === '{') depth++;
                            else if (kind(currToken) === '}') depth--;
                            skip();
                        } while (depth > 0 && kind(currToken) !== 'EOF');
                        continue;
                    }
                    // (a block skipped whole may hold the resync point: the end of the file stops the search too)
                    if (kind(currToken) === 'EOF' || (reSyncTokType && tokenMatcher(currToken, reSyncTokType))) break;
                    skip();
                }
                // no closer point to resync inside the repetition: the between-rules recovery takes over
                this.importLexerState(savedLexerState);
            },
    );
}
