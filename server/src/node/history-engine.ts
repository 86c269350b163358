/**
 * The engine of the plan over time (plan-history.ts reads git and hands it the commits): one
 * set of language services holds the workspace from commit to commit; each commit's changed
 * files are updated in it, each distinct content (git blob) is parsed once and its parse kept by
 * blob id (history-parses.ts), and when today moves to another day the untouched files whose findings the move can
 * change are validated again (checks/date-driven.ts); each commit's plan and its step are made of
 * the parts of the commit before (history-plan.ts). Reads nothing itself: the blobs are given.
 */
import * as path from 'node:path';
import { Cancellation, DocumentState, URI, type LangiumDocument } from 'langium';
import { createAcctServices } from '../acct-module.js';
import { relativePath } from '../language/workspace/file-places.js';
import { indexManagerInternals } from '../language/langium-internals.js';
import { blobText, commitFileSystem } from './commit-plans.js';
import type { HistoryStep } from '../contract/history-report.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AcctPlanDocument } from '../contract/plan-types.js';
import { dayNumber, type Locale } from '../method/index.js';
import { datesIn, mayChangeBetween } from '../language/validation/checks/date-driven.js';
import type { GitWorkTree } from './git.js';
import type { AcctDocumentValidator } from '../language/validation/acct-document-validator.js';
import type { CommitRecord } from './git-history.js';
import { KeptParses } from './history-parses.js';
import { countsDays } from './days-counted.js';
import { PlanParts, type PlanSnapshot } from './history-plan.js';
import type { BlobReader } from './blob-reader.js';

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
    /** Tests only: parse every content in full and validate every file again at every commit (the oracle of the date-driven re-checks and the incremental parse). */
    fullRecheck?: boolean;
    /**
     * The language server: resolves when its own checks are done. The reading waits for it between
     * the steps of a commit, and its builder gives way every few milliseconds (the command line does not).
     */
    giveWay?: () => Promise<void>;
}

/**
 * One commit of the history that changed the plan: what `acct history` prints of it, and its whole
 * plan (checked with its date as today), assembled from its files' parts when first read (not
 * enumerable: `{ ...commit }` is the step alone).
 */
export interface PlanCommit extends HistoryStep {
    readonly plan: AcctPlanDocument;
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

/** How many blobs the reading asks git for at a time, ahead of the commit it comes to (a bounded read-ahead). */
const BLOB_BATCH = 64;

export class HistoryEngine {
    /** The blobs read and still to be given to a file. */
    blobs = new Map<string, Buffer>();
    /** Reads blobs by id (one `git cat-file --batch` for all of them, blob-reader.ts); closed once the last is read, or the run ends. */
    blobReader: Pick<BlobReader, 'read' | 'close'> = { read: () => Promise.resolve(new Map()), close: () => undefined };
    private readonly services;
    private readonly validator: AcctDocumentValidator;
    private readonly fileSystem = commitFileSystem();
    /** Each distinct blob parsed once (history-parses.ts). */
    private readonly kept: KeptParses;
    /** Each commit's plan made of the parts of the one before (history-plan.ts). */
    private readonly parts: PlanParts;
    /** The plan files of the commit last checked: path from the root → blob id. */
    private readonly current: Map<string, string>;
    private built = false;
    /** The date the workspace was last checked with. */
    private checkedOn: string | undefined;
    /** The dates each file's text holds (datesIn), by file. */
    private readonly dates = new Map<string, { text: string; days: number[] }>();
    /** None for the command line; in the language server, a token that makes the builder give way every few milliseconds. */
    private readonly token: Cancellation.CancellationToken;

