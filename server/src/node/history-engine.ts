/**
 * The engine of the plan over time (plan-history.ts reads git and hands it the commits): one
 * set of language services holds the workspace from commit to commit; each commit's changed
 * files are updated in it, each distinct content (git blob) is parsed once and its parse kept by
 * blob id, and when today moves to another day the untouched files whose findings the move can
 * change are validated again (checks/date-driven.ts). Reads nothing itself: the blobs are given.
 */
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument, type ParseResult } from 'langium';
import { createAcctServices } from '../acct-module.js';
import type { Workspace } from '../language/generated/ast.js';
import { relativePath } from '../language/workspace/file-places.js';
import { indexManagerInternals } from '../language/langium-internals.js';
import { IncrementalDocumentFactory } from '../language/incremental/incremental-document-factory.js';
import { computePlan } from '../plan/plan-json.js';
import { diffPlans } from '../contract/plan-diff.js';
import { blobText, commitFileSystem, emptyPlan, samePlan, unlink } from './commit-plans.js';
import type { HistoryStep } from '../contract/history-report.js';
import { byPlace, compareText } from '../contract/findings.js';
import { subjectsByOffset } from '../language/ast/subject.js';
import { diagnosticJson } from '../plan/diagnostics.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AcctPlanDocument, DiagnosticJson, WaivedJson } from '../contract/plan-types.js';
import type { Locale } from '../method/index.js';
import { DAY_COUNTING_CODES, datesIn, mayChangeBetween } from '../language/validation/checks/date-driven.js';
import type { GitWorkTree } from './git.js';
import type { AcctDocumentValidator } from '../language/validation/acct-document-validator.js';
import type { CommitRecord } from './git-history.js';

export interface HistoryOptions {
    /** A date `YYYY-MM-DD` (commits on or after it) or a revision (commits after it); default the whole history. */
    since?: string;
    /** The revision whose first-parent history is read; default `HEAD`. */
    until?: string;
    /** Check every commit with this date instead of its own committer date. */
    today?: string;
    /** Paths in the output are relative to this folder; PATHs are read from it. Default: the current directory. */
    cwd?: string;
    /** The language of the findings' messages. */
    locale?: Locale;
    /** Tests only: validate every file again at every commit (the oracle of the date-driven re-checks). */
    fullRecheck?: boolean;
}

/** One commit of the history that changed the plan: what `acct history` prints of it, and its whole plan (checked with its date as today). */
export interface PlanCommit extends HistoryStep {
    plan: AcctPlanDocument;
}

export interface PlanHistory {
    /** True in a shallow clone: the history starts at the shallow boundary. */
    shallow: boolean;
    /** In a shallow clone, the oldest commit read (the boundary). */
    boundary?: string;
    /** Oldest first; read lazily, one commit at a time. */
    commits: AsyncIterable<PlanCommit>;
    /** What the run cost: parses done, distinct blobs read, commits read from git. */
    stats: { parses: number; blobs: number; commitsRead: number };
}

interface FileFindings {
    path: string;
    /** The finding policy's waived list it was made with (a new validation makes a new one). */
    waivedFrom: unknown;
    diagnostics: DiagnosticJson[];
    waived: WaivedJson[];
}

export class HistoryEngine {
    blobs = new Map<string, Buffer>();
    private readonly counters = { parses: 0 };
    private readonly services;
    private readonly validator: AcctDocumentValidator;
    private readonly fileSystem = commitFileSystem();
    /** The plan files of the commit last checked: path from the root → blob id. */
    private readonly current: Map<string, string>;
    /** Kept parses by blob id, and the document each is given to now. */
    private readonly parses = new Map<string, ParseResult<Workspace>>();
    private readonly parseInUse = new Map<ParseResult<Workspace>, string>();
    private readonly blobOf = new Map<string, string>();
    private built = false;
    /** The date the workspace was last checked with. */
    private checkedOn: string | undefined;
    /** The dates each file's text holds (datesIn), by file. */
    private readonly dates = new Map<string, { text: string; days: number[] }>();
    /** How many more times each blob will be given to a file: a parse no file will need again is let go. */
    readonly remaining = new Map<string, number>();
    /** Each file's elements as the export writes them, by parse: a file that did not change is not converted again. */
    private readonly elements = new WeakMap<Workspace, Pick<AcctPlanDocument, 'members' | 'competitors' | 'customers'>>();
    /** Each file's findings as the export writes them, by the validation that found them. */
    private readonly findings = new WeakMap<object, FileFindings>();
    /** Each plan's findings by file: a file whose findings are the same object on both sides is not compared again. */
    readonly findingsByFile = new WeakMap<AcctPlanDocument, Map<string, FileFindings>>();

