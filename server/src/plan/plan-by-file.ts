/**
 * The plan built file by file, each file's part kept for the next plan of the same services
 * (`acct diff` between two revisions: the second side is an update of the first; `acct history`:
 * each commit an update of the one before). A file whose parse is the same gives the same
 * element objects, and a file whose findings are the same (it was not validated again) gives the
 * same finding objects, so that neither is converted twice and a comparison of two plans skips
 * them (contract/plan-diff.ts compares objects that differ). A finding kept by a new validation
 * (a date-only re-check keeps those that did not change) keeps its export object too. The
 * document is the one `PlanBuilder.plan` gives (test/unit/two-sides.test.ts).
 *
 * Only for services whose parses are never changed in place: the one-shot CLI's (the editor's
 * incremental parser copies the root of a document it re-parses, but a plan that outlives a build
 * is not what the views need).
 */
import type { LangiumDocument, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Workspace } from '../language/generated/ast.js';
import type { FindingPolicy } from '../language/validation/finding-policy.js';
import { relativePath } from '../language/workspace/file-places.js';
import { subjectsByOffset } from '../language/ast/subject.js';
import { lineStarts, offsetOf } from '../language/text/text-scan.js';
import { byPlace, compareText } from '../contract/findings.js';
import type { AcctPlanDocument, DiagnosticJson, WaivedJson } from '../contract/plan-types.js';
import { diagnosticJson } from './diagnostics.js';
import { computePlan } from './plan-json.js';

/** One file's findings as the export writes them, sorted by place. */
export interface FileFindings {
    path: string;
    diagnostics: DiagnosticJson[];
    waived: WaivedJson[];
}

/** One file's elements as the export writes them. */
export type FileElements = Pick<AcctPlanDocument, 'members' | 'competitors' | 'customers'>;

/** One file's parse and findings, its elements converted only when asked for (PlanByFile.elementsOf). */
export interface FileSide {
    path: string;
    root: Workspace;
    findings: FileFindings;
}

/** One file's part of the plan: the same objects while its parse (elements) and its findings are the same. */
export interface FilePart {
    path: string;
    elements: FileElements;
    findings: FileFindings;
}

interface KeptFindings extends FileFindings {
    /** The policy's waived list they were made with (a new validation makes a new one). */
    waivedFrom: readonly unknown[];
}

/** What a file's part is made from. */
interface MadeFrom {
    root: Workspace;
    diagnostics: readonly Diagnostic[] | undefined;
    waived: readonly unknown[];
}

/** A finding as the export writes it, and what it was written from (the policy sets a severity in place). */
interface Written {
    path: string;
    root: Workspace;
    severity: unknown;
    message: unknown;
    json: DiagnosticJson;
}

export class PlanByFile {
    /** Each file's elements, by its parse. */
    private readonly elements = new WeakMap<Workspace, FileElements>();
    /** Each file's findings, by the diagnostics of the validation that found them. */
    private readonly findings = new WeakMap<readonly Diagnostic[], KeptFindings>();
    /** Each finding's export object: a finding a new validation kept is not converted again. */
    private readonly written = new WeakMap<Diagnostic, Written>();
    /** Each parse's subject finder (the declarations' spans), found once per parse. */
    private readonly subjects = new WeakMap<Workspace, ReturnType<typeof subjectsByOffset>>();
    /** Per parse, where its text's lines start (the text it was parsed from: found once, not at each new finding of the file). */
    private readonly lines = new WeakMap<Workspace, { text: string; starts: Uint32Array }>();
    /** Each document's findings as last written (sortedJson), while it has no waived findings. */
    private readonly aligned = new WeakMap<LangiumDocument, Aligned>();
    /** Each file's path, relative to `pathsBase`. */
    private readonly paths = new Map<string, string>();
    private pathsBase: string | undefined;
    /** Each plan made here: its findings by file (the same object on both sides: the file's findings did not change). */
    readonly findingsByFile = new WeakMap<AcctPlanDocument, Map<string, FileFindings>>();

    constructor(private readonly policy: FindingPolicy) {}

    /** The `acct-plan` document of `documents`, paths relative to `base`. */
    plan(documents: readonly LangiumDocument<Workspace>[], base: URI | undefined, today: string): AcctPlanDocument {
        const parts = this.parts(documents, base);
        const plan = assemblePlan(parts, today);
        this.findingsByFile.set(plan, new Map(parts.map(part => [part.path, part.findings])));
        return plan;
    }

