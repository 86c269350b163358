/** The plan element an AST node belongs to, as a subject key of the plan contract. */
import type { AstNode } from 'langium';
import { SubjectKeys, type SubjectKey } from '../../contract/subject-key.js';
import { isCustomer, isPolicy, type Customer, type Workspace } from '../generated/ast.js';

/** The nearest enclosing member, competitor, customer, contact, opportunity or activity. */
export function subjectOf(node: AstNode): SubjectKey | undefined {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        const name = (current as { name?: string }).name ?? '';
        switch (current.$type) {
            case 'Member':
            case 'Competitor':
            case 'Customer':
            case 'Contact':
            case 'Opportunity':
            case 'Activity':
                return keyOf(current, name);
        }
    }
    return undefined;
}

/**
 * The last key made, with what it was made of: the findings of one element, or of one id declared
 * again and again, share one key text (a megabyte of duplicate ids made 80,000 copies of `member:a`).
 */
const lastKey = { type: '', customer: '', name: '', key: '' as SubjectKey };

function keyOf(element: AstNode, name: string): SubjectKey {
    const type = element.$type;
    const local = type === 'Contact' || type === 'Opportunity' || type === 'Activity';
    const customer = local ? (element.$container as Customer).name : '';
    if (lastKey.type === type && lastKey.name === name && lastKey.customer === customer) return lastKey.key;
    const key =
        type === 'Member'
            ? SubjectKeys.member(name)
            : type === 'Competitor'
              ? SubjectKeys.competitor(name)
              : type === 'Customer'
                ? SubjectKeys.customer(name)
                : type === 'Contact'
                  ? SubjectKeys.contact(customer, name)
                  : type === 'Opportunity'
                    ? SubjectKeys.opportunity(customer, name)
                    : SubjectKeys.activity(customer, name);
    lastKey.type = type;
    lastKey.customer = customer;
    lastKey.name = name;
    lastKey.key = key;
    return key;
}

/** A declaration's span in its document (offsets), with its key; children for a customer. */
interface Span {
    start: number;
    end: number;
    key: SubjectKey;
    children: Span[];
}

/** The children of a declaration that has none (every one but a customer): one list for all. */
const NO_CHILDREN: Span[] = Object.freeze([]) as unknown as Span[];

function spanOf(node: AstNode, children: Span[] = NO_CHILDREN): Span | undefined {
    const cst = node.$cstNode;
    const key = subjectOf(node);
    return cst && key ? { start: cst.offset, end: cst.end, key, children } : undefined;
}

/** A customer's contacts, opportunities and activities, in text order. */
function childSpans(customer: Customer): Span[] {
    if (customer.contacts.length + customer.opportunities.length + customer.activities.length === 0) return NO_CHILDREN;
    return [...customer.contacts, ...customer.opportunities, ...customer.activities]
        .map(node => spanOf(node))
        .filter((s): s is Span => s !== undefined)
        .sort((a, b) => a.start - b.start);
}

function declarationSpans(root: Workspace): Span[] {
    const spans: Span[] = [];
    {
        for (const declaration of root.declarations ?? []) {
            if (isPolicy(declaration)) continue;
            const span = spanOf(declaration, isCustomer(declaration) ? childSpans(declaration) : NO_CHILDREN);
            if (span) spans.push(span);
        }
        spans.sort((a, b) => a.start - b.start);
    }
    return spans;
}

/** The span among `spans` (sorted, not overlapping) that holds `offset`. */
function holding(spans: readonly Span[], offset: number): Span | undefined {
    let [low, high] = [0, spans.length - 1];
    while (low <= high) {
        const middle = (low + high) >> 1;
        const span = spans[middle]!;
        if (offset < span.start) high = middle - 1;
        else if (offset >= span.end) low = middle + 1;
        else return span;
    }
    return undefined;
}

/**
 * For one parsed file: the key of the innermost declaration (member, competitor, customer,
 * contact, opportunity, activity) whose text holds an offset, or null (the `policy` block, text
 * outside any declaration) — a finding's `subject` in the export (contract 7.3).
 */
export function subjectsByOffset(root: Workspace): (offset: number) => SubjectKey | null {
    // found when first asked: a file without findings (most of a clean workspace) needs none of them
    let at: ((offset: number) => SubjectKey | null) | undefined;
    return offset => (at ??= declarationsAt(root) ?? spansAt(root))(offset);
}

/** The lookup through every declaration's span, sorted (declarations written out of order or overlapping). */
function spansAt(root: Workspace): (offset: number) => SubjectKey | null {
    const spans = declarationSpans(root);
    return offset => {
        const outer = holding(spans, offset);
        if (!outer) return null;
        return holding(outer.children, offset)?.key ?? outer.key;
    };
}

/**
 * The lookup through the declarations as the parser made them, in text order and apart (almost
 * always): their offsets in two arrays, and a declaration's key and the spans of its elements
 * made only for a declaration that holds a finding — one id declared 80,000 times made a span
 * and a key for each declaration before the first finding was placed. Consecutive declarations
 * of the same kind and id share their key. Undefined when they are not in order.
 */
function declarationsAt(root: Workspace): ((offset: number) => SubjectKey | null) | undefined {
    const declarations = (root.declarations ?? []).filter(d => !isPolicy(d) && d.$cstNode);
    const starts = new Float64Array(declarations.length);
    const ends = new Float64Array(declarations.length);
    for (let i = 0; i < declarations.length; i++) {
        const cst = declarations[i]!.$cstNode!;
        starts[i] = cst.offset;
        ends[i] = cst.end;
        if (cst.end <= cst.offset || (i > 0 && cst.offset < ends[i - 1]!)) return undefined;
    }
    const found: Array<Span | null | undefined> = new Array(declarations.length);
    let last: { type: string; name: string | undefined; key: SubjectKey | undefined } | undefined;
    const spanAt = (i: number): Span | null => {
        const known = found[i];
        if (known !== undefined) return known;
        const declaration = declarations[i]!;
        const name = (declaration as { name?: string }).name;
        if (!last || last.type !== declaration.$type || last.name !== name) last = { type: declaration.$type, name, key: subjectOf(declaration) };
        const cst = declaration.$cstNode!;
        const span = last.key
            ? { start: cst.offset, end: cst.end, key: last.key, children: isCustomer(declaration) ? childSpans(declaration) : NO_CHILDREN }
            : null;
        found[i] = span;
        return span;
    };
    return offset => {
        // the last declaration starting at or before the offset
        let [low, high] = [0, declarations.length];
        while (low < high) {
            const middle = (low + high) >> 1;
            if (starts[middle]! <= offset) low = middle + 1;
            else high = middle;
        }
        if (low === 0 || offset >= ends[low - 1]!) return null;
        const outer = spanAt(low - 1);
        if (!outer) return null;
        return holding(outer.children, offset)?.key ?? outer.key;
    };
}
