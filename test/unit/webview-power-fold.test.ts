/**
 * A deal's power map of the people who matter (the method, §3): the decision chain, the people
 * its members report to up to the top, who influences a member; the rest of the organisation
 * folded into notes that count them where their branch hangs. The whole organisation on demand.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanView } from '@acct/contract';
import { layoutPowerMap } from '../../client/webview/src/layout.js';
import { shownOf } from '../../client/webview/src/models/common.js';
import { buildPowerMap, type PowerMapModel } from '../../client/webview/src/models/power-map.js';
import { chainManagers, foldCounts, peopleWhoMatter } from '../../client/webview/src/models/power-map-fold.js';

/** The fixture's cmgd with its deal ims (chain: wang, xu, chen; wang and chen report to zhang, outside it), and sun influencing xu. */
function plan(): PlanView {
    const v = JSON.parse(readFileSync(path.join(__dirname, '..', 'browser', 'fixtures', 'plan-view.json'), 'utf8')) as PlanView;
    const cmgd = v.plan.customers.find(c => c.id === 'cmgd')!;
    cmgd.contacts.find(c => c.id === 'sun')!.influences = ['xu'];
    // a folded person's line to another folded person is not drawn; a chain member's line to a folded one is said on the card
    cmgd.contacts.find(c => c.id === 'he')!.influences = ['li'];
    cmgd.contacts.find(c => c.id === 'xu')!.influences = ['ma'];
    return v;
}

const ims = (v: PlanView, whole = false): PowerMapModel => buildPowerMap(v, shownOf(v, { customer: 'cmgd', opportunity: 'ims' }), undefined, whole);

