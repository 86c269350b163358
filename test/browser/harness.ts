/**
 * Browser harness: serves the real webview page (`renderWebviewHtml`) and the real bundle from a
 * fake origin through Playwright routing (no server, no network), with a stub `acquireVsCodeApi`
 * that records posted messages and keeps `setState` across reloads (sessionStorage). Like the
 * panel, the harness decides what is drawn (client/src/picture.ts) and posts `picture` messages.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Picture, PlanFocus, PlanView } from '@acct/contract';
import { nextPicture } from '../../client/src/picture.js';
import { renderWebviewHtml } from '../../client/src/webview-html.js';

export const ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS = path.join(ROOT, 'test-results', 'webview');
export const BUNDLE = path.join(RESULTS, 'bundle');
export const ORIGIN = 'https://acct-webview.test';

export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

let built: Promise<void> | undefined;

/** Bundles the webview once per test run. */
export function buildBundle(): Promise<void> {
    built ??= (async () => {
        await mkdir(BUNDLE, { recursive: true });
        const { buildWebview } = await import('../../client/webview/build.mjs');
        await buildWebview(BUNDLE);
    })();
    return built;
}

/** Starts Chromium; `env` replaces its environment (the CJK test hides the fonts through fontconfig). */
export async function launch(env?: Record<string, string>): Promise<Browser> {
    return chromium.launch({ executablePath: process.env.ACCT_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, ...(env ? { env } : {}) });
}

export type Theme = 'dark' | 'light' | 'high-contrast';

const FONT = 'system-ui, "Ubuntu", "Droid Sans", sans-serif';

/** A subset of the variables VS Code defines on the webview's `<html>` (Dark Modern, Light Modern, High Contrast). */
export const THEMES: Record<Theme, { bodyClass: string; vars: Record<string, string> }> = {
    dark: {
        bodyClass: 'vscode-dark',
        vars: {
            'editor-background': '#1f1f1f',
            foreground: '#cccccc',
            'editor-foreground': '#cccccc',
            descriptionForeground: '#9d9d9d',
            'editorWidget-background': '#202020',
            'editorWidget-border': '#454545',
            'panel-border': '#2b2b2b',
            focusBorder: '#0078d4',
            'charts-red': '#f14c4c',
            'charts-orange': '#d18616',
            'charts-yellow': '#cca700',
            'charts-green': '#89d185',
            'charts-blue': '#3794ff',
            'charts-purple': '#b180d7',
            'charts-lines': 'rgba(204, 204, 204, 0.5)',
            'charts-foreground': '#cccccc',
            'button-background': '#0078d4',
            'button-foreground': '#ffffff',
            'button-hoverBackground': '#026ec1',
            'button-secondaryBackground': '#313131',
            'button-secondaryForeground': '#cccccc',
            'button-secondaryHoverBackground': '#3c3c3c',
            'inputValidation-warningBackground': '#352a05',
            'inputValidation-warningBorder': '#b89500',
            disabledForeground: '#8b8b8b',
            errorForeground: '#f85149',
            'panelTitle-activeBorder': '#0078d4',
            'font-family': FONT,
            'font-size': '13px',
        },
    },
    light: {
        bodyClass: 'vscode-light',
        vars: {
            'editor-background': '#ffffff',
            foreground: '#3b3b3b',
            'editor-foreground': '#3b3b3b',
            descriptionForeground: '#6f6f6f',
            'editorWidget-background': '#f8f8f8',
            'editorWidget-border': '#c8c8c8',
            'panel-border': '#e5e5e5',
            focusBorder: '#005fb8',
            'charts-red': '#e51400',
            'charts-orange': '#d18616',
            'charts-yellow': '#bf8803',
            'charts-green': '#388a34',
            'charts-blue': '#1a85ff',
            'charts-purple': '#652d90',
            'charts-lines': 'rgba(59, 59, 59, 0.5)',
            'charts-foreground': '#3b3b3b',
            'button-background': '#005fb8',
            'button-foreground': '#ffffff',
            'button-hoverBackground': '#0258a8',
            'button-secondaryBackground': '#e5e5e5',
            'button-secondaryForeground': '#3b3b3b',
            'button-secondaryHoverBackground': '#cccccc',
            'inputValidation-warningBackground': '#f6f5d2',
            'inputValidation-warningBorder': '#bf8803',
            disabledForeground: '#8a8a8a',
            errorForeground: '#f85149',
            'panelTitle-activeBorder': '#005fb8',
            'font-family': FONT,
            'font-size': '13px',
        },
    },
    'high-contrast': {
        bodyClass: 'vscode-high-contrast',
        vars: {
            'editor-background': '#000000',
            foreground: '#ffffff',
            'editor-foreground': '#ffffff',
            descriptionForeground: '#ffffff',
            'editorWidget-background': '#0c141f',
            'editorWidget-border': '#6fc3df',
            'panel-border': '#6fc3df',
            focusBorder: '#f38518',
            contrastBorder: '#6fc3df',
            contrastActiveBorder: '#f38518',
            'charts-red': '#f14c4c',
            'charts-orange': '#d18616',
            'charts-yellow': '#cca700',
            'charts-green': '#89d185',
            'charts-blue': '#3794ff',
            'charts-purple': '#b180d7',
            'charts-lines': 'rgba(255, 255, 255, 0.6)',
            'charts-foreground': '#ffffff',
            'button-background': '#000000',
            'button-foreground': '#ffffff',
            'button-secondaryBackground': '#000000',
            'button-secondaryForeground': '#ffffff',
            'inputValidation-warningBackground': '#000000',
            'inputValidation-warningBorder': '#6fc3df',
            disabledForeground: '#a5a5a5',
            errorForeground: '#f48771',
            'panelTitle-activeBorder': '#6fc3df',
            'font-family': FONT,
            'font-size': '13px',
        },
    },
};

