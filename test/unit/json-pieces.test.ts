/**
 * The CLI writes a long report in pieces (cli/formats/json-pieces.ts): joined, they are byte for
 * byte the text of JSON.stringify(value, null, 2), whatever the values, however many pieces.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonDocumentPieces, jsonListPieces, PIECE_CHARS } from '../../server/src/cli/formats/json-pieces.js';
import { formatJson, linePieces } from '../../server/src/cli/format.js';
import type { DiagnosticJson } from '../../server/src/contract/plan-types.js';
import { findingArbitraries } from '../support/finding-arbitraries.js';

const value = fc.jsonValue({ maxDepth: 3 });
/** Items long enough that a list of them spans several pieces. */
const longItem = fc.record({
    file: fc.string(),
    line: fc.nat(),
    message: fc.string({ minLength: 1 }).map(s => s.repeat(Math.ceil(40_000 / s.length))),
    subject: fc.option(fc.string()),
});

describe('reports written in pieces', () => {
    it('a list is JSON.stringify of the list, at any depth, in pieces no longer than needed', () => {
        fc.assert(
            fc.property(fc.array(fc.oneof(value, longItem), { maxLength: 30 }), fc.nat(3), (items, depth) => {
                const pieces = [...jsonListPieces(items, depth)];
                const whole = JSON.stringify(items, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));
                expect(pieces.join('')).toBe(whole);
                // a piece is handed out once it passes the size: no piece is much longer than one item past it
                for (const piece of pieces) expect(piece.length).toBeLessThan(PIECE_CHARS + 200_000);
            }),
            { numRuns: 60 },
        );
    });

    it('a list of many items is more than one piece', () => {
        const items = Array.from({ length: 5000 }, (_, i) => ({ file: 'plan.acct', line: i, message: 'x'.repeat(200) }));
        const pieces = [...jsonListPieces(items)];
        expect(pieces.length).toBeGreaterThan(2);
        expect(pieces.join('')).toBe(JSON.stringify(items, null, 2));
    });

    it('a document with its list in pieces is JSON.stringify of the whole document', () => {
        fc.assert(
            fc.property(fc.dictionary(fc.string(), value), fc.array(fc.oneof(value, longItem), { maxLength: 12 }), (head, results) => {
                const document = { ...head, runs: [{ tool: { name: 'acct' }, results: [] as unknown[] }] };
                const whole = JSON.stringify({ ...document, runs: [{ ...document.runs[0], results }] }, null, 2);
                expect([...jsonDocumentPieces(document, ['runs', '0', 'results'], results)].join('')).toBe(whole);
            }),
            { numRuns: 60 },
        );
    });

    it('the findings of acct check --format json are JSON.stringify of the list, whatever their fields hold', () => {
        // findings of other shapes too: a field missing, one more, another order, undefined values
        const { finding, odd } = findingArbitraries({
            texts: ['', '"', '\\', '\u0000', '\u2028', '\ud800', 'plan.acct'],
            lines: [NaN, Infinity, -0, 1.5],
            columns: [],
            reason: 'r',
        });
        fc.assert(
            fc.property(fc.array(fc.oneof(finding, finding, odd), { maxLength: 20 }), findings => {
                expect(formatJson(findings as DiagnosticJson[])).toBe(JSON.stringify(findings, null, 2));
            }),
            { numRuns: 300 },
        );
    });

    it('findings whose texts come back in turn, among more than it keeps, are JSON.stringify of the list', () => {
        // two texts in turn (two mistakes on every line), and any of a hundred (more than the report keeps with their JSON)
        const pool = Array.from({ length: 100 }, (_, i) => `message ${i} "quoted" \\ ${'\u00e9'.repeat(i % 3)}`);
        const finding = fc.record({
            file: fc.constantFrom('a.acct', 'b.acct'),
            line: fc.nat(),
            column: fc.nat(),
            severity: fc.constantFrom('error', 'warning', 'info'),
            code: fc.constantFrom('syntax', 'duplicate-id'),
            message: fc.oneof(fc.constantFrom(...pool.slice(0, 2)), fc.constantFrom(...pool)),
            subject: fc.option(fc.constantFrom(...pool)),
        });
        fc.assert(
            fc.property(fc.array(finding, { maxLength: 400 }), findings => {
                expect(formatJson(findings as DiagnosticJson[])).toBe(JSON.stringify(findings, null, 2));
            }),
            { numRuns: 100, seed: 20261206 },
        );
    });

    it('plan text that looks like the place of the list does not move the list', () => {
        const sly = '\u0000acct-list\u0000';
        const document = { changes: [{ name: sly, results: sly }], results: [] as unknown[], after: { results: sly } };
        const results = [{ message: sly }, { message: '"results": ' + sly }];
        const whole = JSON.stringify({ ...document, results }, null, 2);
        expect([...jsonDocumentPieces(document, ['results'], results)].join('')).toBe(whole);
    });

    it('lines in pieces are the lines joined by line feeds, nothing for none', () => {
        fc.assert(
            fc.property(fc.array(fc.string(), { maxLength: 40 }), lines => {
                expect([...linePieces(lines, line => line.repeat(3000))].join('')).toBe(lines.map(line => line.repeat(3000)).join('\n'));
            }),
        );
        expect([...linePieces([], String)]).toEqual([]);
    });
});
