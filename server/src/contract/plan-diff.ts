/**
 * What changed in the plan between two versions of the workspace (contract 6.5 and 7.4,
 * `acct diff`): elements added, removed, and each field of an element's export object whose
 * value differs (compared as JSON); findings new on the later side, resolved since the earlier
 * one, and changed (same subject and code, another message or severity), matched by subject,
 * code and message so that a renamed file changes nothing; findings that could not be checked
 * again because their declaration holds a syntax error on the later side are only counted.
 * Pure: both sides are `acct-plan` documents.
 */
import type { AcctPlanDocument, DiagnosticJson } from './plan-types.js';
import { parseSubjectKey, SubjectKeys, type SubjectKey } from './subject-key.js';
import { severityRank } from '../method/index.js';
import { sameAsJson } from './same-json.js';

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
    /** Findings of the same subject and code on both sides whose message or severity differs (7.4). */
    changedFindings: ChangedFinding[];
    /** Earlier findings that could not be checked again: their declaration holds a syntax error on the later side (7.4). */
    unchecked: number;
}

export interface ChangedFinding {
    from: DiagnosticJson;
    to: DiagnosticJson;
}

/** Whether a changed finding got worse (a higher severity): `--fail-on-new` counts it. */
export function worsened(change: ChangedFinding): boolean {
    return (severityRank[change.to.severity] ?? 3) < (severityRank[change.from.severity] ?? 3);
}

/** A customer's lists are compared element by element, not as fields. */
const NOT_FIELDS: ReadonlySet<string> = new Set(['id', 'contacts', 'opportunities', 'activities']);

export function diffPlans(
    before: AcctPlanDocument,
    after: AcctPlanDocument,
    revisions: { from: string; to: string | null },
    /** The later name of a file renamed or moved between the sides (paths as in the documents). */
    renamed: ReadonlyMap<string, string> = new Map(),
    /** Each side's findings by file, where known: a file whose findings are the same list on both sides need not be compared. */
    byFile?: { before: ReadonlyMap<string, FileFindingList>; after: ReadonlyMap<string, FileFindingList> },
): PlanDiff {
    const changes: PlanChange[] = [];
    compareLists('member', null, before.members, after.members, changes);
    compareLists('competitor', null, before.competitors, after.competitors, changes);
    const [customersBefore, customersAfter] = [byId(before.customers), byId(after.customers)];
    for (const customer of idsInOrder(before.customers, after.customers)) {
        const [was, is] = [customersBefore.get(customer), customersAfter.get(customer)];
        if (!was || !is) {
            changes.push(whole(was ? 'removed' : 'added', 'customer', customer, customer));
            continue;
        }
        if (was === is) continue; // the same object: a file that did not change (acct history)
        changes.push(...fieldChanges('customer', customer, was, is));
        compareLists('contact', customer, was.contacts, is.contacts, changes);
        compareLists('opportunity', customer, was.opportunities, is.opportunities, changes);
        compareLists('activity', customer, was.activities, is.activities, changes);
    }
    const [earlier, later] = byFile ? withoutSharedFindings(before.diagnostics, after.diagnostics, byFile) : [before.diagnostics, after.diagnostics];
    return { ...revisions, changes, ...compareFindings(earlier, later, renamed) };
}

/** One file's findings on one side of the diff, sorted by place. */
export interface FileFindingList {
    diagnostics: readonly DiagnosticJson[];
}

/**
 * Both sides' findings without those of the files whose findings are the same list on both sides,
 * when leaving them out cannot change what compareFindings says: the files hold no syntax error
 * (it marks its declaration unchecked for the other files), and no finding of another file has
 * the subject (or, without one, the code and message) of one of theirs — so that their findings
 * could only match each other, one to one, with the same severity.
 */
