/**
 * A commit's change of a plan file in VS Code's diff editor (the Trends view's points): the file
 * at the commit's first parent beside the file at the commit, each read by `git show` through
 * the one way acct runs git (files/run-git.ts: repository-configured commands off), served
 * read-only by a content provider. Only in a trusted workspace: in Restricted Mode git never runs.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runGit } from '@acct/files/run-git';

export const OPEN_COMMIT_CHANGE_COMMAND = 'acct.openCommitChange';
const SCHEME = 'acct-commit';
const COMMIT = /^[0-9a-f]{7,64}$/;

/** What a side of the diff reads: `git show REV:PATH` in the repository at `root`. */
interface Side {
    root: string;
    revision: string;
    path: string;
}

function sideUri(side: Side, name: string): vscode.Uri {
    return vscode.Uri.from({ scheme: SCHEME, path: `/${side.revision.slice(0, 8)}/${name}`, query: JSON.stringify(side) });
}

function sideOf(uri: vscode.Uri): Side | undefined {
    try {
        const side = JSON.parse(uri.query) as Partial<Side>;
        if (typeof side.root !== 'string' || typeof side.revision !== 'string' || typeof side.path !== 'string') return undefined;
        if (!/^[0-9a-f]{7,64}\^?$/.test(side.revision) || side.path.startsWith('-') || side.path.split('/').includes('..')) return undefined;
        return side as Side;
    } catch {
        return undefined;
    }
}

/**
 * Registers the content provider and `acct.openCommitChange` `{ commit, file }` (a commit id and
 * the file's URI): opens the diff of that file between the commit's first parent and the commit,
 * and answers whether it did.
 */
export function registerCommitDiff(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
        vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
            async provideTextDocumentContent(uri) {
                const side = sideOf(uri);
                if (!side || !vscode.workspace.isTrusted) return '';
                // a file that is not at that revision (added by the commit, a root commit): empty
                return runGit(side.root, ['show', `${side.revision}:${side.path}`]).catch(() => '');
            },
        }),
    );
    context.subscriptions.push(
        vscode.commands.registerCommand(OPEN_COMMIT_CHANGE_COMMAND, async (arg?: { commit?: unknown; file?: unknown }) => {
            if (!vscode.workspace.isTrusted) {
                void vscode.window.showWarningMessage(
                    vscode.l10n.t('The change of a commit is read through git, which runs only in a trusted workspace. Trust this folder to open it.'),
                );
                return false;
            }
            const commit = typeof arg?.commit === 'string' && COMMIT.test(arg.commit) ? arg.commit : undefined;
            const file = typeof arg?.file === 'string' ? vscode.Uri.parse(arg.file) : undefined;
            if (!commit || !file || file.scheme !== 'file') return false;
            let root: string;
            try {
                root = (await runGit(path.dirname(file.fsPath), ['rev-parse', '--show-toplevel'])).trim();
            } catch (err) {
                void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open the change: {0}', err instanceof Error ? err.message : String(err)));
                return false;
            }
            const relative = path.relative(root, file.fsPath).split(path.sep).join('/');
            const name = path.basename(file.fsPath);
            const left = sideUri({ root, revision: `${commit}^`, path: relative }, name);
            const right = sideUri({ root, revision: commit, path: relative }, name);
            await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('{0}: the change of commit {1}', name, commit.slice(0, 7)), {
                preview: true,
            });
            return true;
        }),
    );
}
