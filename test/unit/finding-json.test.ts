/**
 * `acct check --format json` writes its findings as bytes (cli/formats/finding-json.ts), each
 * finding's head and tail encoded once for the findings that share them: the pieces, put end to
 * end, are byte for byte the UTF-8 of JSON.stringify(findings, null, 2), and each piece is whole
 * UTF-8 on its own (it ends between two findings).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findingListBytes, PIECE_BYTES } from '../../server/src/cli/formats/finding-json.js';
import type { DiagnosticJson } from '../../server/src/contract/plan-types.js';
import { findingArbitraries } from '../support/finding-arbitraries.js';

const utf8 = (findings: unknown[]) => Buffer.from(JSON.stringify(findings, null, 2), 'utf8');
const pieces = (findings: unknown[]) => [...findingListBytes(findings as DiagnosticJson[])];

describe('the findings of acct check --format json, as bytes', () => {
    it('are the UTF-8 of JSON.stringify of the list, whatever their fields hold', () => {
        const { finding, odd } = findingArbitraries({
            texts: ['', '"', '\\', '\u0000', '\u2028', '\ud800', '客户计划', 'plan.acct'],
            lines: [NaN, Infinity, -0, -3, 1.5, 2 ** 31 - 1, 2 ** 31, 1e21],
            columns: [-0, 1.5],
            reason: '理由',
        });
        fc.assert(
            fc.property(fc.array(fc.oneof(finding, finding, odd), { maxLength: 20 }), findings => {
                expect(Buffer.concat(pieces(findings)).equals(utf8(findings))).toBe(true);
            }),
            { numRuns: 300 },
        );
    });

    it('findings that share a head or a tail, in turn or among many, are the UTF-8 of JSON.stringify of the list', () => {
        const pool = Array.from({ length: 100 }, (_, i) => `消息 ${i} "quoted" \\ ${'\u00e9'.repeat(i % 3)}`);
        const finding = fc.record({
            file: fc.constantFrom('a.acct', 'b.acct', '客户/c.acct'),
            line: fc.nat({ max: 3 }),
            column: fc.nat({ max: 2 }),
            severity: fc.constantFrom('error', 'warning', 'info'),
            code: fc.constantFrom('syntax', 'duplicate-id'),
            message: fc.oneof(fc.constantFrom(...pool.slice(0, 2)), fc.constantFrom(...pool)),
            subject: fc.option(fc.constantFrom(...pool.slice(0, 3))),
        });
        fc.assert(
            fc.property(fc.array(finding, { maxLength: 400 }), findings => {
                expect(Buffer.concat(pieces(findings)).equals(utf8(findings))).toBe(true);
            }),
            { numRuns: 100 },
        );
    });

    it('a long list comes in pieces of about PIECE_BYTES, each whole UTF-8 ending between two findings', () => {
        const message = '同一个 Id 声明了两次 "a"';
        const findings = Array.from({ length: 20_000 }, (_, i) => ({
            file: 'plan.acct',
            line: i + 1,
            column: i % 2 ? 1 : 10,
            severity: 'error',
            code: i % 2 ? 'syntax' : 'duplicate-id',
            message: i % 3 ? message : message + ` ${i}`,
            subject: i % 5 ? 'customer:a' : null,
        }));
        // one finding longer than a piece
        findings.push({ ...findings[0]!, line: 20_001, message: 'x'.repeat(3 * PIECE_BYTES) });
        const written = pieces(findings);
        // each piece written (here: copied) before the next is asked for, as standard output takes them
        const reused = Array.from(findingListBytes(findings as DiagnosticJson[], { reuse: true }), piece => Buffer.from(piece));
        expect(Buffer.concat(reused).equals(utf8(findings))).toBe(true);
        expect(written.length).toBeGreaterThan(3);
        expect(Buffer.concat(written).equals(utf8(findings))).toBe(true);
        const texts = written.map(piece => Buffer.from(piece).toString('utf8'));
        for (const [i, text] of texts.entries()) {
            expect(Buffer.from(text, 'utf8').equals(written[i]!)).toBe(true);
            if (i > 0) expect(texts[i]!.startsWith(',\n  {') || texts[i] === '\n]').toBe(true);
        }
        for (const piece of written.filter(p => p.length < PIECE_BYTES)) expect(written.indexOf(piece)).toBeGreaterThanOrEqual(written.length - 3);
        expect(written.filter(p => p.length > PIECE_BYTES + (1 << 14)).length).toBe(1);
    });

    it('no findings are []', () => {
        expect(Buffer.concat(pieces([])).toString('utf8')).toBe('[]');
    });
});
