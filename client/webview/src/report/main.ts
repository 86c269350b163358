/**
 * The page of `acct report`: draws every picture of the account review with the webview's own
 * models, layouts and renderers (`drawView`), from the plan embedded in the file as JSON. Each
 * picture is drawn once, in full detail, when the page opens — so that printing needs no
 * interaction — and can then be zoomed and panned; a card's findings show on hover (its
 * tooltip); a deal switches between its power map and its fishbone. The text of the report
 * (summary, verdicts, findings) is written by the CLI; this page adds only the pictures.
 */
import type { PlanFocus, ViewedPlan } from '@acct/contract';
import type { ViewStrings } from '@acct/method';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { ensureTooltip, svg } from '../dom.js';
import { shownOf } from '../models/common.js';
import { ensureDefs } from '../render-common.js';
import type { Tab } from '../state.js';
import { useStrings } from '../texts.js';
import { drawView } from '../views.js';

/** What the CLI embeds in the file (`<script type="application/json" id="acct-report-data">`). */
export interface ReportData {
    view: ViewedPlan;
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

function readData(): ReportData {
    const script = document.getElementById('acct-report-data');
    return JSON.parse(script?.textContent ?? 'null') as ReportData;
}

interface Drawn {
    root: SVGSVGElement;
    zoomer: ZoomBehavior<SVGSVGElement, unknown>;
}

function drawFigure(host: HTMLElement, data: ReportData, index: number): Drawn | null {
    const figure = data.figures[index];
    if (!figure) return null;
    const root = svg('svg', { class: 'drawing report-picture', role: 'img' }, null);
    const layer = svg('g', { class: 'viewport', 'data-layer': 'viewport' }, root);
    host.appendChild(root);
    const drawn = drawView(figure.tab, data.view, shownOf(data.view, figure.focus), layer, { selection: null, stageWidth: data.width, picks: data.picks });
    drawn.result.materialize?.(null);
    // hover a card or a point: its findings, as in the editor's views
    for (const item of drawn.result.items) ensureTooltip(item);
    root.setAttribute('aria-label', [drawn.heading, drawn.subheading].filter(Boolean).join(' — '));
    if (drawn.emptyText) {
        host.classList.add('empty');
        const note = document.createElement('p');
        note.className = 'empty-note';
        note.textContent = drawn.emptyText;
        host.appendChild(note);
    }
    // the box of everything drawn, labels included: nothing is cut at the picture's edge
    const box = layer.getBBox();
    const x0 = Math.min(0, box.x) - PAD;
    const y0 = Math.min(0, box.y) - PAD;
    const x1 = Math.max(drawn.result.width, box.x + box.width) + PAD;
    const y1 = Math.max(drawn.result.height, box.y + box.height) + PAD;
    const w = Math.ceil(x1 - x0);
    const h = Math.ceil(y1 - y0);
    root.setAttribute('viewBox', `${Math.floor(x0)} ${Math.floor(y0)} ${w} ${h}`);
    root.setAttribute('width', String(w));
    root.setAttribute('height', String(h));
    const zoomer = zoom<SVGSVGElement, unknown>()
        .scaleExtent([0.25, 4])
        // the wheel scrolls the page; Ctrl+wheel (and a pinch) zooms
        .filter((e: MouseEvent) => (e.type === 'wheel' ? e.ctrlKey || e.metaKey : !e.ctrlKey) && !e.button)
        .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
            const t = e.transform;
            layer.setAttribute('transform', t.k === 1 && t.x === 0 && t.y === 0 ? '' : `translate(${t.x},${t.y}) scale(${t.k})`);
            host.classList.toggle('zoomed', t.k !== 1 || t.x !== 0 || t.y !== 0);
        });
    select(root).call(zoomer).on('dblclick.zoom', null);
    return { root, zoomer };
}

function reset(drawn: Drawn): void {
    drawn.zoomer.transform(select(drawn.root), zoomIdentity);
}

function main(): void {
    const data = readData();
    if (!data) return;
    useStrings(data.strings);
    // the arrow heads and hatching every picture refers to, once, in an SVG that is always shown
    const defs = svg('svg', { class: 'report-defs', width: 0, height: 0, 'aria-hidden': 'true' }, null);
    document.body.insertBefore(defs, document.body.firstChild);
    ensureDefs(defs);
    const drawn: Drawn[] = [];
    for (const host of Array.from(document.querySelectorAll<HTMLElement>('[data-figure]'))) {
        try {
            const d = drawFigure(host, data, Number(host.dataset.figure));
            if (!d) continue;
            drawn.push(d);
            host.querySelector('button.reset')?.addEventListener('click', () => reset(d));
        } catch (err) {
            console.error('acct: cannot draw a picture of the report', err);
        }
    }
    // a deal: its power map or its fishbone on screen (both in print); drawn first, while shown, to be measured
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
    // print every picture whole, as drawn
    window.addEventListener('beforeprint', () => drawn.forEach(reset));
    document.documentElement.dataset.drawn = String(drawn.length);
}

main();
