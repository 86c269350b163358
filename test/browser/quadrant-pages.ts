/**
 * The pages the tier quadrant's browser tests open: the editor's quadrant of a synthetic crowded
 * workspace in a panel of a given size and language, and a report opened offline once every
 * picture is drawn, with the errors it logs.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { viewStrings } from '@acct/method';
import type { WebviewPage } from './harness.js';
import type { Suite } from './shared.js';
import { manyCustomersView } from './synthetic.mjs';

/** The editor's tier quadrant of `customers` synthetic customers, Customer 7 highlighted, in a panel of `width` × `height`. */
export async function quadrantPanel(suite: Suite, width: number, height: number, lang: 'en' | 'zh-CN', customers = 200): Promise<WebviewPage> {
    const p = await suite.page({ width, height, theme: 'light' });
    if (lang === 'zh-CN') await p.send({ type: 'strings', strings: viewStrings('zh-CN') });
    await p.sendPlan(manyCustomersView(customers), { customer: 'k7', opportunity: null });
    await p.afterRender(() => p.page.click('[role=tab][data-tab=quadrant]'));
    return p;
}

/** A report in a window `width` px wide, offline, light or dark, once every picture is drawn; the errors it logs (a dialog is one). */
export async function openReport(browser: Browser, file: string, width: number, dark = false): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: dark ? 'dark' : 'light', offline: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', e => errors.push(String(e)));
    page.on('console', m => void (m.type() === 'error' && errors.push(m.text())));
    page.on('dialog', d => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.documentElement.dataset.drawn !== undefined, null, { timeout: 60_000 });
    return { page, errors };
}
