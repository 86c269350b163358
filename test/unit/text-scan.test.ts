/**
 * One scanner (language/text/text-scan.ts) says where strings and comments end and where lines start,
 * for the lexer, the brace matching, the lean syntax tree and the placement of new text: a line
 * ends at LF, CR LF or a lone CR. A plan written with any of them is read the same — nothing
 * after a `//` comment is swallowed in a file with CR line breaks.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { closingBraces } from '../../server/src/language/text/spans.js';
import { firstLineBreak, lineEndAt, lineOfOffset, lineStartAt, lineStarts, offsetOf, skipStringOrComment } from '../../server/src/language/text/text-scan.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fc from 'fast-check';
import { buildWorkspace, summary, TEAM } from './helpers.js';

const STYLES = { LF: '\n', CR: '\r', CRLF: '\r\n' } as const;
const written = (text: string, eol: string) => text.replace(/\r\n?|\n/g, eol);

describe('the one scanner', () => {
    for (const [style, eol] of Object.entries(STYLES)) {
        it(`ends a // comment and an open string at a ${style} line break`, () => {
            const text = `// note${eol}{ "open${eol}}`;
            expect(skipStringOrComment(text, 0)).toBe(7);
            const quote = text.indexOf('"');
            expect(skipStringOrComment(text, quote)).toBe(quote + 5);
            expect(lineEndAt(text, 0)).toBe(7);
            expect(lineStartAt(text, text.length)).toBe(text.lastIndexOf(eol) + eol.length);
            expect(firstLineBreak(text)).toBe(eol);
            expect(Array.from(lineStarts(text))).toEqual([0, 7 + eol.length, quote + 5 + eol.length]);
            // the brace after the comment's line is found, and closed by the last one
            expect(closingBraces(text).blockEnd(7 + eol.length, text.length)).toBe(text.length);
            // no brace before it (the comment's line)
            expect(closingBraces(text).blockEnd(0, 7 + eol.length)).toBeUndefined();
        });
    }

    it('a block comment ends at its first */, a closed string at its quote, an escape never takes a line break', () => {
        expect(skipStringOrComment('/* a\r b */ c', 0)).toBe(10);
        expect(skipStringOrComment('/* open', 0)).toBe(7);
        expect(skipStringOrComment('"a\\"b" c', 0)).toBe(6);
        expect(skipStringOrComment('"a\\\rb"', 0)).toBe(2);
        expect(skipStringOrComment('x', 0)).toBe(-1);
        expect(skipStringOrComment('/ x', 0)).toBe(-1);
        expect(lineOfOffset(lineStarts('a\rb\r\nc\nd'), 5)).toBe(2);
    });

    // A CR after a comment, then a block comment holding a LF: read as if the comment ran on to the
    // LF, the block comment's `*/` became invalid characters and the next block comment swallowed
    // the customer: "No findings" for a plan with a wrong tier.
    const plan = `${TEAM}member dora "Dora" // who\r/* note\n */\rcustomer x "X" {\r    tier foo\r}\r/* end */\r`;

    for (const [style, eol] of Object.entries(STYLES)) {
        it(`the lexer reads the same tokens from a plan written with ${style} line breaks`, () => {
            const { Acct } = createAcctServices(EmptyFileSystem);
            const images = (text: string) => {
                const result = Acct.parser.Lexer.tokenize(text);
                return [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset).map(t => t.image.replace(/\r\n?/g, '\n'));
            };
            const reference = images(written(plan, '\n'));
            expect(reference).toContain('foo');
            expect(images(written(plan, eol))).toEqual(reference);
            expect(images(plan)).toEqual(reference);
        });
    }

    it('a plan with mixed line breaks keeps its findings', async () => {
        const ws = await buildWorkspace({ 'plan.acct': plan });
        expect(summary(ws.findings())).toContain('syntax');
        const lf = await buildWorkspace({ 'plan.acct': written(plan, '\n') });
        expect(summary(ws.findings())).toBe(summary(lf.findings()));
    });
    it("finds line starts and offsets as the editor's TextDocument does, with and without \\r (issue 23)", () => {
        fc.assert(
            fc.property(
                fc.array(fc.constantFrom('a', 'é', '王', ' ', '\n', '\r', '\r\n', '{', '"'), { maxLength: 60 }).map(parts => parts.join('')),
                fc.integer({ min: -2, max: 30 }),
                fc.integer({ min: -2, max: 30 }),
                (text, line, character) => {
                    const document = TextDocument.create('file:///x.acct', 'acct', 1, text);
                    const starts = lineStarts(text);
                    expect(starts.length).toBe(document.lineCount);
                    for (let l = 0; l < starts.length; l++) expect(starts[l]).toBe(document.offsetAt({ line: l, character: 0 }));
                    expect(offsetOf(text, starts, line, character)).toBe(document.offsetAt({ line, character }));
                },
            ),
            { numRuns: 2000 },
        );
    });
});
