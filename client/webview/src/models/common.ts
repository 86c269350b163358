/**
 * What the three view models share: the element shown (as plan objects), "the first declaration
 * wins on duplicate ids", and how a contact reads in labels and tooltips (in the method core's words).
 */
import {
    isInFull,
    type ContactJson,
    type CustomerJson,
    type Finding,
    type OpportunityJson,
    type PlanFocus,
    type Role,
    type Support,
    type ViewedPlan,
} from '@acct/contract';
import { intimacyText, supportText, type SupportKey } from '@acct/method';
import { findingsSummary } from './findings.js';
import { texts } from '../texts.js';

/** The element shown, as the plan's objects. */
export interface Shown {
    customer: CustomerJson | null;
    opportunity: OpportunityJson | null;
}

/**
 * Elements with unique ids, in order: on duplicate ids the first declaration wins (the checker
 * reports the others as `duplicate-id`). Every view reads the plan's lists through this.
 */
export function firstById<T extends { id: string }>(items: readonly T[]): T[] {
    const seen = new Set<string>();
    return items.filter(item => {
        if (seen.has(item.id)) return false;
        seen.add(item.id);
        return true;
    });
}

/** The objects of the element the panel chose to show (`Picture.shown`): the customer as the plan holds it in full. */
export function shownOf(view: ViewedPlan, focus: PlanFocus): Shown {
    // the first element with the id is the one `firstById` keeps: found without a set of every id (the report asks this for 2,176 pictures)
    const found = view.plan.customers.find(c => c.id === focus.customer);
    const customer = found && isInFull(found) ? found : null;
    const opportunity = customer && focus.opportunity ? (customer.opportunities.find(o => o.id === focus.opportunity) ?? null) : null;
    return { customer, opportunity };
}

export function shownTitle(shown: Shown): string {
    if (!shown.customer) return texts().t('view.noCustomer');
    return shown.opportunity ? `${shown.customer.name} › ${shown.opportunity.name}` : shown.customer.name;
}

export function orgLine(title: string | null, department: string | null): string {
    return [title, department].filter((s): s is string => !!s).join(' · ');
}

/** A role as the labels say it; contacts without one are the general layer. */
export function roleText(role: Role | null): string {
    return role ? texts().vocabulary.roles[role].label : texts().t('view.role.none');
}

/** A support value's label and meaning in the views' language; out-of-scale values read as unknown. */
export function supportWords(support: Support | number): { label: string; meaning: string } {
    const scale = texts().vocabulary.support;
    return scale[supportText(support as Support) as SupportKey] ?? scale['?'];
}

/** The tooltip line of a support value, with its meaning. */
export function supportLine(support: Support): string {
    return texts().t('view.line.support', { value: supportText(support), meaning: supportWords(support).meaning });
}

/** The tooltip's first lines for a contact: name, title and department, role. */
export function contactHead(c: Pick<ContactJson, 'name' | 'title' | 'department'>, role: Role | null): string[] {
    const org = orgLine(c.title, c.department);
    return [c.name, ...(org ? [org] : []), texts().t('view.line.role', { role: roleText(role) })];
}

export function contactAriaLabel(c: {
    name: string;
    title: string | null;
    department: string | null;
    role: Role | null;
    support: Support;
    intimacy: number | null;
    stale: boolean;
    findings: readonly Finding[];
    dimmed?: boolean;
}): string {
    const t = texts();
    const parts: string[] = [c.name];
    const org = [c.title, c.department].filter(Boolean).join(', ');
    if (org) parts.push(org);
    parts.push(t.t('view.aria.role', { role: roleText(c.role) }));
    parts.push(t.t('view.aria.support', { value: supportText(c.support), label: supportWords(c.support).label }));
    parts.push(t.t('view.aria.intimacy', { value: intimacyText(c.intimacy) }));
    if (c.stale) parts.push(t.t('view.aria.stale'));
    if (c.dimmed) parts.push(t.t('view.aria.outside'));
    parts.push(c.findings.length ? findingsSummary(c.findings, f => `${f.code}: ${f.message}`) : t.t('view.aria.noFindings'));
    return parts.join('; ');
}

/** A point drawn in a grid cell, among the others in the same cell. */
export interface Slotted {
    /** Position of this point among those in the same cell. */
    slot: number;
    slotCount: number;
}

/** Numbers the points of each cell (`cellOf`), in the order given or by `order`. */
export function assignSlots<T extends Slotted>(points: readonly T[], cellOf: (p: T) => string, order?: (a: T, b: T) => number): void {
    const cells = new Map<string, T[]>();
    for (const p of points) {
        const k = cellOf(p);
        const list = cells.get(k);
        if (list) list.push(p);
        else cells.set(k, [p]);
    }
    for (const list of cells.values()) {
        if (order) list.sort(order);
        list.forEach((p, i) => {
            p.slot = i;
            p.slotCount = list.length;
        });
    }
}
