/**
 * The canvas: the SVG with its zoomed layer, d3-zoom (zoom, pan, fit; the wheel scrolls, with
 * Ctrl it zooms), the level of detail by zoom, drawing details of the items on screen
 * (materialize), and the SVG export of what is drawn.
 */
import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { clear, svg, type NavItem, type RenderResult } from './dom.js';
import { ensureDefs } from './render-common.js';
import type { ZoomState } from './state.js';
import { exportSvg, type ExportedLegend } from './svg-export.js';

/** Below this zoom, secondary card text is hidden. */
const LOD_SCALE = 0.5;
/** Below this zoom, cards stay skeletons (no text): nothing would be readable anyway. */
const DETAIL_SCALE = 0.35;
/** The margin Fit leaves around the picture, and scrolling at its edges. */
export const PAD = 20;
/** Fit enlarges a small picture into the spare space of the canvas, up to this zoom. */
export const MAX_FIT_ZOOM = 1.5;

export class Viewport {
    readonly root: SVGSVGElement;
    /** The zoomed layer the views draw into. */
    readonly layer: SVGGElement;
    private readonly zoomer: ZoomBehavior<SVGSVGElement, unknown>;
    private readonly rootSel: Selection<SVGSVGElement, unknown, null, undefined>;
    private size = { w: 0, h: 0 };
    private content = { width: 0, height: 0 };
    /** The smallest scale at which the drawing's text stays readable (Fit goes no lower). */
    private readable = 1;
    private result: RenderResult | null = null;
    private applying = false;
    private needsFit = false;
    private materializeFrame = 0;

    /** `onUserTransform` hears every zoom or pan of the user's (not the ones set by `restore` or `fit`). */
    constructor(
        stage: HTMLElement,
        private readonly onUserTransform: (t: ZoomState) => void,
        onResize: () => void = () => undefined,
    ) {
        this.root = svg('svg', { class: 'canvas drawing', role: 'group', 'aria-roledescription': 'diagram' }, null);
        stage.insertBefore(this.root, stage.firstChild);
        ensureDefs(this.root);
        this.layer = svg('g', { class: 'viewport', 'data-layer': 'viewport' }, this.root);

        this.rootSel = select(this.root);
        this.zoomer = zoom<SVGSVGElement, unknown>()
            .scaleExtent([0.03, 4])
            // the wheel scrolls as in a document; Ctrl+wheel (and a pinch) zooms
            .filter((e: MouseEvent) => (e.type === 'wheel' ? e.ctrlKey || e.metaKey : !e.ctrlKey) && !e.button)
            .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => this.onZoom(e));
        this.rootSel.call(this.zoomer).on('dblclick.zoom', null);
        this.root.addEventListener('wheel', e => this.onWheel(e), { passive: false });

