/**
 * Geometry of the sandbox: one two-line row per opportunity (its name, then the score as a bar
 * stacked from its four parts with horizon and stage beside it), the scored ones under a score
 * axis, the unscored ones in a section of their own. d3-scale places the rows (a band scale) and
 * sizes the bars (a linear scale of the score, 0..20). Pure: no DOM.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { MAX_SCORE, type SandboxItem, type SandboxPart } from './models/sandbox.js';

/** A row's height; where its name and bar start; the bar's size (12 px a point of score). */
export const ROW_H = 48;
export const LEFT = 52;
export const BAR_W = 240;
export const BAR_H = 13;
/** Around the picture; the score axis over the scored rows; the heading of the unscored. */
const { PAD, AXIS_H, SECTION_H } = { PAD: 16, AXIS_H: 34, SECTION_H: 40 } as const;
export const WIDTH = LEFT + BAR_W + 190;
/** The rows take the room's width, between these: names and customers get the room there is. */
const MIN_WIDTH = 420;
const MAX_WIDTH = 900;

/** The sandbox's width in a room `roomWidth` wide (not laid out yet: its usual width). */
export function sandboxWidth(roomWidth: number): number {
    return Number.isFinite(roomWidth) && roomWidth > 0 ? Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, roomWidth))) : WIDTH;
}

export interface Segment {
    part: SandboxPart;
    value: number;
    x: number;
    w: number;
}
export interface PlacedRow {
    item: SandboxItem;
    x: number;
    y: number;
    w: number;
    h: number;
    segments: Segment[];
}
export interface SandboxLayout {
    width: number;
    height: number;
    /** The score axis over the scored rows: its labels' baseline, its ticks, where its grid lines end. */
    axis: { y: number; bottom: number; ticks: Array<{ value: number; x: number }> } | null;
    scoredTitleY: number | null;
    /** Under the last pick, when some rows are picks and some are not. */
    picksRule: number | null;
    unscoredTitleY: number | null;
    rows: PlacedRow[];
}

export function layoutSandbox(scored: readonly SandboxItem[], unscored: readonly SandboxItem[], width = WIDTH): SandboxLayout {
    const x = scaleLinear()
        .domain([0, MAX_SCORE])
        .range([LEFT, LEFT + BAR_W]);
    const rows: PlacedRow[] = [];
    const place = (items: readonly SandboxItem[], top: number): number => {
        const band = scaleBand<number>()
            .domain(items.map((_, i) => i))
            .range([top, top + items.length * ROW_H]);
        items.forEach((item, i) => {
            let at = 0;
            const segments: Segment[] = [];
            for (const p of item.parts) {
                if (p.value === null || item.score === null) continue;
                segments.push({ part: p.part, value: p.value, x: x(at), w: x(at + p.value) - x(at) });
                at += p.value;
            }
            rows.push({ item, x: PAD / 2, y: band(i)!, w: width - PAD, h: band.bandwidth(), segments });
        });
        return top + items.length * ROW_H;
    };
    let y: number = PAD;
    let axis: SandboxLayout['axis'] = null;
    let scoredTitleY: number | null = null;
    let picksRule: number | null = null;
    if (scored.length) {
        scoredTitleY = y + 12;
        const axisY = y + AXIS_H - 6;
        y = place(scored, y + AXIS_H);
        axis = { y: axisY, bottom: y, ticks: x.ticks(4).map(value => ({ value, x: x(value) })) };
        const lastPick = scored.reduce((n, s, i) => (s.pick ? i : n), -1);
        if (lastPick >= 0 && lastPick < scored.length - 1) picksRule = PAD + AXIS_H + (lastPick + 1) * ROW_H;
    }
    let unscoredTitleY: number | null = null;
    if (unscored.length) {
        y += scored.length ? 12 : 0;
        unscoredTitleY = y + 16;
        y = place(unscored, y + SECTION_H);
    }
    return { width, height: y + PAD, axis, scoredTitleY, picksRule, unscoredTitleY, rows };
}
