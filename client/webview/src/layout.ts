/**
 * Geometry for the views. Pure: no DOM. The power map is an org-chart forest laid out with
 * d3-hierarchy's tidy tree (Reingold–Tilford), with variable-width nodes so that a manager's
 * many leaf reports are stacked in columns instead of one endless row.
 */
import { hierarchy, tree, type HierarchyPointNode } from 'd3-hierarchy';
import type { CardGroup, CardModel } from './models/power-map.js';
import {
    forestOf,
    NOTE_H,
    NOTE_W,
    r,
    translatePath,
    type PackedGroup,
    type PlacedCard,
    type PlacedLink,
    type PlacedNote,
    type PowerMapLayout,
} from './power-map-geometry.js';
import { layoutList } from './power-map-list-layout.js';
import { estimateTextWidth, wrapText } from './text-metrics.js';

export const CARD_W = 232;
/** Room for the name, two lines of title and department, and the intimacy bar. */
export const CARD_H = 88;
/** Horizontal gap between sibling cards; cousins get twice as much. */
export const GAP_X = 20;
/** Vertical gap between org levels (links run here). */
export const GAP_Y = 44;
export const LEVEL = CARD_H + GAP_Y;
/** A manager with at least this many leaf reports gets them stacked in columns. */
export const STACK_MIN = 4;
export const STACK_INDENT = 18; // bus line sits in this indent, left of each stacked column
export const STACK_COL_GAP = 16;
const STACK_ROW_GAP = 12;
const TREE_GAP_X = 48;
const TREE_GAP_Y = 56;
export const GROUP_PAD = 18;
const GROUP_GAP = 40;
/** A group's title: its font, line height, and the room above its first line. */
export const GROUP_LABEL = { font: 12.5, line: 16, top: 21 } as const;

export type { PlacedCard, PlacedGroup, PlacedLink, PlacedNote, PowerMapLayout } from './power-map-geometry.js';

interface LNode {
    /** A card, a manager's leaf reports stacked, room kept under a stack, or the note of a deal's people folded under a card. */
    kind: 'card' | 'stack' | 'spacer' | 'note';
    /** A note's number of people. */
    count?: number;
    card?: CardModel;
    stack?: CardModel[];
    cols: number;
    rows: number;
    w: number;
    h: number;
    children: LNode[];
}

/** Leaf reports stack in columns of up to ten: tall rather than wide, as org charts are read. */
export function stackShape(n: number): { cols: number; rows: number } {
    const cols = Math.ceil(n / 10);
    return { cols, rows: Math.ceil(n / cols) };
}

function stackColumnX(left: number, col: number): number {
    return left + col * (STACK_INDENT + CARD_W + STACK_COL_GAP);
}

function makeStack(cards: CardModel[]): LNode {
    const { cols, rows } = stackShape(cards.length);
    const w = cols * (STACK_INDENT + CARD_W) + (cols - 1) * STACK_COL_GAP;
    const h = rows * CARD_H + (rows - 1) * STACK_ROW_GAP;
    const node: LNode = { kind: 'stack', stack: cards, cols, rows, w, h, children: [] };
    // Spacers reserve the stack's width on every org level it reaches down into, so that
    // the tidy-tree contours keep cousins' subtrees clear of it.
    let tail = node;
    for (let k = 1; k * LEVEL < h; k++) {
        const spacer: LNode = { kind: 'spacer', cols: 0, rows: 0, w, h: 0, children: [] };
        tail.children.push(spacer);
        tail = spacer;
    }
    return node;
}

interface TreeLayout {
    cards: PlacedCard[];
    links: PlacedLink[];
    notes: PlacedNote[];
    minX: number;
    maxX: number;
    height: number;
}

/** Whether a card has anything under it: reports drawn, or a deal's people folded. */
export function hasBelow(card: CardModel, childrenOf: Map<string, CardModel[]>): boolean {
    return !!childrenOf.get(card.id)?.length || card.foldedBelow > 0;
}

