/**
 * The power map's contract-1.2 text in Chromium, on the plan of `examples/`: a key person's KPI
 * (or pain) on the card, inside it, and every KPI and pain in the card's tooltip and label; the
 * deal header's value proposition, or that a bid has none.
 */
import { describe, expect, it } from 'vitest';
import { boxOf, browserSuite, hoverText, T } from './shared.js';

const suite = browserSuite();

describe('power map, contract 1.2', () => {
    it(
        "shows a key person's KPI on the card, inside it, and their KPIs and pains in the tooltip",
        async () => {
            const p = await suite.page({ theme: 'light' });
            await p.sendPlan(suite.view(), { customer: 'donghai', opportunity: 'ran27' });
            const card = '.card[data-key="contact:donghai/he"]';
            // on the card as far as it fits, whole when the pointer is on it
            expect((await p.page.textContent(`${card} .card-title`))?.replace(/\s+/g, ' ')).toMatch(/KPI:/);
            expect((await hoverText(p.page, `${card} .card-title`)).replace(/\s+/g, ' ')).toMatch(/KPI: 5G-A coverage/);
            const title = await boxOf(p, `${card} .card-title`);
            const bg = await boxOf(p, `${card} .card-bg`);
            expect(title.x + title.width).toBeLessThanOrEqual(bg.x + bg.width);
            expect(title.y + title.height).toBeLessThanOrEqual(bg.y + bg.height);
            const label = await p.page.getAttribute(card, 'aria-label');
            expect(label).toContain('KPI: 5G-A coverage of every county town by 2027');
            expect(label).toContain('Pain: Power bills of the radio network up 18 % in two years');
            await p.screenshot('power-map-kpi-light');
        },
        T,
    );

    it(
        'says the value proposition in the deal header, or that a bid has none',
        async () => {
            const p = await suite.page({ theme: 'dark' });
            await p.sendPlan(suite.view(), { customer: 'jlbank', opportunity: 'dcnet' });
            await expect
                .poll(() => p.page.textContent('.subheading'))
                .toMatch(/value proposition: Our branch routers already run in all 40 branches · One vendor/);
            await p.sendPlan(suite.view(), { customer: 'hxgrid', opportunity: 'dispatch' });
            await expect.poll(() => p.page.textContent('.subheading')).toMatch(/no value proposition at bid/);
        },
        T,
    );
});
