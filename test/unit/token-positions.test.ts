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

    it('lexing errors have the line and column of their offset', () => {
        const result = lexer.tokenize('member a "A"\r\n  %%% member b "B"\n\tmember c "unclosed\n');
        expect(result.errors.map(e => [e.line, e.column])).toEqual([
            [2, 3],
            [3, 11],
        ]);
    });
});
