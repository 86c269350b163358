/**
 * Geometry of the influence lines between placed cards: a gentle curve (d3-shape's natural
 * spline through the bent middle) from the influencer's card border to the border of the person
 * influenced, bending to the left of its direction so that two people who influence each other
 * get two distinct lines and no line runs along an org-chart edge. Pure: no DOM.
 */
import { curveNatural, line } from 'd3-shape';
import type { PlacedCard } from './layout.js';
import type { InfluenceLine } from './models/influence.js';

export interface PlacedInfluence extends InfluenceLine {
    /** SVG path data, ending where the arrowhead's tip goes. */
    d: string;
}

type Point = [number, number];

/** Where the ray from the centre of `box` towards `toward` leaves the box (grown by `margin`). */
export function borderPoint(box: Pick<PlacedCard, 'x' | 'y' | 'w' | 'h'>, toward: Point, margin = 0): Point {
    const cx = box.x + box.w / 2;
    const cy = box.y + box.h / 2;
    const dx = toward[0] - cx;
    const dy = toward[1] - cy;
    if (dx === 0 && dy === 0) return [cx, cy];
    const hw = box.w / 2 + margin;
    const hh = box.h / 2 + margin;
    const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
    return [cx + dx * t, cy + dy * t];
}

const curve = line<Point>().curve(curveNatural).digits(1);

/** The path of each line whose two cards are placed. */
export function layoutInfluences(lines: readonly InfluenceLine[], cards: readonly PlacedCard[]): PlacedInfluence[] {
    const byId = new Map(cards.map(p => [p.card.id, p]));
    const out: PlacedInfluence[] = [];
    for (const l of lines) {
        const a = byId.get(l.from);
        const b = byId.get(l.to);
        if (!a || !b) continue;
        const ca: Point = [a.x + a.w / 2, a.y + a.h / 2];
        const cb: Point = [b.x + b.w / 2, b.y + b.h / 2];
        const dx = cb[0] - ca[0];
        const dy = cb[1] - ca[1];
        const len = Math.hypot(dx, dy) || 1;
        // bend to the left of the direction a → b, more for longer lines, within bounds
        const bend = Math.min(110, Math.max(36, len * 0.22));
        const nx = dy / len;
        const ny = -dx / len;
        const control: Point = [(ca[0] + cb[0]) / 2 + nx * bend, (ca[1] + cb[1]) / 2 + ny * bend];
        const start = borderPoint(a, control, 2);
        const end = borderPoint(b, control, 3);
        const middle: Point = [(start[0] + end[0]) / 2 + nx * bend * 0.55, (start[1] + end[1]) / 2 + ny * bend * 0.55];
        out.push({ ...l, d: curve([start, middle, end]) ?? '' });
    }
    return out;
}
