/**
 * Power map: the org-chart forest of contact cards.
 *
 * Each card is first drawn as a light skeleton (frame, role corner, support colour: four
 * elements, no text) and gets its details — texts, intimacy, markers — when it is on screen at a
 * readable zoom (`materialize`). Big maps thus render fast and stay smooth to zoom and pan;
 * the export materializes everything first.
 */
import { roleMeanings, supportText } from '@acct/method';
import { copyOf, copyOfRecent, ITEM_ATTRS, labelItem, svg, hoverTip, type NavItem, type RenderResult } from './dom.js';
import type { PlacedInfluence } from './influence-layout.js';
import { GROUP_LABEL, type PowerMapLayout } from './layout.js';
import { POWER_MAP } from './labels.js';
import { competitorLine } from './models/competitors.js';
import { moveLine } from './models/moves.js';
import type { CardModel, PowerMapModel } from './models/power-map.js';
import { estimateTextWidth, fitText } from './text-metrics.js';
import { boxedText, competitorBadge, competitorLabel, findingMarker, HATCH_ID, intimacyBar, moveMark, staleMarker, supportClass } from './render-common.js';
import { renderInfluences } from './render-influence.js';
import { texts } from './texts.js';

export const NAME_FONT = 13;
export const SUB_FONT = 11.5;
const TEXT_X = 34;
const BADGE_W = 30;
const BADGE_H = 20;
/** Width of the three moves' marks, left of the support badge. */
const MOVES_W = 36;
/** A light card's texts start here: it has no role corner. */
const LIGHT_X = 12;

/** The title of a group: how many contacts it holds and, for a deal, how many of them are in its decision chain. */
export function groupLabel(id: 'key' | 'general', model: PowerMapModel, count: number): string {
    if (!model.shown.opportunity) return id === 'key' ? POWER_MAP.keyLayer(count) : POWER_MAP.generalLayer(count);
    const inChain = model.cards.filter(c => c.group === id && c.inChain).length;
    return id === 'key' ? POWER_MAP.keyForDeal(count, inChain) : POWER_MAP.generalForDeal(count, inChain);
}

interface Card {
    item: NavItem;
    model: CardModel;
    detailed: boolean;
}

/** Places a card's frame (a copy) at (x, y) with its classes and its label as a control. */
function placeCard(parent: Element, g: SVGGElement, c: CardModel, cls: readonly string[], x: number, y: number, selected: string | null): SVGGElement {
    g.setAttribute('class', [...cls, c.key === selected ? 'selected' : ''].filter(Boolean).join(' '));
    g.setAttribute('transform', `translate(${x},${y})`);
    parent.appendChild(g);
    labelItem(g, c.key, c.ariaLabel);
    return g;
}

function skeleton(parent: Element, c: CardModel, x: number, y: number, w: number, h: number, selected: string | null): SVGGElement {
    // a manager drawn only for the chain's reporting lines: a light card, its frame alone (no role, support or findings)
    if (c.context)
        return placeCard(
            parent,
            copyOf(`context-card ${w} ${h}`, () => {
                const g = svg('g', ITEM_ATTRS, null);
                svg('rect', { class: 'card-bg', width: w, height: h, rx: 7 }, g);
                return g;
            }),
            c,
            ['card', 'context', 'dimmed'],
            x,
            y,
            selected,
        );
    const cls = [
        'card',
        c.role ? `role-${c.role}` : 'no-role',
        supportClass(c.support),
        c.dimmed ? 'dimmed' : '',
        c.stale ? 'stale' : '',
        c.findings.length ? 'has-findings' : '',
    ];
    // the frame, role corner and support colour are the same for every card of a size, role and support: cloned
    const g = copyOf(`card ${w} ${h} ${c.role ? 'role' : ''} ${supportClass(c.support)}`, () => {
        // the control's attributes in the order makeItem gives them, class and transform set on each copy
        const g = svg('g', ITEM_ATTRS, null);
        svg('rect', { class: 'card-bg', width: w, height: h, rx: 7 }, g);
        if (c.role) svg('path', { class: 'role-bg', d: 'M0,7A7,7 0 0 1 7,0H26V20A6,6 0 0 1 20,26H0Z' }, g);
        svg(
            'rect',
            {
                class: `badge-bg ${supportClass(c.support)}`,
                x: w - BADGE_W - 7,
                y: 15 - BADGE_H / 2,
                width: BADGE_W,
                height: BADGE_H,
                rx: BADGE_H / 2,
                ...(c.support === null ? { fill: `url(#${HATCH_ID})` } : {}),
            },
            g,
        );
        return g;
    });
    return placeCard(parent, g, c, cls, x, y, selected);
}

