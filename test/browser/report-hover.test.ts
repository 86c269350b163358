/**
 * `acct report` in Chromium: what a reader gets on hover is made when the pointer comes, by one
 * listener for the whole page (issue 21 item 6: the page draws thousands of pictures, so nothing a
 * reader may never point at is drawn with each). The tier quadrant's cells say their standing,
 * cooperation and suggested tier on hover (English and Chinese), in every section's copy of the
 * quadrant, and keep it as their accessible name; a card of a section far down shows its findings;
 * a picture far down resets its zoom; the pictures leave no performance mark behind them.
 */
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { examplesDir, runCli, tempWorkspace } from '../support/run-cli.js';
import { launch } from './harness.js';
import { closeChecked, openReport } from './report-page.js';
import { T } from './shared.js';

const TODAY = '2026-12-06';
const out = tempWorkspace({});
let browser: Browser;
let english: string;
let chinese: string;

function writeReport(name: string, extra: string[] = []): string {
    const file = path.join(out, name);
    const r = runCli(['report', '--today', TODAY, '-o', file, ...extra, '.'], { cwd: examplesDir });
    expect(r.status, r.stderr).toBe(0);
    return file;
}

beforeAll(async () => {
    english = writeReport('examples.html');
    chinese = writeReport('examples-zh.html', ['--lang', 'zh-CN']);
    browser = await launch();
}, T);

afterAll(async () => {
    await browser?.close();
});

/** A cell of `quadrant` with a spot no mark or name covers, and that spot on the page (the pointer moved there). */
async function bareCell(page: Page, quadrant: Locator): Promise<{ s: string; c: string; x: number; y: number }> {
    await quadrant.scrollIntoViewIfNeeded();
    // a section come into view is rendered at the next frame (content-visibility: auto), hit-tested after it
    await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
    const cell = await quadrant.evaluate(root => {
        for (const g of Array.from(root.querySelectorAll('g.q-cell'))) {
            const r = g.querySelector('.q-cell-bg')!.getBoundingClientRect();
            for (let i = 1; i < 8; i++)
                for (let j = 1; j < 8; j++) {
                    const x = r.x + (r.width * i) / 8;
                    const y = r.y + (r.height * j) / 8;
                    if (document.elementFromPoint(x, y)?.closest('g.q-cell') === g)
                        return { s: g.getAttribute('data-standing')!, c: g.getAttribute('data-cooperation')!, x, y };
                }
        }
        return null;
    });
    expect(cell, 'a cell with a spot nothing covers').not.toBeNull();
    await page.mouse.move(cell!.x, cell!.y);
    return cell!;
}

const cellTitle = (quadrant: Locator, s: string, c: string) =>
    quadrant.evaluate(
        (root, at) => {
            const g = root.querySelector(`g.q-cell[data-standing="${at.s}"][data-cooperation="${at.c}"]`)!;
            return { title: g.querySelector(':scope > title')?.textContent ?? null, label: g.getAttribute('aria-label') };
        },
        { s, c },
    );

describe('acct report: hover texts made when the pointer comes', () => {
    for (const [lang, file, says] of [
        ['English', () => english, /^Standing \d, cooperation \d: suggested tier \S+/],
        ['Chinese', () => chinese, /^行业地位 \d，合作价值 \d：建议分级 \S+/],
    ] as const) {
        it(
            `a tier quadrant's cell says where it is on hover, in every section's copy (${lang})`,
            async () => {
                const o = await openReport(browser, file());
                const quadrants = o.page.locator('section.customer svg.report-picture:has(g.q-grid)');
                expect(await quadrants.count()).toBeGreaterThan(1);
                // no cell's title is drawn with the page: 25 cells a quadrant, one quadrant a customer
                expect(await o.page.locator('g.q-cell > title').count()).toBe(0);
                for (const quadrant of [quadrants.first(), quadrants.last()]) {
                    const { s, c } = await bareCell(o.page, quadrant);
                    const { title, label } = await cellTitle(quadrant, s, c);
                    expect(title).toMatch(says);
                    expect(title).toContain(s);
                    // its accessible name is the same words, there before the pointer came
                    expect(label).toBe(title);
                }
                expect(await o.page.locator('g.q-cell > title').count()).toBe(2);
                // the pictures leave no performance mark (thousands of them in a big report)
                expect(await o.page.evaluate(() => performance.getEntriesByName('acct:model+layout').length)).toBe(0);
                await closeChecked(o);
            },
            T,
        );
    }

    it(
        'a card of the last deal shows its findings on hover, and its picture resets its zoom',
        async () => {
            const o = await openReport(browser, english);
            const power = o.page.locator('.deal').last().locator('[role=tabpanel]').first();
            const card = power.locator('.card').first();
            await card.scrollIntoViewIfNeeded();
            expect(await card.evaluate(el => el.querySelector(':scope > title'))).toBeNull();
            await card.hover();
            const name = await card.locator('.card-name').textContent();
            expect(await card.evaluate(el => el.querySelector(':scope > title')?.textContent ?? '')).toContain(name!.replace('…', ''));
            const svg = power.locator('svg.report-picture');
            await o.page.keyboard.down('Control');
            await o.page.mouse.wheel(0, -300);
            await o.page.keyboard.up('Control');
            await expect.poll(() => svg.locator('g.viewport').getAttribute('transform')).toMatch(/scale\(/);
            await power.locator('button.reset').click();
            await expect.poll(() => svg.locator('g.viewport').getAttribute('transform')).toBeFalsy();
            await closeChecked(o);
        },
        T,
    );
});
