/** Points inside grid cells (tier quadrant, intimacy × support). Pure: no DOM. */

export interface Slot {
    /** Centre, relative to the cell's top-left corner. */
    cx: number;
    cy: number;
    r: number;
    /** Width available for a label to the right of the point, 0 when the cell is too crowded. */
    labelWidth: number;
}

/**
 * Deterministic, non-overlapping position of the `slot`-th of `count` points in a cell:
 * up to `labelled` points are listed one under the other with room for a name; more are
 * packed in a grid, getting smaller as the cell fills.
 */
export function cellSlot(slot: number, count: number, cellW: number, cellH: number, maxR = 8, labelled = 4): Slot {
    const pad = 8;
    const innerW = cellW - 2 * pad;
    const innerH = cellH - 2 * pad;
    if (count <= labelled) {
        const pitch = innerH / count;
        const rr = Math.min(maxR, pitch * 0.4);
        return { cx: pad + rr + 2, cy: pad + pitch * (slot + 0.5), r: rr, labelWidth: Math.max(0, innerW - 2 * rr - 10) };
    }
    const cols = Math.max(1, Math.ceil(Math.sqrt((count * innerW) / innerH)));
    const rows = Math.ceil(count / cols);
    const px = innerW / cols;
    const py = innerH / rows;
    const rr = Math.max(0.8, Math.min(maxR, Math.min(px, py) * 0.42));
    return { cx: pad + px * ((slot % cols) + 0.5), cy: pad + py * (Math.floor(slot / cols) + 0.5), r: rr, labelWidth: 0 };
}
