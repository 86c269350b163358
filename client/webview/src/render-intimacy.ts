/**
 * Intimacy × support: contacts of the shown customer, with the method's readings as zones. The
 * `?` lanes (unknown support, unknown intimacy) are as wide as what they hold; with a deal
 * shown, a person whose support there differs from their own says so.
 */
import type { Support } from '@acct/contract';
import { INTIMACY_LEVELS, intimacyText, roleMeanings, SUPPORT_LEVELS, supportText, ZONES } from '@acct/method';
import { copyOfRecent, makeItem, svg, namedHoverTip, type NavItem, type RenderResult } from './dom.js';
import { cellSlot } from './grid-layout.js';
import { numberedDots } from './intimacy-compact.js';
import { INTIMACY } from './labels.js';
import type { IntimacyModel, IntimacyPoint } from './models/intimacy.js';
import { axisTitles, boxedText, dealTag, findingMarker, supportClass } from './render-common.js';
import { estimateTextWidth, fitText } from './text-metrics.js';
import { supportWords } from './models/common.js';
import { texts } from './texts.js';

/** The largest cells (a full editor); smaller ones fit a panel, down to the smallest. */
export const I_CELL_W = 132;
export const I_CELL_H = 84;
const MIN_CELL_W = 44;
const MIN_CELL_H = 40;
/** Narrower cells than this hold no names: the dots carry numbers, the names are listed under the chart. */
const NAMED_CELL_W = 104;
export const I_TOP = 58;
const UNKNOWN_GAP = 22;
/** An empty `?` lane: narrow, still there to say that nobody is unknown. */
const EMPTY_LANE = 34;
const BOTTOM_LABEL_GAP = 34;
const BOTTOM = 52;
const LABEL_FONT = 11.5;
/** Role letters are drawn in dots at least this big. */
const LETTER_MIN_R = 8.5;
const KEY_LINE = 17;
const KEY_MAX = 30;

/** Intimacy rows from the top: 3 … -3, then unknown. */
const INTIMACY_ROWS: readonly (number | null)[] = [...[...INTIMACY_LEVELS].reverse(), null];

/** The chart's geometry in a room of `room.w` × `room.h`: cells as large as it allows, the `?` lanes sized to what they hold. */
class Grid {
    readonly cellW: number;
    readonly cellH: number;
    readonly left: number;
    readonly unknownW: number;
    readonly unknownH: number;
    /** The dots carry numbers and the names are listed under the chart. */
    readonly compact: boolean;

    constructor(model: IntimacyModel, room: { w: number; h: number }) {
        const fit = (v: number, lo: number, hi: number) => Math.floor(Math.max(lo, Math.min(hi, Number.isFinite(v) ? v : hi)));
        const narrow = Number.isFinite(room.w) && room.w < 96 + 7 * I_CELL_W;
        this.left = narrow ? 66 : 96;
        const lanes = (n: number) => (n ? 1 : 0);
        // the ? column is a cell wide when it holds someone
        this.cellW = fit(
            (room.w - this.left - 16 - UNKNOWN_GAP - (lanes(model.unknownSupport) ? 0 : EMPTY_LANE)) / (5 + lanes(model.unknownSupport)),
            MIN_CELL_W,
            I_CELL_W,
        );
        this.compact = this.cellW < NAMED_CELL_W && model.points.length > 0;
        const shown = Math.min(model.points.length, KEY_MAX);
        const key = this.compact ? (shown + (model.points.length > shown ? 1 : 0)) * KEY_LINE + 10 : 0;
        this.cellH = fit(
            (room.h - I_TOP - BOTTOM_LABEL_GAP - BOTTOM - key - (model.unknownIntimacy ? 0 : EMPTY_LANE)) / (7 + lanes(model.unknownIntimacy)),
            MIN_CELL_H,
            I_CELL_H,
        );
        this.unknownW = model.unknownSupport ? this.cellW : EMPTY_LANE;
        this.unknownH = model.unknownIntimacy ? this.cellH : EMPTY_LANE;
    }

    get name(): string {
        return `${this.cellW}×${this.cellH}${this.compact ? ' compact' : ''}`;
    }

    get gridW(): number {
        return 5 * this.cellW;
    }

    get gridH(): number {
        return 7 * this.cellH;
    }

    get fullW(): number {
        return this.gridW + UNKNOWN_GAP + this.unknownW;
    }

