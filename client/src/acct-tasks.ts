/**
 * The `acct` task type: `{ "type": "acct", "command": "check", "paths": ["plans"] }` in
 * tasks.json, or the detected task "acct: check" of each workspace folder. It runs the CLI bundled
 * in the extension (`out/cli.js`) with the extension host's own runtime (Electron as Node), so
 * nothing needs installing; the `$acct` problem matcher (package.json) fills the Problems panel.
 */
import * as vscode from 'vscode';
import { displayLocale } from './display-language.js';

export const ACCT_TASK_TYPE = 'acct';

/** A task of type `acct` as tasks.json writes it (its schema: `taskDefinitions` in package.json). */
export interface AcctTaskDefinition extends vscode.TaskDefinition {
    command: 'check';
    /** Files or folders, relative to the workspace folder (default: the whole folder). */
    paths?: string[];
    /** YYYY-MM-DD; default: the setting `acct.today`, else the real date. */
    today?: string;
    maxWarnings?: number;
}

export function registerAcctTasks(context: vscode.ExtensionContext): void {
    const cli = context.asAbsolutePath('out/cli.js');
    context.subscriptions.push(
        vscode.tasks.registerTaskProvider(ACCT_TASK_TYPE, {
            provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map(folder => checkTask(cli, { type: ACCT_TASK_TYPE, command: 'check' }, folder)),
            resolveTask: task => {
                const definition = task.definition as AcctTaskDefinition;
                if (definition.command !== 'check') return undefined;
                const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
                return folder ? checkTask(cli, definition, folder) : undefined;
            },
        }),
    );
}

function checkTask(cli: string, definition: AcctTaskDefinition, folder: vscode.WorkspaceFolder): vscode.Task {
    // the findings in VS Code's display language (the problem matcher reads only codes and places)
    const args = [cli, 'check', '--lang', displayLocale(), ...(definition.paths ?? [])];
    const today = definition.today || vscode.workspace.getConfiguration('acct', folder.uri).get<string>('today');
    if (today) args.push('--today', today);
    if (definition.maxWarnings !== undefined) args.push('--max-warnings', String(definition.maxWarnings));
    // Paths in the output are relative to the folder, as the problem matcher reads them.
    const execution = new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
    const task = new vscode.Task(definition, folder, definition.paths?.length ? `check ${definition.paths.join(' ')}` : 'check', 'acct', execution, '$acct');
    task.group = vscode.TaskGroup.Build;
    task.detail = vscode.l10n.t('Check the account plans against the method (acct check)');
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
    return task;
}
