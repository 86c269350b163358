/** Pieces shared by the renderers: definitions, badges, finding markers. */
import { svg, tooltip } from './dom.js';
import { findingsText, supportClass, supportText, worstSeverity, type Finding, type Support } from './view-model.js';

export const HATCH_ID = 'acct-hatch';

/** `<defs>` with the hatch pattern used for unknown support. Idempotent. */
export function ensureDefs(root: SVGSVGElement): void {
    if (root.querySelector(`#${HATCH_ID}`)) return;
    const defs = svg('defs', {}, null);
    const p = svg('pattern', { id: HATCH_ID, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' }, defs);
    svg('rect', { class: 'hatch-bg', width: 6, height: 6 }, p);
    svg('line', { class: 'hatch-line', x1: 0, y1: 0, x2: 0, y2: 6 }, p);
    root.insertBefore(defs, root.firstChild);
}

/** Support badge centred at (cx, cy): coloured pill, hatched and dashed when unknown. */
export function supportBadge(parent: Element, s: Support, cx: number, cy: number, w = 30, h = 20): SVGGElement {
    const g = svg('g', { class: 'support-badge', transform: `translate(${cx - w / 2},${cy - h / 2})` }, parent);
    svg('rect', { class: `badge-bg ${supportClass(s)}`, width: w, height: h, rx: h / 2, ...(s === null ? { fill: `url(#${HATCH_ID})` } : {}) }, g);
    svg('text', { class: `badge-text ${supportClass(s)}`, x: w / 2, y: h / 2 + 4.2, 'text-anchor': 'middle' }, g, supportText(s));
    return g;
}

/** Visible marker for findings (triangle for warnings, disc for errors/info) with their messages on hover. */
export function findingMarker(parent: Element, findings: readonly Finding[], x: number, y: number): SVGGElement | null {
    if (!findings.length) return null;
    const sev = worstSeverity(findings) ?? 'warning';
    const g = svg('g', { class: `finding-marker sev-${sev}`, transform: `translate(${x},${y})` }, parent);
    tooltip(g, findingsText(findings));
    if (sev === 'warning') {
        svg('path', { class: 'marker-shape', d: 'M0,-8.5L9,7.5H-9Z' }, g);
    } else {
        svg('circle', { class: 'marker-shape', r: 8.5 }, g);
    }
    svg('text', { class: 'marker-text', x: 0, y: sev === 'warning' ? 5.5 : 4, 'text-anchor': 'middle' }, g, '!');
    if (findings.length > 1) {
        svg('text', { class: 'marker-count', x: 11, y: 5 }, g, String(findings.length));
    }
    return g;
}

/** Small clock glyph marking a stale contact. */
export function staleMarker(parent: Element, x: number, y: number, text: string): SVGGElement {
    const g = svg('g', { class: 'stale-marker', transform: `translate(${x},${y})` }, parent);
    tooltip(g, text);
    svg('circle', { class: 'stale-face', r: 6.5 }, g);
    svg('path', { class: 'stale-hands', d: 'M0,-3.8V0H3' }, g);
    svg('text', { class: 'stale-text', x: 10, y: 4 }, g, 'stale');
    return g;
}
