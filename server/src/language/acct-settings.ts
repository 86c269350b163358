/**
 * "Today" for the date checks. The contract makes it injectable so that checks are
 * reproducible: CLI `--today`, environment variable `ACCT_TODAY`, or the editor setting `acct.today`.
 */
import { dayNumber } from './method.js';

export class AcctSettings {
    /** Set by the CLI (`--today`) or the editor setting (`acct.today`); wins over the environment. */
    todayOverride: string | undefined;

    today(): string {
        return this.todayOverride ?? fromEnvironment() ?? localToday();
    }
}

function fromEnvironment(): string | undefined {
    const value = typeof process !== 'undefined' ? process.env.ACCT_TODAY : undefined;
    return value && isDate(value) ? value : undefined;
}

export function isDate(value: string): boolean {
    return dayNumber(value) !== undefined;
}

function localToday(): string {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