/** Title and department, said once when the title names the department; or whom the person reports to when that line is not drawn. */
function orgLine(c: CardModel): string {
    // "Deputy General Manager, Network", not "… · Network"
    const saysDepartment = c.department && !(c.title ?? '').toLowerCase().includes(c.department.toLowerCase());
    return (
        [c.title, saysDepartment ? c.department : null].filter(Boolean).join(' · ') ||
        (c.reportsToName && c.parent === null ? texts().t('view.card.reportsTo', { name: c.reportsToName }) : '')
    );
}

/** A light card's details: the name and, on up to two lines, the title (the whole of both on hover when cut). */
function addLightDetail(g: Element, c: CardModel, w: number): void {
    boxedText(g, 'card-name', c.name, { x: LIGHT_X, y: 32, width: w - 2 * LIGHT_X, font: NAME_FONT, maxLines: 1, lineHeight: 0, bold: true });
    const org = orgLine(c);
    if (org) boxedText(g, 'card-title', org, { x: LIGHT_X, y: 52, width: w - 2 * LIGHT_X, font: SUB_FONT, maxLines: 2, lineHeight: 14 });
}

function addDetail(card: Card): void {
    if (card.detailed) return;
    card.detailed = true;
    const { model: c, item } = card;
    const { el: g, w, h } = item;
    if (c.context) {
        addLightDetail(g, c, w);
        return;
    }
    const role = c.role;
    if (role)
        g.appendChild(
            copyOf(`role-letter ${role}`, () => svg('text', { class: 'role-letter', x: 13, y: 18, 'text-anchor': 'middle' }, null, roleMeanings[role].letter)),
        );
    g.appendChild(
        copyOf(`badge-text ${w} ${supportClass(c.support)}`, () =>
            svg(
                'text',
                { class: `badge-text ${supportClass(c.support)}`, x: w - BADGE_W / 2 - 7, y: 19.2, 'text-anchor': 'middle' },
                null,
                supportText(c.support),
            ),
        ),
    );
    boxedText(g, 'card-name', c.name, {
        x: TEXT_X,
        y: 19,
        width: w - TEXT_X - BADGE_W - 14 - (c.moves ? MOVES_W : 0),
        font: NAME_FONT,
        maxLines: 1,
        lineHeight: 0,
        bold: true,
    });
    if (c.moves) {
        const m = svg('g', { class: 'moves' }, g);
        hoverTip(m, [texts().t('view.movesTitle'), ...c.moves.map(moveLine)].join('\n'));
        const right = w - BADGE_W - 7 - 8;
        c.moves.forEach((mv, i) => moveMark(m, mv.state, right - 4.5 - (2 - i) * 11, 15));
    }
    let titleW = w - TEXT_X - 10;
    const top = c.competitors[0];
    if (top) {
        const badge = competitorBadge(g, competitorLabel(top.name, top.support, c.competitors.length - 1), w - 8, 34);
        hoverTip(badge.g, `${c.name} ${competitorLine(c.competitors, c.support)}`);
        titleW -= badge.w + 6;
    }
    // title and department on two lines where they need them; the whole of them on hover
    const org = orgLine(c);
    // 1.2: what the person is measured on (or what hurts them) follows, within the same two lines
    const needs = c.kpis[0] ? texts().t('view.line.kpis', { kpis: c.kpis[0] }) : c.pains[0] ? texts().t('view.line.pains', { pains: c.pains[0] }) : '';
    const sub = [org, needs].filter(Boolean).join(' · ');
    if (sub) boxedText(g, 'card-title', sub, { x: TEXT_X, y: 37, width: titleW, font: SUB_FONT, maxLines: 2, lineHeight: 14 });
    intimacyBar(g, c.intimacy, 10, h - 22);
    // markers, right-aligned on the bottom row: [stale] [findings]
    let right = w - 8;
    if (c.findings.length) {
        const countW = c.findings.length > 1 ? 10 : 0;
        findingMarker(g, c.findings, right - countW - 9, h - 16);
        right -= 18 + countW + 8;
    }
    if (c.stale) {
        // the clock and its word, as long as the word is in the views' language
        const wordW = estimateTextWidth(texts().t('view.card.staleMark'), 11, true);
        staleMarker(g, right - wordW - 12, h - 15.5, texts().t('view.card.stale', { date: c.lastContact ?? texts().t('view.unknown') }));
    }
}

