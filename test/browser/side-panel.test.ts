/**
 * The views in a 500 px side panel, in Chromium on the plan of `examples/`: after Fit no text is
 * smaller than 10 px in any view (the power map becomes a list that fits the width and scrolls,
 * the wide charts scroll sideways); the legend sits under the drawing, never over it, starts
 * folded, and stays as the user leaves it across a reload and in every view.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABS } from '../../client/webview/src/state.js';
import { DONGHAI, RAN27, showTab } from './examples-suite.js';
import { installGeometry } from './geometry.js';
import { ROOT, type WebviewPage } from './harness.js';
import { boxOf, browserSuite, T, type Rect } from './shared.js';

const suite = browserSuite();
const READABLE_PX = 10;

/** The smallest text on screen in the drawing, as rendered (font size × zoom). */
async function smallestText(p: WebviewPage): Promise<{ px: number; text: string; count: number }> {
    await installGeometry(p.page);
    return p.page.evaluate(() => {
        const stage = document.querySelector('.canvas')!.getBoundingClientRect();
        let best = { px: Infinity, text: '', count: 0 };
        for (const t of window.acctGeometry.texts(document, '.viewport text')) {
            if (t.box.right < stage.left || t.box.left > stage.right || t.box.bottom < stage.top || t.box.top > stage.bottom) continue;
            best.count++;
            if (t.px < best.px) best = { px: t.px, text: t.text, count: best.count };
        }
        return best;
    });
}

const apart = (a: Rect, b: Rect): boolean =>
    a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5;

describe('pictures in a 500 px side panel', () => {
    it(
        'Fit keeps every text at 10 px or more in every view: the power map becomes a list that fits the width and scrolls',
        async () => {
            const p = await suite.page({ theme: 'dark', width: 500, height: 900 });
            await p.sendPlan(suite.view(), DONGHAI);
            await p.page.click('button:has-text("Fit")');
            const small = await smallestText(p);
            expect(small.count).toBeGreaterThan(20);
            expect(small.px, `"${small.text}"`).toBeGreaterThanOrEqual(READABLE_PX - 0.01);
            // the list fits the panel's width: no card is cut at either side
            const cards = await p.page.$$eval('.card .card-bg', els => els.map(e => e.getBoundingClientRect().toJSON() as Rect));
            for (const c of cards) {
                expect(c.x).toBeGreaterThanOrEqual(0);
                expect(c.x + c.width).toBeLessThanOrEqual(500);
            }
            // a report sits below its manager and further right
            const heBox = await boxOf(p, '.card[data-key="contact:donghai/he"] .card-bg');
            const liuBox = await boxOf(p, '.card[data-key="contact:donghai/liu"] .card-bg');
            expect(heBox.y).toBeGreaterThan(liuBox.y);
            expect(heBox.x).toBeGreaterThan(liuBox.x);
            await p.page.screenshot({ path: path.join(ROOT, 'test-results', 'pictures-after-500.png') });
            // the wheel scrolls down to the general layer, without zooming
            const luo = '.card[data-key="contact:donghai/luo"] .card-bg';
            const stage = await boxOf(p, '.canvas');
            expect((await boxOf(p, luo)).y).toBeGreaterThan(stage.y + stage.height);
            const k = await p.page.$eval('.viewport', el => el.getAttribute('transform')!.replace(/.*scale\(/, ''));
            await p.page.mouse.move(250, 400);
            for (let i = 0; i < 12; i++) await p.page.mouse.wheel(0, 200);
            // the wheel events are handled as they come: wait until luo's card is in the stage
            await expect
                .poll(async () => {
                    const seen = await boxOf(p, luo);
                    return seen.y > stage.y && seen.y + seen.height <= stage.y + stage.height;
                })
                .toBe(true);
            expect(await p.page.$eval('.viewport', el => el.getAttribute('transform')!.replace(/.*scale\(/, ''))).toBe(k);
            await p.screenshot('pictures-500-scrolled');
            // the other views: readable after Fit too (the wide charts scroll sideways)
            await p.sendPlan(suite.view(), RAN27);
            for (const tab of TABS) {
                await showTab(p, tab);
                await p.page.click('button:has-text("Fit")');
                const s = await smallestText(p);
                expect(s.px, `${tab}: "${s.text}"`).toBeGreaterThanOrEqual(READABLE_PX - 0.01);
                await p.screenshot(`pictures-500-${tab}`);
            }
        },
        T,
    );

    it(
        'keeps the legend under the drawing, never over it; collapsing it is remembered',
        async () => {
            const p = await suite.page({ theme: 'light', width: 500, height: 900 });
            await p.sendPlan(suite.view(), RAN27);
            // in a side panel the legend starts folded: the drawing gets the room; its heading opens it
            expect(await p.page.getAttribute('.legend-toggle', 'aria-expanded')).toBe('false');
            await p.page.click('.legend-toggle');
            const legend = await boxOf(p, '.legend-panel');
            const canvas = await boxOf(p, '.canvas');
            expect(apart(legend, canvas)).toBe(true);
            expect(legend.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 0.5);
            // dragged or zoomed, the drawing shows only inside the canvas, above the legend
            await p.page.click('button[aria-label="Zoom in"]');
            for (const c of await p.page.$$eval('.card .card-bg', els => els.map(e => e.getBoundingClientRect().toJSON() as Rect))) {
                const inside = {
                    x: c.x,
                    y: Math.max(c.y, canvas.y),
                    width: c.width,
                    height: Math.min(c.y + c.height, canvas.y + canvas.height) - Math.max(c.y, canvas.y),
                };
                if (inside.height > 0) expect(apart(inside, legend)).toBe(true);
            }
            expect(await p.page.evaluate(() => getComputedStyle(document.querySelector('.stage')!).overflow)).toBe('hidden');
            // collapse: the heading stays, the drawing gets the room
            const toggle = '.legend-toggle';
            expect(await p.page.getAttribute(toggle, 'aria-expanded')).toBe('true');
            await p.page.click(toggle);
            expect(await p.page.getAttribute(toggle, 'aria-expanded')).toBe('false');
            expect(await p.page.isVisible('.legend-svg')).toBe(false);
            expect((await boxOf(p, '.canvas')).height).toBeGreaterThan(canvas.height + 100);
            expect((await boxOf(p, '.legend-panel')).height).toBeLessThan(40);
            await p.screenshot('pictures-legend-collapsed-500');
            // kept in the saved state across a reload, and for every view
            await p.waitForSaved({ legend: false });
            await p.reload();
            expect(await p.page.getAttribute(toggle, 'aria-expanded')).toBe('false');
            await showTab(p, 'quadrant');
            expect(await p.page.isVisible('.legend-svg')).toBe(false);
            await p.page.focus(toggle);
            await p.page.keyboard.press('Enter');
            expect(await p.page.getAttribute(toggle, 'aria-expanded')).toBe('true');
            expect(await p.page.isVisible('.legend-svg')).toBe(true);
        },
        T,
    );
});