    constructor(
        private readonly tree: GitWorkTree,
        private readonly cwd: string,
        private readonly options: HistoryOptions,
        initial: Map<string, string>,
        private readonly startDate: string | null,
    ) {
        const fileSystem = this.fileSystem;
        // the one-shot checks (only those the policy keeps, no element findings kept by key) on the tree the incremental parser needs
        this.services = createAcctServices({ fileSystemProvider: () => fileSystem, oneShot: true, oneShotChecks: true });
        const { Acct } = this.services;
        this.validator = Acct.validation.DocumentValidator as AcctDocumentValidator;
        this.validator.keepForDates = !options.fullRecheck;
        Acct.workspace.AcctSettings.locale = options.locale ?? 'en';
        Acct.workspace.AcctSettings.baseFolder = URI.file(cwd);
        this.current = new Map(initial);
        this.kept = new KeptParses(this.services, !options.fullRecheck);
        this.parts = new PlanParts(cwd, Acct.validation.FindingPolicy);
        this.token = options.giveWay ? new Cancellation.CancellationTokenSource().token : Cancellation.CancellationToken.None;
    }

    /** How many more times each blob will be given to a file. */
    get remaining(): Map<string, number> {
        return this.kept.remaining;
    }

    stats(blobs: number, commitsRead: number): PlanHistory['stats'] {
        const kept = this.kept;
        return {
            get parses() {
                return kept.parses;
            },
            blobs,
            commitsRead,
        };
    }

    private uri(name: string): URI {
        return URI.file(path.join(this.tree.root, name));
    }

    /** Brings the workspace to `files` with `today`; returns its plan, as its files' parts. */
    private async check(files: Map<string, string>, today: string, renamed: Map<string, string>): Promise<PlanSnapshot> {
        const { shared, Acct } = this.services;
        const builder = shared.workspace.DocumentBuilder;
        const documents = shared.workspace.LangiumDocuments;
        await this.giveWay();
        const unparsed = (uri: URI) => {
            const document = shared.workspace.LangiumDocumentFactory.fromModel({ $type: 'INVALID' } as never, uri);
            (document as { state: DocumentState }).state = DocumentState.Changed;
            return document;
        };
        const changed: URI[] = [];
        const deleted: URI[] = [];
        const [gone, written]: [string[], string[]] = [[], []];
        for (const [name] of this.current) {
            if (!files.has(name)) {
                deleted.push(this.uri(name));
                gone.push(name);
            }
        }
        // first the files deleted: their parses are free for the contents that come back (a rename)
        for (const uri of deleted) {
            this.fileSystem.texts.delete(uri.toString());
            this.dates.delete(uri.toString());
            this.kept.release(uri.toString());
        }
        for (const [name, blob] of files) {
            if (this.built && this.current.get(name) === blob) continue;
            const uri = this.uri(name);
            const left = (this.kept.remaining.get(blob) ?? 1) - 1;
            this.kept.remaining.set(blob, left);
            this.fileSystem.texts.set(uri.toString(), blobText(this.blobs.get(blob)));
            if (left <= 0) this.blobs.delete(blob); // its text is with the file now; no later commit needs the bytes
            this.kept.blobOf.set(uri.toString(), blob);
            changed.push(uri);
            written.push(name);
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
            await builder.build(created, { validation: true }, this.token);
            this.built = true;
        } else {
            // a new file: a document to parse (the builder would ask a file system what the URI is)
            for (const uri of changed) if (!documents.hasDocument(uri)) documents.addDocument(unparsed(uri));
            await builder.update(changed, deleted, this.token);
        }
        // Those the update did not validate again (their text and links are the same): only their date-driven
        // checks run again; one whose findings before the policy were not kept is validated in full.
        dated = dated.filter(([document, before]) => document.diagnostics === before && document.state === DocumentState.Validated);
        let full = false;
        for (const [document, before] of dated) {
            await this.giveWay();
            const after = await this.validator.revalidateDates(document, this.token);
            if (!after) {
                builder.resetToState(document, DocumentState.IndexedReferences);
                full = true;
            } else if (!before || after.length !== before.length || after.some((d, i) => d !== before[i])) {
                document.diagnostics = after;
            }
        }
        if (full) await builder.update([], [], this.token);
        // the files of this commit: those deleted and changed are the only ones that differ
        for (const name of gone) this.current.delete(name);
        for (const name of written) this.current.set(name, files.get(name)!);
        await this.giveWay();
        return this.parts.snapshot(Acct.plan.PlanBuilder.acctDocuments(), today);
    }

