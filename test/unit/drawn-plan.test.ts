/**
 * The plan as the views draw it (server/src/contract/drawn-plan.ts), which `acct report` embeds:
 * every view's model of every customer and deal — hover texts and accessible names included — is
 * the model drawn from the whole plan, so leaving those fields out of the report's file changes no
 * picture.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawnPlan, type PlanView, type ViewedPlan } from '@acct/contract';
import { loadPlanView } from '../browser/fixture.js';
import { shownIn } from '../../client/src/picture.js';
import { shownOf } from '../../client/webview/src/models/common.js';
import { buildFishbone } from '../../client/webview/src/models/fishbone.js';
import { buildIntimacy } from '../../client/webview/src/models/intimacy.js';
import { buildPowerMap } from '../../client/webview/src/models/power-map.js';
import { buildQuadrant } from '../../client/webview/src/models/quadrant.js';
import { buildSandbox } from '../../client/webview/src/models/sandbox.js';

const handWritten = (): PlanView => JSON.parse(readFileSync(path.join(__dirname, '..', 'browser', 'fixtures', 'plan-view.json'), 'utf8')) as PlanView;

const PLACE = new Set(['file', 'line', 'column']);

/**
 * A model as plain data: its hover texts made (they are said when first read), and what it shows
 * (`shown`: the plan's own customer and deal, which the drawn plan holds without the fields left
 * out) named by id; the findings it carries without their place.
 */
function plain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plain);
    if (value instanceof Map) return [...value].map(([k, v]) => [k, plain(v)]);
    if (value instanceof Set) return [...value].map(plain);
    if (!value || typeof value !== 'object') return typeof value === 'function' ? 'function' : value;
    // a finding the models carry: the views say its severity, code and message, never its place in the files
    const finding = 'severity' in value && 'code' in value && 'message' in value;
    return Object.fromEntries(
        Object.keys(value)
            .filter(key => !finding || !PLACE.has(key))
            .map(key => {
                const v = (value as Record<string, unknown>)[key];
                if (key !== 'shown') return [key, plain(v)];
                const shown = v as { customer: { id: string } | null; opportunity: { id: string } | null };
                return [key, [shown.customer?.id ?? null, shown.opportunity?.id ?? null]];
            }),
    );
}

/** Every model of every view, for each customer and each of its deals (and none), whole deals too. */
function everyModel(view: ViewedPlan, whole: PlanView): unknown {
    return plain(
        whole.plan.customers.flatMap(c =>
            [null, ...c.opportunities.map(o => o.id)].map(opportunity => {
                const shown = shownOf(view, shownIn(view, [{ customer: c.id, opportunity }]));
                return {
                    power: buildPowerMap(view, shown),
                    whole: buildPowerMap(view, shown, undefined, true),
                    fishbone: buildFishbone(view, shown),
                    intimacy: buildIntimacy(view, shown),
                    quadrant: buildQuadrant(view, c.id),
                    // the hand-written fixture's deals have no sandbox scores
                    sandbox: whole.plan.customers.every(x => x.opportunities.every(o => o.sandbox)) ? buildSandbox(view, 3) : null,
                };
            }),
        ),
    );
}

describe('the plan as the views draw it', () => {
    let examples: PlanView;
    beforeAll(async () => {
        examples = await loadPlanView();
    });

    it('draws every view of every customer and deal as the whole plan draws it', () => {
        for (const whole of [examples, handWritten()]) {
            const drawn = drawnPlan(whole) as ViewedPlan;
            const models = everyModel(drawn, whole);
            expect(models).toEqual(everyModel(whole, whole));
            expect(JSON.stringify(models)).toContain('tooltip');
        }
    });

    it('leaves out only the fields no view reads, and keeps the rest as they are', () => {
        const drawn = drawnPlan(examples);
        const customer = drawn.plan.customers[0]!;
        expect(Object.keys(customer)).not.toEqual(expect.arrayContaining(['owner']));
        for (const field of ['owner', 'reviewed', 'organization', 'class']) expect(customer).not.toHaveProperty(field);
        expect(customer).toMatchObject({ id: examples.plan.customers[0]!.id, name: examples.plan.customers[0]!.name });
        for (const field of ['budget', 'start', 'qualified', 'team', 'intent', 'solution']) expect(customer.opportunities[0]).not.toHaveProperty(field);
        expect(drawn.plan.diagnostics[0]).toEqual({
            severity: examples.plan.diagnostics[0]!.severity,
            code: examples.plan.diagnostics[0]!.code,
            message: examples.plan.diagnostics[0]!.message,
        });
        expect(drawn.subjects).toBe(examples.subjects);
        // a fifth less to read in a report's page
        expect(JSON.stringify(drawn).length).toBeLessThan(0.9 * JSON.stringify({ plan: examples.plan, subjects: examples.subjects }).length);
    });
});
