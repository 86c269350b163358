/**
 * `acct report` in the benchmark (issue 21): the CPU of the real `acct report` process beside
 * the CPU of `acct check` of the same workspace, alternated in the same run, and the report
 * opened in Chromium (the project's playwright-core and /usr/bin/chromium, offline): the first
 * paint and every picture drawn (`data-drawn` on `<html>` says the number of pictures, and two
 * animation frames have run after it); then, opened again, what a reader who jumps to a customer
 * far down while the page still draws waits for (`jumps`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { childrenCpuMs, loadAverage, median, round } from './measure.js';

export interface ReportMeasures {
    checkCpuMs: number;
    reportCpuMs: number;
    /** report ÷ check, CPU, medians of the same run. */
    ratio: number;
    reportWallMs: number;
    fileMB: number;
    pictures: number;
    /** Wall times from navigation, and the page's main-thread busy time until every picture was drawn (Chromium's TaskDuration). */
    browser:
        | {
              firstPaintMs: number;
              loadMs: number;
              /** The median opening's; every opening's in `allDrawnRunsMs`. */
              allDrawnMs: number;
              /** Every picture drawn, each opening of the file in a fresh page, in order. */
              allDrawnRunsMs: number[];
              mainThreadMs: number;
              scriptMs: number;
              /** The CPU of Chromium's renderer processes from their start (the empty page's too) until every picture was drawn. */
              rendererCpuMs: number;
              /** The same from the navigation to the report on: what opening the report costs. */
              pageCpuMs: number;
              /** When every picture was drawn. */
              loadAverage: number[];
              /** The elements the pictures are made of, by view: what the page's time grows with. */
              elements: Record<string, { pictures: number; elements: number; items: number }>;
              /** The report opened again: a jump to a customer far down as soon as the page has loaded, then two more. */
              jumps: Jump[];
          }
        | { skipped: string };
    loadAverage: number[];
}

/**
 * What a reader waits for after a jump (a link of the table of contents) to a customer's section
 * while the page still draws: from the jump until every picture of that section is in the
 * document and a frame has been rendered after it.
 */
export interface Jump {
    /** The section's id. */
    to: string;
    /** The section's pictures. */
    pictures: number;
    /** When the jump was made, from the navigation. */
    atMs: number;
    /** The first frame with one of its pictures drawn, from the jump. */
    firstMs: number;
    /** Every one of its pictures drawn and a frame after it, from the jump. */
    allMs: number;
}

