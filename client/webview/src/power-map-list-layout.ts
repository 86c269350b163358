/**
 * The power map in a narrow panel: each group's org chart as an indented list, managers above
 * their reports and reports one step to the right, like an outline. It fits the panel's width at
 * full size and grows downwards, so a side panel scrolls instead of shrinking the text. Pure: no DOM.
 */
import { forestOf, NOTE_H, NOTE_W, r, type PackedGroup, type PlacedCard, type PlacedLink, type PlacedNote } from './power-map-geometry.js';
import type { CardModel } from './models/power-map.js';

/** Below this stage width the power map is a list (the fishbone stands upright below the same width). */
export const LIST_BELOW = 760;
/** A card of the list: wider than the tree's, its title has room. */
export const LIST_CARD_W = 300;
const INDENT = 24;
const GAP = 10;

export function isListWidth(stageWidth: number): boolean {
    return stageWidth > 0 && stageWidth < LIST_BELOW;
}

/**
 * One group's contacts as an indented list, from (0, 0); the links run down the indent, like a
 * tree in an outline. A deal's people folded under a card are a note after its reports; `loose`
 * ones, under no one drawn, a note at the end.
 */
export function layoutList(cards: readonly CardModel[], cardH: number, loose = 0): PackedGroup {
    const { roots, childrenOf } = forestOf(cards);
    const placed: PlacedCard[] = [];
    const links: PlacedLink[] = [];
    const notes: PlacedNote[] = [];
    let y = 0;
    let width = 0;
    const note = (count: number, depth: number, parent: PlacedCard | null): void => {
        const n: PlacedNote = { x: depth * INDENT, y, w: NOTE_W, h: NOTE_H, count, under: parent ? parent.card.id : null };
        notes.push(n);
        width = Math.max(width, n.x + n.w);
        if (parent) links.push({ d: `M${r(parent.x + INDENT / 2)},${r(parent.y + parent.h)}V${r(n.y + n.h / 2)}H${r(n.x)}`, dimmed: true });
        y += NOTE_H + GAP;
    };
    // depth first, without recursion: a deep org chart must not overflow the stack
    type Entry = { card: CardModel; depth: number; parent: PlacedCard | null } | { folded: number; depth: number; parent: PlacedCard };
    const stack: Entry[] = [...roots].reverse().map(card => ({ card, depth: 0, parent: null }));
    while (stack.length) {
        const entry = stack.pop()!;
        if ('folded' in entry) {
            note(entry.folded, entry.depth, entry.parent);
            continue;
        }
        const { card, depth, parent } = entry;
        const p: PlacedCard = { card, x: depth * INDENT, y, w: LIST_CARD_W, h: cardH };
        placed.push(p);
        width = Math.max(width, p.x + p.w);
        if (parent) {
            const lx = parent.x + INDENT / 2;
            links.push({ d: `M${r(lx)},${r(parent.y + parent.h)}V${r(p.y + p.h / 2)}H${r(p.x)}`, dimmed: parent.card.dimmed || card.dimmed });
        }
        y += cardH + GAP;
        if (card.foldedBelow > 0) stack.push({ folded: card.foldedBelow, depth: depth + 1, parent: p });
        const kids = childrenOf.get(card.id) ?? [];
        for (let i = kids.length - 1; i >= 0; i--) stack.push({ card: kids[i]!, depth: depth + 1, parent: p });
    }
    if (loose > 0) note(loose, 0, null);
    return { cards: placed, links, notes, width, height: Math.max(0, y - GAP) };
}
