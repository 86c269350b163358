/** Tier quadrant: every customer by standing (vertical) and cooperation (horizontal). */
import { suggestedTiers } from '@acct/method';
import { makeItem, svg, tooltip, type NavItem, type RenderResult } from './dom.js';
import { cellSlot } from './grid-layout.js';
import { tierRegions, unfocusedOf, type QuadrantModel } from './models/quadrant.js';
import { axisTitles, boxedText } from './render-common.js';
import { texts } from './texts.js';

/** The largest cells (a full editor); smaller ones fit a panel, down to the smallest. */
export const Q_CELL_W = 188;
export const Q_CELL_H = 112;
const MIN_CELL_W = 56;
const MIN_CELL_H = 44;
/** Narrower cells than this hold no names: the dots carry numbers, the names are listed under the grid. */
const NAMED_CELL_W = 130;
export const Q_TOP = 34;
const BOTTOM = 54;
const LABEL_FONT = 11.5;
const LINE_H = 14;
const KEY_LINE = 17;
/** The compact form lists at most this many names under the grid. */
const KEY_MAX = 12;

/** The quadrant's geometry for a room of `room.w` × `room.h`: cells as large as it allows, within their bounds. */
export class QuadrantGrid {
    readonly cellW: number;
    readonly cellH: number;
    readonly left: number;
    /** The dots carry numbers and the names are listed under the grid. */
    readonly compact: boolean;

    constructor(room: { w: number; h: number }, points: number, below: number) {
        const fit = (v: number, lo: number, hi: number) => Math.floor(Math.max(lo, Math.min(hi, Number.isFinite(v) ? v : hi)));
        this.left = Number.isFinite(room.w) && room.w < 5 * Q_CELL_W + 92 + 16 ? 62 : 92;
        this.cellW = fit((room.w - this.left - 16) / 5, MIN_CELL_W, Q_CELL_W);
        this.compact = this.cellW < NAMED_CELL_W && points > 0;
        const key = this.compact ? (Math.min(points, KEY_MAX) + (points > KEY_MAX ? 1 : 0)) * KEY_LINE + 14 : 0;
        this.cellH = fit((room.h - Q_TOP - BOTTOM - below - key) / 5, MIN_CELL_H, Q_CELL_H);
    }

    get name(): string {
        return `${this.cellW}×${this.cellH}${this.compact ? ' compact' : ''}`;
    }

    /** Top-left corner of the cell for (standing, cooperation), in content coordinates. */
    cell(standing: number, cooperation: number): { x: number; y: number; w: number; h: number } {
        return { x: this.left + (cooperation - 1) * this.cellW, y: Q_TOP + (5 - standing) * this.cellH, w: this.cellW, h: this.cellH };
    }
}

/** The height of the list of customers without a place, under the grid. */
function unplottedHeight(model: QuadrantModel): number {
    return model.unplotted.length ? 24 + (Math.min(8, model.unplotted.length) + 1) * 17 : 0;
}

/** What the quadrant's drawing depends on in a room of this size. */
export function quadrantShape(model: QuadrantModel, room: { w: number; h: number }): string {
    return new QuadrantGrid(room, model.points.length, unplottedHeight(model)).name;
}

/** The lines between cells of different tiers: the regions' borders. */
function regionEdges(parent: Element, quadrantCell: QuadrantGrid['cell']): void {
    let d = '';
    for (let s = 1; s <= 5; s++) {
        for (let c = 1; c <= 5; c++) {
            const tier = suggestedTiers[s - 1]![c - 1];
            const cell = quadrantCell(s, c);
            if (c < 5 && suggestedTiers[s - 1]![c] !== tier) d += `M${cell.x + cell.w},${cell.y}v${cell.h}`;
            if (s > 1 && suggestedTiers[s - 2]![c - 1] !== tier) d += `M${cell.x},${cell.y + cell.h}h${cell.w}`;
        }
    }
    svg('path', { class: 'q-region-edge', d }, parent);
}

