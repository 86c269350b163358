/**
 * The compact tier quadrant (a narrow panel, a narrow report window, a phone): each customer drawn
 * alone is a dot with its number in it, a crowded cell's others one box with their count; a cell's
 * marks are laid out in rows inside it, spaced by their widths, so that no mark covers another's
 * number. Whether a cell's marks fit decides whether it is grouped (`quadrantMarks`' `fits`).
 * Pure: no DOM.
 */
import { quadrantMarks, type CellFits, type QuadrantMark, type QuadrantModel, type QuadrantPoint } from './models/quadrant.js';

/** The numbers' font: 11 px, weight 800 (charts.css `.dot-number`, `.q-group-count`); never smaller. */
const NUMBER_FONT = 11;
/**
 * A digit's advance at that weight, kept on the safe side of DejaVu Sans Bold's 0.696 em (the
 * widest digits of the fonts acct's pictures fall back to): the layout estimates, it never measures.
 */
const DIGIT = 0.72 * NUMBER_FONT;
/** The number's box reaches this far above and below the dot's centre (ascent and descent of 11 px). */
const NUMBER_HALF_H = 7;
/** The smallest dot: a one-digit number with room round it. */
const MIN_R = 8;
/** A dot's dashed mismatch ring: this far out of the dot (its stroke, 2 px, half outside). */
export const DOT_RING = 2;
/** A group's box: its height, its least width, and its dashed mismatch ring's distance. */
const BOX_H = 20;
const BOX_MIN_W = 20;
export const BOX_RING = 2;
/** Between two marks' outer edges (their rings or strokes), and between a mark and its cell's edge. */
const GAP = 2;
const PAD = 1;

/** A number's width at 11 px bold. */
export const numberWidth = (text: string): number => text.length * DIGIT;

/** The radius of a dot that holds `number` (its box inside the dot's). */
export function dotRadius(number: number): number {
    return Math.max(MIN_R, numberWidth(String(number)) / 2 + 2, NUMBER_HALF_H + 1);
}

/** The box of a group of `count`: as wide as its count needs, never narrower than high. */
export function groupBox(count: number): { w: number; h: number } {
    return { w: Math.max(BOX_MIN_W, numberWidth(String(count)) + 5), h: BOX_H };
}

/** What a mark takes in its row: its width and height, with its ring or its stroke. */
export interface Footprint {
    w: number;
    h: number;
}

/** A dot of a number of `digits` digits (the strokes of the focused and the selected: 1.5 px out). */
export function dotFootprint(digits: number, mismatch: boolean): Footprint {
    const d = 2 * (dotRadius(10 ** (digits - 1)) + (mismatch ? DOT_RING + 1 : 1.5));
    return { w: d, h: d };
}

/** A group of `count` customers. */
export function groupFootprint(count: number, mismatch: boolean): Footprint {
    const box = groupBox(count);
    const out = 2 * (mismatch ? BOX_RING + 1 : 1.5);
    return { w: box.w + out, h: box.h + out };
}

/** A cell's box. */
export interface Box {
    x: number;
    y: number;
    w: number;
    h: number;
}

/**
 * The centres of `marks` in `cell`, in rows from the top left (each row centred, the rows together
 * centred in the cell), a row wrapped where the next mark would cross the cell's right edge; null
 * when they do not fit inside it.
 */
export function packRows(cell: Box, marks: readonly Footprint[]): Array<{ x: number; y: number }> | null {
    const w = cell.w - 2 * PAD;
    const h = cell.h - 2 * PAD;
    const rows: Array<{ items: number[]; w: number; h: number }> = [];
    for (let i = 0; i < marks.length; i++) {
        const m = marks[i]!;
        if (m.w > w || m.h > h) return null;
        const row = rows[rows.length - 1];
        if (row && row.w + GAP + m.w <= w) {
            row.items.push(i);
            row.w += GAP + m.w;
            row.h = Math.max(row.h, m.h);
        } else {
            rows.push({ items: [i], w: m.w, h: m.h });
        }
    }
    const total = rows.reduce((sum, r) => sum + r.h, 0) + GAP * Math.max(0, rows.length - 1);
    if (total > h) return null;
    const at: Array<{ x: number; y: number }> = [];
    let y = cell.y + PAD + (h - total) / 2;
    for (const row of rows) {
        let x = cell.x + PAD + (w - row.w) / 2;
        for (const i of row.items) {
            at[i] = { x: round(x + marks[i]!.w / 2), y: round(y + row.h / 2) };
            x += marks[i]!.w + GAP;
        }
        y += row.h + GAP;
    }
    return at;
}

