/**
 * The tier quadrant of a crowded workspace (issue 21 item 6), in Chromium: a cell of more than
 * four customers draws the highlighted one alone and the others as one mark with their number,
 * "N customers", their mismatches, and their names on hover — in the report (each customer's
 * section) and in the editor's view, where a click on the mark shows them one by one. Labels
 * inside the picture and at least 11 px; a hostile name in a group stays text. Screenshots:
 * test-results/report/quadrant-*.png, test-results/webview/quadrant-crowded-*.png.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli, tempWorkspace } from '../support/run-cli.js';
import { ROOT } from './harness.js';
import { pictureLabels } from './geometry.js';
import { openReport } from './quadrant-pages.js';
import { browserSuite, T } from './shared.js';
import { manyCustomersView } from './synthetic.mjs';

const suite = browserSuite();
const SHOTS = path.join(ROOT, 'test-results', 'report');
const HOSTILE = '<img src=x onerror=alert(1)>';

/** 32 customers: 12 at standing 4 × cooperation 4 (two of another tier, one named with markup), 9 at 2 × 2, 4 at 1 × 5, 7 alone or in pairs. */
function crowdedWorkspace(): string {
    const at: Array<[number, number, string]> = [
        ...Array.from({ length: 12 }, (_, i): [number, number, string] => [4, 4, i < 2 ? 'core' : 'excellent']),
        ...Array.from({ length: 9 }, (): [number, number, string] => [2, 2, 'value']),
        ...Array.from({ length: 4 }, (): [number, number, string] => [1, 5, 'core']),
        [5, 1, 'commercial'],
        [5, 1, 'commercial'],
        [3, 3, 'value'],
        [3, 4, 'core'],
        [1, 1, 'commercial'],
        [1, 2, 'commercial'],
        [2, 5, 'core'],
    ];
    const files: Record<string, string> = {};
    at.forEach(([standing, cooperation, tier], i) => {
        const n = String(i + 1).padStart(2, '0');
        const name = i === 3 ? `Crowd ${n} ${HOSTILE}` : `Crowd ${n}`;
        files[`c${n}.acct`] =
            `customer c${n} ${JSON.stringify(name)} {\n    standing ${standing}\n    cooperation ${cooperation}\n    tier ${tier}\n    reviewed 2026-10-01\n}\n`;
    });
    return tempWorkspace(files);
}

interface Section {
    name: string;
    alone: string[];
    focused: string[];
    groups: Array<{ count: number; aria: string; labels: string[] }>;
}

async function quadrants(page: Page): Promise<Section[]> {
    return page.$$eval('section.customer', sections =>
        sections.map(section => {
            const svg = Array.from(section.querySelectorAll('svg.report-picture')).find(s => s.querySelector('.q-grid'))!;
            const points = Array.from(svg.querySelectorAll('circle.q-point[data-key]'));
            return {
                name: section.querySelector('h2')?.textContent ?? '',
                alone: points.map(p => p.getAttribute('data-key')!),
                focused: points.filter(p => p.classList.contains('focused')).map(p => (p.getAttribute('aria-label') ?? '').split(';')[0]!),
                groups: Array.from(svg.querySelectorAll('rect.q-group')).map(g => ({
                    count: Number(g.nextElementSibling?.textContent),
                    aria: g.getAttribute('aria-label') ?? '',
                    labels: [g.nextElementSibling?.nextElementSibling, g.nextElementSibling?.nextElementSibling?.nextElementSibling]
                        .filter(el => el?.classList.contains('q-group-label') || el?.classList.contains('q-group-mismatches'))
                        .map(el => el!.textContent ?? ''),
                })),
            };
        }),
    );
}

/** Every text of every quadrant: at least 11 px and inside its picture. */
const textProblems = (page: Page) => pictureLabels(page, 'svg.report-picture', { has: '.q-grid' });