function layoutTree(root: CardModel, childrenOf: Map<string, CardModel[]>): TreeLayout {
    const build = (card: CardModel): LNode => {
        const kids = childrenOf.get(card.id) ?? [];
        const node: LNode = { kind: 'card', card, cols: 1, rows: 1, w: CARD_W, h: CARD_H, children: [] };
        const leaves = kids.filter(k => !hasBelow(k, childrenOf));
        if (leaves.length >= STACK_MIN) {
            for (const k of kids) if (hasBelow(k, childrenOf)) node.children.push(build(k));
            node.children.push(makeStack(leaves));
        } else {
            for (const k of kids) node.children.push(build(k));
        }
        // the people folded under this card hang where their branch does, after the reports drawn
        if (card.foldedBelow > 0) node.children.push({ kind: 'note', count: card.foldedBelow, cols: 1, rows: 1, w: NOTE_W, h: NOTE_H, children: [] });
        return node;
    };
    const h = hierarchy<LNode>(build(root), n => n.children);
    const laid: HierarchyPointNode<LNode> = tree<LNode>()
        .nodeSize([1, LEVEL])
        .separation((a, b) => (a.data.w + b.data.w) / 2 + (a.parent === b.parent ? GAP_X : GAP_X * 2))(h);

    const cards: PlacedCard[] = [];
    const links: PlacedLink[] = [];
    const notes: PlacedNote[] = [];
    let minX = Infinity;
    let maxX = -Infinity;
    let height = 0;
    laid.each(n => {
        const d = n.data;
        if (d.kind === 'spacer') return;
        const left = n.x - d.w / 2;
        minX = Math.min(minX, left);
        maxX = Math.max(maxX, left + d.w);
        height = Math.max(height, n.y + d.h);
        if (d.kind === 'card') {
            cards.push({ card: d.card!, x: left, y: n.y, w: CARD_W, h: CARD_H });
        } else if (d.kind === 'note') {
            notes.push({ x: left, y: n.y, w: d.w, h: d.h, count: d.count!, under: n.parent!.data.card!.id });
        } else {
            d.stack!.forEach((card, i) => {
                const col = Math.floor(i / d.rows);
                const row = i % d.rows;
                cards.push({
                    card,
                    x: stackColumnX(left, col) + STACK_INDENT,
                    y: n.y + row * (CARD_H + STACK_ROW_GAP),
                    w: CARD_W,
                    h: CARD_H,
                });
            });
        }
        const parent = n.parent;
        if (!parent) return;
        const pc = parent.data.card!;
        const px = parent.x;
        const py = parent.y + CARD_H;
        const midY = py + GAP_Y / 2;
        if (d.kind === 'card' || d.kind === 'note') {
            links.push({
                d: `M${r(px)},${r(py)}V${r(midY)}H${r(n.x)}V${r(n.y)}`,
                dimmed: pc.dimmed || d.kind === 'note' || d.card!.dimmed,
            });
        } else {
            // bus: down from the manager, across above the columns, down each column, stubs to cards
            const count = d.stack!.length;
            for (let col = 0; col < d.cols; col++) {
                const busX = stackColumnX(left, col) + STACK_INDENT / 2;
                const first = col * d.rows;
                const last = Math.min(count, first + d.rows) - 1;
                const lastY = n.y + (last - first) * (CARD_H + STACK_ROW_GAP) + CARD_H / 2;
                let path = `M${r(px)},${r(py)}V${r(midY)}H${r(busX)}V${r(lastY)}`;
                for (let i = first; i <= last; i++) {
                    const cy = n.y + (i - first) * (CARD_H + STACK_ROW_GAP) + CARD_H / 2;
                    path += `M${r(busX)},${r(cy)}H${r(busX + STACK_INDENT / 2)}`;
                }
                const colCards = d.stack!.slice(first, last + 1);
                links.push({ d: path, dimmed: pc.dimmed || colCards.every(c => c.dimmed) });
            }
        }
    });
    return { cards, links, notes, minX, maxX, height };
}

