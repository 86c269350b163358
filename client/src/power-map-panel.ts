/**
 * The power-map panel: one webview panel showing the power map, tier quadrant and
 * intimacy × support views of the element under the cursor. It decides what is drawn (a
 * `Picture`, see picture.ts) from what the `PlanSource` (the language client) answers; the
 * webview draws it and never sees `.acct` text. The plan travels in parts (held-plan.ts): a
 * cursor move inside the customer shown sends the webview the element alone, a move to another
 * customer that customer's part, a rebuild the parts it changed.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FromWebviewMessage, PartStamps, Picture, PlanFocus, SourceAnchor, ViewName } from '@acct/contract';
import { isSubjectKey } from '@acct/contract';
import type { LocateRequest } from '@acct/contract/protocol';
import type { PlanSource, PowerMapTarget } from './plan-source.js';
import { OPEN_COMMIT_CHANGE_COMMAND } from './commit-diff.js';
import { PanelHistory } from './panel-history.js';
import { PanelWorkQueue, type PanelWork } from './panel-work.js';
import { anyAcctUri, EditorCursor } from './editor-cursor.js';
import { HeldPlan, type PlanInParts } from './held-plan.js';
import { keepsLastGood, shownBefore, shownIn, type FocusCandidate } from './picture.js';
import { partsOfWholePlan } from './whole-plan-parts.js';
import { SvgExportRequest } from './svg-export-request.js';
import { webviewBundle } from './webview-bundle.js';
import { saveSvg } from './svg-save.js';
import { renderWebviewHtml } from './webview-html.js';
import { WebviewPage } from './webview-page.js';

export type { PlanSource, PowerMapTarget } from './plan-source.js';

export const POWER_MAP_VIEW_TYPE = 'acct.powerMap';
const DEBOUNCE_MS = 250;

/** The page loads no file: its script and style are written into it (webview-html.ts). */
function webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, enableFindWidget: false, localResourceRoots: [] };
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
        const panel = vscode.window.createWebviewPanel(
            POWER_MAP_VIEW_TYPE,
            vscode.l10n.t('Power Map'),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            webviewOptions(),
        );
        PowerMapPanel.current = new PowerMapPanel(panel, context, source, target);
        return PowerMapPanel.current;
    }

    /**
     * Restores a panel after a reload of the window (`WebviewPanelSerializer`); `state` is what
     * the webview saved, and the element it showed stays the one shown last.
     */
    static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, source: PlanSource, state?: unknown): PowerMapPanel {
        panel.webview.options = webviewOptions();
        PowerMapPanel.current?.dispose();
        PowerMapPanel.current = new PowerMapPanel(panel, context, source, undefined, shownBefore(state));
        return PowerMapPanel.current;
    }

    private readonly disposables: vscode.Disposable[] = [];
    private readonly cursor: EditorCursor;
    private readonly work = new PanelWorkQueue(work => void this.update(work));
    private focusSeq = 0;
    private presentSeq = 0;
    private disposed = false;
    private pinned: PowerMapTarget | undefined;
    /** The plan drawn, in parts: the outline, and the parts of the customers shown lately. */
    private readonly plan: HeldPlan;
    /** The focus under the cursor, as the server last answered. */
    private cursorFocus: PlanFocus | undefined;
    private picture: Picture<PartStamps> | undefined;
    private readonly page: WebviewPage;
    private readonly svgExport: SvgExportRequest;
    /** The view the page shows, as it last said. */
    private pageView: ViewName | undefined;
    private readonly history: PanelHistory;

    private constructor(
        readonly panel: vscode.WebviewPanel,
        private readonly context: vscode.ExtensionContext,
        private readonly source: PlanSource,
        target?: PowerMapTarget,
        /** The element shown before a window reload. */
        private readonly shownBeforeReload?: PlanFocus,
    ) {
        this.pinned = target && (target.uri || target.customer) ? target : undefined;
        this.page = new WebviewPage(panel.webview, target?.view);
        this.svgExport = new SvgExportRequest({
            canAnswer: () => this.panel.visible && this.page.showsPicture,
            ask: request => {
                void this.page.post({ type: 'requestSvg', request });
            },
            bringForward: () => {
                if (!this.panel.visible) this.panel.reveal(undefined, true);
            },
            gaveUp: () => {
                if (!this.picture) void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to export yet: the power map has not received a plan.'));
            },
        });
        const planParts = source.planParts?.bind(source);
        this.plan = new HeldPlan(planParts ? { ask: params => planParts(params) } : partsOfWholePlan(params => source.planView(params)));
        this.cursor = new EditorCursor(() => {
            this.pinned = undefined;
            this.schedule({ focus: true });
        });
        this.history = new PanelHistory(source, {
            cursor: this.cursor,
            pinnedUri: () => this.pinned?.uri,
            pinned: () => this.pinned !== undefined,
            shown: () => this.picture?.shown,
            showing: () => !this.disposed && this.panel.visible,
            post: message => this.page.post(message),
        });
        this.panel.webview.html = this.html();
        this.disposables.push(
            this.cursor,
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage(m => {
                void this.onMessage(m);
            }),
            panel.onDidChangeViewState(e => {
                // a hidden webview loses its page: it says `ready` again when shown
                if (e.webviewPanel.visible) {
                    this.schedule({ plan: true, focus: true }, 0);
                } else {
                    this.page.hidden();
                    this.svgExport.pageGone();
                }
            }),
            source.onPlanChanged(() => this.schedule({ plan: true })),
            ...(source.onHistoryReady ? [source.onHistoryReady(() => void this.sendHistory())] : []),
        );
    }

    /** The picture posted to the webview last, its plan by the stamps of its parts (for tests and tooling). */
    get lastPicture(): Picture<PartStamps> | undefined {
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
        this.page.showView(view);
    }

    /**
     * Asks the webview for its current view as SVG and saves it (to `target`, or where the user
     * chooses); a request made before the page has drawn waits until it has (svg-export-request.ts).
     */
    exportSvg(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
        return this.svgExport.start(target);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (PowerMapPanel.current === this) PowerMapPanel.current = undefined;
        this.work.cancel();
        this.svgExport.cancel();
        this.page.close();
        this.panel.dispose();
        for (const d of this.disposables.splice(0)) d.dispose();
    }

    // --- data -------------------------------------------------------------------------------

    /** Collects work and runs it after `delay` ms of quiet (cursor moves and rebuilds come in bursts). */
    private schedule(work: Partial<PanelWork>, delay = DEBOUNCE_MS): void {
        if (!this.disposed) this.work.add(work, delay);
    }

    /**
     * Asks for the plan again only when it changed, was never fetched or is another workspace
     * folder's; for the focus only when the cursor moved.
     */
    private async update(work: PanelWork): Promise<void> {
        if (this.disposed || !this.panel.visible) return;
        const pinned = this.pinned;
        const focusParams = work.focus && !pinned ? this.cursor.focusParams() : undefined;
        let uri: string | undefined = pinned?.uri ?? this.cursor.uri?.toString();
        const refresh = work.plan || !this.plan.outline || (uri !== undefined && folderOf(uri) !== this.plan.folder);
        if (refresh) {
            uri ??= await anyAcctUri();
            if (!uri) return;
        }
        const focusSeq = focusParams ? ++this.focusSeq : this.focusSeq;
        try {
            // the customer shown so far comes with the plan: after a rebuild, one question
            const [, focus] = await Promise.all([
                refresh && uri
                    ? this.plan.refresh(uri, folderOf(uri), this.candidates().find(c => c?.customer)?.customer ?? null, this.keepsGood())
                    : undefined,
                focusParams ? this.source.focus(focusParams) : undefined,
            ]);
            // a newer question for the focus is on its way: its answer counts, not this one
            if (focus && focusSeq === this.focusSeq) this.cursorFocus = focus;
        } catch (err) {
            console.error('acct: a plan request failed', err);
            return;
        }
        if (!this.disposed) await this.present();
    }

    /** What to show, first that names a customer of the plan (picture.ts): the pinned target, the cursor's focus, what was shown. */
    private candidates(): FocusCandidate[] {
        const pinned = this.pinned?.customer ? { customer: this.pinned.customer, opportunity: this.pinned.opportunity ?? null } : undefined;
        return [pinned, this.cursorFocus, this.picture?.shown ?? this.shownBeforeReload];
    }

    /** A picture of a plan without errors keeps it while the latest has errors (picture.ts). */
    private keepsGood(): boolean {
        return !!this.picture && keepsLastGood(this.plan.outline);
    }

    /** Posts the next picture when the page has drawn another one (or none), with the parts the page does not hold. */
    private async present(): Promise<void> {
        const seq = ++this.presentSeq;
        let drawn: PlanInParts | undefined;
        try {
            drawn = await this.plan.choose(outline => shownIn({ plan: outline }, this.candidates()), this.keepsGood());
        } catch (err) {
            console.error('acct: a plan request failed', err);
            return;
        }
        // a later update decides the picture
        if (!drawn || this.disposed || seq !== this.presentSeq) return;
        // the error lines travel as a part of their own, under their stamp: posted once while they stay the same
        const hasErrors = drawn.errors.value.length > 0;
        const next: Picture<PartStamps> = {
            view: { outline: drawn.outline.stamp, customer: drawn.part?.stamp ?? null, ...(hasErrors ? { errors: drawn.errors.stamp } : {}) },
            shown: drawn.shown,
            hasErrors,
            errorLines: [],
        };
        this.picture = next;
        const customer = drawn.outline.value.customers.find(c => c.id === next.shown.customer);
        this.panel.title = customer ? vscode.l10n.t('Power Map — {0}', customer.name) : vscode.l10n.t('Power Map');
        await this.page.draw(next, drawn);
        await this.sendHistory();
        this.svgExport.pageDrew();
    }

    // --- messages from the webview ----------------------------------------------------------

    private async onMessage(m: unknown): Promise<void> {
        if (!isMessage(m)) return;
        switch (m.type) {
            case 'ready':
                this.page.loaded(m.parts);
                // a new page: an export asked of the one before is asked again once this one draws
                this.svgExport.pageGone();
                this.schedule({ plan: true, focus: true }, 0);
                break;
            case 'view':
                if (typeof m.view === 'string' && m.view !== this.pageView) {
                    this.pageView = m.view;
                    await this.sendHistory();
                }
                break;
            case 'openCommit':
                if (typeof m.commit === 'string' && this.history.trendsFile) {
                    await vscode.commands.executeCommand(OPEN_COMMIT_CHANGE_COMMAND, { commit: m.commit, file: this.history.trendsFile });
                }
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
                if (typeof m.svg === 'string') await this.onSvg(m.svg, m.suggestedName, m.request);
                break;
        }
    }

    /** The plan's history may say more now (the workspace was trusted): the view shown asks again. */
    historyChanged(): void {
        void this.sendHistory();
    }

    /** What the view shown needs of the plan's history (panel-history.ts). */
    private sendHistory(): Promise<void> {
        return this.history.send(this.pageView);
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

    /**
     * Saves an SVG the page sent: the answer to the pending request (to its target), or the
     * user's own Export SVG in the page (unnumbered: where they choose). An answer to a request no
     * longer pending (given up, asked again and answered twice) is dropped.
     */
    private async onSvg(svg: string, suggestedName: unknown, request: unknown): Promise<void> {
        const answered = request === undefined ? undefined : this.svgExport.answer(request);
        if (request !== undefined && !answered) return;
        const folder = this.cursor.uri ? vscode.Uri.joinPath(this.cursor.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
        const saved = await saveSvg(svg, suggestedName, { target: answered?.target, folder });
        answered?.settle(saved);
    }

    private html(): string {
        const { script, style } = webviewBundle(this.context.extensionUri.fsPath, 'main');
        return renderWebviewHtml({ script, style, nonce: randomBytes(18).toString('base64'), title: vscode.l10n.t('Power Map') });
    }
}
