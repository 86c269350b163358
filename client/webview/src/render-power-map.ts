/** Power map: the org-chart forest of contact cards. */
import { makeItem, svg, tooltip, type NavItem, type RenderResult } from './dom.js';
import type { PowerMapLayout } from './layout.js';
import { findingMarker, staleMarker, supportBadge } from './render-common.js';
import {
    fitText, intimacyText, ROLE_LETTER, supportClass, type CardModel, type PowerMapModel,
} from './view-model.js';

export const NAME_FONT = 13;
export const SUB_FONT = 11.5;
export const SMALL_FONT = 10.5;
const TEXT_X = 34;
const BADGE_W = 30;

export function groupLabel(id: 'key' | 'general', model: PowerMapModel, count: number): string {
    if (id === 'key') {
        return model.shown.opportunity
            ? `Decision chain and key layer — roles for this deal (${count})`
            : `Key layer — roles in the decision (${count})`;
    }
    return `General layer — contacts without a role (${count})`;
}

function intimacyBar(parent: Element, value: number | null, x: number, y: number): void {
    const g = svg('g', { class: 'intimacy', transform: `translate(${x},${y})` }, parent);
    svg('text', { class: 'intimacy-label', x: 0, y: 8 }, g, 'Intimacy');
    const bx = 52;
    for (let i = -3; i <= 3; i++) {
        const filled = value !== null && (value === 0 ? i === 0 : (value > 0 ? i > 0 && i <= value : i < 0 && i >= value));
        const cls = ['intimacy-cell', i === 0 ? 'zero' : '', filled ? (value! > 0 ? 'pos' : value! < 0 ? 'neg' : 'neutral') : '', value === null ? 'unknown' : '']
            .filter(Boolean).join(' ');
        svg('rect', { class: cls, x: bx + (i + 3) * 9, y: 0, width: 7, height: 9, rx: 1.5 }, g);
    }
    svg('text', { class: 'intimacy-value', x: bx + 65, y: 8.5 }, g, intimacyText(value));
}

function renderCard(parent: Element, c: CardModel, x: number, y: number, w: number, h: number, selected: string | null): SVGGElement {
    const cls = ['card', c.role ? `role-${c.role}` : 'no-role', supportClass(c.support),
        c.dimmed ? 'dimmed' : '', c.stale ? 'stale' : '', c.findings.length ? 'has-findings' : '',
        c.key === selected ? 'selected' : ''].filter(Boolean).join(' ');
    const g = svg('g', { class: cls, transform: `translate(${x},${y})` }, parent);
    makeItem(g, c.key, c.ariaLabel);
    tooltip(g, c.tooltip);
    svg('rect', { class: 'card-bg', width: w, height: h, rx: 7 }, g);
    if (c.role) {
        const rg = svg('g', { class: 'role-box' }, g);
        svg('path', { class: 'role-bg', d: 'M0,7A7,7 0 0 1 7,0H26V20A6,6 0 0 1 20,26H0Z' }, rg);
        svg('text', { class: 'role-letter', x: 13, y: 18, 'text-anchor': 'middle' }, rg, ROLE_LETTER[c.role]);
    }
    supportBadge(g, c.support, w - BADGE_W / 2 - 7, 15, BADGE_W, 20);
    const nameFit = fitText(c.name, w - TEXT_X - BADGE_W - 14, NAME_FONT, true);
    svg('text', { class: 'card-name', x: TEXT_X, y: 19 }, g, nameFit.text);
    const org = [c.title, c.department].filter(Boolean).join(' · ');
    if (org) {
        const orgFit = fitText(org, w - TEXT_X - 10, SUB_FONT);
        svg('text', { class: 'card-title', x: TEXT_X, y: 38 }, g, orgFit.text);
    } else if (c.reportsToName && c.parent === null) {
        const fit = fitText(`reports to ${c.reportsToName}`, w - TEXT_X - 10, SUB_FONT);
        svg('text', { class: 'card-title muted', x: TEXT_X, y: 38 }, g, fit.text);
    }
    intimacyBar(g, c.intimacy, 10, h - 20);
    // markers, right-aligned on the bottom row: [stale] [findings]
    let right = w - 8;
    if (c.findings.length) {
        const countW = c.findings.length > 1 ? 10 : 0;
        findingMarker(g, c.findings, right - countW - 9, h - 16);
        right -= 18 + countW + 8;
    }
    if (c.stale) {
        staleMarker(g, right - 36, h - 15.5, `Stale contact: last contact ${c.lastContact ?? 'unknown'}`);
    }
    return g;
}

export function renderPowerMap(layer: SVGGElement, model: PowerMapModel, layout: PowerMapLayout, selected: string | null): RenderResult {
    const groups = svg('g', { class: 'groups' }, layer);
    for (const gr of layout.groups) {
        const g = svg('g', { class: `group group-${gr.id}` }, groups);
        svg('rect', { class: 'group-bg', x: gr.x, y: gr.y, width: gr.w, height: gr.h, rx: 10 }, g);
        svg('text', { class: 'group-label', x: gr.x + 16, y: gr.y + 21 }, g, groupLabel(gr.id, model, gr.count));
    }
    const links = svg('g', { class: 'links' }, layer);
    // draw dimmed links first so that chain links stay on top
    for (const l of [...layout.links].sort((a, b) => Number(b.dimmed) - Number(a.dimmed))) {
        svg('path', { class: l.dimmed ? 'link dimmed' : 'link', d: l.d }, links);
    }
    const cards = svg('g', { class: 'cards' }, layer);
    const items: NavItem[] = [];
    for (const p of layout.cards) {
        const el = renderCard(cards, p.card, p.x, p.y, p.w, p.h, selected);
        items.push({ key: p.card.key, el, x: p.x, y: p.y, w: p.w, h: p.h });
    }
    return { items, width: layout.width, height: layout.height };
}