        stage.addEventListener('scroll', () => {
            stage.scrollTop = 0;
            stage.scrollLeft = 0;
        });
        const r = stage.getBoundingClientRect();
        this.size = { w: r.width, h: r.height };
        new ResizeObserver(entries => {
            const box = entries[entries.length - 1]!.contentRect;
            this.size = { w: box.width, h: box.height };
            if (this.needsFit) this.fit();
            this.materializeVisible();
            onResize();
        }).observe(stage);
    }

    /** The stage's width in pixels (0 before it is laid out). */
    get width(): number {
        return this.size.w;
    }

    /** The canvas's size now (read from the page: the legend may just have changed it). */
    measure(): { w: number; h: number } {
        const box = this.root.getBoundingClientRect();
        if (box.width && box.height) this.size = { w: box.width, h: box.height };
        return { ...this.size };
    }

    /** Empties the layer and takes it off the page: a new picture is built off-document. */
    beginDraw(): SVGGElement {
        this.layer.remove();
        clear(this.layer);
        this.result = null;
        return this.layer;
    }

    /** Puts the layer back with what was drawn in it (nothing, after a failure); `readable`: the smallest scale Fit may use. */
    endDraw(result: RenderResult | null, readable = 1): void {
        if (!this.layer.isConnected) this.root.appendChild(this.layer);
        if (!result) clear(this.layer);
        this.result = result;
        this.readable = readable;
        this.content = result ? { width: result.width, height: result.height } : { width: 0, height: 0 };
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

    /**
     * Fits the picture to the window without making its text unreadable: the whole of it when it
     * can, grown into the spare space up to `MAX_FIT_ZOOM`; else (a list, which scrolls) its
     * width, and the rest is scrolled to (zooming out further is the user's choice: −, Ctrl+wheel).
     */
    fit(): void {
        // the stage's size now, not as the last resize reported it: the legend may just have changed it
        const box = this.root.getBoundingClientRect();
        if (box.width && box.height) this.size = { w: box.width, h: box.height };
        const { w, h } = this.size;
        if (!w || !h || !this.content.width) {
            this.needsFit = true;
            return;
        }
        this.needsFit = false;
        const { width, height } = this.content;
        const whole = Math.max(0.03, Math.min(MAX_FIT_ZOOM, (w - 2 * PAD) / width, (h - 2 * PAD) / height));
        const readable = Math.min(1, this.readable);
        const k = whole >= readable ? whole : Math.max(readable, Math.min(1, (w - 2 * PAD) / width));
        const x = width * k <= w - 2 * PAD ? (w - width * k) / 2 : PAD;
        // a whole picture stands in the middle of the canvas; a taller one starts at its top
        const y = height * k <= h - 2 * PAD ? (h - height * k) / 2 : PAD;
        this.zoomer.transform(this.rootSel, zoomIdentity.translate(x, y).scale(k));
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
        // the least move that brings it whole on screen; one bigger than the window only comes on screen
        const m = 12;
        const shift = (a0: number, a1: number, room: number): number => {
            if (a0 >= m && a1 <= room - m) return 0;
            if (a1 - a0 > room - 2 * m) return a1 < m || a0 > room - m ? m - a0 : 0;
            return a0 < m ? m - a0 : room - m - a1;
        };
        const dx = shift(t.applyX(item.x), t.applyX(item.x + item.w), w);
        const dy = shift(t.applyY(item.y), t.applyY(item.y + item.h), h);
        if (dx || dy) this.zoomer.translateBy(this.rootSel, dx / t.k, dy / t.k);
    }

    /** The drawing as a standalone SVG, every item in full detail, at scale 1, with its title and the legend shown. */
    exportSvg(title: string, legend: ExportedLegend | null): string {
        this.result?.materialize?.(null);
        const hadLod = this.root.classList.contains('lod-low');
        this.root.classList.remove('lod-low');
        try {
            return exportSvg({ svg: this.root, viewport: this.layer, legend, title });
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

    /** The wheel scrolls (Shift: sideways), and stops where the picture's edge reaches the window's margin. */
    private onWheel(e: WheelEvent): void {
        if (e.ctrlKey || e.metaKey || !this.content.width) return;
        e.preventDefault();
        const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.size.h : 1;
        const dx = (e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX) * unit;
        const dy = (e.shiftKey && !e.deltaX ? 0 : e.deltaY) * unit;
        const t = zoomTransform(this.root);
        const along = (pos: number, delta: number, extent: number, room: number): number => {
            const lo = Math.min(PAD, room - PAD - extent * t.k);
            const hi = Math.max(PAD, room - PAD - extent * t.k);
            // never further out than the picture already is
            return Math.min(Math.max(pos - delta, Math.min(lo, pos)), Math.max(hi, pos));
        };
        const x = along(t.x, dx, this.content.width, this.size.w);
        const y = along(t.y, dy, this.content.height, this.size.h);
        if (x !== t.x || y !== t.y) this.zoomer.transform(this.rootSel, zoomIdentity.translate(x, y).scale(t.k));
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
