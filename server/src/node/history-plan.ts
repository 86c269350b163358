/**
 * Each commit's plan for the history engine (history-engine.ts), kept as its files' parts
 * (plan/plan-by-file.ts: a file's elements by its parse, its findings by the validation that
 * found them, a finding's export object by the finding) and assembled into the document `acct
 * export` gives only when asked for (`acct history` itself never asks, unless for `--subject`).
 * And the step of a commit: what changed against the commit before, compared file by file — the
 * files whose parts are the same objects on both sides left out, and of the others the findings
 * that could only match themselves.
 */
import { URI, type LangiumDocument } from 'langium';
import type { Workspace } from '../language/generated/ast.js';
import { assemblePlan, PlanByFile, type FileElements, type FileFindings, type FilePart } from '../plan/plan-by-file.js';
import { diffPlans, withoutSelfMatched } from '../contract/plan-diff.js';
import type { HistoryStep } from '../contract/history-report.js';
import type { AcctPlanDocument, DiagnosticJson, WaivedJson } from '../contract/plan-types.js';
import type { FindingPolicy } from '../language/validation/finding-policy.js';
import type { CommitRecord } from './git-history.js';

/** The plan of one commit, as its files' parts (in the order of their paths). */
export interface PlanSnapshot {
    today: string;
    files: readonly FilePart[];
}

type Kind = keyof FileElements;
const KINDS: readonly Kind[] = ['members', 'competitors', 'customers'];
type Counts = HistoryStep['counts'];
/** The key of a file's findings that says it holds a syntax error (no subject and code make it: codes hold no NUL). */
const SYNTAX = '\u0000syntax';

export class PlanParts {
    private readonly base: URI;
    private readonly byFile: PlanByFile;
    /** Each file's findings counted by severity. */
    private readonly counted = new WeakMap<FileFindings, Counts>();
    /** Each file's element ids, by kind. */
    private readonly ids = new WeakMap<FileElements, Record<Kind, ReadonlySet<string>>>();
    /** The plan last stepped to: its findings counted by severity. */
    private lastCounts: { of: PlanSnapshot; counts: Counts } | undefined;
    /** The plan last stepped to: how many of its files hold a finding of each subject and code (findingsToCompare). */
    private holding: { of: PlanSnapshot; counts: Map<string, number> } | undefined;
    /** Each file's findings' subjects and codes (and SYNTAX when it holds a syntax error). */
    private readonly keys = new WeakMap<FileFindings, ReadonlySet<string>>();
    /** The plan last stepped to: per kind, how many of its files declare each id (elementsToCompare). */
    private declaring: { of: PlanSnapshot; counts: Record<Kind, Map<string, number>> } | undefined;

    constructor(cwd: string, policy: FindingPolicy) {
        this.base = URI.file(cwd);
        this.byFile = new PlanByFile(policy);
    }

    /** The plan of `documents` as its files' parts, each unchanged file's part reused. */
    snapshot(documents: readonly LangiumDocument<Workspace>[], today: string): PlanSnapshot {
        return { today, files: this.byFile.parts(documents, this.base) };
    }

    /** The plan as `acct export` gives it. */
    plan(snapshot: PlanSnapshot): AcctPlanDocument {
        return assemblePlan(snapshot.files, snapshot.today);
    }