function translateLinks(links: PlacedLink[], dx: number, dy: number): PlacedLink[] {
    if (dx === 0 && dy === 0) return links;
    return links.map(l => ({ dimmed: l.dimmed, d: translatePath(l.d, dx, dy) }));
}

/** Lays out the forest of one group and packs its trees into rows (reading order kept); `loose` people folded under no one drawn, in a note at the end. */
function layoutGroup(cards: CardModel[], loose: number): PackedGroup {
    const { roots, childrenOf } = forestOf(cards);
    // Lone roots (no reports) are gathered and stacked like a manager's leaf reports, in a grid.
    const trees = roots.filter(c => hasBelow(c, childrenOf)).map(c => layoutTree(c, childrenOf));
    const loners = roots.filter(c => !hasBelow(c, childrenOf));
    if (loners.length) {
        const perRow = Math.max(1, Math.min(loners.length, Math.ceil(Math.sqrt(loners.length * 1.8))));
        const lonerCards: PlacedCard[] = loners.map((card, i) => ({
            card,
            x: (i % perRow) * (CARD_W + GAP_X),
            y: Math.floor(i / perRow) * (CARD_H + GAP_X),
            w: CARD_W,
            h: CARD_H,
        }));
        const rows = Math.ceil(loners.length / perRow);
        trees.push({
            cards: lonerCards,
            links: [],
            notes: [],
            minX: 0,
            maxX: Math.min(loners.length, perRow) * (CARD_W + GAP_X) - GAP_X,
            height: rows * (CARD_H + GAP_X) - GAP_X,
        });
    }
    if (loose > 0)
        trees.push({ cards: [], links: [], notes: [{ x: 0, y: 0, w: NOTE_W, h: NOTE_H, count: loose, under: null }], minX: 0, maxX: NOTE_W, height: NOTE_H });
    if (!trees.length) return { cards: [], links: [], notes: [], width: 0, height: 0 };
    const widest = trees.reduce((w, t) => Math.max(w, t.maxX - t.minX), -Infinity);
    const area = trees.reduce((s, t) => s + (t.maxX - t.minX + TREE_GAP_X) * (t.height + TREE_GAP_Y), 0);
    const rowLimit = Math.max(widest, Math.sqrt((area * 16) / 9), 4 * (CARD_W + GAP_X));

    const out: PackedGroup = { cards: [], links: [], notes: [], width: 0, height: 0 };
    let x = 0;
    let y = 0;
    let rowH = 0;
    for (const t of trees) {
        const w = t.maxX - t.minX;
        if (x > 0 && x + w > rowLimit) {
            x = 0;
            y += rowH + TREE_GAP_Y;
            rowH = 0;
        }
        const dx = x - t.minX;
        for (const c of t.cards) out.cards.push({ ...c, x: c.x + dx, y: c.y + y });
        for (const n of t.notes) out.notes.push({ ...n, x: n.x + dx, y: n.y + y });
        for (const link of translateLinks(t.links, dx, y)) out.links.push(link);
        x += w + TREE_GAP_X;
        rowH = Math.max(rowH, t.height);
        out.width = Math.max(out.width, x - TREE_GAP_X);
    }
    out.height = y + rowH;
    return out;
}

/** Aspect ratio the power map aims for (a landscape editor column). */
const TARGET_ASPECT = 1.6;

export interface PowerMapLayoutOptions {
    /** An indented list for a narrow panel instead of the org-chart tree. */
    list: boolean;
    /** The title of a group of `count` cards. */
    labelOf(id: CardGroup, count: number): string;
    /** The shape of the room the picture is for (width / height): the tree places its groups to suit it. */
    aspect?: number;
    /** A list's room in width: its groups stand side by side when they fit it. */
    width?: number;
    /** A deal's people folded by group where no one of their branch is drawn (their group is drawn for them, with its note). */
    loose?: Partial<Record<CardGroup, number>>;
}

