/**
 * Webview entry: the live power map, tier quadrant and intimacy × support views.
 * Draws only from `plan` messages (or the state saved by the previous instance).
 */
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type D3ZoomEvent } from 'd3-zoom';
import { clear, ensureTooltip, html, svg, type NavItem, type RenderResult } from './dom.js';
import { layoutPowerMap } from './layout.js';
import { renderLegend } from './legend.js';
import { isToWebviewMessage, type FromWebviewMessage } from './messages.js';
import { directionOfKey, spatialNext } from './nav.js';
import { ensureDefs } from './render-common.js';
import { renderIntimacy } from './render-intimacy.js';
import { renderPowerMap } from './render-power-map.js';
import { renderQuadrant } from './render-quadrant.js';
import {
    acceptPlan, rememberTransform, sanitizeState, TABS, transformKey, type Tab, type WebviewState,
} from './state.js';
import { exportSvg } from './svg-export.js';
import {
    buildIntimacy, buildPowerMap, buildQuadrant, indexFindings, resolveShown, type Finding, type PlanFocus,
    type PlanView, type Shown,
} from './view-model.js';

interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState<T>(state: T): T;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface Host {
    post(message: FromWebviewMessage): void;
    getState(): unknown;
    setState(state: WebviewState): void;
}

function connectHost(): Host {
    if (typeof acquireVsCodeApi === 'function') {
        const api = acquireVsCodeApi();
        return {
            post: m => api.postMessage(m),
            getState: () => api.getState(),
            setState: s => { api.setState(s); },
        };
    }
    // opened outside VS Code: nothing to talk to
    return { post: () => undefined, getState: () => undefined, setState: () => undefined };
}

const TAB_LABEL: Record<Tab, string> = { power: 'Power map', quadrant: 'Tier quadrant', intimacy: 'Intimacy × support' };
/** Below this zoom, secondary card text is hidden. */
const LOD_SCALE = 0.5;
/** Below this zoom, cards stay skeletons (no text): nothing would be readable anyway. */
const DETAIL_SCALE = 0.35;

function fileSafe(s: string): string {
    return s.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'view';
}

class App {
    private readonly host = connectHost();
    private state: WebviewState;
    private readonly heading: HTMLHeadingElement;
    private readonly subheading: HTMLDivElement;
    private readonly chips: HTMLDivElement;
    private readonly tabs = new Map<Tab, HTMLButtonElement>();
    private readonly banner: HTMLDivElement;
    private readonly bannerText: HTMLSpanElement;
    private readonly stage: HTMLDivElement;
    private readonly root: SVGSVGElement;
    private readonly viewport: SVGGElement;
    private readonly legendLayer: SVGGElement;
    private readonly empty: HTMLDivElement;
    private readonly live: HTMLDivElement;
    private readonly legendButton: HTMLButtonElement;
    private readonly zoomer: ZoomBehavior<SVGSVGElement, unknown>;
    private readonly rootSel: Selection<SVGSVGElement, unknown, null, undefined>;
    private items: NavItem[] = [];
    private itemIndex = new Map<string, number>();
    private content = { width: 0, height: 0 };
    private legendSize: { width: number; height: number } | null = null;
    private currentKey = '';
    private shown: Shown = { customer: null, opportunity: null };
    private errorLines: string[] = [];
    /** An SVG export was asked for before there was anything to draw. */
    private svgRequested = false;
    private persistTimer: ReturnType<typeof setTimeout> | undefined;
    private applyingTransform = false;
    private needsFit = false;
    private size = { w: 0, h: 0 };
    private result: RenderResult | null = null;
    private materializeFrame = 0;

