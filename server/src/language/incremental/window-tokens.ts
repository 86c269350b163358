/**
 * The tokens of a window of the text, lexed alone and placed where they are in the whole text.
 * Lexing a window alone gives the tokens the whole text has there when the window starts where
 * a token starts (the text before it unchanged, see incremental-parse.ts) and the lexer, run past
 * the window's end, finds there the token the old text had: then no token of the window reached
 * past its end. A lexing error of Chevrotain in the window (a character no token starts with, a
 * `/*` without its end) may be a token cut short by the window's end: the window is not taken.
 */
import type { ILexingError, IToken, TokenType } from 'chevrotain';
import type { Lexer } from 'langium';
import { placedTokens } from '../parser/lazy-token.js';

/** Where the window starts in the whole text: offset, and 0-based line and column. */
export interface Origin {
    offset: number;
    line: number;
    column: number;
}

export interface WindowTokens {
    tokens: IToken[];
    hidden: IToken[];
    /** Errors of the window the whole text has too (unterminated strings), placed in the whole text. */
    errors: ILexingError[];
}

/** acct's lexer reports an open string with this message (acct-lexer.ts); it does not change the tokens. */
export const isUnterminatedString = (error: ILexingError): boolean => error.message.startsWith('unterminated string');

function place(token: IToken, origin: Origin): IToken {
    const firstLine = token.startLine === 1;
    const endOnFirstLine = token.endLine === 1;
    return {
        ...token,
        startOffset: token.startOffset + origin.offset,
        endOffset: token.endOffset! + origin.offset,
        startLine: token.startLine! + origin.line,
        endLine: token.endLine! + origin.line,
        startColumn: token.startColumn! + (firstLine ? origin.column : 0),
        endColumn: token.endColumn! + (endOnFirstLine ? origin.column : 0),
    };
}

/** The tokens placed in the whole text: acct's lexer's own, their positions still computed only when asked; others copied with theirs. */
function placed(tokens: readonly IToken[], origin: Origin): IToken[] {
    return placedTokens(tokens, origin) ?? tokens.map(token => place(token, origin));
}

function placeError(error: ILexingError, origin: Origin): ILexingError {
    return {
        ...error,
        offset: error.offset + origin.offset,
        line: error.line === undefined ? undefined : error.line + origin.line,
        column: error.column === undefined ? undefined : error.column + (error.line === 1 ? origin.column : 0),
    };
}

/**
 * The text of `[start, end)` of `text` as a string of its own. A slice is a view of the whole text
 * in V8 (13 characters and more): the window's token images, and the names and strings of the
 * nodes parsed from it, would keep the whole text of this version alive as long as one of those
 * nodes stays in the tree — in `acct history`, every version of a file edited five times
 * (10 MB of old texts in the benchmark's run, docs/benchmark.md, thirteenth pass). A concatenation
 * is flattened into a new string by the slice that follows it, so the window's strings hold only
 * the window (a character more).
 */
export function windowText(text: string, start: number, end: number): string {
    return (' ' + text.slice(start, end)).slice(1);
}

/**
 * Lexes `text` (the window and, after `end`, what follows it), keeping the tokens before `end`.
 * `next` is the image of the token the old text had at the window's end (undefined: the window
 * ends with the text). Undefined when the window cannot be lexed alone.
 */
export function lexWindow(lexer: Lexer, text: string, end: number, next: string | undefined, origin: Origin): WindowTokens | undefined {
    const result = lexer.tokenize(text);
    const inWindow = (offset: number) => offset < end;
    if (result.errors.some(error => inWindow(error.offset) && !isUnterminatedString(error))) return undefined;
    if (next !== undefined && !result.tokens.some(token => token.startOffset === end && token.image === next)) return undefined;
    if ((result.report?.diagnostics.length ?? 0) > 0) return undefined;
    return {
        tokens: placed(
            result.tokens.filter(token => inWindow(token.startOffset)),
            origin,
        ),
        hidden: placed(
            result.hidden.filter(token => inWindow(token.startOffset)),
            origin,
        ),
        errors: result.errors.filter(error => inWindow(error.offset)).map(error => placeError(error, origin)),
    };
}

/** A token `}` at `offset` that closes a customer whose body is parsed alone (its node is not kept). */
export function closingBrace(type: TokenType, offset: number): IToken {
    return {
        image: '}',
        startOffset: offset,
        endOffset: offset,
        startLine: 1,
        endLine: 1,
        startColumn: 1,
        endColumn: 1,
        tokenTypeIdx: type.tokenTypeIdx!,
        tokenType: type,
    };
}
