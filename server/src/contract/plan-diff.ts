/**
 * What changed in the plan between two versions of the workspace (contract 6.5, `acct diff`):
 * elements added, removed, and each field of an element's export object whose value differs
 * (compared as JSON); findings new on the later side and resolved since the earlier one,
 * matched by file, code and message. Pure: both sides are `acct-plan` documents.
 */
import type { AcctPlanDocument, DiagnosticJson } from './plan-types.js';

export type ElementKind = 'member' | 'competitor' | 'customer' | 'contact' | 'opportunity' | 'activity';

export interface PlanChange {
    kind: 'added' | 'removed' | 'changed';
    element: ElementKind;
    /** The customer of the element; the customer's own id for a customer; null for members and competitors. */
    customer: string | null;
    id: string;
    /** For `changed`: the field of the export object, and its values on each side (null otherwise). */
    field: string | null;
    from: unknown;
    to: unknown;
}

export interface PlanDiff {
    /** The revisions compared; `to` null for the files on disk. */
    from: string;
    to: string | null;
    changes: PlanChange[];
    newFindings: DiagnosticJson[];
    resolvedFindings: DiagnosticJson[];
}

/** A customer's lists are compared element by element, not as fields. */
const NOT_FIELDS: ReadonlySet<string> = new Set(['id', 'contacts', 'opportunities', 'activities']);

export function diffPlans(
    before: AcctPlanDocument, after: AcctPlanDocument, revisions: { from: string; to: string | null },
    /** The later name of a file renamed or moved between the sides (paths as in the documents). */
    renamed: ReadonlyMap<string, string> = new Map(),
): PlanDiff {
    const changes: PlanChange[] = [];
    compareLists('member', null, before.members, after.members, changes);
    compareLists('competitor', null, before.competitors, after.competitors, changes);
    const customersBefore = byId(before.customers);
    for (const customer of idsInOrder(before.customers, after.customers)) {
        const [was, is] = [customersBefore.get(customer), byId(after.customers).get(customer)];
        if (!was || !is) {
            changes.push(whole(was ? 'removed' : 'added', 'customer', customer, customer));
            continue;
        }
        changes.push(...fieldChanges('customer', customer, was, is));
        compareLists('contact', customer, was.contacts, is.contacts, changes);
        compareLists('opportunity', customer, was.opportunities, is.opportunities, changes);
        compareLists('activity', customer, was.activities, is.activities, changes);
    }
    // A renamed file's findings are matched under its later name, and reported under the name each side gives it.
    const earlier = before.diagnostics.map(d => ({ ...d, file: renamed.get(d.file) ?? d.file }));
    const resolved = unmatched(earlier, after.diagnostics);
    return {
        ...revisions,
        changes,
        newFindings: after.diagnostics.filter(unmatched(after.diagnostics, earlier)),
        resolvedFindings: before.diagnostics.filter((_, i) => resolved(earlier[i]!, i)),
    };
}

function whole(kind: 'added' | 'removed', element: ElementKind, customer: string | null, id: string): PlanChange {
    return { kind, element, customer, id, field: null, from: null, to: null };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
    const map = new Map<string, T>();
    for (const item of items) if (!map.has(item.id)) map.set(item.id, item); // the first declaration wins on duplicate ids
    return map;
}

/** The ids of the later side in its order, then those only on the earlier side in theirs. */
function idsInOrder(before: readonly { id: string }[], after: readonly { id: string }[]): string[] {
    const ids = [...new Set(after.map(x => x.id))];
    const seen = new Set(ids);
    for (const { id } of before) if (!seen.has(id)) { seen.add(id); ids.push(id); }
    return ids;
}

function compareLists<T extends { id: string }>(element: ElementKind, customer: string | null, before: readonly T[], after: readonly T[], out: PlanChange[]): void {
    const [was, is] = [byId(before), byId(after)];
    for (const id of idsInOrder(before, after)) {
        const [a, b] = [was.get(id), is.get(id)];
        if (!a || !b) out.push(whole(a ? 'removed' : 'added', element, customer, id));
        else out.push(...fieldChanges(element, customer, a, b));
    }
}

function fieldChanges(element: ElementKind, customer: string | null, before: object, after: object): PlanChange[] {
    const changes: PlanChange[] = [];
    const id = (after as { id: string }).id;
    for (const field of Object.keys(after)) {
        if (element === 'customer' ? NOT_FIELDS.has(field) : field === 'id') continue;
        const from = (before as Record<string, unknown>)[field] ?? null;
        const to = (after as Record<string, unknown>)[field] ?? null;
        if (JSON.stringify(from) !== JSON.stringify(to)) {
            changes.push({ kind: 'changed', element, customer, id, field, from, to });
        }
    }
    return changes;
}

/**
 * A filter over `side` (called in order, once per finding) keeping the findings with no match in
 * `other`, by file, code and message; each finding of `other` matches once.
 */
function unmatched(side: readonly DiagnosticJson[], other: readonly DiagnosticJson[]): (d: DiagnosticJson, i: number) => boolean {
    const key = (d: DiagnosticJson) => `${d.file}\u0000${d.code}\u0000${d.message}`;
    const counts = new Map<string, number>();
    for (const d of other) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
    const keep = side.map(d => {
        const left = counts.get(key(d)) ?? 0;
        if (left > 0) counts.set(key(d), left - 1);
        return left === 0;
    });
    return (_d, i) => keep[i]!;
}

