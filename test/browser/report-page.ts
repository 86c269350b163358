/**
 * A report of `acct report` opened in Chromium as a reader opens a mail attachment: offline, every
 * request but the file itself refused and recorded, console errors, dialogs and CSP violations
 * kept; and the check each test ends with (none of them happened).
 */
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';

export interface Opened {
    page: Page;
    errors: string[];
    requests: string[];
    violations: () => Promise<string[]>;
}

export async function openReport(browser: Browser, file: string, options: { dark?: boolean; width?: number } = {}): Promise<Opened> {
    const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: 900 },
        colorScheme: options.dark ? 'dark' : 'light',
        offline: true,
    });
    const requests: string[] = [];
    await context.route('**/*', route => {
        const url = route.request().url();
        if (url === pathToFileURL(file).href) return route.continue();
        requests.push(url);
        return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', m => {
        if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', e => errors.push(String(e)));
    page.on('dialog', d => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
    });
    await page.addInitScript(() => {
        const w = window as unknown as { __violations: string[] };
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', e => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(pathToFileURL(file).href);
    // how soon is the benchmark's figure (test/bench/report-measures.ts); here only that every picture is drawn, loaded machine or not
    await page.waitForFunction(() => document.documentElement.dataset.drawn !== undefined, null, { timeout: 60_000 });
    return { page, errors, requests, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
}

export async function closeChecked(o: Opened): Promise<void> {
    expect(await o.violations(), 'CSP violations').toEqual([]);
    expect(o.errors, 'console errors').toEqual([]);
    expect(o.requests, 'requests').toEqual([]);
    await o.page.context().close();
}
