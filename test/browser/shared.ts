/**
 * What the browser suites share: one Chromium per file, pages that are checked after each test
 * (no CSP violation, no script error, nothing loaded from elsewhere), the plan of `examples/`.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PlanView } from '@acct/contract';
import { loadPlanView } from './fixture.js';
import { launch, openWebview, type WebviewPage } from './harness.js';

/** A browser case's time limit: Chromium is slow to start and to draw on a loaded machine (the CI's two cores run two files at once). */
export const T = 180_000;

export interface Suite {
    browser: () => Browser;
    view: () => PlanView;
    page(opts?: Parameters<typeof openWebview>[1]): Promise<WebviewPage>;
}

/** Registers the hooks of a browser suite in the calling file. */
export function browserSuite(): Suite {
    let browser: Browser;
    let view: PlanView;
    const open: WebviewPage[] = [];
    beforeAll(async () => {
        view = await loadPlanView();
        browser = await launch();
    }, T);
    afterEach(async () => {
        for (const p of open.splice(0)) {
            expect(await p.violations(), 'CSP violations').toEqual([]);
            expect(p.consoleErrors, 'console errors').toEqual([]);
            expect(p.external, 'remote loads').toEqual([]);
            await p.page.context().close();
        }
    });
    afterAll(async () => {
        await browser?.close();
    });
    return {
        browser: () => browser,
        view: () => view,
        async page(opts) {
            const p = await openWebview(browser, opts);
            open.push(p);
            return p;
        },
    };
}

export interface Rect {
    x: number;
    y: number;
    width: number;
    height: number;
}

/** The on-screen box of the first element matching `selector`. */
export async function boxOf(p: WebviewPage, selector: string): Promise<Rect> {
    return p.page.$eval(selector, el => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
}

export const centre = (r: Rect): { x: number; y: number } => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/**
 * What the browser shows on hover over the first element matching `selector`: the pointer moved onto
 * it (a real hover: Playwright checks that the element is the one the pointer reaches), then the
 * text of the nearest `<title>` at or above the element under the pointer — the one Chromium's
 * tooltip says. Hover texts are made when the pointer reaches them, so the title exists only then.
 */
export async function hoverText(page: Page, selector: string): Promise<string> {
    await page.hover(selector);
    return page.$eval(selector, el => {
        for (let e: Element | null = el; e; e = e.parentElement) {
            const t = e.querySelector(':scope > title');
            if (t) return t.textContent ?? '';
        }
        return '';
    });
}