describe('the quadrant of a crowded workspace in the report', () => {
    let en: string;
    let zh: string;
    beforeAll(() => {
        mkdirSync(SHOTS, { recursive: true });
        const ws = crowdedWorkspace();
        for (const [lang, file] of [
            ['en', 'crowded.html'],
            ['zh-CN', 'crowded-zh.html'],
        ] as const) {
            const r = runCli(['report', '--today', '2026-12-06', '--lang', lang, '-o', path.join(ws, file), '.'], { cwd: ws });
            expect(r.status, r.stderr).toBe(0);
        }
        en = path.join(ws, 'crowded.html');
        zh = path.join(ws, 'crowded-zh.html');
    }, T);

    const open = (file: string, width: number, dark = false) => openReport(suite.browser(), file, width, dark);

    it(
        'each section: its customer alone and highlighted, the others of a full cell as one mark with their number, every customer counted once',
        async () => {
            const { page, errors } = await open(en, 1280);
            const sections = await quadrants(page);
            expect(sections.length).toBe(32);
            for (const s of sections) {
                const own = s.name;
                expect(s.alone.length + s.groups.reduce((n, g) => n + g.count, 0), s.name).toBe(32);
                expect(s.focused, s.name).toEqual([own]);
                for (const g of s.groups) {
                    expect(g.aria, s.name).not.toContain(`${own} —`);
                    expect(g.labels[0]).toBe(`${g.count} customers`);
                }
            }
            // the cell of twelve: the section of one of them shows 11 in the group, two of them mismatched (core where excellent is suggested)
            const first = sections.find(s => s.name.includes('Crowd 05'))!;
            const twelve = first.groups.find(g => g.aria.includes('standing 4, cooperation 4'))!;
            expect(twelve.count).toBe(11);
            expect(twelve.labels).toEqual(['11 customers', '2 tier mismatches']);
            // the others' names on hover, markup as text
            const mark = page.locator('section.customer').nth(4).locator('rect.q-group').first();
            await mark.scrollIntoViewIfNeeded();
            await mark.hover();
            const tip = await mark.evaluate(el => el.querySelector(':scope > title')?.textContent ?? '');
            expect(tip.split('\n')[0]).toMatch(/^\d+ customers · standing/);
            expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
            const named = await page
                .locator('section.customer')
                .nth(0)
                .locator('rect.q-group')
                .evaluateAll(els => els.map(el => el.getAttribute('aria-label') ?? ''));
            expect(named.join('\n')).toContain(`Crowd 04 ${HOSTILE} — excellent`);
            expect(await textProblems(page)).toMatchObject({ problems: [] });
            expect(errors).toEqual([]);
            await page.context().close();
        },
        T,
    );

    it.each([
        ['en', 480, false],
        ['en', 1280, true],
        ['zh', 480, true],
        ['zh', 1280, false],
    ] as const)(
        'labels inside the picture and at least 11 px (%s, %i px, dark %s); screenshots',
        async (lang, width, dark) => {
            const { page, errors } = await open(lang === 'en' ? en : zh, width, dark);
            const problems = await textProblems(page);
            expect(problems.count).toBeGreaterThan(32 * 20);
            expect(problems.problems).toEqual([]);
            const figure = page
                .locator('section.customer')
                .nth(4)
                .locator('[data-figure]')
                .filter({ has: page.locator('.q-grid') });
            await figure.scrollIntoViewIfNeeded();
            await figure.screenshot({ path: path.join(SHOTS, `quadrant-crowded-${lang}-${width}${dark ? '-dark' : ''}.png`) });
            // a 480 px window draws the compact grid (the square's count, the names listed under it), a full one "N customers" beside the square
            if (width === 480) expect(await figure.locator('.q-key').count()).toBe(1);
            else if (lang === 'zh') expect(await figure.locator('.q-group-label').first().textContent()).toMatch(/^\d+ 个客户$/);
            expect(errors).toEqual([]);
            await page.context().close();
        },
        T,
    );
});

