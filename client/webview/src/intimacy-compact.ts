/**
 * The intimacy × support chart's compact form (a narrow panel): numbered dots in rows inside their
 * cells, spaced by the widths of their numbers. Pure: no DOM.
 */
import type { IntimacyPoint } from './models/intimacy.js';
import { dotFootprint, dotRadius, packRows } from './quadrant-compact.js';
import type { Slot } from './grid-layout.js';

/** The cells' sizes, as the chart lays them out. */
export interface CellSizes {
    w(support: IntimacyPoint['support']): number;
    h(intimacy: IntimacyPoint['intimacy']): number;
}

/**
 * The compact chart's dots, each as big as its number needs and laid out in rows inside its cell
 * (the tier quadrant's compact rows); a cell whose numbered dots do not fit keeps the packed
 * slots, its dots without numbers (their names and numbers still in the list under the chart).
 */
export function numberedDots(points: readonly IntimacyPoint[], at: CellSizes): Map<IntimacyPoint, Slot> {
    const cells = new Map<string, IntimacyPoint[]>();
    for (const p of points) {
        const key = `${p.support}/${p.intimacy}`;
        const list = cells.get(key);
        if (list) list.push(p);
        else cells.set(key, [p]);
    }
    const numbers = new Map(points.map((p, i) => [p, i + 1]));
    const numberOf = (p: IntimacyPoint): number => numbers.get(p)!;
    const spots = new Map<IntimacyPoint, Slot>();
    for (const list of cells.values()) {
        list.sort((a, b) => a.slot - b.slot);
        const first = list[0]!;
        const rows = packRows(
            { x: 0, y: 0, w: at.w(first.support), h: at.h(first.intimacy) },
            list.map(p => dotFootprint(String(numberOf(p)).length, false)),
        );
        if (!rows) continue;
        list.forEach((p, i) => spots.set(p, { cx: rows[i]!.x, cy: rows[i]!.y, r: dotRadius(numberOf(p)), labelWidth: 0 }));
    }
    return spots;
}
