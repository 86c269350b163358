/**
 * acct's scanner (acct-scanner.ts) in place of Chevrotain's lexer: the same tokens (type, image,
 * offset, line, column), the same comments, the same lexing errors (offset, line, column, length,
 * message) in the same order, for any text — random texts made of the grammar's keywords, names,
 * strings, dates, numbers, comments, punctuation, odd white space, line ends and random
 * characters; every file of examples/ and test/fixtures; and the fuzzer's hostile edits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import type { ILexingError, IToken } from 'chevrotain';
import { EmptyFileSystem } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { AcctLexer } from '../../server/src/language/parser/acct-lexer.js';
import { isIdPart, isWideSpace, stopsAmount } from '../../server/src/language/parser/acct-scanner.js';
import { caseArb, textOf } from '../fuzz/invariants.js';

const { Acct } = createAcctServices(EmptyFileSystem);
const scanning = Acct.parser.Lexer as AcctLexer;
const chevrotain = new AcctLexer(Acct, 'chevrotain');

// (each lexer has token types of its own: the index compared is the type's)
const token = (t: IToken) => [
    t.tokenType.name,
    t.tokenTypeIdx === t.tokenType.tokenTypeIdx,
    t.image,
    t.startOffset,
    t.endOffset,
    t.startLine,
    t.startColumn,
    t.endLine,
    t.endColumn,
];
const error = (e: ILexingError) => [e.offset, e.line, e.column, e.length, e.message];

function lexedAlike(text: string): void {
    const mine = scanning.tokenize(text);
    const reference = chevrotain.tokenize(text);
    expect(mine.tokens.map(token)).toEqual(reference.tokens.map(token));
    expect(mine.hidden.map(token)).toEqual(reference.hidden.map(token));
    expect(mine.errors.map(error)).toEqual(reference.errors.map(error));
    expect(scanning.lastLineStarts).toEqual(chevrotain.lastLineStarts);
}

function acctFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const file = path.join(dir, entry.name);
        return entry.isDirectory() ? acctFiles(file) : entry.name.endsWith('.acct') ? [file] : [];
    });
}

const keywords = Object.values(scanning.definition)
    .map(type => type.PATTERN)
    .filter((pattern): pattern is string => typeof pattern === 'string');

const piece = fc.oneof(
    fc.constantFrom(...keywords),
    // names, and keywords that are the start of a name or of a longer keyword
    fc.constantFrom(
        'alice',
        'core5g',
        'teamx',
        'S1',
        '_x',
        'ÄÖ',
        '陈静',
        'x\u3000y',
        'site-visits',
        'hq-visitor',
        'hq-',
        'team-eventual',
        'decision-chain-x',
        'reports-tomorrow',
        'site',
        'stale-contact',
    ),
    fc.stringMatching(/^[_a-zA-Z\u00C0-\u00FF\u4E00-\u4E10][_a-zA-Z0-9\u00C0-\u00FF]{0,6}$/),
    // strings: closed, escaped, left open, a backslash before a line end
    fc.constantFrom('"A B"', '"a \\" b"', '"\\\\"', '"open', '"a\\', '"a\\\u2028b"', '"\u2028"', '""', '"x\\\ny"', '"x\\\r"'),
    fc.string({ maxLength: 6 }).map(inside => `"${inside}"`),
    // dates, and numbers next to them
    fc.constantFrom('2026-10-01', '2026-1-01', '20261-10-01', '2026-10-011', '2026-10-0', '0000-00-00x'),
    fc.constantFrom('12', '1.5', '1.', '.5', '1..2', '30M', '30M元', '12kx', '1.5G', '3亿', '3万美元', '12k_', '7b', '2B3', '1.5kb', '9Ä', '10m!'),
    fc.integer({ min: 0, max: 99999 }).map(String),
    // comments, closed and not
    fc.constantFrom('// note', '//', '/* a */', '/* a\r\nb */', '/* open', '/*/', '/**/', '/', '*/', '/ /', '//\u2028x'),
    fc.constantFrom('{', '}', ',', '-', '?', '{}', '-1', '?,'),
    // white space and line ends, odd ones too
    fc.constantFrom(' ', '\t', '\n', '\r\n', '\r', '\v', '\f', '\u00A0', '\u3000', '\uFEFF', '\u2028', '\u2029', '\u1680', '\u0085', '\u180E', '\u200B'),
    // characters no token starts with, and random ones (lone surrogates and control characters too)
    fc.constantFrom('%', '.', '*', '#', '@', '\0', '\u007f', '\u0080', '\u00BF', '%%%', '\\', "'", ';', '<>'),
    fc.string({ unit: 'binary', maxLength: 4 }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map(c => String.fromCharCode(c)), maxLength: 4 }),
);

const text = fc.array(fc.tuple(piece, fc.constantFrom('', '', ' ', '\n')), { maxLength: 40 }).map(parts => parts.map(([p, gap]) => p + gap).join(''));

describe("acct's scanner", () => {
    it('reads acct’s vocabulary (Chevrotain’s lexer is only a fallback)', () => {
        expect(scanning.scans).toBe(true);
        expect(chevrotain.scans).toBe(false);
    });

    it('classifies every code unit as the terminals’ patterns do', () => {
        const differing: string[] = [];
        for (let c = 0; c <= 0xffff; c++) {
            const char = String.fromCharCode(c);
            if (isIdPart(c) !== /[_a-zA-Z0-9\u00C0-\uFFFF]/.test(char)) differing.push(`id ${c}`);
            if (c >= 128 && isWideSpace(c) !== /\s/.test(char)) differing.push(`space ${c}`);
            if (stopsAmount(c) !== /[_a-zA-Z0-9\u00C0-\u4DFF\u9FA0-\uFFFF]/.test(char)) differing.push(`amount ${c}`);
        }
        expect(differing).toEqual([]);
    });

    it("lexes every file of examples/ and test/fixtures as Chevrotain's lexer does", () => {
        const files = [...acctFiles('examples'), ...acctFiles('test/fixtures')];
        expect(files.length).toBeGreaterThan(5);
        for (const file of files) {
            const content = fs.readFileSync(file, 'utf8');
            lexedAlike(content);
            lexedAlike(content.replace(/\n/g, '\r\n'));
            lexedAlike(content.replace(/\n/g, '\r'));
            lexedAlike(`\uFEFF${content}`);
        }
    });

    it("lexes random texts of the grammar's pieces as Chevrotain's lexer does", () => {
        fc.assert(
            fc.property(text, t => {
                lexedAlike(t);
            }),
            { numRuns: 3000, seed: 20261207 },
        );
    });

    it("lexes the fuzzer's hostile edits of the examples as Chevrotain's lexer does", () => {
        fc.assert(
            fc.property(caseArb, fuzz => {
                lexedAlike(textOf(fuzz));
            }),
            { numRuns: 300, seed: 20261207 },
        );
    });

    it('gives the message and length of a run of invalid characters, and of an open string', () => {
        const result = scanning.tokenize('member a "A"\r\n  %%% member b "B"\n\tmember c "unclosed\n/* open');
        expect(result.errors.map(error)).toEqual(chevrotain.tokenize('member a "A"\r\n  %%% member b "B"\n\tmember c "unclosed\n/* open').errors.map(error));
        expect(result.errors.map(e => [e.line, e.column, e.length])).toEqual([
            [2, 3, 3],
            [4, 1, 2],
            [3, 11, 9],
        ]);
    });
});
