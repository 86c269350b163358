/**
 * The compact tier quadrant (a narrow panel, a narrow report window): a cell's numbered dots and
 * its group's box laid out in rows by their widths, never meeting nor leaving their cell; a cell
 * grouped as soon as its dots would not fit it; the numbers in the marks' order (the list of
 * names under the grid), their digits never wider than their dot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tier } from '@acct/contract';
import { buildQuadrant, quadrantMarks, type QuadrantModel } from '../../client/webview/src/models/quadrant.js';
import {
    compactMarks,
    dotFootprint,
    dotRadius,
    groupBox,
    groupFootprint,
    numberWidth,
    packRows,
    type Box,
    type Footprint,
} from '../../client/webview/src/quadrant-compact.js';
import { quadrantPlan } from './quadrant-plan.js';

const TIERS: Tier[] = ['excellent', 'strategic', 'core', 'value', 'commercial'];

type Seed = { standing: number; cooperation: number; tier: Tier | null };
const planOf = (seeds: readonly Seed[]) => quadrantPlan(seeds.map((s, i) => ({ ...s, name: `Customer ${i}` })));

/** Two boxes round centres meet (by more than rounding). */
const meet = (a: { x: number; y: number }, fa: Footprint, b: { x: number; y: number }, fb: Footprint): boolean =>
    Math.abs(a.x - b.x) < (fa.w + fb.w) / 2 - 0.5 && Math.abs(a.y - b.y) < (fa.h + fb.h) / 2 - 0.5;
const inside = (p: { x: number; y: number }, f: Footprint, cell: Box): boolean =>
    p.x - f.w / 2 >= cell.x - 0.25 && p.x + f.w / 2 <= cell.x + cell.w + 0.25 && p.y - f.h / 2 >= cell.y - 0.25 && p.y + f.h / 2 <= cell.y + cell.h + 0.25;

