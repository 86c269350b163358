import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanFocus, PlanView } from '@acct/contract';
import { suggestedTierFor, zoneOf } from '@acct/method';
import { shownIn } from '../../client/src/picture.js';
import { shownOf } from '../../client/webview/src/models/common.js';
import { indexFindings } from '../../client/webview/src/models/findings.js';
import { buildIntimacy } from '../../client/webview/src/models/intimacy.js';
import { breakCycles, buildPowerMap } from '../../client/webview/src/models/power-map.js';
import { buildQuadrant } from '../../client/webview/src/models/quadrant.js';
import { estimateTextWidth, fitText } from '../../client/webview/src/text-metrics.js';

const fixture = (): PlanView => JSON.parse(readFileSync(path.join(__dirname, '..', 'browser', 'fixtures', 'plan-view.json'), 'utf8')) as PlanView;

/** The one suggested-tier table (the method core), null where the scores are not both 1..5. */
const suggestedTier = (standing: number | null, cooperation: number | null) => suggestedTierFor(standing, cooperation) ?? null;

/** What is shown, as the panel decides it (client/src/picture.ts: the focus, else the element shown last), as plan objects. */
const resolveShown = (view: PlanView, focus: PlanFocus | null, fallback?: PlanFocus | null) => shownOf(view, shownIn(view, [focus, fallback]));

describe('suggested tier', () => {
    it('follows the table of contract section 3', () => {
        const table: Record<number, string[]> = {
            5: ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
            4: ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
            3: ['commercial', 'value', 'value', 'core', 'core'],
            2: ['commercial', 'value', 'value', 'core', 'core'],
            1: ['commercial', 'commercial', 'commercial', 'core', 'core'],
        };
        for (let s = 1; s <= 5; s++) for (let c = 1; c <= 5; c++) expect(suggestedTier(s, c)).toBe(table[s]![c - 1]);
        expect(suggestedTier(null, 3)).toBeNull();
        expect(suggestedTier(0, 3)).toBeNull();
        expect(suggestedTier(3, 6)).toBeNull();
    });
});

describe('findings index', () => {
    it('files a decision-chain finding under its subject and under the contact it names', () => {
        const v = fixture();
        const idx = indexFindings(v);
        expect(idx.get('contact:cmgd/li')!.map(f => f.code)).toEqual(['opposed-key-person']);
        expect(idx.get('opportunity:cmgd/core5g')!.map(f => f.code)).toContain('opposed-key-person');
        expect(
            idx
                .get('contact:cmgd/huang')!
                .map(f => f.code)
                .sort(),
        ).toEqual(['rational-turn-risk', 'stale-contact']);
    });
});

describe('what is shown', () => {
    it('takes the focus, else the previous customer, else the first one', () => {
        const v = fixture();
        expect(resolveShown(v, { customer: 'cmgd', opportunity: 'core5g' }).opportunity?.id).toBe('core5g');
        expect(resolveShown(v, { customer: 'cmgd', opportunity: 'nope' }).opportunity).toBeNull();
        expect(resolveShown(v, { customer: null, opportunity: null }, { customer: 'gdtel', opportunity: null }).customer?.id).toBe('gdtel');
        expect(resolveShown(v, { customer: 'gone', opportunity: null }).customer?.id).toBe(v.plan.customers[0]!.id);
        expect(resolveShown({ ...v, plan: { ...v.plan, customers: [] } }, null).customer).toBeNull();
    });
});

