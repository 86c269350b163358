// What opening the account review costs, taken apart (run with node, not a test; issue 21 item 6):
//   node test/bench/report-markup.mjs REPORT.html [--runs N]
// REPORT.html is a report written by `acct report` (the benchmark's: `node out/bench.js
// --only=report --keep`, then `node out/cli.js report DIR/workspace -o REPORT.html --today
// 2026-11-22`). The script opens it in the project's Chromium (offline), lets the page draw every
// picture, and saves the drawn document without its script: the same pictures as markup parsed
// by Chromium's HTML parser instead of built by the page's script. From the two it makes the
// variants below and opens all of them in turn, N rounds (alternated, so that the machine's load
// falls on each alike), printing for each run the CPU of Chromium's renderer processes and of the
// renderer's main thread (`/proc`, from their start until the pictures are drawn: `data-drawn`
// for the page that draws, the load event for markup, then two animation frames), the wall time,
// the file's size and the load average.
//   drawn        the report as `acct report` writes it: the page draws every picture
//   markup       the drawn document saved as markup (no script)
//   no-pictures  the markup without the pictures: the report's text, tables and data alone
//   drawn-no-cv, markup-no-cv  the two without `content-visibility: auto` on the customers'
//                sections (the style's CSP hash made again), so every section is laid out
/* global document, requestAnimationFrame -- page.evaluate bodies run in the page */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { rendererCpu } from './renderer-cpu.mjs';

const report = process.argv[2];
if (!report || !fs.existsSync(report)) {
    console.error('usage: node test/bench/report-markup.mjs REPORT.html [--runs N]');
    process.exit(2);
}
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];
const dir = path.dirname(path.resolve(report));
const variant = name => path.join(dir, `${path.basename(report, '.html')}.${name}.html`);

async function withPage(run) {
    const browser = await chromium.launch({ executablePath: process.env.ACCT_CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
    try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
        const page = await context.newPage();
        page.on('console', message => {
            if (message.type() === 'error') console.error(`  console: ${message.text()}`);
        });
        return await run(page);
    } finally {
        await browser.close();
    }
}

/** The drawn document as markup, without its script (the plan's JSON stays: the same bytes to parse). */
async function saveMarkup() {
    const html = await withPage(async page => {
        await page.goto(pathToFileURL(report).href, { timeout: 600_000 });
        await page.waitForFunction(() => document.documentElement.dataset.drawn !== undefined, null, { timeout: 600_000, polling: 100 });
        return page.evaluate(() => {
            for (const script of Array.from(document.querySelectorAll('script:not([type="application/json"])'))) script.remove();
            return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
        });
    });
    fs.writeFileSync(variant('markup'), html);
    return html;
}

/** The same page without `content-visibility` on the sections, its style's hash in the CSP made again. */
function withoutContentVisibility(html) {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
    const rule = /@media screen\{\.customer\{content-visibility:auto;[^}]*\}\}/.exec(style ?? '')?.[0];
    if (!style || !rule) throw new Error('no content-visibility rule in the report’s style');
    const hash = css => createHash('sha256').update(css).digest('base64');
    const without = style.replace(rule, '');
    return html.replace(style, without).replace(hash(style), hash(without));
}

async function open(file, draws) {
    return withPage(async page => {
        const start = Date.now();
        await page.goto(pathToFileURL(file).href, { timeout: 600_000 });
        if (draws) await page.waitForFunction(() => document.documentElement.dataset.drawn !== undefined, null, { timeout: 600_000, polling: 50 });
        await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const wall = Date.now() - start;
        const cpu = rendererCpu();
        const nodes = await page.evaluate(() => document.querySelectorAll('[data-figure] svg *').length);
        return { ...cpu, wall, nodes };
    });
}

const drawnHtml = fs.readFileSync(report, 'utf8');
const markup = await saveMarkup();
fs.writeFileSync(variant('no-pictures'), markup.replace(/<svg class="drawing report-picture"[\s\S]*?<\/svg>(?=<p class="empty-note">|<\/div>)/g, ''));
fs.writeFileSync(variant('drawn-no-cv'), withoutContentVisibility(drawnHtml));
fs.writeFileSync(variant('markup-no-cv'), withoutContentVisibility(markup));
const cases = [
    ['drawn', report, true],
    ['markup', variant('markup'), false],
    ['no-pictures', variant('no-pictures'), false],
    ['drawn-no-cv', variant('drawn-no-cv'), true],
    ['markup-no-cv', variant('markup-no-cv'), false],
];
const only = process.argv
    .find(arg => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
console.log('case\tMB\tpicture elements\trenderer CPU ms\tmain thread ms\twall ms\tload average');
for (let round = 0; round < RUNS; round++)
    for (const [name, file, draws] of cases) {
        if (only && !only.includes(name)) continue;
        const r = await open(file, draws);
        const mb = (fs.statSync(file).size / 1e6).toFixed(1);
        const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
        console.log(`${name}\t${mb}\t${r.nodes}\t${r.all}\t${r.main}\t${r.wall}\t${load}`);
    }
