/**
 * The findings of a customer's elements (contacts, opportunities, activities) that an edit did
 * not touch are reused, not made again: on a 10k-line plan an edit changes one element, and
 * re-running every check of the customer made half of the edit's cost (issue 23).
 *
 * An element's checks read its own text and a few facts of other elements of its customer (the
 * customer index: the deals naming a contact, the activities with it, its reporting cycle; an
 * entry's contact; an influenced contact's deciding roles; a competitor's name). Its findings
 * are kept under a key made of all of these — the element's text from the start of its line,
 * its customer's id, and the facts below, read as the checks read them (text and facts as
 * fingerprints: a length or count and two 32-bit hashes) — and, per document, the
 * date, the language, the checks asked for and the policy's thresholds. Same key, same findings:
 * an element moved by whole lines gets them moved by as many lines. The customer's own checks and
 * the workspace's run every time (they read every element).
 *
 * A check on an element that starts reading something else of the plan adds it to the facts
 * here (`test/unit/element-findings.test.ts` compares random edit sequences with full builds).
 */
import type { AstNode, LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Activity, Competitor, Contact, Customer, Opportunity } from '../generated/ast.js';
import { effectiveRole, supportOf } from '../ast/ast-rules.js';
import type { CustomerIndex } from './customer-index.js';
import type { FindingData } from './finding-data.js';
import { NAMED_IN_CYCLE } from './checks/contact-checks.js';

export type Element = Contact | Opportunity | Activity;

/** A contact, opportunity or activity of a customer: a unit whose findings can be reused. */
export function isElement(node: AstNode): node is Element {
    const type = node.$type;
    return (type === 'Contact' || type === 'Opportunity' || type === 'Activity') && node.$container?.$type === 'Customer';
}

interface Kept {
    /** The element's first line when its findings were made. */
    line: number;
    found: Diagnostic[];
}

/** One document's kept findings: what they hold for (date, language, checks, thresholds), by element key. */
interface DocumentKept {
    context: string;
    elements: Map<string, Kept> | undefined;
}

/** Identities of competitors as numbers: the same number, the same competitor (a check compares them by identity). */
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identityOf(node: object | undefined): number {
    if (!node) return 0;
    let id = identities.get(node);
    if (id === undefined) identities.set(node, (id = nextIdentity++));
    return id;
}

export class ElementFindings {
    private readonly kept = new WeakMap<LangiumDocument, DocumentKept>();
    /** The facts and key of each element (and the facts of each contact) at its last round, made again only when they changed. */
    private readonly memos: Memos = { keys: new WeakMap(), entries: new WeakMap(), activities: new WeakMap() };

    constructor(private readonly index: CustomerIndex) {}

    /**
     * Starts a validation of `document` whose checks' findings hold for `context`. Undefined at a
     * document's first validation (the CLI checks each document once: it pays nothing for reuse);
     * from the second on, a round that reuses the kept findings and keeps the new ones (commit).
     */
    begin(document: LangiumDocument, context: string): ReuseRound | undefined {
        const kept = this.kept.get(document);
        if (!kept) {
            this.kept.set(document, { context, elements: undefined });
            return undefined;
        }
        const previous = kept.context === context ? kept.elements : undefined;
        return new ReuseRound(this.index, previous, this.memos, elements => this.kept.set(document, { context, elements }));
    }

    /** Forgets what `document` kept (its findings are made afresh at its next validation, then kept). */
    forget(document: LangiumDocument): void {
        this.kept.delete(document);
    }
}

/** An element's key at its last round, and what it was made of. */
interface KeyMemo {
    text: string;
    column: number;
    customer: string;
    facts: Facts;
    key: string;
}

interface Memos {
    keys: WeakMap<Element, KeyMemo>;
    /** By contact: what a decision-chain entry takes from it; the activities with it. */
    entries: WeakMap<Contact, Facts>;
    activities: WeakMap<Contact, Facts>;
}

export class ReuseRound {
    private readonly next = new Map<string, Kept>();
    /** The element whose key was made last, and its first line (read once: a range is worked out from the text). */
    private lastElement: Element | undefined;
    private lastLine = 0;

    constructor(
        private readonly index: CustomerIndex,
        private readonly previous: Map<string, Kept> | undefined,
        private readonly memos: Memos,
        private readonly done: (elements: Map<string, Kept>) => void,
    ) {}

    /**
     * The key of an element's findings; undefined when it has no syntax (not kept). The same
     * string as at the element's last round when its text, column, customer and facts are the
     * same (the map of kept findings has its hash already).
     */
    keyOf(element: Element): string | undefined {
        const cst = element.$cstNode;
        if (!cst) return undefined;
        const customer = (element.$container as Customer).name;
        const start = cst.range.start;
        this.lastElement = element;
        this.lastLine = start.line;
        const text = textKeyOf(element);
        const facts = this.factsOf(element);
        const memo = this.memos.keys.get(element);
        if (memo && memo.facts === facts && memo.text === text && memo.column === start.character && memo.customer === customer) return memo.key;
        const key = `${text}:${start.character}\u0000${customer}\u0000${facts.digest()}`;
        this.memos.keys.set(element, { text, column: start.character, customer, facts, key });
        return key;
    }