/**
 * The whole power map: the key-layer forest and, in its own box, the general layer (no role),
 * below it or beside it — whichever arrangement is closer to the shape of the room; in a list, beside
 * it when the room is wide enough, else below.
 */
export function layoutPowerMap(cards: readonly CardModel[], options: PowerMapLayoutOptions = { list: false, labelOf: id => id }): PowerMapLayout {
    const result: PowerMapLayout = { cards: [], links: [], notes: [], groups: [], width: 0, height: 0 };
    const packed = (['key', 'general'] as const)
        .map(id => ({ id, members: cards.filter(c => c.group === id), loose: options.loose?.[id] ?? 0 }))
        .filter(g => g.members.length || g.loose)
        .map(g => {
            const p = options.list ? layoutList(g.members, CARD_H, g.loose) : layoutGroup(g.members, g.loose);
            // the group's people: those drawn and those folded
            const count = g.members.reduce((n, c) => n + 1 + c.foldedBelow, g.loose);
            const text = options.labelOf(g.id, count);
            // a card wide at least; a group of folded people alone as wide as its title (up to two cards)
            const titleW = g.members.length ? 0 : Math.min(estimateTextWidth(text, GROUP_LABEL.font, true) + 2, 2 * CARD_W);
            const w = Math.max(p.width, CARD_W, titleW) + 2 * GROUP_PAD;
            const wrapped = wrapText(text, w - 2 * GROUP_PAD, GROUP_LABEL.font, 2, true);
            const label = { text, lines: wrapped.lines, cut: wrapped.truncated };
            const labelH = GROUP_LABEL.top + (label.lines.length - 1) * GROUP_LABEL.line + 9;
            return { id: g.id, count, p, w, label, labelH, h: p.height + labelH + GROUP_PAD * 1.5 };
        });
    let side = false;
    if (packed.length === 2) {
        const [a, b] = packed as [(typeof packed)[0], (typeof packed)[0]];
        if (options.list) {
            side = a.w + GROUP_GAP + b.w <= (options.width ?? 0);
        } else {
            const target = options.aspect && Number.isFinite(options.aspect) && options.aspect > 0 ? options.aspect : TARGET_ASPECT;
            const score = (w: number, h: number): number => Math.abs(Math.log(w / h / target));
            side = score(a.w + GROUP_GAP + b.w, Math.max(a.h, b.h)) < score(Math.max(a.w, b.w), a.h + GROUP_GAP + b.h);
        }
    }
    let x = 0;
    let y = 0;
    for (const g of packed) {
        const ox = x + GROUP_PAD;
        const oy = y + g.labelH + GROUP_PAD / 2;
        // reading order: top to bottom, left to right (used for Tab order)
        const placed = g.p.cards.map(c => ({ ...c, x: c.x + ox, y: c.y + oy }));
        placed.sort((a, b) => a.y - b.y || a.x - b.x);
        for (const card of placed) result.cards.push(card);
        for (const n of g.p.notes) result.notes.push({ ...n, x: n.x + ox, y: n.y + oy });
        for (const link of translateLinks(g.p.links, ox, oy)) result.links.push(link);
        result.groups.push({ id: g.id, x, y, w: g.w, h: g.h, count: g.count, label: g.label });
        if (side) x += g.w + GROUP_GAP;
        else y += g.h + GROUP_GAP;
    }
    if (side) {
        const h = result.groups.reduce((m, g) => Math.max(m, g.h), -Infinity);
        for (const g of result.groups) g.h = h;
    } else {
        const w = Math.max(0, ...result.groups.map(g => g.w));
        for (const g of result.groups) g.w = w;
    }
    result.width = Math.max(0, ...result.groups.map(g => g.x + g.w));
    result.height = Math.max(0, ...result.groups.map(g => g.y + g.h));
    return result;
}
