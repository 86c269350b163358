/**
 * One mistake, one error, and the rest of the block kept: when the parser meets a word that
 * cannot stand in a block (`contcat b "B" { … }` in a customer), Chevrotain's in-repetition
 * recovery skips tokens until the block may go on — but it stops at the first `}`, which is the
 * misspelt item's own, and closes the customer there: the contacts and deals after it were lost
 * and the rest of the file read as junk. Here a `{ … }` group met while skipping is skipped
 * whole, so the recovery resumes at the next item of the same block.
 *
 * This is Chevrotain's own tryInRepetitionRecovery (chevrotain 11.1.1, recoverable.js) with that
 * one change; it changes what the parser builds from broken text, never from text that parses.
 */
import { MismatchedTokenException, tokenMatcher, type IToken, type TokenType } from 'chevrotain';

interface RepetitionRecovery {
    tryInRepetitionRecovery(grammarRule: (...args: unknown[]) => void, grammarRuleArgs: unknown[], lookAheadFunc: () => boolean, expectedTokType: TokenType): void;
    findReSyncTokenType(): TokenType | undefined;
    exportLexerState(): number;
    importLexerState(state: number): void;
    LA(howMuch: number): IToken;
    SKIP_TOKEN(): IToken;
    addToResyncTokens(token: IToken, resyncedTokens: IToken[]): IToken[];
    getCurrRuleFullName(): string;
    SAVE_ERROR(error: Error): Error;
    errorMessageProvider: { buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string };
}

const kind = (token: IToken): string => token.tokenType.name;

export function skipBlocksWhenRecovering(parser: RepetitionRecovery): void {
    for (const method of ['tryInRepetitionRecovery', 'findReSyncTokenType', 'exportLexerState', 'importLexerState', 'SKIP_TOKEN', 'addToResyncTokens'] as const) {
        if (typeof parser[method] !== 'function') throw new Error(`acct: the parser has no ${method} (Chevrotain changed)`);
    }
    parser.tryInRepetitionRecovery = function (this: RepetitionRecovery, grammarRule, grammarRuleArgs, lookAheadFunc, expectedTokType): void {
        const reSyncTokType = this.findReSyncTokenType();
        const savedLexerState = this.exportLexerState();
        const resyncedTokens: IToken[] = [];
        const nextTokenWithoutResync = this.LA(1);
        let currToken = this.LA(1);
        const saveError = (): void => {
            const previous = this.LA(0);
            const message = this.errorMessageProvider.buildMismatchTokenMessage({
                expected: expectedTokType, actual: nextTokenWithoutResync, previous, ruleName: this.getCurrRuleFullName(),
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
    };
}