    constructor(
        private readonly tree: GitWorkTree,
        private readonly cwd: string,
        private readonly options: HistoryOptions,
        initial: Map<string, string>,
        private readonly startDate: string | null,
    ) {
        const fileSystem = this.fileSystem;
        this.services = createAcctServices({ fileSystemProvider: () => fileSystem, oneShot: true });
        const { Acct } = this.services;
        this.validator = Acct.validation.DocumentValidator as AcctDocumentValidator;
        this.validator.keepForDates = !options.fullRecheck;
        Acct.workspace.AcctSettings.locale = options.locale ?? 'en';
        Acct.workspace.AcctSettings.baseFolder = URI.file(cwd);
        this.current = new Map(initial);
        this.keepParses();
    }

    stats(blobs: number, commitsRead: number): PlanHistory['stats'] {
        const counters = this.counters;
        return {
            get parses() {
                return counters.parses;
            },
            blobs,
            commitsRead,
        };
    }

    private uri(name: string): URI {
        return URI.file(path.join(this.tree.root, name));
    }

    /** Every parse goes through here: a content parsed before is given back (its links undone), else parsed once and kept. */
    private keepParses(): void {
        const factory = this.services.shared.workspace.LangiumDocumentFactory;
        if (!(factory instanceof IncrementalDocumentFactory)) throw new Error('acct: the history engine needs the IncrementalDocumentFactory');
        const parser = this.services.Acct.parser.LangiumParser;
        factory.parseSource = {
            replaced: (uri, before, after) => {
                if (after !== before && this.parseInUse.get(before as ParseResult<Workspace>) === uri.toString()) this.letGo(before as ParseResult<Workspace>);
            },
            parse: (uri, text) => {
                const key = uri.toString();
                const blob = this.blobOf.get(key);
                const kept = blob === undefined ? undefined : this.parses.get(blob);
                if (kept && !this.parseInUse.has(kept)) {
                    unlink(kept);
                    this.parseInUse.set(kept, key);
                    return kept;
                }
                this.counters.parses++;
                const parsed = parser.parse<Workspace>(text);
                if (blob !== undefined && !kept) this.parses.set(blob, parsed);
                if (blob !== undefined && !kept) this.parseInUse.set(parsed, key);
                return parsed;
            },
        };
    }

    /** Gives a document back its kept parse's slot when it is deleted. */
    private release(key: string): void {
        for (const [parse, holder] of this.parseInUse)
            if (holder === key) {
                this.letGo(parse);
                break;
            }
    }

    /** A parse no document holds: kept while its blob will come back, else let go. */
    private letGo(parse: ParseResult<Workspace>): void {
        this.parseInUse.delete(parse);
        for (const [blob, kept] of this.parses) {
            if (kept === parse && (this.remaining.get(blob) ?? 0) <= 0) {
                this.parses.delete(blob);
                break;
            }
        }
    }