describe("a deal's power map of the people who matter", () => {
    it('draws the chain, the managers above it and who influences it; folds the rest and counts them where they hang', () => {
        const m = ims(plan());
        const byId = new Map(m.cards.map(c => [c.id, c]));
        expect([...byId.keys()].sort()).toEqual(['chen', 'sun', 'wang', 'xu', 'zhang']);
        // zhang is outside the chain but above it: drawn, dimmed, and wang still hangs under zhang
        expect([byId.get('zhang')!.dimmed, byId.get('zhang')!.inChain]).toEqual([true, false]);
        expect(byId.get('wang')!.parent).toBe('zhang');
        expect(byId.get('xu')!.parent).toBe('wang');
        expect(byId.get('sun')!.dimmed).toBe(true);
        // folded: li and alexandra under zhang; liu, huang, guo under wang; zhao, 陈静, ma, he in the general layer
        expect([byId.get('zhang')!.foldedBelow, byId.get('wang')!.foldedBelow, byId.get('xu')!.foldedBelow]).toEqual([2, 3, 0]);
        expect(m.fold).toEqual({ whole: false, folded: 9, loose: { general: 4 } });
        // only the lines between people drawn are drawn; the card still says the line to someone folded
        expect(m.influences.map(l => [l.from, l.to])).toEqual([['sun', 'xu']]);
        expect(byId.get('xu')!.ariaLabel).toContain('Influences: Ma Lin');
        expect(m.subheading).toMatch(/Decision chain: 3 of 14 contacts.*9 others folded/);
    });

    it('gives a light card to the managers drawn only for the reporting lines: not to the chain, nor to who influences it', () => {
        const v = plan();
        const light = (m: PowerMapModel) => m.cards.filter(c => c.context).map(c => c.id);
        // zhang stands above wang and chen, outside the chain; sun is drawn as an actor (influences xu)
        expect(light(ims(v))).toEqual(['zhang']);
        // a manager who also influences a chain member is an actor of the deal: a full card
        v.plan.customers.find(c => c.id === 'cmgd')!.contacts.find(c => c.id === 'zhang')!.influences = ['chen'];
        expect(light(ims(v))).toEqual([]);
        // the whole organisation, a customer's own map and a deal without a chain draw everyone in full
        expect(light(ims(plan(), true))).toEqual([]);
        for (const opportunity of [null, 'oss']) expect(light(buildPowerMap(v, shownOf(v, { customer: 'cmgd', opportunity })))).toEqual([]);
        // its hover still says who the person is
        const zhang = ims(plan()).cards.find(c => c.id === 'zhang')!;
        expect(zhang.tooltip).toContain(zhang.name);
        expect(zhang.tooltip).toContain("Not in this deal's decision chain");
    });

    it('with the whole organisation, draws every contact, the people outside the chain dimmed, nothing folded', () => {
        const m = ims(plan(), true);
        expect(m.cards).toHaveLength(14);
        expect(m.cards.filter(c => !c.dimmed).map(c => c.id)).toEqual(['wang', 'chen', 'xu']);
        expect(m.cards.every(c => c.foldedBelow === 0)).toBe(true);
        expect(m.fold).toEqual({ whole: true, folded: 0, loose: {} });
        expect(m.influences.map(l => [l.from, l.to])).toEqual([
            ['xu', 'ma'],
            ['sun', 'xu'],
            ['he', 'li'],
        ]);
    });

    it("folds nothing for a customer's own power map or a deal without a decision chain", () => {
        const v = plan();
        for (const opportunity of [null, 'oss']) {
            const m = buildPowerMap(v, shownOf(v, { customer: 'cmgd', opportunity }));
            expect(m.cards).toHaveLength(14);
            expect(m.fold).toBeNull();
        }
    });

    it('lays the notes out where their branch hangs, counted in the group titles, the chain member under its manager', () => {
        const m = ims(plan());
        for (const list of [false, true]) {
            const layout = layoutPowerMap(m.cards, { list, labelOf: (id, n) => `${id} ${n}`, loose: m.fold!.loose, width: 2000 });
            const notes = layout.notes.map(n => [n.under, n.count]);
            expect(notes).toEqual(
                expect.arrayContaining([
                    ['zhang', 2],
                    ['wang', 3],
                    [null, 4],
                ]),
            );
            expect(notes).toHaveLength(3);
            // the groups count the organisation: those drawn and those folded
            expect(layout.groups.reduce((s, g) => s + g.count, 0)).toBe(14);
            expect(layout.groups.map(g => g.label.text)).toEqual(layout.groups.map(g => `${g.id} ${g.count}`));
            // nothing overlaps: cards and notes
            const boxes = [...layout.cards, ...layout.notes];
            for (const a of boxes)
                for (const b of boxes) if (a !== b) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
            // a note hangs below the card it counts for
            const at = new Map(layout.cards.map(p => [p.card.id, p]));
            for (const n of layout.notes.filter(x => x.under)) expect(n.y).toBeGreaterThan(at.get(n.under!)!.y);
            if (!list) {
                // wang hangs under zhang: the org chart's line from zhang's bottom to wang's top
                const zhang = at.get('zhang')!;
                const wang = at.get('wang')!;
                const r = (x: number) => Math.round(x * 10) / 10;
                expect(
                    layout.links.some(
                        l => l.d.startsWith(`M${r(zhang.x + zhang.w / 2)},${r(zhang.y + zhang.h)}`) && l.d.endsWith(`H${r(wang.x + wang.w / 2)}V${r(wang.y)}`),
                    ),
                ).toBe(true);
            }
        }
    });

    it('counts the folded people by the nearest person drawn above them, or by group', () => {
        const parent = new Map<string, string | null>([
            ['a', null],
            ['b', 'a'],
            ['c', 'b'],
            ['d', 'c'],
            ['e', null],
            ['f', 'e'],
        ]);
        const group = new Map([...parent.keys()].map(id => [id, id < 'e' ? 'key' : 'general']));
        const counts = foldCounts([...parent.keys()], parent, group, new Set(['a']));
        expect(Object.fromEntries(counts.below)).toEqual({ a: 3 });
        expect(Object.fromEntries(counts.loose)).toEqual({ general: 2 });
        const contacts: Array<{ id: string; reportsTo: string | null; influences: string[] }> = [
            { id: 'a', reportsTo: null, influences: [] },
            { id: 'b', reportsTo: 'a', influences: [] },
            { id: 'c', reportsTo: 'b', influences: [] },
            { id: 'x', reportsTo: 'c', influences: ['c'] },
            // a cycle of managers ends where it comes back
            { id: 'p', reportsTo: 'q', influences: [] },
            { id: 'q', reportsTo: 'p', influences: [] },
        ];
        expect([...chainManagers(contacts, new Set(['c', 'p']))].sort()).toEqual(['a', 'b', 'q']);
        expect([...peopleWhoMatter(contacts, new Set(['c']), new Set(['a', 'b']))].sort()).toEqual(['a', 'b', 'c', 'x']);
    });
});
