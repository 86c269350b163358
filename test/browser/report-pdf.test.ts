/**
 * `acct report --pdf` (contract 7.7): the examples printed by the local Chromium to A4 landscape
 * pages, each customer starting a page, page numbers, nothing drawn in the outer 5 mm of any page,
 * no picture larger than the printable area. The first ten pages in test-results/report/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AcctPlanDocument } from '@acct/contract';
import { examplesDir, runCli, tempWorkspace } from '../support/run-cli.js';
import { launch, ROOT } from './harness.js';
import { closeChecked, openReport } from './report-page.js';
import { T } from './shared.js';

const SHOTS = path.join(ROOT, 'test-results', 'report');
const TODAY = '2026-12-06';
const out = tempWorkspace({});
let browser: Browser;
let plan: AcctPlanDocument;
const open = (file: string, options?: { dark?: boolean; width?: number }) => openReport(browser, file, options);

beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    plan = JSON.parse(runCli(['export', '--today', TODAY, '.'], { cwd: examplesDir }).stdout) as AcctPlanDocument;
    browser = await launch();
}, T);

afterAll(async () => {
    await browser?.close();
});

/** The pixels of a PPM (P6) image. */
function readPpm(file: string): { width: number; height: number; at: (x: number, y: number) => [number, number, number] } {
    const bytes = readFileSync(file);
    const header = bytes.subarray(0, 64).toString('latin1');
    const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)!;
    const width = Number(m[1]);
    const height = Number(m[2]);
    const offset = m[0].length;
    return {
        width,
        height,
        at: (x, y) => {
            const i = offset + 3 * (y * width + x);
            return [bytes[i]!, bytes[i + 1]!, bytes[i + 2]!];
        },
    };
}

describe('acct report --pdf', () => {
    it.skipIf(!existsSync('/usr/bin/pdftoppm'))(
        'prints A4 landscape pages, each customer starting a page, nothing cut at the margins',
        async () => {
            const pdf = path.join(out, 'examples.pdf');
            const html = path.join(out, 'printed.html');
            const r = runCli(['report', '--today', TODAY, '-o', html, '--pdf', pdf, '.'], { cwd: examplesDir });
            expect(r.status, r.stderr).toBe(0);
            const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
            const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
            expect(/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number).map(Math.round)).toEqual([842, 595]);
            expect(pages).toBeGreaterThanOrEqual(plan.customers.length + 2);
            // each customer's section begins a page: its name is the page's first line
            const firsts: string[] = [];
            for (let n = 1; n <= pages; n++) {
                const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
                firsts.push(
                    text
                        .split('\n')
                        .find(line => line.trim())
                        ?.trim() ?? '',
                );
                // page numbers
                expect(text).toContain(`${n} / ${pages}`);
            }
            for (const c of plan.customers) expect(firsts).toContain(c.name);
            // nothing drawn in the outer 5 mm of any page: no picture cut at the margin
            const prefix = path.join(out, 'page');
            execFileSync('pdftoppm', ['-r', '40', pdf, prefix]);
            const mm = 40 / 25.4;
            for (let n = 1; n <= pages; n++) {
                const image = readPpm(`${prefix}-${String(n).padStart(String(pages).length, '0')}.ppm`);
                const band = Math.round(5 * mm);
                let inked = 0;
                for (let y = 0; y < image.height; y++) {
                    for (let x = 0; x < image.width; x++) {
                        if (x >= band && x < image.width - band && y >= band && y < image.height - band) continue;
                        const [red, green, blue] = image.at(x, y);
                        if (red < 240 || green < 240 || blue < 240) inked++;
                    }
                }
                expect(inked, `page ${n}`).toBe(0);
            }
            execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '10', pdf, path.join(SHOTS, 'printed')]);
            // in print, no picture is taller or wider than the page's printable area (A4 landscape less the margins)
            const o = await open(html, { width: Math.floor(((297 - 24) * 96) / 25.4) });
            await o.page.emulateMedia({ media: 'print' });
            const sizes = await o.page.$$eval('svg.report-picture', els => els.map(el => el.getBoundingClientRect()).map(r => [r.width, r.height]));
            const px = 96 / 25.4;
            for (const [w, h] of sizes) {
                expect(w).toBeLessThanOrEqual((297 - 24) * px + 1);
                expect(h).toBeLessThanOrEqual((210 - 26) * px);
            }
            await closeChecked(o);
            writeFileSync(path.join(SHOTS, 'pages.txt'), firsts.map((f, i) => `${i + 1}: ${f}`).join('\n') + '\n');
        },
        T,
    );
});