    /** Brings the workspace to `files` with `today`; returns its plan. */
    private async check(files: Map<string, string>, today: string, renamed: Map<string, string>): Promise<AcctPlanDocument> {
        const { shared, Acct } = this.services;
        const builder = shared.workspace.DocumentBuilder;
        const documents = shared.workspace.LangiumDocuments;
        const unparsed = (uri: URI) => {
            const document = shared.workspace.LangiumDocumentFactory.fromModel({ $type: 'INVALID' } as never, uri);
            (document as { state: DocumentState }).state = DocumentState.Changed;
            return document;
        };
        const changed: URI[] = [];
        const deleted: URI[] = [];
        for (const [name] of this.current) {
            if (!files.has(name)) deleted.push(this.uri(name));
        }
        // first the files deleted: their parses are free for the contents that come back (a rename)
        for (const uri of deleted) {
            this.fileSystem.texts.delete(uri.toString());
            this.blobOf.delete(uri.toString());
            this.dates.delete(uri.toString());
            this.release(uri.toString());
        }
        for (const [name, blob] of files) {
            if (this.built && this.current.get(name) === blob) continue;
            const uri = this.uri(name);
            const left = (this.remaining.get(blob) ?? 1) - 1;
            this.remaining.set(blob, left);
            this.fileSystem.texts.set(uri.toString(), blobText(this.blobs.get(blob)));
            if (left <= 0) this.blobs.delete(blob); // its text is with the file now; no later commit needs the bytes
            this.blobOf.set(uri.toString(), blob);
            changed.push(uri);
        }
        void renamed;
        // Each side is checked with its own date (contract 7.6): the changed files, those whose findings depend
        // on them, and — when the date moved — the untouched files whose findings the move can change.
        Acct.workspace.AcctSettings.todayOverride = today;
        // the untouched documents whose findings the date can change, and their findings before the update
        let dated: Array<[LangiumDocument, Diagnostic[] | undefined]> = [];
        if (this.built && (this.options.fullRecheck || this.checkedOn !== today)) {
            const fresh = new Set([...changed, ...deleted].map(uri => uri.toString()));
            for (const document of this.dateDependent(fresh, this.checkedOn ?? today, today)) {
                if (this.options.fullRecheck) builder.resetToState(document, DocumentState.IndexedReferences);
                else dated.push([document, document.diagnostics]);
            }
        }
        this.checkedOn = today;
        if (!this.built) {
            const created = changed.map(uri => {
                const document = unparsed(uri);
                documents.addDocument(document);
                return document;
            });
            await builder.build(created, { validation: true });
            this.built = true;
        } else {
            // a new file: a document to parse (the builder would ask a file system what the URI is)
            for (const uri of changed) if (!documents.hasDocument(uri)) documents.addDocument(unparsed(uri));
            await builder.update(changed, deleted);
        }
        // Those the update did not validate again (their text and links are the same): only their date-driven
        // checks run again; one whose findings before the policy were not kept is validated in full.
        dated = dated.filter(([document, before]) => document.diagnostics === before && document.state === DocumentState.Validated);
        let full = false;
        for (const [document, before] of dated) {
            const after = await this.validator.revalidateDates(document);
            if (!after) {
                builder.resetToState(document, DocumentState.IndexedReferences);
                full = true;
            } else if (!before || after.length !== before.length || after.some((d, i) => d !== before[i])) {
                document.diagnostics = after;
            }
        }
        if (full) await builder.update([], []);
        this.current.clear();
        for (const [name, blob] of files) this.current.set(name, blob);
        return this.plan(today);
    }

    /**
     * The documents not in `fresh` whose findings can differ between `from` and `to`: those holding a
     * finding that counts days (checks/date-driven.ts), those with a date whose critical day falls between
     * the two, and the documents referring to them or referred to by them.
     */
    private dateDependent(fresh: Set<string>, from: string, to: string): LangiumDocument[] {
        const { shared, Acct } = this.services;
        const all = shared.workspace.LangiumDocuments.all.filter(doc => !fresh.has(doc.uri.toString())).toArray();
        if (this.options.fullRecheck) return all;
        const thresholds = Acct.workspace.WorkspaceFacts.policy();
        const policy = Acct.validation.FindingPolicy;
        const hit = all.filter(doc => {
            // a finding that counts days changes with every day; the others only on a critical day of a date
            if ((doc.diagnostics ?? []).some(d => DAY_COUNTING_CODES.has(String(d.code)))) return true;
            if (policy.waivedIn(doc).some(({ diagnostic }) => DAY_COUNTING_CODES.has(String(diagnostic.code)))) return true;
            const key = doc.uri.toString();
            const text = this.fileSystem.texts.get(key) ?? doc.textDocument.getText();
            let known = this.dates.get(key);
            if (!known || known.text !== text) this.dates.set(key, (known = { text, days: datesIn(text) }));
            return mayChangeBetween(known.days, from, to, thresholds);
        });
        if (hit.length === 0) return [];
        const hitUris = new Set(hit.map(doc => doc.uri.toString()));
        const index = indexManagerInternals(shared.workspace.IndexManager);
        const referred = new Set<string>();
        for (const uri of hitUris) for (const ref of index.referenceIndex?.get(uri) ?? []) referred.add(ref.targetUri.toString());
        return all.filter(doc => hitUris.has(doc.uri.toString()) || referred.has(doc.uri.toString()) || index.isAffected(doc, hitUris));
    }

