/** Legends, drawn in SVG so that they are part of an exported picture. Items wrap to the width given. */
import { decisivenessOf, ROLES, roleMeanings, SUPPORT_LEVELS, supportText, TIERS, ZONES } from '@acct/method';
import { svg } from './dom.js';
import { supportWords } from './models/common.js';
import { sandboxParts } from './models/sandbox.js';
import { ARROW_ID, ARROW_OPPOSED_ID, competitorBadge, moveMark, supportBadge, supportClass } from './render-common.js';
import type { Tab } from './state.js';
import { estimateTextWidth } from './text-metrics.js';
import { texts } from './texts.js';

const ROW_H = 22;
const MOVE_STATES = { done: 'view.legend.move.done', planned: 'view.legend.move.planned', missing: 'view.legend.move.missing' } as const;
const TITLE_W = 72;
const TEXT_FONT = 11.5;
/** The fishbone's order, from the method core's table: `1 approver, decision-maker`, `2 sponsor, evaluator`, … */
function fishboneOrder(): string[] {
    const roles = texts().vocabulary.roles;
    return [...new Set(ROLES.map(decisivenessOf))].sort()
        .map((rank, i) => `${i + 1} ${ROLES.filter(r => decisivenessOf(r) === rank).map(r => roles[r].label).join(', ')}`);
}