    /** The kept findings for `key`, placed at `element`'s line; undefined when none are kept. */
    take(key: string, element: Element): Diagnostic[] | undefined {
        const kept = this.previous?.get(key) ?? this.next.get(key);
        if (!kept) return undefined;
        const line = this.lineOf(element);
        const moved = line === kept.line ? kept : { line, found: kept.found.map(d => movedBy(d, line - kept.line)) };
        this.next.set(key, moved);
        return moved.found;
    }

    /** Keeps the findings just made for `element` (a finding without a code, a check that failed, is never kept). */
    keep(key: string, element: Element, found: Diagnostic[]): void {
        if (found.some(d => d.code === undefined)) return;
        this.next.set(key, { line: this.lineOf(element), found });
    }

    /** The round is over: what it used and made is what the document keeps. */
    commit(): void {
        this.done(this.next);
    }

    private lineOf(element: Element): number {
        return element === this.lastElement ? this.lastLine : element.$cstNode!.range.start.line;
    }

    /** What the element's checks read of other elements (and of competitors): the last round's object when the same. */
    private readonly noFacts = new Facts();
    private factsOf(element: Element): Facts {
        const memo = this.memos.keys.get(element);
        switch (element.$type) {
            case 'Contact':
                return this.contactFacts(element).settle(memo?.facts);
            case 'Opportunity':
                return this.opportunityFacts(element).settle(memo?.facts);
            default:
                return memo?.facts.values.length === 0 ? memo.facts : this.noFacts;
        }
    }

    /** contact-checks.ts (cycle, recent contact) and relationship-checks.ts (opposed influence). */
    private contactFacts(contact: Contact): Facts {
        const facts = new Facts();
        const cycle = this.index.cycleOf(contact);
        if (cycle) {
            const start = cycle.position.get(contact)!;
            const length = cycle.members.length;
            facts.add(CYCLE, length);
            for (let i = 0; i < Math.min(length, NAMED_IN_CYCLE); i++) facts.add(cycle.members[(start + i) % length]!.name);
        }
        const deals = this.index.activeDealsOf(contact);
        facts.add(DEALS, deals.length);
        for (const deal of deals) facts.add(deal.name);
        if (deals.length > 0) facts.add(this.activitiesFacts(contact));
        if (supportOf(contact.support) === -1) {
            facts.add(INFLUENCES, contact.influences.length);
            for (const reference of contact.influences) {
                const influenced = reference.ref;
                if (!influenced) facts.add(NONE);
                else if (influenced === contact) facts.add(SELF);
                else {
                    facts.add(OTHER, influenced.name, influenced.displayName);
                    for (const deal of this.index.activeDealsOf(influenced)) {
                        for (const entry of deal.decisionChain?.entries ?? []) {
                            if (entry.contact.ref === influenced) facts.add(ENTRY, effectiveRole(entry), deal.name);
                        }
                    }
                    facts.add(END);
                }
            }
        }
        return facts;
    }

    /** opportunity-checks.ts and relationship-checks.ts on the deal and its decision chain: what each entry takes from its contact. */
    private opportunityFacts(opportunity: Opportunity): Facts {
        const facts = new Facts().add(COMPETITORS, opportunity.competitors.length);
        for (const reference of opportunity.competitors) competitorFacts(facts, reference.ref);
        for (const entry of opportunity.decisionChain?.entries ?? []) {
            const contact = entry.contact.ref;
            facts.add(contact ? this.entryFacts(contact) : NONE);
        }
        return facts;
    }

    /** What a decision-chain entry's checks take from its contact (once per contact and round). */
    private readonly entryFactsOf = new Map<Contact, Facts>();
    private entryFacts(contact: Contact): Facts {
        let facts = this.entryFactsOf.get(contact);
        if (facts === undefined) {
            facts = new Facts().add(
                contact.name,
                contact.displayName,
                contact.role,
                supportOf(contact.support),
                contact.kpis.length > 0,
                contact.pains.length > 0,
                contact.owner !== undefined,
                contact.lastContact,
                contact.competitorSupport.length,
            );
            for (const line of contact.competitorSupport) competitorFacts(facts, line.competitor?.ref).add(supportOf(line.support));
            facts.add(this.activitiesFacts(contact));
            facts = facts.settle(this.memos.entries.get(contact));
            this.memos.entries.set(contact, facts);
            this.entryFactsOf.set(contact, facts);
        }
        return facts;
    }

    /** The activities with a contact, as its checks and its entries' read them (once per contact and round). */
    private readonly activitiesFactsOf = new Map<Contact, Facts>();
    private activitiesFacts(contact: Contact): Facts {
        let facts = this.activitiesFactsOf.get(contact);
        if (facts === undefined) {
            const activities = this.index.activitiesWith(contact);
            facts = new Facts().add(activities.length);
            for (const a of activities) facts.add(a.name, a.kind, a.status, a.date);
            facts = facts.settle(this.memos.activities.get(contact));
            this.memos.activities.set(contact, facts);
            this.activitiesFactsOf.set(contact, facts);
        }
        return facts;
    }
}