    /** In the language server: after its own checks, and on the next turn of the event loop. */
    private async giveWay(): Promise<void> {
        if (!this.options.giveWay) return;
        await this.options.giveWay();
        await new Promise(resolve => setImmediate(resolve));
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
            if (countsDays(doc.diagnostics ?? [])) return true;
            if (countsDays(policy.waivedIn(doc))) return true;
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
        // of those, a file whose findings its last check found to hold on the new day (no node of it runs
        // again: findings-for-dates.ts) keeps them without a re-check, which would give the same
        const day = dayNumber(to);
        const holds = (doc: LangiumDocument) => {
            const span = day === undefined ? undefined : this.validator.datesHoldOn(doc);
            return span !== undefined && span.from <= day! && day! <= span.to;
        };
        return all.filter(doc => (hitUris.has(doc.uri.toString()) || referred.has(doc.uri.toString()) || index.isAffected(doc, hitUris)) && !holds(doc));
    }

    async *run(log: CommitRecord[], isPlan: (name: string) => boolean): AsyncGenerator<PlanCommit> {
        try {
            yield* this.commits(log, isPlan);
        } finally {
            this.blobReader.close();
        }
    }

    private async *commits(log: CommitRecord[], isPlan: (name: string) => boolean): AsyncGenerator<PlanCommit> {
        const files = new Map(this.current);
        let before: PlanSnapshot = this.current.size
            ? await this.check(files, this.options.today ?? this.startDate!.slice(0, 10), new Map())
            : { today: this.options.today ?? '1970-01-01', files: [] };
        let beforeFiles = this.current.size;
        // the plan blobs of each commit, in order: read in batches as the reading comes to them
        const wanted = log.map(record => record.files.filter(f => f.blob && isPlan(f.to ?? f.path)).map(f => f.blob!));
        for (const [at, record] of log.entries()) {
            if (wanted[at]!.some(blob => !this.blobs.has(blob))) await this.readAhead(wanted, at);
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
            const step = this.parts.step(before, after, record, renamed);
            // a plan the same as the one before: the commit changes nothing (contract 7.6)
            if (step) yield this.commit(step, after);
            before = after;
        }
    }

    /**
     * The commit of `step`, its plan assembled from `snapshot` when first read (and kept); `plan` is
     * not enumerable, so that `{ ...commit }` is the step alone and does not assemble it.
     */
    private commit(step: HistoryStep, snapshot: PlanSnapshot): PlanCommit {
        const parts = this.parts;
        let plan: AcctPlanDocument | undefined;
        return Object.defineProperty({ ...step }, 'plan', { get: () => (plan ??= parts.plan(snapshot)), enumerable: false }) as PlanCommit;
    }

    /** Reads the blobs not read yet of the commits from `at` on, BLOB_BATCH of them at most (those of commit `at` all). */
    private async readAhead(wanted: readonly string[][], at: number): Promise<void> {
        const batch = new Set<string>();
        for (let i = at; i < wanted.length && (i === at || batch.size < BLOB_BATCH); i++) {
            for (const blob of wanted[i]!) if (!this.blobs.has(blob)) batch.add(blob);
        }
        let last = true;
        for (let i = at; last && i < wanted.length; i++) for (const blob of wanted[i]!) if (!this.blobs.has(blob) && !batch.has(blob)) last = false;
        for (const [id, bytes] of await this.blobReader.read([...batch])) this.blobs.set(id, bytes);
        // no later commit needs a blob not read: git's process can end now
        if (last) this.blobReader.close();
    }

    private relative(name: string): string {
        return relativePath(this.uri(name), URI.file(this.cwd));
    }
}
