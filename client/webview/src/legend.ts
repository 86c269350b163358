/** Legends, drawn in SVG so that they are part of an exported picture. */
import { svg } from './dom.js';
import { supportBadge } from './render-common.js';
import { ROLE_LETTER, ROLES, SUPPORT_LEVELS, supportClass, supportMeaning, supportText, TIERS } from './view-model.js';

export type Tab = 'power' | 'quadrant' | 'intimacy';

const ROW_H = 22;

/** Draws the legend for `tab` into `g` (cleared by the caller); returns its size. */
export function renderLegend(g: SVGGElement, tab: Tab): { width: number; height: number } {
    const bg = svg('rect', { class: 'legend-bg', x: 0, y: 0, rx: 6 }, g);
    const body = svg('g', { transform: 'translate(10,8)' }, g);
    let width = 0;
    let y = 0;
    const row = (title: string): SVGGElement => {
        const r = svg('g', { class: 'legend-row', transform: `translate(0,${y})` }, body);
        svg('text', { class: 'legend-title', x: 0, y: 14 }, r, title.toUpperCase());
        y += ROW_H;
        return r;
    };
    const track = (x: number): void => { width = Math.max(width, x); };

    if (tab === 'power') {
        let r = row('Role');
        let x = 72;
        for (const role of ROLES) {
            const it = svg('g', { transform: `translate(${x},2)` }, r);
            svg('rect', { class: 'legend-role-bg', width: 16, height: 16, rx: 3 }, it);
            svg('text', { class: 'legend-role-letter', x: 8, y: 12.5, 'text-anchor': 'middle' }, it, ROLE_LETTER[role]);
            svg('text', { class: 'legend-text', x: 21, y: 12.5 }, it, role);
            x += 27 + role.length * 6.6;
        }
        track(x);
        r = row('Support');
        x = 72;
        for (const s of SUPPORT_LEVELS) {
            supportBadge(r, s, x + 13, 11, 26, 16);
            const label = s === null ? 'unknown' : supportMeaning(s).split(',')[0]!;
            svg('text', { class: 'legend-text', x: x + 30, y: 14.5 }, r, label);
            x += 40 + label.length * 6.3;
        }
        track(x);
        r = row('Marks');
        x = 72;
        const f = svg('g', { class: 'finding-marker sev-warning', transform: `translate(${x + 8},11)` }, r);
        svg('path', { class: 'marker-shape', d: 'M0,-7L7.5,6H-7.5Z' }, f);
        svg('text', { class: 'marker-text', x: 0, y: 4.5, 'text-anchor': 'middle' }, f, '!');
        svg('text', { class: 'legend-text', x: x + 20, y: 14.5 }, r, 'findings (hover)');
        x += 128;
        const st = svg('g', { class: 'stale-marker', transform: `translate(${x + 7},10.5)` }, r);
        svg('circle', { class: 'stale-face', r: 6 }, st);
        svg('path', { class: 'stale-hands', d: 'M0,-3.5V0H2.8' }, st);
        svg('text', { class: 'legend-text', x: x + 18, y: 14.5 }, r, 'stale contact');
        x += 112;
        const dim = svg('g', { class: 'legend-dimmed', transform: `translate(${x},3)` }, r);
        svg('rect', { class: 'legend-card', width: 22, height: 15, rx: 3 }, dim);
        svg('text', { class: 'legend-text', x: 28, y: 11.5 }, dim, 'dimmed: outside the deal\'s chain');
        x += 240;
        track(x);
    } else if (tab === 'quadrant') {
        const r = row('Tier');
        let x = 56;
        for (const t of TIERS) {
            svg('circle', { class: `q-point dot tier-${t}`, cx: x + 7, cy: 11, r: 6 }, r);
            svg('text', { class: 'legend-text', x: x + 19, y: 15 }, r, t);
            x += 30 + t.length * 6.6;
        }
        svg('circle', { class: 'mismatch-ring', cx: x + 9, cy: 11, r: 8.5 }, r);
        svg('circle', { class: 'q-point dot no-tier', cx: x + 9, cy: 11, r: 5.5 }, r);
        svg('text', { class: 'legend-text', x: x + 23, y: 15 }, r, 'declared ≠ suggested');
        x += 160;
        track(x);
        const n = row('');
        svg('text', { class: 'legend-text', x: 0, y: 14 }, n, 'Cell colour: tier suggested by standing × cooperation · dot colour: declared tier');
        track(500);
    } else {
        const r = row('Support');
        let x = 72;
        for (const s of SUPPORT_LEVELS) {
            const it = svg('g', { class: `i-point ${supportClass(s)}`, transform: `translate(${x + 7},11)` }, r);
            svg('circle', { class: 'dot', r: 6.5 }, it);
            svg('text', { class: 'legend-text', x: 11, y: 4 }, it, supportText(s));
            x += 40;
        }
        svg('text', { class: 'legend-text', x, y: 14.5 }, r, 'letter in dot: role');
        x += 120;
        track(x);
        const z = row('Zones');
        x = 72;
        for (const [id, label] of [['rational-turn', 'rational turn risk'], ['re-examine', 're-examine needs'], ['both-high', 'both high'], ['both-low', 'both low']] as const) {
            const it = svg('g', { class: `zone zone-${id}`, transform: `translate(${x},3)` }, z);
            svg('rect', { class: 'zone-bg', width: 16, height: 15, rx: 2 }, it);
            svg('text', { class: 'legend-text', x: 21, y: 11.5 }, it, label);
            x += 32 + label.length * 6.4;
        }
        track(x);
    }
    const w = width + 16;
    const h = y + 10;
    bg.setAttribute('width', String(w));
    bg.setAttribute('height', String(h));
    return { width: w, height: h };
}
