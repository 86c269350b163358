/**
 * Day numbers of dates (method/dates.ts), read from their characters (issue 23): the same answer as reading
 * the date afresh, for real dates, impossible ones and non-dates, however often and however many.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { daysBetween, dayNumber, isDate } from '../../server/src/method/dates.js';

/** The date read afresh, as before day numbers were kept. */
function fresh(date: string): number | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, day);
    const back = new Date(time);
    return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? Math.round(time / 86_400_000) : undefined;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const dateLike = fc
    .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

describe('day numbers', () => {
    it('are those of the date read afresh, asked once or again, for dates, impossible dates and other text', () => {
        fc.assert(
            fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 })), date => {
                expect(dayNumber(date)).toBe(fresh(date));
                expect(dayNumber(date)).toBe(fresh(date));
                expect(isDate(date)).toBe(fresh(date) !== undefined);
            }),
            { numRuns: 3000 },
        );
    });

    it('are read from the characters as Date.UTC reads them, over every year and near every month end', () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 39 }), (y, m, d) => {
                const date = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
                expect(dayNumber(date)).toBe(fresh(date));
            }),
            { numRuns: 5000 },
        );
        for (const date of [
            '0099-12-31',
            '0100-01-01',
            '1600-02-29',
            '1700-02-29',
            '2000-02-29',
            '2100-02-29',
            '9999-12-31',
            '1969-12-31',
            '1970-01-01',
            '2026-1-011',
            '2026/01/01',
            '２０２６-01-01',
            '2026-01-0x',
        ])
            expect(dayNumber(date)).toBe(fresh(date));
    });

    it('stay right past the number of dates kept', () => {
        const dates = Array.from({ length: 10_000 }, (_, i) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
        for (const date of dates) expect(dayNumber(date)).toBe(fresh(date));
        expect(dayNumber('2026-02-29')).toBeUndefined();
        expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
        expect(dayNumber(undefined)).toBeUndefined();
        expect(dayNumber('')).toBeUndefined();
    });
});
