/**
 * The power-map panel: one webview panel showing the power map, tier quadrant and
 * intimacy × support views of the element under the cursor. The data comes from a `PlanSource`
 * (the language client); the webview never sees `.acct` text.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { PlanFocus, PlanView, PlanViewRequest } from '../../server/src/protocol.js';
import type { FromWebviewMessage, ToWebviewMessage } from '../webview/src/messages.js';
import { renderWebviewHtml } from './webview-html.js';

/** Where the panel gets its data from. */
export interface PlanSource {
    planView(params: PlanViewRequest.Params): Promise<PlanViewRequest.Result>;
    /** Fires after each rebuild of the workspace's plan. */
    onPlanChanged(listener: () => void): vscode.Disposable;
}

/** Arguments of `acct.openPowerMap`: show this element instead of the cursor's. */
export interface PowerMapTarget {
    uri?: string;
    customer?: string;
    opportunity?: string;
}

export const POWER_MAP_VIEW_TYPE = 'acct.powerMap';
const DEBOUNCE_MS = 250;
const EXPORT_TIMEOUT_MS = 15_000;
const WEBVIEW_DIR = ['out', 'webview'] as const;

function isAcct(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
    return !!doc && doc.languageId === 'acct';
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
        enableScripts: true,
        enableFindWidget: false,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, ...WEBVIEW_DIR)],
    };
}

