/**
 * The five views, each from its model to SVG: what the header says, what is drawn, and what to
 * say instead when there is nothing to draw.
 */
import { SubjectKeys, type Finding, type ViewedPlan } from '@acct/contract';
import type { RenderResult } from './dom.js';
import { layoutInfluences } from './influence-layout.js';
import { layoutPowerMap } from './layout.js';
import type { Shown } from './models/common.js';
import { indexFindings, type FindingIndex } from './models/findings.js';
import { buildIntimacy } from './models/intimacy.js';
import { buildPowerMap } from './models/power-map.js';
import { buildQuadrant } from './models/quadrant.js';
import { orientationFor, layoutFishbone } from './fishbone-layout.js';
import { buildFishbone } from './models/fishbone.js';
import { buildSandbox } from './models/sandbox.js';
import { renderFishbone } from './render-fishbone.js';
import { renderSandbox } from './render-sandbox.js';
import { layoutSandbox } from './sandbox-layout.js';
import { renderIntimacy } from './render-intimacy.js';
import { isListWidth } from './power-map-list-layout.js';
import { groupLabel, renderPowerMap } from './render-power-map.js';
import { renderQuadrant } from './render-quadrant.js';
import type { Tab } from './state.js';
import { texts } from './texts.js';

export interface DrawnView {
    result: RenderResult;
    heading: string;
    subheading: string;
    headerFindings: readonly Finding[];
    /** Said over the stage when there is nothing to draw. */
    emptyText: string | null;
}

/** No text of a picture is drawn smaller than this by Fit. */
export const READABLE_PX = 10;

/** How the view is asked for: the selection to mark, the stage's width, the sandbox's picks. */
export interface DrawOptions {
    selection: string | null;
    stageWidth: number;
    picks: number;
    /** The plan's findings by subject, when the caller draws many views of one plan (the report). */
    findings?: FindingIndex;
}

/** Draws `tab` of `view` for the element `shown` into `layer`. */
export function drawView(tab: Tab, view: ViewedPlan, shown: Shown, layer: SVGGElement, options: DrawOptions): DrawnView {
    const index = options.findings ?? indexFindings(view);
    const customer = shown.customer;
    const t = texts();
    const noCustomer = t.t('view.noCustomerYet');
    const selection = options.selection;
    performance.mark('acct:model:start');
    if (tab === 'sandbox') {
        const model = buildSandbox(view, options.picks);
        const layout = layoutSandbox(model.scored, model.unscored);
        performance.measure('acct:model+layout', 'acct:model:start');
        const total = model.scored.length + model.unscored.length;
        return {
            heading: t.t('view.sandbox.heading'),
            subheading: t.t('view.sandbox.subheading', { total, picked: Math.min(options.picks, total), unscored: model.unscored.length }),
            headerFindings: [],
            result: renderSandbox(layer, model, layout, selection),
            emptyText: total ? null : t.t('view.sandbox.empty'),
        };
    }
    if (tab === 'fishbone') {
        const model = buildFishbone(view, shown, index);
        const layout = layoutFishbone(model, orientationFor(options.stageWidth));
        performance.measure('acct:model+layout', 'acct:model:start');
        return {
            heading: model.heading, subheading: model.subheading, headerFindings: model.headerFindings,
            result: renderFishbone(layer, model, layout, selection),
            emptyText: customer ? null : noCustomer,
        };
    }
    if (tab === 'quadrant') {
        const model = buildQuadrant(view, customer?.id ?? null, index);
        performance.measure('acct:model+layout', 'acct:model:start');
        return {
            heading: t.t('view.quadrant.heading'),
            subheading: t.t('view.quadrant.subheading', { customers: model.points.length, mismatches: model.mismatches })
                + (customer ? t.t('view.quadrant.highlighted', { name: customer.name }) : ''),
            headerFindings: [],
            result: renderQuadrant(layer, model, selection),
            emptyText: view.plan.customers.length ? null : noCustomer,
        };
    }
    if (tab === 'intimacy') {
        const model = buildIntimacy(view, shown, index);
        return {
            heading: customer ? customer.name : t.t('view.noCustomer'),
            subheading: customer ? t.t('view.intimacy.subheading', { count: model.points.length }) : noCustomer,
            headerFindings: customer ? index.get(SubjectKeys.customer(customer.id)) ?? [] : [],
            result: renderIntimacy(layer, model, selection),
            emptyText: customer ? null : noCustomer,
        };
    }
    const model = buildPowerMap(view, shown, index);
    const layout = layoutPowerMap(model.cards, { list: isListWidth(options.stageWidth), labelOf: (id, n) => groupLabel(id, model, n) });
    const influences = layoutInfluences(model.influences, layout.cards);
    performance.measure('acct:model+layout', 'acct:model:start');
    return {
        heading: model.heading,
        subheading: model.subheading,
        headerFindings: model.headerFindings,
        result: renderPowerMap(layer, model, layout, influences, selection),
        emptyText: !customer ? noCustomer : model.cards.length ? null : t.t('view.power.empty', { customer: customer.name }),
    };
}

/** What a view's drawing depends on in the stage's width: a resize that changes it draws the view again. */
export function shapeFor(tab: Tab, stageWidth: number): string {
    if (tab === 'fishbone') return orientationFor(stageWidth);
    if (tab === 'power') return isListWidth(stageWidth) ? 'list' : 'tree';
    return '';
}

/**
 * The smallest text each view draws, in px at 100 % (styles/*.css): Fit never shrinks it below
 * `READABLE_PX`.
 */
const SMALLEST_TEXT: Record<Tab, number> = { power: 11, fishbone: 11.5, quadrant: 11, intimacy: 11, sandbox: 10 };

/** The smallest scale at which `tab` stays readable. */
export function readableScale(tab: Tab): number {
    return Math.min(1, READABLE_PX / SMALLEST_TEXT[tab]);
}

/** The file name the export suggests for `tab` of `shown`. */
export function exportName(tab: Tab, shown: Shown): string {
    const c = shown.customer?.id ?? 'plan';
    const deal = `${c}${shown.opportunity ? `-${shown.opportunity.id}` : ''}`;
    const base = tab === 'quadrant' ? 'tier-quadrant'
        : tab === 'sandbox' ? 'strategic-sandbox'
            : tab === 'intimacy' ? `${c}-intimacy-support`
                : tab === 'fishbone' ? `${deal}-fishbone` : `${deal}-power-map`;
    return `${base.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'view'}.svg`;
}
