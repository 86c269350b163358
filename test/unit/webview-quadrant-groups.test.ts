/**
 * The tier quadrant of a crowded workspace (issue 21 item 6): a cell of more than four customers
 * draws the customers a reader is looking at (the highlighted, the selected) alone and the others
 * as one mark with their number; every customer is in exactly one mark, its name reachable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tier } from '@acct/contract';
import { viewStrings } from '@acct/method';
import { CELL_NAMED, buildQuadrant, quadrantMarks, type QuadrantMark, type QuadrantModel } from '../../client/webview/src/models/quadrant.js';
import { useStrings } from '../../client/webview/src/texts.js';
import { quadrantPlan, type QuadrantSeed } from './quadrant-plan.js';

const TIERS: Tier[] = ['excellent', 'strategic', 'core', 'value', 'commercial'];

type Seed = QuadrantSeed;
const planOf = quadrantPlan;

const at = (s: number, c: number, names: string[], tier: Tier | null = null): Seed[] => names.map(name => ({ name, standing: s, cooperation: c, tier }));
const groups = (marks: QuadrantMark[]) => marks.flatMap(m => (m.kind === 'group' ? [m.group] : []));
const alone = (marks: QuadrantMark[]) => marks.flatMap(m => (m.kind === 'point' ? [m.point.id] : []));
const keptFocused = (p: QuadrantModel['points'][number]) => p.focused;

describe('tier quadrant: a crowded cell as one mark', () => {
    // a cell of six at standing 4 × cooperation 4 (suggested excellent), one of four at 1 × 1
    const seeds = [...at(4, 4, ['Fir', 'Ash', 'Elm', 'Oak', 'Yew', 'Box'], 'excellent'), ...at(1, 1, ['Pear', 'Plum', 'Lime', 'Fig'])];
    seeds[1]!.tier = 'core'; // Ash: declared core where excellent is suggested
    const view = planOf(seeds);

    it('groups exactly the customers of a cell of more than four, by name, with their number, mismatches and names', () => {
        const q = buildQuadrant(view, null);
        const marks = quadrantMarks(q, keptFocused);
        const [g, ...others] = groups(marks);
        expect(others).toEqual([]);
        expect(g!.key).toBe('cell:4/4');
        expect(g!.members.map(p => p.name)).toEqual(['Ash', 'Box', 'Elm', 'Fir', 'Oak', 'Yew']);
        expect(g!.mismatches).toBe(1);
        // the four of 1 × 1 each alone, in the slots they always had
        expect(alone(marks).sort()).toEqual(['c6', 'c7', 'c8', 'c9']);
        for (const m of marks) if (m.kind === 'point') expect([m.slot, m.slotCount]).toEqual([m.point.slot, m.point.slotCount]);
        expect(g!.tooltip.split('\n')).toEqual([
            '6 customers · standing 4 · cooperation 4 · suggested tier: excellent',
            '',
            'Ash — core (mismatch)',
            'Box — excellent',
            'Elm — excellent',
            'Fir — excellent',
            'Oak — excellent',
            'Yew — excellent',
        ]);
        expect(g!.ariaLabel).toContain('6 customers at standing 4, cooperation 4, suggested tier excellent; 1 tier mismatch:');
        for (const name of ['Ash', 'Box', 'Elm', 'Fir', 'Oak', 'Yew']) expect(g!.ariaLabel).toContain(name);
    });

    it('never groups the highlighted customer nor the selected one: they stand alone above the group', () => {
        const q = buildQuadrant(view, 'c3');
        const marks = quadrantMarks(q, p => p.focused || p.key === 'customer:c0');
        expect(marks.filter(m => m.kind === 'point' && m.point.standing === 4).map(m => [m.kind === 'point' && m.point.name, m.slot, m.slotCount])).toEqual([
            ['Fir', 0, 3],
            ['Oak', 1, 3],
        ]);
        const [g] = groups(marks);
        expect(g!.members.map(p => p.name)).toEqual(['Ash', 'Box', 'Elm', 'Yew']);
        expect([marks.find(m => m.kind === 'group')!.slot, marks.find(m => m.kind === 'group')!.slotCount]).toEqual([2, 3]);
    });

    it('draws every customer of an open cell alone, and a cell of at most four as before', () => {
        const q = buildQuadrant(view, null);
        expect(groups(quadrantMarks(q, keptFocused, '4/4'))).toEqual([]);
        expect(quadrantMarks(q, keptFocused, '4/4').map(m => m.kind === 'point' && m.point.id)).toEqual(q.points.map(p => p.id));
        const few = buildQuadrant(planOf(at(2, 2, ['A', 'B', 'C', 'D'])), 'c0');
        expect(groups(quadrantMarks(few, keptFocused))).toEqual([]);
    });

    it('says a group in Chinese', () => {
        useStrings(viewStrings('zh-CN'));
        try {
            const [g] = groups(quadrantMarks(buildQuadrant(planOf(at(4, 4, ['甲', '乙', '丙', '丁', '戊'], 'core')), null), keptFocused));
            expect(g!.tooltip.split('\n')[0]).toBe('5 个客户 · 行业地位 4 · 合作价值 4 · 建议分级：卓越客户');
            expect(g!.ariaLabel).toContain('分级不一致 5 个');
            expect(g!.ariaLabel).toContain('丁 — 核心客户（不一致）、丙');
        } finally {
            useStrings(viewStrings('en'));
        }
    });

    it('holds for any workspace: each customer in one mark, the kept ones alone, groups only in full cells', () => {
        const seed = fc.record({
            name: fc.string({ minLength: 1, maxLength: 6 }),
            standing: fc.integer({ min: 1, max: 2 }),
            cooperation: fc.integer({ min: 1, max: 2 }),
            tier: fc.option(fc.constantFrom(...TIERS)),
        });
        fc.assert(
            fc.property(fc.array(seed, { maxLength: 40 }), fc.nat(), fc.nat(), fc.boolean(), (seeds, f, s, opened) => {
                const v = planOf(seeds);
                const focused = seeds.length ? `c${f % seeds.length}` : null;
                const selected = seeds.length ? `customer:c${s % seeds.length}` : null;
                const q = buildQuadrant(v, focused);
                const open = opened && seeds.length ? `${seeds[0]!.standing}/${seeds[0]!.cooperation}` : null;
                const kept = (p: QuadrantModel['points'][number]) => p.focused || p.key === selected;
                const marks = quadrantMarks(q, kept, open);
                const seen = marks.flatMap(m => (m.kind === 'point' ? [m.point.id] : m.group.members.map(p => p.id)));
                expect(seen.sort()).toEqual(q.points.map(p => p.id).sort());
                for (const m of marks) {
                    const cell = q.points.filter(
                        p => `${p.standing}/${p.cooperation}` === (m.kind === 'point' ? `${m.point.standing}/${m.point.cooperation}` : m.group.cell),
                    );
                    expect(m.slot).toBeLessThan(m.slotCount);
                    if (m.kind === 'point') continue;
                    expect(m.group.members.some(kept)).toBe(false);
                    expect(m.group.members.length).toBeGreaterThanOrEqual(2);
                    expect(cell.length).toBeGreaterThan(CELL_NAMED);
                    expect(m.group.cell).not.toBe(open);
                    expect(m.group.members.map(p => p.id).sort()).toEqual(
                        cell
                            .filter(p => !kept(p))
                            .map(p => p.id)
                            .sort(),
                    );
                    expect(m.group.mismatches).toBe(m.group.members.filter(p => p.mismatch).length);
                    expect(m.group.tooltip.split('\n')[0]).toMatch(new RegExp(`^${m.group.members.length} customers`));
                    for (const p of m.group.members) expect(m.group.tooltip).toContain(p.name);
                }
                // drawn in the order of their first customers, each slot of a cell once
                expect(marks.map(m => m.at)).toEqual([...marks.map(m => m.at)].sort((a, b) => a - b));
            }),
            { numRuns: 200 },
        );
    });
});