    /**
     * The step of `record`: `after` against `before` as `acct diff` compares the whole plans
     * (with the findings of the files whose findings are the same objects on both sides left
     * out), or null when the plans are the same (contract 7.6: a commit that changes nothing is left out).
     */
    step(before: PlanSnapshot, after: PlanSnapshot, record: CommitRecord, renamed: ReadonlyMap<string, string>): HistoryStep | null {
        // the files whose findings are the same objects on both sides match each other: compare the others
        const differ = differing(before.files, after.files);
        const compared = this.findingsToCompare(before, after, differ.findings);
        const findingsOf = (files: readonly FilePart[]) => {
            const [diagnostics, waived]: [DiagnosticJson[], WaivedJson[]] = [[], []];
            for (const { findings } of files) {
                for (const d of findings.diagnostics) diagnostics.push(d);
                for (const d of findings.waived) waived.push(d);
            }
            return { diagnostics, waived };
        };
        const [earlierFindings, laterFindings] = [findingsOf(compared[0]), findingsOf(compared[1])];
        const [earlierElements, laterElements] = this.elementsToCompare(before, after, differ.elements);
        const [earlierDiagnostics, laterDiagnostics] = withoutSelfMatched(earlierFindings.diagnostics, laterFindings.diagnostics);
        const { changes, newFindings, resolvedFindings, changedFindings, unchecked } = diffPlans(
            { ...emptySide(before.today), ...earlierElements, diagnostics: earlierDiagnostics as DiagnosticJson[] },
            { ...emptySide(after.today), ...laterElements, diagnostics: laterDiagnostics as DiagnosticJson[] },
            { from: record.parent ?? '', to: record.commit },
            renamed,
        );
        // Plans the same element by element and finding by finding give no change and no finding
        // (each element's id and each finding's subject, code and message meet their like in the
        // same place): only a step without any can be of the same plan.
        const nothing = !changes.length && !newFindings.length && !resolvedFindings.length && !changedFindings.length && !unchecked;
        if (
            nothing &&
            KINDS.every(kind => sameSegments(before.files, after.files, kind)) &&
            sameFindingLists(earlierFindings.diagnostics, laterFindings.diagnostics) &&
            sameFindingLists(earlierFindings.waived, laterFindings.waived)
        ) {
            return null;
        }
        return {
            commit: record.commit,
            date: record.date,
            author: record.author,
            message: record.message,
            changes,
            newFindings,
            resolvedFindings,
            changedFindings,
            unchecked,
            counts: { ...this.countsOf(before, after, differ.findings) },
        };
    }

    /**
     * The commit's findings counted by severity: the count of the plan before with the files whose
     * findings differ counted again (the others' are the same objects: the same counts), or all
     * of them counted when the plan before is not the one last counted.
     */
    private countsOf(before: PlanSnapshot, after: PlanSnapshot, [earlier, later]: Pair): Counts {
        const total = (parts: readonly FilePart[], sign: number, into: Counts) => {
            for (const { findings } of parts) {
                const of = this.counts(findings);
                into.error += sign * of.error;
                into.warning += sign * of.warning;
                into.info += sign * of.info;
            }
            return into;
        };
        const last = this.lastCounts?.of === before ? this.lastCounts.counts : total(before.files, 1, { error: 0, warning: 0, info: 0 });
        const counts = total(later, 1, total(earlier, -1, { ...last }));
        this.lastCounts = { of: after, counts };
        return counts;
    }

    /**
     * The elements diffPlans needs to compare: those of the files whose elements are not the same
     * objects on both sides — what it says of them is what it says of the whole plans, unless an
     * id of theirs is also declared in a file left out (a duplicate: which declaration counts
     * depends on all of them), and then the whole plans' elements. The files left out are the
     * same on both sides: how many of them declare an id is how many files of the plan after do,
     * less the compared ones (the plan's counts kept from commit to commit, moved by the compared
     * files only).
     */
    private elementsToCompare(before: PlanSnapshot, after: PlanSnapshot, [earlier, later]: Pair): [FileElements, FileElements] {
        const declaring = this.declaringAfter(before, after, earlier, later);
        const duplicated = KINDS.some(kind => {
            const inCompared = new Map<string, number>();
            for (const part of later) for (const id of this.idsOf(part.elements)[kind]) inCompared.set(id, (inCompared.get(id) ?? 0) + 1);
            const elsewhere = (id: string) => (declaring[kind].get(id) ?? 0) - (inCompared.get(id) ?? 0) > 0;
            for (const part of [...earlier, ...later]) for (const id of this.idsOf(part.elements)[kind]) if (elsewhere(id)) return true;
            return false;
        });
        return duplicated ? [elementsOf(before.files), elementsOf(after.files)] : [elementsOf(earlier), elementsOf(later)];
    }

