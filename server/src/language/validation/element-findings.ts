/**
 * The findings of a customer's elements (contacts, opportunities, activities) that an edit did
 * not touch are reused, not made again: on a 10k-line plan an edit changes one element, and
 * re-running every check of the customer made half of the edit's cost (issue 23).
 *
 * An element's checks read its own text and a few facts of other elements of its customer (the
 * customer index: the deals naming a contact, the activities with it, its reporting cycle; an
 * entry's contact; an influenced contact's deciding roles; a competitor's name). Its findings
 * are kept under a key made of all of these — the element's text from the start of its line,
 * its customer's id, and the facts below, read as the checks read them — and, per document, the
 * language, the checks asked for and the policy's thresholds. Same key, same findings: an element
 * moved by whole lines gets them moved by as many lines. On another day than they were made, the
 * findings of the checks that do not read today are reused and only those that read today
 * (checks/date-driven.ts) run again (element-walk.ts): the editor goes past midnight. (`acct
 * history` does not reuse: its edits change what the elements show each other too often for the
 * keys to pay, history-engine.ts.) The customer's own checks and
 * the workspace's run every time (they read every element).
 *
 * Working the keys out reads every element's facts at every edit. When the elements an edit
 * replaced show the others the same facts (exportedFacts: all that is written in them but a
 * contact's intimacy) and no other document changed since, an untouched element keeps last
 * round's key without reading the others again (CustomerKeys).
 *
 * A check on an element that starts reading something else of the plan adds it to the facts
 * here (`test/unit/element-findings.test.ts` compares random edit sequences with full builds).
 */
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Contact, Customer, Opportunity } from '../generated/ast.js';
import { effectiveRole, supportOf } from '../ast/ast-rules.js';
import type { CustomerIndex } from './customer-index.js';
import { movedBy } from './finding-diagnostics.js';
import { NAMED_IN_CYCLE } from './checks/contact-checks.js';
import { DATE_DRIVEN_CODES } from './checks/date-driven.js';
import { competitorFacts, sameFactsShown, said, textKeyOf, type CustomerKeys, type Element, type ListName } from './element-key-parts.js';

export { isElement, type Element } from './element-key-parts.js';

export interface Kept {
    /** The element's first line when its findings were made. */
    line: number;
    found: Diagnostic[];
    /** The day (today) they were made on. */
    today: string;
    /**
     * Where the findings of the checks that read today are among them (element-walk.ts): per run of
     * such a check, four numbers — the index of its first finding in `found`, how many it made, the
     * node (its index in the element's nodes, nodesBelow) and the check (its index in the node's
     * checks). Null: not to be reused on another day.
     */
    marks: readonly number[] | null;
}

/** One document's kept findings: what they hold for (language, checks, thresholds), by element key. */
interface DocumentKept {
    context: string;
    elements: Map<string, Kept> | undefined;
    /** Stand-ins of long pieces of keys (ReuseRound.interned). */
    names: Map<string, string>;
    /** The keys of the round that kept these findings, per customer name (ReuseRound.commit). */
    customers: Map<string, CustomerKeys[]> | undefined;
    /** How many changes of other documents there had been then (AcctDocumentBuilder.otherChanges). */
    stamp: number;
}

export class ElementFindings {
    private readonly kept = new WeakMap<LangiumDocument, DocumentKept>();
    /** The next stand-in's number: never given twice, so that a stand-in never means two texts. */
    private readonly nextName = { value: 1 };

    constructor(private readonly index: CustomerIndex) {}

    /**
     * Starts a validation of `document` whose checks' findings hold for `context`. Undefined at a
     * document's first validation (most documents are never edited: they pay nothing for reuse);
     * from the second on, a round that reuses the kept findings and keeps the new ones (commit).
     */
    begin(document: LangiumDocument, context: string, today: string, stamp = 0): ReuseRound | undefined {
        const kept = this.kept.get(document);
        if (!kept) {
            this.kept.set(document, { context, elements: undefined, names: new Map(), customers: undefined, stamp });
            return undefined;
        }
        const previous = kept.context === context ? kept.elements : undefined;
        // the last round's keys stand only if nothing the keys read changed elsewhere: same context, no other document changed
        const customers = previous && kept.stamp === stamp ? kept.customers : undefined;
        const done = (elements: Map<string, Kept>, names: Map<string, string>, keys: Map<string, CustomerKeys[]>) =>
            this.kept.set(document, { context, elements, names, customers: keys, stamp });
        return new ReuseRound(this.index, today, previous, kept.names, this.nextName, done, customers);
    }

    /** Forgets what `document` kept (its findings are made afresh at its next validation, then kept). */
    forget(document: LangiumDocument): void {
        this.kept.delete(document);
    }
}

