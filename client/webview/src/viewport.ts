/**
 * The canvas: the SVG with its zoomed layer and the legend, d3-zoom (zoom, pan, fit), the level
 * of detail by zoom, drawing details of the items on screen (materialize), and the SVG export of
 * what is drawn.
 */
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { clear, svg, type NavItem, type RenderResult } from './dom.js';
import { renderLegend } from './legend.js';
import { ensureDefs } from './render-common.js';
import type { Tab, ZoomState } from './state.js';
import { exportSvg } from './svg-export.js';

/** Below this zoom, secondary card text is hidden. */
const LOD_SCALE = 0.5;
/** Below this zoom, cards stay skeletons (no text): nothing would be readable anyway. */
const DETAIL_SCALE = 0.35;

export class Viewport {
    readonly root: SVGSVGElement;
    /** The zoomed layer the views draw into. */
    readonly layer: SVGGElement;
    private readonly legendLayer: SVGGElement;
    private readonly zoomer: ZoomBehavior<SVGSVGElement, unknown>;
    private readonly rootSel: Selection<SVGSVGElement, unknown, null, undefined>;
    private size = { w: 0, h: 0 };
    private content = { width: 0, height: 0 };
    private legendSize: { width: number; height: number } | null = null;
    private legendTab: Tab | null = null;
    private result: RenderResult | null = null;
    private applying = false;
    private needsFit = false;
    private materializeFrame = 0;

    /** `onUserTransform` hears every zoom or pan of the user's (not the ones set by `restore` or `fit`). */
    constructor(stage: HTMLElement, private readonly onUserTransform: (t: ZoomState) => void, onResize: () => void = () => undefined) {
        this.root = svg('svg', { class: 'canvas', role: 'group', 'aria-roledescription': 'diagram' }, null);
        stage.insertBefore(this.root, stage.firstChild);
        ensureDefs(this.root);
        this.layer = svg('g', { class: 'viewport', 'data-layer': 'viewport' }, this.root);
        this.legendLayer = svg('g', { class: 'legend', 'data-layer': 'legend', 'aria-hidden': 'true' }, this.root);

        this.rootSel = select(this.root);
        this.zoomer = zoom<SVGSVGElement, unknown>()
            .scaleExtent([0.03, 4])
            .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => this.onZoom(e));
        this.rootSel.call(this.zoomer).on('dblclick.zoom', null);

        stage.addEventListener('scroll', () => { stage.scrollTop = 0; stage.scrollLeft = 0; });
        const r = stage.getBoundingClientRect();
        this.size = { w: r.width, h: r.height };
        new ResizeObserver(entries => {
            const box = entries[entries.length - 1]!.contentRect;
            this.size = { w: box.width, h: box.height };
            if (this.legendSize) this.showLegend(this.legendTab);
            if (this.needsFit) this.fit();
            this.materializeVisible();
            onResize();
        }).observe(stage);
    }

    /** The stage's width in pixels (0 before it is laid out). */
    get width(): number {
        return this.size.w;
    }

    /** Empties the layer and takes it off the page: a new picture is built off-document. */
    beginDraw(): SVGGElement {
        this.layer.remove();
        clear(this.layer);
        this.result = null;
        return this.layer;
    }

    /** Puts the layer back with what was drawn in it (nothing, after a failure). */
    endDraw(result: RenderResult | null): void {
        if (!this.layer.isConnected) this.root.insertBefore(this.layer, this.legendLayer);
        if (!result) clear(this.layer);
        this.result = result;
        this.content = result ? { width: result.width, height: result.height } : { width: 0, height: 0 };
    }

    /** Draws the legend of `tab` under the picture, or none (null). */
    showLegend(tab: Tab | null): void {
        clear(this.legendLayer);
        this.legendTab = tab;
        if (!tab) {
            this.legendLayer.setAttribute('display', 'none');
            this.legendSize = null;
            return;
        }
        this.legendLayer.removeAttribute('display');
        this.legendSize = renderLegend(this.legendLayer, tab, Math.max(300, this.size.w - 20));
        this.legendLayer.setAttribute('transform', `translate(10,${Math.max(0, this.size.h - this.legendSize.height - 10)})`);
    }

    /** Applies a saved zoom, fits a new element, or keeps the current zoom for the same element. */
    restore(saved: ZoomState | undefined, newElement: boolean): void {
        if (saved) {
            this.setTransform(saved.k, saved.x, saved.y);
        } else if (newElement || this.needsFit) {
            this.fit();
        } else {
            const t = zoomTransform(this.root);
            this.setTransform(t.k, t.x, t.y);
        }
        this.materializeVisible();
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

    zoomBy(factor: number): void {
        this.zoomer.scaleBy(this.rootSel, factor);
    }

    /** Brings `item` on screen, at a readable size when the view is zoomed far out. */
    ensureVisible(item: NavItem): void {
        const t = zoomTransform(this.root);
        const { w, h } = this.size;
        if (t.k < DETAIL_SCALE) {
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

    /** The drawing as a standalone SVG, every item in full detail, at scale 1. */
    exportSvg(title: string): string {
        this.result?.materialize?.(null);
        const hadLod = this.root.classList.contains('lod-low');
        this.root.classList.remove('lod-low');
        try {
            return exportSvg({
                svg: this.root, viewport: this.layer,
                legend: this.legendSize ? this.legendLayer : null, legendSize: this.legendSize,
                width: this.content.width, height: this.content.height, title,
            });
        } finally {
            this.root.classList.toggle('lod-low', hadLod);
        }
    }

    private onZoom(e: D3ZoomEvent<SVGSVGElement, unknown>): void {
        const t = e.transform;
        this.layer.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
        this.root.classList.toggle('lod-low', t.k < LOD_SCALE);
        if (this.applying) return;
        if (!this.materializeFrame) {
            this.materializeFrame = requestAnimationFrame(() => {
                this.materializeFrame = 0;
                this.materializeVisible();
            });
        }
        this.onUserTransform({ k: t.k, x: t.x, y: t.y });
    }

    private setTransform(k: number, x: number, y: number): void {
        this.applying = true;
        try {
            this.zoomer.transform(this.rootSel, zoomIdentity.translate(x, y).scale(k));
        } finally {
            this.applying = false;
        }
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
}
