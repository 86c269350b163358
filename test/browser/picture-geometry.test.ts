/**
 * Picture geometry (`npm run test:pictures`): every view of the README's deal (Donghai Mobile ›
 * ran27) as a person sees it after Fit, in a side panel of 480 × 640 and 640 × 900 and a full
 * editor of 1280 × 800, in the light, dark and high-contrast themes, in English and Chinese, and
 * as the exported SVG. For each it measures each text's box against the visible canvas and
 * against its own card or cell, the smallest text on screen, overlapping labels, labels cut short
 * where their box has room, the legend's box against the drawing's and the share of the canvas
 * the drawing uses; prints one line per case and fails when a rule is broken. The Trends view
 * draws the opportunity of the example history (trends-fixture.ts), a real history of commits;
 * the Changes Since… page's maps (changes-fixture.ts) are measured too, at every size, theme and
 * language. Screenshots of every case: test-results/pictures/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { viewStrings } from '@acct/method';
import type { PlanView } from '@acct/contract';
import { TABS } from '../../client/webview/src/state.js';
import { MAX_FIT_ZOOM } from '../../client/webview/src/viewport.js';
import { changesFixture } from './changes-fixture.js';
import { installGeometry } from './geometry.js';
import { clone, TODAY } from './fixture.js';
import { ROOT, type Theme, type WebviewPage } from './harness.js';
import { browserSuite, T } from './shared.js';
import { exampleTrend, TREND_SUBJECTS } from './trends-fixture.js';

const suite = browserSuite();
const OUT = path.join(ROOT, 'test-results', 'pictures');
const DEAL = { customer: 'donghai', opportunity: 'ran27' };
const SIZES = [
    [480, 640],
    [640, 900],
    [1280, 800],
] as const;
const THEMES: Theme[] = ['light', 'dark', 'high-contrast'];
const LANGS = ['en', 'zh-CN'] as const;
/** No text on screen is smaller. */
const MIN_PX = 11;
/** After Fit the drawing spans at least this share of the canvas's width or height (or Fit reached its largest zoom). */
const MIN_FILL = 0.8;

export interface Figures {
    texts: number;
    /** Texts not wholly inside the visible canvas (a list form may go on below it: only its sides count). */
    outside: string[];
    /** Texts not wholly inside their own card, row or cell. */
    outOfBox: string[];
    minPx: number;
    minText: string;
    overlaps: string[];
    /** Texts cut short (…) although their box has room for the whole. */
    needlessCuts: string[];
    /** The legend's box overlaps the canvas or the drawing. */
    legendCovers: boolean;
    legendHeight: number;
    /** The drawing's box on screen: its share of the canvas's area, and of its width or height, whichever is more. */
    share: number;
    fill: number;
    k: number;
}

