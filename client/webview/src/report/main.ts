/**
 * The page of `acct report`: draws every picture of the account review with the webview's own
 * models, layouts and renderers (`drawView`), from the plan embedded in the file as JSON. Each
 * picture is drawn once, in full detail, when the page opens — so that printing needs no
 * interaction — and can then be zoomed and panned; a card's findings show on hover (its
 * tooltip); a deal switches between its power map and its fishbone. The text of the report
 * (summary, verdicts, findings) is written by the CLI; this page adds only the pictures.
 */
import type { DrawnPlan, PlanFocus, ViewedPlan } from '@acct/contract';
import type { ViewStrings } from '@acct/method';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { ensureTooltip, showTip, svg, type NavItem } from '../dom.js';
import { indexFindings, type FindingIndex } from '../models/findings.js';
import { shownOf } from '../models/common.js';
import { ensureDefs } from '../render-common.js';
import type { Tab } from '../state.js';
import { useStrings } from '../texts.js';
import { PAD as VIEW_PAD } from '../viewport.js';
import { drawView } from '../views.js';

/** What the CLI embeds in the file (`<script type="application/json" id="acct-report-data">`). */
export interface ReportData {
    /** The plan without the fields no view reads (`drawnPlan`). */
    view: DrawnPlan;
    strings: ViewStrings;
    /** The sandbox's picks. */
    picks: number;
    /** The pictures, by the index in `data-figure`. */
    figures: Array<{ tab: Tab; focus: PlanFocus }>;
    /** The width the views are drawn for (an A4 landscape page). */
    width: number;
}

/** The margin kept around a picture's drawing. */
const PAD = 12;

/** The embedded plan as the views take it: they read none of the fields it leaves out (test/unit/drawn-plan.test.ts). */
const viewOf = (data: ReportData): ViewedPlan => data.view as ViewedPlan;

function readData(): ReportData {
    const script = document.getElementById('acct-report-data');
    return JSON.parse(script?.textContent ?? 'null') as ReportData;
}

interface Drawn {
    host: HTMLElement;
    root: SVGSVGElement;
    layer: SVGGElement;
    /** Made when the reader first points at, touches or wheels over the picture (`zoomable`). */
    zoomer: ZoomBehavior<SVGSVGElement, unknown> | null;
    /** The size the renderer gave its drawing. */
    size: { width: number; height: number };
    /** A tier quadrant's shape, and the shape it takes in a frame of another width (a narrow window: the compact grid). */
    shape?: { name: string; for(width: number): string };
}

/**
 * Frames each picture round its drawing, at the size its renderer gave it (the layouts keep
 * every label inside it: their text widths are estimated, never measured, so no layout is forced
 * and a section off screen is not laid out until it is shown or printed).
 */
function frame(drawn: readonly Drawn[]): void {
    for (const d of drawn) {
        const w = Math.ceil(d.size.width + 2 * PAD);
        const h = Math.ceil(d.size.height + 2 * PAD);
        d.root.setAttribute('viewBox', `${-PAD} ${-PAD} ${w} ${h}`);
        d.root.setAttribute('width', String(w));
        d.root.setAttribute('height', String(h));
    }
}

/**
 * The width the tier quadrants are drawn for: the page's (an A4 landscape page, as printed) in a
 * window as wide, else the frame's, so that a narrow window or a phone shows the whole quadrant
 * (the editor's narrow panel's compact grid). A window as wide as the page's pictures and their
 * margins is known by a media query, without laying the page out.
 */
function quadrantWidth(data: ReportData, printing: boolean): number {
    if (printing || matchMedia(`(min-width: ${data.width + FRAME_MARGINS}px)`).matches) return data.width;
    const main = document.querySelector('main');
    if (!main?.clientWidth) return data.width;
    const style = getComputedStyle(main);
    const frame = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 2;
    // the views keep the editor's margin round a drawing, a frame here its own (`PAD`)
    return Math.min(data.width, frame + 2 * (VIEW_PAD - PAD));
}

/** What lies round a picture's frame in the widest window that may be narrower than the page's pictures: main's padding and the frame's border (report.css). */
const FRAME_MARGINS = 2 * 28 + 2;

