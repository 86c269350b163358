/** Intimacy × support: contacts of the shown customer, with the method's readings as zones. */
import type { Support } from '@acct/contract';
import { INTIMACY_LEVELS, intimacyText, roleMeanings, SUPPORT_LEVELS, supportText, ZONES } from '@acct/method';
import { makeItem, svg, tooltip, type NavItem, type RenderResult } from './dom.js';
import { cellSlot } from './layout.js';
import type { IntimacyModel } from './models/intimacy.js';
import { axisTitles, findingMarker, supportClass } from './render-common.js';
import { estimateTextWidth, fitText } from './text-metrics.js';
import { supportWords } from './models/common.js';
import { texts } from './texts.js';

export const I_CELL_W = 132;
export const I_CELL_H = 72;
export const I_LEFT = 96;
export const I_TOP = 58;
const UNKNOWN_GAP = 22;
const BOTTOM_LABEL_GAP = 34;
const LABEL_FONT = 11.5;

/** Intimacy rows from the top: 3 … -3, then unknown. */
const INTIMACY_ROWS: readonly (number | null)[] = [...[...INTIMACY_LEVELS].reverse(), null];

export function intimacyColumnX(s: Support): number {
    if (s === null) return I_LEFT + 5 * I_CELL_W + UNKNOWN_GAP;
    return I_LEFT + (s + 1) * I_CELL_W;
}

export function intimacyRowY(i: number | null): number {
    if (i === null) return I_TOP + 7 * I_CELL_H + BOTTOM_LABEL_GAP;
    return I_TOP + (3 - i) * I_CELL_H;
}

