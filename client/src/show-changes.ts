/**
 * Account Plan: Show Changes Since… — the `acct diff` report of the workspace folder between a
 * revision (HEAD, a branch, a recent commit) and the files on disk, shown beside the editor as
 * pictures and words (changes-panel.ts): the power map of each changed deal with what moved
 * marked on it, the new, changed and resolved findings, each linking to its declaration. The
 * same report as Markdown (the pull-request form, `acct diff --format markdown`) is a button
 * away. The bundled CLI computes the diff (git read without touching the work tree), so the
 * editor and CI report the same changes.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { runGit } from '@acct/files/run-git';
import { changeSubject, formatDiffMarkdown, type PlanDiff, type PlanView, type SourceAnchor, type SubjectKey } from '@acct/contract';
import { ChangesPanel } from './changes-panel.js';
import { changesPicture } from './changes-picture.js';
import { displayLocale, displayTexts } from './display-language.js';

export const SHOW_CHANGES_COMMAND = 'acct.showChanges';
const SCHEME = 'acct-changes';

export interface ChangesSource {
    locate(subject: SubjectKey): Promise<SourceAnchor | null>;
    /** The plan of the workspace folder holding `uri`, as the views draw it (the later side: the files on disk). */
    planView(uri: string): Promise<PlanView>;
}

/** What the command gives a script: the panel shown, what its page drew, and the Markdown report's document. */
export interface ShownChanges {
    title: string;
    drawn: { maps: number; marks: string[]; links: number } | null;
    markdown: vscode.Uri;
}

/** How long the command waits for the page to say it drew the report, for a script that asked for it. */
const DRAWN_WAIT_MS = 20_000;

/**
 * Registers the command; its optional argument `{ revision, folder }` (for scripts and tests)
 * skips the pickers, and when the report cannot be made the command then fails with the message
 * the user is shown (an unknown revision: what to give instead).
 */