describe('the quadrant of a crowded workspace in the editor', () => {
    it(
        'draws 200 customers as marks per full cell, the focused one alone; a click on a mark shows its customers one by one',
        async () => {
            const view = manyCustomersView(200);
            const p = await suite.page({ width: 1280, height: 800, theme: 'light' });
            await p.sendPlan(view, { customer: 'k7', opportunity: null });
            await p.afterRender(() => p.page.click('[role=tab][data-tab=quadrant]'));
            const marks = async () =>
                p.page.evaluate(() => ({
                    alone: Array.from(document.querySelectorAll('.q-point[data-key]')).map(el => el.getAttribute('data-key')),
                    focused: Array.from(document.querySelectorAll('.q-point.focused')).map(el => el.getAttribute('data-key')),
                    groups: Array.from(document.querySelectorAll('.q-group[data-key]')).map(el => ({
                        cell: el.getAttribute('data-cell')!,
                        count: Number(el.nextElementSibling?.textContent),
                    })),
                }));
            const before = await marks();
            expect(before.focused).toEqual(['customer:k7']);
            expect(before.groups.length).toBeGreaterThan(5);
            expect(before.alone.length + before.groups.reduce((n, g) => n + g.count, 0)).toBe(200);
            await p.screenshot('quadrant-crowded-1280-light');
            await p.setTheme('dark');
            await p.screenshot('quadrant-crowded-1280-dark');
            await p.setTheme('high-contrast');
            await p.screenshot('quadrant-crowded-1280-hc');
            await p.setTheme('light');
            // a click on the largest mark: its cell's customers one by one, each a control of its own
            const largest = before.groups.reduce((a, b) => (b.count > a.count ? b : a));
            await p.afterRender(() => p.page.click(`.q-group[data-cell="${largest.cell}"]`));
            const after = await marks();
            expect(after.groups.map(g => g.cell)).not.toContain(largest.cell);
            expect(after.alone.length).toBe(before.alone.length + largest.count);
            const [s, c] = largest.cell.split('/').map(Number);
            const inCell = view.plan.customers.filter(x => x.standing === s && x.cooperation === c).map(x => `customer:${x.id}`);
            expect(after.alone.filter(k => inCell.includes(k!)).sort()).toEqual([...inCell].sort());
            // and one of them is revealed in the editor by its own click
            const posted = (await p.posted()).length;
            await p.page.click(`.q-point[data-key="${inCell.find(k => k !== 'customer:k7')}"]`);
            await expect.poll(async () => (await p.posted()).slice(posted).some(m => m.type === 'reveal')).toBe(true);
            await p.screenshot('quadrant-crowded-1280-open');
            // the legend says what the square is
            if ((await p.page.getAttribute('.legend-toggle', 'aria-expanded')) === 'false') await p.afterRender(() => p.page.click('.legend-toggle'));
            expect(await p.page.$$eval('.legend-panel rect.q-group', els => els.length)).toBe(1);
            expect(await p.page.textContent('.legend-panel')).toContain("a full cell's other customers, their number (hover: names)");
            await p.screenshot('quadrant-crowded-1280-legend');
        },
        T,
    );

    it(
        'fits a side panel of 480 × 640: numbered dots, counted marks, no text under 11 px',
        async () => {
            const p = await suite.page({ width: 480, height: 640, theme: 'light' });
            await p.sendPlan(manyCustomersView(200), { customer: 'k7', opportunity: null });
            await p.afterRender(() => p.page.click('[role=tab][data-tab=quadrant]'));
            const counts = await p.page.$$eval('.q-group-count', els => els.map(el => el.textContent));
            expect(counts.length).toBeGreaterThan(5);
            // the canvas pans: the list under the grid goes on below the panel
            const labels = await pictureLabels(p.page, 'svg.canvas', { has: '.q-grid', sizeOnly: true });
            expect(labels.count).toBeGreaterThan(30);
            expect(labels.problems).toEqual([]);
            for (const theme of ['light', 'dark', 'high-contrast'] as const) {
                await p.setTheme(theme);
                await p.screenshot(`quadrant-crowded-480-${theme}`);
            }
        },
        T,
    );
});
