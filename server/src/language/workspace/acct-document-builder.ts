/**
 * Re-checks only what an edit affects. Langium relinks every document that refers to a changed
 * one — an edit of `team.acct`, which every plan refers to, relinked and re-checked the whole
 * workspace. Here the changed documents are built first; then what the others depend on in them
 * (workspace-dependencies.ts) is compared with what it was, and only the documents concerned are
 * linked again (a reference whose name's declarations changed) or checked again (the policy, a
 * duplicate id's place, a competitor's name in a message). An edit that changes none of these — a
 * comment, a member's display name, anything in a customer — re-checks nothing else. The
 * incremental parse keeps an edited member or competitor the same node, so references to it stay.
 * A document linked again only because a member's id changed keeps its checks' findings (no check
 * reads which member a reference resolves to): only its linking findings are made again.
 */
import {
    DocumentState,
    isOperationCancelled,
    OperationCancelled,
    URI,
    type AstNode,
    type BuildOptions,
    type LangiumDocument,
    type ValidationRegistry,
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { Workspace } from '../generated/ast.js';
import { changeBetween, dependenciesOf, isEmptyChange, namesReferredBy, refersToAny, type Change, type Dependencies } from './workspace-dependencies.js';
import { LeanUpdateBuilder } from './lean-update.js';

/** The longest a workspace-wide request waits for the edits received before it (editsTakenIn). */
const WORKSPACE_WAIT_MS = 3_000;

export class AcctDocumentBuilder extends LeanUpdateBuilder {
    /** What the other documents depended on in each changed document before its change (until compared), and its URI. */
    private readonly before = new Map<string, { uri: URI; dependencies: Dependencies }>();
    /** While the changed documents are built, no other is marked for relinking: that is decided afterwards. */
    private deferring = false;
    /** Per document: the number of the latest edit the editor sent (noteEdited). */
    private readonly received = new Map<string, number>();
    /** Per document: the number of the latest edit an update has taken in and finished (noteUpdated). */
    private readonly updated = new Map<string, number>();
    private edits = 0;
    /** Per document: how many updates changed or deleted it; and of all documents (otherChanges). */
    private readonly changesOf = new Map<string, number>();
    private changes = 0;
    /** Requests waiting for an update: each checks whether it is there yet. */
    private readonly waiting = new Set<() => void>();
    /**
     * Documents whose checks' findings (acct-document-validator.ts) are those of their last
     * validation: validated, then linked again only because a member was declared, renamed or
     * removed elsewhere. No check reads which member a reference resolves to (only whether it
     * resolves: the linking findings, made again), so nothing else of them can have changed.
     * Any other reset of a document takes it out (resetToState).
     */
    private readonly checksKept = new WeakSet<LangiumDocument>();
    /** The document concerned() is resetting to link again in part (relinkOnly): any other reset drops that. */
    private relinking: LangiumDocument | undefined;
    /** Each document's validation registry, found once (the service registry reads the URI's name at every call). */
    private readonly registries = new WeakMap<LangiumDocument, ValidationRegistry>();

    /** Whether the checks' findings of `document`'s last validation hold for its next one (once: the mark is taken). */
    takeChecksKept(document: LangiumDocument): boolean {
        const kept = this.checksKept.has(document);
        this.checksKept.delete(document);
        return kept;
    }

    /**
     * A document reset to `Changed` is parsed again: its references stay resolved until it is
     * linked, which links again only those an edit may have changed (acct-linker.ts).
     */
    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        this.checksKept.delete(document);
        const linker = this.linkerOf(document);
        if (this.relinking !== document) linker.forgetRelinkOnly?.(document);
        if (state === DocumentState.Changed) linker.keepOnNextUnlink?.(document);
        try {
            super.resetToState(document, state);
        } finally {
            linker.keepOnNextUnlink?.(undefined);
        }
    }

    /**
     * The editor changed or deleted these documents (the update handler calls this as the edit
     * arrives, before it starts the update on its timer). Until an update that takes the edit in
     * has finished, a request about these documents — or about the whole workspace — waits
     * (waitUntil): it must not answer from the text before the edit. Returns the edit's number.
     */
    noteEdited(uris: readonly URI[]): number {
        const edit = ++this.edits;
        for (const uri of uris) this.received.set(uri.toString(), edit);
        return edit;
    }

    /** The number of the latest edit received (noteEdited): an update started now takes in every edit up to it. */
    get latestEdit(): number {
        return this.edits;
    }

    /**
     * An update of these documents that took in every edit up to `edit` has finished — built,
     * failed or cancelled (a cancelled update left them `Changed`: a request then waits for their
     * next build in Langium's waitUntil).
     */
    noteUpdated(uris: readonly URI[], edit: number): void {
        for (const uri of uris) {
            const key = uri.toString();
            if ((this.updated.get(key) ?? 0) < edit) this.updated.set(key, edit);
        }
        for (const wake of [...this.waiting]) wake();
    }

    /**
     * Langium's wait for a state, after the updates of the edits received so far: of `uri`'s
     * edits when a document is named (completion, hover, definition, code actions…), of every
     * document's when none is (the plan protocol's requests).
     */
    override waitUntil(state: DocumentState, cancelToken?: CancellationToken): Promise<void>;
    override waitUntil(state: DocumentState, uri?: URI, cancelToken?: CancellationToken): Promise<URI>;
    override async waitUntil(state: DocumentState, uriOrToken?: URI | CancellationToken, cancelToken?: CancellationToken): Promise<URI | void> {
        const uri = URI.isUri(uriOrToken) ? uriOrToken : undefined;
        const token = (uri ? cancelToken : (uriOrToken as CancellationToken | undefined)) ?? CancellationToken.None;
        await this.editsTakenIn(uri, token);
        return uri ? super.waitUntil(state, uri, token) : super.waitUntil(state, token);
    }

    /** Resolves once every edit received so far (of `uri`, or of any document) is in a finished update. */
    private editsTakenIn(uri: URI | undefined, token: CancellationToken): Promise<void> {
        const keys = uri ? [uri.toString()] : [...this.received.keys()];
        const targets = keys.flatMap(key => {
            const edit = this.received.get(key);
            return edit !== undefined && (this.updated.get(key) ?? 0) < edit ? [{ key, edit }] : [];
        });
        if (targets.length === 0) return Promise.resolve();
        return new Promise<void>((resolve, reject) => {
            // A workspace-wide request (the plan protocol) waits for every document's edits, but
            // never forever: in the real VS Code an edit was seen that no update reported taken in,
            // and the power map then never got its plan. After WORKSPACE_WAIT_MS it answers from
            // the latest build, as before the wait existed, and no later request waits for those edits.
            const bound = uri
                ? undefined
                : setTimeout(() => {
                      // those edits are counted as taken in, so that the next request does not wait for them again
                      for (const t of targets) if ((this.updated.get(t.key) ?? 0) < t.edit) this.updated.set(t.key, t.edit);
                      done();
                      resolve();
                  }, WORKSPACE_WAIT_MS);
            const done = () => {
                clearTimeout(bound);
                this.waiting.delete(check);
                cancelled.dispose();
            };
            const check = () => {
                if (targets.every(t => (this.updated.get(t.key) ?? 0) >= t.edit)) {
                    done();
                    resolve();
                }
            };
            const cancelled = token.onCancellationRequested(() => {
                done();
                reject(OperationCancelled);
            });
            this.waiting.add(check);
        });
    }

    /**
     * How many times documents other than `document` were changed or deleted by an update: while
     * this number stays the same, whatever `document` reads of the others is what it was
     * (element-findings.ts keeps the keys of untouched elements on that condition).
     */
    otherChanges(document: LangiumDocument): number {
        return this.changes - (this.changesOf.get(document.uri.toString()) ?? 0);
    }

    /** A document built outside an update (added to the workspace, or concerned by another's edit) counts as changed. */
    override async build<T extends AstNode>(documents: Array<LangiumDocument<T>>, options?: BuildOptions, cancelToken?: CancellationToken): Promise<void> {
        for (const document of documents) this.noteChanged(document.uri);
        return super.build(documents, options, cancelToken);
    }

    private noteChanged(uri: URI): void {
        const key = uri.toString();
        this.changesOf.set(key, (this.changesOf.get(key) ?? 0) + 1);
        this.changes++;
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        for (const uri of [...changed, ...deleted]) {
            const key = uri.toString();
            this.noteChanged(uri);
            if (!this.before.has(key)) this.before.set(key, { uri, dependencies: dependenciesOf(this.langiumDocuments.getDocument(uri)) });
        }
        this.deferring = true;
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.deferring = false;
        }
        // The changed documents are built (found by URI, not in a walk of all): compare, and mark the others concerned, before anything can cancel.
        const changes = [...this.before].map(([key, { uri, dependencies }]) => ({
            key,
            change: changeBetween(dependencies, dependenciesOf(this.langiumDocuments.getDocument(uri))),
        }));
        this.before.clear();
        const concerned = this.concerned(changes.filter(c => !isEmptyChange(c.change)));
        if (concerned.length) await this.build(concerned, this.updateBuildOptions, cancelToken);
    }

    /**
     * Langium asks the token again before each listener of a phase a document has just reached,
     * and skips the listeners once it is cancelled. An edit arriving while a document's checks ran
     * (another plan closed, a keystroke) then cancelled the update between the document's
     * validation and the publishing of its findings: the document was validated, so no later
     * update built it again, and the editor never got its findings (the survival test's missing
     * diagnostics on CI; Langium PR #1566). What a phase's listeners hear — findings published,
     * caches of the plan cleared, the view told the plan changed — is what has happened, whatever
     * comes next: they always run, and the build stops at its next checkpoint.
     */
    protected override notifyDocumentPhase(document: LangiumDocument, state: DocumentState, _cancelToken: CancellationToken): Promise<void> {
        return super.notifyDocumentPhase(document, state, CancellationToken.None);
    }

    protected override notifyBuildPhase(documents: LangiumDocument[], state: DocumentState, _cancelToken: CancellationToken): Promise<void> {
        return super.notifyBuildPhase(documents, state, CancellationToken.None);
    }

    /**
     * A phase cancelled part way: the documents that reached it are told as a whole phase would
     * be (a cache of the plan kept from before them would stay until the next build).
     */
    protected override async runCancelable(
        documents: LangiumDocument[],
        targetState: DocumentState,
        cancelToken: CancellationToken,
        callback: (document: LangiumDocument) => unknown,
    ): Promise<void> {
        try {
            await super.runCancelable(documents, targetState, cancelToken, callback);
        } catch (error) {
            if (isOperationCancelled(error)) {
                const reached = documents.filter(doc => doc.state === targetState);
                if (reached.length) await this.notifyBuildPhase(reached, targetState, CancellationToken.None);
            }
            throw error;
        }
    }

    /**
     * Langium adds the findings of a second validation to a document's with a spread push, which
     * throws past about 123,000 findings: they are added one by one here.
     */
    protected override async validate(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        const earlier = document.diagnostics;
        document.diagnostics = undefined;
        try {
            await super.validate(document, cancelToken);
        } finally {
            if (earlier) {
                for (const diagnostic of document.diagnostics ?? []) earlier.push(diagnostic);
                document.diagnostics = earlier;
            }
        }
    }

    /**
     * Langium's findMissingValidationCategories(…).length >= 1 — asked of every document at every
     * update (`acct history`: 200 documents at each commit) — without a set and a stream per document.
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const state = this.buildState.get(document.uri.toString());
        let registry = this.registries.get(document);
        if (!registry) this.registries.set(document, (registry = this.serviceRegistry.getServices(document.uri).validation.ValidationRegistry));
        const all = registry.getAllValidationCategories(document);
        const executed = state?.result?.validationChecks;
        const requested =
            options === undefined || options.validation === true ? all : typeof options.validation === 'object' ? (options.validation.categories ?? all) : [];
        for (const category of requested) {
            if (executed ? !executed.includes(category) : !state?.completed || !all.has(category)) return true;
        }
        return false;
    }

    /** While the changed documents are built, no other is walked for relinking (Langium's shouldRelink): that is decided afterwards. */
    protected override relinksOthers(): boolean {
        return !this.deferring;
    }

    /** Marks the documents an edit concerns for linking or checking again; returns them. */
    private concerned(changes: Array<{ key: string; change: Change }>): LangiumDocument[] {
        if (changes.length === 0) return [];
        const changedKeys = new Set(changes.map(c => c.key));
        const relink = new Set<string>(changes.flatMap(c => [...c.change.relink]));
        const shown = new Set<string>(changes.flatMap(c => [...c.change.shown]));
        const places = new Set<string>(changes.flatMap(c => [...c.change.places]));
        const everything = changes.some(c => c.change.policy);
        const policies = changes.some(c => c.change.policyPlace);
        // only members' declarations changed: what the checks read of the documents referring to them is the same
        const onlyMembers = changes.every(c => [...c.change.relinkKinds].every(kind => kind === 'Member'));
        // an edit that re-parsed a customer changes only its node (relink): the others' declarations are not walked
        const maybeCheck = everything || shown.size > 0 || policies || places.size > 0;
        const result: LangiumDocument[] = [];
        for (const document of this.langiumDocuments.all) {
            if (changedKeys.has(document.uri.toString())) continue;
            const names = namesReferredBy(document);
            const relinked = refersToAny(names, relink);
            const declarations = maybeCheck ? ((document.parseResult?.value as Workspace | undefined)?.declarations ?? []) : [];
            const checkAgain =
                maybeCheck &&
                (everything ||
                    refersToAny(names, shown) ||
                    (policies && declarations.some(d => d.$type === 'Policy')) ||
                    declarations.some(d => d.$type !== 'Policy' && places.has(d.name)));
            if (relinked) {
                const validated = document.state >= DocumentState.Validated;
                // its references to other names keep their targets (acct-linker.ts)
                this.linkerOf(document).relinkOnly?.(document, relink);
                this.relinking = document;
                try {
                    this.resetToState(document, DocumentState.ComputedScopes);
                } finally {
                    this.relinking = undefined;
                }
                if (onlyMembers && validated && !checkAgain) this.checksKept.add(document);
            } else if (checkAgain) {
                if (document.state >= DocumentState.Validated) this.resetToState(document, DocumentState.IndexedReferences);
            } else {
                continue;
            }
            result.push(document);
        }
        return result;
    }

    private linkerOf(document: LangiumDocument): PartialLinker {
        return this.serviceRegistry.getServices(document.uri).references.Linker as PartialLinker;
    }
}

/** What the builder asks of acct's linker (acct-linker.ts): keeping references resolved across a reset. */
interface PartialLinker {
    keepOnNextUnlink?(document: LangiumDocument | undefined): void;
    relinkOnly?(document: LangiumDocument, names: ReadonlySet<string>): void;
    forgetRelinkOnly?(document: LangiumDocument): void;
}
