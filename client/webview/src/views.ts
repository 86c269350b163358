/**
 * The three views, each from its model to SVG: what the header says, what is drawn, and what to
 * say instead when there is nothing to draw.
 */
import { SubjectKeys, type Finding, type PlanView } from '@acct/contract';
import type { RenderResult } from './dom.js';
import { layoutPowerMap } from './layout.js';
import type { Shown } from './models/common.js';
import { indexFindings } from './models/findings.js';
import { buildIntimacy } from './models/intimacy.js';
import { buildPowerMap } from './models/power-map.js';
import { buildQuadrant } from './models/quadrant.js';
import { renderIntimacy } from './render-intimacy.js';
import { renderPowerMap } from './render-power-map.js';
import { renderQuadrant } from './render-quadrant.js';
import type { Tab } from './state.js';

export interface DrawnView {
    result: RenderResult;
    heading: string;
    subheading: string;
    headerFindings: readonly Finding[];
    /** Said over the stage when there is nothing to draw. */
    emptyText: string | null;
}

const NO_CUSTOMER = 'No customer in the workspace yet.';
const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** Draws `tab` of `view` for the element `shown` into `layer`, with `selection` marked. */
export function drawView(tab: Tab, view: PlanView, shown: Shown, layer: SVGGElement, selection: string | null): DrawnView {
    const index = indexFindings(view);
    const customer = shown.customer;
    performance.mark('acct:model:start');
    if (tab === 'quadrant') {
        const model = buildQuadrant(view, customer?.id ?? null, index);
        performance.measure('acct:model+layout', 'acct:model:start');
        return {
            heading: 'Tier quadrant — all customers',
            subheading: `${plural(model.points.length, 'customer')} by standing and cooperation; ${plural(model.mismatches, 'tier mismatch', 'tier mismatches')}`
                + (customer ? `; ${customer.name} highlighted` : ''),
            headerFindings: [],
            result: renderQuadrant(layer, model, selection),
            emptyText: view.plan.customers.length ? null : NO_CUSTOMER,
        };
    }
    if (tab === 'intimacy') {
        const model = buildIntimacy(view, shown, index);
        return {
            heading: customer ? customer.name : 'No customer',
            subheading: customer ? `Intimacy × support — ${model.points.length} contacts` : NO_CUSTOMER,
            headerFindings: customer ? index.get(SubjectKeys.customer(customer.id)) ?? [] : [],
            result: renderIntimacy(layer, model, selection),
            emptyText: customer ? null : NO_CUSTOMER,
        };
    }
    const model = buildPowerMap(view, shown, index);
    const layout = layoutPowerMap(model.cards);
    performance.measure('acct:model+layout', 'acct:model:start');
    return {
        heading: model.heading,
        subheading: model.subheading,
        headerFindings: model.headerFindings,
        result: renderPowerMap(layer, model, layout, selection),
        emptyText: !customer ? NO_CUSTOMER : model.cards.length ? null : `No contacts in ${customer.name} yet.`,
    };
}

/** The file name the export suggests for `tab` of `shown`. */
export function exportName(tab: Tab, shown: Shown): string {
    const c = shown.customer?.id ?? 'plan';
    const base = tab === 'quadrant' ? 'tier-quadrant'
        : tab === 'intimacy' ? `${c}-intimacy-support`
            : `${c}${shown.opportunity ? `-${shown.opportunity.id}` : ''}-power-map`;
    return `${base.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'view'}.svg`;
}
