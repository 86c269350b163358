/**
 * Legends, drawn in SVG so that they are part of an exported picture. Items wrap to the width
 * given. Every mark a view draws is explained here, in the method's words (`@acct/method`) and
 * the pictures' own (`labels.ts`).
 */
import { decisivenessOf, INTIMACY_LEVELS, intimacyText, ROLES, roleMeanings, SUPPORT_LEVELS, supportText, TIERS, ZONES } from '@acct/method';
import { svg } from './dom.js';
import { INTIMACY, LEGEND } from './labels.js';
import { supportWords } from './models/common.js';
import { sandboxParts } from './models/sandbox.js';
import {
    ARROW_ID,
    ARROW_OPPOSED_ID,
    competitorBadge,
    dealTag,
    HATCH_ID,
    intimacyBar,
    INTIMACY_BAR_W,
    moveMark,
    severityMarker,
    supportBadge,
    supportClass,
} from './render-common.js';
import type { Tab } from './state.js';
import { estimateTextWidth } from './text-metrics.js';
import { texts } from './texts.js';

const ROW_H = 22;
const TITLE_W = 76;
const TEXT_FONT = 12;
const MOVE_STATES = { done: 'view.legend.move.done', planned: 'view.legend.move.planned', missing: 'view.legend.move.missing' } as const;

/** The fishbone's order, from the method core's table: `1 approver, decision-maker`, `2 sponsor, evaluator`, … */
function fishboneOrder(): string[] {
    const roles = texts().vocabulary.roles;
    return [...new Set(ROLES.map(decisivenessOf))]
        .sort()
        .map((rank, i) => `${i + 1} ${texts().list(ROLES.filter(r => decisivenessOf(r) === rank).map(r => roles[r].label))}`);
}

