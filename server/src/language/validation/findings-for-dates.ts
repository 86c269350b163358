/**
 * What `acct history` keeps of a document's last full validation so that, when only today moves
 * (each commit is checked with its own date), just the checks that read today run again
 * (checks/date-driven.ts): the findings that do not depend on today, the date-driven ones, and
 * the syntax errors, all before the finding policy. Used by acct-document-validator.ts.
 */
import type { AstNode, DiagnosticInfo, LangiumDocument, ValidationAcceptor, ValidationCheck } from 'langium';
import type { CancellationToken, Diagnostic, Range } from 'vscode-languageserver';
import { nodesOf } from '../ast/ast-walk.js';
import type { AcctValidationRegistry } from './acct-validation-registry.js';
import type { CustomerFactsStore } from './customer-index.js';
import { DATE_DRIVEN_CODES, DAY_COUNTING_CODES, quietSpan } from './checks/date-driven.js';
import { dayNumber, readingDates, type Thresholds } from '../../method/index.js';
import { sameAsJson } from '../../contract/same-json.js';
import type { PolicyMemo } from './finding-policy.js';

export interface FindingsOfADate {
    /** The parse the findings are of: another parse, and they say nothing. */
    root: AstNode;
    steady: Diagnostic[];
    dated: Diagnostic[];
    parseErrors: Diagnostic[];
    /** The customers' facts the date-driven checks found (customer-index.ts): the same while the parse and its links are. */
    facts: CustomerFactsStore;
    /** What the date-driven checks of each node found when they last ran, and the days it holds on. */
    outcomes: Map<AstNode, DatedOutcome>;
    /** The last walk of the nodes, for the days all its kept outcomes hold on. */
    walk?: DatedWalk;
    /** The outcomes of the nodes whose checks ran in the last re-check: their findings become those withDates adopts. */
    ran?: DatedOutcome[];
    /** Where the findings of each node are (by property, keyword and index): the same on the same parse. */
    ranges: WeakMap<AstNode, Map<string, Range>>;
    /** The finding policy's outcome for `steady` (finding-policy.ts, applyToDated). */
    policed: PolicyMemo;
}

/** What the date-driven checks of one node found on a day. */
interface DatedOutcome {
    /** The thresholds they ran with (`stale-contact-days tier-review-days`). */
    limits: string;
    /** The days (day numbers) on which they find the same; null: they run again on any other day (a finding counts days, or a check awaited). */
    quiet: { from: number; to: number } | null;
    findings: Diagnostic[];
}

/** The nodes in the walk's order as the findings of those whose outcome holds (merged) and the nodes to run again. */
interface DatedWalk {
    limits: string;
    /** The days on which every outcome kept holds. */
    from: number;
    to: number;
    pieces: Array<Diagnostic[] | AstNode>;
}

/**
 * Runs the date-driven checks of the nodes of `kept`'s parse with `today`, in the walk's order,
 * their findings to `found` — but a node whose findings cannot have changed since its checks
 * last ran (none counts days, and none of the dates they read has a critical day between that
 * day and today: quietSpan) gives what they found then, without running them. Within the days
 * on which all such outcomes hold, the walk itself is not made again: only the nodes to run.
 */
