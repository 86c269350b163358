/**
 * Geometry of the influence lines between placed cards: a quadratic curve (d3-path) from the
 * influencer's card border to the border of the person influenced. Its bend is chosen among a
 * few, to either side, as the one that crosses the fewest other cards (then the gentlest): a line
 * hidden behind a third card would seem to come from that card. Bending also keeps two people who
 * influence each other on two distinct lines, and no line along an org-chart edge. Pure: no DOM.
 */
import { pathRound } from 'd3-path';
import type { PlacedCard } from './layout.js';
import type { InfluenceLine } from './models/influence.js';

export interface PlacedInfluence extends InfluenceLine {
    /** SVG path data, ending where the arrowhead's tip goes. */
    d: string;
}

type Point = [number, number];
type Box = Pick<PlacedCard, 'x' | 'y' | 'w' | 'h'>;

/** Where the ray from the centre of `box` towards `toward` leaves the box (grown by `margin`). */
export function borderPoint(box: Box, toward: Point, margin = 0): Point {
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

/** Bends tried in order of preference, as fractions of the distance between the two cards, to the left (+) and right (−). */
const BENDS = [0.22, -0.22, 0.12, -0.12, 0.45, -0.45, 0.75, -0.75, 1.2, -1.2];
const SAMPLES = 24;

interface Curve {
    start: Point;
    control: Point;
    end: Point;
}

/** The picture's extent: a curve bends no further out (its control point stays inside, so does the curve). */
export interface Bounds {
    width: number;
    height: number;
}

function curveFor(a: Box, b: Box, bend: number, bounds?: Bounds): Curve {
    const ca: Point = [a.x + a.w / 2, a.y + a.h / 2];
    const cb: Point = [b.x + b.w / 2, b.y + b.h / 2];
    const dx = cb[0] - ca[0];
    const dy = cb[1] - ca[1];
    const len = Math.hypot(dx, dy) || 1;
    const off = Math.sign(bend) * Math.min(260, Math.max(40, len * Math.abs(bend)));
    const control: Point = [(ca[0] + cb[0]) / 2 + (dy / len) * off * 2, (ca[1] + cb[1]) / 2 - (dx / len) * off * 2];
    // a line that left the picture would enter the panel from its edge, its source out of sight
    if (bounds) {
        control[0] = Math.max(0, Math.min(bounds.width, control[0]));
        control[1] = Math.max(0, Math.min(bounds.height, control[1]));
    }
    return { start: borderPoint(a, control, 2), control, end: borderPoint(b, control, 3) };
}

const CELL = 256;
/** How close to a card a curve may pass. */
const MARGIN = 4;

/** The cards by the grid cells they touch (grown by the margin): the cards near a point without looking at all of them. */
function gridOf(cards: readonly PlacedCard[]): (x: number, y: number) => readonly PlacedCard[] {
    const grid = new Map<string, PlacedCard[]>();
    for (const p of cards) {
        for (let gx = Math.floor((p.x - MARGIN) / CELL); gx <= Math.floor((p.x + p.w + MARGIN) / CELL); gx++) {
            for (let gy = Math.floor((p.y - MARGIN) / CELL); gy <= Math.floor((p.y + p.h + MARGIN) / CELL); gy++) {
                const k = `${gx},${gy}`;
                const list = grid.get(k);
                if (list) list.push(p);
                else grid.set(k, [p]);
            }
        }
    }
    return (x, y) => grid.get(`${Math.floor(x / CELL)},${Math.floor(y / CELL)}`) ?? [];
}

/** How many cards other than its own two the curve passes through. */
function crossings(c: Curve, cardsAt: (x: number, y: number) => readonly PlacedCard[], own: readonly PlacedCard[]): number {
    const hit = new Set<PlacedCard>();
    // a sample at least every 30 px, so that no card slips between two
    const length = Math.hypot(c.control[0] - c.start[0], c.control[1] - c.start[1]) + Math.hypot(c.end[0] - c.control[0], c.end[1] - c.control[1]);
    const n = Math.max(SAMPLES, Math.ceil(length / 30));
    for (let i = 1; i < n; i++) {
        const t = i / n;
        const u = 1 - t;
        const x = u * u * c.start[0] + 2 * u * t * c.control[0] + t * t * c.end[0];
        const y = u * u * c.start[1] + 2 * u * t * c.control[1] + t * t * c.end[1];
        for (const o of cardsAt(x, y)) {
            if (!own.includes(o) && x > o.x - MARGIN && x < o.x + o.w + MARGIN && y > o.y - MARGIN && y < o.y + o.h + MARGIN) hit.add(o);
        }
    }
    return hit.size;
}

/** The path of each line whose two cards are placed, inside `bounds` when given. */
export function layoutInfluences(lines: readonly InfluenceLine[], cards: readonly PlacedCard[], bounds?: Bounds): PlacedInfluence[] {
    if (!lines.length) return [];
    const byId = new Map(cards.map(p => [p.card.id, p]));
    const cardsAt = gridOf(cards);
    const out: PlacedInfluence[] = [];
    for (const l of lines) {
        const a = byId.get(l.from);
        const b = byId.get(l.to);
        if (!a || !b) continue;
        let best: { c: Curve; score: number } | null = null;
        for (const bend of BENDS) {
            const c = curveFor(a, b, bend, bounds);
            const score = crossings(c, cardsAt, [a, b]);
            if (!best || score < best.score) best = { c, score };
            if (score === 0) break;
        }
        const p = pathRound(1);
        p.moveTo(best!.c.start[0], best!.c.start[1]);
        p.quadraticCurveTo(best!.c.control[0], best!.c.control[1], best!.c.end[0], best!.c.end[1]);
        out.push({ ...l, d: p.toString() });
    }
    return out;
}
