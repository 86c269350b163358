/** Tier quadrant: every customer by standing (vertical) and cooperation (horizontal). */
import { suggestedTiers } from '@acct/method';
import { namedHoverTip, svg, type NavItem, type RenderResult } from './dom.js';
import { quadrantMarks, unfocusedOf, type QuadrantMark, type QuadrantModel } from './models/quadrant.js';
import { axisTitles, boxedText } from './render-common.js';
import { drawGroup, drawPoint, type MarkPlace } from './render-quadrant-marks.js';
import { compactMarks, type CompactMarks } from './quadrant-compact.js';
import { NAME_BAND, drawRegionKey, drawRegionNamesInCells, regionEdges, regionKeyHeight, regionNames, type RegionNames } from './render-quadrant-regions.js';
import { texts } from './texts.js';

/** The largest cells (a full editor); smaller ones fit a panel, down to the smallest. */
export const Q_CELL_W = 188;
export const Q_CELL_H = 112;
/**
 * The narrowest cells: a highlighted customer's numbered dot and its cell's others' box with a
 * count of three digits, both with their mismatch rings, side by side (the compact grid).
 */
const MIN_CELL_W = 66;
const MIN_CELL_H = 44;
/**
 * With the tiers' names under the grid (a narrow panel), cells may be this low: the names' lines
 * are paid for by the cells, as far as the dots and squares (at most 9 px round) still fit, not
 * by a taller picture that a short panel cuts.
 */
const MIN_KEYED_CELL_H = 36;
/** Narrower cells than this hold no names: the dots carry numbers, the names are listed under the grid. */
const NAMED_CELL_W = 130;
export const Q_TOP = 34;
const BOTTOM = 54;
const LABEL_FONT = 11.5;
const KEY_LINE = 17;
/** The compact form lists at most this many names under the grid, in a room of limited height (a panel); a page (the report) lists all. */
const KEY_MAX = 12;

/** The quadrant's geometry for a room of `room.w` × `room.h`: cells as large as it allows, within their bounds. */
export class QuadrantGrid {
    readonly cellW: number;
    readonly cellH: number;
    readonly left: number;
    /** The dots carry numbers and the names are listed under the grid. */
    readonly compact: boolean;
    /** Where the tiers' names go: in a strip of one cell of each region, or under the grid. */
    readonly regions: RegionNames;
    /** How many names the compact form lists under the grid. */
    readonly keyMax: number;

    /**
     * `marks`: the dots and groups drawn; `named`: the customers drawn alone, whom the compact form
     * lists under the grid; `counts`: the customers by cell, which choose the cells of the tiers' names.
     */
    constructor(room: { w: number; h: number }, marks: number, named: number, below: number, counts: QuadrantModel['counts']) {
        const fit = (v: number, lo: number, hi: number) => Math.floor(Math.max(lo, Math.min(hi, Number.isFinite(v) ? v : hi)));
        this.left = Number.isFinite(room.w) && room.w < 5 * Q_CELL_W + 92 + 16 ? 62 : 92;
        this.cellW = fit((room.w - this.left - 16) / 5, MIN_CELL_W, Q_CELL_W);
        this.compact = this.cellW < NAMED_CELL_W && marks > 0;
        this.regions = regionNames(counts, this.cellW, 5 * this.cellW, this.compact);
        this.keyMax = Number.isFinite(room.h) ? KEY_MAX : Infinity;
        const key = this.compact ? (Math.min(named, this.keyMax) + (named > this.keyMax ? 1 : 0)) * KEY_LINE + 14 : 0;
        const min = this.regions.keyLines ? MIN_KEYED_CELL_H : MIN_CELL_H;
        this.cellH = fit((room.h - Q_TOP - BOTTOM - below - key - regionKeyHeight(this.regions)) / 5, min, Q_CELL_H);
    }

