/**
 * The plan in parts (server/src/contract/plan-parts.ts): every view drawn from the outline and the
 * part of the customer shown is the view drawn from the whole plan, and a part's stamp changes
 * exactly when its content does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemblePlan, cutPlan, stampCut, stampOf, type PlanView, type ViewedPlan } from '@acct/contract';
import { loadPlanView } from '../browser/fixture.js';
import { shownIn } from '../../client/src/picture.js';
import { shownOf } from '../../client/webview/src/models/common.js';
import { buildFishbone } from '../../client/webview/src/models/fishbone.js';
import { buildIntimacy } from '../../client/webview/src/models/intimacy.js';
import { buildPowerMap } from '../../client/webview/src/models/power-map.js';
import { buildQuadrant } from '../../client/webview/src/models/quadrant.js';
import { buildSandbox } from '../../client/webview/src/models/sandbox.js';

const handWritten = (): PlanView => JSON.parse(readFileSync(path.join(__dirname, '..', 'browser', 'fixtures', 'plan-view.json'), 'utf8')) as PlanView;

/** Every model of every view, for each customer and each of its deals (and none). */
function everyModel(view: ViewedPlan, whole: PlanView): unknown[] {
    return whole.plan.customers.flatMap(c =>
        [null, ...c.opportunities.map(o => o.id)].map(opportunity => {
            const shown = shownOf(view, shownIn(view, [{ customer: c.id, opportunity }]));
            return {
                shown,
                power: buildPowerMap(view, shown),
                fishbone: buildFishbone(view, shown),
                intimacy: buildIntimacy(view, shown),
                quadrant: buildQuadrant(view, c.id),
                sandbox: buildSandbox(view, 3),
            };
        }),
    );
}

describe('the plan in parts', () => {
    let examples: PlanView;
    beforeAll(async () => {
        examples = await loadPlanView();
    });

    it('draws every view of every customer and deal as the whole plan draws it, duplicate ids too', () => {
        // a second declaration of a customer id, with a finding: the first declaration is the one drawn
        const duplicated: PlanView = JSON.parse(JSON.stringify(examples));
        const first = duplicated.plan.customers[0]!;
        duplicated.plan.customers.push({ ...first, name: 'Second declaration', standing: 1, contacts: [] });
        duplicated.plan.diagnostics.push({
            file: 'x.acct',
            line: 1,
            column: 1,
            severity: 'error',
            code: 'duplicate-id',
            message: 'again',
            subject: `customer:${first.id}` as const,
        });
        duplicated.subjects.push({ subject: `customer:${first.id}` });
        for (const whole of [examples, duplicated]) {
            const cut = cutPlan(whole);
            const drawnFromParts = whole.plan.customers.flatMap(c =>
                [null, ...c.opportunities.map(o => o.id)].map(opportunity => {
                    const view = assemblePlan(cut.outline, cut.part(c.id));
                    const shown = shownOf(view, shownIn(view, [{ customer: c.id, opportunity }]));
                    return {
                        shown,
                        power: buildPowerMap(view, shown),
                        fishbone: buildFishbone(view, shown),
                        intimacy: buildIntimacy(view, shown),
                        quadrant: buildQuadrant(view, c.id),
                        sandbox: buildSandbox(view, 3),
                    };
                }),
            );
            expect(drawnFromParts).toEqual(everyModel(whole, whole));
            expect(drawnFromParts.length).toBeGreaterThan(whole.plan.customers.length);
        }
    });

    it('gives a customer its first declaration and every finding about it or anything of it, and nothing else', () => {
        const whole = handWritten();
        const cut = cutPlan(whole);
        const part = cut.part('cmgd')!;
        expect(part.customer).toBe(whole.plan.customers.find(c => c.id === 'cmgd'));
        expect(part.subjects.length).toBe(part.diagnostics.length);
        const keys = part.subjects.flatMap(s => [s!.subject, ...(s!.contact ? [s!.contact] : [])]);
        expect(keys).toEqual(expect.arrayContaining(['contact:cmgd/li', 'opportunity:cmgd/core5g', 'customer:cmgd']));
        expect(keys.every(k => /^(customer:cmgd|(contact|opportunity|activity):cmgd\/)/.test(k))).toBe(true);
        expect(cut.part('nobody')).toBeNull();
        // the outline: every customer in a few fields, and only the findings about customers themselves
        expect(cut.outline.customers.map(c => c.id)).toEqual(whole.plan.customers.map(c => c.id));
        expect(cut.outline.customers.every(c => !('contacts' in c))).toBe(true);
        expect(cut.outline.subjects.every(s => s!.subject.startsWith('customer:'))).toBe(true);
    });

    it('answers a part the asker holds by its stamp, and changes the stamp of a part only when its content changes', () => {
        const before = handWritten();
        const after = handWritten();
        const other = after.plan.customers.find(c => c.id === 'gdtel')!;
        other.contacts[0]!.name = 'Renamed';
        const [a, b] = [stampCut(cutPlan(before)), stampCut(cutPlan(after))];
        const known = a.part('cmgd')!.stamp;
        expect(b.part('cmgd', known)).toEqual({ stamp: known });
        expect(b.part(other.id, a.part(other.id)!.stamp)!.value?.customer.contacts[0]!.name).toBe('Renamed');
        // a contact's name is not in the outline: its stamp holds
        expect(b.outline(a.outline().stamp)).toEqual({ stamp: a.outline().stamp });
        expect(stampOf({ a: 1 })).toBe(stampOf({ a: 1 }));
        expect(stampOf({ a: 1 })).not.toBe(stampOf({ a: 2 }));
        expect(stampOf({ a: 1 })).toMatch(/^[0-9a-f]{16}$/);
    });
});