    x(s: Support): number {
        return s === null ? this.left + this.gridW + UNKNOWN_GAP : this.left + (s + 1) * this.cellW;
    }

    y(i: number | null): number {
        return i === null ? I_TOP + this.gridH + BOTTOM_LABEL_GAP : I_TOP + (3 - i) * this.cellH;
    }

    w(s: Support): number {
        return s === null ? this.unknownW : this.cellW;
    }

    h(i: number | null): number {
        return i === null ? this.unknownH : this.cellH;
    }
}

/** What the chart's drawing depends on in a room of this size. */
export function intimacyShape(model: IntimacyModel, room: { w: number; h: number }): string {
    return new Grid(model, room).name;
}

/** A point's name, its deal's support where it differs from their own, its findings; on two lines when one is too tight. */
function pointLabel(g: SVGGElement, p: IntimacyPoint, r: number, width: number, roomBelow: boolean): void {
    const markerW = p.findings.length ? 22 : 0;
    const tag = p.dealSupport ? INTIMACY.dealTag(supportText(p.dealSupport.value)) : '';
    const tagW = tag ? estimateTextWidth(tag, 11, true) + 16 : 0;
    const below = !!tag && roomBelow && width - markerW - tagW < 48;
    const nameW = width - markerW - (below ? 0 : tagW);
    const name = boxedText(g, 'point-label', p.name, { x: r + 5, y: below ? -3 : 4, width: nameW, font: LABEL_FONT, maxLines: 1, lineHeight: 0 });
    const end = r + 5 + Math.min(nameW, estimateTextWidth(name.lines[0] ?? '', LABEL_FONT));
    if (tag) dealTag(g, tag, below ? r + 5 : end + 6, below ? 12 : 0);
    if (p.findings.length) findingMarker(g, p.findings, end + (below ? 0 : tagW) + 13, below ? -7 : 0);
}

/**
 * The grid (lanes, zones, cells, lines, frames) and the axes' ticks and titles of a chart: what
 * depends only on its geometry, whether its `?` lanes hold anyone, and the words. Built once per
 * key and cloned (`copyOfRecent`): the report draws 199 charts whose grids differ only in those —
 * the same elements, attributes and order as built each time.
 */
function gridAndAxes(at: Grid, unknownSupport: boolean, unknownIntimacy: boolean): { grid: SVGGElement; axes: SVGGElement } {
    const t = texts();
    const tips = [
        `${t.t('view.intimacy.unknownSupport')}${unknownSupport ? '' : ` — ${INTIMACY.emptyLane}`}`,
        `${t.t('view.intimacy.unknownIntimacy')}${unknownIntimacy ? '' : ` — ${INTIMACY.emptyLane}`}`,
    ];
    const zones = ZONES.map(z => t.vocabulary.zones[z.id]);
    const axisX = t.t('view.intimacy.axisX', { low: supportWords(-1).label, high: supportWords(3).label, unknown: supportWords(null).label });
    const axisY = t.t('view.intimacy.axisY');
    // everything the drawing depends on: the geometry and every word in it
    const key = ['intimacy', at.left, at.cellW, at.cellH, at.unknownW, at.unknownH, ...tips, ...zones.flatMap(w => [w.label, w.reading]), axisX, axisY].join(
        '\u0001',
    );
    return {
        grid: copyOfRecent(`${key} grid`, () => drawGrid(at, tips, zones)),
        axes: copyOfRecent(`${key} axes`, () => drawAxes(at, axisX, axisY)),
    };
}