export function renderQuadrant(layer: SVGGElement, model: QuadrantModel, selected: string | null, room = { w: Infinity, h: Infinity }): RenderResult {
    const geo = new QuadrantGrid(room, model.points.length, unplottedHeight(model));
    const base = unfocusedOf(model);
    // the report draws the same quadrant once per customer, another customer focused in each: the
    // drawing of the quadrant with none focused is made once and copied, and only the focused and
    // the selected customers' points are drawn again (the same elements a whole drawing makes)
    if (!base || geo.compact) return drawQuadrant(layer, model, selected, geo).result;
    const shapes = (drawings.get(base) ?? drawings.set(base, new Map()).get(base))!;
    const shape = `${geo.left} ${geo.name}`;
    let drawing = shapes.get(shape);
    if (!drawing) {
        const g = svg('g', {}, null);
        const drawn = drawQuadrant(g, base, null, geo);
        drawing = {
            g,
            spans: drawn.spans,
            pointsAt: Array.prototype.indexOf.call(g.children, drawn.pts),
            width: drawn.result.width,
            height: drawn.result.height,
        };
        shapes.set(shape, drawing);
    }
    const copy = drawing.g.cloneNode(true) as SVGGElement;
    const pts = copy.children[drawing.pointsAt]!;
    const children = Array.from(pts.children);
    const items: NavItem[] = [];
    model.points.forEach((p, i) => {
        const span = drawing.spans[i]!;
        let item: NavItem;
        if (p.focused || p.key === selected) {
            const redrawn = svg('g', {}, null);
            item = drawPoint(redrawn, p, model, selected, geo);
            const old = children.slice(span.start, span.start + span.count);
            for (const el of Array.from(redrawn.childNodes)) pts.insertBefore(el, old[0] ?? null);
            old.forEach(el => el.remove());
        } else {
            item = { ...span.item, el: children[span.start + span.at] as SVGGraphicsElement, tooltip: p.tooltip };
        }
        items.push(item);
    });
    while (copy.firstChild) layer.appendChild(copy.firstChild);
    return { items, width: drawing.width, height: drawing.height };
}

/** A quadrant's drawing with no customer focused nor selected, by the model it draws and the shape of its grid. */
const drawings = new WeakMap<QuadrantModel, Map<string, { g: SVGGElement; spans: PointSpan[]; pointsAt: number; width: number; height: number }>>();

/** Where a point's elements are among the points' group's children: from `start`, `count` of them, its control at `start + at`. */
interface PointSpan {
    start: number;
    count: number;
    at: number;
    item: NavItem;
}

function drawPoint(pts: SVGGElement, p: QuadrantModel['points'][number], model: QuadrantModel, selected: string | null, geo: QuadrantGrid): NavItem {
    const cell = geo.cell(p.standing, p.cooperation);
    const slot = cellSlot(p.slot, p.slotCount, cell.w, cell.h, geo.compact ? 9 : 8, geo.compact ? 0 : 4);
    const cls = [
        'point',
        'q-point',
        'dot',
        p.tier ? `tier-${p.tier}` : 'no-tier',
        p.mismatch ? 'mismatch' : '',
        p.focused ? 'focused' : '',
        p.key === selected ? 'selected' : '',
    ]
        .filter(Boolean)
        .join(' ');
    const x = cell.x + slot.cx;
    const y = cell.y + slot.cy;
    if (p.mismatch) svg('circle', { class: 'mismatch-ring', cx: x, cy: y, r: slot.r + Math.max(2, slot.r * 0.45) }, pts);
    // the dot itself is the control: one element per customer keeps 5,000 customers fast
    const g = svg('circle', { class: cls, cx: x, cy: y, r: slot.r }, pts);
    makeItem(g, p.key, p.ariaLabel);
    if (geo.compact) {
        const number = String(model.points.indexOf(p) + 1);
        if (slot.r >= 7 && number.length <= 2) svg('text', { class: 'dot-number', x, y: y + 4, 'text-anchor': 'middle' }, pts, number);
    } else if (slot.labelWidth > 20) {
        // a long name on as many lines as its slot has room for; the whole of it on hover
        const maxLines = Math.max(1, Math.min(3, Math.floor((geo.cellH - 16) / p.slotCount / LINE_H)));
        boxedText(pts, 'point-label', p.name, {
            x: x + slot.r + (p.mismatch ? 8 : 6),
            y: y + 4,
            width: slot.labelWidth - (p.mismatch ? 4 : 0),
            font: LABEL_FONT,
            maxLines,
            lineHeight: LINE_H,
            bold: p.focused,
            middle: true,
        });
    }
    const hit = Math.max(slot.r + 2, 4);
    return { key: p.key, el: g, x: x - hit, y: y - hit, w: 2 * hit, h: 2 * hit, tooltip: p.tooltip };
}

