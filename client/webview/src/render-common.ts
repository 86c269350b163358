/** Pieces shared by the renderers: definitions, badges, finding markers. */
import type { Finding, Support } from '@acct/contract';
import { INTIMACY_LEVELS, intimacyText, supportText } from '@acct/method';
import type { MoveState } from './models/moves.js';
import { estimateTextWidth, fitText, wrapText } from './text-metrics.js';
import { copyOf, svg, hoverTip } from './dom.js';
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
    for (const [id, cls] of [
        [ARROW_ID, 'arrow-head'],
        [ARROW_OPPOSED_ID, 'arrow-head opposed'],
    ] as const) {
        const m = svg(
            'marker',
            {
                id,
                viewBox: '0 0 10 10',
                refX: 9,
                refY: 5,
                markerWidth: 7,
                markerHeight: 7,
                orient: 'auto-start-reverse',
            },
            defs,
        );
        svg('path', { class: cls, d: 'M0,0.5L10,5L0,9.5Z' }, m);
    }
    root.insertBefore(defs, root.firstChild);
}

/** The axis titles of a grid view: one centred under it at `bottom`, one up its left side centred at `left`. */
export function axisTitles(parent: Element, bottom: AxisTitle, left: AxisTitle): void {
    // as long as its axis; shortened only when it is longer, the whole on hover
    const say = (el: SVGTextElement, a: AxisTitle) => {
        const f = a.width ? fitText(a.text, a.width, AXIS_FONT, true) : { text: a.text };
        el.textContent = f.text;
        if (f.text !== a.text) hoverTip(el, a.text);
    };
    say(svg('text', { class: 'axis-label', x: bottom.x, y: bottom.y, 'text-anchor': 'middle' }, parent), bottom);
    say(
        svg(
            'text',
            {
                class: 'axis-label',
                x: 0,
                y: 0,
                'text-anchor': 'middle',
                transform: `translate(${left.x},${left.y}) rotate(-90)`,
            },
            parent,
        ),
        left,
    );
}

const AXIS_FONT = 12.5;
interface AxisTitle {
    x: number;
    y: number;
    text: string;
    width?: number;
}

export interface TextBox {
    /** Where the first line's baseline starts. */
    x: number;
    y: number;
    width: number;
    font: number;
    maxLines: number;
    lineHeight: number;
    bold?: boolean;
    /** Centre the lines on `y` instead of starting there. */
    middle?: boolean;
}

/**
 * `text` in at most `box.maxLines` lines of `box.width`; when it had to be cut, its whole text
 * on hover (`<title>`, and the class `cut`, which takes the pointer). Returns the lines drawn
 * (the element's `textContent` then holds the title too).
 */
export function boxedText(parent: Element, cls: string, text: string, box: TextBox): { el: SVGTextElement; lines: string[] } {
    const { lines, truncated } =
        box.maxLines > 1
            ? wrapText(text, box.width, box.font, box.maxLines, box.bold)
            : // cut when the fitted text is not the whole text with its spaces collapsed (a text that fits as it is was not cut: no regular expression)
              (f => ({ lines: [f.text], truncated: f.truncated && f.text !== text.replace(/\s+/g, ' ').trim() }))(fitText(text, box.width, box.font, box.bold));
    const y = box.middle ? box.y - ((lines.length - 1) * box.lineHeight) / 2 : box.y;
    const el = svg('text', { class: truncated ? `${cls} cut` : cls, x: box.x, y }, parent, lines.length === 1 ? lines[0] : undefined);
    if (lines.length > 1) lines.forEach((line, i) => svg('tspan', { x: box.x, dy: i ? box.lineHeight : 0 }, el, line));
    if (truncated) hoverTip(el, text);
    return { el, lines };
}

/** Support badge centred at (cx, cy): coloured pill, hatched and dashed when unknown. */
export function supportBadge(parent: Element, s: Support, cx: number, cy: number, w = 30, h = 20): SVGGElement {
    // the same for every badge of a support and size: cloned, placed on the copy
    const g = copyOf(`support-badge ${supportClass(s)} ${w} ${h} ${supportText(s)}`, () => {
        const g = svg('g', { class: 'support-badge', transform: '' }, null);
        svg('rect', { class: `badge-bg ${supportClass(s)}`, width: w, height: h, rx: h / 2, ...(s === null ? { fill: `url(#${HATCH_ID})` } : {}) }, g);
        svg('text', { class: `badge-text ${supportClass(s)}`, x: w / 2, y: h / 2 + 4.2, 'text-anchor': 'middle' }, g, supportText(s));
        return g;
    });
    g.setAttribute('transform', `translate(${cx - w / 2},${cy - h / 2})`);
    parent.appendChild(g);
    return g;
}

