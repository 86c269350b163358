/**
 * The Trends view in Chromium, on the real history of the example repository (trends-fixture.ts):
 * a contact, an opportunity and a customer over the commits, in a 480 px panel and a full editor,
 * light and dark, English and Chinese. A point's tooltip says the commit; a click or Enter asks
 * the panel to open its change (`openCommit`); what the tab says without a history.
 */
import { describe, expect, it } from 'vitest';
import { viewStrings } from '@acct/method';
import type { SubjectTrend } from '@acct/contract';
import type { WebviewPage } from './harness.js';
import { browserSuite, T } from './shared.js';
import { exampleTrend, TREND_SUBJECTS } from './trends-fixture.js';

const suite = browserSuite();
const FOCUS = { customer: 'huaxia', opportunity: null };

async function showTrends(p: WebviewPage, trend: SubjectTrend | null, status?: object): Promise<void> {
    await p.sendPlan(suite.view(), FOCUS);
    await p.page.click('[role=tab][data-tab=trends]');
    await expect.poll(() => p.page.getAttribute('[data-tab=trends]', 'aria-selected')).toBe('true');
    await p.afterRender(() => p.send({ type: 'trends', trends: trend ? { status: 'ready', trend } : status }));
}

/** The commits drawn, their tooltips, and the lines of each panel. */
async function drawn(p: WebviewPage): Promise<{ points: string[]; panels: string[]; lines: number; texts: string }> {
    return p.page.evaluate(() => ({
        points: Array.from(document.querySelectorAll('.tr-point')).map(e => e.getAttribute('data-commit')!),
        panels: Array.from(document.querySelectorAll('.tr-panel > .tr-title')).map(e => e.textContent!),
        lines: document.querySelectorAll('.tr-line:not(.tr-line-sample)').length,
        texts: document.querySelector('.tr-frame')?.textContent ?? '',
    }));
}