/** Runs in the page: the figures of what is drawn in `frameSel`'s `layerSel`. */
function measure(args: { frameSel: string; layerSel: string; list: boolean; legendSel: string | null }): Figures {
    const frame = document.querySelector(args.frameSel)!.getBoundingClientRect();
    const layer = document.querySelector(args.layerSel) as SVGGraphicsElement;
    const name = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').slice(0, 40);
    const visible = (el: Element): boolean => {
        for (let e: Element | null = el; e && e !== (layer as Element); e = e.parentElement) {
            const s = getComputedStyle(e);
            if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false;
        }
        return true;
    };
    const tol = 0.75;
    const inside = (r: DOMRect, b: DOMRect, sidesOnly = false): boolean => window.acctGeometry.inside(r, b, tol, sidesOnly);
    /** The box a text belongs to: the nearest group's own background (a card, a row, a cell, a group, the deal's head). */
    const OWN = /(^|\s)(card-bg|fb-card-bg|fb-head-bg|fb-apart-bg|sb-row-bg|group-bg|q-cell-bg|deal-tag-bg|badge-bg|change-mark-bg|fold-bg)(\s|$)/;
    const ownBox = (el: Element): DOMRect | null => {
        for (let g = el.parentElement; g && g !== (layer as Element); g = g.parentElement) {
            const bg = Array.from(g.children).find(c => c.tagName === 'rect' && OWN.test(c.getAttribute('class') ?? ''));
            if (bg) return bg.getBoundingClientRect();
        }
        return null;
    };
    const m = layer.getScreenCTM()!;
    const k = Math.hypot(m.a, m.b);
    const texts = Array.from(layer.querySelectorAll('text')).filter(t => (t.textContent ?? '').trim() && visible(t));
    const f: Figures = {
        texts: 0,
        outside: [],
        outOfBox: [],
        minPx: Infinity,
        minText: '',
        overlaps: [],
        needlessCuts: [],
        legendCovers: false,
        legendHeight: 0,
        share: 0,
        fill: 0,
        k,
    };
    const boxes: Array<{ r: DOMRect; el: SVGTextElement }> = [];
    for (const t of texts) {
        const r = t.getBoundingClientRect();
        if (!r.width || !r.height) continue;
        // a list form scrolls: what is below (or above) the canvas is not cut, it is further down
        const onScreen = r.bottom > frame.top && r.top < frame.bottom;
        if (!onScreen && args.list) continue;
        f.texts++;
        if (!inside(r, frame, args.list)) f.outside.push(name(t));
        const own = ownBox(t);
        if (own && !inside(r, own)) f.outOfBox.push(name(t));
        const px = window.acctGeometry.textPx(t);
        if (px < f.minPx) {
            f.minPx = px;
            f.minText = name(t);
        }
        boxes.push({ r, el: t });
        // cut short: the whole (its hover text, a <title> once hovered) would have fitted in its box
        const drawn = Array.from(t.childNodes)
            .filter(n => n.nodeType === Node.TEXT_NODE || n.nodeName === 'tspan')
            .map(n => n.textContent ?? '')
            .join('');
        const whole = t.querySelector(':scope > title')?.textContent ?? t.getAttribute('data-tip') ?? '';
        if (drawn.endsWith('…') && whole && !t.querySelector('tspan') && !/rotate/.test(t.getAttribute('transform') ?? '')) {
            const probe = t.cloneNode(false) as SVGTextElement;
            probe.textContent = whole;
            t.parentElement!.appendChild(probe);
            const need = (probe.getComputedTextLength() * px) / parseFloat(getComputedStyle(t).fontSize); // the text's scale on screen: its size as drawn over its font size
            probe.remove();
            const room = (own ? own.right - 4 : frame.right) - r.left;
            if (need <= room) f.needlessCuts.push(name(t));
        }
    }
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.r,
                b = boxes[j]!.r;
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 1.5 && h > 2.5) f.overlaps.push(`"${name(boxes[i]!.el)}" × "${name(boxes[j]!.el)}"`);
        }
    }
    const drawing = layer.getBoundingClientRect();
    if (args.legendSel) {
        const legend = document.querySelector(args.legendSel) as HTMLElement | null;
        if (legend && !legend.hidden) {
            const l = legend.getBoundingClientRect();
            f.legendHeight = Math.round(l.height);
            const meets = (a: DOMRect, b: DOMRect) =>
                Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
            const shownDrawing = new DOMRect(
                drawing.x,
                Math.max(drawing.y, frame.y),
                drawing.width,
                Math.min(drawing.bottom, frame.bottom) - Math.max(drawing.y, frame.y),
            );
            f.legendCovers = meets(l, frame) || (shownDrawing.height > 0 && meets(l, shownDrawing));
        }
    }
    const cw = Math.max(0, Math.min(drawing.right, frame.right) - Math.max(drawing.left, frame.left));
    const ch = Math.max(0, Math.min(drawing.bottom, frame.bottom) - Math.max(drawing.top, frame.top));
    f.share = (cw * ch) / (frame.width * frame.height);
    f.fill = Math.max(cw / frame.width, ch / frame.height);
    if (f.minPx === Infinity) f.minPx = 0;
    return f;
}

