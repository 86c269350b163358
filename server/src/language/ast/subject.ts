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
                return SubjectKeys.member(name);
            case 'Competitor':
                return SubjectKeys.competitor(name);
            case 'Customer':
                return SubjectKeys.customer(name);
            case 'Contact':
                return SubjectKeys.contact((current.$container as Customer).name, name);
            case 'Opportunity':
                return SubjectKeys.opportunity((current.$container as Customer).name, name);
            case 'Activity':
                return SubjectKeys.activity((current.$container as Customer).name, name);
        }
    }
    return undefined;
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
    let spans: Span[] | undefined;
    return offset => {
        const outer = holding((spans ??= declarationSpans(root)), offset);
        if (!outer) return null;
        return holding(outer.children, offset)?.key ?? outer.key;
    };
}