/** The mark of a finding of severity `sev`, centred at (x, y): a triangle for a warning, a disc for an error or an info. */
export function severityMarker(parent: Element, sev: Finding['severity'], x: number, y: number, r = 8.5): SVGGElement {
    const g = copyOf(`marker ${sev} ${r}`, () => {
        const g = svg('g', { class: `finding-marker sev-${sev}` }, null);
        if (sev === 'warning') {
            svg('path', { class: 'marker-shape', d: `M0,${-r}L${r + 0.5},${r - 1}H${-r - 0.5}Z` }, g);
        } else {
            svg('circle', { class: 'marker-shape', r }, g);
        }
        svg('text', { class: 'marker-text', x: 0, y: sev === 'warning' ? r * 0.65 : r * 0.47, 'text-anchor': 'middle' }, g, sev === 'info' ? 'i' : '!');
        return g;
    });
    g.setAttribute('transform', `translate(${x},${y})`);
    parent.appendChild(g);
    return g;
}

/** Visible marker for findings (the worst one's mark) with their messages on hover, and their number when more than one. */
export function findingMarker(parent: Element, findings: readonly Finding[], x: number, y: number): SVGGElement | null {
    if (!findings.length) return null;
    const g = severityMarker(parent, worstSeverity(findings) ?? 'warning', x, y);
    hoverTip(g, findingsText(findings));
    if (findings.length > 1) {
        svg('text', { class: 'marker-count', x: 11, y: 5 }, g, String(findings.length));
    }
    return g;
}

/** Width of an intimacy bar: its label, the seven cells and the value. */
export const INTIMACY_BAR_W = 150;
const INTIMACY_CELL = { x: 54, w: 8, h: 11, pitch: 10 };

/** The intimacy bar of a card, its top-left at (x, y): the label, seven cells -3..+3 filled from 0 towards the value, the value. */
export function intimacyBar(parent: Element, value: number | null, x: number, y: number): void {
    const label = texts().t('view.card.intimacy');
    const g = copyOf(`intimacy ${value} ${label}`, () => intimacyCells(value, label));
    g.setAttribute('transform', `translate(${x},${y})`);
    parent.appendChild(g);
}

function intimacyCells(value: number | null, label: string): SVGGElement {
    const g = svg('g', { class: 'intimacy' }, null);
    svg('text', { class: 'intimacy-label', x: 0, y: 9.5 }, g, label);
    const { x: bx, w, h, pitch } = INTIMACY_CELL;
    // seven cells -3..+3: empty outlines in one path, the 0 cell apart, filled cells in another
    let outline = '';
    let zero = '';
    let filled = '';
    for (const i of INTIMACY_LEVELS) {
        const cell = `M${bx + (i + 3) * pitch},0h${w}v${h}h${-w}z`;
        const on = value !== null && (value === 0 ? i === 0 : value > 0 ? i > 0 && i <= value : i < 0 && i >= value);
        if (on) filled += cell;
        else if (i === 0) zero = cell;
        else outline += cell;
    }
    const tone = value === null ? 'unknown' : value > 0 ? 'pos' : value < 0 ? 'neg' : 'neutral';
    const unknown = value === null ? ' unknown' : '';
    if (outline) svg('path', { class: `intimacy-cell${unknown}`, d: outline }, g);
    if (zero) svg('path', { class: `intimacy-cell zero${unknown}`, d: zero }, g);
    if (filled) svg('path', { class: `intimacy-cell ${tone}`, d: filled }, g);
    svg('text', { class: 'intimacy-value', x: bx + 7 * pitch + 3, y: 10 }, g, intimacyText(value));
    return g;
}

/** Small clock glyph marking a stale contact. */
export function staleMarker(parent: Element, x: number, y: number, text: string): SVGGElement {
    const word = texts().t('view.card.staleMark');
    const g = copyOf(`stale ${word}`, () => {
        const g = svg('g', { class: 'stale-marker' }, null);
        svg('circle', { class: 'stale-face', r: 6.5 }, g);
        svg('path', { class: 'stale-hands', d: 'M0,-3.8V0H3' }, g);
        svg('text', { class: 'stale-text', x: 10, y: 4 }, g, word);
        return g;
    });
    g.setAttribute('transform', `translate(${x},${y})`);
    hoverTip(g, text);
    parent.appendChild(g);
    return g;
}

export const COMPETITOR_FONT = 11;

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

const DEAL_TAG_FONT = 11;

/** A deal's support where it differs from the person's own: a small outlined pill, left edge at `x`, centred on `cy`; returns its width. */
export function dealTag(parent: Element, text: string, x: number, cy: number): number {
    const w = Math.ceil(estimateTextWidth(text, DEAL_TAG_FONT, true) + 10);
    const g = svg('g', { class: 'deal-tag', transform: `translate(${x},${cy - 8})` }, parent);
    svg('rect', { class: 'deal-tag-bg', width: w, height: 16, rx: 3 }, g);
    svg('text', { class: 'deal-tag-text', x: w / 2, y: 12, 'text-anchor': 'middle' }, g, text);
    return w;
}
/** One mark of the three moves (done: filled, planned: ring with a dot, missing: dashed ring), centred at (cx, cy). */
export function moveMark(parent: Element, state: MoveState, cx: number, cy: number, r = 4.5): void {
    svg('circle', { class: `move-mark move-${state}`, cx, cy, r }, parent);
    if (state === 'planned') svg('circle', { class: 'move-dot', cx, cy, r: r * 0.4 }, parent);
}
