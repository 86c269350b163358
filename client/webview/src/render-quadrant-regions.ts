/**
 * The tier quadrant's regions: their borders and each tier's name once, where no mark can be — in
 * a strip at the foot of one cell of the region that the cell's marks keep clear of, or, when the
 * cells are too narrow for the names (a side panel), in a line of names under the grid.
 */
import { suggestedTiers, type Tier } from '@acct/method';
import { svg } from './dom.js';
import { tierRegions, type TierRegion } from './models/quadrant.js';
import { estimateTextWidth } from './text-metrics.js';
import { texts } from './texts.js';

/** A region's name: 12 px bold, 0.06 em apart (charts.css `.q-region-label`). */
const NAME_FONT = 12;
const NAME_SPACING = 0.06 * NAME_FONT;
/** A name's right and bottom margin in its cell. */
const NAME_INSET = 7;
/**
 * The strip at the foot of a name's cell that holds the name, and that the cell's marks are laid
 * out above: the name's box (Latin or CJK glyphs, bottom at `NAME_INSET` − descent) fits in it.
 */
export const NAME_BAND = 22;
/** The line of names under a narrow grid: its lines' pitch, the swatch and the gaps. */
const KEY_LINE = 17;
const SWATCH = 10;
const SWATCH_GAP = 5;
const ITEM_GAP = 14;

/** Where the regions' names go in a grid of this cell width: `cells` — the cells that hold one (`STANDING/COOPERATION`) —, or `keyLines` lines under the grid. */
export interface RegionNames {
    regions: TierRegion[];
    /** The cells whose foot holds a name; empty when the names are under the grid. */
    cells: ReadonlySet<string>;
    /** The lines of names under the grid (0 when they are in the cells), and each name's place. */
    keyLines: number;
    key: Array<{ region: TierRegion; name: string; x: number; line: number }>;
}

const nameOf = (tier: Tier): string => texts().name('tiers', tier).toUpperCase();
const widthOf = (name: string): number => estimateTextWidth(name, NAME_FONT, true) + NAME_SPACING * [...name].length;

/**
 * In the cells when every name fits its cell's width beside the margins (a full grid, in every
 * language acct speaks), else under the grid, as many names to a line as `gridW` holds.
 */
export function regionNames(counts: readonly (readonly number[])[], cellW: number, gridW: number, compact: boolean): RegionNames {
    const regions = tierRegions(counts);
    const inCells = !compact && regions.every(r => widthOf(nameOf(r.tier)) <= cellW - 2 * NAME_INSET);
    if (inCells) return { regions, cells: new Set(regions.map(r => r.labelCell.join('/'))), keyLines: 0, key: [] };
    const key: RegionNames['key'] = [];
    let x = 0;
    let line = 0;
    for (const region of regions) {
        const name = nameOf(region.tier);
        const w = SWATCH + SWATCH_GAP + widthOf(name);
        if (x > 0 && x + w > gridW) {
            x = 0;
            line++;
        }
        key.push({ region, name, x, line });
        x += w + ITEM_GAP;
    }
    return { regions, cells: new Set(), keyLines: line + 1, key };
}

/** The height of the names' lines under the grid. */
export function regionKeyHeight(names: RegionNames): number {
    return names.keyLines ? names.keyLines * KEY_LINE + 4 : 0;
}

/** The lines between cells of different tiers: the regions' borders. */
export function regionEdges(parent: Element, quadrantCell: (s: number, c: number) => { x: number; y: number; w: number; h: number }): void {
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

/** Each tier's name once: at the foot of its cell, right-aligned, in the strip its marks keep clear of. */
export function drawRegionNamesInCells(
    parent: Element,
    names: RegionNames,
    quadrantCell: (s: number, c: number) => { x: number; y: number; w: number; h: number },
): void {
    if (names.keyLines) return;
    for (const region of names.regions) {
        const cell = quadrantCell(...region.labelCell);
        const g = svg('g', { class: `q-region tier-${region.tier}`, 'data-tier': region.tier }, parent);
        svg(
            'text',
            { class: 'q-region-label', x: cell.x + cell.w - NAME_INSET, y: cell.y + cell.h - NAME_INSET, 'text-anchor': 'end' },
            g,
            nameOf(region.tier),
        );
    }
}

/** The names under a narrow grid, from `top`: a swatch of the region's colour and its name, in the name's colour. */
export function drawRegionKey(parent: Element, names: RegionNames, left: number, top: number): void {
    if (!names.keyLines) return;
    const key = svg('g', { class: 'q-region-key' }, parent);
    for (const item of names.key) {
        const y = top + item.line * KEY_LINE;
        const g = svg('g', { class: `q-region tier-${item.region.tier}`, 'data-tier': item.region.tier }, key);
        svg('rect', { class: 'q-region-swatch', x: left + item.x, y: y + 2, width: SWATCH, height: SWATCH, rx: 2 }, g);
        svg('text', { class: 'q-region-label', x: left + item.x + SWATCH + SWATCH_GAP, y: y + 11 }, g, item.name);
    }
}
