/**
 * Calendar dates `YYYY-MM-DD` and the one rule for "today": the date checks compare with an
 * explicit date (CLI `--today`, editor setting `acct.today`), else the environment variable
 * `ACCT_TODAY`, else the real local date. A value that is not a date is an error wherever it
 * comes from; each caller says so in its own place (the CLI exits 2, the server logs it).
 */

/**
 * While set (readingDates): told the day of each date read, but today's — the dates a check's
 * outcome rests on, as `acct history`'s re-check of a date-driven check needs them.
 */
let reader: { today: string; read: (day: number) => void } | undefined;

/**
 * Runs `run` telling `read` the day of every date it reads through `dayNumber` (and so
 * `daysBetween`, `isMoveUnderWay`…), but `today` itself as `daysBetween`'s later date or as
 * today (resolveToday): what the outcome of a check that compares dates with today depends on.
 */
export function readingDates<T>(today: string, read: (day: number) => void, run: () => T): T {
    const outer = reader;
    reader = { today, read };
    try {
        return run();
    } finally {
        reader = outer;
    }
}

/** A calendar date `YYYY-MM-DD` as a day number (UTC), or undefined when it is no real date. */
export function dayNumber(date: string | undefined | null): number | undefined {
    const day = heldDayNumber(date);
    if (reader && day !== undefined) reader.read(day);
    return day;
}

/** dayNumber, not told to a reader. */
function heldDayNumber(date: string | undefined | null): number | undefined {
    // a calendar date is ten characters: anything else is no date
    if (!date || date.length !== 10) return undefined;
    return parseDayNumber(date);
}

const DASH = 45;
/** Days before each month in a common year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Read from its characters, with no regular expression, no Date and nothing kept: a plan writes
 * tens of thousands of dates and every check of a build reads them (a date check, an age, a stale
 * contact). The same answer as `Date.UTC` of the parts read back: years 0000–0099 are no date
 * (Date.UTC reads them as 1900–1999, which never reads back).
 */
function parseDayNumber(date: string): number | undefined {
    if (date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) return undefined;
    const year = digits(date, 0, 4);
    const month = digits(date, 5, 2);
    const day = digits(date, 8, 2);
    if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > DAYS_IN_MONTH[month - 1]! + (leap && month === 2 ? 1 : 0)) return undefined;
    // days from 1970-01-01: whole years (with their leap days), then the months and days of this one
    const y = year - 1;
    const leapDays = Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 477; // 477 leap days before 1970
    return (year - 1970) * 365 + leapDays + DAYS_BEFORE_MONTH[month - 1]! + (leap && month > 2 ? 1 : 0) + day - 1;
}

/** The number written by `count` ASCII digits at `start`; -1 when one is not a digit. */
function digits(text: string, start: number, count: number): number {
    let value = 0;
    for (let i = start; i < start + count; i++) {
        const digit = text.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) return -1;
        value = value * 10 + digit;
    }
    return value;
}

export function isDate(value: string): boolean {
    return dayNumber(value) !== undefined;
}

/** Whole days from `earlier` to `later` (positive when `earlier` is in the past). */
export function daysBetween(earlier: string, later: string): number | undefined {
    const a = dayNumber(earlier);
    const b = reader && later === reader.today ? heldDayNumber(later) : dayNumber(later);
    return a === undefined || b === undefined ? undefined : b - a;
}

/** The date `days` after `date` (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
    const base = dayNumber(date);
    if (base === undefined) throw new RangeError(`not a date: ${date}`);
    return new Date((base + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The real date on this machine, in its time zone. */
export function localToday(now = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type TodaySource = 'explicit' | 'ACCT_TODAY' | 'clock';

export class InvalidTodayError extends Error {
    constructor(
        readonly source: Exclude<TodaySource, 'clock'>,
        readonly value: string,
    ) {
        super(`${source === 'ACCT_TODAY' ? `ACCT_TODAY=${value}` : value} is not a date: use YYYY-MM-DD.`);
    }
}

/**
 * Today for the checks. `explicit` wins, then `environment` (ACCT_TODAY); empty values count as
 * absent. Throws `InvalidTodayError` for a value that is not a calendar date.
 */
export function resolveToday(explicit: string | undefined, environment: string | undefined, clock = localToday): string {
    const given = explicit?.trim();
    if (given) {
        if (heldDayNumber(given) === undefined) throw new InvalidTodayError('explicit', given);
        return given;
    }
    const fromEnvironment = environment?.trim();
    if (fromEnvironment) {
        if (heldDayNumber(fromEnvironment) === undefined) throw new InvalidTodayError('ACCT_TODAY', fromEnvironment);
        return fromEnvironment;
    }
    return clock();
}
