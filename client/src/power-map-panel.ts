/**
 * The power-map panel: one webview panel showing the power map, tier quadrant and
 * intimacy × support views of the element under the cursor. It decides what is drawn (a
 * `Picture`, see picture.ts) from what the `PlanSource` (the language client) answers; the
 * webview draws it and never sees `.acct` text.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type {
    FromWebviewMessage, Picture, PlanFocus, PlanView, SourceAnchor, ToWebviewMessage, ViewName,
} from '@acct/contract';
import { isSubjectKey } from '@acct/contract';
import { viewStrings } from '@acct/method';
import type { FocusRequest, LocateRequest, PlanViewRequest } from '@acct/contract/protocol';
import { anyAcctUri, EditorCursor } from './editor-cursor.js';
import { nextPicture, pictureChanged, shownBefore } from './picture.js';
import { saveSvg } from './svg-save.js';
import { displayLocale } from './display-language.js';
import { renderWebviewHtml } from './webview-html.js';

/** Where the panel gets its data from: the typed plan protocol. */
export interface PlanSource {
    planView(params: PlanViewRequest.Params): Promise<PlanView>;
    focus(params: FocusRequest.Params): Promise<PlanFocus>;
    locate(params: LocateRequest.Params): Promise<SourceAnchor | null>;
    /** Fires after each rebuild of the workspace's plan. */
    onPlanChanged(listener: () => void): vscode.Disposable;
}

/** Arguments of `acct.openPowerMap`: show this element instead of the cursor's, in this view. */
export interface PowerMapTarget {
    uri?: string;
    customer?: string;
    opportunity?: string;
    /** The view (tab) to switch to. */
    view?: ViewName;
}

export const POWER_MAP_VIEW_TYPE = 'acct.powerMap';
const DEBOUNCE_MS = 250;
const EXPORT_TIMEOUT_MS = 15_000;
const WEBVIEW_DIR = ['out', 'webview'] as const;

/** What an update fetches: the plan, the focus under the cursor; `repost` sends the picture even if unchanged. */
interface Work {
    plan: boolean;
    focus: boolean;
    repost: boolean;
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
        enableScripts: true,
        enableFindWidget: false,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, ...WEBVIEW_DIR)],
    };
}

/** The workspace folder of a document: one plan each. */
function folderOf(uri: string): string | undefined {
    return vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri))?.uri.toString();
}