describe('the compact quadrant: marks in rows', () => {
    it('a number of one to three digits lies inside its dot, a count inside its box, never under 11 px wide digits', () => {
        for (const n of [1, 9, 10, 99, 100, 999]) {
            const r = dotRadius(n);
            expect(numberWidth(String(n))).toBeLessThanOrEqual(2 * r - 3);
            expect(r).toBeGreaterThanOrEqual(8);
        }
        for (const n of [2, 99, 100, 9999]) expect(numberWidth(String(n))).toBeLessThanOrEqual(groupBox(n).w - 4);
        // a digit at least as wide as DejaVu Sans Bold's at 11 px
        expect(numberWidth('0')).toBeGreaterThanOrEqual(0.696 * 11);
    });

    it('packs marks in rows that never meet and stay in their cell, or says they do not fit', () => {
        const footprint = fc.oneof(
            fc.tuple(fc.integer({ min: 1, max: 3 }), fc.boolean()).map(([d, m]) => dotFootprint(d, m)),
            fc.tuple(fc.integer({ min: 2, max: 9999 }), fc.boolean()).map(([n, m]) => groupFootprint(n, m)),
        );
        const cell = fc.record({
            x: fc.integer({ min: 0, max: 500 }),
            y: fc.integer({ min: 0, max: 500 }),
            w: fc.integer({ min: 20, max: 200 }),
            h: fc.integer({ min: 20, max: 120 }),
        });
        fc.assert(
            fc.property(cell, fc.array(footprint, { minLength: 1, maxLength: 8 }), (box, marks) => {
                const at = packRows(box, marks);
                const area = marks.reduce((a, f) => a + f.w * f.h, 0);
                if (!at) {
                    // none would fit a cell that holds them all side by side with room to spare
                    expect(marks.reduce((a, f) => a + f.w + 2, 0) <= box.w - 2 && Math.max(...marks.map(f => f.h)) <= box.h - 2).toBe(false);
                    return;
                }
                expect(area).toBeLessThanOrEqual(box.w * box.h);
                at.forEach((p, i) => {
                    expect(inside(p, marks[i]!, box)).toBe(true);
                    for (let j = i + 1; j < at.length; j++) expect(meet(p, marks[i]!, at[j]!, marks[j]!)).toBe(false);
                });
            }),
            { numRuns: 300 },
        );
    });

    it('groups a cell as soon as its dots would not fit, numbers its customers alone in order, every customer once', () => {
        const seed = fc.record({
            standing: fc.integer({ min: 1, max: 5 }),
            cooperation: fc.integer({ min: 1, max: 5 }),
            tier: fc.option(fc.constantFrom(...TIERS)),
        });
        const cellW = fc.integer({ min: 66, max: 129 });
        const cellH = fc.integer({ min: 36, max: 112 });
        fc.assert(
            fc.property(fc.array(seed, { maxLength: 120 }), fc.nat(), cellW, cellH, (seeds, f, w, h) => {
                const q = buildQuadrant(planOf(seeds), seeds.length ? `c${f % seeds.length}` : null);
                const kept = (p: QuadrantModel['points'][number]) => p.focused;
                const cellBox = (s: number, c: number): Box => ({ x: 60 + (c - 1) * w, y: 30 + (5 - s) * h, w, h });
                const named = quadrantMarks(q, kept);
                const { marks, spots, numbers } = compactMarks(q, kept, null, cellBox, named);
                const seen = marks.flatMap(m => (m.kind === 'point' ? [m.point.id] : m.group.members.map(p => p.id)));
                expect(seen.sort()).toEqual(q.points.map(p => p.id).sort());
                // at most the grid of names' customers alone, numbered 1… in order
                const numbered = marks.filter(m => m.kind === 'point').map(m => numbers.get(m));
                expect(numbered).toEqual(numbered.map((_, i) => i + 1));
                expect(numbered.length).toBeLessThanOrEqual(named.filter(m => m.kind === 'point').length);
                // a cell without the highlighted customer (which is never grouped) always fits its marks
                const withKept = new Set(q.points.filter(kept).map(p => `${p.standing}/${p.cooperation}`));
                for (const m of marks) {
                    const cell = m.kind === 'point' ? `${m.point.standing}/${m.point.cooperation}` : m.group.cell;
                    if (!withKept.has(cell)) expect(spots.has(m), cell).toBe(true);
                    const spot = spots.get(m);
                    if (!spot) continue;
                    const [s, c] = (m.kind === 'point' ? [m.point.standing, m.point.cooperation] : [m.group.standing, m.group.cooperation]) as [number, number];
                    const f =
                        m.kind === 'point'
                            ? dotFootprint(String(numbers.get(m)).length, m.point.mismatch)
                            : groupFootprint(m.group.members.length, m.group.mismatches > 0);
                    expect(inside(spot, f, cellBox(s, c))).toBe(true);
                }
            }),
            { numRuns: 150 },
        );
    });

    it('a cell of four that fits stays four dots; in a cell too narrow, the same four as one box', () => {
        const seeds: Seed[] = Array.from({ length: 4 }, () => ({ standing: 3, cooperation: 3, tier: null }));
        const q = buildQuadrant(planOf(seeds), null);
        const named = quadrantMarks(q, () => false);
        const wide = compactMarks(
            q,
            () => false,
            null,
            () => ({ x: 0, y: 0, w: 100, h: 112 }),
            named,
        );
        expect(wide.marks.map(m => m.kind)).toEqual(['point', 'point', 'point', 'point']);
        const narrow = compactMarks(
            q,
            () => false,
            null,
            () => ({ x: 0, y: 0, w: 72, h: 36 }),
            named,
        );
        expect(narrow.marks.map(m => m.kind)).toEqual(['group']);
        expect(narrow.numbers.get(narrow.marks[0]!)).toBe(0);
        // an open cell too full for numbered dots: its customers alone, unnumbered, placed by the packed grid
        const open = compactMarks(
            q,
            () => false,
            '3/3',
            () => ({ x: 0, y: 0, w: 72, h: 36 }),
            named,
        );
        expect(open.marks.map(m => m.kind)).toEqual(['point', 'point', 'point', 'point']);
        expect(open.marks.map(m => open.numbers.get(m))).toEqual([0, 0, 0, 0]);
        expect(open.spots.size).toBe(0);
    });
});
