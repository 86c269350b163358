/**
 * The tiers' names on the tier quadrant (COMMERCIAL … 商业客户 …) never meet a mark or a label, in
 * Chromium: in the report of a workspace whose every cell holds four customers with long names
 * (each section's quadrant, at 480 and 1280 px, light and dark, English and Chinese), and in the
 * editor's view of 200 customers at every width from 360 px (where the cells are too narrow for
 * the names, they are listed under the grid). Screenshots: test-results/report/quadrant-regions-*.png,
 * test-results/webview/quadrant-regions-*.png.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli, tempWorkspace } from '../support/run-cli.js';
import { installGeometry, pictureLabels } from './geometry.js';
import { quadrantPanel } from './quadrant-pages.js';
import { ROOT } from './harness.js';
import { browserSuite, T } from './shared.js';

const suite = browserSuite();
const SHOTS = path.join(ROOT, 'test-results', 'report');
const PER_CELL = 4;

/** 100 customers, four in each of the 25 cells, each named long enough to reach across its cell. */
function fullWorkspace(): string {
    const files: Record<string, string> = {};
    for (let s = 1; s <= 5; s++) {
        for (let c = 1; c <= 5; c++) {
            for (let i = 0; i < PER_CELL; i++) {
                const id = `c${s}${c}${i}`;
                files[`${id}.acct`] =
                    `customer ${id} "Provincial Power Company ${s}${c}${i}" {\n    standing ${s}\n    cooperation ${c}\n    reviewed 2026-10-01\n}\n`;
            }
        }
    }
    return tempWorkspace(files);
}

/** What a tier's name must never meet: a mark (dot, square, ring, number), a customer's or a group's label, a name of the list under the grid. */
const MARKS = '.q-points > *, .q-key text';

/** Each tier's name that meets a mark or a label in the quadrants `pictures` selects ("NAME × LABEL"), and how many names were measured. */
async function regionCollisions(page: Page, pictures: string): Promise<{ names: number; collisions: string[] }> {
    await installGeometry(page);
    return page.evaluate(
        ([sel, marks]) => {
            const roots = Array.from(document.querySelectorAll(sel)).filter(r => r.querySelector('.q-grid'));
            return {
                names: roots.reduce((n, r) => n + r.querySelectorAll('.q-region-label').length, 0),
                collisions: roots.flatMap(r => window.acctGeometry.collisions(r, '.q-region-label', marks)),
            };
        },
        [pictures, MARKS] as const,
    );
}

describe("the tiers' names in the report of a workspace with every cell full", () => {
    const reports: Record<string, string> = {};
    beforeAll(() => {
        mkdirSync(SHOTS, { recursive: true });
        const ws = fullWorkspace();
        for (const lang of ['en', 'zh-CN'] as const) {
            reports[lang] = path.join(ws, `report-${lang}.html`);
            const r = runCli(['report', '--today', '2026-12-06', '--lang', lang, '-o', reports[lang]!, '.'], { cwd: ws });
            expect(r.status, r.stderr).toBe(0);
        }
    }, T);

    it.each([
        ['en', 480, false],
        ['en', 480, true],
        ['en', 1280, false],
        ['en', 1280, true],
        ['zh-CN', 480, false],
        ['zh-CN', 480, true],
        ['zh-CN', 1280, false],
        ['zh-CN', 1280, true],
    ] as const)(
        'meet no mark and no label in any section (%s, %i px, dark %s); every label inside its picture and at least 11 px',
        async (lang, width, dark) => {
            const context = await suite.browser().newContext({ viewport: { width, height: 800 }, colorScheme: dark ? 'dark' : 'light', offline: true });
            const page = await context.newPage();
            const errors: string[] = [];
            page.on('pageerror', e => errors.push(String(e)));
            await page.goto(pathToFileURL(reports[lang]!).href);
            await page.waitForFunction(() => document.documentElement.dataset.drawn !== undefined, null, { timeout: 60_000 });
            const regions = await regionCollisions(page, 'svg.report-picture');
            expect(regions.names).toBe(25 * PER_CELL * 5);
            expect(regions.collisions).toEqual([]);
            const labels = await pictureLabels(page, 'svg.report-picture', { has: '.q-grid' });
            expect(labels.count).toBeGreaterThan(25 * PER_CELL * 25);
            expect(labels.problems).toEqual([]);
            const figure = page
                .locator('section.customer')
                .first()
                .locator('[data-figure]')
                .filter({ has: page.locator('.q-grid') });
            await figure.scrollIntoViewIfNeeded();
            await figure.screenshot({ path: path.join(SHOTS, `quadrant-regions-${lang}-${width}${dark ? '-dark' : ''}.png`) });
            expect(errors).toEqual([]);
            await context.close();
        },
        T,
    );
});

describe("the tiers' names in the editor's view of 200 customers", () => {
    it.each(['en', 'zh-CN'] as const)(
        'meet no mark and no label at every width from 360 px, light and dark (%s); screenshots',
        async lang => {
            for (const [width, height] of [
                [360, 640],
                [480, 640],
                [640, 800],
                [800, 800],
                [1280, 800],
            ] as const) {
                const p = await quadrantPanel(suite, width, height, lang);
                for (const theme of ['light', 'dark'] as const) {
                    await p.setTheme(theme);
                    const regions = await regionCollisions(p.page, 'svg.canvas');
                    expect(regions.names, `${width} px`).toBe(5);
                    expect(regions.collisions, `${width} px, ${theme}`).toEqual([]);
                    if (width === 480 || width === 1280) await p.screenshot(`quadrant-regions-${lang}-${width}-${theme}`);
                }
            }
        },
        T,
    );
});
