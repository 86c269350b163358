/**
 * What the power map's layouts produce — cards, links and group boxes placed in content
 * coordinates — and what both layouts (the tree, the list) start from: each group's forest.
 */
import type { CardGroup, CardModel } from './models/power-map.js';

export interface PlacedCard {
    card: CardModel;
    /** Top-left corner. */
    x: number;
    y: number;
    w: number;
    h: number;
}

export interface PlacedLink {
    /** SVG path data. */
    d: string;
    dimmed: boolean;
}

/** A deal's folded people where they hang: under the card `under` (its id), or loose in their group (null). */
export interface PlacedNote {
    x: number;
    y: number;
    w: number;
    h: number;
    count: number;
    under: string | null;
}

/** The size of a note of folded people. */
export const NOTE_W = 120;
export const NOTE_H = 24;

export interface PlacedGroup {
    id: CardGroup;
    x: number;
    y: number;
    w: number;
    h: number;
    count: number;
    /** Its title, wrapped to its width (`cut` when it did not fit). */
    label: { text: string; lines: string[]; cut: boolean };
}

export interface PowerMapLayout {
    cards: PlacedCard[];
    links: PlacedLink[];
    notes: PlacedNote[];
    groups: PlacedGroup[];
    width: number;
    height: number;
}

/** One group laid out from (0, 0). */
export interface PackedGroup {
    cards: PlacedCard[];
    links: PlacedLink[];
    notes: PlacedNote[];
    width: number;
    height: number;
}

/** The org chart of one group: who has no manager in it, and each manager's reports, in order. */
export function forestOf(cards: readonly CardModel[]): { roots: CardModel[]; childrenOf: Map<string, CardModel[]> } {
    const ids = new Set(cards.map(c => c.id));
    const childrenOf = new Map<string, CardModel[]>();
    const roots: CardModel[] = [];
    for (const c of cards) {
        if (c.parent && ids.has(c.parent)) {
            const list = childrenOf.get(c.parent);
            if (list) list.push(c);
            else childrenOf.set(c.parent, [c]);
        } else {
            roots.push(c);
        }
    }
    return { roots, childrenOf };
}

/** A coordinate rounded to a tenth, as the power map's paths carry them. */
export const r = (n: number): number => Math.round(n * 10) / 10;

/** Whether the character at `i` belongs to a number of a path (`[-\d.]`). */
function inNumber(d: string, i: number): boolean {
    const c = d.charCodeAt(i);
    return (c >= 48 && c <= 57) || c === 45 || c === 46;
}

/**
 * A link's path moved by (dx, dy), each moved coordinate rounded to a tenth: every absolute
 * command in our paths alternates x,y (M) or carries a single x (H) / y (V). A scan, not a
 * regular expression with a function per match (a big report translates 100,000 paths, each
 * twice); it reads what `/([MHV])([-\d.]+)(?:,([-\d.]+))?/g` would and writes the same.
 */
export function translatePath(d: string, dx: number, dy: number): string {
    let out = '';
    let i = 0;
    while (i < d.length) {
        const cmd = d[i]!;
        let j = i + 1;
        if ((cmd !== 'M' && cmd !== 'H' && cmd !== 'V') || !inNumber(d, j)) {
            out += cmd;
            i++;
            continue;
        }
        while (inNumber(d, j)) j++;
        const a = Number(d.slice(i + 1, j));
        let b: number | undefined;
        if (d[j] === ',' && inNumber(d, j + 1)) {
            let k = j + 1;
            while (inNumber(d, k)) k++;
            b = Number(d.slice(j + 1, k));
            j = k;
        }
        out += cmd === 'M' ? `M${r(a + dx)},${r(Number(b) + dy)}` : cmd === 'H' ? `H${r(a + dx)}` : `V${r(a + dy)}`;
        i = j;
    }
    return out;
}
