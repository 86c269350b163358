/**
 * A deal's power map in Chromium, on the plan of `examples/`: the decision chain with the roles
 * and support of that deal, the managers above it as light cards, the others folded into notes
 * that count them and the deal's findings in the header; the toggle to the whole organisation,
 * kept across a reload and reached by the keyboard; a chain member under a manager outside the
 * chain, the org chart's line between them.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf as joinFindings, type ContactJson } from '@acct/contract';
import { badge, cards, LETTER } from './cards.js';
import { contactsOf, examplesSuite, focus, view } from './examples-suite.js';
import { clone } from './fixture.js';
import { installGeometry } from './geometry.js';
import { hoverText, T } from './shared.js';

const suite = examplesSuite();
const page = suite.page;

describe('power map', () => {
    it(
        'for a deal, shows the decision chain with the roles and support of that deal, the managers above it as light cards, the rest folded and counted',
        async () => {
            const p = await page({ theme: 'light', height: 1250 });
            const cid = focus.deal.customer!;
            // the deal's chain without its first member that another member reports to: a manager above the chain
            const sent = clone(view);
            const opp = sent.plan.customers.find(c => c.id === cid)!.opportunities.find(o => o.id === focus.deal.opportunity)!;
            expect(opp, 'fixture has a deal with a decision chain').toBeTruthy();
            const boss = opp.decisionChain.find(e => opp.decisionChain.some(x => contactsOf(cid).find(c => c.id === x.contact)?.reportsTo === e.contact))!;
            opp.decisionChain = opp.decisionChain.filter(e => e !== boss);
            await p.sendPlan(sent, focus.deal);
            await expect.poll(() => p.page.textContent('.heading')).toContain(opp.name);
            const shown = await cards(p);
            const chain = new Map(opp.decisionChain.map(e => [e.contact, e]));
            const contacts = contactsOf(cid);
            // the people who matter to the deal: its chain, whom they report to, who influences them
            const above = new Set<string>();
            for (const id of chain.keys())
                for (let up = contacts.find(c => c.id === id)?.reportsTo; up && !above.has(up); up = contacts.find(c => c.id === up)?.reportsTo) above.add(up);
            const matters = (c: ContactJson) => chain.has(c.id) || above.has(c.id) || (c.influences ?? []).some(id => chain.has(id));
            let lightCards = 0;
            for (const c of contacts) {
                const card = shown.find(s => s.key === `contact:${cid}/${c.id}`);
                const e = chain.get(c.id);
                if (e) {
                    expect(card!.role, c.id).toBe(e.role ? LETTER[e.role] : null);
                    expect(card!.badge, c.id).toBe(badge(e.support));
                    expect(card!.cls).not.toContain('dimmed');
                    expect(card!.opacity).toBe(1);
                } else if (above.has(c.id) && !(c.influences ?? []).some(id => chain.has(id))) {
                    // drawn for the reporting line only: a light card, muted by its style, its name and title and nothing of the deal
                    expect(card!.cls, c.id).toContain('context');
                    expect([card!.role, card!.badge, card!.marker, card!.stale], c.id).toEqual([null, null, false, false]);
                    expect(card!.texts.map(t => t.text).join(' '), c.id).not.toMatch(/Intimacy/);
                    expect(card!.name, c.id).toBe(c.name);
                    expect(card!.opacity).toBe(1);
                    expect(card!.aria, c.id).toContain(c.name);
                    lightCards++;
                } else if (matters(c)) {
                    expect(card!.cls, c.id).toContain('dimmed');
                    expect(card!.cls, c.id).not.toContain('context');
                    expect(card!.opacity).toBeLessThan(0.6);
                } else {
                    expect(card, c.id).toBeUndefined();
                }
            }
            expect(lightCards, 'the example deal has a manager above its chain').toBeGreaterThan(0);
            // a light card's hover still says who the person is
            const light = shown.find(s => s.cls.includes('context'))!;
            await p.page.hover(`.card[data-key="${light.key}"]`);
            await expect.poll(() => p.page.textContent(`.card[data-key="${light.key}"] > title`)).toContain(light.name);
            // everyone else is counted in the notes where their branch hangs, each saying why on hover
            const folded = contacts.filter(c => !matters(c)).length;
            expect(folded, 'the example deal has people outside its decision chain').toBeGreaterThan(0);
            const notes = await p.page.$$eval('.fold-note', els =>
                els.map(el => ({
                    text: el.querySelector('.fold-text')!.textContent ?? '',
                    title: '',
                    aria: el.getAttribute('aria-label'),
                })),
            );
            expect(notes.reduce((n, x) => n + Number(/\d+/.exec(x.text)![0]), 0)).toBe(folded);
            // what the pointer on each note shows
            for (const [i, n] of notes.entries()) n.title = await hoverText(p.page, `.fold-note >> nth=${i}`);
            for (const n of notes) {
                expect(n.title).toMatch(/^\d+ (person|people) of the organisation outside this deal's decision chain, folded here/);
                expect(n.aria).toBe(n.title);
            }
            expect(await p.page.textContent('.subheading')).toContain(`${folded} others folded`);
            // the deal's own findings are listed in the header, in words; the code and message on hover
            const dealFindings = joinFindings(view).filter(f => f.subject === `opportunity:${cid}/${opp.id}`);
            const chips = await p.page.$$eval('.chip', els => els.map(e => ({ text: e.textContent, title: e.getAttribute('title') })));
            for (const f of dealFindings) {
                expect(chips).toContainEqual({ text: f.code.replace(/-/g, ' '), title: `${f.code}: ${f.message}` });
            }
            await p.screenshot('power-map-deal-light');
            await p.setTheme('high-contrast');
            await p.screenshot('power-map-deal-high-contrast');
        },
        T,
    );

    it(
        "a deal's power map shows the whole organisation with its toggle, kept across a reload; the keyboard reaches the toggle",
        async () => {
            const p = await page({ theme: 'light', height: 1000 });
            const cid = focus.deal.customer!;
            const total = contactsOf(cid).length;
            const toggle = '.toolbar .whole-toggle';
            // not on a customer's own power map
            await p.sendPlan(view, focus.customer);
            expect(await p.page.isVisible(toggle)).toBe(false);
            await p.sendPlan(view, focus.deal);
            expect(await p.page.textContent(toggle)).toBe('Whole organisation');
            expect(await p.page.getAttribute(toggle, 'aria-pressed')).toBe('false');
            const folded = (await cards(p)).length;
            expect(folded).toBeLessThan(total);
            await p.afterRender(() => p.page.click(toggle));
            expect(await p.page.getAttribute(toggle, 'aria-pressed')).toBe('true');
            expect((await cards(p)).length).toBe(total);
            expect(await p.page.$$('.fold-note')).toHaveLength(0);
            await p.waitForSaved({ whole: true });
            await p.reload();
            await expect.poll(async () => (await cards(p)).length).toBe(total);
            expect(await p.page.getAttribute(toggle, 'aria-pressed')).toBe('true');
            // Tab from the view's tab reaches the toggle, after Fit and the zoom buttons; Space folds again
            await p.page.focus('.tab.active');
            const onToggle = () => p.page.evaluate(() => document.activeElement?.classList.contains('whole-toggle') ?? false);
            for (let i = 0; i < 4 && !(await onToggle()); i++) await p.page.keyboard.press('Tab');
            expect(await onToggle()).toBe(true);
            await p.afterRender(() => p.page.keyboard.press('Space'));
            expect(await p.page.getAttribute(toggle, 'aria-pressed')).toBe('false');
            expect((await cards(p)).length).toBe(folded);
            // the fishbone has no such toggle
            await p.page.click('#tab-fishbone');
            expect(await p.page.isVisible(toggle)).toBe(false);
        },
        T,
    );

    it(
        'a chain member whose manager is outside the chain still hangs under that manager, who is drawn dimmed',
        async () => {
            // the examples' Donghai Mobile › transport: Xu Lei evaluates, his manager Qian is not in that chain
            const p = await page({ theme: 'light', height: 1000 });
            const deal = view.plan.customers.find(c => c.id === 'donghai')!.opportunities.find(o => o.id === 'transport')!;
            expect(deal.decisionChain.map(e => e.contact)).toContain('xu');
            expect(deal.decisionChain.map(e => e.contact)).not.toContain('qian');
            await p.sendPlan(view, { customer: 'donghai', opportunity: 'transport' });
            const shown = await cards(p);
            const xu = shown.find(c => c.key === 'contact:donghai/xu')!;
            const qian = shown.find(c => c.key === 'contact:donghai/qian')!;
            expect(qian.cls).toContain('dimmed');
            expect(xu.cls).not.toContain('dimmed');
            expect(xu.box.y).toBeGreaterThan(qian.box.y + qian.box.height);
            // the org chart's line leaves Qian's card at its bottom and ends on Xu's
            await installGeometry(p.page);
            const ends = await p.page.$$eval('.link', els =>
                els.flatMap(el => {
                    const path = el as SVGPathElement;
                    const out: Array<{ x: number; y: number }> = [];
                    for (const seg of (path.getAttribute('d') ?? '').split('M').slice(1)) {
                        // each segment on its own, beside the link: the same place on screen
                        const sub = document.createElementNS('http://www.w3.org/2000/svg', 'path');
                        sub.setAttribute('d', `M${seg}`);
                        path.parentElement!.appendChild(sub);
                        out.push(window.acctGeometry.pathPoint(sub, 0), window.acctGeometry.pathPoint(sub));
                        sub.remove();
                    }
                    return out;
                }),
            );
            const near = (pt: { x: number; y: number }, x: number, y: number) => Math.abs(pt.x - x) < 2 && Math.abs(pt.y - y) < 2;
            // (a tree's line leaves from the middle, a list's from its indent)
            expect(
                ends.some(
                    pt => near(pt, qian.box.x + qian.box.width / 2, qian.box.y + qian.box.height) || near(pt, qian.box.x + 12, qian.box.y + qian.box.height),
                ),
            ).toBe(true);
            expect(ends.some(pt => near(pt, xu.box.x + xu.box.width / 2, xu.box.y) || near(pt, xu.box.x, xu.box.y + xu.box.height / 2))).toBe(true);
        },
        T,
    );
});
