/**
 * The tier quadrant in Chromium, on the plan of `examples/`: every customer in its standing ×
 * cooperation cell, coloured by its tier, a mismatch between declared and suggested tier marked,
 * none hiding another; each tier named once, in a cell of its own; a long customer name whole,
 * on three lines. Light and dark.
 */
import { describe, expect, it } from 'vitest';
import { DONGHAI, examplesSuite, focus, showTab, view } from './examples-suite.js';
import { T, type Rect } from './shared.js';

const suite = examplesSuite();
const page = suite.page;

describe('tier quadrant', () => {
    it(
        'plots every customer in its standing × cooperation cell, coloured by tier, mismatches marked, none hidden',
        async () => {
            const p = await page({ theme: 'light' });
            await p.sendPlan(view, focus.customer);
            await p.page.click('[role=tab][data-tab=quadrant]');
            await expect.poll(() => p.page.getAttribute('[data-tab=quadrant]', 'aria-selected')).toBe('true');
            const cells = await p.page.$$eval('.q-cell', els =>
                els.map(el => {
                    const r = el.querySelector('.q-cell-bg')!.getBoundingClientRect();
                    return {
                        s: Number(el.getAttribute('data-standing')),
                        c: Number(el.getAttribute('data-cooperation')),
                        tier: el.getAttribute('data-tier'),
                        x: r.x,
                        y: r.y,
                        w: r.width,
                        h: r.height,
                    };
                }),
            );
            expect(cells.length).toBe(25);
            const table: Record<number, string[]> = {
                5: ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
                4: ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
                3: ['commercial', 'value', 'value', 'core', 'core'],
                2: ['commercial', 'value', 'value', 'core', 'core'],
                1: ['commercial', 'commercial', 'commercial', 'core', 'core'],
            };
            for (const cell of cells) expect(cell.tier).toBe(table[cell.s]![cell.c - 1]);
            // standing grows upwards, cooperation to the right
            const at = (s: number, c: number) => cells.find(x => x.s === s && x.c === c)!;
            expect(at(5, 1).y).toBeLessThan(at(1, 1).y);
            expect(at(1, 5).x).toBeGreaterThan(at(1, 1).x);

            const points = await p.page.$$eval('.q-point[data-key]', els =>
                els.map(el => {
                    const r = el.getBoundingClientRect();
                    return {
                        key: el.getAttribute('data-key')!,
                        cls: el.getAttribute('class')!,
                        cx: r.x + r.width / 2,
                        cy: r.y + r.height / 2,
                        r: r.width / 2,
                        aria: el.getAttribute('aria-label')!,
                        ring: !!el.previousElementSibling?.classList.contains('mismatch-ring'),
                        fill: getComputedStyle(el).fill,
                    };
                }),
            );
            const plotted = view.plan.customers.filter(c => c.standing && c.cooperation);
            expect(points.map(x => x.key).sort()).toEqual(plotted.map(c => `customer:${c.id}`).sort());
            for (const c of plotted) {
                const pt = points.find(x => x.key === `customer:${c.id}`)!;
                const cell = at(c.standing!, c.cooperation!);
                expect(pt.cx, c.id).toBeGreaterThan(cell.x);
                expect(pt.cx, c.id).toBeLessThan(cell.x + cell.w);
                expect(pt.cy, c.id).toBeGreaterThan(cell.y);
                expect(pt.cy, c.id).toBeLessThan(cell.y + cell.h);
                expect(pt.cls).toContain(c.tier ? `tier-${c.tier}` : 'no-tier');
                const suggested = c.suggestedTier ?? table[c.standing!]![c.cooperation! - 1];
                expect(pt.ring, `mismatch mark on ${c.id}`).toBe(!!c.tier && c.tier !== suggested);
                expect(pt.aria).toContain(c.name);
            }
            // same scores do not hide each other
            for (let i = 0; i < points.length; i++) {
                for (let j = i + 1; j < points.length; j++) {
                    const a = points[i]!;
                    const b = points[j]!;
                    expect(Math.hypot(a.cx - b.cx, a.cy - b.cy), `${a.key} hides ${b.key}`).toBeGreaterThan(a.r + b.r - 0.5);
                }
            }
            // declared tiers get distinct colours
            const byTier = new Map<string, string>();
            for (const pt of points) {
                const t = /tier-(\w+)/.exec(pt.cls)?.[1];
                if (t) byTier.set(t, pt.fill);
            }
            expect(new Set(byTier.values()).size).toBe(byTier.size);
            await p.screenshot('tier-quadrant-light');
            await p.setTheme('dark');
            await p.screenshot('tier-quadrant-dark');
        },
        T,
    );
});

describe('names and marks readable', () => {
    it(
        'the tier quadrant names each tier once, in its region; long customer names wrap',
        async () => {
            const p = await suite.page({ theme: 'light' });
            await p.sendPlan(suite.view(), DONGHAI);
            await showTab(p, 'quadrant');
            const labels = await p.page.$$eval('.q-region-label', els => els.map(e => e.textContent));
            expect([...labels].sort()).toEqual(['COMMERCIAL', 'CORE', 'EXCELLENT', 'STRATEGIC', 'VALUE']);
            expect(await p.page.$$eval('.q-cell-label', els => els.length)).toBe(0);
            // each name sits in a cell of its own tier
            for (const l of await p.page.$$('.q-region')) {
                const { tier, box } = await l.evaluate(g => ({
                    tier: g.getAttribute('data-tier'),
                    box: g.querySelector('text')!.getBoundingClientRect().toJSON(),
                }));
                const cell = await p.page.$$eval(
                    `.q-cell[data-tier="${tier}"] .q-cell-bg`,
                    (els, b) =>
                        els.some(e => {
                            const r = e.getBoundingClientRect();
                            return b.x >= r.x && b.x + b.width <= r.right + 0.5 && b.y >= r.y && b.y + b.height <= r.bottom + 0.5;
                        }),
                    box as Rect,
                );
                expect(cell, tier!).toBe(true);
            }
            // Huaxia Grid — Eastern Province Power Company: whole, on three lines
            const huaxia = await p.page.$$eval('.point-label', els =>
                els
                    .map(e =>
                        Array.from(e.querySelectorAll('tspan'))
                            .map(t => t.textContent)
                            .join(' '),
                    )
                    .find(t => t.startsWith('Huaxia')),
            );
            expect(huaxia).toBe('Huaxia Grid — Eastern Province Power Company');
            await p.screenshot('pictures-quadrant-light');
        },
        T,
    );
});