describe('the Trends view', () => {
    for (const [width, height] of [
        [480, 760],
        [1280, 800],
    ] as const) {
        it(
            `draws a contact, an opportunity and a customer over the commits at ${width} px, light and dark`,
            async () => {
                const p = await suite.page({ theme: 'light', width, height });
                const contact = await exampleTrend(TREND_SUBJECTS.contact);
                await showTrends(p, contact);
                const seen = await drawn(p);
                // one point per commit that changed Sun, in order
                expect(seen.points).toEqual(contact.points.map(x => x.commit));
                expect(seen.panels).toEqual(['Support — us and competitors', 'Intimacy', 'Role', 'Last contact']);
                expect(await p.page.textContent('header.top')).toContain('Sun Weidong over time');
                // us and ZTE on the support panel: won, lost to ZTE, regained
                expect(await p.page.$$eval('.tr-support .tr-key-text', els => els.map(e => e.textContent))).toEqual(['us', 'ZTE']);
                await p.screenshot(`trends-contact-${width}-light`);
                await p.setTheme('dark');
                await p.screenshot(`trends-contact-${width}-dark`);

                const deal = await exampleTrend(TREND_SUBJECTS.opportunity);
                await p.afterRender(() => p.send({ type: 'trends', trends: { status: 'ready', trend: deal } }));
                const dealSeen = await drawn(p);
                expect(dealSeen.panels).toEqual(['Stage', 'Amount (CNY)', 'Qualified', 'Sun Weidong', 'Deng Hui', 'Peng Li', 'Fang Qing']);
                expect(await p.page.$$eval('.tr-multiple', els => els.length)).toBe(4);
                await p.screenshot(`trends-opportunity-${width}-dark`);
                await p.setTheme('light');
                await p.screenshot(`trends-opportunity-${width}-light`);

                const customer = await exampleTrend(TREND_SUBJECTS.customer);
                await p.afterRender(() => p.send({ type: 'trends', trends: { status: 'ready', trend: customer } }));
                const customerSeen = await drawn(p);
                expect(customerSeen.panels).toEqual(['Findings by severity', 'Tier', 'Key people with support ≥ 1']);
                expect(await p.page.$$eval('.tr-findings .tr-key-text', els => els.map(e => e.textContent))).toEqual(['error', 'warning', 'info']);
                await p.screenshot(`trends-customer-${width}-light`);
                await p.setTheme('dark');
                await p.screenshot(`trends-customer-${width}-dark`);
                // nothing drawn wider than the panel: the drawing is Fit whole into the stage
                const box = await p.page.$eval('.tr-frame', el => el.getBoundingClientRect().width);
                expect(box).toBeLessThanOrEqual(width);
            },
            T,
        );
    }

    it(
        'draws the pictures of docs/views.md: each Trends view whole at full size, light, its legend open',
        async () => {
            for (const [name, subject] of Object.entries(TREND_SUBJECTS)) {
                const p = await suite.page({ theme: 'light', width: 1280, height: 800 });
                await showTrends(p, await exampleTrend(subject));
                await p.page.click('.legend-toggle');
                const need = await p.page.evaluate(() => {
                    const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
                    return {
                        top: canvas.top,
                        below: innerHeight - canvas.bottom,
                        height: (document.querySelector('.viewport') as SVGGElement).getBBox().height,
                    };
                });
                await p.page.setViewportSize({ width: 1280, height: Math.ceil(need.top + need.height + 40 + need.below) });
                await p.page.click('button:has-text("Fit")');
                const file = await p.screenshot(`trends-${name}-docs`);
                expect(file).toMatch(/trends-.*-docs\.png$/);
                // the legend explains the lines and the points
                expect(await p.page.$$eval('.legend .legend-text', els => els.map(e => e.textContent))).toEqual(
                    expect.arrayContaining(['us', 'a commit: hover for it, click for its change']),
                );
            }
        },
        T,
    );

    it(
        'says the commit on hover and asks for its change on a click or Enter',
        async () => {
            const p = await suite.page({ theme: 'dark', width: 480, height: 760 });
            const contact = await exampleTrend(TREND_SUBJECTS.contact);
            await showTrends(p, contact);
            const lost = contact.points.find(x => x.message.startsWith('ZTE hosted Sun'))!;
            const point = `.tr-point[data-commit="${lost.commit}"]`;
            await p.page.hover(point);
            const tip = await p.page.$eval(point, el => el.querySelector('title')?.textContent ?? '');
            expect(tip).toContain(`2026-09-05 · ${lost.commit.slice(0, 7)} · David Sun`);
            expect(tip).toContain('ZTE hosted Sun at their Shenzhen campus');
            expect(tip).toContain('support 1 → 0');
            await p.page.click(point);
            await expect.poll(async () => (await p.posted()).filter(m => m.type === 'openCommit').map(m => m.commit)).toEqual([lost.commit]);
            // the keyboard: the next point, then Enter
            await p.page.keyboard.press('ArrowRight');
            await p.page.keyboard.press('Enter');
            const next = contact.points[contact.points.indexOf(lost) + 1]!;
            await expect.poll(async () => (await p.posted()).filter(m => m.type === 'openCommit').map(m => m.commit)).toEqual([lost.commit, next.commit]);
            // a vertex of a line is the same commit
            expect(await p.page.$$eval(`.tr-vertex[data-key$="@${lost.commit}"]`, els => els.length)).toBeGreaterThan(0);
        },
        T,
    );

    it(
        'speaks Chinese: panels, tooltips and what changed',
        async () => {
            const p = await suite.page({ theme: 'light', width: 480, height: 760 });
            await p.send({ type: 'strings', strings: viewStrings('zh-CN') });
            for (const [name, subject] of Object.entries(TREND_SUBJECTS)) {
                const trend = await exampleTrend(subject, 'zh-CN');
                await showTrends(p, trend);
                const seen = await drawn(p);
                expect(
                    seen.panels.every(title => /\p{Script=Han}/u.test(title) || title === trend.name || /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(title)),
                    seen.panels.join(', '),
                ).toBe(true);
                await p.screenshot(`trends-${name}-480-zh`);
            }
            expect(await p.page.textContent('header.top')).toContain('的变化');
        },
        T,
    );

    it(
        'the sandbox says since when each open deal has held its stage, once the history is read',
        async () => {
            const p = await suite.page({ theme: 'light', width: 1280, height: 800 });
            await p.sendPlan(suite.view(), { customer: 'donghai', opportunity: null });
            await p.page.click('[role=tab][data-tab=sandbox]');
            const row = '.sb-row[data-key="opportunity:donghai/ran27"]';
            expect(await p.page.textContent(row)).not.toContain(' since ');
            const stage = suite
                .view()
                .plan.customers.find(c => c.id === 'donghai')!
                .opportunities.find(o => o.id === 'ran27')!.stage!;
            await p.afterRender(() => p.send({ type: 'stageAges', ages: { 'opportunity:donghai/ran27': { stage, since: '2026-09-14' } } }));
            // the plan's today is 2026-11-22: 69 days
            expect(await p.page.textContent(row)).toContain(`${stage} since 2026-09-14, 69 days`);
            await p.send({ type: 'strings', strings: viewStrings('zh-CN') });
            expect(await p.page.textContent(row)).toContain('自 2026-09-14 起处于');
            await p.screenshot('sandbox-stage-age-zh');
        },
        T,
    );

    it(
        'says plainly why there is no trend: no git, untrusted, reading, nothing at the cursor',
        async () => {
            const p = await suite.page({ theme: 'dark', width: 480, height: 640 });
            await showTrends(p, null, { status: 'noGit' });
            expect(await p.page.textContent('.empty')).toContain('not in a git repository');
            await p.afterRender(() => p.send({ type: 'trends', trends: { status: 'untrusted' } }));
            expect(await p.page.textContent('.empty')).toContain('untrusted workspace');
            await p.screenshot('trends-untrusted');
            await p.afterRender(() => p.send({ type: 'trends', trends: { status: 'loading' } }));
            expect(await p.page.textContent('.empty')).toContain('Reading the history');
            await p.afterRender(() => p.send({ type: 'trends', trends: { status: 'noSubject' } }));
            expect(await p.page.textContent('.empty')).toContain('Put the cursor on a contact');
        },
        T,
    );
});