/** Draws the legend for `tab` into `g` (cleared by the caller), at most `maxWidth` wide; returns its size. */
export function renderLegend(g: SVGGElement, tab: Tab, maxWidth = 900): { width: number; height: number } {
    const bg = svg('rect', { class: 'legend-bg', x: 0, y: 0, rx: 6 }, g);
    const body = svg('g', { transform: 'translate(10,8)' }, g);
    const limit = Math.max(TITLE_W + 120, maxWidth - 20);
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
    const label = (parent: Element, text: string, tx: number): void => {
        svg('text', { class: 'legend-text', x: tx, y: 15 }, parent, text);
    };
    /** A mark drawn `w` wide, then its text. */
    const mark = (text: string, w: number, draw: (it: SVGGElement) => void, cls = ''): void => {
        const it = item(w + 6 + estimateTextWidth(text, TEXT_FONT), cls);
        draw(it);
        label(it, text, w + 6);
    };
    const note = (text: string): void => label(item(estimateTextWidth(text, TEXT_FONT)), text, 0);

    const roles = (): void => {
        row(LEGEND.rows.role);
        for (const role of ROLES) {
            const { letter } = roleMeanings[role];
            mark(texts().vocabulary.roles[role].label, 16, it => {
                svg('rect', { class: 'legend-role-bg', y: 2, width: 16, height: 16, rx: 3 }, it);
                svg('text', { class: 'legend-role-letter', x: 8, y: 15, 'text-anchor': 'middle' }, it, letter);
            });
        }
        row(LEGEND.rows.support);
        for (const s of SUPPORT_LEVELS) mark(supportWords(s).label, 26, it => supportBadge(it, s, 13, 11, 26, 16));
    };
    const findings = (): void => {
        for (const sev of ['warning', 'error', 'info'] as const) {
            mark(LEGEND.severity[sev], 16, it => severityMarker(it, sev, 8, 11, 7.5));
        }
        note(LEGEND.findings);
    };

    if (tab === 'power') {
        roles();
        row(LEGEND.rows.intimacy);
        mark(LEGEND.intimacyBar(intimacyText(INTIMACY_LEVELS[0]!), intimacyText(INTIMACY_LEVELS.at(-1)!)), INTIMACY_BAR_W, it => intimacyBar(it, 2, 0, 5));
        row(LEGEND.rows.lines);
        mark(LEGEND.reportsTo, 26, it => svg('path', { class: 'link', d: 'M0,11H26' }, it));
        mark(LEGEND.influences, 30, it => {
            const g = svg('g', { class: 'influence' }, it);
            svg('path', { class: 'influence-line', d: 'M1,15Q14,3 27,11', 'marker-end': `url(#${ARROW_ID})` }, g);
        });
        mark(LEGEND.opposedInfluence, 30, it => {
            const g = svg('g', { class: 'influence opposed' }, it);
            svg('path', { class: 'influence-line', d: 'M1,15Q14,3 27,11', 'marker-end': `url(#${ARROW_OPPOSED_ID})` }, g);
        });
        row(LEGEND.rows.marks);
        findings();
        mark(LEGEND.stale, 12, it => {
            const st = svg('g', { class: 'stale-marker', transform: 'translate(7,10.5)' }, it);
            svg('circle', { class: 'stale-face', r: 6 }, st);
            svg('path', { class: 'stale-hands', d: 'M0,-3.5V0H2.8' }, st);
        });
        mark(LEGEND.dimmed, 22, it => svg('rect', { class: 'legend-card', y: 3, width: 22, height: 15, rx: 3 }, it), 'legend-dimmed');
        mark(LEGEND.context, 22, it => svg('rect', { class: 'legend-card legend-context', y: 3, width: 22, height: 15, rx: 3 }, it));
        mark(LEGEND.folded, 26, it => svg('rect', { class: 'fold-bg', y: 4, width: 26, height: 13, rx: 6.5 }, it));
        const cw = competitorBadge(svg('g', {}, null), 'ZTE 2', 0, 0).w;
        mark(LEGEND.competitor, cw, it => competitorBadge(it, 'ZTE 2', cw, 11));
        row(LEGEND.rows.moves);
        note(LEGEND.moves);
        for (const state of ['done', 'planned', 'missing'] as const) mark(texts().t(MOVE_STATES[state]), 10, it => moveMark(it, state, 5, 11));
    } else if (tab === 'fishbone') {
        roles();
        row(LEGEND.rows.marks);
        findings();
        row(LEGEND.rows.bones);
        note(LEGEND.bonesNote);
        for (const text of fishboneOrder()) note(text);
    } else if (tab === 'trends') {
        row(LEGEND.rows.lines);
        mark(texts().t('view.trends.us'), 18, it => svg('line', { class: 'tr-line us', x1: 0, x2: 18, y1: 11, y2: 11 }, it));
        mark(texts().t('view.trends.legend.rival'), 18, it => svg('line', { class: 'tr-line rival rival-0', x1: 0, x2: 18, y1: 11, y2: 11 }, it));
        mark(texts().t('view.trends.legend.step'), 22, it => svg('path', { class: 'tr-line own', d: 'M0,16H10V6H22' }, it));
        row(LEGEND.rows.marks);
        mark(texts().t('view.trends.legend.commit'), 12, it => svg('circle', { class: 'tr-point-dot', cx: 6, cy: 11, r: 4.5 }, it));
        mark(texts().t('view.trends.legend.unknown'), 14, it => svg('text', { class: 'tr-tick', x: 3, y: 15 }, it, '?'));
    } else if (tab === 'sandbox') {
        row(LEGEND.rows.score);
        for (const p of sandboxParts()) mark(p.label, 16, it => svg('rect', { class: `legend-part part-${p.part}`, y: 4, width: 16, height: 13, rx: 2 }, it));
        row(LEGEND.rows.sandboxRows);
        mark(LEGEND.pick, 18, it => svg('circle', { class: 'sb-pick-dot', cx: 9, cy: 11, r: 8 }, it));
        mark(LEGEND.unscored, 22, it => svg('rect', { class: 'sb-bar-empty', y: 5, width: 22, height: 12, rx: 2 }, it));
    } else if (tab === 'quadrant') {
        row(LEGEND.rows.tier);
        for (const tier of TIERS) mark(texts().name('tiers', tier), 14, it => svg('circle', { class: `q-point dot tier-${tier}`, cx: 7, cy: 11, r: 6 }, it));
        mark(LEGEND.noTier, 14, it => svg('circle', { class: 'q-point dot no-tier', cx: 7, cy: 11, r: 6 }, it));
        mark(LEGEND.mismatch, 18, it => {
            svg('circle', { class: 'mismatch-ring', cx: 9, cy: 11, r: 8.5 }, it);
            svg('circle', { class: 'q-point dot no-tier', cx: 9, cy: 11, r: 5.5 }, it);
        });
        mark(LEGEND.group, 20, it => {
            svg('rect', { class: 'q-group', x: 1, y: 2, width: 18, height: 18, rx: 4 }, it);
            svg('text', { class: 'q-group-count', x: 10, y: 15, 'text-anchor': 'middle' }, it, '12');
        });
        row(LEGEND.rows.colour);
        note(LEGEND.region);
        note(LEGEND.dot);
    } else {
        row(LEGEND.rows.support);
        for (const s of SUPPORT_LEVELS) {
            mark(supportText(s), 14, it => svg('circle', { class: 'dot', cx: 7, cy: 11, r: 6.5 }, it), `i-point ${supportClass(s)}`);
        }
        note(LEGEND.roleInDot);
        row(LEGEND.rows.zones);
        for (const zone of ZONES) {
            mark(
                texts().vocabulary.zones[zone.id].label.toLowerCase(),
                16,
                it => svg('rect', { class: 'zone-bg', y: 3, width: 16, height: 15, rx: 2 }, it),
                `zone zone-${zone.id}`,
            );
        }
        row(LEGEND.rows.cells);
        mark(LEGEND.neutralRow, 22, it => svg('rect', { class: 'i-zero', y: 3, width: 22, height: 15 }, it));
        mark(LEGEND.unknownLane, 22, it => svg('rect', { class: 'i-unknown-bg legend-lane', y: 3, width: 22, height: 15, fill: `url(#${HATCH_ID})` }, it));
        const sample = INTIMACY.dealTag(supportText(-1));
        const tw = dealTag(svg('g', {}, null), sample, 0, 0);
        mark(LEGEND.dealDiffers, tw, it => dealTag(it, sample, 0, 11));
        row(LEGEND.rows.marks);
        findings();
    }
    const w = width + 20;
    const h = y + ROW_H + 10;
    bg.setAttribute('width', String(w));
    bg.setAttribute('height', String(h));
    return { width: w, height: h };
}