    constructor(container: HTMLElement) {
        this.state = sanitizeState(this.host.getState());
        clear(container);
        const header = html('header', { class: 'top' }, container);
        const titles = html('div', { class: 'titles' }, header);
        this.heading = html('h1', { class: 'heading' }, titles, 'Account plan');
        this.subheading = html('div', { class: 'subheading' }, titles);
        this.chips = html('div', { class: 'chips', role: 'group', 'aria-label': 'Findings on the shown element' }, header);

        const bar = html('div', { class: 'bar' }, container);
        const tablist = html('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Views' }, bar);
        for (const t of TABS) {
            const b = html('button', { class: 'tab', role: 'tab', id: `tab-${t}`, 'aria-controls': 'stage', type: 'button', 'data-tab': t }, tablist, TAB_LABEL[t]);
            b.addEventListener('click', () => this.setTab(t));
            b.addEventListener('keydown', e => this.onTabKey(e, t));
            this.tabs.set(t, b);
        }
        const toolbar = html('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'View tools' }, bar);
        const tool = (label: string, aria: string, action: () => void, cls = ''): HTMLButtonElement => {
            const b = html('button', { class: `tool ${cls}`.trim(), type: 'button', 'aria-label': aria, title: aria }, toolbar, label);
            b.addEventListener('click', action);
            return b;
        };
        tool('Fit', 'Fit the picture to the window', () => this.fit());
        tool('−', 'Zoom out', () => this.zoomer.scaleBy(this.rootSel, 1 / 1.3));
        tool('+', 'Zoom in', () => this.zoomer.scaleBy(this.rootSel, 1.3));
        this.legendButton = tool('Legend', 'Show or hide the legend', () => this.toggleLegend());
        tool('Export SVG', 'Export the current view as an SVG file', () => this.exportView(), 'primary');

        this.banner = html('div', { class: 'banner', role: 'alert', hidden: '' }, container);
        html('span', { class: 'banner-icon', 'aria-hidden': 'true' }, this.banner, '⚠');
        this.bannerText = html('span', { class: 'banner-text' }, this.banner);

        this.stage = html('div', { class: 'stage', id: 'stage', role: 'tabpanel' }, container);
        this.root = svg('svg', { class: 'canvas', role: 'group', 'aria-roledescription': 'diagram' }, this.stage);
        ensureDefs(this.root);
        this.viewport = svg('g', { class: 'viewport', 'data-layer': 'viewport' }, this.root);
        this.legendLayer = svg('g', { class: 'legend', 'data-layer': 'legend', 'aria-hidden': 'true' }, this.root);
        this.empty = html('div', { class: 'empty', hidden: '' }, this.stage);
        this.live = html('div', { class: 'sr-only', 'aria-live': 'polite' }, container);

        this.rootSel = select(this.root);
        this.zoomer = zoom<SVGSVGElement, unknown>()
            .scaleExtent([0.03, 4])
            .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => this.onZoom(e));
        this.rootSel.call(this.zoomer).on('dblclick.zoom', null);

        this.root.addEventListener('click', e => this.onClick(e));
        this.root.addEventListener('keydown', e => this.onKey(e));
        this.root.addEventListener('focusin', e => this.onFocus(e));
        this.root.addEventListener('pointerover', e => { const it = this.itemOf(e.target); if (it) ensureTooltip(it); });
        this.stage.addEventListener('scroll', () => { this.stage.scrollTop = 0; this.stage.scrollLeft = 0; });
        const r = this.stage.getBoundingClientRect();
        this.size = { w: r.width, h: r.height };
        new ResizeObserver(entries => {
            const box = entries[entries.length - 1]!.contentRect;
            this.size = { w: box.width, h: box.height };
            this.onResize();
        }).observe(this.stage);
        window.addEventListener('message', e => this.onMessage(e.data));