    /** The plan of the workspace as `acct export` gives it, each unchanged file's part reused. */
    private plan(today: string): AcctPlanDocument {
        const base = URI.file(this.cwd);
        const builder = this.services.Acct.plan.PlanBuilder;
        const files = builder
            .acctDocuments()
            .map(doc => ({ path: relativePath(doc.uri, base), root: doc.parseResult.value }))
            .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        const plan = emptyPlan(today);
        plan.files = files.map(f => f.path);
        for (const file of files) {
            let part = this.elements.get(file.root);
            if (!part) {
                const { members, competitors, customers } = computePlan([file], { today, diagnostics: [], waived: [] });
                part = { members, competitors, customers };
                this.elements.set(file.root, part);
            }
            plan.members.push(...part.members);
            plan.competitors.push(...part.competitors);
            plan.customers.push(...part.customers);
        }
        // Findings file by file, each file's converted once per validation of it (sorted by place: file, then line, column…)
        const policy = this.services.Acct.validation.FindingPolicy;
        const byFile = new Map<string, FileFindings>();
        for (const doc of builder.acctDocuments().sort((a, b) => compareText(relativePath(a.uri, base), relativePath(b.uri, base)))) {
            const diagnostics = doc.diagnostics ?? [];
            const waivedIn = policy.waivedIn(doc);
            let part = this.findings.get(diagnostics);
            if (!part || part.waivedFrom !== waivedIn || part.path !== relativePath(doc.uri, base)) {
                const path = relativePath(doc.uri, base);
                const at = subjectsByOffset(doc.parseResult.value);
                const subject = (d: Diagnostic) => at(doc.textDocument.offsetAt(d.range.start));
                part = {
                    path,
                    waivedFrom: waivedIn,
                    diagnostics: diagnostics.map(d => diagnosticJson(path, d, subject(d))).sort(byPlace),
                    waived: waivedIn
                        .map(({ diagnostic, waiver }): WaivedJson => ({
                            ...diagnosticJson(path, diagnostic, subject(diagnostic)),
                            reason: waiver.reason ?? '',
                            until: waiver.until ?? null,
                        }))
                        .sort(byPlace),
                };
                this.findings.set(diagnostics, part);
            }
            byFile.set(part.path, part);
            plan.diagnostics.push(...part.diagnostics);
            plan.waived.push(...part.waived);
        }
        this.findingsByFile.set(plan, byFile);
        return plan;
    }

    async *run(log: CommitRecord[], isPlan: (name: string) => boolean): AsyncGenerator<PlanCommit> {
        const files = new Map(this.current);
        let before: AcctPlanDocument = this.current.size
            ? await this.check(files, this.options.today ?? this.startDate!.slice(0, 10), new Map())
            : emptyPlan(this.options.today ?? '1970-01-01');
        let beforeFiles = this.current.size;
        for (const record of log) {
            const renamed = new Map<string, string>();
            let touched = false;
            for (const change of record.files) {
                const from = change.path;
                const to = change.to ?? change.path;
                if (change.status === 'R') {
                    if (isPlan(from) && files.delete(from)) touched = true;
                    if (isPlan(to)) {
                        files.set(to, change.blob!);
                        touched = true;
                    }
                    if (isPlan(from) && isPlan(to)) renamed.set(this.relative(from), this.relative(to));
                } else if (change.status === 'D' || change.blob === null) {
                    if (isPlan(from) && files.delete(from)) touched = true;
                } else if (isPlan(to)) {
                    files.set(to, change.blob!);
                    touched = true;
                }
            }
            // before the first commit that holds a plan, and commits that touch no plan: left out
            if (!touched || (files.size === 0 && beforeFiles === 0)) continue;
            const today = this.options.today ?? record.date.slice(0, 10);
            const after = await this.check(files, today, renamed);
            beforeFiles = files.size;
            // the files whose findings are the same objects on both sides match each other: compare the others
            const [was, is] = [this.findingsByFile.get(before), this.findingsByFile.get(after)];
            const same = (path: string) => !!was && !!is && was.get(path) !== undefined && was.get(path) === is.get(path);
            const differing = (plan: AcctPlanDocument, files?: Map<string, FileFindings>) => ({
                diagnostics: files ? [...files].filter(([path]) => !same(path)).flatMap(([, f]) => f.diagnostics) : plan.diagnostics,
                waived: files ? [...files].filter(([path]) => !same(path)).flatMap(([, f]) => f.waived) : plan.waived,
            });
            const [earlier, later] = [
                { ...before, ...differing(before, was) },
                { ...after, ...differing(after, is) },
            ];
            if (samePlan(earlier, later)) {
                before = after;
                continue;
            }
            const { changes, newFindings, resolvedFindings, changedFindings, unchecked } = diffPlans(
                earlier,
                later,
                { from: record.parent ?? '', to: record.commit },
                renamed,
            );
            let [error, warning, info] = [0, 0, 0];
            for (const d of after.diagnostics) {
                if (d.severity === 'error') error++;
                else if (d.severity === 'warning') warning++;
                else info++;
            }
            const count = (severity: string) => (({ error, warning, info }) as Record<string, number>)[severity]!;
            yield {
                commit: record.commit,
                date: record.date,
                author: record.author,
                message: record.message,
                changes,
                newFindings,
                resolvedFindings,
                changedFindings,
                unchecked,
                counts: { error: count('error'), warning: count('warning'), info: count('info') },
                plan: after,
            };
            before = after;
        }
    }

    private relative(name: string): string {
        return relativePath(this.uri(name), URI.file(this.cwd));
    }
}
