/**
 * The power map in a narrow panel: each group's org chart as an indented list, managers above
 * their reports and reports one step to the right, like an outline. It fits the panel's width at
 * full size and grows downwards, so a side panel scrolls instead of shrinking the text. Pure: no DOM.
 */
import { forestOf, type PackedGroup, type PlacedCard, type PlacedLink } from './power-map-geometry.js';
import type { CardModel } from './models/power-map.js';

/** Below this stage width the power map is a list (the fishbone stands upright below the same width). */
export const LIST_BELOW = 760;
/** A card of the list: wider than the tree's, its title has room. */
export const LIST_CARD_W = 300;
const INDENT = 24;
const GAP = 10;

const r = (n: number): number => Math.round(n * 10) / 10;

export function isListWidth(stageWidth: number): boolean {
    return stageWidth > 0 && stageWidth < LIST_BELOW;
}

/** One group's contacts as an indented list, from (0, 0); the links run down the indent, like a tree in an outline. */
export function layoutList(cards: readonly CardModel[], cardH: number): PackedGroup {
    const { roots, childrenOf } = forestOf(cards);
    const placed: PlacedCard[] = [];
    const links: PlacedLink[] = [];
    let y = 0;
    let width = 0;
    // depth first, without recursion: a deep org chart must not overflow the stack
    const stack: Array<{ card: CardModel; depth: number; parent: PlacedCard | null }> = [...roots].reverse().map(card => ({ card, depth: 0, parent: null }));
    while (stack.length) {
        const { card, depth, parent } = stack.pop()!;
        const p: PlacedCard = { card, x: depth * INDENT, y, w: LIST_CARD_W, h: cardH };
        placed.push(p);
        width = Math.max(width, p.x + p.w);
        if (parent) {
            const lx = parent.x + INDENT / 2;
            links.push({ d: `M${r(lx)},${r(parent.y + parent.h)}V${r(p.y + p.h / 2)}H${r(p.x)}`, dimmed: parent.card.dimmed || card.dimmed });
        }
        y += cardH + GAP;
        const kids = childrenOf.get(card.id) ?? [];
        for (let i = kids.length - 1; i >= 0; i--) stack.push({ card: kids[i]!, depth: depth + 1, parent: p });
    }
    return { cards: placed, links, width, height: Math.max(0, y - GAP) };
}