export function registerShowChanges(context: vscode.ExtensionContext, source: ChangesSource): void {
    const reports = new Map<string, string>();
    const changed = new vscode.EventEmitter<vscode.Uri>();
    context.subscriptions.push(
        changed,
        vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
            onDidChange: changed.event,
            provideTextDocumentContent: uri => reports.get(uri.toString()) ?? '',
        }),
    );
    context.subscriptions.push(
        vscode.commands.registerCommand(SHOW_CHANGES_COMMAND, async (arg?: { revision?: string; folder?: string }) => {
            // git runs in the folder: in Restricted Mode nothing of the repository runs, git included
            if (!vscode.workspace.isTrusted) {
                void vscode.window.showWarningMessage(
                    vscode.l10n.t(
                        'Show Changes Since… reads the plans through git, which runs only in a trusted workspace. Trust this folder to compare its plans.',
                    ),
                );
                return undefined;
            }
            const folder = arg?.folder ? vscode.Uri.parse(arg.folder) : await pickFolder();
            if (!folder) {
                void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder with account plans kept in git to compare them.'));
                return undefined;
            }
            const revision = arg?.revision ?? (await pickRevision(folder.fsPath));
            if (!revision) return undefined;
            try {
                const report = await vscode.window.withProgress(
                    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('acct: changes since {0}', revision) },
                    () => runDiff(context, folder.fsPath, revision),
                );
                const [anchors, view] = await Promise.all([anchorsFor(report, source), source.planView(vscode.Uri.joinPath(folder, 'plan.acct').toString())]);
                const links = linksFor(anchors, folder);
                const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${vscode.l10n.t('changes since {0}', revision.replace(/[/\\]/g, '-'))}.md` });
                reports.set(
                    uri.toString(),
                    formatDiffMarkdown(report, displayTexts(), subject => links.get(subject)),
                );
                changed.fire(uri);
                const panel = ChangesPanel.show(
                    context,
                    changesPicture(report, view, revision, subject => anchors.has(subject), displayLocale()),
                    folder,
                    {
                        locate: subject => source.locate(subject),
                        markdown: () => vscode.commands.executeCommand('markdown.showPreviewToSide', uri),
                    },
                );
                if (!arg?.revision) return undefined;
                // a script is told what the page drew (or that it said nothing in time)
                const drawn = await Promise.race([panel.whenDrawn(), new Promise<null>(resolve => setTimeout(() => resolve(null), DRAWN_WAIT_MS))]);
                const shown: ShownChanges = {
                    title: panel.panel.title,
                    drawn: drawn && { maps: drawn.maps, marks: drawn.marks, links: drawn.links },
                    markdown: uri,
                };
                return shown;
            } catch (err) {
                const message = err instanceof Error ? err.message : String(err);
                void vscode.window.showErrorMessage(message);
                // a script that named the revision is told too: the command fails with what it shows
                if (arg?.revision) throw new Error(message, { cause: err });
                return undefined;
            }
        }),
    );
}

/** The report as `acct diff --format json` gives it, with the editor's today. */
function runDiff(context: vscode.ExtensionContext, cwd: string, revision: string): Promise<PlanDiff> {
    // acct.today is a resource setting: read for the folder compared (a read without a resource logs a warning)
    const today = vscode.workspace.getConfiguration('acct', vscode.Uri.file(cwd)).get<string>('today')?.trim();
    // the findings' messages in the display language, like the rest of the report
    const args = [
        context.asAbsolutePath('out/cli.js'),
        'diff',
        '--lang',
        displayLocale(),
        '--from',
        revision,
        '--format',
        'json',
        ...(today ? ['--today', today] : []),
        '.',
    ];
    return new Promise((resolve, reject) => {
        // The extension host's own runtime runs the CLI (`ELECTRON_RUN_AS_NODE` makes Electron a plain node).
        execFile(process.execPath, args, { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 1 << 28 }, (error, stdout, stderr) => {
            if (error && !stdout) return reject(new Error(stderr.trim().replace(/^acct: /, '') || error.message));
            try {
                resolve(JSON.parse(stdout) as PlanDiff);
            } catch {
                reject(new Error(vscode.l10n.t('acct diff gave no report: {0}', stderr.trim() || stdout.slice(0, 200))));
            }
        });
    });
}

/** Where each element still declared is. */
async function anchorsFor(report: PlanDiff, source: ChangesSource): Promise<Map<SubjectKey, SourceAnchor>> {
    const subjects = [...new Set(report.changes.filter(c => c.kind !== 'removed').map(changeSubject))];
    const anchors = await Promise.all(subjects.map(subject => source.locate(subject).catch(() => null)));
    const found = new Map<SubjectKey, SourceAnchor>();
    subjects.forEach((subject, i) => {
        if (anchors[i]) found.set(subject, anchors[i]!);
    });
    return found;
}

/**
 * Each element's place as a link the markdown preview opens at its line. The preview does not
 * follow `file:` links; a path from the workspace folder's root (`/a/b.acct#L12`) it does.
 */
function linksFor(anchors: ReadonlyMap<SubjectKey, SourceAnchor>, folder: vscode.Uri): Map<SubjectKey, string> {
    const links = new Map<SubjectKey, string>();
    const root = folder.path.replace(/\/+$/, '') + '/';
    for (const [subject, found] of anchors) {
        const anchor = vscode.Uri.parse(found.uri);
        if (anchor.path.startsWith(root)) {
            links.set(subject, `/${anchor.path.slice(root.length).split('/').map(encodeURIComponent).join('/')}#L${found.line}`);
        }
    }
    return links;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return folders[0]?.uri;
    return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Workspace folder whose plan to compare') }))?.uri;
}

/** HEAD, the branches and the recent commits, newest first. */
async function pickRevision(cwd: string): Promise<string | undefined> {
    const git = (...args: string[]) => runGit(cwd, args).catch(() => '');
    const [branches, commits] = await Promise.all([
        git('for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes'),
        git('log', '-n', '20', '--format=%h%x09%s%x09%cr'),
    ]);
    const items: Array<vscode.QuickPickItem & { revision: string }> = [
        { label: 'HEAD', description: vscode.l10n.t('the last commit'), revision: 'HEAD' },
        ...branches
            .split('\n')
            .filter(Boolean)
            .map(b => ({ label: b, description: vscode.l10n.t('branch'), revision: b })),
        ...commits
            .split('\n')
            .filter(Boolean)
            .map(line => {
                const [hash, subject, when] = line.split('\t');
                return { label: hash!, description: `${subject} · ${when}`, revision: hash! };
            }),
    ];
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Show the changes to the plan since…'), matchOnDescription: true });
    return picked?.revision;
}
