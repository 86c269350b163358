/**
 * The tier quadrant's marks never cover each other (issue 21, pictures' quality), in Chromium:
 * every mark — a customer's dot with its number (or its name), a crowded cell's box with its
 * count, a mismatch ring — measured against every other mark and every other text of its picture
 * (the tiers' names, the list of names under the grid, the axes), inside its cell, every number at
 * least 11 px and inside its own dot. In the editor's view of a crowded workspace at 360, 480 and
 * 1280 px (the compact grid of numbered dots in a panel), light and dark, English and Chinese; and
 * in `acct report` opened in a 480 px window, whose quadrants take the same compact grid and fit
 * their frames (no sideways scroll), while a full window and print keep the full quadrant.
 * Screenshots: test-results/webview/quadrant-compact-*.png, test-results/report/quadrant-compact-*.png.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli, tempWorkspace } from '../support/run-cli.js';
import { installGeometry, pictureLabels } from './geometry.js';
import { openReport, quadrantPanel } from './quadrant-pages.js';
import { ROOT } from './harness.js';
import { browserSuite, T } from './shared.js';

const suite = browserSuite();
const SHOTS = path.join(ROOT, 'test-results', 'report');

interface MarkFigures {
    /** The quadrants measured, and how many of them drew the compact grid (numbered dots, names listed under it). */
    pictures: number;
    compact: number;
    marks: number;
    numbers: number;
    /** The customers the marks stand for, by picture: each dot one, each group its count. */
    customers: number[];
    /** For each compact picture: the numbers on its dots, in order, each with its customer's name and the list's line of that number. */
    keyed: Array<{ number: number; name: string; line: string | null }>;
    problems: string[];
}

