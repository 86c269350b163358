/**
 * Facts about one customer that several checks ask for each contact: the active deals whose
 * power map names a contact, the activities with a contact, and the reporting cycles. Built once per customer and validation
 * run (scanning every chain for every contact was quadratic in the customer's size), and
 * forgotten before the next document is validated, since its links may have changed.
 */
import type { Activity, Contact, Customer, Opportunity } from '../generated/ast.js';
import { isActiveOpportunity } from '../ast/ast-rules.js';

export interface ReportingCycle {
    /** The contacts of the cycle, in reporting order. */
    members: Contact[];
    /** Where each member stands in `members`. */
    position: Map<Contact, number>;
}

/** Each found when first asked for (the date-driven checks ask for no reporting cycle). */
interface CustomerFacts {
    activeDeals?: Map<Contact, Opportunity[]>;
    activities?: Map<Contact, Activity[]>;
    cycles?: Map<Contact, ReportingCycle>;
}

/** The facts of the customers of one validation (CustomerIndex.keep). */
export type CustomerFactsStore = WeakMap<Customer, CustomerFacts>;

export class CustomerIndex {
    private facts: CustomerFactsStore = new WeakMap();

    /** The active opportunities whose decision chain names `contact`, in declaration order. */
    activeDealsOf(contact: Contact): readonly Opportunity[] {
        const facts = this.of(contact.$container);
        return (facts.activeDeals ??= activeDealsByContact(contact.$container)).get(contact) ?? [];
    }

    /** The activities `with` the contact, in declaration order. */
    activitiesWith(contact: Contact): readonly Activity[] {
        const facts = this.of(contact.$container);
        return (facts.activities ??= activitiesByContact(contact.$container)).get(contact) ?? [];
    }

    /** The reporting cycle `contact` is on, if any. */
    cycleOf(contact: Contact): ReportingCycle | undefined {
        const facts = this.of(contact.$container);
        return (facts.cycles ??= reportingCycles(contact.$container)).get(contact);
    }

    reset(): void {
        this.facts = new WeakMap();
    }

    /**
     * Until the next reset, the facts are those of `store`, found again only where it has none:
     * `acct history`'s date re-check of a document whose text and links have not changed since
     * the validation that `store` belongs to (its customers' deals and activities are not walked
     * again at every new day).
     */
    use(store: CustomerFactsStore): void {
        this.facts = store;
    }

    private of(customer: Customer): CustomerFacts {
        let facts = this.facts.get(customer);
        if (!facts) this.facts.set(customer, (facts = {}));
        return facts;
    }
}

function activeDealsByContact(customer: Customer): Map<Contact, Opportunity[]> {
    const byContact = new Map<Contact, Opportunity[]>();
    for (const opportunity of customer.opportunities) {
        if (!isActiveOpportunity(opportunity)) continue;
        for (const entry of opportunity.decisionChain?.entries ?? []) {
            const named = entry.contact.ref;
            if (!named) continue;
            const deals = byContact.get(named);
            if (!deals) byContact.set(named, [opportunity]);
            else if (deals[deals.length - 1] !== opportunity) deals.push(opportunity);
        }
    }
    return byContact;
}

function activitiesByContact(customer: Customer): Map<Contact, Activity[]> {
    const byContact = new Map<Contact, Activity[]>();
    for (const activity of customer.activities) {
        for (const reference of activity.with) {
            const contact = reference.ref;
            if (!contact) continue;
            const list = byContact.get(contact);
            if (!list) byContact.set(contact, [activity]);
            else if (list[list.length - 1] !== activity) list.push(activity);
        }
    }
    return byContact;
}

/** Every `reports-to` cycle, in one pass: each contact has at most one manager. */
function reportingCycles(customer: Customer): Map<Contact, ReportingCycle> {
    const cycles = new Map<Contact, ReportingCycle>();
    const walkOf = new Map<Contact, number>();
    customer.contacts.forEach((start, walk) => {
        const path: Contact[] = [];
        let current: Contact | undefined = start;
        while (current && !walkOf.has(current)) {
            walkOf.set(current, walk);
            path.push(current);
            current = current.reportsTo?.ref;
        }
        // A cycle is closed only when this walk meets itself; meeting an earlier walk is not one.
        if (!current || walkOf.get(current) !== walk) return;
        const members = path.slice(path.indexOf(current));
        const cycle: ReportingCycle = { members, position: new Map(members.map((m, i) => [m, i])) };
        for (const member of members) cycles.set(member, cycle);
    });
    return cycles;
}
