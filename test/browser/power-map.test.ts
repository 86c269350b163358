/**
 * A customer's power map in Chromium, on the plan of `examples/` (the real page fed PlanView
 * messages as the extension sends them): one card per contact with its role letter, support
 * badge, finding and stale marks, none overlapping, a long name cut short and whole on hover; the
 * general layer grouped below; a forest of reports-to, cycles included; 500 contacts apart and
 * readable through zoom. Assertions are about what a person sees and can do.
 */
import { describe, expect, it } from 'vitest';
import type { PlanView } from '@acct/contract';
import { badge, cards, LETTER, overlaps } from './cards.js';
import { examplesSuite, findingsOf, focus, view } from './examples-suite.js';
import { clone } from './fixture.js';
import { hoverText, T } from './shared.js';
import { bigCustomerView } from './synthetic.mjs';

const suite = examplesSuite();
const page = suite.page;

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
