/** The ranges of the method's scales (contract section 2): what counts as a valid value. */
import type { ActivityStatus, Role, Stage, Support } from './vocabulary.js';
import { dayNumber } from './dates.js';

/** A score of the tier quadrant (standing, cooperation): an integer 1..5. */
export function isScore(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Intimacy: an integer -3..3. */
export function isIntimacy(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= -3 && value <= 3;
}

/** Support on the power-map scale: -1..3, or null for unknown. */
export function isSupport(value: unknown): value is Support {
    return value === null || (typeof value === 'number' && Number.isInteger(value) && value >= -1 && value <= 3);
}

/** An active opportunity is one at stage `opportunity` or `bid`. */
export function isActive(stage: Stage | null | undefined): boolean {
    return stage === 'opportunity' || stage === 'bid';
}

/** Roles whose opposition endangers a deal (`opposed-key-person`). */
export const keyRoles: ReadonlySet<Role> = new Set<Role>(['approver', 'decision-maker', 'evaluator']);
/** Roles that hold the decision (`no-decision-maker`, `unknown-support`). */
export const decidingRoles: ReadonlySet<Role> = new Set<Role>(['approver', 'decision-maker']);

/** A contact counts as a supporter with support 1, 2 or 3 (`single-threaded`). */
export function isSupporter(support: number | null): boolean {
    return support !== null && support >= 1 && support <= 3;
}

/**
 * The strategic sandbox's score of an opportunity: market space + growth + profit + (6 − competition),
 * each 1..5 (so 4..20); null unless all four are given.
 */
export function sandboxScore(
    space: number | null | undefined,
    growth: number | null | undefined,
    profit: number | null | undefined,
    competition: number | null | undefined,
): number | null {
    if (space == null || growth == null || profit == null || competition == null) return null;
    return space + growth + profit + (6 - competition);
}

/** The three moves for a hostile key person ("three axes"), as activity kinds. */
export const THREE_AXES = ['executive-visit', 'exhibition', 'hq-visit'] as const;

/** A move counts as under way when it is done, or planned and not overdue (a planned move without a date counts). */
export function isMoveUnderWay(status: ActivityStatus | null | undefined, date: string | null | undefined, today: string): boolean {
    if (status === 'done') return true;
    return status === 'planned' && (!date || dayNumber(date) === undefined || date >= today);
}