    /** Each file's part, in the order of their paths (relative to `base`). */
    parts(documents: readonly LangiumDocument<Workspace>[], base: URI | undefined): FilePart[] {
        const files = this.inPathOrder(documents, base);
        const last = this.lastParts?.files === files ? this.lastParts : undefined;
        const made: MadeFrom[] = [];
        const parts = files.map(({ doc, path }, i): FilePart => {
            const from: MadeFrom = { root: doc.parseResult.value, diagnostics: doc.diagnostics, waived: this.policy.waivedIn(doc) };
            made.push(from);
            // the same parse, findings and waived findings as the last time: the same part
            const was = last?.made[i];
            if (was && was.root === from.root && was.diagnostics === from.diagnostics && was.waived === from.waived) return last.parts[i]!;
            return { path, elements: this.elementsOf(doc.parseResult.value, path), findings: this.findingsOf(doc, path) };
        });
        this.lastParts = { files, made, parts };
        return parts;
    }

    /**
     * Each file's parse and findings, in the order of their paths, its elements not converted
     * (`acct diff` converts only those of the files whose parse differs: plan/diff-sides.ts).
     */
    sides(documents: readonly LangiumDocument<Workspace>[], base: URI | undefined): FileSide[] {
        return this.inPathOrder(documents, base).map(({ doc, path }) => ({ path, root: doc.parseResult.value, findings: this.findingsOf(doc, path) }));
    }

    /** The parts last made, and what each was made from. */
    private lastParts: { files: readonly unknown[]; made: MadeFrom[]; parts: FilePart[] } | undefined;

    /** The documents with their paths, sorted by path: the last order again when the documents are the same (`acct history`: most commits). */
    private lastOrder:
        { documents: readonly LangiumDocument[]; base: string | undefined; files: Array<{ doc: LangiumDocument<Workspace>; path: string }> } | undefined;
    private inPathOrder(documents: readonly LangiumDocument<Workspace>[], base: URI | undefined): Array<{ doc: LangiumDocument<Workspace>; path: string }> {
        const last = this.lastOrder;
        const baseKey = base?.toString();
        if (last && last.base === baseKey && last.documents.length === documents.length && last.documents.every((doc, i) => doc === documents[i]))
            return last.files;
        const files = documents.map(doc => ({ doc, path: this.path(doc.uri, base) })).sort((a, b) => compareText(a.path, b.path));
        this.lastOrder = { documents: [...documents], base: baseKey, files };
        return files;
    }

    /** The path of `uri` in the output, relative to `base`. */
    path(uri: URI, base: URI | undefined): string {
        const baseKey = base?.toString();
        if (baseKey !== this.pathsBase) {
            this.paths.clear();
            this.pathsBase = baseKey;
        }
        const key = uri.toString();
        let known = this.paths.get(key);
        if (known === undefined) this.paths.set(key, (known = relativePath(uri, base)));
        return known;
    }

    /** The elements of a file's parse, converted once per parse. */
    elementsOf(root: Workspace, path: string): FileElements {
        let elements = this.elements.get(root);
        if (!elements) {
            const { members, competitors, customers } = computePlan([{ path, root }], { today: '', diagnostics: [], waived: [] });
            elements = { members, competitors, customers };
            this.elements.set(root, elements);
        }
        return elements;
    }

    private findingsOf(doc: LangiumDocument<Workspace>, path: string): FileFindings {
        const diagnostics = doc.diagnostics ?? [];
        const waivedIn = this.policy.waivedIn(doc);
        const kept = this.findings.get(diagnostics);
        const sameWaived = (was: readonly unknown[]) => was === waivedIn || (was.length === 0 && waivedIn.length === 0);
        if (kept && kept.path === path && sameWaived(kept.waivedFrom)) return kept;
        const root = doc.parseResult.value;
        let at: ReturnType<typeof subjectsByOffset> | undefined;
        // the offset as the document's offsetAt gives it, from line starts found by the engine's search
        // (the document's own line table, made for this alone, cost more than the findings: plan-builder.ts)
        const text = doc.textDocument.getText();
        let starts: Uint32Array | undefined;
        const startsOf = () => {
            let known = this.lines.get(root);
            if (known?.text !== text) this.lines.set(root, (known = { text, starts: lineStarts(text) }));
            return known.starts;
        };
        const json = (d: Diagnostic): DiagnosticJson => {
            const written = this.written.get(d);
            if (written && written.path === path && written.root === root && written.severity === d.severity && written.message === d.message) {
                return written.json;
            }
            if (!at) {
                at = this.subjects.get(root);
                if (!at) this.subjects.set(root, (at = subjectsByOffset(root)));
            }
            const start = d.range.start;
            const made = diagnosticJson(path, d, at(offsetOf(text, (starts ??= startsOf()), start.line, start.character)));
            this.written.set(d, { path, root, severity: d.severity, message: d.message, json: made });
            return made;
        };
        const made: KeptFindings = {
            path,
            waivedFrom: waivedIn,
            diagnostics: this.sortedJson(doc, root, path, diagnostics, waivedIn.length === 0, json),
            waived: waivedIn
                .map(({ diagnostic, waiver }): WaivedJson => ({ ...json(diagnostic), reason: waiver.reason ?? '', until: waiver.until ?? null }))
                .sort(byPlace),
        };
        this.findings.set(diagnostics, made);
        return made;
    }