export async function runDateChecks(
    kept: FindingsOfADate,
    registry: AcctValidationRegistry,
    today: string,
    thresholds: Pick<Thresholds, 'staleContactDays' | 'tierReviewDays'>,
    accept: ValidationAcceptor,
    found: Diagnostic[],
    cancelToken: CancellationToken,
): Promise<void> {
    const limits = `${thresholds.staleContactDays} ${thresholds.tierReviewDays}`;
    const day = dayNumber(today);
    const ran: DatedOutcome[] = (kept.ran = []);
    // the days the checks of the node being run read, in order (one list for the walk: the nodes run one after the
    // other; quietSpan reads the days sorted, a day read twice or once alike)
    const days: number[] = [];
    const read = (d: number) => {
        // kept in order as they come (a node's checks read a few): no sort, which copies the list
        let i = days.push(d) - 1;
        for (; i > 0 && days[i - 1]! > d; i--) days[i] = days[i - 1]!;
        days[i] = d;
    };
    const outcomeOf = (node: AstNode, start: number, known: boolean): DatedOutcome => {
        const findings = found.slice(start);
        // A finding of a day-counting code changes every day, unless its checks read no date at all: then nothing
        // it says depends on today (a tier never reviewed: "has a tier but no review date"), and it holds on any day.
        // Such a customer's node ran on every new day, its file re-checked each time for the same findings.
        const quiet = known && (days.length === 0 || !countsDays(findings)) ? quietSpan(days, today, thresholds) : null;
        const outcome = { limits, quiet, findings };
        kept.outcomes.set(node, outcome);
        ran.push(outcome);
        return outcome;
    };
    // after a check that awaits: the dates read after an await are not told, the outcome is not known to hold
    const runAfter = async (
        node: AstNode,
        start: number,
        checks: readonly ValidationCheck[],
        at: number,
        pending: PromiseLike<void>,
    ): Promise<DatedOutcome> => {
        await pending;
        for (const check of checks.slice(at + 1)) {
            const more = readingDates(today, read, () => check(node, accept, cancelToken));
            if (more) await more;
        }
        return outcomeOf(node, start, false);
    };
    // no promise unless a check awaits (none of acct's date-driven checks does): a walk runs thousands of nodes
    const run = (node: AstNode): DatedOutcome | Promise<DatedOutcome> => {
        const start = found.length;
        days.length = 0;
        const checks = registry.dateChecksFor(node.$type);
        for (let i = 0; i < checks.length; i++) {
            const check = checks[i]!;
            const pending = readingDates(today, read, () => check(node, accept, cancelToken));
            if (pending) return runAfter(node, start, checks, i, pending);
        }
        return outcomeOf(node, start, true);
    };
    const walk = kept.walk;
    if (day !== undefined && walk && walk.limits === limits && walk.from <= day && day <= walk.to) {
        let quieted = false;
        for (const piece of walk.pieces) {
            if (Array.isArray(piece)) for (const d of piece) found.push(d);
            else {
                const ran = run(piece);
                if ((ran instanceof Promise ? await ran : ran).quiet) quieted = true;
            }
        }
        if (quieted) kept.walk = settled(walk, kept.outcomes, limits);
        return;
    }
    const made: DatedWalk = { limits, from: -Infinity, to: Infinity, pieces: [] };
    let merged: Diagnostic[] = [];
    for (const node of datedNodesOf(kept.root, registry)) {
        let outcome = kept.outcomes.get(node);
        const holds = outcome?.limits === limits && !!outcome.quiet && day !== undefined && outcome.quiet.from <= day && day <= outcome.quiet.to;
        if (holds) for (const d of outcome!.findings) found.push(d);
        else {
            const ran = run(node);
            outcome = ran instanceof Promise ? await ran : ran;
        }
        if (outcome!.quiet) {
            made.from = Math.max(made.from, outcome!.quiet.from);
            made.to = Math.min(made.to, outcome!.quiet.to);
            for (const d of outcome!.findings) merged.push(d);
        } else {
            if (merged.length) made.pieces.push(merged);
            merged = [];
            made.pieces.push(node);
        }
    }
    if (merged.length) made.pieces.push(merged);
    kept.walk = made;
}

/**
 * `walk` after its nodes that ran again today: one whose outcome now holds for some days (its
 * finding no longer counts days, the critical day next to today has passed) is merged with the
 * findings around it, and the walk holds on the days all its kept outcomes hold on — theirs and
 * this one's, which both include today. Without it such a node ran again every day until the
 * walk's days ran out (a third of the date re-checks' node runs), and a file whose every node
 * holds again was still re-checked every day instead of kept whole (heldSpan).
 */