function drawFigure(host: HTMLElement, data: ReportData, index: number, findings: FindingIndex, width: number): Drawn | null {
    const figure = data.figures[index];
    if (!figure) return null;
    const root = svg('svg', { class: 'drawing report-picture', role: 'img' }, null);
    const layer = svg('g', { class: 'viewport', 'data-layer': 'viewport' }, root);
    const view = viewOf(data);
    const drawn = drawView(figure.tab, view, shownOf(view, figure.focus), layer, {
        // no height limit: a report's page scrolls, and printing scales a picture to its page
        selection: null,
        stageWidth: figure.tab === 'quadrant' ? width : data.width,
        stageHeight: 0,
        picks: data.picks,
        findings,
        // thousands of pictures: no mark of each in the page's performance timeline
        timed: false,
    });
    // every card in full detail: the page prints as it opens
    drawn.result.materialize?.(null);
    itemsOf.set(root, new Map<Element, NavItem>(drawn.result.items.map(item => [item.el, item])));
    root.setAttribute('aria-label', [drawn.heading, drawn.subheading].filter(Boolean).join(' — '));
    const old = host.querySelector(':scope > svg.report-picture');
    if (drawn.emptyText && !old) {
        host.classList.add('empty');
        const note = document.createElement('p');
        note.className = 'empty-note';
        note.textContent = drawn.emptyText;
        host.appendChild(note);
    }
    const d: Drawn = { host, root, layer, zoomer: null, size: { width: drawn.result.width, height: drawn.result.height } };
    if (figure.tab === 'quadrant') d.shape = { name: drawn.shape.name, for: w => drawn.shape.for(w, 0) };
    zoomable.set(root, () => {
        d.zoomer = zoom<SVGSVGElement, unknown>()
            .scaleExtent([0.25, 4])
            // the wheel scrolls the page; Ctrl+wheel (and a pinch) zooms
            .filter((e: MouseEvent) => (e.type === 'wheel' ? e.ctrlKey || e.metaKey : !e.ctrlKey) && !e.button)
            .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
                const t = e.transform;
                const moved = t.k !== 1 || t.x !== 0 || t.y !== 0;
                if (moved) layer.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
                else layer.removeAttribute('transform');
                host.classList.toggle('zoomed', moved);
            });
        select(root).call(d.zoomer).on('dblclick.zoom', null);
    });
    frame([d]);
    // built off the document, put in once (in place of the drawing for another width)
    if (old) {
        host.replaceChild(root, old);
        host.classList.remove('zoomed');
    } else {
        host.appendChild(root);
    }
    current.set(host, d);
    return d;
}

/** Each drawn picture by its frame: the last drawing (a quadrant is drawn again for another width). */
const current = new WeakMap<HTMLElement, Drawn>();

/** Each drawn picture's cards and points by their elements (`explainWhenReached`). */
const itemsOf = new WeakMap<Element, Map<Element, NavItem>>();

/**
 * One listener for every picture, not two or three on each of thousands as it is drawn: hover or
 * focus a card or a point, and its findings are made its tooltip, as in the editor's views; hover
 * a mark, a cell or a bone, and its hover text is made then too; a frame's reset button puts its
 * picture back as drawn.
 */
function explainWhenReached(): void {
    const explain = (e: Event): void => {
        const target = e.target as Element | null;
        const el = target?.closest?.('[data-key]');
        const items = el && itemsOf.get(el.closest('svg.report-picture')!);
        const item = items && items.get(el);
        if (item) ensureTooltip(item);
        showTip(target);
    };
    document.addEventListener('mouseover', explain, { passive: true });
    document.addEventListener('focusin', explain);
    document.addEventListener('click', e => {
        const host = (e.target as Element | null)?.closest?.('button.reset')?.closest<HTMLElement>('[data-figure]');
        const drawn = host && current.get(host);
        if (drawn) reset(drawn);
    });
}

function reset(drawn: Drawn): void {
    if (drawn.zoomer) drawn.zoomer.transform(select(drawn.root), zoomIdentity);
}

/**
 * The pictures that zoom and pan once the reader comes to them: d3-zoom's listeners are put on a
 * picture when the pointer first comes over it (or a touch or a press starts on it: before the
 * event reaches the picture, so that event is d3-zoom's too), not on each of thousands of
 * pictures as it is drawn. Over it first, so that Ctrl+wheel finds d3-zoom's wheel listener, which
 * may cancel the browser's own zoom, in place (a wheel event starts no longer cancellable when
 * only passive listeners are there; the page keeps none that is not passive, so that it scrolls
 * while it draws).
 */
const zoomable = new WeakMap<Element, () => void>();

