/**
 * Geometry of the fishbone. Pure: no DOM. Wide: the spine runs left to right to the head ("win
 * the bid") with the bones alternately above and below it, the commercial evaluation furthest
 * from the head and the final decision nearest — as in seed 000. Narrow (a side panel): the head
 * on top and the spine running down, bones alternately right and left. Either way each bone
 * slants away from the head and its people hang along it, slot 0 nearest the spine; d3-scale maps
 * slots to distances along a bone and d3-shape draws the lines.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { DealChoice, FishBone, FishboneModel, FishPerson } from './models/fishbone.js';

export type Orientation = 'horizontal' | 'vertical';
export type Pt = [number, number];

export const PERSON_W = 172;
export const PERSON_H = 34;
export const HEAD_W = 136;
export const HEAD_H = 78;
export const CHOICE_W = 340;
export const CHOICE_H = 42;
const PITCH = PERSON_H + 10;
/** Below this stage width the fishbone stands upright. */
export const UPRIGHT_BELOW = 760;
/** Spacing: around the picture; between a bone and its cards; from the spine to the first card; between
 * two junctions on the spine; between two bones on the same side; from a bone's end to its name. */
const { PAD, HANG, FIRST, MIN_STEP, GAP_SAME, LABEL_GAP } = { PAD: 24, HANG: 8, FIRST: 20, MIN_STEP: 70, GAP_SAME: 28, LABEL_GAP: 20 } as const;
export const LABEL_LINE = 14;
/** How far a bone leans per pixel of its length: away from the head (wide), outwards (narrow). */
const LEAN = { horizontal: 0.34, vertical: 0.5 } as const;

export interface Box {
    x: number;
    y: number;
    w: number;
    h: number;
}
export interface PlacedPerson extends Box {
    person: FishPerson;
    /** The short line from the bone to the card, when on a bone. */
    tick: [Pt, Pt] | null;
}
export interface PlacedBone {
    bone: FishBone;
    /** From the junction on the spine to the bone's far end. */
    ends: [Pt, Pt];
    d: string;
    /** The bone's name at its far end: one line when the fishbone lies, two when it stands. */
    label: { x: number; y: number; anchor: 'start' | 'end' | 'middle'; lines: string[] };
    people: PlacedPerson[];
}
export interface FishboneLayout {
    orientation: Orientation;
    width: number;
    height: number;
    spine: string;
    head: Box | null;
    bones: PlacedBone[];
    ungrouped: { box: Box; people: PlacedPerson[] } | null;
    choices: Array<Box & { choice: DealChoice }>;
}

const path = line<Pt>().digits(1);

export function orientationFor(stageWidth: number): Orientation {
    return stageWidth > 0 && stageWidth < UPRIGHT_BELOW ? 'vertical' : 'horizontal';
}

/** One bone relative to its junction (0,0) on the spine; `side` -1 above/left, +1 below/right. */
function boneShape(bone: FishBone, o: Orientation, side: number): { bone: PlacedBone; min: Pt; max: Pt } {
    const n = bone.people.length;
    const along = scaleLinear()
        .domain([0, 1])
        .range([FIRST + PERSON_H / 2, FIRST + PERSON_H / 2 + PITCH]);
    const lean = LEAN[o];
    const people: PlacedPerson[] = bone.people.map((person, k) => {
        const d = along(k);
        if (o === 'horizontal') {
            const right = -lean * d - HANG;
            return {
                person,
                x: right - PERSON_W,
                y: side * d - PERSON_H / 2,
                w: PERSON_W,
                h: PERSON_H,
                tick: [
                    [right, side * d],
                    [right + HANG, side * d],
                ],
            };
        }
        const inner = side * (lean * d + HANG);
        return {
            person,
            x: side > 0 ? inner : inner - PERSON_W,
            y: d - PERSON_H / 2,
            w: PERSON_W,
            h: PERSON_H,
            tick: [
                [inner, d],
                [inner - side * HANG, d],
            ],
        };
    });
    const end = along(Math.max(n, 1) - 0.35);
    const tip: Pt = o === 'horizontal' ? [-lean * end, side * end] : [side * lean * end, end];
    const text = `${bone.label.toUpperCase()} (${n})`;
    const space = text.indexOf(' ');
    const lines = o === 'horizontal' || space < 0 ? [text] : [text.slice(0, space), text.slice(space + 1)];
    const label: PlacedBone['label'] =
        o === 'horizontal'
            ? { x: tip[0] + 6, y: tip[1] + side * LABEL_GAP * 0.8 + (side > 0 ? 4 : 0), anchor: 'end', lines }
            : { x: tip[0] + side * 4, y: tip[1] + LABEL_GAP, anchor: side > 0 ? 'start' : 'end', lines };
    const labelW = 9 * Math.max(...lines.map(l => l.length));
    const xs = [0, tip[0], ...people.flatMap(p => [p.x, p.x + p.w]), label.anchor === 'end' ? label.x - labelW : label.x + labelW, label.x];
    const ys = [0, tip[1], ...people.flatMap(p => [p.y, p.y + p.h]), label.y - 12, label.y + 4 + (lines.length - 1) * LABEL_LINE];
    return {
        bone: { bone, ends: [[0, 0], tip], d: '', label, people },
        min: [Math.min(...xs), Math.min(...ys)],
        max: [Math.max(...xs), Math.max(...ys)],
    };
}

