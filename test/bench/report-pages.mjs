// Reports of two builds compared as a reader's browser opens them (run with node, not a test; issue 21 item 6):
//   node test/bench/report-pages.mjs [--runs N] [--profile OUT.cpuprofile] [--hash OUT [--tips]] A.html [B.html ...]
// Opens each report in turn in a fresh Chromium offline, N rounds (alternated, so that the
// machine's load falls on each alike), and prints the CPU of the renderer processes and of the
// renderer's main thread (`/proc`) until every picture is drawn (`data-drawn` and two frames
// after it, as test/bench/report-measures.ts waits), the wall time and the nodes under <body>.
// --hash OUT writes OUT.0, OUT.1, ... : a hash of each drawn picture's markup, one a line, to
// compare builds byte for byte (`cmp OUT.0 OUT.1`); --tips hashes each `data-tip` (a hover text made on
// hover) as the `<title>` it becomes. --profile writes the page's CPU profile
// (0.5 ms sampling) of the last run.
/* global document, requestAnimationFrame -- page.evaluate bodies run in the page */
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { rendererCpu } from './renderer-cpu.mjs';
const argv = process.argv.slice(2);
const opt = name => {
    const i = argv.indexOf(name);
    if (i < 0) return null;
    const v = argv[i + 1];
    argv.splice(i, 2);
    return v;
};
const RUNS = Number(opt('--runs') ?? 3);
const profile = opt('--profile');
const hashOut = opt('--hash');
const tips = argv.includes('--tips') && argv.splice(argv.indexOf('--tips'), 1).length > 0;
const files = argv;
async function open(file) {
    const browser = await chromium.launch({
        executablePath: process.env.ACCT_CHROMIUM ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
        const page = await context.newPage();
        page.on('console', m => {
            if (m.type() === 'error') console.error('console:', m.text());
        });
        page.on('pageerror', e => console.error('pageerror:', e.message));
        let cdp;
        if (profile) {
            cdp = await context.newCDPSession(page);
            await cdp.send('Profiler.enable');
            await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
            await cdp.send('Profiler.start');
        }
        const start = Date.now();
        await page.goto(pathToFileURL(file).href, { timeout: 600000 });
        await page.waitForFunction(() => document.documentElement.dataset.drawn !== undefined, null, { timeout: 600000, polling: 50 });
        await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
        const wall = Date.now() - start;
        const cpu = rendererCpu();
        if (profile) {
            const { profile: p } = await cdp.send('Profiler.stop');
            fs.writeFileSync(profile, JSON.stringify(p));
        }
        const nodes = await page.evaluate(() => {
            let n = 0;
            const w = document.createTreeWalker(document.body);
            while (w.nextNode()) n++;
            return n;
        });
        let hashes;
        if (hashOut)
            hashes = await page.evaluate(tips => {
                // --tips: each hover text kept as `data-tip` made the `<title>` it is on hover (as the SVG export
                // does), to compare a build that makes them on hover with one that drew them
                if (tips)
                    for (const el of document.querySelectorAll('[data-tip]')) {
                        const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
                        t.textContent = el.getAttribute('data-tip');
                        el.insertBefore(t, el.firstChild);
                        el.removeAttribute('data-tip');
                    }
                return Array.from(document.querySelectorAll('[data-figure]')).map(h => {
                    const s = h.querySelector('svg');
                    return h.dataset.figure + ' ' + (s ? s.outerHTML : '');
                });
            }, tips);
        return { ...cpu, wall, nodes, hashes };
    } finally {
        await browser.close();
    }
}
console.log('file\trenderer CPU ms\tmain ms\twall ms\tnodes\tload');
for (let r = 0; r < RUNS; r++)
    for (const f of files) {
        const x = await open(f);
        const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
        console.log(`${f}\t${x.all}\t${x.main}\t${x.wall}\t${x.nodes}\t${load}\t${new Date().toISOString().slice(11, 19)}`);
        if (x.hashes)
            fs.writeFileSync(
                `${hashOut}.${files.indexOf(f)}`,
                x.hashes.map(s => createHash('sha256').update(s).digest('hex').slice(0, 16) + ' ' + s.slice(0, s.indexOf(' '))).join('\n') + '\n',
            );
    }