function settled(walk: DatedWalk, outcomes: ReadonlyMap<AstNode, DatedOutcome>, limits: string): DatedWalk {
    const made: DatedWalk = { limits, from: walk.from, to: walk.to, pieces: [] };
    let merged: Diagnostic[] | undefined;
    for (const piece of walk.pieces) {
        const outcome = Array.isArray(piece) ? undefined : outcomes.get(piece)!;
        if (outcome && !outcome.quiet) {
            if (merged?.length) made.pieces.push(merged);
            merged = undefined;
            made.pieces.push(piece);
            continue;
        }
        if (outcome?.quiet) {
            made.from = Math.max(made.from, outcome.quiet.from);
            made.to = Math.min(made.to, outcome.quiet.to);
        }
        merged ??= [];
        for (const d of outcome ? outcome.findings : (piece as Diagnostic[])) merged.push(d);
    }
    if (merged?.length) made.pieces.push(merged);
    return made;
}

/**
 * Where a finding of `info` (without a range of its own) is on `kept`'s parse: `find(info)` the
 * first time, then the same range (the text and the syntax tree are those of the kept validation).
 */
export function rangeOnKeptParse(kept: FindingsOfADate, info: DiagnosticInfo<AstNode, string>, find: (info: DiagnosticInfo<AstNode, string>) => Range): Range {
    let byPlace = kept.ranges.get(info.node);
    if (!byPlace) kept.ranges.set(info.node, (byPlace = new Map()));
    const key = `${String(info.property)} ${String(info.keyword)} ${String(info.index)}`;
    let range = byPlace.get(key);
    if (!range) byPlace.set(key, (range = find(info)));
    return range;
}

/**
 * The days (day numbers, both ends included) on which a date-only re-check of `kept`'s parse gives
 * exactly the findings its last re-check gave, by the walk that re-check made: every date-driven
 * node's outcome holds on them and none runs again, so `acct history` keeps the file's findings
 * without a re-check. Undefined when a node runs again on any other day (a finding counts days, a
 * check awaited) or no re-check made a walk yet.
 */
export function heldSpan(kept: FindingsOfADate, thresholds: Pick<Thresholds, 'staleContactDays' | 'tierReviewDays'>): { from: number; to: number } | undefined {
    const walk = kept.walk;
    if (!walk || walk.limits !== `${thresholds.staleContactDays} ${thresholds.tierReviewDays}`) return undefined;
    // asked of most files at every new day, of walks mostly made days before: a walk's pieces are searched once
    // (a walk is made whole and then only its findings are replaced, by alike ones: adopt)
    let held = heldSpans.get(walk);
    if (held === undefined) {
        held = walk.pieces.every(piece => Array.isArray(piece)) ? { from: walk.from, to: walk.to } : null;
        heldSpans.set(walk, held);
    }
    return held ?? undefined;
}

/** Each walk's held span (heldSpan), or null when a node of it runs again on any other day. */
const heldSpans = new WeakMap<DatedWalk, { from: number; to: number } | null>();

function countsDays(findings: readonly Diagnostic[]): boolean {
    return findings.some(d => DAY_COUNTING_CODES.has(String(d.code)));
}

export class FindingsForDates {
    private readonly kept = new WeakMap<LangiumDocument, FindingsOfADate>();

    /** Keeps `found` (every check ran) of `document`'s parse now. */
    keep(document: LangiumDocument, found: readonly Diagnostic[], parseErrors: Diagnostic[]): void {
        const steady: Diagnostic[] = [];
        const dated: Diagnostic[] = [];
        for (const d of found) (DATE_DRIVEN_CODES.has(String(d.code)) ? dated : steady).push(d);
        this.kept.set(document, {
            root: document.parseResult.value,
            steady,
            dated,
            parseErrors,
            facts: new WeakMap(),
            outcomes: new Map(),
            ranges: new WeakMap(),
            policed: {},
        });
    }

    /** The findings kept of `document`, when its parse is the one they are of. */
    of(document: LangiumDocument): FindingsOfADate | undefined {
        const kept = this.kept.get(document);
        return kept && kept.root === document.parseResult.value ? kept : undefined;
    }

