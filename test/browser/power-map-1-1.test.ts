/**
 * The power map's contract-1.1 marks in Chromium, on the plan of `examples/`: influence lines
 * (dashed, an arrowhead at the person influenced, the opposing colour from an opponent), a
 * person's support for a competitor when it is at least ours, the three moves of an opposed key
 * person, and the legends that explain them. Assertions are about what a person sees.
 */
import { describe, expect, it } from 'vitest';
import { THREE_AXES } from '@acct/method';
import { installGeometry } from './geometry.js';
import { boxOf, browserSuite, centre, hoverText, T } from './shared.js';
import type { WebviewPage } from './harness.js';

const suite = browserSuite();

/** The colour a line is stroked with, the arrowhead's fill and where the line ends. */
async function influence(p: Awaited<ReturnType<typeof suite.page>>, from: string, to: string) {
    await installGeometry(p.page);
    return p.page.$eval(`.influence[data-from="${from}"][data-to="${to}"]`, g => {
        const line = g.querySelector('.influence-line') as SVGPathElement;
        const cs = getComputedStyle(line);
        const marker = line.getAttribute('marker-end')!.replace(/^url\(#|\)$/g, '');
        const head = document.querySelector(`#${marker} path`)!;
        return {
            stroke: cs.stroke,
            dash: cs.strokeDasharray,
            headFill: getComputedStyle(head).fill,
            end: window.acctGeometry.pathPoint(line),
            mid: window.acctGeometry.pathPoint(line, line.getTotalLength() / 2),
        };
    });
}

/** What the pointer on the middle of the influence line `from` → `to` shows (its title is made then). */
async function influenceTip(p: WebviewPage, from: string, to: string, at: { x: number; y: number }): Promise<string> {
    await p.page.mouse.move(at.x, at.y);
    return p.page.$eval(`.influence[data-from="${from}"][data-to="${to}"]`, g => g.querySelector(':scope > title')?.textContent ?? '');
}

describe('power map, contract 1.1', () => {
    it(
        "draws influence lines dashed with an arrowhead towards the person influenced, an opponent's in the opposing colour",
        async () => {
            const p = await suite.page({ theme: 'light' });
            await p.sendPlan(suite.view(), { customer: 'jlbank', opportunity: 'dcnet' });
            const opposed = await influence(p, 'he_wei', 'lu');
            const lu = await boxOf(p, '.card[data-key="contact:jlbank/lu"] .card-bg');
            const heWei = await boxOf(p, '.card[data-key="contact:jlbank/he_wei"] .card-bg');
            // the arrow ends at Lu Ping's card, not at He Wei's
            const near = (b: typeof lu, pt: { x: number; y: number }) =>
                pt.x > b.x - 12 && pt.x < b.x + b.width + 12 && pt.y > b.y - 12 && pt.y < b.y + b.height + 12;
            expect(near(lu, opposed.end)).toBe(true);
            expect(near(heWei, opposed.end)).toBe(false);
            expect(opposed.dash).not.toBe('none');
            const opposedColour = await p.page.$eval('.card.s-neg .badge-bg', el => getComputedStyle(el).fill);
            expect(opposed.stroke).toBe(opposedColour);
            expect(opposed.headFill).toBe(opposedColour);
            expect(await influenceTip(p, 'he_wei', 'lu', opposed.mid)).toMatch(/He Wei influences Lu Ping.*opposes us/);
            // the cards say it too
            expect(await p.page.getAttribute('.card[data-key="contact:jlbank/lu"]', 'aria-label')).toContain('Influenced by: He Wei (opposes us)');
            // the org chart's reports-to edges are solid and another colour
            const link = await p.page.$eval('.link:not(.dimmed)', el => ({ stroke: getComputedStyle(el).stroke, dash: getComputedStyle(el).strokeDasharray }));
            expect(link.dash).toBe('none');
            expect(link.stroke).not.toBe(opposed.stroke);
            // influence lines lie under the org chart's edges and the cards
            const order = await p.page.evaluate(() => Array.from(document.querySelectorAll('.viewport > g')).map(g => g.getAttribute('class')));
            expect(order.indexOf('influences')).toBeLessThan(order.indexOf('links'));
            expect(order.indexOf('influences')).toBeLessThan(order.indexOf('cards'));
            await p.screenshot('power-map-influence-light');
            // the customer's own map (no deal dims anyone): the README's picture of the 1.1 marks
            await p.sendPlan(suite.view(), { customer: 'jlbank', opportunity: null });
            expect(await p.page.$$eval('.viewport .influence.opposed', els => els.length)).toBe(1);
            expect(await p.page.textContent('.card[data-key="contact:jlbank/he_wei"] .competitor-text')).toBe('H3C 3');
            await p.screenshot('power-map-relations-light');

            // an ordinary influence: the same dashes, not the opposing colour
            await p.sendPlan(suite.view(), { customer: 'hxgrid', opportunity: null });
            const plain = await influence(p, 'jiang', 'kong');
            expect(plain.dash).not.toBe('none');
            expect(plain.stroke).not.toBe(opposedColour);
            expect(near(await boxOf(p, '.card[data-key="contact:hxgrid/kong"] .card-bg'), plain.end)).toBe(true);
        },
        T,
    );

    it(
        "shows a competitor's support on the card when it is at least ours, with the full text in the tooltip and label",
        async () => {
            const p = await suite.page({ theme: 'dark' });
            await p.sendPlan(suite.view(), { customer: 'hxgrid', opportunity: 'substation' });
            const card = '.card[data-key="contact:hxgrid/peng"]';
            expect(await p.page.textContent(`${card} .competitor-text`)).toBe('ZTE 2');
            expect(await hoverText(p.page, `${card} .competitor-badge`)).toBe('Peng Li supports ZTE 2 (us: 0)');
            expect(await p.page.getAttribute(card, 'aria-label')).toContain('Competitor: supports ZTE 2 (us: 0)');
            // inside the card, right of its title, not over it
            const badge = await boxOf(p, `${card} .competitor-badge`);
            const bg = await boxOf(p, `${card} .card-bg`);
            const title = await boxOf(p, `${card} .card-title`);
            expect(badge.x + badge.width).toBeLessThanOrEqual(bg.x + bg.width);
            expect(title.x + title.width).toBeLessThanOrEqual(badge.x);
            // nobody else at Huaxia Grid supports a competitor as much as us
            expect(await p.page.$$eval('.viewport .competitor-badge', els => els.length)).toBe(1);
            await p.screenshot('power-map-competitor-dark');

            // He supports Nokia 1 but us 2: no badge; a `?` for the competitor is never shown
            const v = structuredClone(suite.view());
            const jl = v.plan.customers.find(c => c.id === 'jlbank')!;
            jl.contacts.find(c => c.id === 'lu')!.competitorSupport = [{ competitor: 'h3c', support: null }];
            await p.sendPlan(v, { customer: 'donghai', opportunity: 'ran27' });
            expect(await p.page.$$eval('.card[data-key="contact:donghai/he"] .competitor-badge', els => els.length)).toBe(0);
            await p.sendPlan(v, { customer: 'jlbank', opportunity: null });
            expect(await p.page.$$eval('.card[data-key="contact:jlbank/lu"] .competitor-badge', els => els.length)).toBe(0);
            // He Wei supports H3C 3 and opposes us
            expect(await p.page.textContent('.card[data-key="contact:jlbank/he_wei"] .competitor-text')).toBe('H3C 3');
        },
        T,
    );

    it(
        "shows the three moves on an opposed key person's card: done, planned or missing, each named in the tooltip",
        async () => {
            const p = await suite.page({ theme: 'light' });
            const v = structuredClone(suite.view());
            // make one move done and one missing (cancelled)
            const dh = v.plan.customers.find(c => c.id === 'donghai')!;
            dh.activities.find(a => a.id === 'qian_exec')!.status = 'done';
            dh.activities.find(a => a.id === 'qian_hq')!.status = 'cancelled';
            await p.sendPlan(v, { customer: 'donghai', opportunity: 'ran27' });
            const card = '.card[data-key="contact:donghai/qian"]';
            const marks = await p.page.$$eval(`${card} .move-mark`, els =>
                els.map(e => ({
                    cls: e.getAttribute('class')!,
                    fill: getComputedStyle(e).fill,
                    dash: getComputedStyle(e).strokeDasharray,
                })),
            );
            expect(marks.map(m => /move-(done|planned|missing)/.exec(m.cls)![1])).toEqual(['done', 'planned', 'missing']);
            expect(marks[0]!.fill).not.toBe('none');
            expect(marks[1]!.fill).toBe('none');
            expect(marks[2]!.dash).not.toBe('none');
            const tip = await hoverText(p.page, `${card} .moves`);
            expect(tip).toMatch(/executive visit: done on 2026-12-03/);
            expect(tip).toMatch(/exhibition: planned for 2026-12-16/);
            expect(tip).toMatch(/headquarters visit: missing/);
            expect(await p.page.getAttribute(card, 'aria-label')).toContain(
                'Three moves: executive visit done, exhibition planned, headquarters visit missing',
            );
            expect(THREE_AXES).toHaveLength(3);
            // only opposed key persons carry them
            expect(await p.page.$$eval('.viewport .moves', els => els.length)).toBe(1);
            await p.screenshot('power-map-moves-light');
            // a waived opposed-key-person finding shows no marker and no moves
            const waived = structuredClone(v);
            const i = waived.plan.diagnostics.findIndex(d => d.code === 'opposed-key-person');
            waived.plan.diagnostics.splice(i, 1);
            waived.subjects.splice(i, 1);
            await p.sendPlan(waived, { customer: 'donghai', opportunity: 'ran27' });
            expect(await p.page.$$eval(`${card} .moves, ${card} .finding-marker`, els => els.length)).toBe(0);
        },
        T,
    );

    it(
        'explains every new mark in the legend, within a 500 px panel',
        async () => {
            const p = await suite.page({ theme: 'dark', width: 500, height: 900 });
            await p.sendPlan(suite.view(), { customer: 'jlbank', opportunity: 'dcnet' });
            await p.page.click('.legend-toggle');
            const titles = await p.page.$$eval('.legend .legend-title', els => els.map(e => e.textContent));
            expect(titles).toEqual(['ROLE', 'SUPPORT', 'INTIMACY', 'LINES', 'MARKS', 'MOVES']);
            const texts = await p.page.$$eval('.legend .legend-text', els => els.map(e => e.textContent));
            for (const t of [
                'reports to',
                'influences (arrow: whom)',
                'opposed influence: from someone who opposes us',
                'supports a competitor at least as much as us',
                'done',
                'planned',
                'missing',
            ])
                expect(texts).toContain(t);
            const legend = await boxOf(p, '.legend-bg');
            expect(legend.x + legend.width).toBeLessThanOrEqual(500);
            await p.screenshot('power-map-legend-500');
            expect(centre(legend).y).toBeGreaterThan(0);
        },
        T,
    );
});
