/** Pieces shared by the renderers: definitions, badges, finding markers. */
import type { Finding, Support } from '@acct/contract';
import { supportText } from '@acct/method';
import type { MoveState } from './models/moves.js';
import { estimateTextWidth, fitText } from './text-metrics.js';
import { svg, tooltip } from './dom.js';
import { texts } from './texts.js';
import { findingsText, worstSeverity } from './models/findings.js';

export const HATCH_ID = 'acct-hatch';
/** Arrowheads of the influence lines: ordinary, and from someone who opposes us. */
export const ARROW_ID = 'acct-arrow';
export const ARROW_OPPOSED_ID = 'acct-arrow-opposed';

/** CSS class token for a support value (`s-neg`, `s0` … `s3`, `s-unknown`). */
export function supportClass(s: Support): string {
    if (s === null) return 's-unknown';
    if (s === -1) return 's-neg';
    return `s${s}`;
}

/** `<defs>` with the hatch pattern used for unknown support. Idempotent. */
export function ensureDefs(root: SVGSVGElement): void {
    if (root.querySelector(`#${HATCH_ID}`)) return;
    const defs = svg('defs', {}, null);
    const p = svg('pattern', { id: HATCH_ID, patternUnits: 'userSpaceOnUse', width: 6, height: 6, patternTransform: 'rotate(45)' }, defs);
    svg('rect', { class: 'hatch-bg', width: 6, height: 6 }, p);
    svg('line', { class: 'hatch-line', x1: 0, y1: 0, x2: 0, y2: 6 }, p);
    for (const [id, cls] of [[ARROW_ID, 'arrow-head'], [ARROW_OPPOSED_ID, 'arrow-head opposed']] as const) {
        const m = svg('marker', {
            id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
        }, defs);
        svg('path', { class: cls, d: 'M0,0.5L10,5L0,9.5Z' }, m);
    }
    root.insertBefore(defs, root.firstChild);
}

/** The axis titles of a grid view: one centred under it at `bottom`, one up its left side centred at `left`. */
export function axisTitles(parent: Element, bottom: { x: number; y: number; text: string }, left: { x: number; y: number; text: string }): void {
    svg('text', { class: 'axis-label', x: bottom.x, y: bottom.y, 'text-anchor': 'middle' }, parent, bottom.text);
    svg('text', {
        class: 'axis-label', x: 0, y: 0, 'text-anchor': 'middle', transform: `translate(${left.x},${left.y}) rotate(-90)`,
    }, parent, left.text);
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
    svg('text', { class: 'stale-text', x: 10, y: 4 }, g, texts().t('view.card.staleMark'));
    return g;
}

export const COMPETITOR_FONT = 10.5;

/** The badge text of a competitor's support: `ZTE 2`, the name shortened to `maxNameW`, `+N` for N more competitors. */
export function competitorLabel(name: string, support: number, more = 0, maxNameW = 64): string {
    return `${fitText(name, maxNameW, COMPETITOR_FONT, true).text} ${support}${more ? ` +${more}` : ''}`;
}

/** A competitor's support as a small outlined pill, right edge at `right`, centred on `cy`; returns it and its width. */
export function competitorBadge(parent: Element, text: string, right: number, cy: number): { g: SVGGElement; w: number } {
    const w = Math.ceil(estimateTextWidth(text, COMPETITOR_FONT, true) + 10);
    const g = svg('g', { class: 'competitor-badge', transform: `translate(${right - w},${cy - 7.5})` }, parent);
    svg('rect', { class: 'competitor-bg', width: w, height: 15, rx: 3 }, g);
    svg('text', { class: 'competitor-text', x: w / 2, y: 11, 'text-anchor': 'middle' }, g, text);
    return { g, w };
}

/** One mark of the three moves (done: filled, planned: ring with a dot, missing: dashed ring), centred at (cx, cy). */
export function moveMark(parent: Element, state: MoveState, cx: number, cy: number, r = 4.5): void {
    svg('circle', { class: `move-mark move-${state}`, cx, cy, r }, parent);
    if (state === 'planned') svg('circle', { class: 'move-dot', cx, cy, r: r * 0.4 }, parent);
}
