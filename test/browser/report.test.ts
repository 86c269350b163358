/**
 * `acct report` in Chromium (contract 7.7): the file of `examples/` opened from disk with the
 * network blocked makes no request, logs no error and breaks no CSP rule; it holds every
 * customer, opportunity and finding message; every picture is drawn when the page opens, its
 * labels inside it and at least 11 px; a card shows its findings on hover, a deal switches
 * between power map and fishbone, a picture zooms and pans; light by default, dark on
 * prefers-color-scheme; a hostile plan executes nothing (printed to PDF: report-pdf.test.ts).
 * Screenshots in test-results/report/.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AcctPlanDocument } from '@acct/contract';
import { examplesDir, runCli, tempWorkspace } from '../support/run-cli.js';
import { hostilePlan, PAYLOADS } from '../support/hostile-plan.js';
import { pictureLabels } from './geometry.js';
import { launch, ROOT } from './harness.js';
import { closeChecked, openReport } from './report-page.js';
import { T } from './shared.js';

const SHOTS = path.join(ROOT, 'test-results', 'report');
const TODAY = '2026-12-06';
const out = tempWorkspace({});
let browser: Browser;
let examples: string;
let chinese: string;
let plan: AcctPlanDocument;

const open = (file: string, options?: { dark?: boolean; width?: number }) => openReport(browser, file, options);

function writeReport(cwd: string, name: string, extra: string[] = []): string {
    const file = path.join(out, name);
    const r = runCli(['report', '--today', TODAY, '-o', file, ...extra, '.'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    return file;
}

beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    examples = writeReport(examplesDir, 'examples.html');
    chinese = writeReport(examplesDir, 'examples-zh.html', ['--lang', 'zh-CN']);
    plan = JSON.parse(runCli(['export', '--today', TODAY, '.'], { cwd: examplesDir }).stdout) as AcctPlanDocument;
    browser = await launch();
}, T);

afterAll(async () => {
    await browser?.close();
});

describe('acct report in Chromium', () => {
    it(
        'opens without the network: no request, no error, every picture drawn, every customer, opportunity and finding',
        async () => {
            const o = await open(examples);
            const figures = await o.page.$$eval('[data-figure]', els => els.map(el => el.querySelectorAll('svg.report-picture text').length));
            expect(figures.length).toBeGreaterThan(10);
            for (const texts of figures) expect(texts).toBeGreaterThan(5);
            expect(await o.page.evaluate(() => document.documentElement.dataset.drawn)).toBe(String(figures.length));
            const text = await o.page.evaluate(() => document.body.textContent ?? '');
            for (const c of plan.customers) {
                expect(text).toContain(c.name);
                for (const opp of c.opportunities) expect(text).toContain(opp.name);
            }
            for (const d of [...plan.diagnostics, ...plan.waived]) expect(text).toContain(d.message);
            await o.page.screenshot({ path: path.join(SHOTS, 'title-page.png') });
            await o.page.locator('#customer-1').scrollIntoViewIfNeeded();
            await o.page.evaluate(() => document.getElementById('customer-1')!.scrollIntoView());
            await o.page.screenshot({ path: path.join(SHOTS, 'customer.png') });
            await closeChecked(o);
        },
        T,
    );

    it(
        'lays the summary out only when the reader comes near it, as each customer, in its place; printing lays out all',
        async () => {
            const o = await open(examples);
            const look = () =>
                o.page.evaluate(() => {
                    const summary = document.querySelector<HTMLElement>('.summary')!;
                    const first = document.querySelector<HTMLElement>('.customer')!;
                    return {
                        summary: getComputedStyle(summary).contentVisibility,
                        customer: getComputedStyle(first).contentVisibility,
                        // the summary's last margin is not added to the customer's (it collapsed with it before the containment)
                        gap: first.getBoundingClientRect().top - summary.lastElementChild!.getBoundingClientRect().bottom,
                        margin: parseFloat(getComputedStyle(first).marginTop),
                    };
                });
            const screen = await look();
            expect([screen.summary, screen.customer]).toEqual(['auto', 'auto']);
            expect(screen.gap).toBeCloseTo(screen.margin, 1);
            await o.page.emulateMedia({ media: 'print' });
            const print = await look();
            expect([print.summary, print.customer]).toEqual(['visible', 'visible']);
            await closeChecked(o);
        },
        T,
    );

    it.each([
        ['English', () => examples],
        ['Chinese', () => chinese],
    ])(
        "every picture's labels are inside their picture and at least 11 px (%s)",
        async (_, file) => {
            const o = await open(file());
            // the fishbones too: show every panel
            await o.page.evaluate(() => document.querySelectorAll('.hidden').forEach(el => el.classList.remove('hidden')));
            const bad = await pictureLabels(o.page, 'svg.report-picture');
            expect(bad.count).toBeGreaterThan(300);
            expect(bad.problems).toEqual([]);
            await closeChecked(o);
        },
        T,
    );

    it(
        "each customer's tier quadrant shows every customer once, that customer alone focused, each point its own control",
        async () => {
            // the quadrant is drawn once and copied for each customer, the focused point drawn again: a copy must be whole
            const o = await open(examples);
            const quadrants = await o.page.$$eval('section.customer', sections =>
                sections.map(section => {
                    const name = section.querySelector('h2')?.textContent ?? '';
                    const points = Array.from(section.querySelectorAll('svg.report-picture circle.q-point'));
                    const focused = points.filter(p => p.classList.contains('focused'));
                    return {
                        name,
                        keys: points.map(p => p.getAttribute('data-key')),
                        focused: focused.map(p => p.getAttribute('aria-label') ?? ''),
                    };
                }),
            );
            const hasPlace = (c: (typeof plan.customers)[number]) => [c.standing, c.cooperation].every(v => Number.isInteger(v) && v! >= 1 && v! <= 5);
            const plotted = plan.customers.filter(hasPlace).length;
            expect(quadrants.length).toBe(plan.customers.length);
            for (const q of quadrants) {
                expect(q.keys.length, q.name).toBe(plotted);
                expect(new Set(q.keys).size, q.name).toBe(plotted);
                expect(q.keys, q.name).toEqual(quadrants[0]!.keys);
                // a customer with a place on the grid is its one focused point (its aria label starts with its name)
                const customer = plan.customers.find(c => q.name.includes(c.name))!;
                expect(
                    q.focused.map(label => label.split(';')[0]),
                    q.name,
                ).toEqual(hasPlace(customer) ? [customer.name] : []);
            }
            // a point of a copied quadrant explains itself on hover, as the first drawing's does
            const second = o.page.locator('section.customer').nth(1).locator('svg.report-picture circle.q-point:not(.focused)').first();
            await second.scrollIntoViewIfNeeded();
            await second.hover();
            const own = await second.evaluate(el => ({
                tip: el.querySelector(':scope > title')?.textContent ?? '',
                label: el.getAttribute('aria-label') ?? '',
            }));
            expect(own.tip.length).toBeGreaterThan(0);
            expect(own.label).toContain(own.tip.split('\n')[0]!);
            await closeChecked(o);
        },
        T,
    );

    it(
        'a card shows its findings on hover; a deal switches between power map and fishbone; a picture zooms, pans and resets',
        async () => {
            const o = await open(examples);
            const deal = o.page.locator('.deal').first();
            const power = deal.locator('[role=tabpanel]').nth(0);
            const fishbone = deal.locator('[role=tabpanel]').nth(1);
            expect(await power.isVisible()).toBe(true);
            expect(await fishbone.isVisible()).toBe(false);
            // Qian Hong opposes us in ran27: her card's tooltip holds the finding
            const finding = plan.diagnostics.find(d => d.code === 'opposed-key-person')!;
            const card = power.locator('.card.has-findings', { hasText: 'Qian Hong' }).first();
            await card.scrollIntoViewIfNeeded();
            await card.hover();
            const tip = await card.evaluate(el => el.querySelector(':scope > title')?.textContent ?? '');
            expect(tip).toContain(finding.message.slice(0, 40));
            // her finding mark says the finding too, made when the pointer reaches it
            const mark = card.locator('.finding-marker');
            expect(await mark.evaluate(el => el.querySelector(':scope > title'))).toBeNull();
            await mark.hover();
            expect(await mark.evaluate(el => el.querySelector(':scope > title')?.textContent ?? '')).toContain(finding.message.slice(0, 40));
            await power.screenshot({ path: path.join(SHOTS, 'power-map.png') });
            await deal.locator('[role=tab]').nth(1).click();
            expect(await power.isVisible()).toBe(false);
            expect(await fishbone.isVisible()).toBe(true);
            expect(await deal.locator('[role=tab]').nth(1).getAttribute('aria-selected')).toBe('true');
            // Ctrl+wheel zooms the fishbone; Reset zoom puts it back
            const svg = fishbone.locator('svg.report-picture');
            await svg.hover();
            await o.page.keyboard.down('Control');
            await o.page.mouse.wheel(0, -300);
            await o.page.keyboard.up('Control');
            await o.page.waitForTimeout(100);
            expect(await svg.locator('g.viewport').getAttribute('transform')).toMatch(/scale\(/);
            await fishbone.locator('button.reset').click();
            await o.page.waitForTimeout(100);
            expect(await svg.locator('g.viewport').getAttribute('transform')).toBeFalsy();
            await closeChecked(o);
        },
        T,
    );

    it(
        'is light by default and dark on prefers-color-scheme: dark',
        async () => {
            const light = await open(examples);
            const dark = await open(examples, { dark: true });
            const background = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
            expect(await background(light.page)).toBe('rgb(255, 255, 255)');
            expect(await background(dark.page)).toBe('rgb(31, 31, 31)');
            await dark.page.evaluate(() => document.querySelector('.deal')!.scrollIntoView());
            await dark.page.screenshot({ path: path.join(SHOTS, 'dark.png') });
            await closeChecked(light);
            await closeChecked(dark);
        },
        T,
    );

    it(
        'executes nothing of a plan whose every text is an HTML, SVG or script payload',
        async () => {
            const file = writeReport(tempWorkspace(hostilePlan()), 'hostile.html');
            const o = await open(file);
            // hover every card and point: their tooltips are made then
            for (const item of await o.page.locator('[data-key]').all()) await item.hover({ force: true, trial: false }).catch(() => undefined);
            expect(await o.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
            expect(await o.page.evaluate(() => (window.parent as unknown as { __xss?: number }).__xss)).toBeUndefined();
            expect(await o.page.$$('iframe, img, main script, body > svg:not(.report-defs), foreignObject')).toHaveLength(0);
            expect(await o.page.$$eval('script', els => els.length)).toBe(2);
            const text = await o.page.evaluate(() => document.body.textContent ?? '');
            for (const payload of PAYLOADS.slice(0, 5)) expect(text).toContain(payload);
            await closeChecked(o);
        },
        T,
    );
});
