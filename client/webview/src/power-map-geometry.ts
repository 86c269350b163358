/** What the power map's layouts produce: cards, links and group boxes placed in content coordinates. */
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
    groups: PlacedGroup[];
    width: number;
    height: number;
}