export async function reportMeasures(cli: string, dir: string, today: string, runs: number): Promise<ReportMeasures> {
    const html = path.join(path.dirname(dir), 'report.html');
    const check: number[] = [];
    const report: number[] = [];
    const wall: number[] = [];
    const cpuOf = (args: string[]): { cpu: number; wall: number } => {
        const cpu = childrenCpuMs();
        const start = performance.now();
        const result = spawnSync(process.execPath, [cli, ...args], { maxBuffer: 256 * 1024 * 1024, encoding: 'utf-8' });
        if (result.status !== 0 && result.status !== 1) throw new Error(`acct ${args[0]} exited ${result.status}: ${result.stderr}`);
        return { cpu: childrenCpuMs() - cpu, wall: performance.now() - start };
    };
    for (let i = 0; i < runs; i++) {
        check.push(cpuOf(['check', dir, '--format', 'json', '--today', today]).cpu);
        const r = cpuOf(['report', dir, '-o', html, '--today', today]);
        report.push(r.cpu);
        wall.push(r.wall);
    }
    const text = fs.readFileSync(html, 'utf8');
    const pictures = (text.match(/data-figure="/g) ?? []).length;
    return {
        checkCpuMs: round(median(check)),
        reportCpuMs: round(median(report)),
        ratio: round(median(report) / median(check), 2),
        reportWallMs: round(median(wall)),
        fileMB: round(Buffer.byteLength(text) / 1e6, 2),
        pictures,
        browser: await openInChromium(html, runs),
        loadAverage: loadAverage(),
    };
}

/**
 * Opens the report `openings` times, each in a fresh page of one browser, and gives the figures of
 * the opening with the median time until every picture was drawn (one opening on a shared machine
 * moves by ±15 %), with every opening's time beside them; then the jumps, once.
 */
async function openInChromium(html: string, openings: number): Promise<ReportMeasures['browser']> {
    const executablePath = process.env.ACCT_CHROMIUM ?? '/usr/bin/chromium';
    if (!fs.existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath}` };
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
        const opened: Array<Awaited<ReturnType<typeof openOnce>>> = [];
        for (let i = 0; i < Math.max(1, openings); i++) opened.push(await openOnce(context, html));
        const byTime = [...opened].sort((a, b) => a.allDrawnMs - b.allDrawnMs);
        const typical = byTime[Math.floor((byTime.length - 1) / 2)]!;
        // opened again: the reader jumps (the page is not asked where anything is: measuring the
        // layout of every section would lay out the sections off screen, which the page never does)
        const page = await context.newPage();
        await page.goto(pathToFileURL(html).href, { timeout: 600_000 });
        const jumps: Jump[] = [];
        for (const at of [3 / 4, 1 / 3, 1]) jumps.push(await page.evaluate(jumpTo, at));
        await page.close();
        return { ...typical, allDrawnRunsMs: opened.map(o => o.allDrawnMs), jumps };
    } finally {
        await browser.close();
    }
}

/** One opening of the report in a fresh page, until every picture is drawn. */
async function openOnce(context: import('playwright-core').BrowserContext, html: string) {
    const page = await context.newPage();
    try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const before = rendererCpuMs();
        const start = Date.now();
        await page.goto(pathToFileURL(html).href, { timeout: 600_000 });
        const loadMs = Date.now() - start;
        // every picture drawn: the page's own count of the pictures it drew says all of them, and a
        // frame has been rendered after it (two requestAnimationFrame callbacks: the next frame's work is done)
        await page.waitForFunction(() => document.documentElement.dataset.drawn !== undefined, null, { timeout: 600_000, polling: 50 });
        const drawn = await page.evaluate(
            () =>
                new Promise<number>(resolve =>
                    requestAnimationFrame(() => requestAnimationFrame(() => resolve(Number(document.documentElement.dataset.drawn)))),
                ),
        );
        const allDrawnMs = Date.now() - start;
        const pictures = await page.evaluate(() => document.querySelectorAll('[data-figure]').length);
        if (drawn !== pictures) throw new Error(`the report drew ${drawn} of its ${pictures} pictures`);
        const firstPaintMs = await page.evaluate(() => Math.round(performance.getEntriesByType('paint')[0]?.startTime ?? NaN));
        const { metrics } = await cdp.send('Performance.getMetrics');
        const metric = (name: string) => round(1000 * (metrics.find(m => m.name === name)?.value ?? NaN));
        const rendererCpu = rendererCpuMs();
        const pageCpu = round(rendererCpu - before);
        const elements = await page.evaluate(() => {
            const data = JSON.parse(document.getElementById('acct-report-data')?.textContent ?? '{}') as { figures: Array<{ tab: string }> };
            const byTab: Record<string, { pictures: number; elements: number; items: number }> = {};
            for (const host of Array.from(document.querySelectorAll<HTMLElement>('[data-figure]'))) {
                const tab = data.figures[Number(host.dataset.figure)]?.tab ?? '?';
                const of = (byTab[tab] ??= { pictures: 0, elements: 0, items: 0 });
                of.pictures++;
                of.elements += host.querySelectorAll('svg *').length;
                of.items += host.querySelectorAll('[data-key]').length;
            }
            return byTab;
        });
        return {
            firstPaintMs,
            loadMs,
            allDrawnMs,
            mainThreadMs: metric('TaskDuration'),
            scriptMs: metric('ScriptDuration'),
            rendererCpuMs: rendererCpu,
            pageCpuMs: pageCpu,
            loadAverage: loadAverage(),
            elements,
        };
    } finally {
        await page.close();
    }
}

/** In the page: scrolls to the first picture of the customer at `at` of the way down, and waits until its section is drawn. */
function jumpTo(at: number): Promise<Jump> {
    const sections = Array.from(document.querySelectorAll('section.customer'));
    const section = sections[Math.min(sections.length - 1, Math.floor(at * sections.length))]!;
    const hosts = Array.from(section.querySelectorAll('[data-figure]'));
    const start = performance.now();
    (hosts[0] ?? section).scrollIntoView();
    return new Promise(resolve => {
        let first = NaN;
        const check = (): void => {
            const drawn = hosts.filter(host => host.querySelector('svg.report-picture')).length;
            if (drawn && Number.isNaN(first)) first = performance.now() - start;
            if (drawn < hosts.length) {
                requestAnimationFrame(check);
                return;
            }
            requestAnimationFrame(() =>
                resolve({
                    to: section.id,
                    pictures: hosts.length,
                    atMs: Math.round(start),
                    firstMs: Math.round(first),
                    allMs: Math.round(performance.now() - start),
                }),
            );
        };
        requestAnimationFrame(check);
    });
}

/**
 * The CPU (user + system) of the Chromium renderer processes this process started, from `/proc`
 * (NaN elsewhere): on a busy machine the page's wall times grow with the load, its CPU does not.
 */
function rendererCpuMs(): number {
    if (!fs.existsSync('/proc/self/stat')) return NaN;
    const fields = (pid: string): string[] | null => {
        try {
            const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
            return stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        } catch {
            return null;
        }
    };
    const parentOf = new Map<string, string>();
    for (const pid of fs.readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
        const f = fields(pid);
        if (f) parentOf.set(pid, f[1]!);
    }
    const mine = new Set([String(process.pid)]);
    let grew = true;
    while (grew) {
        grew = false;
        for (const [pid, parent] of parentOf)
            if (mine.has(parent) && !mine.has(pid)) {
                mine.add(pid);
                grew = true;
            }
    }
    const tick = 1000 / 100; // USER_HZ
    let ms = 0;
    for (const pid of mine) {
        let cmdline: string;
        try {
            cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
            continue;
        }
        if (!cmdline.includes('--type=renderer')) continue;
        const f = fields(pid);
        if (f) ms += (Number(f[11]) + Number(f[12])) * tick;
    }
    return round(ms);
}