function shift(b: PlacedBone, dx: number, dy: number): PlacedBone {
    const ends: [Pt, Pt] = [
        [b.ends[0][0] + dx, b.ends[0][1] + dy],
        [b.ends[1][0] + dx, b.ends[1][1] + dy],
    ];
    return {
        bone: b.bone,
        ends,
        d: path(ends) ?? '',
        label: { ...b.label, x: b.label.x + dx, y: b.label.y + dy },
        people: b.people.map(p => ({
            ...p,
            x: p.x + dx,
            y: p.y + dy,
            tick: p.tick && [
                [p.tick[0][0] + dx, p.tick[0][1] + dy],
                [p.tick[1][0] + dx, p.tick[1][1] + dy],
            ],
        })),
    };
}

/** Junction positions along the spine: each bone clear of the one before it and of the last on its side. */
function junctions(extents: Array<{ before: number; after: number }>, start: number): number[] {
    const at: number[] = [];
    extents.forEach((e, i) => {
        let p = start + e.before;
        if (i >= 1) p = Math.max(p, at[i - 1]! + MIN_STEP);
        if (i >= 2) p = Math.max(p, at[i - 2]! + extents[i - 2]!.after + GAP_SAME + e.before);
        at.push(p);
    });
    return at;
}

function layoutBones(model: FishboneModel, o: Orientation): Omit<FishboneLayout, 'ungrouped' | 'choices'> {
    if (o === 'horizontal') {
        // tail on the left, head on the right: commercial … final; above, below, above, below
        const shapes = model.bones.map((b, i) => boneShape(b, o, i % 2 === 0 ? -1 : 1));
        const xs = junctions(
            shapes.map(s => ({ before: -s.min[0], after: s.max[0] })),
            PAD,
        );
        const spineY = PAD + Math.max(HEAD_H / 2, ...shapes.filter((_, i) => i % 2 === 0).map(s => -s.min[1]));
        const below = Math.max(HEAD_H / 2, ...shapes.filter((_, i) => i % 2 === 1).map(s => s.max[1]));
        const headX = xs[xs.length - 1]! + Math.max(0, shapes[shapes.length - 1]!.max[0]) + 30;
        return {
            orientation: o,
            width: headX + HEAD_W + PAD,
            height: spineY + below + PAD,
            spine:
                path([
                    [PAD / 2, spineY],
                    [headX, spineY],
                ]) ?? '',
            head: { x: headX, y: spineY - HEAD_H / 2, w: HEAD_W, h: HEAD_H },
            bones: shapes.map((s, i) => shift(s.bone, xs[i]!, spineY)),
        };
    }
    // head on top, spine downwards: final … commercial; right, left, right, left
    const order = [...model.bones].reverse();
    const shapes = order.map((b, i) => boneShape(b, o, i % 2 === 0 ? 1 : -1));
    const headBottom = PAD + HEAD_H + 14;
    const ys = junctions(
        shapes.map(s => ({ before: -s.min[1], after: s.max[1] })),
        headBottom + 18,
    );
    const spineX = PAD + Math.max(HEAD_W / 2, ...shapes.filter((_, i) => i % 2 === 1).map(s => -s.min[0]));
    const right = Math.max(HEAD_W / 2, ...shapes.filter((_, i) => i % 2 === 0).map(s => s.max[0]));
    const bottom = Math.max(...shapes.map((s, i) => ys[i]! + s.max[1]));
    return {
        orientation: o,
        width: spineX + right + PAD,
        height: bottom + PAD,
        spine:
            path([
                [spineX, headBottom],
                [spineX, ys[ys.length - 1]! + 16],
            ]) ?? '',
        head: { x: spineX - HEAD_W / 2, y: PAD, w: HEAD_W, h: HEAD_H + 14 },
        bones: shapes.map((s, i) => shift(s.bone, spineX, ys[i]!)).reverse(),
    };
}

/** The people without a group, in a grid under the fishbone, as wide as it. */
function layoutApart(people: readonly FishPerson[], top: number, width: number): FishboneLayout['ungrouped'] {
    if (!people.length) return null;
    const cols = Math.max(1, Math.floor((width - 2 * PAD + 12) / (PERSON_W + 12)));
    const rows = Math.ceil(people.length / cols);
    const box = { x: PAD, y: top, w: Math.max(width - 2 * PAD, PERSON_W + 24), h: 74 + rows * PITCH };
    return {
        box,
        people: people.map((person, i) => ({
            person,
            x: box.x + 12 + (i % cols) * (PERSON_W + 12),
            y: box.y + 70 + Math.floor(i / cols) * PITCH,
            w: PERSON_W,
            h: PERSON_H,
            tick: null,
        })),
    };
}

export function layoutFishbone(model: FishboneModel, orientation: Orientation): FishboneLayout {
    if (!model.shown.opportunity) {
        const choices = model.choices.map((choice, i) => ({ choice, x: PAD, y: PAD + 46 + i * (CHOICE_H + 10), w: CHOICE_W, h: CHOICE_H }));
        return {
            orientation,
            width: CHOICE_W + 2 * PAD,
            height: PAD * 2 + 46 + choices.length * (CHOICE_H + 10),
            spine: '',
            head: null,
            bones: [],
            ungrouped: null,
            choices,
        };
    }
    const base = layoutBones(model, orientation);
    const ungrouped = layoutApart(model.ungrouped, base.height, base.width);
    return { ...base, height: ungrouped ? ungrouped.box.y + ungrouped.box.h + PAD : base.height, ungrouped, choices: [] };
}