/** Draws the legend for `tab` into `g` (cleared by the caller), at most `maxWidth` wide; returns its size. */
export function renderLegend(g: SVGGElement, tab: Tab, maxWidth = 900): { width: number; height: number } {
    const bg = svg('rect', { class: 'legend-bg', x: 0, y: 0, rx: 6 }, g);
    const body = svg('g', { transform: 'translate(10,8)' }, g);
    const limit = Math.max(TITLE_W + 120, maxWidth - 20);
    const t = texts();
    let width = 0;
    let y = -ROW_H;
    let x = TITLE_W;

    const row = (title: string): void => {
        y += ROW_H;
        x = TITLE_W;
        if (title) svg('text', { class: 'legend-title', x: 0, y: y + 14 }, body, title.toUpperCase());
    };
    /** Places an item `w` wide at the current position (wrapping first if needed) and returns its group. */
    const item = (w: number, cls = ''): SVGGElement => {
        if (x > TITLE_W && x + w > limit) {
            y += ROW_H;
            x = TITLE_W;
        }
        const it = svg('g', { transform: `translate(${x},${y})`, ...(cls ? { class: cls } : {}) }, body);
        x += w + 14;
        width = Math.max(width, x - 14);
        return it;
    };
    const label = (parent: Element, text: string, tx: number): number => {
        svg('text', { class: 'legend-text', x: tx, y: 14.5 }, parent, text);
        return tx + estimateTextWidth(text, TEXT_FONT);
    };

    const roles = (): void => {
        row(t.t('view.legend.role'));
        for (const role of ROLES) {
            const { letter } = roleMeanings[role];
            const text = t.vocabulary.roles[role].label;
            const it = item(21 + estimateTextWidth(text, TEXT_FONT));
            svg('rect', { class: 'legend-role-bg', y: 2, width: 16, height: 16, rx: 3 }, it);
            svg('text', { class: 'legend-role-letter', x: 8, y: 14.5, 'text-anchor': 'middle' }, it, letter);
            label(it, text, 21);
        }
        row(t.t('view.legend.support'));
        for (const s of SUPPORT_LEVELS) {
            const text = supportWords(s).label;
            const it = item(30 + estimateTextWidth(text, TEXT_FONT));
            supportBadge(it, s, 13, 11, 26, 16);
            label(it, text, 30);
        }
    };
    /** A mark drawn `w` wide, then its text. */
    const mark = (text: string, w: number, draw: (it: SVGGElement) => void, cls = ''): void => {
        const it = item(w + 6 + estimateTextWidth(text, TEXT_FONT), cls);
        draw(it);
        label(it, text, w + 6);
    };

    if (tab === 'power') {
        roles();
        row(t.t('view.legend.lines'));
        mark(t.t('view.legend.reportsTo'), 26, it => svg('path', { class: 'link', d: 'M0,11H26' }, it));
        mark(t.t('view.legend.influences'), 30, it => {
            const g = svg('g', { class: 'influence' }, it);
            svg('path', { class: 'influence-line', d: 'M1,15Q14,3 27,11', 'marker-end': `url(#${ARROW_ID})` }, g);
        });
        mark(t.t('view.legend.opposedInfluence'), 30, it => {
            const g = svg('g', { class: 'influence opposed' }, it);
            svg('path', { class: 'influence-line', d: 'M1,15Q14,3 27,11', 'marker-end': `url(#${ARROW_OPPOSED_ID})` }, g);
        });
        row(t.t('view.legend.marks'));
        mark(t.t('view.legend.findings'), 14, it => {
            const f = svg('g', { class: 'finding-marker sev-warning', transform: 'translate(8,11)' }, it);
            svg('path', { class: 'marker-shape', d: 'M0,-7L7.5,6H-7.5Z' }, f);
            svg('text', { class: 'marker-text', x: 0, y: 4.5, 'text-anchor': 'middle' }, f, '!');
        });
        mark(t.t('view.legend.stale'), 12, it => {
            const st = svg('g', { class: 'stale-marker', transform: 'translate(7,10.5)' }, it);
            svg('circle', { class: 'stale-face', r: 6 }, st);
            svg('path', { class: 'stale-hands', d: 'M0,-3.5V0H2.8' }, st);
        });
        mark(t.t('view.legend.dimmed'), 22, it => svg('rect', { class: 'legend-card', y: 3, width: 22, height: 15, rx: 3 }, it), 'legend-dimmed');
        const cw = competitorBadge(svg('g', {}, null), 'ZTE 2', 0, 0).w;
        mark(t.t('view.legend.competitor'), cw, it => competitorBadge(it, 'ZTE 2', cw, 11));
        row(t.t('view.legend.moves'));
        const moves = t.t('view.legend.threeMoves');
        label(item(estimateTextWidth(moves, TEXT_FONT)), moves, 0);
        for (const state of ['done', 'planned', 'missing'] as const) mark(t.t(MOVE_STATES[state]), 10, it => moveMark(it, state, 5, 11));
    } else if (tab === 'fishbone') {
        roles();
        row(t.t('view.legend.bones'));
        const note = t.t('view.legend.spine');
        label(item(estimateTextWidth(note, TEXT_FONT)), note, 0);
        for (const text of fishboneOrder()) label(item(estimateTextWidth(text, TEXT_FONT)), text, 0);
    } else if (tab === 'sandbox') {
        row(t.t('view.legend.score'));
        for (const p of sandboxParts()) mark(p.label, 16, it => svg('rect', { class: `legend-part part-${p.part}`, y: 4, width: 16, height: 13, rx: 2 }, it));
        row(t.t('view.legend.rows'));
        mark(t.t('view.legend.pick'), 18, it => svg('circle', { class: 'sb-pick-dot', cx: 9, cy: 11, r: 8 }, it));
        mark(t.t('view.legend.unscored'), 22, it => svg('rect', { class: 'sb-bar-empty', y: 5, width: 22, height: 12, rx: 2 }, it));
    } else if (tab === 'quadrant') {
        row(t.t('view.legend.tier'));
        for (const tier of TIERS) {
            const name = t.name('tiers', tier);
            const it = item(19 + estimateTextWidth(name, TEXT_FONT));
            svg('circle', { class: `q-point dot tier-${tier}`, cx: 7, cy: 11, r: 6 }, it);
            label(it, name, 19);
        }
        const mismatch = t.t('view.legend.mismatch');
        const mm = item(23 + estimateTextWidth(mismatch, TEXT_FONT));
        svg('circle', { class: 'mismatch-ring', cx: 9, cy: 11, r: 8.5 }, mm);
        svg('circle', { class: 'q-point dot no-tier', cx: 9, cy: 11, r: 5.5 }, mm);
        label(mm, mismatch, 23);
        row(t.t('view.legend.colour'));
        for (const text of [t.t('view.legend.cell'), t.t('view.legend.dot')]) label(item(estimateTextWidth(text, TEXT_FONT)), text, 0);
    } else {
        row(t.t('view.legend.support'));
        for (const s of SUPPORT_LEVELS) {
            const it = item(30, `i-point ${supportClass(s)}`);
            svg('circle', { class: 'dot', cx: 7, cy: 11, r: 6.5 }, it);
            label(it, supportText(s), 18);
        }
        const letter = t.t('view.legend.letter');
        label(item(estimateTextWidth(letter, TEXT_FONT)), letter, 0);
        row(t.t('view.legend.zones'));
        for (const zone of ZONES) {
            const text = t.vocabulary.zones[zone.id].label.toLowerCase();
            const it = item(21 + estimateTextWidth(text, TEXT_FONT), `zone zone-${zone.id}`);
            svg('rect', { class: 'zone-bg', y: 3, width: 16, height: 15, rx: 2 }, it);
            label(it, text, 21);
        }
    }
    const w = width + 20;
    const h = y + ROW_H + 10;
    bg.setAttribute('width', String(w));
    bg.setAttribute('height', String(h));
    return { width: w, height: h };
}