function zoomWhenReached(): void {
    const arm = (e: Event): void => {
        const root = (e.target as Element | null)?.closest?.('svg.report-picture');
        const make = root && zoomable.get(root);
        if (!make) return;
        zoomable.delete(root);
        make();
    };
    for (const type of ['pointerover', 'mouseover', 'pointerdown', 'mousedown', 'touchstart', 'wheel'])
        document.addEventListener(type, arm, { capture: true, passive: true });
}

/** A deal shows its power map or its fishbone on screen (both in print). */
function dealTabs(): void {
    for (const deal of Array.from(document.querySelectorAll<HTMLElement>('.deal'))) {
        const tabs = Array.from(deal.querySelectorAll<HTMLButtonElement>('[role=tab]'));
        const choose = (tab: HTMLButtonElement): void => {
            for (const other of tabs) {
                const selected = other === tab;
                other.setAttribute('aria-selected', String(selected));
                other.tabIndex = selected ? 0 : -1;
                document.getElementById(other.getAttribute('aria-controls') ?? '')?.classList.toggle('hidden', !selected);
            }
        };
        for (const tab of tabs) tab.addEventListener('click', () => choose(tab));
        if (tabs[0]) choose(tabs[0]);
        deal.classList.add('switchable');
    }
}

/** How long the page draws at once before it lets the reader in (ms): a small plan is drawn whole before the first paint. */
const FIRST_BUDGET = 400;
const SLICE_BUDGET = 40;

function main(): void {
    const data = readData();
    if (!data) return;
    useStrings(data.strings);
    const findings = indexFindings(viewOf(data));
    // the arrow heads and hatching every picture refers to, once, in an SVG that is always shown
    const defs = svg('svg', { class: 'report-defs', width: 0, height: 0, 'aria-hidden': 'true' }, null);
    document.body.insertBefore(defs, document.body.firstChild);
    ensureDefs(defs);
    dealTabs();
    zoomWhenReached();
    explainWhenReached();
    const pending = new Set(Array.from(document.querySelectorAll<HTMLElement>('[data-figure]')));
    const drawn: Drawn[] = [];
    let printing = false;
    let width = quadrantWidth(data, printing);
    const draw = (host: HTMLElement): void => {
        if (!pending.delete(host)) return;
        try {
            const d = drawFigure(host, data, Number(host.dataset.figure), findings, width);
            if (d) drawn.push(d);
        } catch (err) {
            console.error('acct: cannot draw a picture of the report', err);
        }
    };
    const done = (): boolean => {
        if (pending.size) return false;
        document.documentElement.dataset.drawn = String(drawn.length);
        return true;
    };
    const drawFor = (budget: number): void => {
        const end = performance.now() + budget;
        for (const host of pending) {
            if (performance.now() > end) break;
            draw(host);
        }
    };
    // the quadrants drawn for another width, drawn again for this one (where their shape changes)
    const refit = (): void => {
        const now = quadrantWidth(data, printing);
        if (now === width) return;
        width = now;
        drawn.forEach((d, i) => {
            if (d.shape && d.shape.for(width) !== d.shape.name) drawn[i] = drawFigure(d.host, data, Number(d.host.dataset.figure), findings, width) ?? d;
        });
    };
    let resized = 0;
    window.addEventListener('resize', () => {
        clearTimeout(resized);
        resized = window.setTimeout(refit, 150);
    });
    // printing draws whatever is left, and every picture whole, as drawn, the quadrants for the page (A4 landscape)
    window.addEventListener('beforeprint', () => {
        printing = true;
        refit();
        for (const host of pending) draw(host);
        done();
        drawn.forEach(reset);
    });
    window.addEventListener('afterprint', () => {
        printing = false;
        refit();
    });
    // in document order, as much as fits before the first paint; the rest in slices, the sections the reader comes to first
    drawFor(FIRST_BUDGET);
    if (done()) return;
    const near = new IntersectionObserver(
        entries => {
            for (const entry of entries) {
                if (!entry.isIntersecting) continue;
                entry.target.querySelectorAll<HTMLElement>('[data-figure]').forEach(draw);
                near.unobserve(entry.target);
            }
            if (done()) near.disconnect();
        },
        { rootMargin: '1200px 0px' },
    );
    document.querySelectorAll('section').forEach(section => near.observe(section));
    // the next slice as a message, not a timer: nested timers wait at least 4 ms each, hundreds of times
    const next = new MessageChannel();
    const slice = (): void => {
        drawFor(SLICE_BUDGET);
        if (done()) {
            near.disconnect();
            next.port1.close();
        } else {
            next.port2.postMessage(null);
        }
    };
    next.port1.onmessage = slice;
    next.port2.postMessage(null);
}

main();