function withoutSharedFindings(
    before: readonly DiagnosticJson[],
    after: readonly DiagnosticJson[],
    byFile: { before: ReadonlyMap<string, FileFindingList>; after: ReadonlyMap<string, FileFindingList> },
): [readonly DiagnosticJson[], readonly DiagnosticJson[]] {
    const shared = new Set<string>();
    for (const [file, findings] of byFile.after) {
        if (findings.diagnostics.length && byFile.before.get(file) === findings && !findings.diagnostics.some(d => d.code === 'syntax')) shared.add(file);
    }
    if (shared.size === 0) return [before, after];
    const key = (d: DiagnosticJson) => d.subject ?? `${d.code}\u0000${d.message}`;
    // the files left out that hold each key
    const holders = new Map<string, string[]>();
    for (const file of shared) for (const d of byFile.after.get(file)!.diagnostics) push(holders, key(d), file);
    // the keys of the findings compared: a file left out that holds one is given back (and its keys are then compared)
    const compared = new Set<string>();
    const waiting: string[] = [];
    const compare = (k: string) => {
        if (compared.has(k)) return;
        compared.add(k);
        waiting.push(k);
    };
    for (const side of [before, after]) for (const d of side) if (!shared.has(d.file)) compare(key(d));
    for (let k = waiting.pop(); k !== undefined; k = waiting.pop()) {
        for (const file of holders.get(k) ?? []) {
            if (!shared.delete(file)) continue;
            for (const d of byFile.after.get(file)!.diagnostics) compare(key(d));
        }
    }
    return [before.filter(d => !shared.has(d.file)), after.filter(d => !shared.has(d.file))];
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
    for (const { id } of before)
        if (!seen.has(id)) {
            seen.add(id);
            ids.push(id);
        }
    return ids;
}

function compareLists<T extends { id: string }>(
    element: ElementKind,
    customer: string | null,
    before: readonly T[],
    after: readonly T[],
    out: PlanChange[],
): void {
    const [was, is] = [byId(before), byId(after)];
    for (const id of idsInOrder(before, after)) {
        const [a, b] = [was.get(id), is.get(id)];
        if (!a || !b) out.push(whole(a ? 'removed' : 'added', element, customer, id));
        else if (a !== b) out.push(...fieldChanges(element, customer, a, b));
    }
}

function fieldChanges(element: ElementKind, customer: string | null, before: object, after: object): PlanChange[] {
    const changes: PlanChange[] = [];
    const id = (after as { id: string }).id;
    for (const field of Object.keys(after)) {
        if (element === 'customer' ? NOT_FIELDS.has(field) : field === 'id') continue;
        const from = (before as Record<string, unknown>)[field] ?? null;
        const to = (after as Record<string, unknown>)[field] ?? null;
        if (from !== to && !(sameAsJson(from, to) ?? JSON.stringify(from) === JSON.stringify(to))) {
            changes.push({ kind: 'changed', element, customer, id, field, from, to });
        }
    }
    return changes;
}

type FindingLists = Pick<PlanDiff, 'newFindings' | 'resolvedFindings' | 'changedFindings' | 'unchecked'>;

/**
 * Contract 7.4: findings are matched by subject, code and message (each finding matches once);
 * of those left, the same subject and code on both sides are paired in order of position as
 * changed findings, and so is a matched pair whose severity differs. An earlier finding left
 * unmatched whose subject lies, on the later side, in a declaration holding a syntax error is
 * counted as unchecked, neither resolved nor changed.
 */
export function compareFindings(
    before: readonly DiagnosticJson[],
    after: readonly DiagnosticJson[],
    renamed: ReadonlyMap<string, string> = new Map(),
): FindingLists {
    const identity = identityOf;
    const waiting = new Map<string, number[]>();
    after.forEach((d, i) => push(waiting, identity(d), i));
    const matchOf = before.map(d => waiting.get(identity(d))?.shift());
    const takenAfter = new Set(matchOf.filter((i): i is number => i !== undefined));
    const changedFindings: (ChangedFinding & { at: number })[] = [];
    before.forEach((d, i) => {
        const j = matchOf[i];
        if (j !== undefined && after[j]!.severity !== d.severity) changedFindings.push({ from: d, to: after[j]!, at: j });
    });
    // Of the unmatched, the same subject and code: paired in order of position (both sides are sorted by place).
    const broken = syntaxHolders(after);
    const unchecked = before.filter((d, i) => matchOf[i] === undefined && isUnchecked(d, broken, renamed));
    const uncheckedSet = new Set(unchecked);
    const toPair = new Map<string, number[]>();
    const pairKey = (d: DiagnosticJson) => `${d.subject ?? ''}\u0000${d.code}`;
    after.forEach((d, j) => {
        if (!takenAfter.has(j)) push(toPair, pairKey(d), j);
    });
    const resolvedFindings: DiagnosticJson[] = [];
    before.forEach((d, i) => {
        if (matchOf[i] !== undefined || uncheckedSet.has(d)) return;
        const j = toPair.get(pairKey(d))?.shift();
        if (j === undefined) resolvedFindings.push(d);
        else {
            takenAfter.add(j);
            changedFindings.push({ from: d, to: after[j]!, at: j });
        }
    });
    changedFindings.sort((a, b) => a.at - b.at);
    return {
        newFindings: after.filter((_, j) => !takenAfter.has(j)),
        resolvedFindings,
        changedFindings: changedFindings.map(({ from, to }) => ({ from, to })),
        unchecked: unchecked.length,
    };
}

