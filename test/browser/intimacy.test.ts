/**
 * The intimacy × support chart in Chromium, on the plan of `examples/`: each contact of the shown
 * customer in the cell of their support and intimacy, the method's zones named; for a deal, a mark
 * and a note where the deal gives a person another support than their own, role letters readable
 * inside the dots, and the unknown (?) lanes sized to what they hold.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf as joinFindings } from '@acct/contract';
import { badge } from './cards.js';
import { contactsOf, DONGHAI, examplesSuite, focus, RAN27, showTab, view } from './examples-suite.js';
import { boxOf, T } from './shared.js';

const suite = examplesSuite();
const page = suite.page;

describe('intimacy × support', () => {
    it(
        "plots the contacts of the shown customer by support and intimacy with the method's zones",
        async () => {
            const p = await page();
            await p.sendPlan(view, focus.customer);
            await p.page.click('[role=tab][data-tab=intimacy]');
            const zones = await p.page.$$eval('.zone-label', els => els.map(e => e.textContent));
            expect(zones).toEqual(expect.arrayContaining(['Rational turn risk', 'Re-examine needs', 'Both high', 'Both low']));
            const cells = await p.page.$$eval('.i-cell', els =>
                els.map(el => {
                    const r = el.getBoundingClientRect();
                    return { s: el.getAttribute('data-support'), i: el.getAttribute('data-intimacy'), x: r.x, y: r.y, w: r.width, h: r.height };
                }),
            );
            const points = await p.page.$$eval('.i-point[data-key]', els =>
                els.map(el => {
                    const r = el.querySelector('.dot')!.getBoundingClientRect();
                    return { key: el.getAttribute('data-key')!, cx: r.x + r.width / 2, cy: r.y + r.height / 2, aria: el.getAttribute('aria-label')! };
                }),
            );
            const cid = focus.customer.customer!;
            const contacts = contactsOf(cid);
            expect(points.length).toBe(contacts.length);
            for (const c of contacts) {
                const pt = points.find(x => x.key === `contact:${cid}/${c.id}`)!;
                const cell = cells.find(x => x.s === badge(c.support) && x.i === (c.intimacy === null ? '?' : String(c.intimacy)))!;
                expect(cell, `${c.id} cell`).toBeTruthy();
                expect(pt.cx > cell.x && pt.cx < cell.x + cell.w && pt.cy > cell.y && pt.cy < cell.y + cell.h, `${c.id} in its cell`).toBe(true);
            }
            // a rational-turn-risk contact sits in the rational-turn zone
            const risky = joinFindings(view).find(f => f.code === 'rational-turn-risk' && f.subject.startsWith(`contact:${cid}/`));
            if (risky) {
                const cls = await p.page.getAttribute(`.i-point[data-key="${risky.subject}"]`, 'class');
                expect(cls).toContain('in-rational-turn');
            }
            await p.screenshot('intimacy-support-dark');
            await p.setTheme('light');
            await p.screenshot('intimacy-support-light');
        },
        T,
    );
});

describe('names and marks readable', () => {
    it(
        'intimacy × support says when a deal gives a person another support than their own, and sizes the ? lanes to what they hold',
        async () => {
            const p = await suite.page({ theme: 'light', height: 1100 });
            // Luo Jia's intimacy known: nobody's is unknown any more; his support still is
            const v = structuredClone(suite.view());
            v.plan.customers.find(c => c.id === 'donghai')!.contacts.find(c => c.id === 'luo')!.intimacy = 1;
            await p.sendPlan(v, RAN27);
            await showTab(p, 'intimacy');
            // Qian Hong: 0 on the contact, -1 in the deal
            const qian = '.i-point[data-key="contact:donghai/qian"]';
            expect(await p.page.textContent(`${qian} .deal-tag`)).toBe('deal: -1');
            expect(await p.page.getAttribute(qian, 'aria-label')).toContain('their support is -1; this chart plots their own support, 0');
            expect(await p.page.$$eval('.i-point .deal-tag', els => els.length)).toBe(1);
            const note = await p.page.$eval('.viewport .view-note', el =>
                Array.from(el.querySelectorAll('tspan'))
                    .map(t => t.textContent)
                    .join(' '),
            );
            expect(note).toContain('1 person has another support in 5G-Advanced RAN expansion 2027, phase 1');
            // role letters inside the dots, at a readable size
            const letter = await p.page.$eval(`${qian} .dot-letter`, el => parseFloat(getComputedStyle(el).fontSize));
            expect(letter).toBeGreaterThanOrEqual(11);
            // Luo Jia's support is unknown: that lane is a full column; nobody's intimacy is: that lane is narrow
            const lane = (which: string) => boxOf(p, `.i-unknown[data-lane="${which}"] .i-unknown-bg`);
            const cell = await boxOf(p, '.i-cell[data-support="0"][data-intimacy="0"]');
            expect(Math.round((await lane('support')).width)).toBe(Math.round(cell.width));
            expect((await lane('intimacy')).height).toBeLessThan(cell.height / 2);
            await p.screenshot('pictures-intimacy-deal-light');
            // without a deal: no deal marks
            await p.sendPlan(suite.view(), DONGHAI);
            expect(await p.page.$$eval('.deal-tag', els => els.filter(e => e.closest('.viewport')).length)).toBe(0);
        },
        T,
    );
});