    /**
     * The files whose findings diffPlans needs to compare: those whose findings are not the same
     * objects on both sides — unless a finding of theirs has the subject and code of a finding in
     * a file left out (acct diff pairs alike findings by their place in the whole plan, so which
     * file's finding is new or resolved depends on all of them), or a file left out holds a syntax
     * error (it may leave a compared finding unchecked): then every file's. How many files hold
     * each subject and code is kept from commit to commit, moved by the compared files only.
     */
    private findingsToCompare(before: PlanSnapshot, after: PlanSnapshot, [earlier, later]: Pair): Pair {
        const add = (counts: Map<string, number>, parts: readonly FilePart[], sign: number) =>
            moveCounts(
                counts,
                parts.map(part => this.keysOf(part.findings)),
                sign,
            );
        const counts = this.holding?.of === before ? this.holding.counts : add(new Map(), before.files, 1);
        add(add(counts, earlier, -1), later, 1);
        this.holding = { of: after, counts };
        if (earlier.length === 0 && later.length === 0) return [earlier, later];
        const inCompared = add(new Map(), later, 1);
        const elsewhere = (key: string) => (counts.get(key) ?? 0) - (inCompared.get(key) ?? 0) > 0;
        if (elsewhere(SYNTAX)) return [before.files, after.files];
        for (const part of [...earlier, ...later]) for (const key of this.keysOf(part.findings)) if (elsewhere(key)) return [before.files, after.files];
        return [earlier, later];
    }

    private keysOf(findings: FileFindings): ReadonlySet<string> {
        let known = this.keys.get(findings);
        if (!known) {
            const keys = new Set<string>();
            for (const d of findings.diagnostics) {
                keys.add(`${d.subject ?? ''}\u0000${d.code}`);
                if (d.code === 'syntax') keys.add(SYNTAX);
            }
            known = keys;
            this.keys.set(findings, known);
        }
        return known;
    }

    /** Per kind, how many files of `after` declare each id: the counts of `before` moved by the files compared (all counted when `before` is not the plan last counted). */
    private declaringAfter(
        before: PlanSnapshot,
        after: PlanSnapshot,
        earlier: readonly FilePart[],
        later: readonly FilePart[],
    ): Record<Kind, Map<string, number>> {
        const add = (counts: Record<Kind, Map<string, number>>, parts: readonly FilePart[], sign: number) => {
            for (const kind of KINDS)
                moveCounts(
                    counts[kind],
                    parts.map(part => this.idsOf(part.elements)[kind]),
                    sign,
                );
            return counts;
        };
        const counts =
            this.declaring?.of === before ? this.declaring.counts : add({ members: new Map(), competitors: new Map(), customers: new Map() }, before.files, 1);
        add(add(counts, earlier, -1), later, 1);
        this.declaring = { of: after, counts };
        return counts;
    }

    private idsOf(elements: FileElements): Record<Kind, ReadonlySet<string>> {
        let known = this.ids.get(elements);
        if (!known) {
            const ids = (list: readonly { id: string }[]) => new Set(list.map(element => element.id));
            known = { members: ids(elements.members), competitors: ids(elements.competitors), customers: ids(elements.customers) };
            this.ids.set(elements, known);
        }
        return known;
    }

    private counts(findings: FileFindings): Counts {
        let known = this.counted.get(findings);
        if (!known) {
            known = { error: 0, warning: 0, info: 0 };
            for (const d of findings.diagnostics) {
                if (d.severity === 'error') known.error++;
                else if (d.severity === 'warning') known.warning++;
                else known.info++;
            }
            this.counted.set(findings, known);
        }
        return known;
    }
}

/** `counts` (how many files hold each key) moved by files holding `keySets`: added with `sign` 1, taken away with -1. */
function moveCounts(counts: Map<string, number>, keySets: readonly ReadonlySet<string>[], sign: number): Map<string, number> {
    for (const keys of keySets) {
        for (const key of keys) {
            const n = (counts.get(key) ?? 0) + sign;
            if (n === 0) counts.delete(key);
            else counts.set(key, n);
        }
    }
    return counts;
}

