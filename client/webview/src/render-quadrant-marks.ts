/** The marks of the tier quadrant: a customer alone (a dot coloured by its tier), or a crowded cell's customers as one. */
import type { SubjectKey } from '@acct/contract';
import { makeItem, svg, type NavItem } from './dom.js';
import { cellSlot } from './grid-layout.js';
import type { QuadrantGroup, QuadrantPoint } from './models/quadrant.js';
import { BOX_RING, DOT_RING, dotRadius, groupBox } from './quadrant-compact.js';
import { boxedText } from './render-common.js';
import { texts } from './texts.js';

const LABEL_FONT = 11.5;
const LINE_H = 14;

/** What a mark is drawn in: its cell's box, and the look of the whole grid. */
export interface MarkPlace {
    cell: { x: number; y: number; w: number; h: number };
    /** Numbered dots, no names beside them (a narrow panel). */
    compact: boolean;
    cellH: number;
    /** The compact grid: the mark's centre, from the cell's rows (`packRows`); absent where they do not fit (an open cell's many customers, packed smaller and unnumbered). */
    spot?: { x: number; y: number };
}

/** The mark's position among the marks of its cell. */
export interface MarkSlot {
    slot: number;
    slotCount: number;
}

/** The slot's dot and the room for its label: the same for a customer and a group. */
function slotOf(at: MarkPlace, s: MarkSlot) {
    const slot = cellSlot(s.slot, s.slotCount, at.cell.w, at.cell.h, at.compact ? 9 : 8, at.compact ? 0 : 4);
    return { ...slot, x: at.cell.x + slot.cx, y: at.cell.y + slot.cy };
}

/** A customer's dot (the control itself: one element per customer keeps 5,000 customers fast), its name beside it or its number in it. */
export function drawPoint(pts: SVGGElement, p: QuadrantPoint, s: MarkSlot, at: MarkPlace, selected: string | null, number: number): NavItem {
    // in a compact cell's row, a dot as large as its number needs
    const slot = at.spot ? { ...at.spot, r: dotRadius(number), labelWidth: 0 } : slotOf(at, s);
    const { x, y } = slot;
    const cls = [
        'point',
        'q-point',
        'dot',
        p.tier ? `tier-${p.tier}` : 'no-tier',
        p.mismatch ? 'mismatch' : '',
        p.focused ? 'focused' : '',
        p.key === selected ? 'selected' : '',
    ]
        .filter(Boolean)
        .join(' ');
    const ring = at.spot ? DOT_RING : Math.max(2, slot.r * 0.45);
    if (p.mismatch) svg('circle', { class: 'mismatch-ring', cx: x, cy: y, r: slot.r + ring }, pts);
    const g = svg('circle', { class: cls, cx: x, cy: y, r: slot.r }, pts);
    makeItem(g, p.key, p.ariaLabel);
    if (at.compact) {
        if (number > 0) svg('text', { class: 'dot-number', x, y: y + 4, 'text-anchor': 'middle' }, pts, String(number));
    } else if (slot.labelWidth > 20) {
        // a long name on as many lines as its slot has room for; the whole of it on hover
        const maxLines = Math.max(1, Math.min(3, Math.floor((at.cellH - 16) / s.slotCount / LINE_H)));
        boxedText(pts, 'point-label', p.name, {
            x: x + slot.r + (p.mismatch ? 8 : 6),
            y: y + 4,
            width: slot.labelWidth - (p.mismatch ? 4 : 0),
            font: LABEL_FONT,
            maxLines,
            lineHeight: LINE_H,
            bold: p.focused,
            middle: true,
        });
    }
    const hit = Math.max(slot.r + 2, 4);
    return { key: p.key, el: g, x: x - hit, y: y - hit, w: 2 * hit, h: 2 * hit, tooltip: p.tooltip };
}

/**
 * A crowded cell's other customers as one mark: a square with their number in it, "12 customers"
 * beside it and how many of them have another tier than the table suggests (the dashed ring of
 * a mismatch round it); their names on hover and in its accessible label. `openable`: a click
 * shows them one by one (the editor).
 */
export function drawGroup(pts: SVGGElement, group: QuadrantGroup, s: MarkSlot, at: MarkPlace, selected: string | null, openable: boolean): NavItem {
    const t = texts();
    const slot = at.spot ? { ...at.spot, r: 0, labelWidth: 0 } : slotOf(at, s);
    const { x, y } = slot;
    const count = String(group.members.length);
    // a square, where a customer is a dot (numbered too in a narrow panel); the number fits in it: wider for more
    // digits (in a compact cell's row a box as wide as the count, as high as a square of two digits)
    const r = Math.max(slot.r + 1, 3.4 * count.length + 3);
    const box = at.spot ? groupBox(group.members.length) : { w: 2 * r, h: 2 * r };
    const ring = at.spot ? BOX_RING : 3;
    const [hw, hh] = [box.w / 2, box.h / 2];
    if (group.mismatches) {
        svg('rect', { class: 'mismatch-ring', x: x - hw - ring, y: y - hh - ring, width: box.w + 2 * ring, height: box.h + 2 * ring, rx: 6 }, pts);
    }
    const cls = ['point', 'q-group', group.mismatches ? 'mismatch' : '', group.key === selected ? 'selected' : ''].filter(Boolean).join(' ');
    const g = svg('rect', { class: cls, x: x - hw, y: y - hh, width: box.w, height: box.h, rx: 4 }, pts);
    makeItem(g, group.key as SubjectKey, group.ariaLabel);
    g.setAttribute('data-cell', group.cell);
    svg('text', { class: 'q-group-count', x, y: y + 4, 'text-anchor': 'middle' }, pts, count);
    const width = slot.labelWidth - (r - slot.r) - (group.mismatches ? 6 : 0);
    if (!at.compact && width > 20) {
        const left = x + r + (group.mismatches ? 9 : 6);
        const label = t.t('view.quadrant.group.label', { count: group.members.length });
        const box = { x: left, width, font: LABEL_FONT, maxLines: 1, lineHeight: 0 };
        if (group.mismatches) {
            boxedText(pts, 'point-label q-group-label', label, { ...box, y: y - 3 });
            boxedText(pts, 'point-label q-group-mismatches', t.t('view.quadrant.group.mismatches', { count: group.mismatches }), { ...box, y: y + 11 });
        } else {
            boxedText(pts, 'point-label q-group-label', label, { ...box, y: y + 4 });
        }
    }
    return {
        key: group.key as SubjectKey,
        el: g,
        x: x - hw - 2,
        y: y - hh - 2,
        w: box.w + 4,
        h: box.h + 4,
        tooltip: openable ? `${group.tooltip}\n\n${t.t('view.quadrant.group.open')}` : group.tooltip,
        ...(openable ? { open: group.cell } : {}),
    };
}
