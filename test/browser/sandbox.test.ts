/**
 * The sandbox view in Chromium, on the plan of `examples/`: every open opportunity of the
 * workspace in the order of `sandboxRanking` (what `acct sandbox` prints), the score's four parts
 * as a stacked bar, the picks highlighted, the unscored apart; a click or Enter reveals. Light,
 * dark and a 500 px panel.
 */
import { describe, expect, it } from 'vitest';
import { sandboxRanking } from '@acct/contract';
import type { WebviewPage } from './harness.js';
import { boxOf, browserSuite, T } from './shared.js';

const suite = browserSuite();

interface Row {
    key: string;
    rank: string;
    cls: string;
    y: number;
    fill: string;
    score: string | null;
    segments: Array<{ w: number; value: string | null }>;
}

async function rows(p: WebviewPage): Promise<Row[]> {
    return p.page.$$eval('.sb-row', els =>
        els.map(el => ({
            key: el.getAttribute('data-key')!,
            rank: el.querySelector('.sb-rank')!.textContent!,
            cls: el.getAttribute('class')!,
            y: el.getBoundingClientRect().y,
            fill: getComputedStyle(el.querySelector('.sb-row-bg')!).fill,
            score: el.querySelector('.sb-score')?.textContent ?? null,
            segments: Array.from(el.querySelectorAll('.sb-seg')).map(s => ({
                w: s.querySelector('rect')!.getBoundingClientRect().width,
                value: s.querySelector('text')?.textContent ?? null,
            })),
        })),
    );
}

async function showSandbox(p: WebviewPage): Promise<void> {
    await p.sendPlan(suite.view(), { customer: 'donghai', opportunity: null });
    await p.page.click('[role=tab][data-tab=sandbox]');
    await expect.poll(() => p.page.getAttribute('[data-tab=sandbox]', 'aria-selected')).toBe('true');
}

