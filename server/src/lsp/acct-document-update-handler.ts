/**
 * Edits arrive faster than a plan is rebuilt (typing, a paste, a tool rewriting the file): each
 * `didChange` started an update, and each started update parsed the whole document before the
 * next edit could cancel it — 10,000 quick edits queued minutes of work and completion waited
 * behind them. Here at most one update runs; edits that arrive meanwhile cancel it and are
 * gathered into one update. An edit after a pause is checked at once (typing loses nothing);
 * edits in quick succession wait for a short quiet moment, at most MAX_WAIT_MS.
 *
 * Every edit is noted with the document builder as it arrives (noteEdited): a request sent
 * together with an edit (completion right after typing) waits for the update that takes the edit
 * in, instead of answering from the text before it.
 */
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { URI, type FileSystemProvider, type LangiumDocuments } from 'langium';
import { FileChangeType, type DidChangeWatchedFilesParams, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AcctWorkspaceManager } from '../language/workspace/acct-workspace-manager.js';
import { afterUpdate, noteEdit } from './idle-memory.js';
import type { AcctDocumentBuilder } from '../language/workspace/acct-document-builder.js';

/** Edits closer than this to the previous one are a burst: wait for this much quiet. */
export const QUIET_MS = 40;
/** A burst never delays the check longer than this. */
export const MAX_WAIT_MS = 250;

export class AcctDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly pendingChanged = new Map<string, URI>();
    private readonly pendingDeleted = new Map<string, URI>();
    private running = false;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private lastChange = 0;
    /** When the oldest edit not yet in an update arrived. */
    private waitingSince: number | undefined;

    private readonly documents: LangiumDocuments;
    private readonly fileSystemProvider: FileSystemProvider;
    private readonly textDocuments: LangiumSharedServices['workspace']['TextDocuments'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.fileSystemProvider = services.workspace.FileSystemProvider;
        this.textDocuments = services.workspace.TextDocuments;
    }

    /** A plan that appears on disk where an `.acctignore` leaves it out stays out of the workspace (contract 7.5). */
    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const manager = this.workspaceManager;
        if (!(manager instanceof AcctWorkspaceManager)) return super.didChangeWatchedFiles(params);
        void (async () => {
            const kept = [];
            for (const change of params.changes) {
                const known = change.type === FileChangeType.Deleted || this.documents.hasDocument(URI.parse(change.uri));
                if (known || !(await manager.isIgnored(URI.parse(change.uri)))) kept.push(change);
            }
            if (kept.length) super.didChangeWatchedFiles({ changes: kept });
        })().catch(error => console.error("acct: the file watcher's update failed", error));
    }

    /**
     * Langium keeps a closed document with the text it last had in the editor: an edit closed
     * without saving stayed in the plan (its findings, its ids declared again in other files), and
     * a plan deleted while open stayed until the watcher said so. On close the file is read again
     * from disk; one that is gone, is not a regular file or is left out by `.acctignore` leaves the
     * workspace, and its diagnostics with it.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        void (async () => {
            const manager = this.workspaceManager;
            const ignored = manager instanceof AcctWorkspaceManager && (await manager.isIgnored(uri));
            const onDisk = uri.scheme === 'file' && !ignored && (await this.isRegularFile(uri));
            // opened again while the disk was asked: the open's own update has the text
            if (this.textDocuments?.get(uri.toString())) return;
            if (onDisk) this.fireDocumentUpdate([uri], []);
            else if (this.documents.hasDocument(uri)) this.fireDocumentUpdate([], [uri]);
        })().catch(error => console.error('acct: the update after closing a plan failed', error));
    }

    private async isRegularFile(uri: URI): Promise<boolean> {
        try {
            return (await this.fileSystemProvider.stat(uri)).isFile;
        } catch {
            return false;
        }
    }

    /** The builder of createAcctServices (acct-language-module.ts): it keeps requests waiting for the edits. */
    private get builder(): AcctDocumentBuilder {
        return this.documentBuilder as AcctDocumentBuilder;
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.builder.noteEdited([...changed, ...deleted]);
        for (const uri of changed) {
            // opened again after a close removed it: the newer text wins, its diagnostics are not cleared
            this.pendingDeleted.delete(uri.toString());
            this.pendingChanged.set(uri.toString(), uri);
        }
        for (const uri of deleted) {
            this.pendingChanged.delete(uri.toString());
            this.pendingDeleted.set(uri.toString(), uri);
        }
        noteEdit();
        const now = Date.now();
        const burst = now - this.lastChange < QUIET_MS;
        this.lastChange = now;
        this.waitingSince ??= now;
        // The running update is out of date: stop it at its next checkpoint.
        if (this.running) this.workspaceLock.cancelWrite();
        this.schedule(burst ? QUIET_MS : 0);
    }

    private schedule(delay: number): void {
        if (this.running) return;
        if (this.timer) clearTimeout(this.timer);
        const waited = Date.now() - (this.waitingSince ?? Date.now());
        this.timer = setTimeout(
            () => {
                this.timer = undefined;
                void this.run();
            },
            Math.max(0, Math.min(delay, MAX_WAIT_MS - waited)),
        );
    }

    private async run(): Promise<void> {
        if (this.running || (this.pendingChanged.size === 0 && this.pendingDeleted.size === 0)) return;
        const changed = [...this.pendingChanged.values()];
        const deleted = [...this.pendingDeleted.values()];
        this.pendingChanged.clear();
        this.pendingDeleted.clear();
        this.waitingSince = undefined;
        this.running = true;
        const upTo = this.builder.latestEdit;
        try {
            await this.workspaceManager.ready;
            await this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token));
        } catch (error) {
            console.error('acct: the update of the plans failed', error);
        } finally {
            this.running = false;
            this.builder.noteUpdated([...changed, ...deleted], upTo);
            afterUpdate();
            // A cancelled update left its documents to the next one: it rebuilds whatever is not validated.
            if (this.pendingChanged.size || this.pendingDeleted.size) this.schedule(Date.now() - this.lastChange < QUIET_MS ? QUIET_MS : 0);
        }
    }
}
