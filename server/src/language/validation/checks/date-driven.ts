/**
 * What "today" can change in a file's findings — kept here, next to the checks that read today
 * (activity-checks: overdue; contact-checks: stale contact, evidence of contact; customer-checks:
 * tier review; opportunity-checks: moves under way; relationship-checks: founded support;
 * finding-policy: a waiver's `until`). A check that starts reading `settings.today()` adds its
 * code to DATE_DRIVEN_CODES. Used by `acct history`, which checks each commit with its own date
 * and re-checks, when the date moves, only the files whose findings today can change.
 */
import { dayNumber, IssueCodes, type Thresholds } from '../../../method/index.js';

/** The codes whose finding (its presence or its message: a number of days, the moves under way) depends on today. */
export const DATE_DRIVEN_CODES: ReadonlySet<string> = new Set([
    IssueCodes.OverdueActivity, // a planned activity dated before today; "N days ago"
    IssueCodes.StaleContact, // last contact more than stale-contact-days ago; "N days ago"; a done activity counts once its date is past
    IssueCodes.StaleTierReview, // reviewed more than tier-review-days ago; "N days ago"
    IssueCodes.UnfoundedSupport, // no evidence of contact: a done activity counts once its date is past
    IssueCodes.OpposedKeyPerson, // the moves under way: a planned move stops counting once overdue
    IssueCodes.ExpiredWaiver, // a waiver past its `until`
    IssueCodes.UnusedWaiver, // only a waiver in force can be unused
]);

/**
 * Of those, the codes whose message counts the days up to today ("N days ago"): such a finding
 * changes every day. The others change only on a critical day of a date (mayChangeBetween).
 */
export const DAY_COUNTING_CODES: ReadonlySet<string> = new Set([IssueCodes.OverdueActivity, IssueCodes.StaleContact, IssueCodes.StaleTierReview]);

const DATE_LITERAL = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** The dates written in a plan's text, as sorted distinct day numbers (read once per content). */
export function datesIn(text: string): number[] {
    const days = new Set<number>();
    for (const match of text.matchAll(DATE_LITERAL)) {
        const day = dayNumber(match[0]);
        if (day !== undefined) days.add(day);
    }
    return [...days].sort((x, y) => x - y);
}

/**
 * True when one of `days` (datesIn) has a critical day between `from` and `to` (either order,
 * both included): a day on which a finding about that date can appear, change or go — the date
 * itself and the day after (overdue, evidence of a done activity, a waiver's `until`), and the
 * same after stale-contact-days and after tier-review-days. Conservative: a day either side.
 */
export function mayChangeBetween(
    days: readonly number[],
    from: string,
    to: string,
    thresholds: Pick<Thresholds, 'staleContactDays' | 'tierReviewDays'>,
): boolean {
    const [a, b] = [dayNumber(from), dayNumber(to)];
    if (a === undefined || b === undefined) return true;
    const [low, high] = a <= b ? [a, b] : [b, a];
    for (const offset of [0, thresholds.staleContactDays, thresholds.tierReviewDays]) {
        // a date D with D + offset within [low - 1, high + 1]: the first such in the sorted list decides
        const first = lowerBound(days, low - 1 - offset);
        if (first < days.length && days[first]! + offset <= high + 1) return true;
    }
    return false;
}

/**
 * The days T, as day numbers, for which `mayChangeBetween(days, today, T)` is false: an interval
 * around today (both ends included), or null when even the days next to today may change.
 */
export function quietSpan(
    days: readonly number[],
    today: string,
    thresholds: Pick<Thresholds, 'staleContactDays' | 'tierReviewDays'>,
): { from: number; to: number } | null {
    const t = dayNumber(today);
    if (t === undefined) return null;
    // the nearest critical day from t - 1 on (c1) and up to t + 1 (c0): quiet from c0 + 2 to c1 - 2
    let [c0, c1] = [-Infinity, Infinity];
    for (const offset of [0, thresholds.staleContactDays, thresholds.tierReviewDays]) {
        const first = lowerBound(days, t - 1 - offset);
        if (first < days.length) c1 = Math.min(c1, days[first]! + offset);
        const last = lowerBound(days, t + 2 - offset) - 1;
        if (last >= 0) c0 = Math.max(c0, days[last]! + offset);
    }
    const [from, to] = [c0 + 2, c1 - 2];
    return from <= t && t <= to ? { from, to } : null;
}

function lowerBound(sorted: readonly number[], value: number): number {
    let [lo, hi] = [0, sorted.length];
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < value) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}
