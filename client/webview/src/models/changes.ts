/**
 * The Changes Since… page's model: from the `acct diff` report and the plan on its later side,
 * which power maps to draw (each changed deal; the customer's people when people changed outside
 * any deal) and what to mark on their cards (support 0 → 2, added, joined the chain, role
 * changed), the people no longer on the map, and which changes each customer's words list. Pure:
 * no DOM.
 */
import {
    isInFull,
    SubjectKeys,
    type DecisionChainEntryJson,
    type PlanChange,
    type PlanDiff,
    type PlanFocus,
    type Role,
    type Support,
    type SubjectKey,
    type ViewedPlan,
} from '@acct/contract';
import { intimacyText, supportText } from '@acct/method';
import { texts } from '../texts.js';
import { firstById } from './common.js';

/** A power map to draw, with the marks of what moved on its cards. */
export interface ChangedMap {
    focus: PlanFocus;
    /** What moved, by the card's contact: one short text each (`support 0 → 2`). */
    marks: Map<SubjectKey, string[]>;
    /** Contacts (ids) that left this deal's decision chain but are still the customer's. */
    leftChain: string[];
}

/** One customer's changes: the maps drawn, the contacts removed, the changes said in words. */
export interface CustomerChanges {
    customer: string;
    /** The customer's name on the later side; its id when it is no longer declared. */
    name: string;
    maps: ChangedMap[];
    /** Contacts (ids) no longer declared: they are on no map. */
    removed: string[];
    /** Indexes in `diff.changes`. */
    changes: number[];
}

export interface ChangesModel {
    customers: CustomerChanges[];
    /** Changes of members and competitors, and of customers no longer declared: by index in `diff.changes`. */
    others: number[];
}

type Entry = DecisionChainEntryJson;

export function buildChanges(diff: PlanDiff, view: ViewedPlan): ChangesModel {
    const customers = new Map(
        firstById(view.plan.customers)
            .filter(isInFull)
            .map(c => [c.id, c]),
    );
    const byCustomer = new Map<string, number[]>();
    const others: number[] = [];
    diff.changes.forEach((change, i) => {
        const customer = change.customer !== null ? customers.get(change.customer) : undefined;
        if (change.element === 'member' || change.element === 'competitor' || !customer) {
            others.push(i);
            return;
        }
        const list = byCustomer.get(customer.id);
        if (list) list.push(i);
        else byCustomer.set(customer.id, [i]);
    });
    const result: CustomerChanges[] = [];
    for (const [id, indexes] of byCustomer) {
        const customer = customers.get(id)!;
        const changes = indexes.map(i => diff.changes[i]!);
        const contactIds = new Set(customer.contacts.map(c => c.id));
        const key = (contact: string): SubjectKey => SubjectKeys.contact(id, contact);
        // the marks every map of the customer shows: the people's own changes
        const personal = new Map<SubjectKey, string[]>();
        const removed: string[] = [];
        for (const change of changes) {
            if (change.element !== 'contact') continue;
            if (change.kind === 'removed') removed.push(change.id);
            else if (contactIds.has(change.id)) add(personal, key(change.id), contactMark(change));
        }
        const changedPeople = new Set(changes.filter(c => c.element === 'contact' && c.kind !== 'removed').map(c => c.id));
        const maps: ChangedMap[] = [];
        for (const opportunity of firstById(customer.opportunities)) {
            const own = changes.filter(c => c.element === 'opportunity' && c.id === opportunity.id);
            const touched = opportunity.decisionChain.some(e => changedPeople.has(e.contact));
            if (!own.length && !touched) continue;
            const marks = new Map<SubjectKey, string[]>();
            for (const [k, texts] of personal) for (const text of texts) add(marks, k, text);
            const leftChain: string[] = [];
            const chain = own.find(c => c.kind === 'changed' && c.field === 'decisionChain');
            if (chain) {
                const before = new Map(((chain.from ?? []) as Entry[]).map(e => [e.contact, e]));
                for (const entry of (chain.to ?? []) as Entry[]) {
                    if (!contactIds.has(entry.contact)) continue;
                    const was = before.get(entry.contact);
                    if (!was) {
                        // a person added with the entry is marked added, not joined
                        if (!(personal.get(key(entry.contact)) ?? []).includes(texts().t('view.changes.mark.added'))) {
                            add(marks, key(entry.contact), texts().t('view.changes.mark.joined'));
                        }
                        continue;
                    }
                    if (was.support !== entry.support) add(marks, key(entry.contact), supportMark(was.support, entry.support));
                    if (was.role !== entry.role) add(marks, key(entry.contact), roleMark(was.role, entry.role));
                }
                const now = new Set(((chain.to ?? []) as Entry[]).map(e => e.contact));
                for (const contact of before.keys()) if (!now.has(contact) && contactIds.has(contact)) leftChain.push(contact);
            }
            maps.push({ focus: { customer: id, opportunity: opportunity.id }, marks, leftChain });
        }
        // people changed in no deal's chain (a deal's map shows every contact of the customer): the customer's own power map
        if (!maps.length && (personal.size || removed.length || changes.some(c => c.element === 'customer' && c.kind === 'added'))) {
            maps.push({ focus: { customer: id, opportunity: null }, marks: new Map(personal), leftChain: [] });
        }
        result.push({ customer: id, name: customer.name, maps, removed, changes: indexes });
    }
    return { customers: result, others };
}

function add(marks: Map<SubjectKey, string[]>, key: SubjectKey, text: string): void {
    const list = marks.get(key);
    if (!list) marks.set(key, [text]);
    else if (!list.includes(text)) list.push(text);
}

function supportMark(from: Support, to: Support): string {
    return texts().t('view.changes.mark.support', { from: supportText(from), to: supportText(to) });
}

function roleName(role: Role | null): string {
    return role ? texts().name('roles', role) : '—';
}

function roleMark(from: Role | null, to: Role | null): string {
    return texts().t('view.changes.mark.role', { from: roleName(from), to: roleName(to) });
}

/** A contact's own change, as its card says it. */
export function contactMark(change: PlanChange): string {
    if (change.kind === 'added') return texts().t('view.changes.mark.added');
    if (change.field === 'support') return supportMark(change.from as Support, change.to as Support);
    if (change.field === 'role') return roleMark(change.from as Role | null, change.to as Role | null);
    if (change.field === 'intimacy') {
        return texts().t('view.changes.mark.intimacy', { from: intimacyText(change.from as number | null), to: intimacyText(change.to as number | null) });
    }
    return texts().t('view.changes.mark.field', { field: change.field ?? '' });
}
