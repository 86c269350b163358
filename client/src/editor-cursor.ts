/**
 * The `.acct` editor whose cursor the power map follows: where the cursor is, and opening a
 * declaration for the map without the map taking that jump for a cursor move of the user's.
 */
import * as vscode from 'vscode';
import type { SourceAnchor } from '@acct/contract';
import type { FocusRequest } from '@acct/contract/protocol';

/** How long a selection change at the place we revealed counts as our own. */
const OWN_REVEAL_MS = 1500;

export function isAcct(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
    return !!doc && doc.languageId === 'acct';
}

interface Cursor {
    uri: vscode.Uri;
    position: vscode.Position;
    column: vscode.ViewColumn | undefined;
}

export class EditorCursor implements vscode.Disposable {
    private cursor: Cursor | undefined;
    /** Selection change caused by our own reveal: not a cursor move of the user's. */
    private expectedReveal: { uri: string; line: number; until: number } | undefined;
    private readonly disposables: vscode.Disposable[];

    /** `onMove` fires at once on each cursor move of the user's in an `.acct` editor. */
    constructor(onMove: () => void) {
        const active = vscode.window.activeTextEditor;
        const editor = isAcct(active?.document) ? active : vscode.window.visibleTextEditors.find(e => isAcct(e.document));
        if (editor) this.track(editor);
        this.disposables = [
            vscode.window.onDidChangeActiveTextEditor(e => {
                if (!e || !isAcct(e.document) || this.isOwnReveal(e.document.uri, e.selection.active.line)) return;
                this.track(e);
                onMove();
            }),
            vscode.window.onDidChangeTextEditorSelection(e => {
                if (!isAcct(e.textEditor.document)) return;
                const line = e.selections[0]?.active.line ?? 0;
                if (this.isOwnReveal(e.textEditor.document.uri, line)) return;
                this.track(e.textEditor);
                onMove();
            }),
        ];
    }

    /** The document the cursor is in, if any. */
    get uri(): vscode.Uri | undefined {
        return this.cursor?.uri;
    }

    /** What to ask the server for the focus under the cursor. */
    focusParams(): FocusRequest.Params | undefined {
        const c = this.cursor;
        return c && { uri: c.uri.toString(), position: { line: c.position.line, character: c.position.character } };
    }

    /** Opens `anchor` in the editor column of the cursor (beside the panel when that is the panel's own column). */
    async reveal(anchor: SourceAnchor, panelColumn: vscode.ViewColumn | undefined): Promise<void> {
        const uri = vscode.Uri.parse(anchor.uri);
        const pos = new vscode.Position(Math.max(0, anchor.line - 1), Math.max(0, anchor.column - 1));
        const column = this.cursor?.column && this.cursor.column !== panelColumn ? this.cursor.column : vscode.ViewColumn.Beside;
        this.expectedReveal = { uri: uri.toString(), line: pos.line, until: Date.now() + OWN_REVEAL_MS };
        try {
            const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(pos, pos), preserveFocus: false });
            editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
            const same = this.cursor?.uri.toString() === uri.toString();
            this.cursor = { uri, position: same ? this.cursor!.position : pos, column: editor.viewColumn };
        } catch (err) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0}: {1}', uri.fsPath, err instanceof Error ? err.message : String(err)));
        }
    }

    dispose(): void {
        for (const d of this.disposables.splice(0)) d.dispose();
    }

    private track(editor: vscode.TextEditor): void {
        this.cursor = { uri: editor.document.uri, position: editor.selection.active, column: editor.viewColumn };
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
}

/** An `.acct` document open in the editor, else the first one in the workspace: where a plan is when no editor shows one. */
export async function anyAcctUri(): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find(isAcct);
    if (open) return open.uri.toString();
    const found = await vscode.workspace.findFiles('**/*.acct', '**/node_modules/**', 1);
    return found[0]?.toString();
}
