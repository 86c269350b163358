/**
 * The views of contract 1.2, on the plan of `examples/`: a key person's KPIs and pains on the
 * power-map card's hover, the value proposition in the deal header (or that a bid has none), and
 * each opportunity's maturity in the sandbox.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '@acct/contract';
import { loadPlanView } from '../browser/fixture.js';
import { shownOf } from '../../client/webview/src/models/common.js';
import { buildPowerMap } from '../../client/webview/src/models/power-map.js';
import { buildSandbox } from '../../client/webview/src/models/sandbox.js';

let view: PlanView;
beforeAll(async () => {
    view = await loadPlanView();
});

const shown = (c: string, o: string | null) => shownOf(view, { customer: c, opportunity: o });

describe('power map (1.2)', () => {
    it('the card of a key person carries their KPIs and pains, and its hover says them', () => {
        const model = buildPowerMap(view, shown('donghai', 'ran27'));
        const he = model.cards.find(c => c.id === 'he')!;
        expect(he.kpis).toEqual(['5G-A coverage of every county town by 2027']);
        expect(he.pains).toEqual(['Power bills of the radio network up 18 % in two years']);
        expect(he.tooltip).toContain('KPI: 5G-A coverage of every county town by 2027');
        expect(he.tooltip).toContain('Pain: Power bills of the radio network up 18 % in two years');
        expect(he.ariaLabel).toContain('KPI: 5G-A coverage');
        const zhou = model.cards.find(c => c.id === 'zhou')!;
        expect(zhou.tooltip).not.toMatch(/KPI:|Pain:/);
    });

    it('the deal header shows the value proposition, or that a bid has none', () => {
        expect(buildPowerMap(view, shown('donghai', 'ran27')).subheading).toContain(
            "value proposition: Main RAN supplier since 2019; the joint lab's measured savings on their own sites · Cuts the radio network's power bill",
        );
        expect(buildPowerMap(view, shown('hxgrid', 'dispatch')).subheading).toContain(
            'no value proposition at bid: 80 % of the result is decided before the tender',
        );
        // before the bid, no value proposition is not yet late
        expect(buildPowerMap(view, shown('hxgrid', 'substation')).subheading).not.toMatch(/value proposition/);
    });
});

describe('sandbox (1.2)', () => {
    it('each opportunity shows its maturity: preliminary, credible or an opportunity lead', () => {
        const model = buildSandbox(view, 3);
        const items = [...model.scored, ...model.unscored];
        const maturity = (key: string) => items.find(i => i.key === key)!.maturity;
        expect(maturity('opportunity:donghai/edgecloud')).toBe('credible');
        expect(maturity('opportunity:hxgrid/gridsoc')).toBe('preliminary');
        expect(maturity('opportunity:yhwater/智慧水务')).toBe('qualified');
        const edgecloud = items.find(i => i.key === 'opportunity:donghai/edgecloud')!;
        expect(edgecloud.tooltip).toContain('Maturity: Credible lead: the intent to buy and our matching solution are known');
        expect(edgecloud.ariaLabel).toMatch(/; credible$/);
    });
});
