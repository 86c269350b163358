import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanView } from '@acct/contract';
import { shownIn } from '../../client/src/picture.js';
import { cellSlot } from '../../client/webview/src/grid-layout.js';
import { CARD_W, layoutPowerMap, type PlacedCard } from '../../client/webview/src/layout.js';
import { LIST_CARD_W } from '../../client/webview/src/power-map-list-layout.js';
import { shownOf } from '../../client/webview/src/models/common.js';
import { buildPowerMap } from '../../client/webview/src/models/power-map.js';
import { bigCustomerView } from '../browser/synthetic.mjs';

const fixture = (): PlanView => JSON.parse(readFileSync(path.join(__dirname, '..', 'browser', 'fixtures', 'plan-view.json'), 'utf8')) as PlanView;

function assertNoOverlap(cards: PlacedCard[]): void {
    const sorted = [...cards].sort((a, b) => a.x - b.x);
    for (let i = 0; i < sorted.length; i++) {
        const a = sorted[i]!;
        for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.w; j++) {
            const b = sorted[j]!;
            const hit = a.y < b.y + b.h && b.y < a.y + a.h;
            expect(hit, `${a.card.key} overlaps ${b.card.key}`).toBe(false);
        }
    }
}

function layoutOf(view: PlanView, customer: string, opportunity: string | null = null) {
    const model = buildPowerMap(view, shownOf(view, shownIn(view, [{ customer, opportunity }])));
    return { model, layout: layoutPowerMap(model.cards) };
}

describe('power map layout', () => {
    it('places every card once, managers above their reports, without overlaps', () => {
        const { model, layout } = layoutOf(fixture(), 'cmgd');
        expect(layout.cards.map(c => c.card.key).sort()).toEqual(model.cards.map(c => c.key).sort());
        assertNoOverlap(layout.cards);
        const at = new Map(layout.cards.map(c => [c.card.id, c]));
        for (const c of layout.cards) {
            if (c.card.parent) expect(c.y).toBeGreaterThan(at.get(c.card.parent)!.y);
        }
        // roots of the key layer sit on its top row
        const zhang = at.get('zhang')!;
        expect(layout.cards.filter(c => c.card.group === 'key').every(c => c.y >= zhang.y)).toBe(true);
        expect(layout.links.length).toBeGreaterThan(0);
        for (const c of layout.cards) {
            expect(c.x).toBeGreaterThanOrEqual(0);
            expect(c.y).toBeGreaterThanOrEqual(0);
            expect(c.x + c.w).toBeLessThanOrEqual(layout.width);
            expect(c.y + c.h).toBeLessThanOrEqual(layout.height);
        }
    });

    it('keeps the general layer in its own box apart from the key layer', () => {
        const { layout } = layoutOf(fixture(), 'cmgd');
        const key = layout.groups.find(g => g.id === 'key')!;
        const general = layout.groups.find(g => g.id === 'general')!;
        const disjoint = key.x + key.w <= general.x || general.x + general.w <= key.x || key.y + key.h <= general.y || general.y + general.h <= key.y;
        expect(disjoint).toBe(true);
        for (const c of layout.cards) {
            const g = c.card.group === 'key' ? key : general;
            expect(c.x >= g.x && c.y >= g.y && c.x + c.w <= g.x + g.w && c.y + c.h <= g.y + g.h, c.card.key).toBe(true);
        }
    });

    it('stacks many leaf reports in columns and stays overlap-free for 1,000 contacts', () => {
        const v = bigCustomerView(1000);
        const { layout } = layoutOf(v, 'big');
        expect(layout.cards).toHaveLength(1000);
        assertNoOverlap(layout.cards);
        // compact: far from one endless row
        expect(layout.width).toBeLessThan(250 * CARD_W);
        expect(layout.width / layout.height).toBeLessThan(6);
        expect(layout.height / layout.width).toBeLessThan(6);
    });

    it('is deterministic', () => {
        const a = layoutOf(fixture(), 'cmgd', 'core5g').layout;
        const b = layoutOf(fixture(), 'cmgd', 'core5g').layout;
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    });
});

describe('power map as a list (a narrow panel)', () => {
    const listOf = (view: PlanView, customer: string) => {
        const model = buildPowerMap(view, shownOf(view, shownIn(view, [{ customer, opportunity: null }])));
        return { model, layout: layoutPowerMap(model.cards, { list: true, labelOf: (id, n) => `${id} (${n})` }) };
    };

    it('places every card once, each report below its manager and one step right, in a width that does not grow with the count', () => {
        /** A list: one card a row, each below the one before. */
        const oneARow = (cards: PlacedCard[]): void => {
            const byY = [...cards].sort((a, b) => a.y - b.y);
            for (let i = 1; i < byY.length; i++) expect(byY[i]!.y).toBeGreaterThanOrEqual(byY[i - 1]!.y + byY[i - 1]!.h);
        };
        const { model, layout } = listOf(fixture(), 'cmgd');
        expect(layout.cards.map(c => c.card.key).sort()).toEqual(model.cards.map(c => c.key).sort());
        oneARow(layout.cards);
        const at = new Map(layout.cards.map(c => [c.card.id, c]));
        for (const c of layout.cards) {
            const boss = c.card.parent ? at.get(c.card.parent) : undefined;
            if (!boss) continue;
            expect(c.y, c.card.id).toBeGreaterThan(boss.y);
            expect(c.x, c.card.id).toBeGreaterThan(boss.x);
        }
        expect(layout.groups.map(g => g.label.text)).toEqual(layout.groups.map(g => `${g.id} (${g.count})`));
        // groups one under the other
        expect(new Set(layout.groups.map(g => g.x)).size).toBe(1);
        const big = listOf(bigCustomerView(1000), 'big').layout;
        expect(big.cards).toHaveLength(1000);
        oneARow(big.cards);
        expect(big.width).toBeLessThan(4 * LIST_CARD_W);
    });

    it('wraps a group title that is longer than its box onto a second line, and says when it had to cut it', () => {
        const model = buildPowerMap(fixture(), shownOf(fixture(), shownIn(fixture(), [{ customer: 'cmgd', opportunity: null }])));
        const long = 'A title far longer than any box of cards could ever hold on one line, or even on two lines of the group box';
        const layout = layoutPowerMap(model.cards, { list: true, labelOf: () => long });
        for (const g of layout.groups) {
            expect(g.label.lines).toHaveLength(2);
            expect(g.label.cut).toBe(true);
            expect(g.label.lines[1]!.endsWith('…')).toBe(true);
        }
    });
});

describe('points in a cell', () => {
    it('never overlap and stay inside the cell, whatever the count', () => {
        for (const count of [1, 2, 3, 4, 5, 9, 40, 300]) {
            const slots = Array.from({ length: count }, (_, i) => cellSlot(i, count, 156, 116));
            for (const s of slots) {
                expect(s.cx - s.r).toBeGreaterThanOrEqual(0);
                expect(s.cy - s.r).toBeGreaterThanOrEqual(0);
                expect(s.cx + s.r).toBeLessThanOrEqual(156);
                expect(s.cy + s.r).toBeLessThanOrEqual(116);
            }
            let clash = 0;
            for (let i = 0; i < count; i++) {
                for (let j = i + 1; j < count; j++) {
                    const a = slots[i]!;
                    const b = slots[j]!;
                    if (Math.hypot(a.cx - b.cx, a.cy - b.cy) < a.r + b.r) clash++;
                }
            }
            expect(clash, `${count} points`).toBe(0);
            expect(slots[0]!.labelWidth > 0).toBe(count <= 4);
        }
    });
});
