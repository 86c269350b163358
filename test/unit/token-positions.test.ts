/**
 * The lexer computes token positions from offsets (acct-lexer.ts) instead of letting Chevrotain
 * track lines: every token, hidden token and lexing error must have the line, column and end
 * Chevrotain's full tracking gives — on the examples, on hostile edits of them (the fuzzer's:
 * CR-only and mixed line endings, NUL, BOMs, unterminated strings, block comments over lines).
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { Lexer as ChevrotainLexer, type ILexerConfig, type IToken, type TokenType } from 'chevrotain';
import { EmptyFileSystem } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { placedTokens } from '../../server/src/language/parser/lazy-token.js';
import { lineStarts, lineOfOffset } from '../../server/src/language/text/text-scan.js';
import { caseArb, examples, textOf } from '../fuzz/invariants.js';

const { Acct } = createAcctServices(EmptyFileSystem);
const lexer = Acct.parser.Lexer;
const own = (lexer as unknown as { chevrotainLexer: { lexerDefinition: TokenType[]; config: ILexerConfig } }).chevrotainLexer;
const tracking = new ChevrotainLexer(own.lexerDefinition, { positionTracking: 'full', errorMessageProvider: own.config.errorMessageProvider });

const where = (t: IToken) => [t.image, t.startOffset, t.endOffset, t.startLine, t.startColumn, t.endLine, t.endColumn];

function compare(text: string): void {
    const mine = lexer.tokenize(text);
    // Chevrotain alone, on the text acct's lexer gives it (runs of invalid characters squashed to one)
    const reference = tracking.tokenize(text);
    const tokens = (list: IToken[]) => list.filter(t => t.image.trim() !== '' || t.image === '').map(where);
    if (reference.errors.length === 0) {
        expect(tokens(mine.tokens)).toEqual(tokens(reference.tokens));
        expect(tokens(mine.hidden)).toEqual(tokens(reference.groups.hidden ?? []));
    } else {
        // with invalid characters the token lists differ by design (one error per run): compare the tokens both have
        const referenceAt = new Map(reference.tokens.map(t => [t.startOffset, where(t)]));
        for (const token of mine.tokens) {
            const other = referenceAt.get(token.startOffset);
            if (other && other[0] === token.image) expect(where(token)).toEqual(other);
        }
    }
    const errorsAt = new Map(reference.errors.map(e => [e.offset, [e.line, e.column]]));
    for (const error of mine.errors) {
        const other = errorsAt.get(error.offset);
        if (other) expect([error.line, error.column]).toEqual(other);
    }
}

describe('token positions from offsets', () => {
    it("are Chevrotain's on the examples, with every kind of line ending", () => {
        for (const text of examples) {
            compare(text);
            compare(text.replace(/\n/g, '\r\n'));
            compare(text.replace(/\n/g, '\r'));
            compare(`/* a block\r\ncomment\rover\nlines */ ${text}`);
        }
    });

    it("are Chevrotain's on hostile edits of the examples", () => {
        fc.assert(
            fc.property(caseArb, fuzz => {
                compare(textOf(fuzz));
            }),
            { numRuns: 300, seed: 20261126 },
        );
    });

    // The incremental parse lexes a window of the text alone and places its tokens in the whole
    // text (incremental/window-tokens.ts): placed without copying, each must have the positions a
    // copy with its positions moved gives (the way it was done), and those of the whole text's
    // own token at that offset.
    it('of a window lexed alone and placed in the whole text are those of the whole text', () => {
        const moved = (t: IToken, origin: { offset: number; line: number; column: number }) => [
            t.image,
            t.startOffset + origin.offset,
            t.endOffset! + origin.offset,
            t.startLine! + origin.line,
            t.startColumn! + (t.startLine === 1 ? origin.column : 0),
            t.endLine! + origin.line,
            t.endColumn! + (t.endLine === 1 ? origin.column : 0),
        ];
        fc.assert(
            fc.property(caseArb, fc.nat(), (fuzz, pick) => {
                const text = textOf(fuzz);
                const whole = lexer.tokenize(text);
                if (whole.tokens.length === 0) return;
                // the window starts where a token of the whole text starts
                const start = whole.tokens[pick % whole.tokens.length]!.startOffset;
                const starts = lineStarts(text);
                const line = lineOfOffset(starts, start);
                const origin = { offset: start, line, column: start - starts[line]! };
                const alone = lexer.tokenize(text.slice(start));
                for (const list of [alone.tokens, alone.hidden]) {
                    const placed = placedTokens(list, origin);
                    expect(placed).toBeDefined();
                    expect(placed!.map(where)).toEqual(list.map(t => moved(t, origin)));
                }
                // where the window's tokens are the whole text's (most of them), the positions are too
                const wholeAt = new Map([...whole.tokens, ...whole.hidden].map(t => [t.startOffset, where(t)]));
                for (const token of placedTokens([...alone.tokens, ...alone.hidden], origin)!) {
                    const other = wholeAt.get(token.startOffset);
                    if (other && other[0] === token.image && other[2] === token.endOffset) expect(where(token)).toEqual(other);
                }
            }),
            { numRuns: 300, seed: 20261207 },
        );
        // a token placed already, or one another lexer made, is not placed again without copying
        const once = placedTokens(lexer.tokenize('member a "A"').tokens, { offset: 3, line: 1, column: 2 })!;
        expect(placedTokens(once, { offset: 1, line: 0, column: 1 })).toBeUndefined();
        expect(placedTokens(tracking.tokenize('member a "A"').tokens, { offset: 1, line: 0, column: 1 })).toBeUndefined();
    });

    it('lexing errors have the line and column of their offset', () => {
        const result = lexer.tokenize('member a "A"\r\n  %%% member b "B"\n\tmember c "unclosed\n');
        expect(result.errors.map(e => [e.line, e.column])).toEqual([
            [2, 3],
            [3, 11],
        ]);
    });
});
