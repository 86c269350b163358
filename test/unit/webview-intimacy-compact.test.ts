/**
 * The intimacy chart's compact form (a narrow panel): the numbered dots of a cell in rows, each as
 * big as its number, never meeting another dot nor leaving its cell; a cell too full for them is
 * left to the packed slots (drawn without numbers).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IntimacyPoint } from '../../client/webview/src/models/intimacy.js';
import { numberedDots } from '../../client/webview/src/intimacy-compact.js';
import { numberWidth } from '../../client/webview/src/quadrant-compact.js';

const SUPPORTS = [-1, 0, 1, 2, 3, null] as const;
const INTIMACIES = [-3, -2, -1, 0, 1, 2, 3, null] as const;

/** Only what the layout reads: the cell and the slot in it, as the model gives them. */
function pointsOf(cells: ReadonlyArray<{ support: (typeof SUPPORTS)[number]; intimacy: (typeof INTIMACIES)[number] }>): IntimacyPoint[] {
    const counts = new Map<string, number>();
    const points = cells.map(c => {
        const key = `${c.support}/${c.intimacy}`;
        const slot = counts.get(key) ?? 0;
        counts.set(key, slot + 1);
        return { support: c.support, intimacy: c.intimacy, slot, slotCount: 0 } as unknown as IntimacyPoint;
    });
    for (const p of points) p.slotCount = counts.get(`${p.support}/${p.intimacy}`)!;
    return points;
}

describe('the intimacy chart, compact: numbered dots in rows', () => {
    it('no two dots of a cell meet, each stays inside its cell and holds its number (fast-check)', () => {
        const cell = fc.record({ support: fc.constantFrom(...SUPPORTS), intimacy: fc.constantFrom(...INTIMACIES) });
        fc.assert(
            fc.property(
                fc.array(cell, { minLength: 1, maxLength: 140 }),
                fc.integer({ min: 44, max: 103 }),
                fc.integer({ min: 40, max: 84 }),
                (cells, w, h) => {
                    const points = pointsOf(cells);
                    const spots = numberedDots(points, { w: () => w, h: () => h });
                    const placed = points.filter(p => spots.has(p));
                    for (const p of placed) {
                        const s = spots.get(p)!;
                        const number = String(points.indexOf(p) + 1);
                        expect(numberWidth(number)).toBeLessThanOrEqual(2 * s.r - 3);
                        expect(s.cx - s.r).toBeGreaterThanOrEqual(0);
                        expect(s.cx + s.r).toBeLessThanOrEqual(w);
                        expect(s.cy - s.r).toBeGreaterThanOrEqual(0);
                        expect(s.cy + s.r).toBeLessThanOrEqual(h);
                    }
                    for (const a of placed)
                        for (const b of placed) {
                            if (a === b || a.support !== b.support || a.intimacy !== b.intimacy) continue;
                            const [sa, sb] = [spots.get(a)!, spots.get(b)!];
                            expect(Math.hypot(sa.cx - sb.cx, sa.cy - sb.cy)).toBeGreaterThanOrEqual(sa.r + sb.r + 2);
                        }
                    // a cell is numbered whole or not at all
                    for (const p of points)
                        for (const q of points) if (p.support === q.support && p.intimacy === q.intimacy) expect(spots.has(p)).toBe(spots.has(q));
                },
            ),
            { seed: 20261207, numRuns: 300 },
        );
    });

    it("the examples' crowded cell at 480 px: two dots, 8 and 11, side by side with their numbers", () => {
        const points = pointsOf(Array.from({ length: 11 }, (_, i) => ({ support: 0, intimacy: i === 7 || i === 10 ? 1 : 2 })));
        const spots = numberedDots(points, { w: () => 56, h: () => 40 });
        const [eight, eleven] = [spots.get(points[7]!)!, spots.get(points[10]!)!];
        expect(eight && eleven).toBeTruthy();
        expect(eleven.cx - eight.cx).toBeGreaterThanOrEqual(eight.r + eleven.r + 2);
        expect(eleven.r).toBeGreaterThan(eight.r);
    });
});
