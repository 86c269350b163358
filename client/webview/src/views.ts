/**
 * The five views, each from its model to SVG: what the header says, what is drawn, and what to
 * say instead when there is nothing to draw.
 */
import { SubjectKeys, type Finding, type StageAge, type TrendsState, type ViewedPlan } from '@acct/contract';
import type { RenderResult } from './dom.js';
import { layoutInfluences } from './influence-layout.js';
import { layoutPowerMap, type PowerMapLayout } from './layout.js';
import { treeSurelyExceeds } from './power-map-bounds.js';
import type { Shown } from './models/common.js';
import type { CardGroup, PowerMapModel } from './models/power-map.js';
import { indexFindings, type FindingIndex } from './models/findings.js';
import { buildIntimacy } from './models/intimacy.js';
import { buildPowerMap } from './models/power-map.js';
import { buildQuadrant } from './models/quadrant.js';
import { orientationFor, layoutFishbone } from './fishbone-layout.js';
import { buildFishbone } from './models/fishbone.js';
import { buildSandbox } from './models/sandbox.js';
import { renderFishbone } from './render-fishbone.js';
import { renderSandbox } from './render-sandbox.js';
import { layoutSandbox, sandboxWidth } from './sandbox-layout.js';
import { intimacyShape, renderIntimacy } from './render-intimacy.js';
import { isListWidth } from './power-map-list-layout.js';
import { groupLabel, renderPowerMap } from './render-power-map.js';
import { quadrantShape, renderQuadrant } from './render-quadrant.js';
import type { Tab } from './state.js';
import { PAD } from './viewport.js';
import { texts } from './texts.js';
import { buildTrends } from './models/trends.js';
import { renderTrends, trendsWidth } from './render-trends.js';

export interface DrawnView {
    result: RenderResult;
    heading: string;
    subheading: string;
    headerFindings: readonly Finding[];
    /** Said over the stage when there is nothing to draw. */
    emptyText: string | null;
    /** The shape drawn for the stage's size, and the shape another size would take (a change draws the view again). */
    shape: { name: string; for(stageWidth: number, stageHeight: number): string };
    /** A deal's power map with a decision chain: drawn whole or folded, and how many folded (the toggle's state); else absent. */
    fold?: PowerMapModel['fold'];
}

/** What the Trends view says when it has no trend to draw. */
const TRENDS_SAY = {
    loading: 'view.trends.loading',
    noGit: 'view.trends.noGit',
    untrusted: 'view.trends.untrusted',
    noSubject: 'view.trends.noSubject',
} as const;

/** No text of a picture is drawn smaller than this by Fit. */
export const READABLE_PX = 11;

/** How the view is asked for: the selection to mark, the stage's size, the sandbox's picks. */
export interface DrawOptions {
    selection: string | null;
    stageWidth: number;
    stageHeight: number;
    picks: number;
    /** The plan's findings by subject, when the caller draws many views of one plan (the report). */
    findings?: FindingIndex;
    /** The Trends view's element over time, as the panel last sent it (none yet: the history is asked for). */
    trends?: TrendsState | null;
    /** Since when each open opportunity has held its stage (the sandbox), by opportunity key. */
    stageAges?: Record<string, StageAge>;
    /** A deal's power map shows the customer's whole organisation, not only the people who matter to the deal. */
    wholeOrganisation?: boolean;
    /**
     * The tier quadrant's crowded cell shown one by one (`STANDING/COOPERATION`, null for none), in a
     * view whose groups open on a click (the editor's); absent where they cannot (the report).
     */
    openCell?: string | null;
    /**
     * Whether the model and layout's time is marked in the page's performance timeline (the editor's
     * benchmark reads it; default yes). The report draws thousands of pictures: each mark and measure
     * is kept in the timeline, about 25 µs a picture for nothing read.
     */
    timed?: boolean;
}

/** A power map of more cards than this stays a tree when it does not fit (its overview is zoomed out to). */
const LIST_MOST = 100;