/** Marks that tell the pieces of the facts apart (as the letters of a written-out key would). */
class Mark {
    constructor(readonly code: number) {}
}
const CYCLE = new Mark(1);
const DEALS = new Mark(2);
const INFLUENCES = new Mark(3);
const NONE = new Mark(4);
const SELF = new Mark(5);
const OTHER = new Mark(6);
const ENTRY = new Mark(7);
const END = new Mark(8);
const COMPETITORS = new Mark(9);
const COMPETITOR = new Mark(10);

type Fact = string | number | boolean | null | undefined | Mark | Competitor | Facts;

/**
 * The facts an element's checks read, as the list of values read, in order (names, numbers,
 * marks, the competitors, the facts of a contact). Compared value by value with the list of the
 * element's last round: when equal, that round's object (and key) stands (`settle`). Only a
 * new list is written into a key (`digest`): two 32-bit hashes of different mixing of its values
 * (each string with its length first: no text can pass for two) and their count, as the
 * element's text is in its key (`textKeyOf`). Written out as text at every edit, the facts of a
 * 10k-line customer were half of the time of an edit's validation (issue 23).
 */
class Facts {
    readonly values: Fact[] = [];
    private hashes: [number, number, number] | undefined;

    add(...values: Fact[]): this {
        for (const value of values) this.values.push(value);
        return this;
    }

    /** `last` when it holds the same values (it then stands for these facts), else this. */
    settle(last: Facts | undefined): Facts {
        if (!last || last.values.length !== this.values.length) return this;
        for (let i = 0; i < this.values.length; i++) if (last.values[i] !== this.values[i]) return this;
        return last;
    }

    digest(): string {
        const [a, b, fed] = this.hashed();
        return `${a}.${b}.${fed}`;
    }

    private hashed(): [number, number, number] {
        if (this.hashes) return this.hashes;
        const hash = new TwoHashes();
        for (const value of this.values) {
            if (typeof value === 'string') hash.said(value);
            else if (typeof value === 'number')
                hash.mix(1)
                    .mix(value | 0)
                    .mix((value / 0x1_0000_0000) | 0);
            else if (typeof value === 'boolean') hash.mix(value ? 2 : 3);
            else if (value === undefined) hash.mix(4);
            else if (value === null) hash.mix(5);
            else if (value instanceof Mark) hash.mix(6).mix(value.code);
            else if (value instanceof Facts) {
                const [a, b, fed] = value.hashed();
                hash.mix(7).mix(a).mix(b).mix(fed);
            } else hash.mix(8).mix(identityOf(value));
        }
        return (this.hashes = [hash.a | 0, hash.b | 0, hash.fed]);
    }
}

/** Two 32-bit hashes of different mixing, and how many values they took. */
class TwoHashes {
    a = 0x811c9dc5;
    b = 0x9e3779b9;
    fed = 0;

    said(value: string): void {
        this.mix(9).mix(value.length);
        for (let i = 0; i < value.length; i++) this.mix(value.charCodeAt(i));
    }

    mix(c: number): this {
        this.a = Math.imul(this.a ^ c, 0x01000193);
        let b = Math.imul(this.b ^ c, 0x5bd1e995);
        b ^= b >>> 15;
        this.b = b;
        this.fed++;
        return this;
    }
}

/** A competitor as a key reads it: which one (checks compare competitors by identity) and its name. */
function competitorFacts(facts: Facts, competitor: Competitor | undefined): Facts {
    return competitor ? facts.add(COMPETITOR, competitor, competitor.displayName) : facts.add(NONE);
}

/**
 * An element's text as part of a key: its length and two 32-bit hashes of it. Worked out once per
 * element (an element an edit did not touch keeps its node, and so its text).
 */
const textKeys = new WeakMap<AstNode, { length: number; key: string }>();
function textKeyOf(element: Element): string {
    const cst = element.$cstNode!;
    let known = textKeys.get(element);
    if (known === undefined || known.length !== cst.length) {
        const text = cst.text;
        let a = 0x811c9dc5;
        let b = 0x9e3779b9;
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            a = Math.imul(a ^ c, 0x01000193);
            b = Math.imul(b ^ c, 0x5bd1e995);
            b ^= b >>> 15;
        }
        known = { length: text.length, key: `${text.length}.${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}` };
        textKeys.set(element, known);
    }
    return known.key;
}

/** `diagnostic` moved by `lines` lines (its range and its quick fix's). */
function movedBy(diagnostic: Diagnostic, lines: number): Diagnostic {
    const range = movedRange(diagnostic.range, lines);
    const data = diagnostic.data as FindingData | undefined;
    return {
        ...diagnostic,
        range,
        ...(data?.fix ? { data: { ...data, fix: { ...data.fix, range: movedRange(data.fix.range, lines) } } } : {}),
    };
}

function movedRange(range: Diagnostic['range'], lines: number): Diagnostic['range'] {
    return {
        start: { line: range.start.line + lines, character: range.start.character },
        end: { line: range.end.line + lines, character: range.end.character },
    };
}