/** Of each side, the parts compared: those whose counterpart on the other side (the part of the same path) is not the same. */
type Pair = [readonly FilePart[], readonly FilePart[]];

/**
 * The parts whose findings, and those whose elements, are not the same objects as those of the
 * part of the same path on the other side (a file on one side only: all of it), each side in its
 * order. The two sides' files mostly stand at the same places (a commit that adds or deletes no
 * file): then they are compared place by place, without a map of either side.
 */
function differing(before: readonly FilePart[], after: readonly FilePart[]): { findings: Pair; elements: Pair } {
    const findings: [FilePart[], FilePart[]] = [[], []];
    const elements: [FilePart[], FilePart[]] = [[], []];
    if (before.length === after.length && before.every((part, i) => part.path === after[i]!.path)) {
        for (let i = 0; i < before.length; i++) {
            const [was, is] = [before[i]!, after[i]!];
            if (was === is) continue;
            if (was.findings !== is.findings) {
                findings[0].push(was);
                findings[1].push(is);
            }
            if (was.elements !== is.elements) {
                elements[0].push(was);
                elements[1].push(is);
            }
        }
        return { findings, elements };
    }
    const was = new Map(before.map(part => [part.path, part]));
    const is = new Map(after.map(part => [part.path, part]));
    for (const part of before) {
        if (is.get(part.path)?.findings !== part.findings) findings[0].push(part);
        if (is.get(part.path)?.elements !== part.elements) elements[0].push(part);
    }
    for (const part of after) {
        if (was.get(part.path)?.findings !== part.findings) findings[1].push(part);
        if (was.get(part.path)?.elements !== part.elements) elements[1].push(part);
    }
    return { findings, elements };
}

function emptySide(today: string): AcctPlanDocument {
    return { format: 'acct-plan', version: 1, today, files: [], members: [], competitors: [], customers: [], diagnostics: [], waived: [] };
}

function elementsOf(parts: readonly FilePart[]): FileElements {
    const elements: FileElements = { members: [], competitors: [], customers: [] };
    for (const part of parts) {
        for (const member of part.elements.members) elements.members.push(member);
        for (const competitor of part.elements.competitors) elements.competitors.push(competitor);
        for (const customer of part.elements.customers) elements.customers.push(customer);
    }
    return elements;
}

/** Two elements the same in the export: the same object, or the same JSON. */
const sameElement = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether the whole plans' lists of one kind of element are the same, element by element in
 * order (contract 7.6's "the same plan"), walked file by file: where both sides stand at the same
 * place of the same file's list (its elements the same objects), the rest of that list is skipped.
 */
function sameSegments(before: readonly FilePart[], after: readonly FilePart[], kind: Kind): boolean {
    const length = (files: readonly FilePart[]) => files.reduce((sum, part) => sum + part.elements[kind].length, 0);
    if (length(before) !== length(after)) return false;
    let [i, at] = [0, 0];
    let [j, bt] = [0, 0];
    for (;;) {
        while (i < before.length && at >= before[i]!.elements[kind].length) [i, at] = [i + 1, 0];
        while (j < after.length && bt >= after[j]!.elements[kind].length) [j, bt] = [j + 1, 0];
        if (i >= before.length || j >= after.length) return i >= before.length && j >= after.length;
        const [x, y] = [before[i]!.elements[kind], after[j]!.elements[kind]];
        if (x === y && at === bt) {
            [at, bt] = [x.length, y.length];
            continue;
        }
        if (!sameElement(x[at], y[bt])) return false;
        [at, bt] = [at + 1, bt + 1];
    }
}

/** Two lists of findings the same but for each finding's file, line and column (contract 7.6), compared one by one. */
function sameFindingLists(a: readonly DiagnosticJson[], b: readonly DiagnosticJson[]): boolean {
    if (a.length !== b.length) return false;
    const rest = ({ file: _f, line: _l, column: _c, ...others }: DiagnosticJson) => JSON.stringify(others);
    return a.every((d, i) => d === b[i] || rest(d) === rest(b[i]!));
}
