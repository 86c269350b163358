/**
 * The VS Code extension: starts the bundled acct language server for `.acct` files, exports the
 * plan to JSON and opens the power-map views. Everything the views show comes from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { ExportPlanRequest, PlanChangedNotification, PlanViewRequest } from '../../server/src/protocol.js';
import { registerPowerMap, type PlanSource } from './power-map-panel.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath('out/server.js');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'acct' }, { scheme: 'untitled', language: 'acct' }],
        synchronize: {
            configurationSection: 'acct',
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.acct'),
        },
    };
    client = new LanguageClient('acct', 'Account Plans', serverOptions, clientOptions);
    await client.start();
    const languageClient = client;

    const source: PlanSource = {
        planView: params => languageClient.sendRequest<PlanViewRequest.Result>(PlanViewRequest.method, params),
        onPlanChanged: listener => languageClient.onNotification(PlanChangedNotification.method, () => listener()),
    };
    registerPowerMap(context, source);

    context.subscriptions.push(vscode.commands.registerCommand('acct.exportJson',
        (options?: { target?: string; folder?: string }) => exportToJson(languageClient, options)));
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
        void vscode.window.showWarningMessage('Open a folder with account plans to export them.');
        return undefined;
    }
    const target = options?.target ? vscode.Uri.parse(options.target) : await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder, 'acct-plan.json'),
        filters: { JSON: ['json'] },
        title: 'Export the account plan to JSON',
    });
    if (!target) return undefined;
    if (target.path.endsWith('.acct')) {
        void vscode.window.showErrorMessage('The export never overwrites an .acct plan: choose a .json file.');
        return undefined;
    }
    const result = await languageClient.sendRequest<ExportPlanRequest.Result>(ExportPlanRequest.method, { workspaceFolder: folder.toString() });
    if (result.errors > 0) {
        const choice = await vscode.window.showErrorMessage(
            `The plan has ${result.errors} error${result.errors === 1 ? '' : 's'}: nothing exported. Fix them and export again.`, 'Show Problems');
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
        return undefined;
    }
    await writeAtomically(target, result.json);
    if (!options?.target) {
        void vscode.window.showInformationMessage(`Account plan exported to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then(choice => {
            if (choice) void vscode.window.showTextDocument(target);
        });
    }
    return target;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return folders[0]?.uri;
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder whose plan to export' });
    return picked?.uri;
}

/** Readers of the export see the old file or the new one, never half of it. */
async function writeAtomically(target: vscode.Uri, content: string): Promise<void> {
    const name = target.path.split('/').pop() ?? 'acct-plan.json';
    const temporary = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now()}.tmp`);
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(content));
    try {
        await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
    } catch (error) {
        await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
        throw error;
    }
}
