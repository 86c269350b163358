/**
 * The legend's strip under the stage: its own SVG beside the canvas, never over the drawing,
 * collapsed or expanded by its heading (the choice is kept in the saved state by the caller).
 * The export takes the legend from here when it is shown.
 */
import { html, svg, clear } from './dom.js';
import { LEGEND } from './labels.js';
import { renderLegend } from './legend.js';
import type { Tab } from './state.js';
import type { ExportedLegend } from './svg-export.js';

export class LegendPanel {
    private readonly root: HTMLElement;
    private readonly toggle: HTMLButtonElement;
    private readonly heading: HTMLSpanElement;
    private readonly drawing: SVGSVGElement;
    private readonly layer: SVGGElement;
    private tab: Tab | null = null;
    private expanded = true;
    private drawn: { tab: Tab; width: number; size: { width: number; height: number } } | null = null;

    constructor(container: HTMLElement, onToggle: () => void) {
        this.root = html('section', { class: 'legend-panel', hidden: '' }, container);
        this.toggle = html('button', { class: 'legend-toggle', type: 'button', 'aria-controls': 'legend', 'aria-expanded': 'true' }, this.root);
        html('span', { class: 'legend-chevron', 'aria-hidden': 'true' }, this.toggle);
        this.heading = html('span', {}, this.toggle);
        this.toggle.addEventListener('click', onToggle);
        this.drawing = svg('svg', { class: 'legend-svg drawing', id: 'legend', role: 'group' }, this.root);
        this.layer = svg('g', { class: 'legend' }, this.drawing);
        this.relabel();
        // the legend's items wrap to the panel's width
        new ResizeObserver(() => this.draw()).observe(this.root);
    }

    /** Says the heading again and redraws the legend, in the views' language now. */
    relabel(): void {
        this.root.setAttribute('aria-label', LEGEND.title);
        this.drawing.setAttribute('aria-label', LEGEND.title);
        this.heading.textContent = LEGEND.title;
        this.toggle.title = this.expanded ? LEGEND.hide : LEGEND.show;
        this.drawn = null;
        this.draw();
    }

    /** Shows the legend of `tab` (none: null), expanded or collapsed to its heading. */
    show(tab: Tab | null, expanded: boolean): void {
        this.tab = tab;
        this.expanded = expanded;
        this.root.hidden = tab === null;
        this.toggle.setAttribute('aria-expanded', String(expanded));
        this.toggle.title = expanded ? LEGEND.hide : LEGEND.show;
        this.drawing.toggleAttribute('hidden', !expanded);
        this.draw();
    }

    /** The legend, for the export (a picture away from the panel carries its key, folded here or not); null when there is none. */
    forExport(): ExportedLegend | null {
        if (!this.tab) return null;
        this.draw(true);
        if (!this.drawn) return null;
        return { g: this.layer, ...this.drawn.size };
    }

    private draw(folded = false): void {
        const width = Math.floor(this.root.clientWidth);
        if (!this.tab || (!this.expanded && !folded) || !width) return;
        if (this.drawn && this.drawn.tab === this.tab && this.drawn.width === width) return;
        clear(this.layer);
        // the panel's padding is 10 px a side
        const size = renderLegend(this.layer, this.tab, Math.max(300, width - 20));
        this.drawing.setAttribute('width', String(Math.ceil(size.width)));
        this.drawing.setAttribute('height', String(Math.ceil(size.height)));
        this.drawn = { tab: this.tab, width, size };
    }
}