export class ReuseRound {
    private readonly next = new Map<string, Kept>();
    /** The stand-ins of this round (interned), kept for the next. */
    readonly namesUsed = new Map<string, string>();
    /** The keys of this round, per customer (kept for the next). */
    private readonly keysNow = new Map<Customer, CustomerKeys>();
    /** Per customer of this round: the last round's keys that stand for it (null: none). */
    private readonly standing = new Map<Customer, CustomerKeys | null>();

    constructor(
        private readonly index: CustomerIndex,
        /** The day the findings are made for. */
        readonly today: string,
        private readonly previous: Map<string, Kept> | undefined,
        private readonly names: Map<string, string>,
        private readonly nextName: { value: number },
        private readonly done: (elements: Map<string, Kept>, names: Map<string, string>, customers: Map<string, CustomerKeys[]>) => void,
        private readonly lastKeys?: Map<string, CustomerKeys[]>,
    ) {}

    /** The key of an element's findings; undefined when it has no syntax (not kept). */
    keyOf(element: Element): string | undefined {
        const cst = element.$cstNode;
        if (!cst) return undefined;
        const customer = element.$container as Customer;
        const text = textKeyOf(element);
        const column = cst.range.start.character;
        const list = element.$containerProperty as ListName;
        const index = element.$containerIndex ?? -1;
        const last = this.standingFor(customer);
        // an untouched element (the same node, text and column) among elements that show it the same facts: its last key
        let key =
            last && last.elements[list]?.[index] === element && last.texts[list][index] === text && last.columns[list][index] === column
                ? last.keys[list][index]
                : undefined;
        key ??= `${text}:${column}\u0000${customer.name}\u0000${this.factsOf(element)}`;
        const now = this.keysOf(customer);
        if (now.elements[list]?.[index] === element) {
            now.texts[list][index] = text;
            now.columns[list][index] = column;
            now.keys[list][index] = key;
        }
        return key;
    }

    /** This round's keys of `customer` (filled in by keyOf). */
    private keysOf(customer: Customer): CustomerKeys {
        let now = this.keysNow.get(customer);
        if (!now) {
            now = {
                customer,
                elements: { contacts: customer.contacts.slice(), opportunities: customer.opportunities.slice(), activities: customer.activities.slice() },
                texts: { contacts: [], opportunities: [], activities: [] },
                columns: { contacts: [], opportunities: [], activities: [] },
                keys: { contacts: [], opportunities: [], activities: [] },
            };
            this.keysNow.set(customer, now);
        }
        return now;
    }

    /**
     * The last round's keys of the customer `customer` was copied from, when they stand: the
     * customer has the same name (one customer of that name then and now), and the same number of
     * each kind of element, each the same node as then or, for a few, one that shows the other
     * elements the same facts (exportedFacts) as the one it replaced. Another document changed
     * since, or the date, the language or the policy: none stand (begin).
     */
    private standingFor(customer: Customer): CustomerKeys | undefined {
        if (!this.lastKeys) return undefined;
        let last = this.standing.get(customer);
        if (last === undefined) {
            last = null;
            const candidates = this.lastKeys.get(customer.name);
            const then = candidates?.length === 1 ? candidates[0]! : undefined;
            if (then && then.customer !== customer && sameFactsShown(then, customer)) last = then;
            this.standing.set(customer, last);
        }
        return last ?? undefined;
    }

    /** The kept findings for `key` made today, placed at `element`'s line; undefined when none are kept. */
    take(key: string, element: Element): Diagnostic[] | undefined {
        const kept = this.kept(key);
        if (!kept || kept.today !== this.today) return undefined;
        const line = element.$cstNode!.range.start.line;
        const moved = line === kept.line ? kept : { ...kept, line, found: kept.found.map(d => movedBy(d, line - kept.line)) };
        this.next.set(key, moved);
        return moved.found;
    }

    /** The findings kept for `key` on another day, to be made today by running again the checks that read today (element-walk.ts). */
    madeOnAnotherDay(key: string): Kept | undefined {
        const kept = this.kept(key);
        return kept && kept.today !== this.today && kept.marks ? kept : undefined;
    }

    private kept(key: string): Kept | undefined {
        return this.previous?.get(key) ?? this.next.get(key);
    }

    /**
     * Keeps the findings just made today for `element`, with where the findings of the checks that
     * read today are (Kept.marks). A finding without a code (a check that failed) is never kept; a
     * finding of a code that reads today made by another check, not on another day.
     */
    keep(key: string, element: Element, found: Diagnostic[], marks: readonly number[] | null): void {
        if (found.some(d => d.code === undefined)) return;
        this.next.set(key, {
            line: element.$cstNode!.range.start.line,
            found,
            today: this.today,
            marks: marks && steadyElsewhere(found, marks) ? marks : null,
        });
    }