function safeSvgName(name: unknown): string {
    const base = typeof name === 'string' ? name.split(/[\\/]/).pop() ?? '' : '';
    const clean = base.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '');
    return clean.toLowerCase().endsWith('.svg') && clean.length > 4 ? clean : 'acct-view.svg';
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
        const panel = vscode.window.createWebviewPanel(POWER_MAP_VIEW_TYPE, 'Power Map',
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(context.extensionUri));
        PowerMapPanel.current = new PowerMapPanel(panel, context, source, target);
        return PowerMapPanel.current;
    }

    /** Restores a panel after a reload of the window (`WebviewPanelSerializer`). */
    static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: PlanSource): PowerMapPanel {
        panel.webview.options = webviewOptions(context.extensionUri);
        PowerMapPanel.current?.dispose();
        PowerMapPanel.current = new PowerMapPanel(panel, context, source);
        return PowerMapPanel.current;
    }

    private readonly disposables: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;
    private seq = 0;
    private disposed = false;
    /** The `.acct` editor whose cursor decides the focus. */
    private cursor: { uri: vscode.Uri; position: vscode.Position; column: vscode.ViewColumn | undefined } | undefined;
    private pinned: PowerMapTarget | undefined;
    /** Selection change caused by our own reveal: not a reason to change the focus. */
    private expectedReveal: { uri: string; line: number; until: number } | undefined;
    private view: PlanView | undefined;
    /** Anchors of the last plan without errors: the webview may still show that picture. */
    private goodAnchors: PlanView['anchors'] = {};
    private lastMessage: Extract<ToWebviewMessage, { type: 'plan' }> | undefined;
    private pendingExport: { target?: vscode.Uri; resolve: (uri: vscode.Uri | undefined) => void } | undefined;
    private exportWhenReady = false;

    private constructor(
        readonly panel: vscode.WebviewPanel,
        private readonly context: vscode.ExtensionContext,
        private readonly source: PlanSource,
        target?: PowerMapTarget,
    ) {
        this.pinned = target;
        const active = vscode.window.activeTextEditor;
        const editor = isAcct(active?.document) ? active : vscode.window.visibleTextEditors.find(e => isAcct(e.document));
        if (editor) this.track(editor);
        panel.webview.html = this.html();
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage(m => { void this.onMessage(m); }),
            panel.onDidChangeViewState(e => { if (e.webviewPanel.visible) this.schedule(0); }),
            vscode.window.onDidChangeActiveTextEditor(e => {
                if (!e || !isAcct(e.document) || this.isOwnReveal(e.document.uri, e.selection.active.line)) return;
                this.pinned = undefined;
                this.track(e);
                this.schedule();
            }),
            vscode.window.onDidChangeTextEditorSelection(e => {
                if (!isAcct(e.textEditor.document)) return;
                const line = e.selections[0]?.active.line ?? 0;
                if (this.isOwnReveal(e.textEditor.document.uri, line)) return;
                this.pinned = undefined;
                this.track(e.textEditor);
                this.schedule();
            }),
            source.onPlanChanged(() => this.schedule()),
        );
    }

    /** The last `plan` message posted to the webview (for tests and tooling). */
    get lastPlanMessage(): Extract<ToWebviewMessage, { type: 'plan' }> | undefined {
        return this.lastMessage;
    }

    /** Shows `target` (pinned until the cursor moves in an `.acct` editor), or follows the cursor again. */
    show(target?: PowerMapTarget): void {
        this.pinned = target && (target.uri || target.customer) ? target : undefined;
        this.schedule(0);
    }

    /** Asks the webview for its current view as SVG and saves it (to `target`, or where the user chooses). */
    exportSvg(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
        if (!this.lastMessage) {
            void vscode.window.showInformationMessage('Nothing to export yet: the power map has not received a plan.');
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
                // a hidden webview has no document: show it; it asks for the plan and we ask again
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

    private track(editor: vscode.TextEditor): void {
        this.cursor = { uri: editor.document.uri, position: editor.selection.active, column: editor.viewColumn };
    }

    private schedule(delay = DEBOUNCE_MS): void {
        if (this.disposed) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timer = undefined;
            void this.update();
        }, delay);
    }

    private async anyAcctUri(): Promise<string | undefined> {
        const open = vscode.workspace.textDocuments.find(isAcct);
        if (open) return open.uri.toString();
        const found = await vscode.workspace.findFiles('**/*.acct', '**/node_modules/**', 1);
        return found[0]?.toString();
    }

    private async update(): Promise<void> {
        if (this.disposed || !this.panel.visible) return;
        const seq = ++this.seq;
        const pinned = this.pinned;
        const uri = pinned?.uri ?? this.cursor?.uri.toString() ?? await this.anyAcctUri();
        if (!uri) return;
        const params: PlanViewRequest.Params = { uri };
        if (!pinned?.uri && this.cursor && this.cursor.uri.toString() === uri) {
            params.position = { line: this.cursor.position.line, character: this.cursor.position.character };
        }
        let result: PlanViewRequest.Result;
        try {
            result = await this.source.planView(params);
        } catch (err) {
            console.error('acct: planView request failed', err);
            return;
        }
        if (seq !== this.seq || this.disposed) return; // a newer request is on its way
        const focus: PlanFocus = pinned?.customer
            ? { customer: pinned.customer, opportunity: pinned.opportunity ?? null }
            : result.focus;
        this.view = result.view;
        if (!result.view.hasErrors) this.goodAnchors = result.view.anchors;
        const customer = result.view.plan.customers.find(c => c.id === focus.customer);
        this.panel.title = customer ? `Power Map — ${customer.name}` : 'Power Map';
        this.lastMessage = { type: 'plan', view: result.view, focus };
        await this.post(this.lastMessage);
        if (this.exportWhenReady && this.pendingExport) {
            this.exportWhenReady = false;
            await this.post({ type: 'requestSvg' });
        }
    }

    private post(message: ToWebviewMessage): Thenable<boolean> {
        return this.disposed ? Promise.resolve(false) : this.panel.webview.postMessage(message);
    }

    // --- messages from the webview ----------------------------------------------------------

    private async onMessage(m: unknown): Promise<void> {
        if (!isMessage(m)) return;
        switch (m.type) {
            case 'ready':
                this.schedule(0);
                break;
            case 'reveal':
                if (typeof m.subject === 'string') await this.reveal(m.subject);
                break;
            case 'exportSvg':
                if (typeof m.svg === 'string') await this.saveSvg(m.svg, m.suggestedName);
                break;
        }
    }

    private isOwnReveal(uri: vscode.Uri, line: number): boolean {
        const e = this.expectedReveal;
        if (!e) return false;
        if (Date.now() > e.until) {
            this.expectedReveal = undefined;
            return false;
        }
        return e.uri === uri.toString() && e.line === line;
    }

    /** Opens where `subject` is declared, in the editor column beside the panel. */
    private async reveal(subject: string): Promise<void> {
        const anchor = this.view?.anchors[subject] ?? this.goodAnchors[subject];
        if (!anchor) return;
        const uri = vscode.Uri.parse(anchor.uri);
        const pos = new vscode.Position(Math.max(0, anchor.line - 1), Math.max(0, anchor.column - 1));
        const column = this.cursor?.column && this.cursor.column !== this.panel.viewColumn
            ? this.cursor.column
            : vscode.ViewColumn.Beside;
        this.expectedReveal = { uri: uri.toString(), line: pos.line, until: Date.now() + 1500 };
        try {
            const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(pos, pos), preserveFocus: false });
            editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
            this.cursor = { uri, position: this.cursor?.uri.toString() === uri.toString() ? this.cursor.position : pos, column: editor.viewColumn };
        } catch (err) {
            void vscode.window.showErrorMessage(`Cannot open ${uri.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
        }
    }

    private async saveSvg(svg: string, suggestedName: unknown): Promise<void> {
        const pending = this.pendingExport;
        this.pendingExport = undefined;
        let target = pending?.target;
        if (!target) {
            const folder = this.cursor ? vscode.Uri.joinPath(this.cursor.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
            const name = safeSvgName(suggestedName);
            target = await vscode.window.showSaveDialog({
                defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
                filters: { 'SVG image': ['svg'] },
                title: 'Export the view as SVG',
            });
        }
        if (!target) {
            pending?.resolve(undefined);
            return;
        }
        if (target.path.toLowerCase().endsWith('.acct')) {
            void vscode.window.showErrorMessage('The export never overwrites an .acct plan: choose an .svg file.');
            pending?.resolve(undefined);
            return;
        }
        try {
            await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
        } catch (err) {
            void vscode.window.showErrorMessage(`Cannot write ${target.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
            pending?.resolve(undefined);
            return;
        }
        pending?.resolve(target);
        if (!pending?.target) {
            const saved = target;
            void vscode.window.showInformationMessage(`View exported to ${vscode.workspace.asRelativePath(saved)}.`, 'Open')
                .then(choice => { if (choice) void vscode.commands.executeCommand('vscode.open', saved); });
        }
    }

    private html(): string {
        const webview = this.panel.webview;
        const dir = vscode.Uri.joinPath(this.context.extensionUri, ...WEBVIEW_DIR);
        return renderWebviewHtml({
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dir, 'main.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dir, 'main.css')).toString(),
            cspSource: webview.cspSource,
            nonce: randomBytes(18).toString('base64'),
            title: 'Power Map',
        });
    }
}

