/**
 * The method's rules applied to the AST: what a decision-chain entry takes from its contact,
 * who is in the general layer, when a deal is qualified. The validator, the plan export and the
 * hovers all call these, so that a rule is written once; the rules on plain values are in the
 * method core (server/src/method).
 */
import type { Activity, Competitor, Contact, Customer, DecisionChainEntry, Money, Opportunity, Role, SupportValue } from '../generated/ast.js';
import { dayNumber, isActive, maturityOf, moneyAmount, type Maturity, type Texts } from '../../method/index.js';

/** Support as a number, or null when unknown (`?` or absent). Out-of-range values pass through. */
export function supportOf(value: SupportValue | undefined): number | null {
    if (!value || value.unknown || value.value === undefined) return null;
    return value.value;
}

/** Role of a decision-chain entry: what the entry omits is taken from the contact. */
export function effectiveRole(entry: DecisionChainEntry): Role | undefined {
    return entry.role ?? entry.contact.ref?.role;
}

/** Support of a decision-chain entry: what the entry omits is taken from the contact. */
export function effectiveSupport(entry: DecisionChainEntry): number | null {
    return entry.support ? supportOf(entry.support) : supportOf(entry.contact.ref?.support);
}

/** General-layer contacts: those without a role in any decision. */
export function generalLayer(customer: Customer): Contact[] {
    return customer.contacts.filter(contact => contact.role === undefined);
}

/** A lead becomes an opportunity only with a confirmed budget and a confirmed start date. */
export function isQualified(opportunity: Opportunity): boolean {
    return opportunity.budget !== undefined && opportunity.start !== undefined;
}

/** The lead's maturity (1.2): preliminary → credible → qualified. */
export function maturity(opportunity: Opportunity): Maturity {
    return maturityOf({
        budget: opportunity.budget !== undefined,
        start: opportunity.start !== undefined,
        intent: opportunity.intent !== undefined,
        solution: opportunity.solution !== undefined,
    });
}

export function isActiveOpportunity(opportunity: Opportunity): boolean {
    return isActive(opportunity.stage);
}

/** The value of `30M CNY` as 30000000. */
export function moneyValue(money: Money): number {
    return moneyAmount(String(money.value));
}

/** `Name (id)` for messages, so a reader finds the person (a contact or a member) in the file. */
export function whoIs(person: Pick<Contact, 'name' | 'displayName'>, texts: Texts): string {
    return person.displayName === person.name
        ? texts.t('check.who.id', { id: person.name })
        : texts.t('check.who.named', { name: person.displayName, id: person.name });
}

/** A contact's support for a competitor: the last `competitor-support` naming it (null: `?`), undefined when none does. */
export function competitorSupportOf(contact: Contact, competitor: Competitor): number | null | undefined {
    let found: number | null | undefined;
    for (const line of contact.competitorSupport) {
        if (line.competitor?.ref === competitor) found = supportOf(line.support);
    }
    return found;
}

/** Evidence of contact: the latest of `last-contact` and every `done` activity with them dated on or before today. */
export function lastContactOf(contact: Contact, activities: readonly Activity[], today: string): { date: string; activity?: Activity } | undefined {
    let latest: { date: string; activity?: Activity } | undefined =
        contact.lastContact && dayNumber(contact.lastContact) !== undefined ? { date: contact.lastContact } : undefined;
    for (const activity of activities) {
        if (activity.status !== 'done' || !activity.date || dayNumber(activity.date) === undefined || activity.date > today) continue;
        if (!latest || activity.date > latest.date) latest = { date: activity.date, activity };
    }
    return latest;
}
