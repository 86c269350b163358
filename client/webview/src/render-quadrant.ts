/** Tier quadrant: every customer by standing (vertical) and cooperation (horizontal). */
import { suggestedTiers } from '@acct/method';
import { makeItem, svg, tooltip, type NavItem, type RenderResult } from './dom.js';
import { cellSlot } from './grid-layout.js';
import { tierRegions, type QuadrantModel } from './models/quadrant.js';
import { axisTitles, boxedText } from './render-common.js';
import { texts } from './texts.js';

export const Q_CELL_W = 188;
export const Q_CELL_H = 112;
export const Q_LEFT = 92;
export const Q_TOP = 34;
const LABEL_FONT = 11.5;
const LINE_H = 14;

/** The lines between cells of different tiers: the regions' borders. */
function regionEdges(parent: Element): void {
    let d = '';
    for (let s = 1; s <= 5; s++) {
        for (let c = 1; c <= 5; c++) {
            const tier = suggestedTiers[s - 1]![c - 1];
            const cell = quadrantCell(s, c);
            if (c < 5 && suggestedTiers[s - 1]![c] !== tier) d += `M${cell.x + cell.w},${cell.y}v${cell.h}`;
            if (s > 1 && suggestedTiers[s - 2]![c - 1] !== tier) d += `M${cell.x},${cell.y + cell.h}h${cell.w}`;
        }
    }
    svg('path', { class: 'q-region-edge', d }, parent);
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
            const n = model.counts[s - 1]![c - 1]!;
            if (n > 4) svg('text', { class: 'q-cell-count', x: cell.x + cell.w - 6, y: cell.y + 13, 'text-anchor': 'end' }, g, `${n}`);
        }
    }
    regionEdges(grid);
    // each tier's name once, in its region
    for (const region of tierRegions(model.counts)) {
        const [s, c] = region.labelCell;
        const cell = quadrantCell(s, c);
        const g = svg('g', { class: `q-region tier-${region.tier}`, 'data-tier': region.tier }, grid);
        svg('text', { class: 'q-region-label', x: cell.x + cell.w - 7, y: cell.y + cell.h - 7, 'text-anchor': 'end' }, g, t.name('tiers', region.tier).toUpperCase());
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
            // a long name on as many lines as its slot has room for; the whole of it on hover
            const maxLines = Math.max(1, Math.min(3, Math.floor((Q_CELL_H - 16) / p.slotCount / LINE_H)));
            boxedText(pts, 'point-label', p.name, {
                x: x + slot.r + (p.mismatch ? 8 : 6), y: y + 4, width: slot.labelWidth - (p.mismatch ? 4 : 0),
                font: LABEL_FONT, maxLines, lineHeight: LINE_H, bold: p.focused, middle: true,
            });
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
            boxedText(list, 'unplotted-item', `${u.name} — ${u.reason}`, {
                x: Q_LEFT + 12, y: height + 24 + i * 17, width: gridW, font: LABEL_FONT, maxLines: 1, lineHeight: 0,
            });
        });
        if (model.unplotted.length > shown.length) {
            svg('text', { class: 'unplotted-item muted', x: Q_LEFT + 12, y: height + 24 + shown.length * 17 }, list,
                t.t('view.andMore', { count: model.unplotted.length - shown.length }));
        }
        height += 24 + (Math.min(8, model.unplotted.length) + 1) * 17;
    }
    return { items, width: Q_LEFT + gridW + 16, height };
}