/** Runs in the page before any of its scripts: the VS Code API stub and the CSP watcher. */
function initScript(): void {
    const w = window as unknown as Record<string, unknown>;
    const rec = { posted: [] as unknown[], states: 0, violations: [] as string[] };
    w.__acct = rec;
    let acquired = false;
    w.acquireVsCodeApi = () => {
        if (acquired) throw new Error('acquireVsCodeApi called twice');
        acquired = true;
        return {
            postMessage: (m: unknown) => {
                rec.posted.push(JSON.parse(JSON.stringify(m)));
            },
            getState: () => {
                const s = sessionStorage.getItem('acct-state');
                return s ? JSON.parse(s) : undefined;
            },
            setState: (s: unknown) => {
                sessionStorage.setItem('acct-state', JSON.stringify(s));
                rec.states++;
                return s;
            },
        };
    };
    document.addEventListener('securitypolicyviolation', e => {
        rec.violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
}

export interface WebviewPage {
    page: Page;
    /** Requests that left the fake origin (must stay empty). */
    external: string[];
    /** Console errors and CSP reports seen by the page. */
    consoleErrors: string[];
    dialogs: string[];
    /** The page as served. */
    html: string;
    /** Posts the picture the panel would post for `view` with the cursor's `focus`. */
    sendPlan(view: PlanView, focus: PlanFocus): Promise<void>;
    send(message: unknown): Promise<void>;
    posted(): Promise<Array<Record<string, unknown>>>;
    violations(): Promise<string[]>;
    setTheme(theme: Theme): Promise<void>;
    screenshot(name: string): Promise<string>;
    reload(): Promise<void>;
    /** Waits until the page's saved state (its debounced setState) holds these values; fails after 10 s. */
    waitForSaved(values: Record<string, unknown>): Promise<void>;
    /** Runs `action` (a click, a key) and waits until the page has drawn again after it; fails after 10 s. */
    afterRender(action: () => Promise<unknown>): Promise<void>;
}

/** `entry`: the panel's page (`main`, the default) or the Changes Since… page (`changes`). */
export async function openWebview(
    browser: Browser,
    opts: { width?: number; height?: number; theme?: Theme; entry?: 'main' | 'changes' } = {},
): Promise<WebviewPage> {
    const entry = opts.entry ?? 'main';
    await buildBundle();
    const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const external: string[] = [];
    const consoleErrors: string[] = [];
    const dialogs: string[] = [];
    const nonce = 'dGVzdC1ub25jZS0xMjM0NTY3OA==';
    const pageHtml = renderWebviewHtml({
        script: await readFile(path.join(BUNDLE, `${entry}.js`), 'utf8'),
        style: await readFile(path.join(BUNDLE, `${entry}.css`), 'utf8'),
        nonce,
        title: entry === 'main' ? 'Power map' : 'Changes',
    });
    await page.route('**/*', async route => {
        const url = route.request().url();
        if (!url.startsWith(ORIGIN + '/')) {
            external.push(url);
            return route.abort();
        }
        const p = new URL(url).pathname;
        if (p === '/index.html') {
            return route.fulfill({
                contentType: 'text/html; charset=utf-8',
                body: pageHtml,
            });
        }
        return route.fulfill({ status: 404, body: 'not found' });
    });
    page.on('console', m => {
        if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
    });
    page.on('pageerror', e => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('dialog', d => {
        dialogs.push(d.message());
        void d.dismiss();
    });
    await page.addInitScript(initScript);
    await page.goto(`${ORIGIN}/index.html`);
    if (entry === 'main') await page.waitForSelector('.tabs');
    else await page.waitForFunction(() => (window as unknown as { __acct: { posted: Array<{ type: string }> } }).__acct.posted.some(m => m.type === 'ready'));
    let picture: Picture | undefined;
    const wp: WebviewPage = {
        page,
        external,
        consoleErrors,
        dialogs,
        html: pageHtml,
        async sendPlan(view, focus) {
            picture = nextPicture(picture, view, [focus, picture?.shown]);
            await wp.send({ type: 'picture', picture });
        },
        async send(message) {
            // the message event is async: wait until it was handled (a render, or a posted export), then painted;
            // a picture that is not drawn, or an export not answered, fails the test here instead of letting it go on
            const handled = await page.evaluate(
                async m => {
                    const rendered = () => performance.getEntriesByName('acct:render').length;
                    const exported = () =>
                        (window as unknown as { __acct: { posted: Array<{ type: string }> } }).__acct.posted.filter(x => x.type === 'exportSvg').length;
                    const before = { r: rendered(), e: exported() };
                    window.postMessage(m, '*');
                    const done = () => (m.type === 'picture' ? rendered() > before.r : m.type === 'requestSvg' ? exported() > before.e : true);
                    const t0 = Date.now();
                    while (!done() && Date.now() - t0 < 60_000) await new Promise(r => setTimeout(r, 5));
                    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                    return done();
                },
                message as Record<string, unknown>,
            );
            if (!handled) {
                const type = (message as { type?: unknown }).type;
                throw new Error(type === 'picture' ? 'the page did not draw the picture within 60 s' : `the page did not answer ${String(type)} within 60 s`);
            }
        },
        posted: () => page.evaluate(() => (window as unknown as { __acct: { posted: Array<Record<string, unknown>> } }).__acct.posted),
        violations: () => page.evaluate(() => (window as unknown as { __acct: { violations: string[] } }).__acct.violations),
        async setTheme(theme) {
            const t = THEMES[theme];
            await page.evaluate(
                ({ cls, vars }) => {
                    const html = document.documentElement;
                    for (const [k, v] of Object.entries(vars)) html.style.setProperty(`--vscode-${k}`, v);
                    document.body.classList.remove('vscode-dark', 'vscode-light', 'vscode-high-contrast');
                    document.body.classList.add(cls);
                },
                { cls: t.bodyClass, vars: t.vars },
            );
        },
        async screenshot(name) {
            await mkdir(RESULTS, { recursive: true });
            const file = path.join(RESULTS, `${name}.png`);
            await page.screenshot({ path: file });
            return file;
        },
        async waitForSaved(values) {
            await page
                .waitForFunction(
                    expected => {
                        const saved = JSON.parse(sessionStorage.getItem('acct-state') ?? 'null') as Record<string, unknown> | null;
                        return !!saved && Object.entries(expected).every(([k, v]) => JSON.stringify(saved[k]) === JSON.stringify(v));
                    },
                    values,
                    { timeout: 60_000 },
                )
                .catch(() => {
                    throw new Error(`the page did not save ${JSON.stringify(values)} within 60 s`);
                });
        },
        async afterRender(action) {
            const before = await page.evaluate(() => performance.getEntriesByName('acct:render').length);
            await action();
            await page
                .waitForFunction(n => performance.getEntriesByName('acct:render').length > n, before, { timeout: 60_000 })
                .catch(() => {
                    throw new Error('the page did not draw again within 60 s');
                });
            await page.evaluate(() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))));
        },
        async reload() {
            await page.reload();
            await page.waitForSelector('.tabs');
            await page.evaluate(() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0))));
        },
    };
    await wp.setTheme(opts.theme ?? 'dark');
    return wp;
}
