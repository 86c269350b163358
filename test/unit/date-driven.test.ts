/**
 * When a move of today can change a file's findings (checks/date-driven.ts, used by `acct
 * history`): a date's critical days are the date, the day after, and the same after
 * stale-contact-days and tier-review-days — in either direction of the move.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { datesIn, mayChangeBetween, quietSpan } from '../../server/src/language/validation/checks/date-driven.js';
import { addDays, dayNumber, defaultThresholds } from '../../server/src/method/index.js';

const days = datesIn('activity call "Call" { date 2026-03-10 status planned } // 2026-13-40 is no date\n');

describe('date-driven re-checks', () => {
    it('reads each real date once', () => {
        expect(datesIn('2026-03-10 2026-03-10 2026-02-30 2026-01-01')).toHaveLength(2);
    });
    it('a move across the date, the day after, +90 or +365 days can change the findings; a move elsewhere cannot', () => {
        expect(mayChangeBetween(days, '2026-03-01', '2026-03-20', defaultThresholds)).toBe(true);
        expect(mayChangeBetween(days, '2026-03-11', '2026-03-12', defaultThresholds)).toBe(true);
        expect(mayChangeBetween(days, '2026-06-08', '2026-06-09', defaultThresholds)).toBe(true); // 2026-03-10 + 90
        expect(mayChangeBetween(days, '2027-03-11', '2027-03-10', defaultThresholds)).toBe(true); // + 365, moving back
        expect(mayChangeBetween(days, '2026-04-01', '2026-05-01', defaultThresholds)).toBe(false);
        expect(mayChangeBetween(days, '2026-01-01', '2026-03-01', defaultThresholds)).toBe(false);
        expect(mayChangeBetween(days, '2026-04-01', '2026-05-01', { staleContactDays: 30, tierReviewDays: 365 })).toBe(true);
    });
    it('the quiet span around a day is exactly the days a move to which cannot change the findings', () => {
        const day = (n: number) => addDays('2026-01-01', n);
        fc.assert(
            fc.property(
                fc.uniqueArray(fc.integer({ min: -400, max: 800 }), { maxLength: 8 }),
                fc.integer({ min: -100, max: 500 }),
                fc.integer({ min: -500, max: 900 }),
                fc.record({ staleContactDays: fc.integer({ min: 1, max: 120 }), tierReviewDays: fc.integer({ min: 1, max: 400 }) }),
                (offsets, today, to, thresholds) => {
                    const dates = datesIn(offsets.map(day).join(' '));
                    const span = quietSpan(dates, day(today), thresholds);
                    const target = dayNumber(day(to))!;
                    const quiet = !!span && span.from <= target && target <= span.to;
                    expect(quiet).toBe(!mayChangeBetween(dates, day(today), day(to), thresholds));
                },
            ),
            { numRuns: 2000 },
        );
    });
});
