/**
 * Going from the views to the plan, in Chromium: a click or Enter on a card, a header chip or a
 * quadrant's point posts `reveal` for its subject (the extension opens its declaration); Tab and
 * the arrow keys move between cards; every card and point is a labelled button.
 */
import { describe, expect, it } from 'vitest';
import { cards } from './cards.js';
import { examplesSuite, focus, view } from './examples-suite.js';
import { T } from './shared.js';

const suite = examplesSuite();
const page = suite.page;

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
