// Browser benchmark (run with node, not a test): layout + render of a 1,000-contact power map (with
// influence lines and competitor badges), the fishbone of a 60-person deal, a 5,000-customer tier
// quadrant and a 1,000-opportunity sandbox in the real webview page in Chromium.
//   node test/browser/bench.mjs [--runs N]
// Prints, per case, the median over N runs of:
//   model+layout  — plan → view model → geometry (d3-hierarchy), in the page
//   render        — model + layout + building the SVG DOM (the message handler's work)
//   to frame      — from posting the message until the frame with the new picture was painted,
//                   split into the message's structured clone + dispatch, the render, and the
//                   browser's style, layout and paint
//   SVG export    — one export of the whole view (all details, inlined styles)
import * as esbuild from 'esbuild';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildWebview } from '../../client/webview/build.mjs';
import { bigCustomerView, manyCustomersView } from './synthetic.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const ORIGIN = 'https://acct-webview.test';
const ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

const tmp = await mkdtemp(path.join(os.tmpdir(), 'acct-bench-'));
try {
    // the real page: bundle renderWebviewHtml (TypeScript) for node, and the webview for the browser
    await esbuild.build({
        entryPoints: [path.join(root, 'client', 'src', 'webview-html.ts')],
        outfile: path.join(tmp, 'html.mjs'),
        bundle: true,
        platform: 'node',
        format: 'esm',
        logLevel: 'warning',
    });
    const { renderWebviewHtml } = await import(pathToFileURL(path.join(tmp, 'html.mjs')).href);
    await buildWebview(path.join(tmp, 'webview'), { minify: true });
    const nonce = 'YmVuY2gtbm9uY2UtMTIzNDU2Nzg=';
    const html = renderWebviewHtml({
        script: await readFile(path.join(tmp, 'webview', 'main.js'), 'utf8'),
        style: await readFile(path.join(tmp, 'webview', 'main.css'), 'utf8'),
        nonce,
        title: 'bench',
    });

    const browser = await chromium.launch({ executablePath: process.env.ACCT_CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/*', async route => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort();
        if (url.pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
        // the page holds its script and style: it asks for nothing else
        return route.fulfill({ status: 404, body: 'not found' });
    });
    await page.addInitScript(() => {
        window.acquireVsCodeApi = () => ({
            postMessage(m) {
                if (m.type === 'exportSvg') window.__exported = { at: performance.now(), size: m.svg.length };
            },
            getState() {
                return undefined;
            },
            setState() {},
        });
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForSelector('.tabs');
    console.log(`Chromium ${browser.version()}, ${RUNS} runs per case, median (min–max) in ms`);

    const measure = async (label, message, tab, expectCount, selector) => {
        await page.click(`[role=tab][data-tab=${tab}]`);
        const samples = [];
        for (let i = 0; i < RUNS; i++) {
            // vary the focus slightly so that every run is a full redraw of fresh data
            const r = await page.evaluate(async msg => {
                performance.clearMeasures();
                const t0 = performance.now();
                window.postMessage(msg, '*');
                await new Promise(resolve => {
                    const wait = () => (performance.getEntriesByName('acct:render').length ? resolve() : setTimeout(wait, 0));
                    wait();
                });
                const t1 = await new Promise(resolve => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
                const get = name => performance.getEntriesByName(name).at(-1)?.duration ?? NaN;
                const m = performance.getEntriesByName('acct:render').at(-1);
                return {
                    layout: get('acct:model+layout'),
                    render: get('acct:render'),
                    frame: t1 - t0,
                    dispatch: m.startTime - t0,
                    paint: t1 - (m.startTime + m.duration),
                };
            }, message);
            samples.push(r);
        }
        // a selector's elements, or (the quadrant) the customers its dots and its groups' numbers stand for
        const count =
            typeof selector === 'string'
                ? await page.$$eval(selector, els => els.length)
                : await page.evaluate(
                      ([alone, counts]) =>
                          document.querySelectorAll(alone).length +
                          Array.from(document.querySelectorAll(counts)).reduce((n, el) => n + Number(el.textContent), 0),
                      selector,
                  );
        if (expectCount !== null && count !== expectCount) throw new Error(`${label}: expected ${expectCount} items, got ${count}`);
        const stat = key => {
            const v = samples.map(s => s[key]).sort((a, b) => a - b);
            return `${v[Math.floor(v.length / 2)].toFixed(1)} (${v[0].toFixed(1)}–${v.at(-1).toFixed(1)})`;
        };
        const exp = await page.evaluate(async () => {
            window.__exported = undefined;
            const t0 = performance.now();
            window.postMessage({ type: 'requestSvg' }, '*');
            while (!window.__exported) await new Promise(r => setTimeout(r, 5));
            return { ms: window.__exported.at - t0, size: window.__exported.size };
        });
        console.log(
            `${label}\n  model+layout ${stat('layout')}\n  render       ${stat('render')}   (model + layout + SVG DOM)\n` +
                `  to frame     ${stat('frame')}   (message clone+dispatch ${stat('dispatch')}, style/layout/paint ${stat('paint')})\n` +
                `  SVG export   ${exp.ms.toFixed(0)} ms, ${(exp.size / 1024).toFixed(0)} kB (once)`,
        );
        return samples;
    };

    // what the panel posts (client/src/picture.ts): a plan without errors, the element shown
    const picture = (view, customer, opportunity = null) => ({
        type: 'picture',
        picture: { view, shown: { customer, opportunity }, hasErrors: false, errorLines: [] },
    });
    const big = bigCustomerView(1000);
    await measure('power map, 1,000 contacts', picture(big, 'big'), 'power', 1000, '.card');
    // a deal's map draws the people who matter to it, the rest folded in "+N others" notes: not every card
    await measure('power map, 1,000 contacts, deal', picture(big, 'big', 'deal'), 'power', null, '.card');
    const chain = big.plan.customers[0].opportunities[0].decisionChain;
    await measure(`fishbone, deal of ${chain.length} people`, picture(big, 'big', 'deal'), 'fishbone', chain.length, '.fb-person');
    const many = manyCustomersView(5000);
    await measure('tier quadrant, 5,000 customers', picture(many, 'k0'), 'quadrant', 5000, ['.q-point[data-key]', '.q-group-count']);
    await measure('sandbox, 1,000 open opportunities', picture(many, 'k0'), 'sandbox', 1000, '.sb-row');
    await browser.close();
} finally {
    await rm(tmp, { recursive: true, force: true });
}