/** Half pixels: the same markup for the same layout, whatever the arithmetic's last bits. */
const round = (v: number): number => Math.round(v * 2) / 2;

/** The compact grid's marks, each one's centre in its cell's rows and each customer's number (0: none). */
export interface CompactMarks {
    marks: QuadrantMark[];
    spots: Map<QuadrantMark, { x: number; y: number }>;
    numbers: Map<QuadrantMark, number>;
}

const cellOf = (m: QuadrantMark): string => (m.kind === 'point' ? `${m.point.standing}/${m.point.cooperation}` : m.group.cell);

function footprintOf(m: QuadrantMark, number: number): Footprint {
    return m.kind === 'point' ? dotFootprint(String(number).length, m.point.mismatch) : groupFootprint(m.group.members.length, m.group.mismatches > 0);
}

/**
 * The marks of the compact grid: a cell is grouped as soon as its customers' numbered dots would
 * not fit it (`named`: the marks of the grid of names, whose customers drawn alone are at least as
 * many as here, so their count's digits are the widest number); the customers alone numbered in
 * the marks' order — the order of the list of names under the grid —, except in an open cell too
 * full for its dots to carry numbers (they are packed smaller, as before, each still a control).
 */
export function compactMarks(
    model: QuadrantModel,
    kept: (p: QuadrantPoint) => boolean,
    open: string | null,
    cellBox: (standing: number, cooperation: number) => Box,
    named: readonly QuadrantMark[],
): CompactMarks {
    const digits = String(named.filter(m => m.kind === 'point').length).length;
    const widest = (alone: readonly QuadrantPoint[], grouped: readonly QuadrantPoint[]): Footprint[] => [
        ...alone.map(p => dotFootprint(digits, p.mismatch)),
        ...(grouped.length
            ? [
                  groupFootprint(
                      grouped.length,
                      grouped.some(p => p.mismatch),
                  ),
              ]
            : []),
    ];
    const fits: CellFits = (alone, grouped) => {
        const p = alone[0] ?? grouped[0]!;
        return packRows(cellBox(p.standing, p.cooperation), widest(alone, grouped)) !== null;
    };
    const marks = quadrantMarks(model, kept, open, fits);
    const cells = new Map<string, QuadrantMark[]>();
    for (const m of marks) {
        const list = cells.get(cellOf(m));
        if (list) list.push(m);
        else cells.set(cellOf(m), [m]);
    }
    const unnumbered = new Set<string>();
    if (open && cells.has(open)) {
        const points = cells.get(open)!.flatMap(m => (m.kind === 'point' ? [m.point] : []));
        if (!fits(points, [])) unnumbered.add(open);
    }
    const numbers = new Map<QuadrantMark, number>();
    let next = 0;
    for (const m of marks) numbers.set(m, m.kind === 'point' && !unnumbered.has(cellOf(m)) ? ++next : 0);
    const spots = new Map<QuadrantMark, { x: number; y: number }>();
    for (const [cell, list] of cells) {
        if (unnumbered.has(cell)) continue;
        list.sort((a, b) => a.slot - b.slot);
        const [standing, cooperation] = cell.split('/').map(Number) as [number, number];
        // the actual numbers: never wider than the widest the cell was grouped for
        const at = packRows(
            cellBox(standing, cooperation),
            list.map(m => footprintOf(m, numbers.get(m)!)),
        );
        list.forEach((m, i) => at && spots.set(m, at[i]!));
    }
    return { marks, spots, numbers };
}