    /**
     * The date-driven findings become `found`; one equal to a finding of the last validation is
     * that same object (so that what is made of it can be reused). Returns the date-driven
     * findings (all are `kept.steady` and these), before the policy. Undefined when `found` holds
     * a finding that does not read today (validate in full).
     */
    withDates(kept: FindingsOfADate, found: readonly Diagnostic[]): Diagnostic[] | undefined {
        if (found.some(d => !DATE_DRIVEN_CODES.has(String(d.code)))) return undefined;
        // most stand where they stood (the same checks on the same nodes): those are compared in place,
        // the others (a number of days changed, a finding come or gone) looked up by their key
        const previous = kept.dated;
        const dated = found.map((d, i) => (i < previous.length && (d === previous[i] || sameFinding(d, previous[i]!)) ? previous[i]! : undefined));
        if (dated.some(d => d === undefined)) {
            const taken = new Set(dated);
            const byKey = new Map<string, Diagnostic[]>();
            for (const d of previous) {
                if (taken.has(d)) continue;
                const key = sameFindingKey(d);
                const list = byKey.get(key);
                if (list) list.push(d);
                else byKey.set(key, [d]);
            }
            dated.forEach((d, i) => {
                if (d === undefined) dated[i] = byKey.get(sameFindingKey(found[i]!))?.shift() ?? found[i]!;
            });
        }
        kept.dated = dated as Diagnostic[];
        adopt(kept, found, kept.dated);
        return kept.dated;
    }
}

/**
 * The outcomes of the nodes that just ran, and the walk made of them, hold the findings `dated`
 * holds where `found` held others alike: a node whose outcome holds on a later day then gives the
 * very objects withDates kept, compared by identity, not field by field every day until it runs again.
 */
function adopt(kept: FindingsOfADate, found: readonly Diagnostic[], dated: readonly Diagnostic[]): void {
    const ran = kept.ran;
    kept.ran = undefined;
    if (!ran?.length) return;
    let adopted: Map<Diagnostic, Diagnostic> | undefined;
    for (let i = 0; i < found.length; i++) if (found[i] !== dated[i]) (adopted ??= new Map()).set(found[i]!, dated[i]!);
    if (!adopted) return;
    const replace = (list: Diagnostic[]) => {
        for (let j = 0; j < list.length; j++) list[j] = adopted.get(list[j]!) ?? list[j]!;
    };
    for (const outcome of ran) replace(outcome.findings);
    for (const piece of kept.walk?.pieces ?? []) if (Array.isArray(piece)) replace(piece);
}

/** sameFindingKey(a) === sameFindingKey(b), without the keys. */
function sameFinding(a: Diagnostic, b: Diagnostic): boolean {
    const x = a.range;
    const y = b.range;
    return (
        a.message === b.message &&
        a.code === b.code &&
        x.start.line === y.start.line &&
        x.start.character === y.start.character &&
        x.end.line === y.end.line &&
        x.end.character === y.end.character &&
        (a.data === b.data || (sameAsJson(a.data, b.data) ?? JSON.stringify(a.data) === JSON.stringify(b.data)))
    );
}

/** Two findings alike in everything a reader or a later step sees of them (place, code, message, data; the policy gives the severity). */
function sameFindingKey(d: Diagnostic): string {
    const { start, end } = d.range;
    return `${start.line}:${start.character}-${end.line}:${end.character} ${String(d.code)} ${d.message} ${JSON.stringify(d.data)}`;
}

const datedNodes = new WeakMap<AstNode, readonly AstNode[]>();

/** The nodes of a document that a date-driven check looks at, in the walk's order (found once per parse). */
export function datedNodesOf(root: AstNode, registry: AcctValidationRegistry): readonly AstNode[] {
    let nodes = datedNodes.get(root);
    if (!nodes) datedNodes.set(root, (nodes = nodesOf(root).filter(node => registry.dateChecksFor(node.$type).length > 0)));
    return nodes;
}
