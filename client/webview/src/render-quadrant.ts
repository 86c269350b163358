/** Tier quadrant: every customer by standing (vertical) and cooperation (horizontal). */
import { suggestedTiers } from '@acct/method';
import { makeItem, svg, tooltip, type NavItem, type RenderResult } from './dom.js';
import { cellSlot } from './layout.js';
import type { QuadrantModel } from './models/quadrant.js';
import { axisTitles } from './render-common.js';
import { estimateTextWidth, fitText } from './text-metrics.js';
import { texts } from './texts.js';

export const Q_CELL_W = 188;
export const Q_CELL_H = 112;
export const Q_LEFT = 92;
export const Q_TOP = 34;
const LABEL_FONT = 11.5;

/** A name on one line, or on two (the second truncated) when it is too long. */
function wrapTwoLines(name: string, width: number, bold: boolean): string[] {
    const one = fitText(name, width, LABEL_FONT, bold);
    if (!one.truncated) return [one.text];
    const words = name.replace(/\s+/g, ' ').trim().split(' ');
    let first = '';
    let i = 0;
    for (; i < words.length; i++) {
        const next = first ? `${first} ${words[i]}` : words[i]!;
        if (estimateTextWidth(next, LABEL_FONT, bold) > width) break;
        first = next;
    }
    if (!first) return [one.text]; // a single overlong word: truncate
    return [first, fitText(words.slice(i).join(' '), width, LABEL_FONT, bold).text];
}

/** Top-left corner of the cell for (standing, cooperation), in content coordinates. */
export function quadrantCell(standing: number, cooperation: number): { x: number; y: number; w: number; h: number } {
    return { x: Q_LEFT + (cooperation - 1) * Q_CELL_W, y: Q_TOP + (5 - standing) * Q_CELL_H, w: Q_CELL_W, h: Q_CELL_H };
}

export function renderQuadrant(layer: SVGGElement, model: QuadrantModel, selected: string | null): RenderResult {
    const gridW = 5 * Q_CELL_W;
    const gridH = 5 * Q_CELL_H;
    const t = texts();
    const grid = svg('g', { class: 'q-grid' }, layer);
    for (let s = 1; s <= 5; s++) {
        for (let c = 1; c <= 5; c++) {
            const cell = quadrantCell(s, c);
            const tier = suggestedTiers[s - 1]![c - 1]!;
            const g = svg('g', { class: `q-cell tier-${tier}`, 'data-standing': s, 'data-cooperation': c, 'data-tier': tier }, grid);
            tooltip(g, t.t('view.quadrant.cell', { standing: s, cooperation: c, tier: t.name('tiers', tier) }));
            svg('rect', { class: 'q-cell-bg', x: cell.x, y: cell.y, width: cell.w, height: cell.h }, g);
            svg('text', { class: 'q-cell-label', x: cell.x + cell.w - 6, y: cell.y + cell.h - 6, 'text-anchor': 'end' }, g, t.name('tiers', tier).toUpperCase());
            const n = model.counts[s - 1]![c - 1]!;
            if (n > 4) svg('text', { class: 'q-cell-count', x: cell.x + cell.w - 6, y: cell.y + 13, 'text-anchor': 'end' }, g, `${n}`);
        }
    }
    svg('rect', { class: 'q-frame', x: Q_LEFT, y: Q_TOP, width: gridW, height: gridH }, grid);
    // axes
    const axes = svg('g', { class: 'axes' }, layer);
    for (let i = 1; i <= 5; i++) {
        svg('text', { class: 'tick', x: Q_LEFT + (i - 0.5) * Q_CELL_W, y: Q_TOP + gridH + 18, 'text-anchor': 'middle' }, axes, String(i));
        svg('text', { class: 'tick', x: Q_LEFT - 10, y: Q_TOP + (5 - i + 0.5) * Q_CELL_H + 4, 'text-anchor': 'end' }, axes, String(i));
    }
    axisTitles(axes,
        { x: Q_LEFT + gridW / 2, y: Q_TOP + gridH + 42, text: t.t('view.quadrant.axisX') },
        { x: Q_LEFT - 40, y: Q_TOP + gridH / 2, text: t.t('view.quadrant.axisY') });
    svg('text', { class: 'view-note', x: Q_LEFT, y: Q_TOP - 12 }, axes,
        t.t('view.quadrant.note', { customers: model.points.length, mismatches: model.mismatches }));

    const pts = svg('g', { class: 'q-points' }, layer);
    const items: NavItem[] = [];
    for (const p of model.points) {
        const cell = quadrantCell(p.standing, p.cooperation);
        const slot = cellSlot(p.slot, p.slotCount, cell.w, cell.h, 8);
        const cls = ['point', 'q-point', 'dot', p.tier ? `tier-${p.tier}` : 'no-tier', p.mismatch ? 'mismatch' : '',
            p.focused ? 'focused' : '', p.key === selected ? 'selected' : ''].filter(Boolean).join(' ');
        const x = cell.x + slot.cx;
        const y = cell.y + slot.cy;
        if (p.mismatch) svg('circle', { class: 'mismatch-ring', cx: x, cy: y, r: slot.r + Math.max(2, slot.r * 0.45) }, pts);
        // the dot itself is the control: one element per customer keeps 5,000 customers fast
        const g = svg('circle', { class: cls, cx: x, cy: y, r: slot.r }, pts);
        makeItem(g, p.key, p.ariaLabel);
        if (slot.labelWidth > 20) {
            const width = slot.labelWidth - (p.mismatch ? 4 : 0);
            const lx = x + slot.r + (p.mismatch ? 8 : 6);
            const lines = p.slotCount <= 2 ? wrapTwoLines(p.name, width, p.focused) : [fitText(p.name, width, LABEL_FONT, p.focused).text];
            const text = svg('text', { class: 'point-label', x: lx, y: y + 4 - (lines.length - 1) * 7 }, pts);
            lines.forEach((line, i) => svg('tspan', { x: lx, dy: i ? 14 : 0 }, text, line));
        }
        const hit = Math.max(slot.r + 2, 4);
        items.push({ key: p.key, el: g, x: x - hit, y: y - hit, w: 2 * hit, h: 2 * hit, tooltip: p.tooltip });
    }
    let height = Q_TOP + gridH + 54;
    if (model.unplotted.length) {
        const list = svg('g', { class: 'unplotted' }, layer);
        svg('text', { class: 'view-note', x: Q_LEFT, y: height + 6 }, list,
            t.t('view.quadrant.unplotted', { count: model.unplotted.length }));
        const shown = model.unplotted.slice(0, 8);
        shown.forEach((u, i) => {
            const fit = fitText(`${u.name} — ${u.reason}`, gridW, LABEL_FONT);
            const t = svg('text', { class: 'unplotted-item', x: Q_LEFT + 12, y: height + 24 + i * 17 }, list, fit.text);
            tooltip(t, `${u.name} — ${u.reason}`);
        });
        if (model.unplotted.length > shown.length) {
            svg('text', { class: 'unplotted-item muted', x: Q_LEFT + 12, y: height + 24 + shown.length * 17 }, list,
                t.t('view.andMore', { count: model.unplotted.length - shown.length }));
        }
        height += 24 + (Math.min(8, model.unplotted.length) + 1) * 17;
    }
    return { items, width: Q_LEFT + gridW + 16, height };
}
