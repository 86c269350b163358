/**
 * The method's rules as pure functions over the AST (../shared/domain.md). The validator, the
 * plan export and the hovers all call these, so that a rule is written once.
 */
import type { Contact, Customer, DecisionChainEntry, Money, Opportunity, Role, Stage, SupportValue, Tier } from './generated/ast.js';
import type { Support } from '../model/plan-types.js';
import { isScore, suggestedTierFor } from '../model/tier-table.js';

/** An active opportunity is one at stage `opportunity` or `bid`. */
export function isActive(stage: Stage | undefined): boolean {
    return stage === 'opportunity' || stage === 'bid';
}

/** Support as a number -1..3, or null when unknown (`?` or absent). Out-of-range values pass through. */
export function supportOf(value: SupportValue | undefined): number | null {
    if (!value || value.unknown || value.value === undefined) {
        return null;
    }
    return value.value;
}

export function isValidSupport(value: number | null): value is Support {
    return value === null || (Number.isInteger(value) && value >= -1 && value <= 3);
}

/** Role and support of a decision-chain entry: what the entry omits is taken from the contact. */
export function effectiveRole(entry: DecisionChainEntry): Role | undefined {
    return entry.role ?? entry.contact.ref?.role;
}

export function effectiveSupport(entry: DecisionChainEntry): number | null {
    return entry.support ? supportOf(entry.support) : supportOf(entry.contact.ref?.support);
}

/** Roles whose opposition endangers a deal (`opposed-key-person`). */
export const keyRoles: ReadonlySet<Role> = new Set<Role>(['approver', 'decision-maker', 'evaluator']);
/** Roles that hold the decision (`no-decision-maker`, `unknown-support`). */
export const decidingRoles: ReadonlySet<Role> = new Set<Role>(['approver', 'decision-maker']);

export function suggestedTier(standing: number | undefined, cooperation: number | undefined): Tier | undefined {
    return suggestedTierFor(standing, cooperation);
}

export { isScore };

/** Why the table suggests a tier, in the method's words (for hover and messages). */
export function tierReason(standing: number, cooperation: number): string {
    const high = standing >= 4 ? 'high standing' : standing >= 2 ? 'moderate standing' : 'low standing';
    const coop = cooperation >= 4 ? 'a large cooperation value' : cooperation === 3 ? 'a stable, moderate cooperation' : 'little cooperation';
    return `${high} (${standing}/5) and ${coop} (${cooperation}/5)`;
}

const suffixes: Record<string, number> = { k: 1e3, M: 1e6, B: 1e9 };

/** The value of `30M CNY` as 30000000; integers only where the suffix makes them so. */
export function moneyValue(money: Money): number {
    const text = String(money.value);
    const suffix = text.slice(-1);
    const factor = suffixes[suffix];
    const number = Number(factor ? text.slice(0, -1) : text);
    // Round away binary-fraction noise (12.5M is exactly 12500000, 0.1M is 100000).
    return factor ? Math.round(number * factor * 1e6) / 1e6 : number;
}

export function isCurrencyCode(code: string | undefined): boolean {
    return code === undefined || /^[A-Z]{3}$/.test(code);
}

/** A calendar date `YYYY-MM-DD` as a day number (UTC), or undefined when it is no real date. */
export function dayNumber(date: string | undefined): number | undefined {
    if (!date) {
        return undefined;
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) {
        return undefined;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, day);
    const back = new Date(time);
    if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
        return undefined;
    }
    return Math.round(time / 86_400_000);
}

/** Whole days from `earlier` to `later` (positive when `earlier` is in the past). */
export function daysBetween(earlier: string, later: string): number | undefined {
    const a = dayNumber(earlier);
    const b = dayNumber(later);
    return a === undefined || b === undefined ? undefined : b - a;
}

/** General-layer contacts: those without a role in any decision. */
export function generalLayer(customer: Customer): Contact[] {
    return customer.contacts.filter(contact => contact.role === undefined);
}

export function isQualified(opportunity: Opportunity): boolean {
    return opportunity.budget !== undefined && opportunity.start !== undefined;
}

/** `Name (id)` for messages, so a reader finds the person in the file. */
export function whoIs(contact: Contact): string {
    return contact.displayName === contact.name ? `'${contact.name}'` : `${contact.displayName} (${contact.name})`;
}
