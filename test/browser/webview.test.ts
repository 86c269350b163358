/**
 * The power-map webview in Chromium: the real page (renderWebviewHtml + bundle), fed PlanView
 * messages as the extension sends them. Assertions are about what a person sees and can do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findingsOf as joinFindings, type ContactJson, type Finding, type PlanFocus, type PlanView, type Role, type Support } from '@acct/contract';
import { clone, pickFocus } from './fixture.js';
import path from 'node:path';
import { installGeometry } from './geometry.js';
import { RESULTS, type WebviewPage } from './harness.js';
import { browserSuite, hoverText, T } from './shared.js';
import { bigCustomerView } from './synthetic.mjs';

const LETTER: Record<Role, string> = {
    approver: 'A',
    'decision-maker': 'D',
    sponsor: 'S',
    evaluator: 'E',
    influencer: 'I',
    coach: 'C',
};
const badge = (s: Support): string => (s === null ? '?' : String(s));

// one Chromium for the file; every page of every test is checked afterwards: no CSP violation,
// no script error, no request leaving the page's origin (shared.ts)
const suite = browserSuite();
const page = suite.page;
let view: PlanView;
let focus: { customer: PlanFocus; deal: PlanFocus };

beforeAll(() => {
    view = suite.view();
    focus = pickFocus(view);
});

interface CardInfo {
    key: string;
    role: string | null;
    badge: string | null;
    name: string;
    aria: string;
    cls: string;
    box: { x: number; y: number; width: number; height: number };
    texts: Array<{ text: string; x: number; right: number; y: number; bottom: number }>;
    /** A finding marker on the card (what it says on hover: `hoverText`). */
    marker: boolean;
    stale: boolean;
    opacity: number;
}

async function cards(p: WebviewPage): Promise<CardInfo[]> {
    return p.page.$$eval('.card', els =>
        els.map(el => {
            const r = el.querySelector('.card-bg')!.getBoundingClientRect();
            return {
                key: el.getAttribute('data-key')!,
                role: el.querySelector('.role-letter')?.textContent ?? null,
                badge: el.querySelector('.badge-text')?.textContent ?? null,
                name: el.querySelector('.card-name')?.textContent ?? '',
                aria: el.getAttribute('aria-label') ?? '',
                cls: el.getAttribute('class') ?? '',
                box: { x: r.x, y: r.y, width: r.width, height: r.height },
                texts: Array.from(el.querySelectorAll('text'))
                    .filter(t => t.getClientRects().length > 0)
                    .map(t => {
                        const b = t.getBoundingClientRect();
                        return { text: t.textContent ?? '', x: b.x, right: b.right, y: b.y, bottom: b.bottom };
                    }),
                marker: !!el.querySelector('.finding-marker'),
                stale: !!el.querySelector('.stale-marker'),
                opacity: (() => {
                    let o = 1;
                    for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
                    return o;
                })(),
            };
        }),
    );
}

function overlaps(a: CardInfo['box'], b: CardInfo['box']): boolean {
    const e = 0.5;
    return a.x < b.x + b.width - e && b.x < a.x + a.width - e && a.y < b.y + b.height - e && b.y < a.y + a.height - e;
}

function contactsOf(customerId: string): ContactJson[] {
    return view.plan.customers.find(c => c.id === customerId)!.contacts;
}

function findingsOf(key: string): Finding[] {
    return joinFindings(view).filter(f => f.subject === key || f.contact === key);
}

