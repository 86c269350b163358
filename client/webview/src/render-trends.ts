/**
 * The Trends view: the element at the cursor over the commits of the plan. One time axis (d3's
 * UTC scale and its ticks) shared by every panel; each panel a step line per series (d3-shape's
 * `curveStepAfter`: a value holds until the commit that changes it) on its own scale (d3's linear
 * scale, or one row per named level); the commits as points on a strip above the panels and on
 * each line. A point is a control: its tooltip says the commit (date, id, author, message, what
 * changed), a click or Enter opens the commit's change of the file in the diff editor.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { makeItem, svg, hoverTip, type NavItem, type RenderResult } from './dom.js';
import { dayNumber, type TrendAxis, type TrendPanel, type TrendsModel } from './models/trends.js';
import { estimateTextWidth, fitText } from './text-metrics.js';

const FONT = 11;
const TITLE_FONT = 12;
const STRIP_H = 26;
const TITLE_H = 18;
const LEVEL_H = 15;
const LINEAR_H = 70;
const PANEL_GAP = 14;
const AXIS_H = 22;
const MULTIPLE_W = 210;
const MULTIPLE_H = 6 * 11 + 8;
/** A commit's point on the strip is at least this far from the one before (two commits of one day). */
const POINT_GAP = 9;

const DAY = 86_400_000;
const dateOf = (day: number) => new Date(day * DAY);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The width the view takes in a stage `room` px wide. */
export function trendsWidth(room: number): number {
    return Math.max(300, Math.min(1000, Number.isFinite(room) ? Math.floor(room) : 720));
}

function panelHeight(axis: TrendAxis, small = false): number {
    if (axis.kind === 'levels') return Math.max(small ? 3 : 2, axis.levels.length) * (small ? 11 : LEVEL_H) + 8;
    return small ? MULTIPLE_H : LINEAR_H;
}

function ticksOf(axis: TrendAxis, h: number): { y: (v: number) => number; ticks: Array<{ value: number; label: string }> } {
    if (axis.kind === 'levels') {
        const values = axis.levels.map(l => l.value);
        const y = scaleLinear()
            .domain([Math.min(...values), Math.max(...values)])
            .range([h - 6, 6]);
        const rows = axis.levels.length;
        const step = rows > 1 ? (h - 12) / (rows - 1) : 0;
        // fewer labels than rows when the rows are closer than a line of text
        const every = step > 0 && step < FONT + 1 ? Math.ceil((FONT + 1) / step) : 1;
        return { y: v => (rows > 1 ? y(v) : h / 2), ticks: axis.levels.filter((_, i) => i % every === 0) };
    }
    const y = scaleLinear()
        .domain([axis.min, axis.max === axis.min ? axis.min + 1 : axis.max])
        .range([h - 6, 6]);
    if (axis.integer && axis.format === 'number') y.nice();
    const count = Math.max(2, Math.floor(h / 24));
    let ticks = y.ticks(count);
    if (axis.integer) ticks = ticks.filter(v => Number.isInteger(v));
    if (axis.format === 'date') {
        const u = scaleUtc().domain([dateOf(axis.min), dateOf(axis.max)]);
        return {
            y: v => y(v),
            ticks: u
                .ticks(count)
                .map(d => ({ value: d.getTime() / DAY, label: iso(d) }))
                .filter(t => t.value >= axis.min && t.value <= axis.max),
        };
    }
    const format = y.tickFormat(count, axis.integer ? 'd' : '~s');
    return { y: v => y(v), ticks: ticks.map(v => ({ value: v, label: format(v) })) };
}

