/** The member of Chevrotain's lexer that acct's lexer replaces (acct-lexer.ts `LazyToken`), checked. */
import type { IToken, Lexer, TokenType } from 'chevrotain';
import { expectMember, LangiumInternalsError } from './member-checks.js';

/** Makes each token the lexer matched: set once, in Chevrotain's constructor, by the position tracking chosen. */
export type TokenFactory = (image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType) => IToken;

export interface LexerInternals {
    createTokenInstance: TokenFactory;
}

/**
 * The lexer's token factory, checked: a function that, for a lexer made with
 * `positionTracking: 'onlyOffset'`, takes the image, the offset, the type's index and the type
 * first and gives a token of those four (Chevrotain's `createOffsetOnlyToken`).
 */
export function lexerInternals(lexer: Lexer): LexerInternals {
    const owner = 'chevrotain Lexer';
    expectMember(lexer, owner, 'createTokenInstance', 'function');
    const internals = lexer as unknown as LexerInternals;
    const type = { name: 'probe' } as TokenType;
    const probe = internals.createTokenInstance.call(lexer, 'ab', 3, 7, type);
    if (probe.image !== 'ab' || probe.startOffset !== 3 || probe.tokenTypeIdx !== 7 || probe.tokenType !== type) {
        throw new LangiumInternalsError(owner, 'createTokenInstance', 'a function of (image, startOffset, tokenTypeIdx, tokenType)');
    }
    return internals;
}
