/**
 * Text fitting for the pictures: names wrap onto the lines their room allows, break inside a
 * word only when it is longer than a line (Chinese has no spaces), and say when they were cut;
 * the tier quadrant's regions, each named once.
 */
import { describe, expect, it } from 'vitest';
import { suggestedTiers, TIERS } from '@acct/method';
import { tierRegions } from '../../client/webview/src/models/quadrant.js';
import { estimateTextWidth, wrapText } from '../../client/webview/src/text-metrics.js';

describe('wrapText', () => {
    it('keeps a short text on one line, whole', () => {
        expect(wrapText('General Manager', 200, 11.5, 2)).toEqual({ lines: ['General Manager'], truncated: false });
    });

    it('breaks at spaces, every line within the width, and cuts the last line only when the text does not fit', () => {
        const text = 'Deputy General Manager for Network Planning, Construction and Operations';
        const two = wrapText(text, 190, 11.5, 2);
        expect(two.lines).toHaveLength(2);
        expect(two.truncated).toBe(true);
        expect(two.lines[1]!.endsWith('…')).toBe(true);
        const three = wrapText(text, 190, 11.5, 4);
        expect(three.truncated).toBe(false);
        expect(three.lines.join(' ')).toBe(text);
        for (const l of [...two.lines, ...three.lines]) expect(estimateTextWidth(l, 11.5)).toBeLessThanOrEqual(190);
    });

    it('breaks a Chinese name, which has no spaces, between characters', () => {
        const name = '广东省深圳市南山区科技园管理委员会信息中心';
        const w = wrapText(name, 120, 12, 3);
        expect(w.lines.length).toBeGreaterThan(1);
        expect(w.lines.join('')).toBe(name);
        for (const l of w.lines) expect(estimateTextWidth(l, 12)).toBeLessThanOrEqual(120);
    });

    // how long it takes is a figure of the benchmark (`npm run bench -- --only=text`, target ≤ 1 s)
    it('wraps a 250 kB text into its three lines, cut short', () => {
        const long = 'word '.repeat(50_000);
        const w = wrapText(long, 200, 12, 3);
        expect(w.truncated).toBe(true);
        expect(w.lines).toHaveLength(3);
        for (const l of w.lines) expect(estimateTextWidth(l, 12)).toBeLessThanOrEqual(200);
        expect(w.lines.at(-1)!.endsWith('…')).toBe(true);
    });
});

describe('tier regions', () => {
    it('name each tier once, on a cell of that tier, and cover the 25 cells', () => {
        const counts = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
        counts[0]![2] = 3; // a crowded cell: its region's name goes to another
        const regions = tierRegions(counts);
        expect(regions.map(r => r.tier).sort()).toEqual([...TIERS].sort());
        expect(regions.reduce((n, r) => n + r.cells.length, 0)).toBe(25);
        for (const r of regions) {
            const [s, c] = r.labelCell;
            expect(suggestedTiers[s - 1]![c - 1]).toBe(r.tier);
            expect(r.cells).toContainEqual(r.labelCell);
        }
        expect(regions.find(r => r.tier === 'commercial')!.labelCell).not.toEqual([1, 3]);
    });
});