const NOTE_FONT = 11.5;

/** A deal's people folded, where they hang: a small muted note, how many and why on hover. */
function renderFoldNotes(layer: SVGGElement, layout: PowerMapLayout): void {
    if (!layout.notes.length) return;
    const notes = svg('g', { class: 'fold-notes' }, layer);
    for (const n of layout.notes) {
        const tip = POWER_MAP.foldTip(n.count);
        const text = POWER_MAP.foldNote(n.count);
        // the same for every note of a count and size (4,000 of them in a big report): cloned, placed on the copy
        const g = copyOfRecent(`fold-note ${n.w} ${n.h} ${tip} ${text}`, () => {
            const g = svg('g', { class: 'fold-note', transform: '', role: 'img', 'aria-label': tip }, null);
            hoverTip(g, tip);
            svg('rect', { class: 'fold-bg', width: n.w, height: n.h, rx: n.h / 2 }, g);
            svg('text', { class: 'fold-text', x: n.w / 2, y: n.h / 2 + 4, 'text-anchor': 'middle' }, g, fitText(text, n.w - 12, NOTE_FONT).text);
            return g;
        });
        g.setAttribute('transform', `translate(${n.x},${n.y})`);
        notes.appendChild(g);
    }
}

export function renderPowerMap(
    layer: SVGGElement,
    model: PowerMapModel,
    layout: PowerMapLayout,
    influences: readonly PlacedInfluence[],
    selected: string | null,
): RenderResult {
    const groups = svg('g', { class: 'groups' }, layer);
    for (const gr of layout.groups) {
        const g = svg('g', { class: `group group-${gr.id}` }, groups);
        svg('rect', { class: 'group-bg', x: gr.x, y: gr.y, width: gr.w, height: gr.h, rx: 10 }, g);
        const label = svg('text', { class: gr.label.cut ? 'group-label cut' : 'group-label', x: gr.x + 16, y: gr.y + GROUP_LABEL.top }, g);
        gr.label.lines.forEach((line, i) => svg('tspan', { x: gr.x + 16, dy: i ? GROUP_LABEL.line : 0 }, label, line));
        if (gr.label.cut) hoverTip(label, gr.label.text);
    }
    // influence lines under the org chart's edges and the cards
    renderInfluences(layer, influences);
    // dimmed links first so that the chain's links stay on top; one path per kind
    const links = svg('g', { class: 'links' }, layer);
    const dimmed = layout.links
        .filter(l => l.dimmed)
        .map(l => l.d)
        .join('');
    const live = layout.links
        .filter(l => !l.dimmed)
        .map(l => l.d)
        .join('');
    if (dimmed) svg('path', { class: 'link dimmed', d: dimmed }, links);
    if (live) svg('path', { class: 'link', d: live }, links);

    // cards outside a deal's chain share one translucent group (one compositing layer, not one each);
    // keyboard order: the chain first, then the others
    const layerCards = svg('g', { class: 'cards' }, layer);
    const layerDimmed = layout.cards.some(p => p.card.dimmed && !p.card.context) ? svg('g', { class: 'cards dimmed-cards' }, layer) : null;
    // the light cards of the managers above the chain are muted by their own style, not translucent
    const layerContext = layout.cards.some(p => p.card.context) ? svg('g', { class: 'cards context-cards' }, layer) : null;
    const cards: Card[] = [];
    const ordered = [...layout.cards.filter(p => !p.card.dimmed), ...layout.cards.filter(p => p.card.dimmed)];
    for (const p of ordered) {
        const el = skeleton(p.card.context ? layerContext! : p.card.dimmed ? layerDimmed! : layerCards, p.card, p.x, p.y, p.w, p.h, selected);
        const card = p.card;
        // the card's tooltip is said when the item's is first read (ensureTooltip)
        const item: NavItem = {
            key: card.key,
            el,
            x: p.x,
            y: p.y,
            w: p.w,
            h: p.h,
            get tooltip() {
                return card.tooltip;
            },
        };
        cards.push({ item, model: card, detailed: false });
    }
    renderFoldNotes(layer, layout);
    return {
        items: cards.map(c => c.item),
        width: layout.width,
        height: layout.height,
        materialize(area) {
            for (const c of cards) {
                if (c.detailed) continue;
                const b = c.item;
                if (!area || (b.x < area.x1 && b.x + b.w > area.x0 && b.y < area.y1 && b.y + b.h > area.y0)) addDetail(c);
            }
        },
    };
}