function toTarget(arg: unknown): PowerMapTarget | undefined {
    // from the editor title menu VS Code passes the document's URI: follow its cursor
    if (arg instanceof vscode.Uri || typeof arg !== 'object' || arg === null) return undefined;
    const a = arg as Record<string, unknown>;
    const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
    const target: PowerMapTarget = { uri: str(a.uri), customer: str(a.customer), opportunity: str(a.opportunity) };
    return target.uri || target.customer ? target : undefined;
}

/**
 * Registers `acct.openPowerMap` (optional args `{ uri?, customer?, opportunity? }`),
 * `acct.exportViewSvg` (optional args `{ target?: string }`: a file URI, no dialog) and the
 * serializer that restores the panel after a reload.
 */
export function registerPowerMap(context: vscode.ExtensionContext, source: PlanSource): vscode.Disposable {
    const disposables = [
        vscode.commands.registerCommand('acct.openPowerMap', (arg?: unknown) => {
            PowerMapPanel.createOrShow(context, source, toTarget(arg));
        }),
        vscode.commands.registerCommand('acct.exportViewSvg', async (arg?: { target?: string }) => {
            const panel = PowerMapPanel.current;
            if (!panel) {
                void vscode.window.showInformationMessage('Open the power map first (Account Plan: Open Power Map).');
                return undefined;
            }
            const target = typeof arg?.target === 'string' ? vscode.Uri.parse(arg.target) : undefined;
            return panel.exportSvg(target);
        }),
        vscode.window.registerWebviewPanelSerializer(POWER_MAP_VIEW_TYPE, {
            deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
                PowerMapPanel.revive(panel, context, source);
            },
        }),
        { dispose: () => PowerMapPanel.current?.dispose() },
    ];
    const all = vscode.Disposable.from(...disposables);
    context.subscriptions.push(all);
    return all;
}
