/**
 * The view models and layouts of the contract-1.1 views, on the plan of `examples/` and on small
 * hand-made cases: the three moves, competitor marks, influence lines, the fishbone and the sandbox.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sandboxRanking, type CustomerJson, type PlanView } from '@acct/contract';
import { decisivenessOf, GROUPS, ROLES, roleDecisiveness } from '@acct/method';
import { loadPlanView } from '../browser/fixture.js';
import { shownOf } from '../../client/webview/src/models/common.js';
import { competitorMarks } from '../../client/webview/src/models/competitors.js';
import { buildFishbone } from '../../client/webview/src/models/fishbone.js';
import { influenceLines } from '../../client/webview/src/models/influence.js';
import { threeMoves } from '../../client/webview/src/models/moves.js';
import { buildPowerMap } from '../../client/webview/src/models/power-map.js';
import { buildSandbox } from '../../client/webview/src/models/sandbox.js';
import { layoutFishbone, orientationFor } from '../../client/webview/src/fishbone-layout.js';
import { borderPoint, layoutInfluences } from '../../client/webview/src/influence-layout.js';
import { layoutSandbox } from '../../client/webview/src/sandbox-layout.js';

let view: PlanView;
beforeAll(async () => {
    view = await loadPlanView();
});

const customer = (id: string): CustomerJson => view.plan.customers.find(c => c.id === id)!;
const shown = (c: string, o: string | null) => shownOf(view, { customer: c, opportunity: o });

describe('how decisive a role is (method core)', () => {
    it('ranks approver and decision-maker first, then sponsor and evaluator, then influencer and coach, then no role', () => {
        expect(ROLES.map(decisivenessOf)).toEqual([0, 0, 1, 1, 2, 2]);
        expect(decisivenessOf(null)).toBe(3);
        expect(Object.keys(roleDecisiveness).sort()).toEqual([...ROLES].sort());
    });
});

describe('the three moves', () => {
    const base = (activities: CustomerJson['activities']): CustomerJson => ({ ...customer('donghai'), activities });
    const act = (id: string, kind: string, status: string, date: string | null, withWhom = ['qian']) =>
        ({ id, name: id, kind, status, date, with: withWhom, owner: null, outcome: null }) as CustomerJson['activities'][number];

    it('classifies each axis with the method core: done, planned and not overdue, else missing', () => {
        const c = base([
            act('a', 'executive-visit', 'done', '2026-10-01'),
            act('b', 'exhibition', 'planned', '2026-11-10'), // overdue on 2026-11-22
            act('c', 'hq-visit', 'planned', '2026-11-22'), // today: still under way
            act('d', 'dinner', 'done', '2026-10-01'),
            act('e', 'exhibition', 'cancelled', '2026-12-01'),
        ]);
        expect(threeMoves(c, 'qian', '2026-11-22').map(m => [m.axis, m.state, m.activity?.id ?? null])).toEqual([
            ['executive-visit', 'done', 'a'],
            ['exhibition', 'missing', null],
            ['hq-visit', 'planned', 'c'],
        ]);
    });

    it('takes the best activity of an axis, and only activities with that person', () => {
        const c = base([
            act('p', 'hq-visit', 'planned', '2026-12-01'),
            act('d', 'hq-visit', 'done', '2026-09-01'),
            act('x', 'exhibition', 'done', '2026-09-01', ['he']),
            act('n', 'executive-visit', 'planned', null),
        ]);
        expect(threeMoves(c, 'qian', '2026-11-22').map(m => m.state)).toEqual(['planned', 'missing', 'done']);
    });

    it('appears on the card of the opposed key person of the examples, with the three planned moves', () => {
        const m = buildPowerMap(view, shown('donghai', 'ran27'));
        const withMoves = m.cards.filter(c => c.moves);
        expect(withMoves.map(c => c.id)).toEqual(['qian']);
        expect(withMoves[0]!.moves!.map(x => x.state)).toEqual(['planned', 'planned', 'planned']);
        expect(withMoves[0]!.tooltip).toContain('executive visit: planned for 2026-12-03');
    });
});

describe('competitor marks', () => {
    const competitors = new Map([
        ['zte', { id: 'zte', name: 'ZTE' }],
        ['nokia', { id: 'nokia', name: 'Nokia' }],
    ]);
    const of = (cs: Array<[string, number | null]>) => ({ competitorSupport: cs.map(([competitor, support]) => ({ competitor, support: support as 0 })) });

    it('shows a competitor supported at least as much as us; our ? counts as 0, theirs is never shown', () => {
        expect(
            competitorMarks(
                of([
                    ['zte', 2],
                    ['nokia', 1],
                ]),
                2,
                competitors,
                null,
            ).map(m => `${m.name} ${m.support}`),
        ).toEqual(['ZTE 2']);
        expect(competitorMarks(of([['zte', 0]]), null, competitors, null).map(m => m.name)).toEqual(['ZTE']);
        expect(competitorMarks(of([['zte', null]]), -1, competitors, null)).toEqual([]);
        expect(
            competitorMarks(
                of([
                    ['nokia', 1],
                    ['zte', 3],
                ]),
                1,
                competitors,
                null,
            ).map(m => m.name),
        ).toEqual(['ZTE', 'Nokia']);
    });

    it("for a deal, counts only the deal's competitors and our support in its chain", () => {
        expect(competitorMarks(of([['zte', 2]]), 0, competitors, { competitors: ['nokia'] })).toEqual([]);
        const m = buildPowerMap(view, shown('hxgrid', 'substation'));
        expect(m.cards.filter(c => c.competitors.length).map(c => [c.id, c.competitors[0]!.name, c.competitors[0]!.support])).toEqual([['peng', 'ZTE', 2]]);
        // dispatch's competitors are H3C and Cisco: no ZTE badge there
        expect(buildPowerMap(view, shown('hxgrid', 'dispatch')).cards.some(c => c.competitors.length)).toBe(false);
    });
});

describe('influence lines', () => {
    it('joins influencer and influenced, opposed from someone who opposes us, dimmed only when both ends are', () => {
        const m = buildPowerMap(view, shown('jlbank', 'dcnet'));
        expect(m.influences.map(l => [l.from, l.to, l.opposed, l.dimmed])).toEqual([['he_wei', 'lu', true, false]]);
        const hx = buildPowerMap(view, shown('hxgrid', null));
        expect(hx.influences.map(l => [l.from, l.to, l.opposed])).toEqual([['jiang', 'kong', false]]);
    });

    it('leaves out unknown people, the person themself and repeated lines', () => {
        const ends = new Map([
            ['a', { id: 'a', name: 'A', support: 0 as const, dimmed: true }],
            ['b', { id: 'b', name: 'B', support: -1 as const, dimmed: true }],
        ]);
        expect(
            influenceLines(
                [
                    { id: 'a', influences: ['b', 'b', 'a', 'zz'] },
                    { id: 'b', influences: ['a'] },
                ],
                ends,
            ).map(l => [l.from, l.to, l.opposed, l.dimmed]),
        ).toEqual([
            ['a', 'b', false, true],
            ['b', 'a', true, true],
        ]);
    });

    it('keeps a line inside the picture: in a list it never bends out of the panel, its source out of sight', () => {
        const card = (id: string, x: number, y: number) => ({ card: { id } as never, x, y, w: 300, h: 88 });
        // an indented list: c far below a, b between them, the picture 340 wide
        const cards = [card('a', 0, 0), card('b', 24, 98), card('c', 0, 700)];
        const bounds = { width: 340, height: 800 };
        const [line] = layoutInfluences([{ from: 'c', to: 'a', opposed: true, dimmed: false, tooltip: '' }], cards, bounds);
        const m = /^M([-\d.]+),([-\d.]+)Q([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)$/.exec(line!.d)!.map(Number);
        for (let t = 0; t <= 1; t += 0.05) {
            const u = 1 - t;
            const x = u * u * m[1]! + 2 * u * t * m[3]! + t * t * m[5]!;
            const y = u * u * m[2]! + 2 * u * t * m[4]! + t * t * m[6]!;
            expect(x >= -3.5 && x <= bounds.width + 3.5 && y >= -3.5 && y <= bounds.height + 3.5, `point ${t.toFixed(2)}: ${x}, ${y}`).toBe(true);
        }
        // without bounds the same line swings far out to the side
        const [free] = layoutInfluences([{ from: 'c', to: 'a', opposed: true, dimmed: false, tooltip: '' }], cards);
        expect(free!.d).not.toBe(line!.d);
    });

    it('curves around a third card and ends on the border of the person influenced', () => {
        const card = (id: string, x: number, y: number) => ({ card: { id } as never, x, y, w: 232, h: 78 });
        // the straight way from c to a runs through b
        const cards = [card('a', 0, 0), card('b', 0, 150), card('c', 0, 300)];
        const [line] = layoutInfluences([{ from: 'c', to: 'a', opposed: false, dimmed: false, tooltip: '' }], cards);
        const m = /^M([-\d.]+),([-\d.]+)Q([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)$/.exec(line!.d)!.map(Number);
        const [, , , qx, qy, ex, ey] = m as [number, number, number, number, number, number, number];
        for (let t = 0.05; t < 1; t += 0.05) {
            const u = 1 - t;
            const x = u * u * m[1]! + 2 * u * t * qx + t * t * ex;
            const y = u * u * m[2]! + 2 * u * t * qy + t * t * ey;
            expect(x > 0 && x < 232 && y > 150 && y < 228, `point ${t.toFixed(2)} inside the card between`).toBe(false);
        }
        expect(ey).toBeGreaterThanOrEqual(-3.5);
        expect(ey <= 81.5 && (ex >= 231 || ex <= 1 || ey >= 78)).toBe(true);
        expect(borderPoint({ x: 0, y: 0, w: 100, h: 50 }, [50, 200])).toEqual([50, 50]);
    });
});

describe('fishbone model and layout', () => {
    it("puts each entry of the chain on its group's bone, most decisive first, and the others apart", () => {
        const m = buildFishbone(view, shown('donghai', 'ran27'));
        expect(m.bones.map(b => b.group)).toEqual([...GROUPS]);
        expect(m.bones.map(b => b.people.map(p => p.id))).toEqual([['zhou'], ['gao', 'qian'], ['郑晓峰'], ['liu', 'he']]);
        for (const b of m.bones) expect(b.people.map(p => p.rank)).toEqual([...b.people.map(p => p.rank)].sort());
        const d = buildFishbone(view, shown('hxgrid', 'dispatch'));
        expect(d.ungrouped.map(p => p.id)).toEqual(['fang', 'hu']);
        expect(d.ungrouped[0]!.tooltip).toContain('group commercial|technical|selection|final');
    });

    it("without a deal, offers the customer's active deals", () => {
        const m = buildFishbone(view, shown('donghai', null));
        expect(m.choices.map(c => c.focus)).toEqual([
            { customer: 'donghai', opportunity: 'ran27' },
            { customer: 'donghai', opportunity: 'transport' },
        ]);
        expect(m.bones.every(b => b.people.length === 0)).toBe(true);
    });

    it('lies down when wide and stands up when narrow, people nearer the spine the more decisive, none overlapping', () => {
        expect([orientationFor(1200), orientationFor(480), orientationFor(0)]).toEqual(['horizontal', 'vertical', 'horizontal']);
        const m = buildFishbone(view, shown('donghai', 'ran27'));
        for (const o of ['horizontal', 'vertical'] as const) {
            const l = layoutFishbone(m, o);
            const all = l.bones.flatMap(b => b.people);
            for (const a of all)
                for (const b of all) {
                    if (a === b) continue;
                    expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `${o}: ${a.person.id} / ${b.person.id}`).toBe(true);
                }
            for (const b of l.bones) {
                const [j] = b.ends;
                const dist = (p: (typeof all)[number]) => (o === 'horizontal' ? Math.abs(p.y + p.h / 2 - j[1]) : Math.abs(p.x + p.w / 2 - j[0]));
                const d = b.people.map(dist);
                expect(d, `${o} ${b.bone.group}`).toEqual([...d].sort((x, y) => x - y));
            }
            if (o === 'vertical') expect(l.width).toBeLessThan(480);
        }
    });
});

describe('sandbox model and layout', () => {
    it('ranks as acct sandbox does, with the four parts of each score and the picks', () => {
        const m = buildSandbox(view, 3);
        const expected = sandboxRanking(view.plan, 3);
        expect([...m.scored, ...m.unscored].map(r => [r.customer, r.opportunity, r.rank, r.pick])).toEqual(
            expected.map(r => [r.customer, r.opportunity, r.rank, r.pick]),
        );
        for (const r of m.scored) expect(r.parts.reduce((n, p) => n + p.value!, 0)).toBe(r.score);
        expect(m.unscored.every(r => r.score === null)).toBe(true);
        expect(m.scored[0]!.ariaLabel).toMatch(/^Rank 1, a pick: .*score \d+ of 20/);
    });

    it('lays the scored rows under the score axis and the unscored apart, bars in proportion to the score', () => {
        const m = buildSandbox(view, 2);
        const l = layoutSandbox(m.scored, m.unscored);
        const scoredRows = l.rows.filter(r => r.item.score !== null);
        const lastScored = Math.max(...scoredRows.map(r => r.y + r.h));
        expect(l.unscoredTitleY!).toBeGreaterThan(lastScored);
        for (const r of scoredRows) expect(Math.round(r.segments.reduce((n, s) => n + s.w, 0))).toBe(r.item.score! * 12);
        expect(l.picksRule).toBe(l.rows[2]!.y);
        expect(l.axis!.ticks.map(t => t.value)).toEqual([0, 5, 10, 15, 20]);
    });
});