function drawGrid(at: Grid, tips: readonly string[], zones: ReadonlyArray<{ label: string; reading: string }>): SVGGElement {
    const { gridW, gridH, fullW } = at;
    const I_LEFT = at.left;
    const I_CELL_W = at.cellW;
    const I_CELL_H = at.cellH;
    const unknownRowY = at.y(null);
    const grid = svg('g', { class: 'i-grid' }, null);

    // unknown-support column and unknown-intimacy row, hatched
    const uc = svg('g', { class: 'i-unknown', 'data-lane': 'support' }, grid);
    namedHoverTip(uc, tips[0]!);
    svg('rect', { class: 'i-unknown-bg', x: at.x(null), y: I_TOP, width: at.unknownW, height: gridH }, uc);
    const ur = svg('g', { class: 'i-unknown', 'data-lane': 'intimacy' }, grid);
    namedHoverTip(ur, tips[1]!);
    svg('rect', { class: 'i-unknown-bg', x: I_LEFT, y: unknownRowY, width: fullW, height: at.unknownH }, ur);

    // zones
    ZONES.forEach((z, n) => {
        const x0 = at.x(z.support[0] as Support);
        const x1 = at.x(z.support[1] as Support) + I_CELL_W;
        const y0 = at.y(z.intimacy[1]);
        const y1 = at.y(z.intimacy[0]) + I_CELL_H;
        const g = svg('g', { class: `zone zone-${z.id}` }, grid);
        const words = zones[n]!;
        namedHoverTip(g, `${words.label}: ${words.reading}`);
        svg('rect', { class: 'zone-bg', x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, g);
        const top = z.intimacy[0] > 0;
        const right = z.support[0] > 0;
        const label = fitText(words.label, x1 - x0 - 8, 12, true).text;
        svg(
            'text',
            {
                class: 'zone-label',
                x: right ? x1 - 4 : x0 + 4,
                y: top ? y0 - 8 : y1 + 20,
                'text-anchor': right ? 'end' : 'start',
            },
            g,
            label,
        );
    });
    // cells (transparent; they carry their coordinates for tests and tooling)
    for (const s of SUPPORT_LEVELS) {
        for (const i of INTIMACY_ROWS) {
            svg(
                'rect',
                {
                    class: 'i-cell',
                    x: at.x(s),
                    y: at.y(i),
                    width: at.w(s),
                    height: at.h(i),
                    'data-support': supportText(s),
                    'data-intimacy': i === null ? '?' : i,
                },
                grid,
            );
        }
    }
    // cell lines
    for (let c = 0; c <= 5; c++) {
        svg('line', { class: 'i-line', x1: I_LEFT + c * I_CELL_W, y1: I_TOP, x2: I_LEFT + c * I_CELL_W, y2: I_TOP + gridH }, grid);
    }
    for (let r = 0; r <= 7; r++) {
        svg('line', { class: 'i-line', x1: I_LEFT, y1: I_TOP + r * I_CELL_H, x2: I_LEFT + gridW, y2: I_TOP + r * I_CELL_H }, grid);
    }
    // the neutral intimacy row, lightly marked
    svg('rect', { class: 'i-zero', x: I_LEFT, y: at.y(0), width: gridW, height: I_CELL_H }, grid);
    svg('rect', { class: 'i-frame', x: I_LEFT, y: I_TOP, width: gridW, height: gridH }, grid);
    svg('rect', { class: 'i-frame dashed', x: at.x(null), y: I_TOP, width: at.unknownW, height: gridH }, grid);
    svg('rect', { class: 'i-frame dashed', x: I_LEFT, y: unknownRowY, width: fullW, height: at.unknownH }, grid);
    return grid;
}

/** The axes' ticks and titles (the chart's note is added to the copy). */
function drawAxes(at: Grid, axisX: string, axisY: string): SVGGElement {
    const { gridH, fullW } = at;
    const I_LEFT = at.left;
    const unknownRowY = at.y(null);
    const axes = svg('g', { class: 'axes' }, null);
    for (const s of SUPPORT_LEVELS) {
        svg('text', { class: 'tick', x: at.x(s) + at.w(s) / 2, y: unknownRowY + at.unknownH + 18, 'text-anchor': 'middle' }, axes, supportText(s));
    }
    for (const i of INTIMACY_ROWS) {
        svg('text', { class: 'tick', x: I_LEFT - 10, y: at.y(i) + at.h(i) / 2 + 4, 'text-anchor': 'end' }, axes, intimacyText(i));
    }
    axisTitles(
        axes,
        { x: I_LEFT + fullW / 2, y: unknownRowY + at.unknownH + 42, text: axisX, width: fullW },
        { x: I_LEFT - (I_LEFT < 96 ? 40 : 42), y: I_TOP + gridH / 2, text: axisY, width: gridH },
    );
    return axes;
}

export function renderIntimacy(layer: SVGGElement, model: IntimacyModel, selected: string | null, room = { w: Infinity, h: Infinity }): RenderResult {
    const at = new Grid(model, room);
    const { fullW } = at;
    const I_LEFT = at.left;
    const unknownRowY = at.y(null);
    const t = texts();
    const { grid, axes } = gridAndAxes(at, model.unknownSupport > 0, model.unknownIntimacy > 0);
    layer.appendChild(grid);
    layer.appendChild(axes);
    const deal = model.shown.opportunity;
    const note = [
        `${t.t('view.intimacy.contacts', { count: model.points.length })} · ${INTIMACY.ownSupport}`,
        ...(model.unknownSupport ? [t.t('view.intimacy.unknownCount', { count: model.unknownSupport })] : []),
        ...(deal ? [model.dealDiffers ? INTIMACY.differsNote(model.dealDiffers, deal.name) : INTIMACY.noneDiffers(deal.name)] : []),
    ].join(' · ');
    boxedText(axes, 'view-note', note, { x: I_LEFT, y: 14, width: fullW, font: 12, maxLines: 2, lineHeight: 15 });

    const pts = svg('g', { class: 'i-points' }, layer);
    const items: NavItem[] = [];
    const numbered = at.compact ? numberedDots(model.points, at) : undefined;
    for (const p of model.points) {
        const cx0 = at.x(p.support);
        const cy0 = at.y(p.intimacy);
        const spot = numbered?.get(p);
        const slot = spot ?? cellSlot(p.slot, p.slotCount, at.w(p.support), at.h(p.intimacy), at.compact ? 9 : 10.5, at.compact ? 0 : 3);
        const x = cx0 + slot.cx;
        const y = cy0 + slot.cy;
        const cls = [
            'point',
            'i-point',
            supportClass(p.support),
            p.zone ? `in-${p.zone.id}` : '',
            p.findings.length ? 'has-findings' : '',
            p.dealSupport ? 'deal-differs' : '',
            p.key === selected ? 'selected' : '',
        ]
            .filter(Boolean)
            .join(' ');
        const g = svg('g', { class: cls, transform: `translate(${x},${y})` }, pts);
        makeItem(g, p.key, p.ariaLabel);
        svg('circle', { class: 'dot', r: slot.r }, g);
        const number = String(model.points.indexOf(p) + 1);
        if (at.compact) {
            // a number only where the dots of its cell fit side by side: a covered number says nothing
            if (spot) svg('text', { class: 'dot-letter', x: 0, y: 4, 'text-anchor': 'middle' }, g, number);
        } else if (p.role && slot.r >= LETTER_MIN_R) {
            svg('text', { class: 'dot-letter', x: 0, y: 4, 'text-anchor': 'middle' }, g, roleMeanings[p.role].letter);
        }
        if (!at.compact && slot.labelWidth > 20) pointLabel(g, p, slot.r, slot.labelWidth, p.slotCount <= 2);
        const hit = Math.max(slot.r + 2, 4);
        items.push({ key: p.key, el: g, x: x - hit, y: y - hit, w: 2 * hit, h: 2 * hit, tooltip: p.tooltip });
    }
    let height = unknownRowY + at.unknownH + BOTTOM;
    if (at.compact) {
        height += 12;
        // the names, by the numbers on their dots, with what a dot cannot say: the deal's support, the findings
        const key = svg('g', { class: 'i-key' }, layer);
        const shown = model.points.slice(0, KEY_MAX);
        shown.forEach((p, i) => {
            const g = svg('g', { class: 'i-key-item', transform: `translate(${I_LEFT},${height + i * KEY_LINE})` }, key);
            const role = p.role ? ` (${roleMeanings[p.role].letter})` : '';
            const tag = p.dealSupport ? INTIMACY.dealTag(supportText(p.dealSupport.value)) : '';
            const markerW = p.findings.length ? 22 : 0;
            const tagW = tag ? estimateTextWidth(tag, 11, true) + 16 : 0;
            const name = boxedText(g, 'point-label', `${i + 1}  ${p.name}${role}`, {
                x: 0,
                y: 0,
                width: fullW - markerW - tagW,
                font: LABEL_FONT,
                maxLines: 1,
                lineHeight: 0,
            });
            const end = Math.min(fullW - markerW - tagW, estimateTextWidth(name.lines[0] ?? '', LABEL_FONT));
            if (tag) dealTag(g, tag, end + 6, -4);
            if (p.findings.length) findingMarker(g, p.findings, end + tagW + 13, -4);
        });
        if (model.points.length > shown.length) {
            svg(
                'text',
                { class: 'view-note', x: I_LEFT, y: height + shown.length * KEY_LINE },
                key,
                t.t('view.andMore', { count: model.points.length - shown.length }),
            );
        }
        height += (shown.length + (model.points.length > shown.length ? 1 : 0)) * KEY_LINE + 10;
    }
    return { items, width: I_LEFT + fullW + 16, height };
}