function drawQuadrant(
    layer: SVGGElement,
    model: QuadrantModel,
    selected: string | null,
    geo: QuadrantGrid,
): { result: RenderResult; pts: SVGGElement; spans: PointSpan[] } {
    const quadrantCell = geo.cell.bind(geo);
    const Q_LEFT = geo.left;
    const Q_CELL_W = geo.cellW;
    const Q_CELL_H = geo.cellH;
    const gridW = 5 * Q_CELL_W;
    const gridH = 5 * Q_CELL_H;
    const t = texts();
    const grid = svg('g', { class: 'q-grid' }, layer);
    for (let s = 1; s <= 5; s++) {
        for (let c = 1; c <= 5; c++) {
            const cell = quadrantCell(s, c);
            const tier = suggestedTiers[s - 1]![c - 1]!;
            const g = svg('g', { class: `q-cell tier-${tier}`, 'data-standing': s, 'data-cooperation': c, 'data-tier': tier }, grid);
            tooltip(g, t.t('view.quadrant.cell', { standing: s, cooperation: c, tier: t.name('tiers', tier) }));
            svg('rect', { class: 'q-cell-bg', x: cell.x, y: cell.y, width: cell.w, height: cell.h }, g);
            const n = model.counts[s - 1]![c - 1]!;
            if (n > 4) svg('text', { class: 'q-cell-count', x: cell.x + cell.w - 6, y: cell.y + 13, 'text-anchor': 'end' }, g, `${n}`);
        }
    }
    regionEdges(grid, quadrantCell);
    // each tier's name once, in its region
    for (const region of tierRegions(model.counts)) {
        const [s, c] = region.labelCell;
        const cell = quadrantCell(s, c);
        const g = svg('g', { class: `q-region tier-${region.tier}`, 'data-tier': region.tier }, grid);
        svg(
            'text',
            { class: 'q-region-label', x: cell.x + cell.w - 7, y: cell.y + cell.h - 7, 'text-anchor': 'end' },
            g,
            t.name('tiers', region.tier).toUpperCase(),
        );
    }
    svg('rect', { class: 'q-frame', x: Q_LEFT, y: Q_TOP, width: gridW, height: gridH }, grid);
    // axes
    const axes = svg('g', { class: 'axes' }, layer);
    for (let i = 1; i <= 5; i++) {
        svg('text', { class: 'tick', x: Q_LEFT + (i - 0.5) * Q_CELL_W, y: Q_TOP + gridH + 18, 'text-anchor': 'middle' }, axes, String(i));
        svg('text', { class: 'tick', x: Q_LEFT - 10, y: Q_TOP + (5 - i + 0.5) * Q_CELL_H + 4, 'text-anchor': 'end' }, axes, String(i));
    }
    axisTitles(
        axes,
        { x: Q_LEFT + gridW / 2, y: Q_TOP + gridH + 42, text: t.t('view.quadrant.axisX'), width: gridW },
        { x: Q_LEFT - (geo.left < 92 ? 34 : 40), y: Q_TOP + gridH / 2, text: t.t('view.quadrant.axisY'), width: gridH },
    );
    boxedText(axes, 'view-note', t.t('view.quadrant.note', { customers: model.points.length, mismatches: model.mismatches }), {
        x: Q_LEFT,
        y: Q_TOP - 12,
        width: gridW,
        font: 11.5,
        maxLines: 1,
        lineHeight: 0,
    });

    const pts = svg('g', { class: 'q-points' }, layer);
    const items: NavItem[] = [];
    const spans: PointSpan[] = [];
    for (const p of model.points) {
        const start = pts.children.length;
        const item = drawPoint(pts, p, model, selected, geo);
        items.push(item);
        spans.push({ start, count: pts.children.length - start, at: Array.prototype.indexOf.call(pts.children, item.el, start) - start, item });
    }
    let height = Q_TOP + gridH + BOTTOM;
    if (geo.compact) {
        // the names, by the numbers on their dots
        const key = svg('g', { class: 'q-key' }, layer);
        const shown = model.points.slice(0, KEY_MAX);
        shown.forEach((p, i) => {
            const g = svg('g', { class: `q-key-item${p.focused ? ' focused' : ''}` }, key);
            boxedText(g, 'point-label', `${i + 1}  ${p.name}`, {
                x: Q_LEFT,
                y: height + 4 + i * KEY_LINE,
                width: gridW,
                font: LABEL_FONT,
                maxLines: 1,
                lineHeight: 0,
                bold: p.focused,
            });
        });
        if (model.points.length > shown.length) {
            svg(
                'text',
                { class: 'unplotted-item muted', x: Q_LEFT, y: height + 4 + shown.length * KEY_LINE },
                key,
                t.t('view.andMore', { count: model.points.length - shown.length }),
            );
        }
        height += (shown.length + (model.points.length > shown.length ? 1 : 0)) * KEY_LINE + 14;
    }
    if (model.unplotted.length) {
        const list = svg('g', { class: 'unplotted' }, layer);
        svg('text', { class: 'view-note', x: Q_LEFT, y: height + 6 }, list, t.t('view.quadrant.unplotted', { count: model.unplotted.length }));
        const shown = model.unplotted.slice(0, 8);
        shown.forEach((u, i) => {
            boxedText(list, 'unplotted-item', `${u.name} — ${u.reason}`, {
                x: Q_LEFT + 12,
                y: height + 24 + i * 17,
                width: gridW,
                font: LABEL_FONT,
                maxLines: 1,
                lineHeight: 0,
            });
        });
        if (model.unplotted.length > shown.length) {
            svg(
                'text',
                { class: 'unplotted-item muted', x: Q_LEFT + 12, y: height + 24 + shown.length * 17 },
                list,
                t.t('view.andMore', { count: model.unplotted.length - shown.length }),
            );
        }
        height += 24 + (Math.min(8, model.unplotted.length) + 1) * 17;
    }
    return { result: { items, width: Q_LEFT + gridW + 16, height }, pts, spans };
}