/** A finding's subject, code and message: what matches it with a finding of the other side (kept per finding object). */
const identities = new WeakMap<DiagnosticJson, string>();
function identityOf(d: DiagnosticJson): string {
    let known = identities.get(d);
    if (known === undefined) identities.set(d, (known = `${d.subject ?? ''}\u0000${d.code}\u0000${d.message}`));
    return known;
}

/**
 * Both sides without the findings compareFindings would only match with themselves (`acct
 * history`: a file checked again for a new day keeps most of its finding objects): a finding
 * object on both sides, not a syntax error (it marks its declaration unchecked), whose subject,
 * code and message no finding on one side only has — its group of alike findings is then the
 * same objects on both sides, matched one to one with the same severity, as long as the objects
 * on both sides stand in the same order (else both sides are given back whole). What
 * compareFindings says of the two sides left is what it says of the whole sides.
 */
export function withoutSelfMatched(
    before: readonly DiagnosticJson[],
    after: readonly DiagnosticJson[],
): [readonly DiagnosticJson[], readonly DiagnosticJson[]] {
    const inBefore = new Set(before);
    const inAfter = new Set(after);
    if (inBefore.size !== before.length || inAfter.size !== after.length) return [before, after];
    const sharedAfter = after.filter(d => inBefore.has(d));
    if (sharedAfter.length === 0) return [before, after];
    let at = 0;
    for (const d of before) if (inAfter.has(d) && sharedAfter[at++] !== d) return [before, after];
    const open = new Set<string>();
    // the codes of the open identities: a shared finding of another code is in no open group (most are; its identity is not looked up)
    const openCodes = new Set<string>();
    const opened = (d: DiagnosticJson) => {
        open.add(identityOf(d));
        openCodes.add(d.code);
    };
    for (const d of before) if (!inAfter.has(d)) opened(d);
    for (const d of after) if (!inBefore.has(d)) opened(d);
    const kept = (d: DiagnosticJson, other: ReadonlySet<DiagnosticJson>) =>
        !other.has(d) || d.code === 'syntax' || (openCodes.has(d.code) && open.has(identityOf(d)));
    return [before.filter(d => kept(d, inAfter)), after.filter(d => kept(d, inBefore))];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/** On one side: the declarations holding a syntax error, and the files with a syntax error outside any declaration. */
function syntaxHolders(side: readonly DiagnosticJson[]): { declarations: Set<SubjectKey>; files: Set<string> } {
    const declarations = new Set<SubjectKey>();
    const files = new Set<string>();
    for (const d of side) {
        if (d.code !== 'syntax') continue;
        if (d.subject === null) {
            files.add(d.file);
            continue;
        }
        declarations.add(d.subject);
        // the customer of a contact, opportunity or activity holds its syntax error too
        const parsed = parseSubjectKey(d.subject);
        if (parsed && parsed.customer !== null && parsed.kind !== 'customer') declarations.add(SubjectKeys.customer(parsed.customer));
    }
    return { declarations, files };
}

/**
 * Whether an earlier finding could not be checked again: its subject is, or lies inside, a
 * declaration holding a syntax error on the later side — or its file there has a syntax error
 * outside any declaration (a file that no longer parses loses its declarations).
 */
function isUnchecked(d: DiagnosticJson, broken: { declarations: Set<SubjectKey>; files: Set<string> }, renamed: ReadonlyMap<string, string>): boolean {
    if (broken.files.has(renamed.get(d.file) ?? d.file)) return true;
    if (d.subject === null) return false;
    if (broken.declarations.has(d.subject)) return true;
    const parsed = parseSubjectKey(d.subject);
    return !!parsed && parsed.customer !== null && parsed.kind !== 'customer' && broken.declarations.has(SubjectKeys.customer(parsed.customer));
}
