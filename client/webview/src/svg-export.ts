/**
 * Standalone SVG of the current view: computed styles inlined as presentation attributes
 * (theme colours resolved), no classes or scripts needed, no external references.
 */
import { makeTips, SVG_NS } from './dom.js';

const PROPS = [
    'fill',
    'fill-opacity',
    'stroke',
    'stroke-width',
    'stroke-dasharray',
    'stroke-opacity',
    'stroke-linecap',
    'stroke-linejoin',
    'opacity',
    'font-family',
    'font-size',
    'font-weight',
    'font-style',
    'text-anchor',
    'dominant-baseline',
    'letter-spacing',
] as const;

const DEFAULTS: Partial<Record<(typeof PROPS)[number], string>> = {
    'fill-opacity': '1',
    'stroke-opacity': '1',
    opacity: '1',
    'stroke-dasharray': 'none',
    'font-style': 'normal',
    'letter-spacing': 'normal',
    'dominant-baseline': 'auto',
    'stroke-linecap': 'butt',
    'stroke-linejoin': 'miter',
};

/** `url("…#id")` → `url(#id)`: keep references inside the document only. */
function localUrl(value: string): string | null {
    const m = /url\((['"]?)[^#)'"]*#([^)'"]+)\1\)/.exec(value);
    return m ? `url(#${m[2]})` : null;
}

function inline(src: Element, dst: Element, parentValues: Map<string, string>): void {
    const cs = getComputedStyle(src);
    const mine = new Map<string, string>();
    if (cs.display === 'none') {
        dst.setAttribute('display', 'none');
        return;
    }
    for (const p of PROPS) {
        let v = cs.getPropertyValue(p).trim();
        if (!v) continue;
        if (v.includes('url(')) {
            const u = localUrl(v);
            if (!u) continue;
            v = u;
        }
        mine.set(p, v);
        const inherited = parentValues.get(p);
        const isDefault = DEFAULTS[p] === v && inherited === undefined;
        if (inherited === v || isDefault) continue;
        // opacity does not inherit: always write it when not 1
        dst.setAttribute(p, v);
    }
    for (const a of ['class', 'tabindex', 'data-key', 'style']) dst.removeAttribute(a);
    const sc = src.children;
    const dc = dst.children;
    for (let i = 0; i < sc.length && i < dc.length; i++) {
        const next = new Map(mine);
        next.delete('opacity');
        inline(sc[i]!, dc[i]!, next);
    }
}

/** The legend as shown under the picture: its drawing and size. */
export interface ExportedLegend {
    g: SVGGElement;
    width: number;
    height: number;
}

export interface ExportOptions {
    /** The live `<svg>`. */
    svg: SVGSVGElement;
    /** The zoomed layer: exported at scale 1. */
    viewport: SVGGElement;
    /** The legend, placed under the picture (optional). */
    legend: ExportedLegend | null;
    /** What the picture shows, as of when: the file's `<title>` and the line above the picture. */
    title: string;
}

/** The margin around what is drawn: tight, enough for a stroke and a focus ring. */
const MARGIN = 8;
const TITLE_FONT = 14;
const TITLE_H = 26;

/** The title's width as the page renders it. */
function titleWidth(root: SVGSVGElement, title: string): number {
    const t = document.createElementNS(SVG_NS, 'text');
    t.setAttribute('font-size', String(TITLE_FONT));
    t.setAttribute('font-weight', '700');
    t.textContent = title;
    root.appendChild(t);
    const w = t.getComputedTextLength();
    t.remove();
    return w;
}

/** What the layer draws, in its own coordinates; texts measured as rendered. */
function drawnBox(layer: SVGGElement): { x: number; y: number; width: number; height: number } {
    const b = layer.getBBox();
    return { x: b.x, y: b.y, width: b.width, height: b.height };
}

export function exportSvg(o: ExportOptions): string {
    const clone = o.svg.cloneNode(true) as SVGSVGElement;
    inline(o.svg, clone, new Map());
    // after inline, which walks the live drawing and the copy child by child: the file carries every hover text as a <title>
    makeTips(clone);
    const rootStyle = getComputedStyle(o.svg);
    const bodyStyle = getComputedStyle(document.body);
    const bg = bodyStyle.backgroundColor && bodyStyle.backgroundColor !== 'rgba(0, 0, 0, 0)' ? bodyStyle.backgroundColor : '#ffffff';
    const box = drawnBox(o.viewport);
    const top = MARGIN + TITLE_H;
    const legendH = o.legend ? o.legend.height + 12 : 0;
    const width = Math.ceil(Math.max(box.width, o.legend?.width ?? 0, titleWidth(o.svg, o.title)) + 2 * MARGIN);
    const height = Math.ceil(top + box.height + legendH + MARGIN);
    for (const a of ['role', 'tabindex', 'aria-label', 'aria-roledescription', 'class', 'style', 'id', 'width', 'height']) clone.removeAttribute(a);
    clone.setAttribute('xmlns', SVG_NS);
    clone.setAttribute('width', String(width));
    clone.setAttribute('height', String(height));
    clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
    clone.setAttribute('font-family', rootStyle.fontFamily);
    clone.setAttribute('font-size', rootStyle.fontSize);
    const vp = clone.querySelector('[data-layer="viewport"]');
    vp?.setAttribute('transform', `translate(${round(MARGIN - box.x)},${round(top - box.y)})`);
    vp?.removeAttribute('data-layer');
    if (o.legend) {
        const lg = o.legend.g.cloneNode(true) as SVGGElement;
        inline(o.legend.g, lg, new Map());
        lg.setAttribute('transform', `translate(${MARGIN},${round(top + box.height + 12)})`);
        clone.appendChild(lg);
    }
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', bg);
    const defs = clone.querySelector('defs');
    clone.insertBefore(rect, defs ? defs.nextSibling : clone.firstChild);
    const heading = document.createElementNS(SVG_NS, 'text');
    heading.setAttribute('x', String(MARGIN));
    heading.setAttribute('y', String(MARGIN + TITLE_FONT));
    heading.setAttribute('font-size', String(TITLE_FONT));
    heading.setAttribute('font-weight', '700');
    heading.setAttribute('fill', getComputedStyle(document.body).color);
    heading.textContent = o.title;
    rect.after(heading);
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = o.title;
    clone.insertBefore(title, clone.firstChild);
    xmlSafe(clone);
    const text = new XMLSerializer().serializeToString(clone);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * XML 1.0 allows no control character but tab, line feed and carriage return, and no lone
 * surrogate; a plan's names may hold them (the language accepts any string), and an SVG that
 * holds them is rejected by every XML parser. Each one becomes U+FFFD in the exported copy.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlSafe(root: Element): void {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (NOT_XML.test(node.nodeValue ?? '')) node.nodeValue = node.nodeValue!.replace(NOT_XML, '\uFFFD');
        NOT_XML.lastIndex = 0;
    }
    for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
        for (const attribute of Array.from(element.attributes)) {
            if (NOT_XML.test(attribute.value)) element.setAttribute(attribute.name, attribute.value.replace(NOT_XML, '\uFFFD'));
            NOT_XML.lastIndex = 0;
        }
    }
}
