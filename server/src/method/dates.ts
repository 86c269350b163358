/**
 * Calendar dates `YYYY-MM-DD` and the one rule for "today": the date checks compare with an
 * explicit date (CLI `--today`, editor setting `acct.today`), else the environment variable
 * `ACCT_TODAY`, else the real local date. A value that is not a date is an error wherever it
 * comes from; each caller says so in its own place (the CLI exits 2, the server logs it).
 */

/**
 * Day numbers of the dates met lately: a plan writes the same few hundred dates again and again,
 * and every build of an edit reads them all (a date check, an age, a stale contact). Cleared when
 * full, so that it stays small whatever the plan holds.
 */
const dayNumbers = new Map<string, number | undefined>();
const DAY_NUMBERS_HELD = 4096;

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
    // a calendar date is ten characters: anything else is no date, and is not held
    if (!date || date.length !== 10) return undefined;
    let day = dayNumbers.get(date);
    if (day === undefined && !dayNumbers.has(date)) {
        if (dayNumbers.size >= DAY_NUMBERS_HELD) dayNumbers.clear();
        dayNumbers.set(date, (day = parseDayNumber(date)));
    }
    return day;
}

function parseDayNumber(date: string): number | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, day);
    const back = new Date(time);
    if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
        return undefined;
    }
    return Math.round(time / 86_400_000);
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
