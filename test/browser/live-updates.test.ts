/**
 * The panel as the plan changes and as VS Code reloads it, in Chromium: zoom, pan and selection
 * kept across updates, changed data redrawn; a broken plan keeps the last good picture under a
 * banner; a plan that cannot be drawn says so, and the next good one draws again; tab, zoom,
 * selection and picture restored from the saved state after a reload.
 */
import { describe, expect, it } from 'vitest';
import type { PlanView } from '@acct/contract';
import { cards } from './cards.js';
import { contactsOf, examplesSuite, focus, view } from './examples-suite.js';
import { clone } from './fixture.js';
import { T } from './shared.js';

const suite = examplesSuite();
const page = suite.page;

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