    /**
     * diagnostics.map(json).sort(byPlace) — but when `doc`'s last list of the same parse and path
     * (without waivers) was as long and differs at a few places only (`acct history`: a file
     * re-checked for a new day, whose "N days ago" findings alone are new), its written findings
     * are kept where the findings are the same, and only the new ones are written and put in
     * their place: the order a stable sort gives (by place, then by index in the list).
     */
    private sortedJson(
        doc: LangiumDocument,
        root: Workspace,
        path: string,
        diagnostics: readonly Diagnostic[],
        keep: boolean,
        json: (d: Diagnostic) => DiagnosticJson,
    ): DiagnosticJson[] {
        const last = keep ? this.aligned.get(doc) : undefined;
        const made = (last?.root === root && last.path === path && realigned(last, diagnostics, json)) || aligned(root, path, diagnostics, json);
        if (keep) this.aligned.set(doc, made);
        else this.aligned.delete(doc);
        return made.order.map(i => made.jsons[i]!);
    }
}

/** A file's findings as last written, by their index in the list they were written from (for the next list of the same parse). */
export interface Aligned {
    root: Workspace;
    path: string;
    from: readonly Diagnostic[];
    /** Each finding's severity and message when written (the policy sets a severity in place). */
    severities: unknown[];
    messages: unknown[];
    jsons: DiagnosticJson[];
    /** The indices in the order of the output: by place, then by index (what a stable sort gives). */
    order: number[];
}

export function aligned(root: Workspace, path: string, from: readonly Diagnostic[], json: (d: Diagnostic) => DiagnosticJson): Aligned {
    const jsons = from.map(json);
    const order = jsons.map((_, i) => i).sort((a, b) => byPlace(jsons[a]!, jsons[b]!) || a - b);
    return { root, path, from, severities: from.map(d => d.severity), messages: from.map(d => d.message), jsons, order };
}

/**
 * `from` written as `last` amended at the places where its findings differ; undefined when the
 * lists are of other lengths or differ at more than half their places (then writing it whole is as quick).
 */
export function realigned(last: Aligned, from: readonly Diagnostic[], json: (d: Diagnostic) => DiagnosticJson): Aligned | undefined {
    if (from.length !== last.from.length) return undefined;
    const changed: number[] = [];
    for (let i = 0; i < from.length; i++) {
        const d = from[i]!;
        if (d === last.from[i] && d.severity === last.severities[i] && d.message === last.messages[i]) continue;
        if (changed.push(i) * 2 > from.length) return undefined;
    }
    if (changed.length === 0) return { ...last, from };
    const jsons = last.jsons.slice();
    const severities = last.severities.slice();
    const messages = last.messages.slice();
    for (const i of changed) {
        jsons[i] = json(from[i]!);
        severities[i] = from[i]!.severity;
        messages[i] = from[i]!.message;
    }
    // the others keep their order (their places and indices are the same); the new ones, sorted, are merged in
    const before = (a: number, b: number) => byPlace(jsons[a]!, jsons[b]!) || a - b;
    const out = new Set(changed);
    const kept = last.order.filter(i => !out.has(i));
    changed.sort(before);
    const order: number[] = [];
    let k = 0;
    for (const i of kept) {
        while (k < changed.length && before(changed[k]!, i) < 0) order.push(changed[k++]!);
        order.push(i);
    }
    while (k < changed.length) order.push(changed[k++]!);
    return { root: last.root, path: last.path, from, severities, messages, jsons, order };
}

/** The `acct-plan` document of the files' parts (in the order of their paths). */
export function assemblePlan(parts: readonly FilePart[], today: string): AcctPlanDocument {
    const plan: AcctPlanDocument = {
        format: 'acct-plan',
        version: 1,
        today,
        files: parts.map(part => part.path),
        members: [],
        competitors: [],
        customers: [],
        diagnostics: [],
        waived: [],
    };
    for (const { elements, findings } of parts) {
        for (const member of elements.members) plan.members.push(member);
        for (const competitor of elements.competitors) plan.competitors.push(competitor);
        for (const customer of elements.customers) plan.customers.push(customer);
        for (const d of findings.diagnostics) plan.diagnostics.push(d);
        for (const d of findings.waived) plan.waived.push(d);
    }
    return plan;
}