/** The room Fit has for a picture in a stage of `w` × `h` (0: not laid out yet, no limit). */
function roomIn(w: number, h: number): { w: number; h: number } {
    return { w: w > 0 ? Math.max(0, w - 2 * PAD) : Infinity, h: h > 0 ? Math.max(0, h - 2 * PAD) : Infinity };
}

/** Draws `tab` of `view` for the element `shown` into `layer`. */
export function drawView(tab: Tab, view: ViewedPlan, shown: Shown, layer: SVGGElement, options: DrawOptions): DrawnView {
    const index = options.findings ?? indexFindings(view);
    const customer = shown.customer;
    const t = texts();
    const noCustomer = t.t('view.noCustomerYet');
    const selection = options.selection;
    const timed = options.timed ?? true;
    if (timed) performance.mark('acct:model:start');
    const measured = (): void => {
        if (timed) performance.measure('acct:model+layout', 'acct:model:start');
    };
    if (tab === 'trends') {
        const state = options.trends ?? { status: 'loading' as const };
        const width = trendsWidth(roomIn(options.stageWidth, options.stageHeight).w);
        const shape = { name: String(width), for: (w: number, h: number) => String(trendsWidth(roomIn(w, h).w)) };
        if (state.status !== 'ready') {
            const say =
                state.status === 'failed'
                    ? t.t('view.trends.failed', { detail: state.detail })
                    : state.status === 'notInHistory'
                      ? t.t('view.trends.notInHistory', { name: state.name })
                      : t.t(TRENDS_SAY[state.status]);
            return {
                heading: t.t('view.tab.trends'),
                subheading: customer ? customer.name : '',
                headerFindings: [],
                result: { items: [], width: 0, height: 0 },
                emptyText: say,
                shape,
            };
        }
        const model = buildTrends(state.trend);
        measured();
        return {
            heading: model.heading,
            subheading: model.subheading,
            headerFindings: [],
            result: renderTrends(layer, model, width, t.t('view.trends.panel.chain')),
            emptyText: null,
            shape,
        };
    }
    if (tab === 'sandbox') {
        const model = buildSandbox(view, options.picks, options.stageAges);
        const roomW = roomIn(options.stageWidth, options.stageHeight).w;
        const layout = layoutSandbox(model.scored, model.unscored, sandboxWidth(roomW));
        measured();
        const total = model.scored.length + model.unscored.length;
        return {
            heading: t.t('view.sandbox.heading'),
            subheading: t.t('view.sandbox.subheading', { total, picked: Math.min(options.picks, total), unscored: model.unscored.length }),
            headerFindings: [],
            result: renderSandbox(layer, model, layout, selection),
            emptyText: total ? null : t.t('view.sandbox.empty'),
            shape: { name: String(layout.width), for: (w, h) => String(sandboxWidth(roomIn(w, h).w)) },
        };
    }
    if (tab === 'fishbone') {
        const model = buildFishbone(view, shown, index);
        const orientation = orientationFor(options.stageWidth);
        const layout = layoutFishbone(model, orientation);
        measured();
        return {
            heading: model.heading,
            subheading: model.subheading,
            headerFindings: model.headerFindings,
            result: renderFishbone(layer, model, layout, selection),
            emptyText: customer ? null : noCustomer,
            shape: { name: orientation, for: w => orientationFor(w) },
        };
    }
    if (tab === 'quadrant') {
        const model = buildQuadrant(view, customer?.id ?? null, index);
        const room = roomIn(options.stageWidth, options.stageHeight);
        measured();
        return {
            heading: t.t('view.quadrant.heading'),
            subheading:
                t.t('view.quadrant.subheading', { customers: model.points.length, mismatches: model.mismatches }) +
                (customer ? t.t('view.quadrant.highlighted', { name: customer.name }) : ''),
            headerFindings: [],
            result: renderQuadrant(layer, model, selection, room, options.openCell === undefined ? undefined : { cell: options.openCell }),
            emptyText: view.plan.customers.length ? null : noCustomer,
            shape: { name: quadrantShape(model, room), for: (w, h) => quadrantShape(model, roomIn(w, h)) },
        };
    }
    if (tab === 'intimacy') {
        const model = buildIntimacy(view, shown, index);
        const room = roomIn(options.stageWidth, options.stageHeight);
        return {
            heading: customer ? customer.name : t.t('view.noCustomer'),
            subheading: customer ? t.t('view.intimacy.subheading', { count: model.points.length }) : noCustomer,
            headerFindings: customer ? (index.get(SubjectKeys.customer(customer.id)) ?? []) : [],
            result: renderIntimacy(layer, model, selection, room),
            emptyText: customer ? null : noCustomer,
            shape: { name: intimacyShape(model, room), for: (w, h) => intimacyShape(model, roomIn(w, h)) },
        };
    }
    const model = buildPowerMap(view, shown, index, options.wholeOrganisation ?? false);
    const loose = model.fold?.loose;
    const labelOf = (id: CardGroup, n: number) => groupLabel(id, model, n);
    const readable = readableScale('power');
    /**
     * The org chart when it fits the stage whole at a readable size, else the list (which scrolls);
     * a map too big for either stays a tree, to be zoomed out to its overview and panned.
     */
    const powerShape = (w: number, h: number): { name: 'tree' | 'list'; tree: PowerMapLayout | null } => {
        if (isListWidth(w)) return { name: 'list', tree: null };
        const room = roomIn(w, h);
        // a map of a list's size that surely does not fit as a tree is a list, its tree not laid out to learn it
        if (model.cards.length <= LIST_MOST && treeSurelyExceeds(model.cards, room.w / readable, room.h / readable)) return { name: 'list', tree: null };
        const tree = layoutPowerMap(model.cards, { list: false, labelOf, aspect: room.w / room.h, loose });
        const fits = tree.width * readable <= room.w && tree.height * readable <= room.h;
        return { name: fits || model.cards.length > LIST_MOST ? 'tree' : 'list', tree };
    };
    const chosen = powerShape(options.stageWidth, options.stageHeight);
    const layout =
        chosen.name === 'tree' && chosen.tree
            ? chosen.tree
            : layoutPowerMap(model.cards, { list: true, labelOf, width: roomIn(options.stageWidth, options.stageHeight).w / readable, loose });
    const influences = layoutInfluences(model.influences, layout.cards, { width: layout.width, height: layout.height });
    measured();
    return {
        heading: model.heading,
        subheading: model.subheading,
        headerFindings: model.headerFindings,
        result: renderPowerMap(layer, model, layout, influences, selection),
        emptyText: !customer ? noCustomer : model.cards.length ? null : t.t('view.power.empty', { customer: customer.name }),
        shape: { name: chosen.name, for: (w, h) => powerShape(w, h).name },
        fold: model.fold,
    };
}

/**
 * The smallest text each view draws, in px at 100 % (styles/*.css): Fit never shrinks it below
 * `READABLE_PX`.
 */
const SMALLEST_TEXT: Record<Tab, number> = { power: 11, fishbone: 11, quadrant: 11, intimacy: 11, sandbox: 11, trends: 11 };

/** The smallest scale at which `tab` stays readable. */
export function readableScale(tab: Tab): number {
    return Math.min(1, READABLE_PX / SMALLEST_TEXT[tab]);
}

/** The file name the export suggests for `tab` of `shown`. */
export function exportName(tab: Tab, shown: Shown): string {
    const c = shown.customer?.id ?? 'plan';
    const deal = `${c}${shown.opportunity ? `-${shown.opportunity.id}` : ''}`;
    const base =
        tab === 'quadrant'
            ? 'tier-quadrant'
            : tab === 'sandbox'
              ? 'strategic-sandbox'
              : tab === 'intimacy'
                ? `${c}-intimacy-support`
                : tab === 'trends'
                  ? `${deal}-trends`
                  : tab === 'fishbone'
                    ? `${deal}-fishbone`
                    : `${deal}-power-map`;
    return `${base.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'view'}.svg`;
}