    /** The round is over: what it used and made is what the document keeps. */
    commit(): void {
        const customers = new Map<string, CustomerKeys[]>();
        for (const keys of this.keysNow.values()) {
            const same = customers.get(keys.customer.name);
            if (same) same.push(keys);
            else customers.set(keys.customer.name, [keys]);
        }
        this.done(this.next, this.namesUsed, customers);
    }

    /**
     * A short stand-in for a long piece of a key (the same text, the same stand-in, while the
     * document is validated again and again): keys stay short to compare.
     */
    private interned(facts: string): string {
        let id = this.names.get(facts);
        if (id === undefined) {
            id = `@${this.nextName.value++}`;
            this.names.set(facts, id);
        }
        this.namesUsed.set(facts, id);
        return id;
    }

    /** What the element's checks read of other elements (and of competitors), as text. */
    private factsOf(element: Element): string {
        switch (element.$type) {
            case 'Contact':
                return this.contactFacts(element);
            case 'Opportunity':
                return this.opportunityFacts(element);
            default:
                return '';
        }
    }

    /** contact-checks.ts (cycle, recent contact) and relationship-checks.ts (opposed influence). */
    private contactFacts(contact: Contact): string {
        let facts = '';
        const cycle = this.index.cycleOf(contact);
        if (cycle) {
            const start = cycle.position.get(contact)!;
            const length = cycle.members.length;
            facts += `c${length}`;
            for (let i = 0; i < Math.min(length, NAMED_IN_CYCLE); i++) facts += said(cycle.members[(start + i) % length]!.name);
        }
        const deals = this.index.activeDealsOf(contact);
        facts += `d${deals.length}`;
        for (const deal of deals) facts += said(deal.name);
        if (deals.length > 0) facts += this.activitiesFacts(contact);
        if (supportOf(contact.support) === -1) {
            facts += `i${contact.influences.length}`;
            for (const reference of contact.influences) {
                const influenced = reference.ref;
                if (!influenced) facts += '-';
                else if (influenced === contact) facts += '=';
                else {
                    facts += said(influenced.name) + said(influenced.displayName);
                    for (const deal of this.index.activeDealsOf(influenced)) {
                        for (const entry of deal.decisionChain?.entries ?? []) {
                            if (entry.contact.ref === influenced) facts += said(effectiveRole(entry)) + said(deal.name);
                        }
                    }
                    facts += ';';
                }
            }
        }
        return facts;
    }

    /** opportunity-checks.ts and relationship-checks.ts on the deal and its decision chain: what each entry takes from its contact. */
    private opportunityFacts(opportunity: Opportunity): string {
        let facts = `k${opportunity.competitors.length}`;
        for (const reference of opportunity.competitors) facts += competitorFacts(reference.ref);
        for (const entry of opportunity.decisionChain?.entries ?? []) {
            const contact = entry.contact.ref;
            facts += contact ? this.entryFacts(contact) : '-';
        }
        return facts;
    }

    /** What a decision-chain entry's checks take from its contact (once per contact and round). */
    private readonly entryFactsOf = new Map<Contact, string>();
    private entryFacts(contact: Contact): string {
        let facts = this.entryFactsOf.get(contact);
        if (facts === undefined) {
            facts =
                '[' +
                said(contact.name) +
                said(contact.displayName) +
                said(contact.role) +
                said(String(supportOf(contact.support))) +
                (contact.kpis.length > 0 ? 'K' : 'k') +
                (contact.pains.length > 0 ? 'P' : 'p') +
                (contact.owner !== undefined ? 'O' : 'o') +
                said(contact.lastContact) +
                `s${contact.competitorSupport.length}`;
            for (const line of contact.competitorSupport) facts += competitorFacts(line.competitor?.ref) + said(String(supportOf(line.support)));
            facts = this.interned(facts + this.activitiesFacts(contact) + ']');
            this.entryFactsOf.set(contact, facts);
        }
        return facts;
    }

    /** The activities with a contact, as its checks and its entries' read them (once per contact and round). */
    private readonly activitiesFactsOf = new Map<Contact, string>();
    private activitiesFacts(contact: Contact): string {
        let facts = this.activitiesFactsOf.get(contact);
        if (facts === undefined) {
            const activities = this.index.activitiesWith(contact);
            facts = `a${activities.length}`;
            for (const a of activities) facts += said(a.name) + said(a.kind) + said(a.status) + said(a.date);
            facts = this.interned(facts);
            this.activitiesFactsOf.set(contact, facts);
        }
        return facts;
    }
}

/** Whether no finding of `found` outside the marked ones has a code that reads today. */
function steadyElsewhere(found: readonly Diagnostic[], marks: readonly number[]): boolean {
    let next = 0;
    for (let i = 0; i < found.length; i++) {
        while (next < marks.length && marks[next]! + marks[next + 1]! <= i) next += 4;
        if (next < marks.length && marks[next]! <= i) continue;
        if (DATE_DRIVEN_CODES.has(String(found[i]!.code))) return false;
    }
    return true;
}