/** Runs in the page: the figures of the quadrants `sel` selects (`window.acctGeometry` installed). */
function measureMarks(sel: string): MarkFigures {
    const g = window.acctGeometry;
    const out: MarkFigures = { pictures: 0, compact: 0, marks: 0, numbers: 0, customers: [], keyed: [], problems: [] };
    const boxOf = (el: Element) => el.getBoundingClientRect();
    // two boxes meet when they overlap by more than half a pixel both ways, or (two marks) come closer than two pixels: a
    // neighbour's stroke, drawn in the background's colour, would cut into a number that only touches it
    const meet = (a: DOMRect, b: DOMRect, clear = 0.5): boolean =>
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > clear && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > clear;
    for (const root of Array.from(document.querySelectorAll(sel))) {
        const pts = root.querySelector('.q-points');
        if (!pts) continue;
        out.pictures++;
        const compact = root.querySelector('.q-key') !== null;
        if (compact) out.compact++;
        // a mark: its ring, its control (the element with a key) and its texts (its number, its name or count)
        const marks: Element[][] = [];
        let mark: Element[] | null = null;
        for (const el of Array.from(pts.children)) {
            const control = el.hasAttribute('data-key');
            if (!mark || el.classList.contains('mismatch-ring') || (control && mark.some(e => e.hasAttribute('data-key')))) marks.push((mark = [el]));
            else mark.push(el);
        }
        const cells = Array.from(root.querySelectorAll('.q-cell-bg')).map(boxOf);
        const others = Array.from(root.querySelectorAll('text'))
            .filter(t => !pts.contains(t) && (t.textContent ?? '').trim())
            .map(t => ({ name: (t.textContent ?? '').slice(0, 30), box: boxOf(t) }));
        const drawn = marks.map(m => {
            const control = m.find(e => e.hasAttribute('data-key'))!;
            const number = m.find(e => e.classList.contains('dot-number') || e.classList.contains('q-group-count'));
            const name = `${control.getAttribute('data-key')} ${number?.textContent ?? ''}`.trim();
            return { m, control, number, name, boxes: m.map(boxOf) };
        });
        let customers = 0;
        const lines = Array.from(root.querySelectorAll('.q-key .q-key-item')).map(l => (l.textContent ?? '').replace(/\s+/g, ' ').trim());
        for (const [i, d] of drawn.entries()) {
            out.marks++;
            const c = boxOf(d.control);
            const [x, y] = [(c.left + c.right) / 2, (c.top + c.bottom) / 2];
            customers += d.control.classList.contains('q-group') ? Number(d.number?.textContent) : 1;
            const cell = cells.find(b => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
            if (!cell) out.problems.push(`${d.name}: in no cell`);
            else if (!d.boxes.every(b => g.inside(b, cell))) out.problems.push(`${d.name}: outside its cell`);
            if (d.number) {
                out.numbers++;
                const px = g.textPx(d.number);
                if (px < 11 - 0.01) out.problems.push(`${d.name}: its number ${px.toFixed(2)} px`);
                if (!g.inside(boxOf(d.number), c)) out.problems.push(`${d.name}: its number outside its mark`);
            }
            if (compact && d.control.classList.contains('q-point')) {
                const n = Number(d.number?.textContent);
                const who = (d.control.getAttribute('aria-label') ?? '').split(';')[0]!;
                if (d.number) out.keyed.push({ number: n, name: who, line: lines[n - 1] ?? null });
            }
            for (const e of drawn.slice(i + 1)) {
                for (const [j, a] of d.boxes.entries()) {
                    const b = e.boxes.find(bb => meet(a, bb, -2));
                    if (b) out.problems.push(`${d.name} (${d.m[j]!.getAttribute('class')}) × ${e.name}`);
                }
            }
            for (const o of others) if (d.boxes.some(b => meet(b, o.box))) out.problems.push(`${d.name} × ${o.name}`);
        }
        out.customers.push(customers);
    }
    return out;
}

async function marksOf(page: Page, sel: string): Promise<MarkFigures> {
    await installGeometry(page);
    return page.evaluate(measureMarks, sel);
}

/** Every numbered dot is its customer's line in the list under the grid (the list's first lines; then "… and N more"). */
function expectKeyRight(figures: MarkFigures): void {
    for (const k of figures.keyed) {
        if (k.line === null) continue;
        const [num, ...rest] = k.line.split(' ');
        expect(Number(num), k.line).toBe(k.number);
        const shown = rest.join(' ').replace(/…$/, '');
        expect(k.name.startsWith(shown), `${k.line} for ${k.name}`).toBe(true);
    }
}

describe('the compact quadrant in the editor: no mark covers another', () => {
    it.each(['en', 'zh-CN'] as const)(
        'a crowded workspace of 200 customers at 360, 480 and 1280 px, light and dark (%s); screenshots',
        async lang => {
            for (const [width, height] of [
                [360, 640],
                [480, 640],
                [1280, 800],
            ] as const) {
                const p = await quadrantPanel(suite, width, height, lang);
                for (const theme of ['light', 'dark'] as const) {
                    await p.setTheme(theme);
                    const figures = await marksOf(p.page, 'svg.canvas');
                    expect(figures.pictures, `${width} px`).toBe(1);
                    expect(figures.compact, `${width} px`).toBe(width < 1280 ? 1 : 0);
                    expect(figures.customers, `${width} px`).toEqual([200]);
                    expect(figures.problems, `${width} px, ${theme}`).toEqual([]);
                    if (width < 1280) expect(figures.numbers, `${width} px`).toBeGreaterThan(10);
                    expectKeyRight(figures);
                    if (width !== 360) await p.screenshot(`quadrant-compact-${lang}-${width}-${theme}`);
                }
            }
        },
        T,
    );

    it(
        'a thousand customers at 360 px: groups of three digits, and a cell opened in a narrow panel',
        async () => {
            const p = await quadrantPanel(suite, 360, 640, 'en', 1000);
            const figures = await marksOf(p.page, 'svg.canvas');
            expect(figures.customers).toEqual([1000]);
            expect(figures.problems).toEqual([]);
            expect(await p.page.$$eval('.q-group-count', els => els.some(el => (el.textContent ?? '').length >= 3))).toBe(true);
            // a click on the largest group: its customers packed in their cell, unnumbered (too many for their numbers), each still a control
            const largest = await p.page.$$eval('.q-group', els =>
                els
                    .map(el => ({ cell: el.getAttribute('data-cell')!, count: Number(el.nextElementSibling?.textContent) }))
                    .reduce((a, b) => (b.count > a.count ? b : a)),
            );
            await p.afterRender(() => p.page.click(`.q-group[data-cell="${largest.cell}"]`));
            const opened = await marksOf(p.page, 'svg.canvas');
            expect(opened.customers).toEqual([1000]);
            expectKeyRight(opened);
        },
        T,
    );
});

/** 85 customers: (standing × cooperation) mod 7 in each cell (none to six), one in three with a tier declared (some of them another than suggested). */
function mixedWorkspace(): string {
    const files: Record<string, string> = {};
    const tiers = ['commercial', 'value', 'core', 'strategic', 'excellent'];
    let k = 0;
    for (let s = 1; s <= 5; s++) {
        for (let c = 1; c <= 5; c++) {
            for (let i = 0; i < (s * c) % 7; i++, k++) {
                const id = `m${String(k).padStart(3, '0')}`;
                const tier = k % 3 === 0 ? `\n    tier ${tiers[(s + c + i) % 5]}` : '';
                files[`${id}.acct`] =
                    `customer ${id} "Mixed Holdings ${s}${c}${i}" {\n    standing ${s}\n    cooperation ${c}${tier}\n    reviewed 2026-10-01\n}\n`;
            }
        }
    }
    return tempWorkspace(files);
}

describe('the quadrant of `acct report` in a narrow window', () => {
    const reports: Record<string, string> = {};
    let customers = 0;
    beforeAll(() => {
        mkdirSync(SHOTS, { recursive: true });
        const ws = mixedWorkspace();
        for (const lang of ['en', 'zh-CN'] as const) {
            reports[lang] = path.join(ws, `report-${lang}.html`);
            const r = runCli(['report', '--today', '2026-12-06', '--lang', lang, '-o', reports[lang]!, '.'], { cwd: ws });
            expect(r.status, r.stderr).toBe(0);
        }
        customers = Array.from({ length: 25 }, (_, i) => ((Math.floor(i / 5) + 1) * ((i % 5) + 1)) % 7).reduce((a, b) => a + b, 0);
    }, T);

    const open = (lang: string, width: number, dark: boolean) => openReport(suite.browser(), reports[lang]!, width, dark);

    /** Each quadrant's frame: how much wider its drawing is than the frame (0: no sideways scroll). */
    const overflows = (page: Page) =>
        page.$$eval('[data-figure]', hosts => hosts.filter(h => h.querySelector('.q-grid')).map(h => h.scrollWidth - h.clientWidth));

    it.each([
        ['en', 480, false],
        ['en', 480, true],
        ['zh-CN', 480, false],
        ['zh-CN', 480, true],
    ] as const)(
        'fits its frame with the compact grid, no mark covering another (%s, %i px, dark %s); screenshots',
        async (lang, width, dark) => {
            const { page, errors } = await open(lang, width, dark);
            expect(customers).toBe(85);
            expect((await overflows(page)).filter(o => o > 0)).toEqual([]);
            const figures = await marksOf(page, 'svg.report-picture');
            expect(figures.pictures).toBe(customers);
            expect(figures.compact).toBe(customers);
            expect(new Set(figures.customers)).toEqual(new Set([customers]));
            expect(figures.problems).toEqual([]);
            expectKeyRight(figures);
            // a page has no height to save: every number is in the list
            expect(figures.keyed.filter(k => k.line === null)).toEqual([]);
            const labels = await pictureLabels(page, 'svg.report-picture', { has: '.q-grid' });
            expect(labels.problems).toEqual([]);
            const figure = page
                .locator('section.customer')
                .nth(3)
                .locator('[data-figure]')
                .filter({ has: page.locator('.q-grid') });
            await figure.scrollIntoViewIfNeeded();
            await figure.screenshot({ path: path.join(SHOTS, `quadrant-compact-${lang}-${width}${dark ? '-dark' : ''}.png`) });
            expect(errors).toEqual([]);
            await page.context().close();
        },
        T,
    );

    it(
        'keeps the full quadrant in a full window and in print, and takes the compact grid again after printing',
        async () => {
            const wide = await open('en', 1280, false);
            const full = await marksOf(wide.page, 'svg.report-picture');
            expect(full.compact).toBe(0);
            expect(full.problems).toEqual([]);
            await wide.page.context().close();
            const { page, errors } = await open('en', 480, false);
            expect((await marksOf(page, 'svg.report-picture')).compact).toBe(customers);
            await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
            const printed = await marksOf(page, 'svg.report-picture');
            expect(printed.compact).toBe(0);
            expect(printed.problems).toEqual([]);
            // the quadrants drawn for the page are the full window's
            const markup = (p: Page) => p.$$eval('svg.report-picture', svgs => svgs.filter(s => s.querySelector('.q-grid')).map(s => s.outerHTML.length));
            const printedMarkup = await markup(page);
            const again = await open('en', 1280, false);
            expect(printedMarkup).toEqual(await markup(again.page));
            await again.page.context().close();
            await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
            expect((await marksOf(page, 'svg.report-picture')).compact).toBe(customers);
            expect(errors).toEqual([]);
            await page.context().close();
        },
        T,
    );
});
