/**
 * The README's pictures of the views, drawn as the browser tests draw them: one theme (VS Code's
 * Light Modern, as the picture of the extension in VS Code), 1280 px wide, each window tall
 * enough for the whole picture at full size. Written to test-results/readme/ on every run, and
 * over docs/images/ with `npm run pictures`. Every picture of a view the README shows is made here,
 * and compared with the one in docs/images/: the same size, and at most 1 % of its pixels changed.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanFocus } from '@acct/contract';
import { ROOT } from './harness.js';
import { browserSuite, T } from './shared.js';

const suite = browserSuite();
const OUT = path.join(ROOT, 'test-results', 'readme');
const IMAGES = path.join(ROOT, 'docs', 'images');
const WIDTH = 1280;

/** docs/images/NAME.png: the view and what it shows. */
const PICTURES: Array<{ name: string; tab: string; focus: PlanFocus }> = [
    { name: 'power-map', tab: 'power', focus: { customer: 'donghai', opportunity: 'ran27' } },
    { name: 'power-map-relations', tab: 'power', focus: { customer: 'jlbank', opportunity: null } },
    { name: 'fishbone', tab: 'fishbone', focus: { customer: 'donghai', opportunity: 'ran27' } },
    { name: 'sandbox', tab: 'sandbox', focus: { customer: 'donghai', opportunity: null } },
    { name: 'tier-quadrant', tab: 'quadrant', focus: { customer: 'donghai', opportunity: null } },
    { name: 'intimacy-support', tab: 'intimacy', focus: { customer: 'donghai', opportunity: 'ran27' } },
];

describe('README pictures', () => {
    it(
        'draws every view the README shows, in one theme, whole and at full size',
        async () => {
            const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
            const shown = [...readme.matchAll(/\]\(docs\/images\/([\w-]+)\.png\)/g)].map(m => m[1]!);
            // the pictures of the extension in VS Code come from the UI scenario (test/vscode/ui-scenario.mjs:
            // 06-power-map and 08-changes-since-head), and they are there
            const inVsCode = ['vscode-power-map', 'vscode-changes'];
            for (const name of inVsCode) expect(shown).toContain(name);
            expect(shown.filter(n => !inVsCode.includes(n)).sort()).toEqual(PICTURES.map(p => p.name).sort());
            await mkdir(OUT, { recursive: true });
            for (const pic of PICTURES) {
                const p = await suite.page({ theme: 'light', width: WIDTH, height: 800 });
                await p.sendPlan(suite.view(), pic.focus);
                await p.page.click(`[role=tab][data-tab=${pic.tab}]`);
                // the README's pictures show their legend (a panel starts with it folded)
                if ((await p.page.getAttribute('.legend-toggle', 'aria-expanded')) === 'false') await p.page.click('.legend-toggle');
                // a window as tall as the picture needs at 100 %, the legend under it
                const need = await p.page.evaluate(() => {
                    const layer = document.querySelector('.viewport') as SVGGElement;
                    const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
                    const box = layer.getBBox();
                    return { top: canvas.top, below: innerHeight - canvas.bottom, height: Math.max(0, box.y) + box.height };
                });
                let height = Math.ceil(need.top + need.height + 40 + need.below);
                const scale = () =>
                    p.page.$eval('.viewport', el =>
                        Number(
                            el
                                .getAttribute('transform')!
                                .replace(/.*scale\(/, '')
                                .replace(')', ''),
                        ),
                    );
                // Fit grows a picture into spare room and a view takes the shape its room allows: find the
                // window in which it stands whole at 100 %
                for (let tries = 0; tries < 8; tries++) {
                    await p.page.setViewportSize({ width: WIDTH, height });
                    await p.page.click('button:has-text("Fit")');
                    const k = await scale();
                    if (Math.abs(k - 1) < 0.005) break;
                    const drawn = await p.page.evaluate(() => (document.querySelector('.viewport') as SVGGElement).getBBox().height);
                    const canvas = await p.page.evaluate(() => document.querySelector('.canvas')!.getBoundingClientRect().height);
                    height = Math.ceil(height - canvas + drawn + 40) + (k < 1 ? 20 : 0);
                }
                expect(Math.abs((await scale()) - 1), pic.name).toBeLessThan(0.005);
                await p.page.mouse.move(WIDTH - 1, 1); // no button left hovered
                const file = path.join(OUT, `${pic.name}.png`);
                await p.page.screenshot({ path: file });
                if (process.env.ACCT_WRITE_README_PICTURES === '1') {
                    await copyFile(file, path.join(IMAGES, `${pic.name}.png`));
                    continue;
                }
                // the README shows the committed picture: the view drawn now must still look like it
                const diff = await comparePictures(file, path.join(IMAGES, `${pic.name}.png`));
                const redraw = 'if the change is meant, redraw them: npm run pictures';
                expect(diff.drawn, `${pic.name}: size drawn now / in docs/images (${redraw})`).toEqual(diff.committed);
                expect(diff.colours, `${pic.name}: a picture of one colour`).toBeGreaterThan(8);
                expect(diff.changedShare, `${pic.name}: share of pixels that differ from docs/images/${pic.name}.png (${redraw})`).toBeLessThanOrEqual(0.01);
            }
        },
        4 * T,
    );
});

/**
 * Two PNGs compared pixel by pixel in Chromium (a blank page, no CSP): their sizes, the colours of
 * the one drawn now, and the share of pixels where a channel differs by more than 48 of 255
 * (anti-aliasing and font hinting move a few by less).
 */
async function comparePictures(
    drawnFile: string,
    committedFile: string,
): Promise<{
    drawn: { width: number; height: number };
    committed: { width: number; height: number };
    colours: number;
    changedShare: number;
}> {
    const page = await suite.browser().newPage();
    try {
        const [drawn, committed] = await Promise.all(
            [drawnFile, committedFile].map(async f => `data:image/png;base64,${(await readFile(f)).toString('base64')}`),
        );
        return await page.evaluate(
            async ([a, b]) => {
                const pixels = async (url: string) => {
                    const img = new Image();
                    img.src = url;
                    await img.decode();
                    const canvas = document.createElement('canvas');
                    canvas.width = img.naturalWidth;
                    canvas.height = img.naturalHeight;
                    const ctx = canvas.getContext('2d')!;
                    ctx.drawImage(img, 0, 0);
                    return { width: canvas.width, height: canvas.height, data: ctx.getImageData(0, 0, canvas.width, canvas.height).data };
                };
                const [x, y] = [await pixels(a!), await pixels(b!)];
                const colours = new Set<number>();
                for (let i = 0; i < x.data.length; i += 4) colours.add((x.data[i]! << 16) | (x.data[i + 1]! << 8) | x.data[i + 2]!);
                let changed = 0;
                if (x.width === y.width && x.height === y.height) {
                    for (let i = 0; i < x.data.length; i += 4) {
                        if (
                            Math.abs(x.data[i]! - y.data[i]!) > 48 ||
                            Math.abs(x.data[i + 1]! - y.data[i + 1]!) > 48 ||
                            Math.abs(x.data[i + 2]! - y.data[i + 2]!) > 48
                        )
                            changed++;
                    }
                }
                return {
                    drawn: { width: x.width, height: x.height },
                    committed: { width: y.width, height: y.height },
                    colours: colours.size,
                    changedShare: x.width === y.width && x.height === y.height ? changed / (x.width * x.height) : 1,
                };
            },
            [drawn, committed],
        );
    } finally {
        await page.close();
    }
}