export function renderTrends(layer: SVGGElement, model: TrendsModel, width: number, chainTitle: string): RenderResult {
    const frame = svg('g', { class: 'tr-frame' }, layer);
    const labelW = (p: TrendPanel) => Math.max(...ticksOf(p.axis, panelHeight(p.axis)).ticks.map(t => estimateTextWidth(t.label, FONT)), 10);
    const left = Math.min(120, Math.ceil(Math.max(...model.panels.map(labelW), 24)) + 10);
    const right = 14;
    const plotW = Math.max(120, width - left - right);
    const start = dayNumber(model.from);
    const end = Math.max(dayNumber(model.until), start + 1);
    const x = scaleUtc()
        .domain([dateOf(start), dateOf(end)])
        .range([left, left + plotW]);
    const xOf = (date: string) => x(dateOf(dayNumber(date)));
    const tickCount = Math.max(2, Math.floor(plotW / 90));
    const xTicks = x.ticks(tickCount);

    // the commits on a strip at the top: x by date, a point never on the one before
    const items: NavItem[] = [];
    const strip = svg('g', { class: 'tr-strip' }, frame);
    svg('line', { class: 'tr-strip-rule', x1: left, x2: left + plotW, y1: STRIP_H / 2, y2: STRIP_H / 2 }, strip);
    const pointX: number[] = [];
    model.points.forEach((p, i) => {
        const want = xOf(p.date);
        pointX.push(i && want - pointX[i - 1]! < POINT_GAP ? pointX[i - 1]! + POINT_GAP : want);
    });
    // when the nudged points run past the end, they are spread back from it
    for (let i = pointX.length - 1; i >= 0; i--) {
        const limit = i === pointX.length - 1 ? left + plotW : pointX[i + 1]! - POINT_GAP;
        if (pointX[i]! > limit) pointX[i] = limit;
    }
    model.points.forEach((p, i) => {
        const g = svg('g', { class: 'tr-point', transform: `translate(${pointX[i]},${STRIP_H / 2})` }, strip);
        makeItem(g, p.key, p.aria);
        g.setAttribute('data-commit', p.commit);
        svg('circle', { class: 'tr-point-hit', r: 8 }, g);
        svg('circle', { class: 'tr-point-dot', r: 4.5 }, g);
        items.push({ key: p.key, el: g, x: pointX[i]! - 8, y: STRIP_H / 2 - 8, w: 16, h: 16, tooltip: p.tooltip });
    });

    let y = STRIP_H + 4;
    const grid = svg('g', { class: 'tr-grid' }, frame);
    const gridTop = y;
    const drawPanel = (panel: TrendPanel, px: number, py: number, pw: number, small: boolean): number => {
        const h = panelHeight(panel.axis, small);
        const g = svg('g', { class: `tr-panel tr-${small ? 'multiple' : panel.id}`, transform: `translate(${px},${py})` }, frame);
        const titleText = fitText(panel.title, pw, TITLE_FONT, true);
        const title = svg('text', { class: 'tr-title', x: 0, y: 12 }, g, titleText.text);
        if (titleText.truncated) hoverTip(title, panel.title);
        // the lines' names, after the title when there are several
        if (panel.lines.length > 1) {
            let lx = Math.min(pw - 40, estimateTextWidth(titleText.text, TITLE_FONT, true) + 14);
            for (const l of panel.lines) {
                const room = pw - lx - 18;
                if (room < 30) break;
                const name = fitText(l.label, Math.min(room, 110), FONT);
                const key = svg('g', { class: `tr-key ${l.cls}`, transform: `translate(${lx},8)` }, g);
                svg('line', { class: 'tr-line-sample', x1: 0, x2: 12, y1: 0, y2: 0 }, key);
                svg('text', { class: 'tr-key-text', x: 16, y: 4 }, key, name.text);
                lx += 16 + estimateTextWidth(name.text, FONT) + 12;
            }
        }
        const plot = svg('g', { class: 'tr-plot', transform: `translate(0,${TITLE_H})` }, g);
        const plotLeft = small ? 34 : left;
        const plotRight = small ? pw - 6 : left + plotW;
        const xs = small ? scaleUtc().domain(x.domain()).range([plotLeft, plotRight]) : x;
        svg('rect', { class: 'tr-plot-bg', x: plotLeft, y: 0, width: plotRight - plotLeft, height: h }, plot);
        const { y: yOf, ticks } = ticksOf(panel.axis, h);
        for (const t of ticks) {
            svg('line', { class: 'tr-level', x1: plotLeft, x2: plotRight, y1: yOf(t.value), y2: yOf(t.value) }, plot);
            const label = fitText(t.label, plotLeft - 6, FONT);
            svg('text', { class: 'tr-tick', x: plotLeft - 5, y: yOf(t.value) + 3.5, 'text-anchor': 'end' }, plot, label.text);
        }
        const until = model.until;
        for (const l of panel.lines) {
            const pts: Array<[number, number | null]> = model.dates.map((d, i) => [xs(dateOf(dayNumber(d))), l.values[i] ?? null]);
            // the last value holds until the history's last commit
            const last = pts.at(-1);
            if (last && last[1] !== null) pts.push([xs(dateOf(dayNumber(until))), last[1]]);
            const path = line<[number, number | null]>()
                .defined(p => p[1] !== null)
                .x(p => p[0])
                .y(p => yOf(p[1]!))
                .curve(curveStepAfter)(pts);
            if (path) svg('path', { class: `tr-line ${l.cls}`, d: path }, plot);
            model.points.forEach((p, i) => {
                const v = l.values[i];
                if (v === null || v === undefined) return;
                const dot = svg(
                    'circle',
                    { class: `tr-vertex ${l.cls}`, cx: xs(dateOf(dayNumber(p.date))), cy: yOf(v), r: small ? 2.5 : 3, 'data-key': p.key },
                    plot,
                );
                void dot;
            });
        }
        return TITLE_H + h;
    };
    for (const panel of model.panels) {
        y += drawPanel(panel, 0, y, width, false) + PANEL_GAP;
    }
    const gridBottom = y - PANEL_GAP;
    // the time axis under the panels, its ticks through them
    for (const d of xTicks) {
        svg('line', { class: 'tr-grid-line', x1: x(d), x2: x(d), y1: gridTop, y2: gridBottom }, grid);
    }
    const axis = svg('g', { class: 'tr-axis', transform: `translate(0,${gridBottom})` }, frame);
    svg('line', { class: 'tr-axis-line', x1: left, x2: left + plotW, y1: 0, y2: 0 }, axis);
    const labels = xTicks.map(d => ({ x: x(d), text: iso(d) }));
    let lastEnd = -Infinity;
    for (const l of labels) {
        const w = estimateTextWidth(l.text, FONT);
        const lx = Math.min(Math.max(l.x, left + w / 2), left + plotW - w / 2 + right - 2);
        if (lx - w / 2 < lastEnd + 6) continue;
        lastEnd = lx + w / 2;
        svg('text', { class: 'tr-tick', x: lx, y: 15, 'text-anchor': 'middle' }, axis, l.text);
    }
    y = gridBottom + AXIS_H;
    if (model.multiples.length) {
        y += 10;
        const title = fitText(chainTitle, width, TITLE_FONT, true);
        svg('text', { class: 'tr-section', x: 0, y: y + 12 }, frame, title.text);
        y += TITLE_H + 8;
        const cols = Math.max(1, Math.floor(width / MULTIPLE_W));
        const cellW = width / cols;
        let rowH = 0;
        model.multiples.forEach((panel, i) => {
            const col = i % cols;
            if (col === 0 && i) {
                y += rowH + PANEL_GAP;
                rowH = 0;
            }
            rowH = Math.max(rowH, drawPanel(panel, col * cellW, y, cellW - 10, true));
        });
        y += rowH + 8;
    }
    return { items, width, height: y };
}
