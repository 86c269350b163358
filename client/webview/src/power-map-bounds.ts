/**
 * Bounds of the power map's org-chart tree told without laying it out (`layout.ts` lays it out):
 * a map of a list's size whose tree surely does not fit its room at a readable size is drawn as a
 * list, and its tree (d3's tidy tree, the costly part) is not laid out only to learn that. Pure: no DOM.
 */
import type { CardModel } from './models/power-map.js';
import { forestOf, NOTE_W } from './power-map-geometry.js';
import { CARD_H, CARD_W, GAP_X, GROUP_LABEL, GROUP_PAD, hasBelow, LEVEL, STACK_COL_GAP, STACK_INDENT, STACK_MIN, stackShape } from './layout.js';

/**
 * Whether the org-chart tree of `cards` is surely bigger than `maxW` × `maxH`, told without laying
 * it out: its cards do not overlap, so it is at least their area, and at least as tall as its
 * deepest reporting line (a card a level, `LEVEL` apart, under its group's title and padding).
 * False when it may fit: then only the layout tells.
 */
export function treeSurelyExceeds(cards: readonly CardModel[], maxW: number, maxH: number): boolean {
    // a margin against rounding: when in doubt, the layout decides
    if (cards.length * CARD_W * CARD_H > maxW * maxH * (1 + 1e-9)) return true;
    const byId = new Map(cards.map(c => [c.id, c]));
    const depthOf = new Map<string, number>();
    let deepest = 0;
    for (const c of cards) {
        // up the drawn managers of its group until a depth known (the parents have no cycles)
        const path: CardModel[] = [];
        let depth = 0;
        for (let cur: CardModel | undefined = c; cur;) {
            const known = depthOf.get(cur.id);
            if (known !== undefined) {
                depth = known;
                break;
            }
            path.push(cur);
            const up: CardModel | undefined = cur.parent ? byId.get(cur.parent) : undefined;
            cur = up && up.group === cur.group ? up : undefined;
        }
        for (let i = path.length - 1; i >= 0; i--) depthOf.set(path[i]!.id, ++depth);
        deepest = Math.max(deepest, depth);
    }
    const shortest = (deepest - 1) * LEVEL + CARD_H + GROUP_LABEL.top + 9 + GROUP_PAD * 1.5;
    if (shortest > maxH * (1 + 1e-9)) return true;
    const narrowest = Math.max(...(['key', 'general'] as const).map(id => narrowestGroup(cards.filter(c => c.group === id))));
    return narrowest + 2 * GROUP_PAD > maxW * (1 + 1e-9);
}

/**
 * The least width of one group's trees: each is laid out whole in a row, and on each of its levels
 * the nodes `layoutTree` builds stand side by side at least `GAP_X` apart (cards, a manager's leaf
 * reports stacked, notes of people folded; the spacers under a stack left out).
 */
function narrowestGroup(cards: readonly CardModel[]): number {
    if (!cards.length) return 0;
    const { roots, childrenOf } = forestOf(cards);
    const loners = roots.filter(c => !hasBelow(c, childrenOf)).length;
    const perRow = Math.max(1, Math.min(loners, Math.ceil(Math.sqrt(loners * 1.8))));
    let widest = loners ? Math.min(loners, perRow) * (CARD_W + GAP_X) - GAP_X : 0;
    for (const root of roots) {
        if (!hasBelow(root, childrenOf)) continue;
        // level by level: the managers on it, and the width of what stands on it
        widest = Math.max(widest, CARD_W);
        for (let level: CardModel[] = [root]; level.length;) {
            const below: CardModel[] = [];
            let nodes = 0;
            let width = 0;
            for (const card of level) {
                const kids = childrenOf.get(card.id) ?? [];
                const leaves = kids.filter(k => !hasBelow(k, childrenOf));
                const stacked = leaves.length >= STACK_MIN;
                for (const k of kids) {
                    if (stacked && !hasBelow(k, childrenOf)) continue;
                    width += CARD_W;
                    nodes++;
                    if (hasBelow(k, childrenOf)) below.push(k);
                }
                if (stacked) {
                    const { cols } = stackShape(leaves.length);
                    width += cols * (STACK_INDENT + CARD_W) + (cols - 1) * STACK_COL_GAP;
                    nodes++;
                }
                if (card.foldedBelow > 0) {
                    width += NOTE_W;
                    nodes++;
                }
            }
            widest = Math.max(widest, width + Math.max(0, nodes - 1) * GAP_X);
            level = below;
        }
    }
    return widest;
}