/** The rules of a whole, readable picture; what breaks them, in words. */
function broken(f: Figures, opts: { export?: boolean; maxZoom?: boolean } = {}): string[] {
    const out: string[] = [];
    if (f.texts === 0) out.push('no text drawn');
    if (f.outside.length) out.push(`${f.outside.length} outside the canvas (${f.outside.slice(0, 3).join(' | ')})`);
    if (f.outOfBox.length) out.push(`${f.outOfBox.length} outside their box (${f.outOfBox.slice(0, 3).join(' | ')})`);
    if (f.minPx < MIN_PX - 0.01) out.push(`text of ${f.minPx.toFixed(1)} px ("${f.minText}")`);
    if (f.overlaps.length) out.push(`${f.overlaps.length} overlaps (${f.overlaps.slice(0, 3).join(' | ')})`);
    if (f.needlessCuts.length) out.push(`${f.needlessCuts.length} cut with room (${f.needlessCuts.slice(0, 3).join(' | ')})`);
    if (f.legendCovers) out.push('the legend covers the drawing');
    if (!opts.export && !opts.maxZoom && f.fill < MIN_FILL) out.push(`the drawing spans ${(f.fill * 100).toFixed(0)} % of the canvas`);
    return out;
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
function line(name: string, f: Figures, problems: string[]): string {
    return (
        `${pad(name, 34)} texts ${pad(f.texts, 4)} min ${pad(f.minPx.toFixed(1) + 'px', 7)} outside ${pad(f.outside.length, 3)} ` +
        `out-of-box ${pad(f.outOfBox.length, 3)} overlaps ${pad(f.overlaps.length, 3)} cut-with-room ${pad(f.needlessCuts.length, 3)} ` +
        `legend ${pad(f.legendCovers ? 'COVERS' : `${f.legendHeight}px`, 6)} share ${pad((f.share * 100).toFixed(0) + '%', 5)} ` +
        `fill ${pad((f.fill * 100).toFixed(0) + '%', 5)} zoom ${f.k.toFixed(2)}${problems.length ? `  ✗ ${problems.join('; ')}` : '  ✓'}`
    );
}

const plans: Partial<Record<(typeof LANGS)[number], PlanView>> = {};
/** The same plans with the deal's top chain member (Liu Guoqiang) out of its chain: above the chain, drawn as a light card. */
const lightPlans: typeof plans = {};
beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    const { loadWorkspace } = await import('../../server/src/node/workspace-loader.js');
    const examples = path.resolve(__dirname, '..', '..', 'examples');
    plans.en = suite.view();
    plans['zh-CN'] = (await loadWorkspace([examples], { today: TODAY, locale: 'zh-CN' })).view();
    for (const lang of LANGS) {
        const v = (lightPlans[lang] = clone(plans[lang]!));
        const deal = v.plan.customers.find(c => c.id === DEAL.customer)!.opportunities.find(o => o.id === DEAL.opportunity)!;
        deal.decisionChain = deal.decisionChain.filter(e => e.contact !== 'liu');
    }
}, T);

async function showTab(p: WebviewPage, tab: string): Promise<void> {
    await p.page.click(`[role=tab][data-tab=${tab}]`);
    await fit(p);
}

/** Presses Fit and waits until the drawing stands still (two frames without a change of zoom). */
async function fit(p: WebviewPage): Promise<void> {
    await p.page.click('.toolbar .tool >> nth=0');
    await p.page.evaluate(async () => {
        const frame = () => new Promise(r => requestAnimationFrame(() => r(undefined)));
        let last = '';
        for (let i = 0; i < 20; i++) {
            await frame();
            const now = document.querySelector('.viewport')?.getAttribute('transform') ?? '';
            if (now === last) return;
            last = now;
        }
    });
}