describe('sandbox', () => {
    it(
        'ranks every open opportunity as acct sandbox does, the picks highlighted, the unscored apart',
        async () => {
            const p = await suite.page({ theme: 'light' });
            await showSandbox(p);
            const expected = sandboxRanking(suite.view().plan, 3);
            const seen = await rows(p);
            expect(seen.map(r => r.key)).toEqual(expected.map(r => `opportunity:${r.customer}/${r.opportunity}`));
            expect(seen.map(r => r.rank)).toEqual(expected.map(r => String(r.rank)));
            // top to bottom in rank order
            expect(seen.map(r => r.y)).toEqual([...seen.map(r => r.y)].sort((a, b) => a - b));
            // the picks look different from the rest
            for (const [i, r] of seen.entries()) expect(r.cls.includes('pick'), r.key).toBe(expected[i]!.pick);
            const pickFill = seen.find(r => r.cls.includes('pick'))!.fill;
            expect(seen.filter(r => !r.cls.includes('pick')).every(r => r.fill !== pickFill)).toBe(true);
            // each scored bar: four parts whose values add up to the score, widths in proportion
            const zoom = Number(
                await p.page.$eval('.viewport', el =>
                    el
                        .getAttribute('transform')!
                        .replace(/.*scale\(/, '')
                        .replace(')', ''),
                ),
            );
            for (const [i, r] of seen.entries()) {
                const e = expected[i]!;
                if (e.score === null) {
                    expect(r.cls).toContain('unscored');
                    expect(r.segments).toEqual([]);
                    continue;
                }
                expect(r.score).toBe(String(e.score));
                expect(r.segments.map(s => s.value)).toEqual([e.space, e.growth, e.profit, 6 - e.competition!].map(String));
                // 12 px a point at 100 % (Fit may have grown the picture into the window)
                const total = r.segments.reduce((n, s) => n + s.w + 1, 0) / zoom;
                expect(Math.abs(total - e.score * 12)).toBeLessThan(2);
            }
            // the unscored are below a heading of their own
            const unscored = expected.filter(r => r.score === null);
            if (unscored.length) {
                const title = await p.page.$$eval('.sb-section', els => els.find(e => e.textContent!.startsWith('NOT SCORED'))!.getBoundingClientRect());
                expect(await p.page.textContent('.sb-frame')).toContain(`NOT SCORED (${unscored.length})`);
                for (const r of seen.filter(x => x.cls.includes('unscored'))) expect(r.y).toBeGreaterThan(title.y);
            }
            await p.page.click('.legend-toggle');
            expect(await p.page.$$eval('.legend .legend-text', els => els.map(e => e.textContent))).toEqual(
                expect.arrayContaining(['market space', 'growth', 'profit', '6 − competition', 'a pick (the first N)']),
            );
            await p.screenshot('sandbox-light');
            await p.setTheme('dark');
            await p.screenshot('sandbox-dark');
            await p.setTheme('high-contrast');
            await p.screenshot('sandbox-high-contrast');
        },
        T,
    );

    it(
        'changes the number of picks, reveals a row on click and on Enter, moves between rows with the arrow keys',
        async () => {
            const p = await suite.page({ theme: 'dark', width: 500, height: 900 });
            await showSandbox(p);
            expect(await p.page.isVisible('.picks-input')).toBe(true);
            await p.page.fill('.picks-input', '1');
            await expect.poll(async () => (await rows(p)).filter(r => r.cls.includes('pick')).length).toBe(1);
            const expected = sandboxRanking(suite.view().plan, 1);
            expect((await rows(p)).map(r => r.cls.includes('pick'))).toEqual(expected.map(r => r.pick));
            // readable in a 500 px panel: the whole row is on screen at a readable size
            const name = await boxOf(p, '.sb-row .sb-name');
            expect(name.height).toBeGreaterThan(10);
            const row = await boxOf(p, '.sb-row .sb-row-bg');
            expect(row.x + row.width).toBeLessThanOrEqual(500);
            await p.screenshot('sandbox-500-dark');

            const keys = (await rows(p)).map(r => r.key);
            await p.page.click(`.sb-row[data-key="${keys[1]}"] .sb-name`);
            expect((await p.posted()).at(-1)).toEqual({ type: 'reveal', subject: keys[1] });
            await p.page.keyboard.press('ArrowDown');
            const active = () => p.page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? null);
            expect(await active()).toBe(keys[2]);
            await p.page.keyboard.press('Enter');
            expect((await p.posted()).at(-1)).toEqual({ type: 'reveal', subject: keys[2] });
            // the picks survive a reload; the other tabs have no picks control
            await p.waitForSaved({ picks: 1 });
            await p.reload();
            expect(await p.page.inputValue('.picks-input')).toBe('1');
            await p.page.click('[role=tab][data-tab=power]');
            expect(await p.page.isVisible('.picks-input')).toBe(false);
        },
        T,
    );

    it(
        'follows a live edit: a new score moves its row, a won deal leaves the sandbox',
        async () => {
            const p = await suite.page();
            await showSandbox(p);
            const v = structuredClone(suite.view());
            const hx = v.plan.customers.find(c => c.id === 'hxgrid')!;
            const dispatch = hx.opportunities.find(o => o.id === 'dispatch')!;
            dispatch.sandbox = { space: 5, growth: 5, profit: 5, competition: 1, score: 20 };
            hx.opportunities.find(o => o.id === 'substation')!.stage = 'won';
            await p.sendPlan(v, { customer: 'donghai', opportunity: null });
            const seen = await rows(p);
            expect(seen[0]!.key).toBe('opportunity:hxgrid/dispatch');
            expect(seen.map(r => r.key)).not.toContain('opportunity:hxgrid/substation');
            expect(seen.map(r => r.key)).toEqual(sandboxRanking(v.plan, 3).map(r => `opportunity:${r.customer}/${r.opportunity}`));
            await p.page.click('button:has-text("Export SVG")');
            const msg = (await p.posted()).find(m => m.type === 'exportSvg')!;
            expect(msg.suggestedName).toBe('strategic-sandbox.svg');
            expect(msg.svg as string).toContain('Dispatch data network refresh');
        },
        T,
    );
});
