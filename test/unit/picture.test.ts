/** What the power map draws (client/src/picture.ts): the one rule the panel and the browser harness share. */
import { describe, expect, it } from 'vitest';
import type { CustomerJson, PlanView } from '@acct/contract';
import { nextPicture, pictureChanged, shownBefore, shownIn } from '../../client/src/picture.js';
import { customerJson, opportunityJson, planJson } from '../support/plan-json.mjs';

const customer = (id: string, opportunities: string[] = []): CustomerJson => customerJson(id, { opportunities: opportunities.map(o => opportunityJson(o)) });

const plan = (customers: CustomerJson[], errors = 0): PlanView => ({
    plan: planJson({
        files: ['a.acct'],
        customers,
        diagnostics: Array.from({ length: errors }, (_, i) => ({
            file: 'a.acct',
            line: i + 1,
            column: 2,
            severity: 'error' as const,
            code: 'syntax',
            message: `bad ${i}`,
            subject: null,
        })),
    }),
    subjects: Array.from({ length: errors }, () => null),
    hasErrors: errors > 0,
});

describe('the element shown', () => {
    const view = plan([customer('a', ['deal']), customer('b'), customer('a', ['other'])]);

    it('is the first candidate naming a customer of the plan, its opportunity only if that customer has it', () => {
        expect(shownIn(view, [null, { customer: 'gone', opportunity: null }, { customer: 'b', opportunity: 'x' }])).toEqual({
            customer: 'b',
            opportunity: null,
        });
        expect(shownIn(view, [{ customer: 'a', opportunity: 'deal' }])).toEqual({ customer: 'a', opportunity: 'deal' });
        // the first declaration of a duplicate id is the one shown
        expect(shownIn(view, [{ customer: 'a', opportunity: 'other' }])).toEqual({ customer: 'a', opportunity: null });
    });

    it('falls back to the first customer, then to nothing', () => {
        expect(shownIn(view, [undefined, { customer: null, opportunity: null }])).toEqual({ customer: 'a', opportunity: null });
        expect(shownIn(plan([]), [{ customer: 'a', opportunity: null }])).toEqual({ customer: null, opportunity: null });
    });

    it("survives a window reload through the webview's saved state", () => {
        expect(shownBefore({ version: 1, picture: { shown: { customer: 'b', opportunity: 'x' } } })).toEqual({ customer: 'b', opportunity: 'x' });
        expect(shownBefore({ picture: { shown: { customer: 'b' } } })).toEqual({ customer: 'b', opportunity: null });
        for (const garbage of [undefined, null, 1, {}, { picture: null }, { picture: { shown: { customer: 3 } } }])
            expect(shownBefore(garbage)).toBeUndefined();
    });
});

describe('the picture', () => {
    it('keeps the last good plan under a banner with the errors as CLI lines', () => {
        const good = nextPicture(undefined, plan([customer('a')]), []);
        const broken = plan([customer('z')], 2);
        const next = nextPicture(good, broken, [{ customer: 'a', opportunity: null }]);
        expect(next.view).toBe(good.view);
        expect([next.hasErrors, next.errorLines]).toEqual([true, ['a.acct:1:2: error syntax: bad 0', 'a.acct:2:2: error syntax: bad 1']]);
        expect(pictureChanged(good, next)).toBe(true);
        // the same plan and element again: nothing to post
        expect(pictureChanged(next, nextPicture(next, broken, [{ customer: 'a', opportunity: null }]))).toBe(false);
        expect(pictureChanged(next, nextPicture(next, broken, [{ customer: 'b', opportunity: null }]))).toBe(false);
        expect(nextPicture(next, plan([customer('b')]), [{ customer: 'b', opportunity: null }]).hasErrors).toBe(false);
    });
});
