/**
 * The parts of an element's key in the findings kept for reuse (element-findings.ts): an element's
 * text as a hash, values and competitors as a key reads them, and what an element shows the other
 * elements' checks (exportedFacts) — by which a round knows that a replaced element leaves the
 * others' keys as they were (sameFactsShown).
 */
import { isReference, type AstNode } from 'langium';
import type { Activity, Competitor, Contact, Customer, Opportunity } from '../generated/ast.js';

export type Element = Contact | Opportunity | Activity;

/** A contact, opportunity or activity of a customer: a unit whose findings can be reused. */
export function isElement(node: AstNode): node is Element {
    const type = node.$type;
    return (type === 'Contact' || type === 'Opportunity' || type === 'Activity') && node.$container?.$type === 'Customer';
}

export const LISTS = ['contacts', 'opportunities', 'activities'] as const;
export type ListName = (typeof LISTS)[number];

/**
 * The keys of one customer's elements in a round, with the elements they were worked out for, in
 * the customer's lists. In the next round, when each element of the customer is the same node or
 * shows the other elements the same facts (exportedFacts), every fact an element's key reads of
 * the others is the same: an untouched element's key is then the one it had, found without
 * reading the others again (keyOf).
 */
export interface CustomerKeys {
    customer: Customer;
    elements: Record<ListName, readonly Element[]>;
    /** Per list, by index: the element's text (textKeyOf) and column, and its whole key. */
    texts: Record<ListName, Array<string | undefined>>;
    columns: Record<ListName, Array<number | undefined>>;
    keys: Record<ListName, Array<string | undefined>>;
}

/** Past this many elements replaced, the keys are worked out afresh (comparing facts would cost more). */
const MAX_REPLACED = 16;

/** Identities of competitors as numbers: the same number, the same competitor (a check compares them by identity). */
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identityOf(node: object | undefined): number {
    if (!node) return 0;
    let id = identities.get(node);
    if (id === undefined) identities.set(node, (id = nextIdentity++));
    return id;
}

/**
 * Whether `customer`'s elements show each other the facts the elements of `then` did: the same
 * number of each kind, each the same node or (at most MAX_REPLACED of them) one whose
 * exportedFacts are those of the element it replaced.
 */
export function sameFactsShown(then: CustomerKeys, customer: Customer): boolean {
    let replaced = 0;
    for (const list of LISTS) {
        const before = then.elements[list];
        const now = customer[list] as readonly Element[];
        if (before.length !== now.length) return false;
        for (let i = 0; i < now.length; i++) {
            if (before[i] === now[i]) continue;
            if (++replaced > MAX_REPLACED || exportedFacts(before[i]!) !== exportedFacts(now[i]!)) return false;
        }
    }
    return true;
}

/**
 * What an element shows the other elements' checks: everything written in it (references by
 * their text, which names the same node while the elements keep their names and order), but a
 * contact's intimacy, which only the contact's own checks read (contact-checks.ts,
 * ids-and-ranges.ts). Whatever a key (factsOf) reads of another element is in here.
 */
export function exportedFacts(element: Element): string {
    return writtenOut(element, element.$type === 'Contact' ? PRIVATE_OF_CONTACT : undefined);
}

const PRIVATE_OF_CONTACT = new Set(['intimacy']);

function writtenOut(value: unknown, left?: ReadonlySet<string>): string {
    if (value === undefined) return '!';
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map(item => writtenOut(item)).join(',')}]`;
    if (isReference(value)) return `&${JSON.stringify(value.$refText)}`;
    const node = value as Record<string, unknown>;
    const properties = Object.keys(node)
        .filter(property => !property.startsWith('$') && !left?.has(property))
        .sort();
    return `{${typeof node.$type === 'string' ? node.$type : ''}${properties.map(property => `${property}=${writtenOut(node[property])}`).join(';')}}`;
}

/** A value in a key: its length, then itself (no text can pass for two values). */
export function said(value: string | undefined): string {
    return value === undefined ? '!' : `${value.length}:${value}`;
}

/** A competitor as a key reads it: which one (checks compare competitors by identity) and its name. */
export function competitorFacts(competitor: Competitor | undefined): string {
    return competitor ? `#${identityOf(competitor)}${said(competitor.displayName)}` : '-';
}

/**
 * An element's text as part of a key: its length and two 32-bit hashes of it. Worked out once per
 * element (an element an edit did not touch keeps its node, and so its text).
 */
const textKeys = new WeakMap<AstNode, { length: number; key: string }>();
export function textKeyOf(element: Element): string {
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