describe('picture geometry', () => {
    const failures: string[] = [];
    const table: string[] = [];

    for (const [width, height] of SIZES) {
        it(
            `every view whole and readable at ${width} × ${height}, in every theme and language`,
            async () => {
                const p = await suite.page({ theme: 'light', width, height });
                for (const lang of LANGS) {
                    await p.send({ type: 'strings', strings: viewStrings(lang) });
                    await p.send({ type: 'trends', trends: { status: 'ready', trend: await exampleTrend(TREND_SUBJECTS.opportunity, lang) } });
                    // the deal, then its power map with a manager above the chain (a light card)
                    for (const variant of ['', ' light'] as const) {
                        await p.sendPlan((variant ? lightPlans : plans)[lang]!, DEAL);
                        for (const theme of THEMES) {
                            await p.setTheme(theme);
                            for (const tab of variant ? (['power'] as const) : TABS) {
                                await showTab(p, tab);
                                // the forms that read top to bottom and scroll (the view says which form it drew): the power map's
                                // list, the upright fishbone, a compact chart's list of names, the sandbox's ranked list, the Trends' panels
                                const shape = (await p.page.getAttribute('.canvas', 'data-shape')) ?? '';
                                const list = shape === 'list' || shape === 'vertical' || shape.endsWith('compact') || tab === 'sandbox' || tab === 'trends';
                                await installGeometry(p.page);
                                const f = await p.page.evaluate(measure, {
                                    frameSel: '.canvas',
                                    layerSel: '.canvas .viewport',
                                    list,
                                    legendSel: '.legend-panel',
                                });
                                const maxZoom = f.k >= MAX_FIT_ZOOM - 0.01;
                                const name = `${tab}${variant}${shape ? ` (${shape})` : ''} ${width}×${height} ${theme} ${lang}`;
                                const problems = broken(f, { maxZoom });
                                table.push(line(name, f, problems));
                                if (problems.length) failures.push(`${name}: ${problems.join('; ')}`);
                                await p.page.mouse.move(width - 1, 1);
                                await p.page.screenshot({ path: path.join(OUT, `${tab}${variant ? '-light' : ''}-${width}x${height}-${theme}-${lang}.png`) });
                            }
                        }
                    }
                }
            },
            4 * T,
        );
    }

    it(
        'every exported SVG whole and readable, in English and Chinese',
        async () => {
            const p = await suite.page({ theme: 'light', width: 1280, height: 800 });
            const check = await suite.browser().newPage({ viewport: { width: 1600, height: 1400 } });
            await check.route('**/*', r => r.abort());
            try {
                for (const lang of LANGS) {
                    await p.send({ type: 'strings', strings: viewStrings(lang) });
                    await p.sendPlan(plans[lang]!, DEAL);
                    await p.send({ type: 'trends', trends: { status: 'ready', trend: await exampleTrend(TREND_SUBJECTS.opportunity, lang) } });
                    for (const tab of TABS) {
                        await showTab(p, tab);
                        await p.send({ type: 'requestSvg' });
                        const svg = (await p.posted()).filter(m => m.type === 'exportSvg').at(-1)!.svg as string;
                        await check.setContent(`<body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
                        await installGeometry(check);
                        const f = await check.evaluate(measure, { frameSel: 'body > svg', layerSel: 'body > svg', list: false, legendSel: null });
                        const name = `${tab} export ${lang}`;
                        const problems = broken(f, { export: true });
                        table.push(line(name, f, problems));
                        if (problems.length) failures.push(`${name}: ${problems.join('; ')}`);
                        await check.screenshot({ path: path.join(OUT, `${tab}-export-${lang}.png`), fullPage: true });
                    }
                }
            } finally {
                await check.close();
            }
        },
        4 * T,
    );

    it(
        "the Changes Since… page: each changed deal's map with its marks, whole and readable at every size, theme and language",
        async () => {
            for (const lang of LANGS) {
                const changes = await changesFixture(lang);
                for (const [width, height] of SIZES) {
                    const p = await suite.page({ theme: 'light', width, height, entry: 'changes' });
                    await p.send({ type: 'changes', changes });
                    await p.page.waitForFunction(() => document.documentElement.dataset.drawn !== undefined);
                    for (const theme of THEMES) {
                        await p.setTheme(theme);
                        for (const deal of ['ran27', 'transport']) {
                            const figure = `figure.map[data-opportunity=${deal}]`;
                            // the page scrolls: each map at its own size, as wide as the panel allows (a list when narrow)
                            await installGeometry(p.page);
                            const f = await p.page.evaluate(measure, {
                                frameSel: `${figure} .figure`,
                                layerSel: `${figure} .viewport`,
                                list: true,
                                legendSel: null,
                            });
                            const marks = await p.page.$$eval(`${figure} .change-mark`, els => els.length);
                            const name = `changes ${deal} ${width}×${height} ${theme} ${lang}`;
                            const problems = broken(f);
                            if (marks === 0) problems.push('no change marked');
                            table.push(line(name, f, problems));
                            if (problems.length) failures.push(`${name}: ${problems.join('; ')}`);
                        }
                        await p.page.mouse.move(width - 1, 1);
                        await p.page.screenshot({ path: path.join(OUT, `changes-${width}x${height}-${theme}-${lang}.png`) });
                    }
                }
            }
        },
        4 * T,
    );

    it('prints the table and breaks no rule', async () => {
        const report = `picture geometry (${table.length} cases; min ${MIN_PX} px, fill ≥ ${MIN_FILL * 100} %)\n${table.join('\n')}\n`;
        process.stdout.write(`\n${report}`);
        await writeFile(path.join(OUT, 'table.txt'), report);
        expect(failures, failures.join('\n')).toEqual([]);
    });
});
