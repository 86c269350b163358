/**
 * The fishbone view in Chromium, on the plan of `examples/`: the deal at the head, the four bones
 * in the seed's order, each person of the decision chain on their group's bone, nearer the spine
 * the more decisive the role; entries without a group apart with the hint; switching views keeps
 * the deal; without a deal, the customer's active deals to pick. Light, dark, a 500 px panel.
 */
import { describe, expect, it } from 'vitest';
import { decisivenessOf, GROUPS, type Role } from '@acct/method';
import { installGeometry } from './geometry.js';
import type { WebviewPage } from './harness.js';
import { boxOf, browserSuite, centre, T, type Rect } from './shared.js';

const suite = browserSuite();

interface Seen {
    key: string;
    group: string;
    role: string | null;
    badge: string;
    box: Rect;
}

async function people(p: WebviewPage): Promise<Seen[]> {
    return p.page.$$eval('.fb-person', els =>
        els.map(el => {
            const r = el.querySelector('.fb-card-bg')!.getBoundingClientRect();
            return {
                key: el.getAttribute('data-key')!,
                group: el.getAttribute('data-group')!,
                role: el.querySelector('.role-letter')?.textContent ?? null,
                badge: el.querySelector('.badge-text')!.textContent!,
                box: { x: r.x, y: r.y, width: r.width, height: r.height },
            };
        }),
    );
}

/** The spine as drawn on screen: its two ends. */
async function spine(p: WebviewPage) {
    await installGeometry(p.page);
    return p.page.$eval('.fb-spine', el => {
        const path = el as SVGPathElement;
        return { a: window.acctGeometry.pathPoint(path, 0), b: window.acctGeometry.pathPoint(path) };
    });
}

async function showFishbone(p: WebviewPage, customer: string, opportunity: string | null): Promise<void> {
    await p.sendPlan(suite.view(), { customer, opportunity });
    await p.page.click('[role=tab][data-tab=fishbone]');
    await expect.poll(() => p.page.getAttribute('[data-tab=fishbone]', 'aria-selected')).toBe('true');
}

const ROLE_OF: Record<string, Role> = { A: 'approver', D: 'decision-maker', S: 'sponsor', E: 'evaluator', I: 'influencer', C: 'coach' };

function checkBones(seen: Seen[], horizontal: boolean, s: Awaited<ReturnType<typeof spine>>): void {
    for (const g of GROUPS) {
        const on = seen.filter(x => x.group === g);
        // the distance of each card's near edge from the spine grows as the role gets less decisive
        const dist = (b: Rect) =>
            horizontal ? Math.min(Math.abs(b.y - s.a.y), Math.abs(b.y + b.height - s.a.y)) : Math.min(Math.abs(b.x - s.a.x), Math.abs(b.x + b.width - s.a.x));
        for (const x of on) {
            for (const y of on) {
                const rx = decisivenessOf(x.role ? ROLE_OF[x.role] : null);
                const ry = decisivenessOf(y.role ? ROLE_OF[y.role] : null);
                if (rx < ry) expect(dist(x.box), `${x.key} (${x.role}) nearer the spine than ${y.key} (${y.role})`).toBeLessThan(dist(y.box));
            }
        }
    }
}

