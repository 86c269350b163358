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
    private line = 0;

    constructor(readonly starts: Uint32Array) {}

    /** The 0-based line holding `offset`. */
    lineOf(offset: number): number {
        const starts = this.starts;
        let line = this.line;
        if (starts[line]! > offset) line = lineOfOffset(starts, offset);
        else while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
        return (this.line = line);
    }

    startOf(line: number): number {
        return this.starts[line]!;
    }
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
        private readonly lines: TokenLines,
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
