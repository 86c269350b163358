/**
 * The strategic sandbox: every open opportunity of the workspace in `acct sandbox` order, the
 * picks highlighted, each score a bar stacked from its four parts, the unscored apart. A row
 * reveals its opportunity on click or Enter. Rows get their text and bar when they are on screen
 * at a readable zoom (as the power map's cards do); the export draws them all.
 */
import { makeItem, svg, namedHoverTip, type NavItem, type RenderResult } from './dom.js';
import { horizonText, maturityText, sandboxParts, type SandboxModel } from './models/sandbox.js';
import { boxedText } from './render-common.js';
import { texts } from './texts.js';
import { BAR_H, BAR_W, LEFT, type PlacedRow, type SandboxLayout } from './sandbox-layout.js';
import { estimateTextWidth, fitText } from './text-metrics.js';

/** The row's frame, rank and pick mark: all a row is until it is on screen at a readable zoom. */
function skeleton(parent: Element, r: PlacedRow, selected: string | null): NavItem {
    const it = r.item;
    const g = svg(
        'g',
        {
            class: ['sb-row', it.pick ? 'pick' : '', it.score === null ? 'unscored' : '', it.key === selected ? 'selected' : ''].filter(Boolean).join(' '),
            transform: `translate(${r.x},${r.y})`,
            'data-rank': it.rank,
        },
        parent,
    );
    makeItem(g, it.key, it.ariaLabel);
    svg('rect', { class: 'sb-row-bg', x: 0, y: 2, width: r.w, height: r.h - 4, rx: 5 }, g);
    if (it.pick) svg('circle', { class: 'sb-pick-dot', cx: 24 - r.x, cy: 17, r: 11 }, g);
    svg('text', { class: 'sb-rank', x: 24 - r.x, y: 21, 'text-anchor': 'middle' }, g, String(it.rank));
    return { key: it.key, el: g, x: r.x, y: r.y, w: r.w, h: r.h, tooltip: it.tooltip };
}

/** The row's name, customer, score bar, horizon and stage. */
function detail(g: Element, r: PlacedRow): void {
    const it = r.item;
    const name = svg('text', { class: 'sb-name', x: LEFT - r.x, y: 21 }, g);
    const nameFit = fitText(it.name, r.w - LEFT - 12, 12.5, true);
    svg('tspan', {}, name, nameFit.text);
    const rest = r.w - LEFT - 12 - estimateTextWidth(nameFit.text, 12.5, true);
    if (rest > 60) svg('tspan', { class: 'sb-customer', dx: 8 }, name, fitText(it.customerName, rest - 10, 11.5).text);
    const bar = svg('g', { class: 'sb-bar', transform: `translate(${-r.x},${r.h - 21})` }, g);
    if (it.score === null) {
        const names = sandboxParts();
        const missing = texts().list(it.parts.flatMap((p, i) => (p.value === null ? [names[i]!.label] : [])));
        // what is missing, in words on the bar's line, as long as the row allows (never inside a box it overflows)
        const meta = `${horizonText(it)} · ${it.stageSince ?? texts().vocabulary.stages[it.stage].label}`;
        const room = r.w - LEFT - 12 - estimateTextWidth(meta, 11.5) - 14;
        const said = boxedText(bar, 'sb-missing', texts().t('view.sandbox.missing', { missing }), {
            x: LEFT,
            y: 11,
            width: room,
            font: 11.5,
            maxLines: 1,
            lineHeight: 0,
        });
        svg('text', { class: 'sb-meta', x: LEFT + Math.min(room, estimateTextWidth(said.lines[0] ?? '', 11.5)) + 14, y: 11 }, bar, meta);
        return;
    } else {
        for (const s of r.segments) {
            const seg = svg('g', { class: `sb-seg part-${s.part}` }, bar);
            svg('rect', { x: s.x, y: 0, width: Math.max(0, s.w - 1), height: BAR_H }, seg);
            if (s.w >= 11) svg('text', { class: 'sb-seg-value', x: s.x + s.w / 2 - 0.5, y: 10.5, 'text-anchor': 'middle' }, seg, String(s.value));
        }
        svg('text', { class: 'sb-score', x: LEFT + BAR_W + 10, y: 11.5 }, bar, String(it.score));
    }
    const metaX = LEFT + BAR_W + 36;
    boxedText(
        bar,
        'sb-meta',
        [horizonText(it), it.stageSince ?? texts().vocabulary.stages[it.stage].label, maturityText(it.maturity)].filter(Boolean).join(' · '),
        {
            x: metaX,
            y: 11,
            width: r.w + r.x - metaX - 3,
            font: 11.5,
            maxLines: 1,
            lineHeight: 0,
        },
    );
}

export function renderSandbox(layer: SVGGElement, model: SandboxModel, layout: SandboxLayout, selected: string | null): RenderResult {
    const frame = svg('g', { class: 'sb-frame' }, layer);
    const t = texts();
    if (layout.scoredTitleY !== null) {
        const picks = model.picks === 1 ? t.t('view.sandbox.ranked.onePick') : model.picks ? t.t('view.sandbox.ranked.picks', { picks: model.picks }) : '';
        svg('text', { class: 'sb-section', x: 8, y: layout.scoredTitleY }, frame, t.t('view.sandbox.ranked', { count: model.scored.length, picks }));
    }
    if (layout.axis) {
        const axis = svg('g', { class: 'sb-axis' }, frame);
        namedHoverTip(axis, t.t('view.sandbox.axis'));
        for (const t of layout.axis.ticks) {
            svg('line', { class: 'sb-tick', x1: t.x, x2: t.x, y1: layout.axis.y + 2, y2: layout.axis.bottom }, axis);
            svg('text', { class: 'tick', x: t.x, y: layout.axis.y, 'text-anchor': 'middle' }, axis, String(t.value));
        }
    }
    const rows = svg('g', { class: 'sb-rows' }, layer);
    const drawn = layout.rows.map(r => ({ row: r, item: skeleton(rows, r, selected), detailed: false }));
    if (layout.picksRule !== null) {
        svg('line', { class: 'sb-picks-rule', x1: 4, x2: layout.width - 4, y1: layout.picksRule, y2: layout.picksRule }, frame);
    }
    if (layout.unscoredTitleY !== null) {
        svg('text', { class: 'sb-section', x: 8, y: layout.unscoredTitleY }, frame, t.t('view.sandbox.unscored', { count: model.unscored.length }));
        svg('text', { class: 'fb-sub', x: 8, y: layout.unscoredTitleY + 15 }, frame, t.t('view.sandbox.unscoredHint'));
    }
    return {
        items: drawn.map(d => d.item),
        width: layout.width,
        height: layout.height,
        materialize(area) {
            for (const d of drawn) {
                if (d.detailed) continue;
                const b = d.item;
                if (!area || (b.y < area.y1 && b.y + b.h > area.y0 && b.x < area.x1 && b.x + b.w > area.x0)) {
                    d.detailed = true;
                    detail(b.el, d.row);
                }
            }
        },
    };
}