function isMessage(m: unknown): m is FromWebviewMessage {
    return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

export class PowerMapPanel {
    static readonly viewType = POWER_MAP_VIEW_TYPE;
    static current: PowerMapPanel | undefined;

    /** Opens the panel beside the editor, or brings it forward; `target` pins what it shows. */
    static createOrShow(context: vscode.ExtensionContext, source: PlanSource, target?: PowerMapTarget): PowerMapPanel {
        const existing = PowerMapPanel.current;
        if (existing) {
            existing.panel.reveal(undefined, true);
            existing.show(target);
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(POWER_MAP_VIEW_TYPE, vscode.l10n.t('Power Map'),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(context.extensionUri));
        PowerMapPanel.current = new PowerMapPanel(panel, context, source, target);
        return PowerMapPanel.current;
    }

    /**
     * Restores a panel after a reload of the window (`WebviewPanelSerializer`); `state` is what
     * the webview saved, and the element it showed stays the one shown last.
     */
    static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: PlanSource, state?: unknown): PowerMapPanel {
        panel.webview.options = webviewOptions(context.extensionUri);
        PowerMapPanel.current?.dispose();
        PowerMapPanel.current = new PowerMapPanel(panel, context, source, undefined, shownBefore(state));
        return PowerMapPanel.current;
    }

    private readonly disposables: vscode.Disposable[] = [];
    private readonly cursor: EditorCursor;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private work: Work = { plan: false, focus: false, repost: false };
    private planSeq = 0;
    private focusSeq = 0;
    private disposed = false;
    private pinned: PowerMapTarget | undefined;
    /** The latest plan the server sent (it may have errors; the picture may show an older one). */
    private view: PlanView | undefined;
    /** The workspace folder `view` is the plan of. */
    private viewFolder: string | undefined;
    /** The focus under the cursor, as the server last answered. */
    private cursorFocus: PlanFocus | undefined;
    private picture: Picture | undefined;
    private pendingExport: { target?: vscode.Uri; resolve: (uri: vscode.Uri | undefined) => void } | undefined;
    private exportWhenReady = false;
    /**
     * A view asked for: sent at once and before each picture (a loading page gets messages in
     * order, and may get the picture before the extension hears its `ready`), until the page that
     * said `ready` has been sent a picture after it.
     */
    private pendingView: ViewName | undefined;
    private webviewReady = false;
    /** The page has the views' words (once per page, before its first picture). */
    private stringsSent = false;

    private constructor(
        readonly panel: vscode.WebviewPanel,
        private readonly context: vscode.ExtensionContext,
        private readonly source: PlanSource,
        target?: PowerMapTarget,
        /** The element shown before a window reload. */
        private readonly shownBeforeReload?: PlanFocus,
    ) {
        this.pinned = target && (target.uri || target.customer) ? target : undefined;
        this.pendingView = target?.view;
        this.cursor = new EditorCursor(() => {
            this.pinned = undefined;
            this.schedule({ focus: true });
        });
        panel.webview.html = this.html();
        this.disposables.push(
            this.cursor,
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage(m => { void this.onMessage(m); }),
            panel.onDidChangeViewState(e => {
                // a hidden webview loses its page: it says `ready` again when shown
                if (e.webviewPanel.visible) this.schedule({ plan: true, focus: true }, 0); else this.webviewReady = this.stringsSent = false;
            }),
            source.onPlanChanged(() => this.schedule({ plan: true })),
        );
    }

    /** The picture posted to the webview last (for tests and tooling). */
    get lastPicture(): Picture | undefined {
        return this.picture;
    }

    /** Shows `target` (pinned until the cursor moves in an `.acct` editor), or follows the cursor again. */
    show(target?: PowerMapTarget): void {
        this.pinned = target && (target.uri || target.customer) ? target : undefined;
        if (target?.view) this.showView(target.view);
        this.schedule({ plan: true, focus: true }, 0);
    }

    /** Switches the webview to `view`. */
    showView(view: ViewName): void {
        this.pendingView = view;
        void this.post({ type: 'showView', view });
    }

    /** Asks the webview for its current view as SVG and saves it (to `target`, or where the user chooses). */
    exportSvg(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
        if (!this.picture) {
            void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to export yet: the power map has not received a plan.'));
            return Promise.resolve(undefined);
        }
        this.pendingExport?.resolve(undefined);
        return new Promise(resolve => {
            const timeout = setTimeout(() => {
                if (this.pendingExport?.resolve === done) this.pendingExport = undefined;
                resolve(undefined);
            }, EXPORT_TIMEOUT_MS);
            const done = (uri: vscode.Uri | undefined): void => {
                clearTimeout(timeout);
                resolve(uri);
            };
            this.pendingExport = { target, resolve: done };
            if (!this.panel.visible) {
                // a hidden webview has no document: show it; it says `ready`, gets the picture and we ask again
                this.panel.reveal(undefined, true);
                this.exportWhenReady = true;
            } else {
                void this.post({ type: 'requestSvg' });
            }
        });
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (PowerMapPanel.current === this) PowerMapPanel.current = undefined;
        if (this.timer) clearTimeout(this.timer);
        this.pendingExport?.resolve(undefined);
        this.pendingExport = undefined;
        this.panel.dispose();
        for (const d of this.disposables.splice(0)) d.dispose();
    }

    // --- data -------------------------------------------------------------------------------

    /** Collects work and runs it after `delay` ms of quiet (cursor moves and rebuilds come in bursts). */
    private schedule(work: Partial<Work>, delay = DEBOUNCE_MS): void {
        if (this.disposed) return;
        this.work = {
            plan: this.work.plan || !!work.plan, focus: this.work.focus || !!work.focus, repost: this.work.repost || !!work.repost,
        };
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timer = undefined;
            const todo = this.work;
            this.work = { plan: false, focus: false, repost: false };
            void this.update(todo);
        }, delay);
    }

    /**
     * Fetches the plan only when it changed, was never fetched or is another workspace folder's;
     * the focus only when the cursor moved.
     */
    private async update(work: Work): Promise<void> {
        if (this.disposed || !this.panel.visible) return;
        const pinned = this.pinned;
        const focusParams = work.focus && !pinned ? this.cursor.focusParams() : undefined;
        let uri: string | undefined = pinned?.uri ?? this.cursor.uri?.toString();
        if (work.plan || !this.view || (uri && folderOf(uri) !== this.viewFolder)) {
            uri ??= await anyAcctUri();
            if (!uri) return;
        } else {
            uri = undefined;
        }
        const planSeq = uri ? ++this.planSeq : this.planSeq;
        const focusSeq = focusParams ? ++this.focusSeq : this.focusSeq;
        let view: PlanView | undefined;
        let focus: PlanFocus | undefined;
        try {
            [view, focus] = await Promise.all([
                uri ? this.source.planView({ uri }) : undefined,
                focusParams ? this.source.focus(focusParams) : undefined,
            ]);
        } catch (err) {
            console.error('acct: a plan request failed', err);
            return;
        }
        if (this.disposed) return;
        // a newer request of the same kind is on its way: its answer counts, not this one
        if (view && uri && planSeq === this.planSeq) {
            this.view = view;
            this.viewFolder = folderOf(uri);
        }
        if (focus && focusSeq === this.focusSeq) this.cursorFocus = focus;
        await this.present(work.repost);
    }

    /** Posts the next picture when it differs from the one drawn (or always, for a new webview). */
    private async present(always: boolean): Promise<void> {
        if (!this.view) return;
        const pinned = this.pinned?.customer ? { customer: this.pinned.customer, opportunity: this.pinned.opportunity ?? null } : undefined;
        const next = nextPicture(this.picture, this.view, [pinned, this.cursorFocus, this.picture?.shown ?? this.shownBeforeReload]);
        if (!always && !pictureChanged(this.picture, next)) return;
        this.picture = next;
        // messages reach a loading page in order: the view first, then the picture to draw in it
        if (this.pendingView) await this.post({ type: 'showView', view: this.pendingView });
        if (!this.stringsSent) await this.sendStrings();
        const customer = next.view.plan.customers.find(c => c.id === next.shown.customer);
        this.panel.title = customer ? vscode.l10n.t('Power Map — {0}', customer.name) : vscode.l10n.t('Power Map');
        await this.post({ type: 'picture', picture: next });
        // drawn in the view asked for: from now on the webview keeps its own tab
        if (this.webviewReady) this.pendingView = undefined;
        if (this.exportWhenReady && this.pendingExport) {
            this.exportWhenReady = false;
            await this.post({ type: 'requestSvg' });
        }
    }

    /** The views' words in VS Code's display language: the webview never guesses a language. */
    private sendStrings(): Thenable<boolean> {
        return this.post({ type: 'strings', strings: viewStrings(displayLocale()) }).then(sent => (this.stringsSent = sent));
    }

    private post(message: ToWebviewMessage): Thenable<boolean> {
        return this.disposed ? Promise.resolve(false) : this.panel.webview.postMessage(message);
    }

    // --- messages from the webview ----------------------------------------------------------

    private async onMessage(m: unknown): Promise<void> {
        if (!isMessage(m)) return;
        switch (m.type) {
            case 'ready':
                // a new webview (opened, shown again, reloaded): it needs the picture even if ours did not change
                this.webviewReady = true;
                if (this.pendingView) void this.post({ type: 'showView', view: this.pendingView });
                void this.sendStrings();
                this.schedule({ plan: true, focus: true, repost: true }, 0);
                break;
            case 'show':
                // the user picked an element in the webview (a deal to draw): shown until the cursor moves
                if (typeof m.focus?.customer === 'string') {
                    this.show({ customer: m.focus.customer, opportunity: typeof m.focus.opportunity === 'string' ? m.focus.opportunity : undefined });
                }
                break;
            case 'reveal':
                if (isSubjectKey(m.subject)) await this.reveal(m.subject);
                break;
            case 'exportSvg':
                if (typeof m.svg === 'string') await this.saveSvg(m.svg, m.suggestedName);
                break;
        }
    }

    /** Opens where `subject` is declared, in the editor column beside the panel. */
    private async reveal(subject: LocateRequest.Params['subject']): Promise<void> {
        let anchor: SourceAnchor | null;
        try {
            anchor = await this.source.locate({ subject });
        } catch (err) {
            console.error('acct: locate request failed', err);
            return;
        }
        if (anchor && !this.disposed) await this.cursor.reveal(anchor, this.panel.viewColumn);
    }

    private async saveSvg(svg: string, suggestedName: unknown): Promise<void> {
        const pending = this.pendingExport;
        this.pendingExport = undefined;
        const folder = this.cursor.uri ? vscode.Uri.joinPath(this.cursor.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
        const saved = await saveSvg(svg, suggestedName, { target: pending?.target, folder });
        pending?.resolve(saved);
    }

    private html(): string {
        const webview = this.panel.webview;
        const dir = vscode.Uri.joinPath(this.context.extensionUri, ...WEBVIEW_DIR);
        return renderWebviewHtml({
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dir, 'main.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dir, 'main.css')).toString(),
            cspSource: webview.cspSource,
            nonce: randomBytes(18).toString('base64'),
            title: vscode.l10n.t('Power Map'),
        });
    }
}
