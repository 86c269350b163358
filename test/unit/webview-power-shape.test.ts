/**
 * The power map's tree is not laid out when it surely does not fit the room (then the map is a
 * list): `treeSurelyExceeds` must never say so of a tree that fits, on random org charts and rooms.
 */
import { describe, expect, it } from 'vitest';
import { CARD_H, layoutPowerMap } from '../../client/webview/src/layout.js';
import { treeSurelyExceeds } from '../../client/webview/src/power-map-bounds.js';
import type { CardModel } from '../../client/webview/src/models/power-map.js';

/** A seeded generator (mulberry32): the same charts every run. */
function random(seed: number): () => number {
    return () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** `n` cards in two groups, each reporting to an earlier one of its group or to no one; some with people folded below. */
function chart(n: number, next: () => number): CardModel[] {
    const cards: CardModel[] = [];
    for (let i = 0; i < n; i++) {
        const group = next() < 0.8 ? 'key' : 'general';
        const mates = cards.filter(c => c.group === group);
        const parent = mates.length && next() < 0.85 ? mates[Math.floor(next() * mates.length)]!.id : null;
        cards.push({ id: `c${i}`, parent, group, foldedBelow: next() < 0.2 ? 3 : 0, dimmed: false, context: false, levels: null } as unknown as CardModel);
    }
    return cards;
}

describe('a power map that surely does not fit as a tree', () => {
    it('is never one that fits, and is told for deep or many cards', () => {
        const next = random(21);
        let told = 0;
        for (let k = 0; k < 400; k++) {
            const cards = chart(1 + Math.floor(next() * 60), next);
            const layout = layoutPowerMap(cards, { list: false, labelOf: (id, count) => `${id} ${count}`, aspect: 0.5 + next() * 2 });
            for (const [w, h] of [
                [layout.width, layout.height],
                [layout.width * 2, layout.height],
                [layout.width, layout.height * 1.01],
                [layout.width, layout.height * 5],
                [layout.width * 0.99, layout.height * 5],
                [layout.width * 0.9, layout.height * 3],
                [700 + next() * 1500, 400 + next() * 900],
            ] as const) {
                const fits = layout.width <= w && layout.height <= h;
                if (treeSurelyExceeds(cards, w, h)) {
                    expect(fits, `${cards.length} cards in ${w} × ${h}`).toBe(false);
                    told++;
                }
            }
        }
        expect(told).toBeGreaterThan(100);
        // a line of six managers is six levels tall
        const line = Array.from(
            { length: 6 },
            (_, i) => ({ id: `m${i}`, parent: i ? `m${i - 1}` : null, group: 'key', foldedBelow: 0, levels: null }) as unknown as CardModel,
        );
        expect(treeSurelyExceeds(line, 5000, 5 * CARD_H)).toBe(true);
        expect(treeSurelyExceeds(line, 5000, 6 * (CARD_H + 44) + 100)).toBe(false);
        // a manager's three reports side by side: three cards and two gaps wide, in the group's padding
        const three = [line[0]!, ...[1, 2, 3].map(i => ({ id: `r${i}`, parent: 'm0', group: 'key', foldedBelow: 0, levels: null }) as unknown as CardModel)];
        const wide = layoutPowerMap(three, { list: false, labelOf: id => id }).width;
        expect(treeSurelyExceeds(three, wide - 1, 5000)).toBe(true);
        expect(treeSurelyExceeds(three, wide, 5000)).toBe(false);
    });
});