export function renderIntimacy(layer: SVGGElement, model: IntimacyModel, selected: string | null): RenderResult {
    const gridW = 5 * I_CELL_W;
    const gridH = 7 * I_CELL_H;
    const fullW = gridW + UNKNOWN_GAP + I_CELL_W;
    const unknownRowY = intimacyRowY(null);
    const grid = svg('g', { class: 'i-grid' }, layer);

    // unknown-support column and unknown-intimacy row, hatched
    const uc = svg('g', { class: 'i-unknown' }, grid);
    const t = texts();
    tooltip(uc, t.t('view.intimacy.unknownSupport'));
    svg('rect', { class: 'i-unknown-bg', x: intimacyColumnX(null), y: I_TOP, width: I_CELL_W, height: gridH }, uc);
    const ur = svg('g', { class: 'i-unknown' }, grid);
    tooltip(ur, t.t('view.intimacy.unknownIntimacy'));
    svg('rect', { class: 'i-unknown-bg', x: I_LEFT, y: unknownRowY, width: fullW, height: I_CELL_H }, ur);

    // zones
    for (const z of ZONES) {
        const x0 = intimacyColumnX(z.support[0] as Support);
        const x1 = intimacyColumnX(z.support[1] as Support) + I_CELL_W;
        const y0 = intimacyRowY(z.intimacy[1]);
        const y1 = intimacyRowY(z.intimacy[0]) + I_CELL_H;
        const g = svg('g', { class: `zone zone-${z.id}` }, grid);
        const words = t.vocabulary.zones[z.id];
        tooltip(g, `${words.label}: ${words.reading}`);
        svg('rect', { class: 'zone-bg', x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, g);
        const top = z.intimacy[0] > 0;
        const right = z.support[0] > 0;
        const label = fitText(words.label, x1 - x0 - 8, 12, true).text;
        svg('text', {
            class: 'zone-label', x: right ? x1 - 4 : x0 + 4, y: top ? y0 - 8 : y1 + 20,
            'text-anchor': right ? 'end' : 'start',
        }, g, label);
    }
    // cells (transparent; they carry their coordinates for tests and tooling)
    for (const s of SUPPORT_LEVELS) {
        for (const i of INTIMACY_ROWS) {
            svg('rect', {
                class: 'i-cell', x: intimacyColumnX(s), y: intimacyRowY(i), width: I_CELL_W, height: I_CELL_H,
                'data-support': supportText(s), 'data-intimacy': i === null ? '?' : i,
            }, grid);
        }
    }
    // cell lines
    for (let c = 0; c <= 5; c++) {
        svg('line', { class: 'i-line', x1: I_LEFT + c * I_CELL_W, y1: I_TOP, x2: I_LEFT + c * I_CELL_W, y2: I_TOP + gridH }, grid);
    }
    for (let r = 0; r <= 7; r++) {
        svg('line', { class: 'i-line', x1: I_LEFT, y1: I_TOP + r * I_CELL_H, x2: I_LEFT + gridW, y2: I_TOP + r * I_CELL_H }, grid);
    }
    // the neutral intimacy row, lightly marked
    svg('rect', { class: 'i-zero', x: I_LEFT, y: intimacyRowY(0), width: gridW, height: I_CELL_H }, grid);
    svg('rect', { class: 'i-frame', x: I_LEFT, y: I_TOP, width: gridW, height: gridH }, grid);
    svg('rect', { class: 'i-frame dashed', x: intimacyColumnX(null), y: I_TOP, width: I_CELL_W, height: gridH }, grid);
    svg('rect', { class: 'i-frame dashed', x: I_LEFT, y: unknownRowY, width: fullW, height: I_CELL_H }, grid);

    // axes
    const axes = svg('g', { class: 'axes' }, layer);
    for (const s of SUPPORT_LEVELS) {
        svg('text', { class: 'tick', x: intimacyColumnX(s) + I_CELL_W / 2, y: unknownRowY + I_CELL_H + 18, 'text-anchor': 'middle' },
            axes, supportText(s));
    }
    for (const i of INTIMACY_ROWS) {
        svg('text', { class: 'tick', x: I_LEFT - 10, y: intimacyRowY(i) + I_CELL_H / 2 + 4, 'text-anchor': 'end' }, axes, intimacyText(i));
    }
    axisTitles(axes,
        {
            x: I_LEFT + fullW / 2, y: unknownRowY + I_CELL_H + 42,
            text: t.t('view.intimacy.axisX', { low: supportWords(-1).label, high: supportWords(3).label, unknown: supportWords(null).label }),
        },
        { x: I_LEFT - 42, y: I_TOP + gridH / 2, text: t.t('view.intimacy.axisY') });
    svg('text', { class: 'view-note', x: I_LEFT, y: 16 }, axes,
        t.t('view.intimacy.note', { count: model.points.length })
        + (model.unknownSupport ? t.t('view.intimacy.noteUnknown', { count: model.unknownSupport }) : ''));

    const pts = svg('g', { class: 'i-points' }, layer);
    const items: NavItem[] = [];
    for (const p of model.points) {
        const cx0 = intimacyColumnX(p.support);
        const cy0 = intimacyRowY(p.intimacy);
        const slot = cellSlot(p.slot, p.slotCount, I_CELL_W, I_CELL_H, 9, 3);
        const x = cx0 + slot.cx;
        const y = cy0 + slot.cy;
        const cls = ['point', 'i-point', supportClass(p.support), p.zone ? `in-${p.zone.id}` : '',
            p.findings.length ? 'has-findings' : '', p.key === selected ? 'selected' : ''].filter(Boolean).join(' ');
        const g = svg('g', { class: cls, transform: `translate(${x},${y})` }, pts);
        makeItem(g, p.key, p.ariaLabel);
        svg('circle', { class: 'dot', r: slot.r }, g);
        if (p.role && slot.r >= 6.5) {
            svg('text', { class: 'dot-letter', x: 0, y: 3.8, 'text-anchor': 'middle' }, g, roleMeanings[p.role].letter);
        }
        if (slot.labelWidth > 20) {
            const fit = fitText(p.name, slot.labelWidth - (p.findings.length ? 22 : 0), LABEL_FONT);
            svg('text', { class: 'point-label', x: slot.r + 5, y: 4 }, g, fit.text);
            if (p.findings.length) {
                const m = findingMarker(g, p.findings, slot.r + 5 + estimateTextWidth(fit.text, LABEL_FONT) + 12, 0);
                m?.setAttribute('transform', `${m.getAttribute('transform') ?? ''} scale(0.8)`);
            }
        }
        const hit = Math.max(slot.r + 2, 4);
        items.push({ key: p.key, el: g, x: x - hit, y: y - hit, w: 2 * hit, h: 2 * hit, tooltip: p.tooltip });
    }
    return { items, width: I_LEFT + fullW + 16, height: unknownRowY + I_CELL_H + 52 };
}