describe('fishbone', () => {
    it(
        'puts the deal at the head and each person of the chain on their bone, the decisive nearest the spine',
        async () => {
            const p = await suite.page({ theme: 'light' });
            await showFishbone(p, 'donghai', 'ran27');
            const deal = suite
                .view()
                .plan.customers.find(c => c.id === 'donghai')!
                .opportunities.find(o => o.id === 'ran27')!;
            const head = await p.page.$$eval('.fb-head text', els => els.map(e => e.textContent).join(' '));
            expect(head).toContain('WIN THE BID');
            expect(head.replace(/\s+/g, ' ')).toContain('5G-Advanced RAN');
            expect(await p.page.$$eval('.fb-bone-label', els => els.map(e => e.textContent))).toEqual([
                'COMMERCIAL EVALUATION (1)',
                'TECHNICAL EVALUATION (2)',
                'SELECTION DECISION (1)',
                'FINAL DECISION (2)',
            ]);
            const seen = await people(p);
            expect(seen.map(x => x.key).sort()).toEqual(deal.decisionChain.map(e => `contact:donghai/${e.contact}`).sort());
            for (const e of deal.decisionChain) {
                const x = seen.find(s => s.key === `contact:donghai/${e.contact}`)!;
                expect(x.group, e.contact).toBe(e.group);
                expect(x.badge).toBe(e.support === null ? '?' : String(e.support));
            }
            // wide: the spine runs left to right to the head; commercial furthest from the head, final nearest
            const s = await spine(p);
            expect(Math.abs(s.a.y - s.b.y)).toBeLessThan(1);
            const headBox = await boxOf(p, '.fb-head');
            expect(headBox.x).toBeGreaterThan(Math.max(...seen.map(x => x.box.x)));
            const boneX = await p.page.$$eval('.fb-bone-group', els => els.map(e => e.querySelector('.fb-bone')!.getBoundingClientRect().right));
            expect([...boneX].sort((a, b) => a - b)).toEqual(boneX);
            checkBones(seen, true, s);
            // no person's card overlaps another's
            for (const a of seen)
                for (const b of seen) {
                    if (a === b) continue;
                    const apart =
                        a.box.x + a.box.width <= b.box.x ||
                        b.box.x + b.box.width <= a.box.x ||
                        a.box.y + a.box.height <= b.box.y ||
                        b.box.y + b.box.height <= a.box.y;
                    expect(apart, `${a.key} overlaps ${b.key}`).toBe(true);
                }
            await p.page.click('.legend-toggle');
            expect(await p.page.$$eval('.legend .legend-title', els => els.map(e => e.textContent))).toEqual(['ROLE', 'SUPPORT', 'MARKS', 'BONES']);
            await p.screenshot('fishbone-light');
            await p.setTheme('dark');
            await p.screenshot('fishbone-dark');
            await p.setTheme('high-contrast');
            await p.screenshot('fishbone-high-contrast');
        },
        T,
    );

    it(
        'stands upright in a 500 px panel, readable, and lists the entries without a group apart with the hint',
        async () => {
            const p = await suite.page({ theme: 'dark', width: 500, height: 900 });
            await showFishbone(p, 'hxgrid', 'dispatch');
            const s = await spine(p);
            expect(Math.abs(s.a.x - s.b.x)).toBeLessThan(1);
            const seen = await people(p);
            checkBones(seen, false, s);
            // readable: names at 10 px or more, everything inside the panel
            const font = await p.page.$eval('.fb-name', el => el.getBoundingClientRect().height);
            expect(font).toBeGreaterThan(10);
            for (const x of seen) expect(x.box.x + x.box.width, x.key).toBeLessThanOrEqual(500);
            // fang (no group) and hu (no group) apart; kong on the technical bone
            expect(seen.find(x => x.key === 'contact:hxgrid/kong')!.group).toBe('technical');
            const apart = await p.page.$$eval('.fb-apart .fb-person', els => els.map(e => e.getAttribute('data-key')));
            expect(apart.sort()).toEqual(['contact:hxgrid/fang', 'contact:hxgrid/hu']);
            const hint = await p.page.$$eval('.fb-apart .fb-sub', els => els.map(e => e.textContent).join(' '));
            expect(hint).toContain('add group commercial|technical|selection|final to its decision-chain entry');
            expect(await p.page.getAttribute('.fb-person[data-key="contact:hxgrid/fang"]', 'aria-label')).toContain('on no bone yet');
            await p.screenshot('fishbone-500-dark');
        },
        T,
    );

    it(
        'keeps the deal when switching between power map and fishbone; arrow keys move between people, Enter reveals',
        async () => {
            const p = await suite.page();
            await showFishbone(p, 'hxgrid', 'substation');
            const heading = await p.page.textContent('.heading');
            expect(heading).toContain('Private 5G for substation IoT');
            await p.page.click('[role=tab][data-tab=power]');
            expect(await p.page.textContent('.heading')).toBe(heading);
            await p.page.click('[role=tab][data-tab=fishbone]');
            expect(await p.page.textContent('.heading')).toBe(heading);
            const first = (await people(p))[0]!.key;
            await p.page.focus(`.fb-person[data-key="${first}"]`);
            const active = () => p.page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? null);
            const visited = new Set([first]);
            for (const k of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight']) {
                await p.page.keyboard.press(k);
                visited.add((await active())!);
            }
            expect(visited.size).toBeGreaterThan(1);
            const now = (await active())!;
            await p.page.keyboard.press('Enter');
            expect((await p.posted()).at(-1)).toEqual({ type: 'reveal', subject: now });
        },
        T,
    );

    it(
        "without a deal, says so and offers the customer's active deals; picking one asks the panel to show it",
        async () => {
            const p = await suite.page({ theme: 'light' });
            await showFishbone(p, 'hxgrid', null);
            expect(await p.page.textContent('.fb-intro')).toContain('No deal selected');
            const choices = await p.page.$$eval('.fb-choice', els => els.map(e => e.getAttribute('data-key')));
            expect(choices).toEqual(['opportunity:hxgrid/substation', 'opportunity:hxgrid/dispatch']);
            await p.screenshot('fishbone-no-deal-light');
            await p.page.focus('.fb-choice[data-key="opportunity:hxgrid/dispatch"]');
            await p.page.keyboard.press('Enter');
            expect((await p.posted()).at(-1)).toEqual({ type: 'show', focus: { customer: 'hxgrid', opportunity: 'dispatch' } });
            await p.page.click('.fb-choice[data-key="opportunity:hxgrid/substation"]');
            expect((await p.posted()).at(-1)).toEqual({ type: 'show', focus: { customer: 'hxgrid', opportunity: 'substation' } });
            // the panel answers with the deal: the fishbone draws it
            await p.sendPlan(suite.view(), { customer: 'hxgrid', opportunity: 'substation' });
            expect(await p.page.$$eval('.fb-person', els => els.length)).toBe(4);
            expect(centre(await boxOf(p, '.fb-head')).x).toBeGreaterThan(0);
        },
        T,
    );

    it(
        'exports the fishbone as SVG and follows a live edit',
        async () => {
            const p = await suite.page({ theme: 'light' });
            await showFishbone(p, 'donghai', 'ran27');
            const v = structuredClone(suite.view());
            const ran27 = v.plan.customers.find(c => c.id === 'donghai')!.opportunities.find(o => o.id === 'ran27')!;
            ran27.decisionChain.find(e => e.contact === 'zhou')!.group = 'final';
            await p.sendPlan(v, { customer: 'donghai', opportunity: 'ran27' });
            expect(await p.page.getAttribute('.fb-person[data-key="contact:donghai/zhou"]', 'data-group')).toBe('final');
            await p.page.click('button:has-text("Export SVG")');
            const msg = (await p.posted()).find(m => m.type === 'exportSvg')!;
            expect(msg.suggestedName).toBe('donghai-ran27-fishbone.svg');
            expect(msg.svg as string).toContain('WIN THE BID');
            expect(msg.svg as string).not.toMatch(/class=|var\(--/);
        },
        T,
    );
});
