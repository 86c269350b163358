/**
 * The VS Code extension: starts the bundled acct language server for `.acct` files, exports the
 * plan to JSON, opens the power-map views and provides the `acct` task type. Everything the views show comes from the server,
 * through the typed plan protocol (@acct/contract/protocol).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
    ExportPlanRequest,
    FocusRequest,
    HistoryReadyNotification,
    LocateRequest,
    PlanChangedNotification,
    PlanPartsRequest,
    PlanViewRequest,
    StageAgesRequest,
    TrendsRequest,
    WorkspaceTrustNotification,
} from '@acct/contract/protocol';
import { registerCommitDiff } from './commit-diff.js';
import { EditorCommands, NO_FOCUS } from '@acct/contract';
import { registerPowerMap } from './power-map-commands.js';
import { PowerMapPanel, type PlanSource } from './power-map-panel.js';
import { refusal, saveOrExplain } from './save-file.js';
import { registerShowChanges } from './show-changes.js';
import { registerAcctTasks } from './acct-tasks.js';
import { displayTexts } from './display-language.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    // The `acct` task type (tasks.json, "acct: check") needs no server: it runs the bundled CLI.
    registerAcctTasks(context);
    const serverModule = context.asAbsolutePath('out/server.js');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'acct' },
            { scheme: 'untitled', language: 'acct' },
        ],
        // the server reads git (the plan's history) only in a trusted workspace
        initializationOptions: { trusted: vscode.workspace.isTrusted },
        synchronize: {
            configurationSection: 'acct',
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.acct'),
        },
    };
    client = new LanguageClient('acct', vscode.l10n.t('Account Plans'), serverOptions, clientOptions);
    await client.start();
    const languageClient = client;

    const source: PlanSource = {
        planView: params => languageClient.sendRequest(PlanViewRequest.type, params),
        planParts: params => languageClient.sendRequest(PlanPartsRequest.type, params),
        focus: async params => (await languageClient.sendRequest(FocusRequest.type, params)) ?? NO_FOCUS,
        locate: params => languageClient.sendRequest(LocateRequest.type, params),
        onPlanChanged: listener => languageClient.onNotification(PlanChangedNotification.type, () => listener()),
        trends: params => languageClient.sendRequest(TrendsRequest.type, params),
        stageAges: params => languageClient.sendRequest(StageAgesRequest.type, params),
        onHistoryReady: listener => languageClient.onNotification(HistoryReadyNotification.type, () => listener()),
    };
    context.subscriptions.push(
        vscode.workspace.onDidGrantWorkspaceTrust(() => {
            void languageClient.sendNotification(WorkspaceTrustNotification.type, { trusted: true }).then(() => PowerMapPanel.current?.historyChanged());
        }),
    );
    registerCommitDiff(context);
    registerPowerMap(context, source);
    registerShowChanges(context, {
        locate: subject => languageClient.sendRequest(LocateRequest.type, { subject }),
        planView: uri => languageClient.sendRequest(PlanViewRequest.type, { uri }),
    });

    context.subscriptions.push(
        vscode.commands.registerCommand('acct.exportJson', (options?: { target?: string; folder?: string }) => exportToJson(languageClient, options)),
    );
    context.subscriptions.push(vscode.commands.registerCommand(EditorCommands.editWaiverReason, placeCursor));
}

/** After "Waive this finding…" inserted `waive CODE "" until …`: the cursor goes between the quotes. */
function placeCursor(uri: unknown, position: unknown): void {
    const at = position as { line?: unknown; character?: unknown } | undefined;
    if (typeof uri !== 'string' || typeof at?.line !== 'number' || typeof at.character !== 'number') return;
    const target = vscode.Uri.parse(uri).toString();
    const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === target);
    if (!editor) return;
    const cursor = new vscode.Position(at.line, at.character);
    editor.selection = new vscode.Selection(cursor, cursor);
    editor.revealRange(new vscode.Range(cursor, cursor));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}

/**
 * Account Plan: Export to JSON. Arguments (for scripts and tests) skip the dialogs:
 * `target` is the file URI to write, `folder` the workspace folder URI paths are relative to.
 */
async function exportToJson(languageClient: LanguageClient, options?: { target?: string; folder?: string }): Promise<vscode.Uri | undefined> {
    const folder = options?.folder ? vscode.Uri.parse(options.folder) : await pickFolder();
    if (!folder) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder with account plans to export them.'));
        return undefined;
    }
    const target = options?.target
        ? vscode.Uri.parse(options.target)
        : await vscode.window.showSaveDialog({
              defaultUri: vscode.Uri.joinPath(folder, 'acct-plan.json'),
              filters: { JSON: ['json'] },
              title: vscode.l10n.t('Export the account plan to JSON'),
          });
    if (!target) return undefined;
    const what = displayTexts().t('write.what.export');
    const refused = refusal(target, what);
    if (refused) {
        void vscode.window.showErrorMessage(refused);
        return undefined;
    }
    const result = await languageClient.sendRequest(ExportPlanRequest.type, { workspaceFolder: folder.toString() });
    if (result.errors > 0) {
        const choice = await vscode.window.showErrorMessage(
            result.errors === 1
                ? vscode.l10n.t('The plan has 1 error: nothing exported. Fix it and export again.')
                : vscode.l10n.t('The plan has {0} errors: nothing exported. Fix them and export again.', result.errors),
            vscode.l10n.t('Show Problems'),
        );
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
        return undefined;
    }
    if (!(await saveOrExplain(target, result.json, what))) return undefined;
    if (!options?.target) {
        void vscode.window
            .showInformationMessage(vscode.l10n.t('Account plan exported to {0}.', vscode.workspace.asRelativePath(target)), vscode.l10n.t('Open'))
            .then(choice => {
                if (choice) void vscode.window.showTextDocument(target);
            });
    }
    return target;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return folders[0]?.uri;
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Workspace folder whose plan to export') });
    return picked?.uri;
}
