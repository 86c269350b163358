/**
 * acct's tokens: offsets kept, lines and columns computed when asked. Made by acct's scanner
 * (acct-scanner.ts) and, where it does not know the vocabulary, by Chevrotain's lexer (acct-lexer.ts).
 */
import type { IToken, TokenType } from 'chevrotain';
import { lineOfOffset } from '../text/text-scan.js';

/**
 * The lines of a lexed text, for its tokens' positions: each answer moves forward from the last
 * (tokens are mostly asked in order), and an offset before it is found by binary search.
 */
export class TokenLines {
    /** The last line found, in the lexed text. */
    private line = 0;

    /** `origin`: where the lexed text starts in a whole text, whose lines and offsets the answers are in (the text's own: none). */
    constructor(
        readonly starts: Uint32Array,
        readonly origin: TextOrigin = NO_ORIGIN,
    ) {}

    /** The 0-based line holding `offset`. */
    lineOf(offset: number): number {
        const starts = this.starts;
        const local = offset - this.origin.offset;
        let line = this.line;
        if (starts[line]! > local) line = lineOfOffset(starts, local);
        else while (line + 1 < starts.length && starts[line + 1]! <= local) line++;
        this.line = line;
        return line + this.origin.line;
    }

    startOf(line: number): number {
        const { origin } = this;
        const local = line - origin.line;
        // the lexed text's first line starts, in the whole text, `column` characters before it
        return local === 0 ? origin.offset - origin.column : this.starts[local]! + origin.offset;
    }
}

/** Where a text lexed alone starts in a whole text: its offset, and 0-based line and column. */
export interface TextOrigin {
    readonly offset: number;
    readonly line: number;
    readonly column: number;
}

const NO_ORIGIN: TextOrigin = { offset: 0, line: 0, column: 0 };

/**
 * The tokens of a text lexed alone (a window of the incremental parse), placed where the text
 * starts in a whole text — the same tokens at the whole text's offsets, their lines and columns
 * still computed only when asked (a copy of each with its positions cost more than the lexing of
 * the window). Undefined when a token is not one this lexer made from a text of its own.
 */
export function placedTokens(tokens: readonly IToken[], origin: TextOrigin): IToken[] | undefined {
    const placed: IToken[] = [];
    let from: TokenLines | undefined;
    let to: TokenLines | undefined;
    for (const token of tokens) {
        if (!(token instanceof LazyToken) || token.lines.origin !== NO_ORIGIN) return undefined;
        if (token.lines !== from) [from, to] = [token.lines, new TokenLines(token.lines.starts, origin)];
        placed.push(new LazyToken(token.image, token.startOffset + origin.offset, token.tokenTypeIdx, token.tokenType, to!));
    }
    return placed;
}

/**
 * A token as Chevrotain makes it with offsets only, its lines and columns computed when asked
 * (1-based, the end the last character's, as Chevrotain's: lines end at `\n`, `\r\n` or `\r`).
 * Chevrotain's line tracking cost a third of the lexing and kept the positions as boxed numbers;
 * a copy of every token with its positions cost more than the lexing of its text: only the
 * tokens of syntax errors and comments are ever asked (acct's leaves keep offsets).
 */
export class LazyToken implements IToken {
    constructor(
        readonly image: string,
        readonly startOffset: number,
        readonly tokenTypeIdx: number,
        readonly tokenType: TokenType,
        readonly lines: TokenLines,
    ) {}

    get endOffset(): number {
        return this.startOffset + this.image.length - 1;
    }
    get startLine(): number {
        return this.lines.lineOf(this.startOffset) + 1;
    }
    get startColumn(): number {
        const lines = this.lines;
        return this.startOffset - lines.startOf(lines.lineOf(this.startOffset)) + 1;
    }
    /** Only a block comment spans lines: a token of one character (or none) ends on the line it starts on. */
    private endLine0(): number {
        return this.lines.lineOf(this.image.length > 1 ? this.endOffset : this.startOffset);
    }
    get endLine(): number {
        return this.endLine0() + 1;
    }
    get endColumn(): number {
        return this.endOffset - this.lines.startOf(this.endLine0()) + 1;
    }
}