describe('power map model', () => {
    it('shows every contact with its own role and support for the customer', () => {
        const v = fixture();
        const m = buildPowerMap(v, resolveShown(v, { customer: 'cmgd', opportunity: null }));
        expect(m.cards).toHaveLength(14);
        const wang = m.cards.find(c => c.id === 'wang')!;
        expect([wang.role, wang.support, wang.parent, wang.group, wang.dimmed]).toEqual(['decision-maker', 2, 'zhang', 'key', false]);
        const zhao = m.cards.find(c => c.id === 'zhao')!;
        expect(zhao.group).toBe('general');
        expect(m.cards.find(c => c.id === '陈静')!.parent).toBe('zhao');
        expect(m.cards.find(c => c.id === 'huang')!.stale).toBe(true);
        expect(m.cards.find(c => c.id === 'li')!.ariaLabel).toMatch(/Li Na.*role evaluator.*support -1.*intimacy -2.*opposed-key-person/);
        expect(m.headerFindings.map(f => f.code)).toEqual(['tier-mismatch']);
    });

    it("for a deal, uses the decision chain's role and support and dims the rest", () => {
        const v = fixture();
        const m = buildPowerMap(v, resolveShown(v, { customer: 'cmgd', opportunity: 'core5g' }));
        const huang = m.cards.find(c => c.id === 'huang')!;
        expect([huang.support, huang.contactSupport, huang.inChain, huang.dimmed]).toEqual([1, 2, true, false]);
        expect(huang.tooltip).toContain('for this deal; on the contact: 2');
        expect(
            m.cards
                .filter(c => !c.dimmed)
                .map(c => c.id)
                .sort(),
        ).toEqual(['guo', 'huang', 'li', 'liu', 'wang', 'zhang']);
        const ims = buildPowerMap(v, resolveShown(v, { customer: 'cmgd', opportunity: 'ims' }));
        const chen = ims.cards.find(c => c.id === 'chen')!;
        expect([chen.role, chen.support]).toEqual(['sponsor', 2]);
        expect(ims.headerFindings.map(f => f.code)).toContain('stale-contact');
    });

    it('breaks reports-to cycles and ignores unknown managers and duplicates', () => {
        const v = fixture();
        const c = v.plan.customers.find(x => x.id === 'cmgd')!;
        c.contacts.find(x => x.id === 'zhang')!.reportsTo = 'guo'; // zhang → guo → liu → wang → zhang
        c.contacts.find(x => x.id === 'sun')!.reportsTo = 'nobody';
        c.contacts.push({ ...c.contacts[1]! });
        const m = buildPowerMap(v, resolveShown(v, { customer: 'cmgd', opportunity: null }));
        expect(m.cards).toHaveLength(14);
        expect(m.cards.filter(x => x.group === 'key' && x.parent === null).length).toBeGreaterThanOrEqual(1);
        expect(m.cards.find(x => x.id === 'sun')!.parent).toBeNull();
        const parents = new Map(m.cards.map(x => [x.id, x.parent]));
        for (const card of m.cards) {
            const seen = new Set<string>();
            let cur: string | null = card.id;
            while (cur) {
                expect(seen.has(cur)).toBe(false);
                seen.add(cur);
                cur = parents.get(cur) ?? null;
            }
        }
    });

    it('breakCycles cuts the first member of each cycle', () => {
        const r = breakCycles(
            new Map([
                ['a', 'b'],
                ['b', 'c'],
                ['c', 'a'],
                ['d', 'a'],
            ]),
            ['a', 'b', 'c', 'd'],
        );
        expect([...r.entries()]).toEqual([
            ['a', null],
            ['b', 'c'],
            ['c', 'a'],
            ['d', 'a'],
        ]);
    });
});

describe('tier quadrant model', () => {
    it('places customers in cells with deterministic slots and lists the unplottable', () => {
        const v = fixture();
        const q = buildQuadrant(v, 'cmgd');
        expect(q.points).toHaveLength(12);
        expect(q.unplotted.map(u => u.name)).toEqual(['Zhongshan Smart Water']);
        expect(q.mismatches).toBe(3);
        const cell = q.points.filter(p => p.standing === 4 && p.cooperation === 4);
        expect(cell.map(p => [p.name, p.slot, p.slotCount]).sort()).toEqual([
            ['Guangzhou Power Supply', 0, 2],
            ['Shenzhen Metro', 1, 2],
        ]);
        expect(q.points.find(p => p.id === 'cmgd')!.focused).toBe(true);
        expect(q.points.find(p => p.id === 'gzpower')!.mismatch).toBe(true);
        expect(q.counts[3]![3]).toBe(2);
        // reordering the input does not move anyone
        const w = fixture();
        w.plan.customers.reverse();
        const q2 = buildQuadrant(w, null);
        for (const p of q.points) {
            const p2 = q2.points.find(x => x.key === p.key)!;
            expect([p2.slot, p2.slotCount]).toEqual([p.slot, p.slotCount]);
        }
    });
});

describe('intimacy × support model', () => {
    it('reads the zones as the checks do', () => {
        expect(zoneOf(2, -1)?.id).toBe('rational-turn');
        expect(zoneOf(3, -3)?.id).toBe('rational-turn');
        expect(zoneOf(0, 2)?.id).toBe('re-examine');
        expect(zoneOf(-1, 3)?.id).toBe('re-examine');
        expect(zoneOf(3, 3)?.id).toBe('both-high');
        expect(zoneOf(-1, -3)?.id).toBe('both-low');
        expect(zoneOf(1, 0)).toBeNull();
        expect(zoneOf(null, -3)).toBeNull();
    });

    it('plots the contacts of the shown customer, unknown support apart', () => {
        const v = fixture();
        const m = buildIntimacy(v, resolveShown(v, { customer: 'cmgd', opportunity: null }));
        expect(m.points).toHaveLength(14);
        expect(m.points.find(p => p.id === 'huang')!.zone?.id).toBe('rational-turn');
        expect(m.points.find(p => p.id === 'ma')!.zone?.id).toBe('re-examine');
        expect(m.unknownSupport).toBe(3);
        expect(m.points.find(p => p.id === 'xu')!.intimacy).toBeNull();
    });
});

describe('text fitting', () => {
    it('keeps short text, truncates long text with an ellipsis within the width', () => {
        expect(fitText('Li Na', 100, 13)).toEqual({ text: 'Li Na', truncated: false });
        const long = fitText('Alexandra Konstantinopoulou-Vandenberghe', 140, 13, true);
        expect(long.truncated).toBe(true);
        expect(long.text.endsWith('…')).toBe(true);
        expect(estimateTextWidth(long.text, 13, true)).toBeLessThanOrEqual(140);
        expect(estimateTextWidth('陈静', 13)).toBeGreaterThan(estimateTextWidth('ab', 13));
    });
});