    get name(): string {
        return `${this.cellW}×${this.cellH}${this.compact ? ' compact' : ''}${this.regions.keyLines ? ' key' : ''}`;
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

/** The grid for `marks` in a room of this size. */
function gridFor(model: QuadrantModel, marks: readonly QuadrantMark[], room: { w: number; h: number }): QuadrantGrid {
    return new QuadrantGrid(room, marks.length, marks.filter(m => m.kind === 'point').length, unplottedHeight(model), model.counts);
}

/** The customers a reader is looking at, drawn alone in any cell: the highlighted one and the selected one. */
const keptBy = (selected: string | null) => (p: QuadrantModel['points'][number]) => p.focused || p.key === selected;

/** What the quadrant's drawing depends on in a room of this size. */
export function quadrantShape(model: QuadrantModel, room: { w: number; h: number }): string {
    return gridFor(model, quadrantMarks(model, keptBy(null)), room).name;
}

/** Where a crowded cell's customers are shown one by one (`open`: `STANDING/COOPERATION`), in a view whose groups open on a click (the editor's). */
export interface QuadrantOpen {
    cell: string | null;
}

/**
 * Draws the quadrant; `open` when its groups open on a click (the editor: the cell shown one by
 * one, `open.cell`), absent where they cannot (the report).
 */
export function renderQuadrant(
    layer: SVGGElement,
    model: QuadrantModel,
    selected: string | null,
    room = { w: Infinity, h: Infinity },
    open?: QuadrantOpen,
): RenderResult {
    const marks = quadrantMarks(model, keptBy(selected), open?.cell ?? null);
    const geo = gridFor(model, marks, room);
    const base = unfocusedOf(model);
    const openable = open !== undefined;
    if (geo.compact) {
        // numbered dots in rows, a cell grouped as soon as they would not fit it: drawn whole
        const compact = compactMarks(model, keptBy(selected), open?.cell ?? null, geo.cell.bind(geo), marks);
        return drawQuadrant(layer, model, compact.marks, selected, geo, openable, compact).result;
    }
    // the report draws the same quadrant once per customer, another customer focused in each: the
    // drawing of the quadrant with none focused is made once and copied, and only the cells of the
    // focused and the selected customers (and an open cell) are drawn again (the same elements a
    // whole drawing makes)
    if (!base) return drawQuadrant(layer, model, marks, selected, geo, openable).result;
    const shapes = (drawings.get(base) ?? drawings.set(base, new Map()).get(base))!;
    const shape = `${geo.left} ${geo.name} ${openable}`;
    let drawing = shapes.get(shape);
    if (!drawing) {
        const g = svg('g', {}, null);
        const drawn = drawQuadrant(
            g,
            base,
            quadrantMarks(base, () => false),
            null,
            geo,
            openable,
        );
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
    const pts = copy.children[drawing.pointsAt] as SVGGElement;
    const children = Array.from(pts.children);
    // the copy is not in the document: its marks are put back in order, the ones drawn again among them
    pts.replaceChildren();
    const redrawn = new Set(marks.filter(m => m.kind === 'point' && keptBy(selected)(m.point)).map(m => cellKey(m)));
    if (open?.cell) redrawn.add(open.cell);
    const spans = new Map(drawing.spans.map(span => [span.id, span]));
    const items: NavItem[] = [];
    for (const mark of marks) {
        const span = spans.get(markId(mark));
        if (span && !redrawn.has(cellKey(mark))) {
            // the same mark as in the drawing copied: its elements, in their order
            for (let i = span.start; i < span.start + span.count; i++) pts.appendChild(children[i]!);
            items.push({
                ...span.item,
                el: children[span.start + span.at] as SVGGraphicsElement,
                ...(mark.kind === 'point' ? { tooltip: mark.point.tooltip } : {}),
            });
        } else {
            items.push(drawMark(pts, mark, selected, geo, 0, openable));
        }
    }
    while (copy.firstChild) layer.appendChild(copy.firstChild);
    return { items, width: drawing.width, height: drawing.height };
}

/** A quadrant's drawing with no customer focused nor selected, by the model it draws and the shape of its grid. */
const drawings = new WeakMap<QuadrantModel, Map<string, { g: SVGGElement; spans: MarkSpan[]; pointsAt: number; width: number; height: number }>>();

/** Where a mark's elements are among the marks' group's children: from `start`, `count` of them, its control at `start + at`. */
interface MarkSpan {
    id: string;
    start: number;
    count: number;
    at: number;
    item: NavItem;
}

const cellKey = (m: QuadrantMark): string => (m.kind === 'point' ? `${m.point.standing}/${m.point.cooperation}` : m.group.cell);
/** A mark's identity across drawings of one plan: the customer, or the cell's group of as many customers. */
const markId = (m: QuadrantMark): string => (m.kind === 'point' ? `p ${m.at}` : `g ${m.group.cell} ${m.group.members.length}`);

function drawMark(
    pts: SVGGElement,
    mark: QuadrantMark,
    selected: string | null,
    geo: QuadrantGrid,
    number: number,
    openable: boolean,
    spot?: { x: number; y: number },
): NavItem {
    if (mark.kind === 'group') {
        const g = mark.group;
        return drawGroup(pts, g, mark, placeOf(geo, g.standing, g.cooperation, spot), selected, openable);
    }
    const p = mark.point;
    return drawPoint(pts, p, mark, placeOf(geo, p.standing, p.cooperation, spot), selected, number);
}

function placeOf(geo: QuadrantGrid, standing: number, cooperation: number, spot?: { x: number; y: number }): MarkPlace {
    const cell = geo.cell(standing, cooperation);
    // the cell that carries its region's name lays its marks out above the name's strip
    if (!geo.regions.cells.has(`${standing}/${cooperation}`)) return { cell, compact: geo.compact, cellH: geo.cellH, ...(spot ? { spot } : {}) };
    return { cell: { ...cell, h: cell.h - NAME_BAND }, compact: geo.compact, cellH: geo.cellH - NAME_BAND };
}

function drawQuadrant(
    layer: SVGGElement,
    model: QuadrantModel,
    marks: readonly QuadrantMark[],
    selected: string | null,
    geo: QuadrantGrid,
    openable: boolean,
    compact?: CompactMarks,
): { result: RenderResult; pts: SVGGElement; spans: MarkSpan[] } {
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
            // made its <title> on hover (199 quadrants of 25 cells in a report); its accessible name at once
            namedHoverTip(g, t.t('view.quadrant.cell', { standing: s, cooperation: c, tier: t.name('tiers', tier) }));
            // a crowded cell's number is on its group's mark
            svg('rect', { class: 'q-cell-bg', x: cell.x, y: cell.y, width: cell.w, height: cell.h }, g);
        }
    }
    regionEdges(grid, quadrantCell);
    drawRegionNamesInCells(grid, geo.regions, quadrantCell);
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
    const spans: MarkSpan[] = [];
    // the customers drawn alone are numbered in the compact form, in order: the list under the grid says who is who
    const named = marks.flatMap(m => (m.kind === 'point' && compact?.numbers.get(m) ? [m.point] : []));
    for (const mark of marks) {
        const start = pts.children.length;
        const item = drawMark(pts, mark, selected, geo, compact?.numbers.get(mark) ?? 0, openable, compact?.spots.get(mark));
        items.push(item);
        spans.push({
            id: markId(mark),
            start,
            count: pts.children.length - start,
            at: Array.prototype.indexOf.call(pts.children, item.el, start) - start,
            item,
        });
    }
    let height = Q_TOP + gridH + BOTTOM;
    // a grid too narrow for the tiers' names in their cells names them under it
    drawRegionKey(layer, geo.regions, Q_LEFT, height - 4);
    height += regionKeyHeight(geo.regions);
    if (geo.compact) {
        // the names, by the numbers on their dots
        const key = svg('g', { class: 'q-key' }, layer);
        const shown = named.slice(0, geo.keyMax);
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
        if (named.length > shown.length) {
            svg(
                'text',
                { class: 'unplotted-item muted', x: Q_LEFT, y: height + 4 + shown.length * KEY_LINE },
                key,
                t.t('view.andMore', { count: named.length - shown.length }),
            );
        }
        height += (shown.length + (named.length > shown.length ? 1 : 0)) * KEY_LINE + 14;
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
