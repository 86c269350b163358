/**
 * The Changes Since… panel: one webview panel showing the `acct diff` report as pictures and
 * words (client/webview/src/changes/main.ts) — the power map of each changed deal with what moved
 * marked on it, and the findings, each a link to its declaration. It holds the report it shows
 * and posts it whenever its page says `ready` (opened, shown again, reloaded); the page never
 * sees `.acct` text, and a link it asks for is opened only inside the report's workspace folder.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ChangesPicture, FromChangesMessage, SourceAnchor, SubjectKey } from '@acct/contract';
import { isSubjectKey } from '@acct/contract';
import { POWER_MAP_VIEW_TYPE } from './power-map-panel.js';
import { webviewBundle } from './webview-bundle.js';
import { renderWebviewHtml } from './webview-html.js';

export const CHANGES_VIEW_TYPE = 'acct.changes';

/** What the panel's links do: open a declaration, a file of the folder at a line, the Markdown report. */
export interface ChangesActions {
    locate(subject: SubjectKey): Promise<SourceAnchor | null>;
    markdown(): Thenable<unknown>;
}

/**
 * Beside the editor: as a tab of the group where the power map stands, else of the group right
 * of the editor, rather than in a third, narrow column; beside it when there is no such group.
 */
function besideTheEditor(): vscode.ViewColumn {
    const groups = vscode.window.tabGroups.all;
    const map = groups.find(g => g.tabs.some(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(POWER_MAP_VIEW_TYPE)));
    if (map) return map.viewColumn;
    const editor = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    const right = groups
        .map(g => g.viewColumn)
        .filter(c => c > editor)
        .sort((a, b) => a - b)[0];
    return right ?? vscode.ViewColumn.Beside;
}

export class ChangesPanel {
    static current: ChangesPanel | undefined;

    /** Shows `picture` in the panel (opened beside the editor, or brought forward). */
    static show(context: vscode.ExtensionContext, picture: ChangesPicture, folder: vscode.Uri, actions: ChangesActions): ChangesPanel {
        const title = vscode.l10n.t('Changes since {0}', picture.revision);
        const existing = ChangesPanel.current;
        if (existing) {
            existing.update(picture, folder, actions, title);
            existing.panel.reveal(undefined, false);
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(
            CHANGES_VIEW_TYPE,
            title,
            { viewColumn: besideTheEditor(), preserveFocus: false },
            {
                enableScripts: true,
                enableFindWidget: true,
                // the page loads no file: its bundle is written into it (webview-bundle.ts)
                localResourceRoots: [],
            },
        );
        ChangesPanel.current = new ChangesPanel(panel, context, picture, folder, actions);
        return ChangesPanel.current;
    }

    private readonly disposables: vscode.Disposable[] = [];
    /** What the page said it drew of the picture held (reset when another picture is posted). */
    private drawnReport: Extract<FromChangesMessage, { type: 'drawn' }> | undefined;
    private drawnWaiters: Array<(drawn: Extract<FromChangesMessage, { type: 'drawn' }>) => void> = [];

    private constructor(
        readonly panel: vscode.WebviewPanel,
        private readonly context: vscode.ExtensionContext,
        private picture: ChangesPicture,
        private folder: vscode.Uri,
        private actions: ChangesActions,
    ) {
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
        );
        panel.webview.html = this.html(panel.title);
    }

    /** What the page drew of the report it was last given, once it says so (scripts and tests: the view opened and holds the changes). */
    whenDrawn(): Promise<Extract<FromChangesMessage, { type: 'drawn' }>> {
        if (this.drawnReport) return Promise.resolve(this.drawnReport);
        return new Promise(resolve => this.drawnWaiters.push(resolve));
    }

    private update(picture: ChangesPicture, folder: vscode.Uri, actions: ChangesActions, title: string): void {
        this.picture = picture;
        this.folder = folder;
        this.actions = actions;
        this.panel.title = title;
        void this.post();
    }

    private async post(): Promise<void> {
        this.drawnReport = undefined;
        await this.panel.webview.postMessage({ type: 'changes', changes: this.picture });
    }

    private onMessage(m: unknown): void {
        if (typeof m !== 'object' || m === null) return;
        const message = m as FromChangesMessage;
        switch (message.type) {
            case 'ready':
                void this.post();
                break;
            case 'reveal':
                if (isSubjectKey(message.subject)) void this.reveal(message.subject);
                break;
            case 'open':
                if (typeof message.file === 'string' && Number.isInteger(message.line)) void this.open(message.file, message.line);
                break;
            case 'markdown':
                void this.actions.markdown();
                break;
            case 'drawn':
                this.drawnReport = {
                    type: 'drawn',
                    maps: Number(message.maps),
                    links: Number(message.links),
                    marks: Array.isArray(message.marks) ? message.marks.map(String) : [],
                };
                for (const resolve of this.drawnWaiters.splice(0)) resolve(this.drawnReport);
                break;
        }
    }

    private async reveal(subject: SubjectKey): Promise<void> {
        const anchor = await this.actions.locate(subject).catch(() => null);
        if (anchor) await this.openAt(vscode.Uri.parse(anchor.uri), anchor.line, anchor.column);
    }

    /** A path of the report (relative to its folder, `/`-separated): opened only when it stays inside the folder and is an `.acct` file. */
    private async open(file: string, line: number): Promise<void> {
        const parts = file.split('/');
        if (!file.endsWith('.acct') || parts.some(p => p === '..' || p === '') || file.includes('\\')) return;
        await this.openAt(vscode.Uri.joinPath(this.folder, ...parts), line, 1);
    }

    private async openAt(uri: vscode.Uri, line: number, column: number): Promise<void> {
        const pos = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
        // the editor column left of the panel (the panel opened beside it)
        const panelColumn = this.panel.viewColumn ?? vscode.ViewColumn.Two;
        const viewColumn = panelColumn > vscode.ViewColumn.One ? panelColumn - 1 : vscode.ViewColumn.Beside;
        try {
            const editor = await vscode.window.showTextDocument(uri, { viewColumn, selection: new vscode.Range(pos, pos), preserveFocus: false });
            editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        } catch (err) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0}: {1}', uri.fsPath, err instanceof Error ? err.message : String(err)));
        }
    }

    private html(title: string): string {
        const { script, style } = webviewBundle(this.context.extensionUri.fsPath, 'changes');
        return renderWebviewHtml({ script, style, nonce: randomBytes(18).toString('base64'), title });
    }

    dispose(): void {
        if (ChangesPanel.current === this) ChangesPanel.current = undefined;
        for (const d of this.disposables.splice(0)) d.dispose();
    }
}