        this.updateTabs();
        this.render();
        this.host.post({ type: 'ready' });
    }

    // --- messages -------------------------------------------------------------------------

    private onMessage(data: unknown): void {
        if (!isToWebviewMessage(data)) return;
        if (data.type === 'requestSvg') {
            // Asked before the first plan arrived: answer as soon as there is a picture.
            if (this.state.picture) this.exportView(); else this.svgRequested = true;
            return;
        }
        this.errorLines = data.view.hasErrors ? errorLines(data.view) : [];
        this.state = acceptPlan(this.state, data.view, data.focus);
        this.render();
        this.persist(true);
        if (this.svgRequested && this.state.picture) {
            this.svgRequested = false;
            this.exportView();
        }
    }

    // --- rendering ------------------------------------------------------------------------

    private render(): void {
        performance.mark('acct:render:start');
        try {
            this.draw();
        } catch (err) {
            // never leave a blank or half-built page: say what happened
            console.error('acct: cannot draw the plan', err);
            if (!this.viewport.isConnected) this.root.insertBefore(this.viewport, this.legendLayer);
            clear(this.viewport);
            this.items = [];
            this.itemIndex.clear();
            this.result = null;
            this.showEmpty(`Cannot draw this plan: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
            performance.mark('acct:render:end');
            performance.measure('acct:render', 'acct:render:start', 'acct:render:end');
        }
    }

    private draw(): void {
        const hadFocus = this.focusedKey();
        // build the new picture off-document, then put it back in one go
        this.viewport.remove();
        clear(this.viewport);
        this.items = [];
        this.itemIndex.clear();
        this.result = null;
        this.updateBanner();
        const pic = this.state.picture;
        if (!pic) {
            this.root.insertBefore(this.viewport, this.legendLayer);
            this.setHeader('Account plan', 'Waiting for the plan…', []);
            this.showEmpty('Waiting for the plan… Open an .acct file to see its power map.');
            this.drawLegend();
            return;
        }
        const view = pic.view;
        const index = indexFindings(view.findings);
        this.shown = resolveShown(view, pic.focus, this.state.lastShown);
        if (this.shown.customer) {
            this.state.lastShown = { customer: this.shown.customer.id, opportunity: this.shown.opportunity?.id ?? null };
        }
        const tab = this.state.tab;
        const sel = this.state.selection;
        let result: RenderResult;
        performance.mark('acct:model:start');
        let emptyText: string | null = null;
        if (tab === 'quadrant') {
            const model = buildQuadrant(view, this.shown.customer?.id ?? null, index);
            performance.measure('acct:model+layout', 'acct:model:start');
            this.setHeader('Tier quadrant — all customers',
                `${model.points.length} customer${model.points.length === 1 ? '' : 's'} by standing and cooperation; ${model.mismatches} tier mismatch${model.mismatches === 1 ? '' : 'es'}`
                + (this.shown.customer ? `; ${this.shown.customer.name} highlighted` : ''),
                []);
            result = renderQuadrant(this.viewport, model, sel);
            if (!view.plan.customers.length) emptyText = 'No customer in the workspace yet.';
        } else if (tab === 'intimacy') {
            const model = buildIntimacy(view, this.shown, index);
            const c = this.shown.customer;
            this.setHeader(c ? c.name : 'No customer', c ? `Intimacy × support — ${model.points.length} contacts` : 'No customer in the workspace yet.',
                c ? index.get(`customer:${c.id}`) ?? [] : []);
            result = renderIntimacy(this.viewport, model, sel);
            if (!c) emptyText = 'No customer in the workspace yet.';
        } else {
            const model = buildPowerMap(view, this.shown, index);
            this.setHeader(model.heading, model.subheading, model.headerFindings);
            const layout = layoutPowerMap(model.cards);
            performance.measure('acct:model+layout', 'acct:model:start');
            result = renderPowerMap(this.viewport, model, layout, sel);
            if (!this.shown.customer) emptyText = 'No customer in the workspace yet.';
            else if (!model.cards.length) emptyText = `No contacts in ${this.shown.customer.name} yet.`;
        }
        this.root.insertBefore(this.viewport, this.legendLayer);
        this.items = result.items;
        this.result = result;
        this.items.forEach((it, i) => this.itemIndex.set(it.key, i));
        this.content = { width: result.width, height: result.height };
        if (emptyText) this.showEmpty(emptyText); else this.hideEmpty();
        this.drawLegend();

        const key = transformKey(tab, this.shown.customer?.id ?? null, this.shown.opportunity?.id ?? null);
        const keyChanged = key !== this.currentKey;
        this.currentKey = key;
        const saved = this.state.transforms[key];
        if (saved) {
            this.setTransform(saved.k, saved.x, saved.y);
        } else if (keyChanged || this.needsFit) {
            this.fit();
        } else {
            // same element, no saved transform yet: keep the current one
            const t = zoomTransform(this.root);
            this.setTransform(t.k, t.x, t.y);
        }
        this.materializeVisible();
        if (hadFocus) {
            const i = this.itemIndex.get(hadFocus);
            if (i !== undefined) this.items[i]!.el.focus({ preventScroll: true });
        }
        if (keyChanged) this.live.textContent = `${TAB_LABEL[tab]}: ${this.heading.textContent ?? ''}`;
    }

    private setHeader(heading: string, sub: string, findings: readonly Finding[]): void {
        this.heading.textContent = heading;
        this.heading.title = heading;
        this.subheading.textContent = sub;
        this.subheading.title = sub;
        clear(this.chips);
        for (const f of findings) {
            const b = html('button', {
                class: `chip sev-${f.severity}`, type: 'button',
                title: f.message, 'aria-label': `${f.severity} ${f.code}: ${f.message}. Press to reveal.`,
            }, this.chips);
            html('span', { class: 'chip-dot', 'aria-hidden': 'true' }, b);
            html('span', { class: 'chip-text' }, b, f.code);
            b.addEventListener('click', () => this.host.post({ type: 'reveal', subject: f.subject }));
        }
    }

    private updateBanner(): void {
        if (!this.state.hasErrors) {
            this.banner.hidden = true;
            document.body.classList.remove('has-errors');
            return;
        }
        const n = this.errorLines.length;
        const what = n ? `${n} error${n === 1 ? '' : 's'}` : 'errors';
        this.bannerText.textContent = this.state.pictureIsGood
            ? `The plan has ${what} — showing the last good picture until ${n === 1 ? 'it is' : 'they are'} fixed.`
            : `The plan has ${what} — the picture may be incomplete.`;
        this.banner.title = this.errorLines.slice(0, 10).join('\n');
        this.banner.hidden = false;
        document.body.classList.add('has-errors');
    }

    private showEmpty(text: string): void {
        this.empty.textContent = text;
        this.empty.hidden = false;
    }

    private hideEmpty(): void {
        this.empty.hidden = true;
    }

    private drawLegend(): void {
        clear(this.legendLayer);
        this.legendButton.setAttribute('aria-pressed', String(this.state.legend));
        if (!this.state.legend || !this.state.picture) {
            this.legendLayer.setAttribute('display', 'none');
            this.legendSize = null;
            return;
        }
        this.legendLayer.removeAttribute('display');
        this.legendSize = renderLegend(this.legendLayer, this.state.tab, Math.max(300, this.size.w - 20));
        this.placeLegend();
    }

    private placeLegend(): void {
        if (!this.legendSize) return;
        const h = this.size.h;
        this.legendLayer.setAttribute('transform', `translate(10,${Math.max(0, h - this.legendSize.height - 10)})`);
    }

    // --- zoom -----------------------------------------------------------------------------

    private onZoom(e: D3ZoomEvent<SVGSVGElement, unknown>): void {
        const t = e.transform;
        this.viewport.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
        this.root.classList.toggle('lod-low', t.k < LOD_SCALE);
        if (this.applyingTransform || !this.currentKey) return;
        if (!this.materializeFrame) {
            this.materializeFrame = requestAnimationFrame(() => {
                this.materializeFrame = 0;
                this.materializeVisible();
            });
        }
        this.state = rememberTransform(this.state, this.currentKey, t);
        this.persist(false);
    }

    private setTransform(k: number, x: number, y: number): void {
        this.applyingTransform = true;
        try {
            this.zoomer.transform(this.rootSel, zoomIdentity.translate(x, y).scale(k));
        } finally {
            this.applyingTransform = false;
        }
    }

    /** Fits the whole picture into the window (never enlarging beyond 100 %). */
    fit(): void {
        const { w, h } = this.size;
        if (!w || !h || !this.content.width) {
            this.needsFit = true;
            return;
        }
        this.needsFit = false;
        const pad = 20;
        const legendH = this.legendSize ? this.legendSize.height + 16 : 0;
        const k = Math.max(0.03, Math.min(1, (w - 2 * pad) / this.content.width, (h - 2 * pad - legendH) / this.content.height));
        const x = Math.max(pad, (w - this.content.width * k) / 2);
        this.zoomer.transform(this.rootSel, zoomIdentity.translate(x, pad).scale(k));
    }

    private onResize(): void {
        if (this.legendSize) this.drawLegend();
        if (this.needsFit) this.fit();
        this.materializeVisible();
    }

    /** Adds details to the items on screen, when the zoom makes them readable. */
    private materializeVisible(): void {
        const r = this.result;
        if (!r?.materialize) return;
        const t = zoomTransform(this.root);
        if (t.k < DETAIL_SCALE) return;
        const m = 200;
        r.materialize({ x0: t.invertX(-m), y0: t.invertY(-m), x1: t.invertX(this.size.w + m), y1: t.invertY(this.size.h + m) });
    }

    private toggleLegend(): void {
        this.state.legend = !this.state.legend;
        this.drawLegend();
        this.persist(false);
    }

    // --- interaction ----------------------------------------------------------------------

    private itemOf(target: EventTarget | null): NavItem | null {
        const el = target instanceof Element ? target.closest('[data-key]') : null;
        if (!el) return null;
        const i = this.itemIndex.get(el.getAttribute('data-key') ?? '');
        return i === undefined ? null : this.items[i] ?? null;
    }

    private focusedKey(): string | null {
        const a = document.activeElement;
        return a instanceof SVGElement && this.viewport.contains(a) ? a.getAttribute('data-key') : null;
    }

    private select(key: string | null): void {
        if (this.state.selection === key) return;
        const prev = this.state.selection ? this.itemIndex.get(this.state.selection) : undefined;
        if (prev !== undefined) this.items[prev]!.el.classList.remove('selected');
        this.state.selection = key;
        const next = key ? this.itemIndex.get(key) : undefined;
        if (next !== undefined) this.items[next]!.el.classList.add('selected');
        this.persist(false);
    }

    private reveal(item: NavItem): void {
        this.select(item.key);
        this.host.post({ type: 'reveal', subject: item.key });
    }

    private onClick(e: MouseEvent): void {
        const item = this.itemOf(e.target);
        if (!item) return;
        item.el.focus({ preventScroll: true });
        this.reveal(item);
    }

    private onFocus(e: FocusEvent): void {
        const item = this.itemOf(e.target);
        if (!item) return;
        ensureTooltip(item);
        this.select(item.key);
        this.ensureVisible(item);
    }

    private onKey(e: KeyboardEvent): void {
        const item = this.itemOf(e.target);
        const dir = directionOfKey(e.key);
        if (!item) {
            if ((dir || e.key === 'Home') && this.items.length) {
                e.preventDefault();
                const i = this.state.selection ? this.itemIndex.get(this.state.selection) ?? 0 : 0;
                this.items[i]!.el.focus({ preventScroll: true });
            }
            return;
        }
        const from = this.itemIndex.get(item.key)!;
        if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            this.reveal(item);
        } else if (dir) {
            e.preventDefault();
            const to = spatialNext(this.items, from, dir);
            if (to >= 0) this.items[to]!.el.focus({ preventScroll: true });
        } else if (e.key === 'Home' || e.key === 'End') {
            e.preventDefault();
            this.items[e.key === 'Home' ? 0 : this.items.length - 1]!.el.focus({ preventScroll: true });
        } else if (e.key === 'Escape') {
            this.select(null);
            item.el.blur();
        } else if (e.key === '+' || e.key === '=') {
            this.zoomer.scaleBy(this.rootSel, 1.3);
        } else if (e.key === '-') {
            this.zoomer.scaleBy(this.rootSel, 1 / 1.3);
        }
    }

    private ensureVisible(item: NavItem): void {
        const t = zoomTransform(this.root);
        const { w, h } = this.size;
        if (t.k < DETAIL_SCALE) {
            // far out: bring the item to a readable size
            this.zoomer.scaleTo(this.rootSel, 0.9);
            this.zoomer.translateTo(this.rootSel, item.x + item.w / 2, item.y + item.h / 2);
            return;
        }
        const x0 = t.applyX(item.x);
        const y0 = t.applyY(item.y);
        const x1 = t.applyX(item.x + item.w);
        const y1 = t.applyY(item.y + item.h);
        const m = 12;
        if (x0 >= m && y0 >= m && x1 <= w - m && y1 <= h - m) return;
        this.zoomer.translateTo(this.rootSel, item.x + item.w / 2, item.y + item.h / 2);
    }

    private setTab(tab: Tab): void {
        if (this.state.tab === tab) return;
        this.state.tab = tab;
        this.state.selection = this.state.selection && this.selectionFits(tab) ? this.state.selection : null;
        this.updateTabs();
        this.render();
        this.persist(false);
    }

    private selectionFits(tab: Tab): boolean {
        const s = this.state.selection ?? '';
        return tab === 'quadrant' ? s.startsWith('customer:') : s.startsWith('contact:');
    }

    private updateTabs(): void {
        for (const [t, b] of this.tabs) {
            const on = t === this.state.tab;
            b.setAttribute('aria-selected', String(on));
            b.tabIndex = on ? 0 : -1;
            b.classList.toggle('active', on);
        }
        this.stage.setAttribute('aria-labelledby', `tab-${this.state.tab}`);
        this.root.setAttribute('aria-label', TAB_LABEL[this.state.tab]);
        document.body.dataset.view = this.state.tab;
    }

    private onTabKey(e: KeyboardEvent, t: Tab): void {
        const i = TABS.indexOf(t);
        let j = -1;
        if (e.key === 'ArrowRight') j = (i + 1) % TABS.length;
        else if (e.key === 'ArrowLeft') j = (i + TABS.length - 1) % TABS.length;
        else if (e.key === 'Home') j = 0;
        else if (e.key === 'End') j = TABS.length - 1;
        if (j < 0) return;
        e.preventDefault();
        const next = TABS[j]!;
        this.setTab(next);
        this.tabs.get(next)!.focus();
    }

    // --- export and state -----------------------------------------------------------------

    private exportView(): void {
        if (!this.state.picture) return;
        const tab = this.state.tab;
        const c = this.shown.customer;
        const o = this.shown.opportunity;
        const base = tab === 'quadrant' ? 'tier-quadrant'
            : tab === 'intimacy' ? `${c?.id ?? 'plan'}-intimacy-support`
                : `${c?.id ?? 'plan'}${o ? `-${o.id}` : ''}-power-map`;
        this.result?.materialize?.(null);
        const hadLod = this.root.classList.contains('lod-low');
        this.root.classList.remove('lod-low');
        let text: string;
        try {
            text = exportSvg({
                svg: this.root, viewport: this.viewport,
                legend: this.state.legend ? this.legendLayer : null, legendSize: this.legendSize,
                width: this.content.width, height: this.content.height,
                title: `${TAB_LABEL[tab]} — ${this.heading.textContent ?? ''}`,
            });
        } finally {
            this.root.classList.toggle('lod-low', hadLod);
        }
        this.host.post({ type: 'exportSvg', svg: text, suggestedName: `${fileSafe(base)}.svg` });
    }

    private persist(now: boolean): void {
        if (this.persistTimer) clearTimeout(this.persistTimer);
        this.persistTimer = undefined;
        if (now) {
            this.host.setState(this.state);
        } else {
            this.persistTimer = setTimeout(() => {
                this.persistTimer = undefined;
                this.host.setState(this.state);
            }, 150);
        }
    }
}

function errorLines(view: PlanView): string[] {
    return view.plan.diagnostics.filter(d => d.severity === 'error')
        .map(d => `${d.file}:${d.line}:${d.column} ${d.code}: ${d.message}`);
}

export type { PlanFocus };

const app = new App(document.getElementById('app') ?? document.body);
(window as unknown as { acctWebview?: App }).acctWebview = app;