describe('power map', () => {
    it(
        'shows one card per contact with role letter, support badge, findings and stale marks',
        async () => {
            // tall enough for the whole map at a readable size: every card drawn in detail
            const p = await page({ height: 1250 });
            const cid = focus.customer.customer!;
            // the examples' names are short: one contact gets a name too long for its card
            const sent = clone(view);
            const customer = sent.plan.customers.find(c => c.id === cid)!;
            customer.contacts.at(-1)!.name = 'Ouyang Mingyuan, Deputy General Manager';
            await p.sendPlan(sent, focus.customer);
            await expect.poll(() => p.page.textContent('.heading')).toBe(customer.name);
            const shown = await cards(p);
            const contacts = customer.contacts;
            expect(shown.map(c => c.key).sort()).toEqual(contacts.map(c => `contact:${cid}/${c.id}`).sort());
            for (const c of contacts) {
                const card = shown.find(s => s.key === `contact:${cid}/${c.id}`)!;
                expect(card.role, c.id).toBe(c.role ? LETTER[c.role] : null);
                expect(card.badge, c.id).toBe(badge(c.support));
                expect(card.aria).toContain(c.name);
                expect(card.aria).toContain(`support ${badge(c.support)}`);
                expect(card.aria).toContain(`intimacy ${c.intimacy === null ? '?' : c.intimacy > 0 ? `+${c.intimacy}` : c.intimacy}`);
                expect(card.aria).toContain(c.role ? `role ${c.role}` : 'role none');
                const fs = findingsOf(`contact:${cid}/${c.id}`);
                if (fs.length) {
                    expect(card.marker, `finding marker on ${c.id}`).toBe(true);
                    // what the pointer on the marker shows
                    const tip = await hoverText(p.page, `.card[data-key="${card.key}"] .finding-marker`);
                    for (const f of fs) {
                        expect(tip).toContain(f.message);
                        expect(card.aria).toContain(f.code);
                    }
                } else {
                    expect(card.marker, `no marker on ${c.id}`).toBe(false);
                }
                expect(card.stale, `stale mark on ${c.id}`).toBe(fs.some(f => f.code === 'stale-contact'));
            }
            // no two cards overlap, no text leaves its card
            for (let i = 0; i < shown.length; i++) {
                for (let j = i + 1; j < shown.length; j++) {
                    expect(overlaps(shown[i]!.box, shown[j]!.box), `${shown[i]!.key} overlaps ${shown[j]!.key}`).toBe(false);
                }
                const c = shown[i]!;
                for (const t of c.texts) {
                    expect(t.x, `${c.key}: "${t.text}"`).toBeGreaterThanOrEqual(c.box.x - 0.5);
                    expect(t.right, `${c.key}: "${t.text}" overflows`).toBeLessThanOrEqual(c.box.x + c.box.width + 0.5);
                }
            }
            // a long name is truncated with an ellipsis and kept whole in the tooltip and label
            const long = contacts.find(c => c.name.length > 28)!;
            expect(long, 'the fixture has a long name').toBeDefined();
            const longCard = shown.find(s => s.key === `contact:${cid}/${long.id}`)!;
            // what is drawn, cut short; the whole name when the pointer is on it
            expect(longCard.name.endsWith('…')).toBe(true);
            expect(long.name.startsWith(longCard.name.slice(0, -1))).toBe(true);
            expect(await hoverText(p.page, `.card[data-key="${longCard.key}"] .card-name`)).toBe(long.name);
            expect(longCard.aria).toContain(long.name);
            // general-layer contacts are grouped apart, below the key layer
            const generalBox = await p.page
                .$eval('.group-general .group-bg', el => {
                    const r = el.getBoundingClientRect();
                    return { x: r.x, y: r.y, width: r.width, height: r.height };
                })
                .catch(() => null);
            const general = contacts.filter(c => !c.role);
            if (general.length) {
                expect(generalBox).not.toBeNull();
                for (const g of general) {
                    const b = shown.find(s => s.key === `contact:${cid}/${g.id}`)!.box;
                    expect(b.y).toBeGreaterThanOrEqual(generalBox!.y);
                    expect(b.y + b.height).toBeLessThanOrEqual(generalBox!.y + generalBox!.height);
                }
            }
            // unknown support looks different from neutral: hatched and dashed
            const styles = await p.page.evaluate(() => {
                const get = (sel: string) => {
                    const el = document.querySelector(sel);
                    if (!el) return null;
                    const cs = getComputedStyle(el);
                    return { fill: cs.fill, dash: cs.strokeDasharray };
                };
                return { unknown: get('.card .badge-bg.s-unknown'), neutral: get('.card .badge-bg.s0') };
            });
            if (styles.unknown && styles.neutral) {
                expect(styles.unknown.fill).toContain('url(');
                expect(styles.unknown.dash).not.toBe('none');
                expect(styles.unknown.fill).not.toBe(styles.neutral.fill);
            }
            expect(await p.page.$$eval('.legend .legend-title', els => els.map(e => e.textContent))).toEqual([
                'ROLE',
                'SUPPORT',
                'INTIMACY',
                'LINES',
                'MARKS',
                'MOVES',
            ]);
            await p.screenshot('power-map-dark');
        },
        T,
    );

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

    it(
        'lays out a forest: contacts without a manager are roots, links follow reports-to',
        async () => {
            const p = await page();
            const v = clone(view);
            const cid = focus.customer.customer!;
            const c = v.plan.customers.find(x => x.id === cid)!;
            // a cycle must not hang or hide anyone
            const keyed = c.contacts.filter(x => x.role);
            if (keyed.length >= 2) {
                keyed[0]!.reportsTo = keyed[1]!.id;
                keyed[1]!.reportsTo = keyed[0]!.id;
            }
            await p.sendPlan(v, focus.customer);
            const shown = await cards(p);
            expect(shown.length).toBe(c.contacts.length);
            const links = await p.page.$$eval('.link', els => els.length);
            expect(links).toBeGreaterThan(0);
        },
        T,
    );

    it(
        'keeps 500 contacts apart and readable through zoom',
        async () => {
            const p = await page();
            const big = bigCustomerView(500) as PlanView;
            await p.sendPlan(big, { customer: 'big', opportunity: null });
            const shown = await cards(p);
            expect(shown.length).toBe(500);
            const boxes = shown.map(s => s.box).sort((a, b) => a.x - b.x);
            for (let i = 0; i < boxes.length; i++) {
                for (let j = i + 1; j < boxes.length && boxes[j]!.x < boxes[i]!.x + boxes[i]!.width; j++) {
                    expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
                }
            }
            // fitted at a readable size: the top of the map, its names at 10 px or more
            const scale = async () => Number(await p.page.$eval('.viewport', el => /scale\(([\d.]+)\)/.exec(el.getAttribute('transform') ?? '')![1]));
            expect(await scale()).toBeGreaterThan(0.85);
            expect(await p.page.$eval('.card .card-name', el => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(10);
            // zoomed out: the overview, the whole map visible, cards drawn as light skeletons
            const onScreen = () =>
                p.page.$$eval('.card', els => {
                    const stage = document.querySelector('.canvas')!.getBoundingClientRect();
                    return els.filter(el => {
                        const r = el.getBoundingClientRect();
                        return r.left >= stage.left && r.top >= stage.top && r.right <= stage.right && r.bottom <= stage.bottom;
                    }).length;
                });
            for (let i = 0; i < 16 && (await onScreen()) < 500; i++) await p.page.click('button[aria-label="Zoom out"]');
            expect(await scale()).toBeLessThan(0.35);
            expect(await onScreen()).toBe(500);
            await p.screenshot('power-map-500-fit');
            // keyboard focus on a card brings it to a readable size, with its details
            await p.page.focus('.card[data-key]');
            await p.page.keyboard.press('ArrowRight');
            await expect.poll(scale).toBeGreaterThanOrEqual(0.8);
            const key = await p.page.evaluate(() => document.activeElement!.getAttribute('data-key'));
            // the card is drawn in detail (its name) once the zoom has settled
            const name = () =>
                p.page.$$eval(
                    `.card[data-key="${key}"] .card-name`,
                    els =>
                        els.map(el => {
                            const r = el.getBoundingClientRect();
                            return { readable: r.height > 10, inView: r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight };
                        })[0] ?? null,
                );
            await expect.poll(name).toEqual({ readable: true, inView: true });
            // zooming in further keeps every visible card detailed
            await p.page.click('button[aria-label="Zoom in"]');
            const skeletons = () =>
                p.page.$$eval(
                    '.card',
                    els =>
                        els.filter(el => {
                            const r = el.getBoundingClientRect();
                            return r.right > 0 && r.bottom > 90 && r.left < innerWidth && r.top < innerHeight && !el.querySelector('.card-name');
                        }).length,
                );
            await expect.poll(skeletons).toBe(0);
            await p.screenshot('power-map-500-zoomed');
        },
        T,
    );
});

describe('tier quadrant', () => {
    it(
        'plots every customer in its standing × cooperation cell, coloured by tier, mismatches marked, none hidden',
        async () => {
            const p = await page({ theme: 'light' });
            await p.sendPlan(view, focus.customer);
            await p.page.click('[role=tab][data-tab=quadrant]');
            await expect.poll(() => p.page.getAttribute('[data-tab=quadrant]', 'aria-selected')).toBe('true');
            const cells = await p.page.$$eval('.q-cell', els =>
                els.map(el => {
                    const r = el.querySelector('.q-cell-bg')!.getBoundingClientRect();
                    return {
                        s: Number(el.getAttribute('data-standing')),
                        c: Number(el.getAttribute('data-cooperation')),
                        tier: el.getAttribute('data-tier'),
                        x: r.x,
                        y: r.y,
                        w: r.width,
                        h: r.height,
                    };
                }),
            );
            expect(cells.length).toBe(25);
            const table: Record<number, string[]> = {
                5: ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
                4: ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
                3: ['commercial', 'value', 'value', 'core', 'core'],
                2: ['commercial', 'value', 'value', 'core', 'core'],
                1: ['commercial', 'commercial', 'commercial', 'core', 'core'],
            };
            for (const cell of cells) expect(cell.tier).toBe(table[cell.s]![cell.c - 1]);
            // standing grows upwards, cooperation to the right
            const at = (s: number, c: number) => cells.find(x => x.s === s && x.c === c)!;
            expect(at(5, 1).y).toBeLessThan(at(1, 1).y);
            expect(at(1, 5).x).toBeGreaterThan(at(1, 1).x);

            const points = await p.page.$$eval('.q-point[data-key]', els =>
                els.map(el => {
                    const r = el.getBoundingClientRect();
                    return {
                        key: el.getAttribute('data-key')!,
                        cls: el.getAttribute('class')!,
                        cx: r.x + r.width / 2,
                        cy: r.y + r.height / 2,
                        r: r.width / 2,
                        aria: el.getAttribute('aria-label')!,
                        ring: !!el.previousElementSibling?.classList.contains('mismatch-ring'),
                        fill: getComputedStyle(el).fill,
                    };
                }),
            );
            const plotted = view.plan.customers.filter(c => c.standing && c.cooperation);
            expect(points.map(x => x.key).sort()).toEqual(plotted.map(c => `customer:${c.id}`).sort());
            for (const c of plotted) {
                const pt = points.find(x => x.key === `customer:${c.id}`)!;
                const cell = at(c.standing!, c.cooperation!);
                expect(pt.cx, c.id).toBeGreaterThan(cell.x);
                expect(pt.cx, c.id).toBeLessThan(cell.x + cell.w);
                expect(pt.cy, c.id).toBeGreaterThan(cell.y);
                expect(pt.cy, c.id).toBeLessThan(cell.y + cell.h);
                expect(pt.cls).toContain(c.tier ? `tier-${c.tier}` : 'no-tier');
                const suggested = c.suggestedTier ?? table[c.standing!]![c.cooperation! - 1];
                expect(pt.ring, `mismatch mark on ${c.id}`).toBe(!!c.tier && c.tier !== suggested);
                expect(pt.aria).toContain(c.name);
            }
            // same scores do not hide each other
            for (let i = 0; i < points.length; i++) {
                for (let j = i + 1; j < points.length; j++) {
                    const a = points[i]!;
                    const b = points[j]!;
                    expect(Math.hypot(a.cx - b.cx, a.cy - b.cy), `${a.key} hides ${b.key}`).toBeGreaterThan(a.r + b.r - 0.5);
                }
            }
            // declared tiers get distinct colours
            const byTier = new Map<string, string>();
            for (const pt of points) {
                const t = /tier-(\w+)/.exec(pt.cls)?.[1];
                if (t) byTier.set(t, pt.fill);
            }
            expect(new Set(byTier.values()).size).toBe(byTier.size);
            await p.screenshot('tier-quadrant-light');
            await p.setTheme('dark');
            await p.screenshot('tier-quadrant-dark');
        },
        T,
    );
});

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

describe('navigation', () => {
    it(
        'posts reveal on click, on Enter, and moves between cards with Tab and arrow keys',
        async () => {
            const p = await page();
            await p.sendPlan(view, focus.customer);
            const keys = (await cards(p)).map(c => c.key);
            await p.page.click(`.card[data-key="${keys[1]}"] .card-name`);
            expect(await p.posted()).toContainEqual({ type: 'reveal', subject: keys[1] });
            const active = () => p.page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? null);
            expect(await active()).toBe(keys[1]);
            await p.page.keyboard.press('Tab');
            expect(await active()).toBe(keys[2]);
            await p.page.keyboard.press('Shift+Tab');
            expect(await active()).toBe(keys[1]);
            await p.page.keyboard.press('ArrowDown');
            const afterDown = await active();
            expect(afterDown).not.toBe(keys[1]);
            expect(keys).toContain(afterDown);
            await p.page.keyboard.press('ArrowUp');
            expect(await active()).toBe(keys[1]);
            await p.page.keyboard.press('Enter');
            const posted = await p.posted();
            expect(posted.filter(m => m.type === 'reveal' && m.subject === keys[1]).length).toBe(2);
            // header chips reveal their subject too
            const chip = await p.page.$('.chip');
            if (chip) {
                await chip.click();
                const last = (await p.posted()).at(-1)!;
                expect(last.type).toBe('reveal');
            }
            // points in the quadrant are reachable and revealable from the keyboard
            await p.page.click('[role=tab][data-tab=quadrant]');
            await p.page.focus('.q-point[data-key]');
            const k = await active();
            await p.page.keyboard.press('Enter');
            expect((await p.posted()).at(-1)).toEqual({ type: 'reveal', subject: k });
            // every card and point carries a role and a label
            const unlabelled = await p.page.$$eval(
                '[data-key]',
                els => els.filter(e => e.getAttribute('role') !== 'button' || !e.getAttribute('aria-label')).length,
            );
            expect(unlabelled).toBe(0);
        },
        T,
    );
});

describe('live updates', () => {
    it(
        'keeps zoom, pan and selection across updates and redraws changed data',
        async () => {
            const p = await page();
            await p.sendPlan(view, focus.customer);
            const keys = (await cards(p)).map(c => c.key);
            await p.page.click(`.card[data-key="${keys[0]}"] .card-name`);
            await p.page.click('button[aria-label="Zoom in"]');
            // drag the picture by a spot between the cards (a card pressed would take the focus)
            const spot = await p.page.evaluate(() => {
                for (let y = 300; y < 600; y += 10) {
                    for (let x = 100; x < 1200; x += 10) {
                        const el = document.elementFromPoint(x, y);
                        if (el?.closest('.canvas') && !el.closest('[data-key]')) return { x, y };
                    }
                }
                return null;
            });
            await p.page.mouse.move(spot!.x, spot!.y);
            await p.page.mouse.down();
            await p.page.mouse.move(spot!.x - 60, spot!.y - 40, { steps: 4 });
            await p.page.mouse.up();
            const before = await p.page.getAttribute('.viewport', 'transform');
            const v = clone(view);
            const cid = focus.customer.customer!;
            const target = v.plan.customers.find(c => c.id === cid)!.contacts.find(c => `contact:${cid}/${c.id}` === keys[0])!;
            target.support = target.support === 3 ? -1 : 3;
            await p.sendPlan(v, focus.customer);
            expect(await p.page.getAttribute('.viewport', 'transform')).toBe(before);
            expect(await p.page.getAttribute(`.card[data-key="${keys[0]}"]`, 'class')).toContain('selected');
            expect(await p.page.textContent(`.card[data-key="${keys[0]}"] .badge-text`)).toBe(String(target.support));
        },
        T,
    );

    it(
        'on a broken plan keeps the last good picture and shows a banner',
        async () => {
            const p = await page();
            await p.sendPlan(view, focus.customer);
            const good = (await cards(p)).map(c => c.key);
            expect(await p.page.isVisible('.banner')).toBe(false);
            const broken = clone(view);
            broken.hasErrors = true;
            broken.plan.customers = [];
            broken.plan.diagnostics.push({ file: 'x.acct', line: 3, column: 1, severity: 'error', code: 'syntax', message: 'unexpected }', subject: null });
            broken.subjects.push(null);
            await p.sendPlan(broken, focus.customer);
            expect(await p.page.isVisible('.banner')).toBe(true);
            expect(await p.page.textContent('.banner')).toMatch(/plan has 1 error/);
            expect((await cards(p)).map(c => c.key)).toEqual(good);
            await p.screenshot('power-map-broken-plan');
            await p.sendPlan(view, focus.customer);
            expect(await p.page.isVisible('.banner')).toBe(false);
        },
        T,
    );

    it(
        'when the very first plan has errors, draws what is there with the banner',
        async () => {
            const p = await page();
            const broken = clone(view);
            broken.hasErrors = true;
            await p.sendPlan(broken, focus.customer);
            expect(await p.page.isVisible('.banner')).toBe(true);
            expect((await cards(p)).length).toBe(contactsOf(focus.customer.customer!).length);
        },
        T,
    );

    it(
        'says so instead of going blank when a plan cannot be drawn',
        async () => {
            const p = await page();
            await p.sendPlan(view, focus.customer);
            const broken = clone(view) as unknown as { plan: { customers: Array<Record<string, unknown>> } };
            for (const c of broken.plan.customers) c.contacts = null;
            await p.sendPlan(broken as unknown as PlanView, focus.customer);
            expect(await p.page.isVisible('.empty')).toBe(true);
            expect(await p.page.textContent('.empty')).toMatch(/Cannot draw this plan/);
            expect(p.consoleErrors.length).toBeGreaterThan(0);
            p.consoleErrors.length = 0; // expected: the error is logged
            // the next good plan draws again
            await p.sendPlan(view, focus.customer);
            expect(await p.page.isVisible('.empty')).toBe(false);
            expect((await cards(p)).length).toBe(contactsOf(focus.customer.customer!).length);
        },
        T,
    );

    it(
        'restores tab, zoom, selection and picture from the saved state after a reload',
        async () => {
            const p = await page();
            await p.sendPlan(view, focus.customer);
            const keys = (await cards(p)).map(c => c.key);
            await p.page.click('button[aria-label="Zoom out"]');
            await p.page.click(`.card[data-key="${keys[2]}"] .card-name`);
            const transform = await p.page.getAttribute('.viewport', 'transform');
            await p.waitForSaved({ selection: `${keys[2]}` }); // setState is debounced
            await p.reload();
            expect((await cards(p)).map(c => c.key)).toEqual(keys);
            expect(await p.page.getAttribute('.viewport', 'transform')).toBe(transform);
            expect(await p.page.getAttribute(`.card[data-key="${keys[2]}"]`, 'class')).toContain('selected');
            await p.page.click('[role=tab][data-tab=intimacy]');
            await p.waitForSaved({ tab: 'intimacy' });
            await p.reload();
            expect(await p.page.getAttribute('[data-tab=intimacy]', 'aria-selected')).toBe('true');
            expect(await p.page.$$eval('.i-point', els => els.length)).toBeGreaterThan(0);
            // the new instance announced itself so that the extension sends a fresh plan
            expect(await p.posted()).toContainEqual({ type: 'ready' });
        },
        T,
    );
});

describe('security', () => {
    it(
        'renders plan text as text: no markup, no script, no dialog',
        async () => {
            const p = await page();
            const v = clone(view);
            const cid = focus.customer.customer!;
            const c = v.plan.customers.find(x => x.id === cid)!;
            const evil = '<img src=x onerror=alert(1)>';
            c.name = '<script>alert(2)</script>';
            c.contacts[0]!.name = evil;
            c.contacts[0]!.title = '"><svg onload=alert(3)>';
            v.plan.diagnostics.push({
                file: 'x.acct',
                line: 1,
                column: 1,
                code: 'x',
                severity: 'warning',
                message: '<b onmouseover=alert(4)>hover</b>',
                subject: null,
            });
            v.subjects.push({ subject: `contact:${cid}/${c.contacts[0]!.id}` });
            await p.sendPlan(v, focus.customer);
            const key = `contact:${cid}/${c.contacts[0]!.id}`;
            expect(await p.page.getAttribute(`.card[data-key="${key}"]`, 'aria-label')).toContain(evil);
            await p.page.hover(`.card[data-key="${key}"] .card-bg`);
            expect(await p.page.textContent(`.card[data-key="${key}"] > title`)).toContain(evil);
            expect(await p.page.textContent('.heading')).toBe('<script>alert(2)</script>');
            await p.page.hover(`.card[data-key="${key}"] .finding-marker`);
            await p.page.click('[role=tab][data-tab=intimacy]');
            await p.page.click('[role=tab][data-tab=quadrant]');
            expect(await p.page.$$('img, b, foreignObject')).toHaveLength(0);
            // the page's own script, and no other
            expect(await p.page.$$('script')).toHaveLength(1);
            expect(await p.page.$$('svg svg')).toHaveLength(0);
            expect(p.dialogs).toEqual([]);
        },
        T,
    );

    it(
        'serves a page with a strict nonce-based Content-Security-Policy',
        async () => {
            const p = await page();
            const csp = await p.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
            expect(csp).toMatch(/default-src 'none'/);
            expect(csp).toMatch(/script-src 'nonce-[^']+'(;|$)/);
            expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
            // the served page itself, the bundle it holds aside: one script and one style, both under the
            // nonce, no inline handler or style attribute, nothing fetched (no src, no href)
            const shell = p.html.replace(/(<script nonce="[^"]+">)[\s\S]*?(<\/script>)/, '$1$2').replace(/(<style nonce="[^"]+">)[\s\S]*?(<\/style>)/, '$1$2');
            expect(shell).not.toMatch(/style=|\son\w+=|<script(?![^>]*\snonce=)[^>]*>|<style(?![^>]*\snonce=)[^>]*>|\ssrc=|\shref=/i);
            expect(shell.match(/<script/g)).toHaveLength(1);
            expect(shell.match(/<style/g)).toHaveLength(1);
            await p.sendPlan(view, focus.deal);
            // inline event handler attributes anywhere?
            const handlers = await p.page.evaluate(() =>
                Array.from(document.querySelectorAll('*')).flatMap(el =>
                    Array.from(el.attributes)
                        .filter(a => a.name.startsWith('on'))
                        .map(a => `${el.tagName}[${a.name}]`),
                ),
            );
            expect(handlers).toEqual([]);
        },
        T,
    );
});

describe('export', () => {
    it(
        'exports the current view as a standalone SVG from the toolbar and on request',
        async () => {
            const p = await page({ theme: 'light' });
            await p.sendPlan(view, focus.deal);
            await p.page.click('button:has-text("Export SVG")');
            let msg = (await p.posted()).find(m => m.type === 'exportSvg')!;
            expect(msg).toBeTruthy();
            expect(msg.suggestedName).toBe(`${focus.deal.customer}-${focus.deal.opportunity}-power-map.svg`);
            const svg = msg.svg as string;
            expect(svg.startsWith('<?xml')).toBe(true);
            expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
            expect(svg).not.toMatch(/class=|var\(--|<script|href=|https?:\/\/(?!www\.w3\.org)/);
            expect(svg).toMatch(/fill="rgb\(/);
            const contact = contactsOf(focus.deal.customer!)[0]!;
            expect(svg).toContain(contact.name.length < 15 ? contact.name : contact.name.slice(0, 6));
            // the exported file renders the same picture on its own
            const check = await suite.browser().newPage({ viewport: { width: 1300, height: 900 } });
            await check.route('**/*', r => r.abort());
            await check.setContent(svg.replace(/^<\?xml[^>]*>/, ''));
            // the people drawn (a deal's: those who matter to it) and the notes counting the others folded
            const n = await check.$$eval('g[role=button]', els => els.length);
            expect(n).toBe(await p.page.$$eval('.card', els => els.length));
            expect(n).toBeGreaterThan(0);
            expect(await check.$$eval('g[role=img]', els => els.map(el => el.textContent ?? ''))).toContainEqual(expect.stringMatching(/\+\d+ others?$/));
            await check.screenshot({ path: path.join(RESULTS, 'export-standalone.png') });
            await check.close();

            // a name holding control characters (the language accepts any string) still gives well-formed XML
            const bell = clone(view);
            const named = bell.plan.customers.find(c => c.id === focus.deal.customer)!.contacts[0]!;
            named.name = 'Bell\u0007 \u0000Null \uD800 half';
            await p.sendPlan(bell, focus.deal);
            await p.send({ type: 'requestSvg' });
            const belled = (await p.posted()).filter(m => m.type === 'exportSvg').at(-1)!.svg as string;
            const parsed = await p.page.evaluate(text => {
                const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
                return { error: doc.getElementsByTagName('parsererror').length, text: doc.documentElement.textContent ?? '' };
            }, belled);
            expect(parsed.error).toBe(0);
            expect(parsed.text).toContain('Bell\uFFFD');

            await p.sendPlan(view, focus.deal);
            await p.page.click('[role=tab][data-tab=quadrant]');
            await p.send({ type: 'requestSvg' });
            msg = (await p.posted()).filter(m => m.type === 'exportSvg').at(-1)!;
            expect(msg.suggestedName).toBe('tier-quadrant.svg');
            expect(msg.svg as string).toContain('excellent');
        },
        T,
    );
});
