/**
 * The history of the plans, read from git in bulk (contract 7.6, issue 20 item 4): one
 * `git log --first-parent --raw -z -M` for the whole range (every commit's author, date, message
 * and which files changed, with the blob id of each new content), one `ls-tree` for the tree the
 * range starts from, and one `git cat-file --batch` for every blob (blob-reader.ts). Never a process per file
 * per commit; never a write to the work tree, the index or a ref (GIT_OPTIONAL_LOCKS=0, and git
 * runs with repository-configured commands disabled).
 */
import { git, type GitWorkTree } from './git.js';

/**
 * Repository settings that would run a command or write while acct reads history: off. (The
 * runner in git.ts may do this for every call; passing them here is harmless then.)
 */
export const SAFE = [
    '-c',
    'core.fsmonitor=false',
    '-c',
    'core.hooksPath=/dev/null',
    '-c',
    'core.untrackedCache=false',
    '-c',
    'diff.external=',
    '-c',
    'log.showSignature=false',
];

/** One file's change in a commit (git's raw diff against the first parent). */
export interface FileChange {
    /** A added, M modified, D deleted, R renamed, C copied, T type changed. */
    status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T';
    /** The path before (R, C: the source; D: the path deleted); the path otherwise. */
    path: string;
    /** R and C: the path after. */
    to?: string;
    /** The new content's blob id (null for D). */
    blob: string | null;
}

export interface CommitRecord {
    commit: string;
    /** The first parent, or null (a root commit, or the shallow boundary). */
    parent: string | null;
    /** Committer date in UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
    date: string;
    author: string;
    /** The first line of the commit message. */
    message: string;
    files: FileChange[];
}

const ZERO = /^0+$/;

/** `2026-11-02T18:15:00+08:00` → `2026-11-02T10:15:00Z`. */
export function utcDate(iso: string): string {
    return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The commits along the first-parent history of `until`, oldest first: after `since` when given
 * (a commit id), with the files under `specs` (paths from the work tree's root) that changed.
 */
export async function firstParentLog(tree: GitWorkTree, until: string, since: string | null, specs: string[]): Promise<CommitRecord[]> {
    const range = since ? [`^${since}`, until] : [until];
    const out = await git(tree.root, [
        ...SAFE,
        'log',
        '--first-parent',
        '--diff-merges=first-parent',
        '--root',
        '--raw',
        '-z',
        '--no-abbrev',
        '-M',
        '--no-color',
        '--no-ext-diff',
        '--format=%x01%H%x00%P%x00%cI%x00%aN%x00%B',
        '--end-of-options',
        ...range,
        '--',
        ...specs,
    ]);
    return parseLog(out).reverse();
}

/** Parses `git log --raw -z` with the format above, in one pass. */
export function parseLog(out: string): CommitRecord[] {
    const commits: CommitRecord[] = [];
    // a record starts with \x01 and the commit id (a message holding \x01 does not start one)
    for (const record of out.split(/\u0001(?=[0-9a-f]{40,64}\u0000)/)) {
        if (!record) continue;
        const fields = record.split('\u0000');
        const [commit, parents, date, author, subject] = fields;
        const files: FileChange[] = [];
        // after the subject: "\n" then ":mode mode old new STATUS", path[, path] … (each NUL-terminated)
        for (let i = 5; i < fields.length; i++) {
            const header = fields[i]!.replace(/^\n/, '');
            if (!header.startsWith(':')) continue;
            const parts = header.slice(1).split(' ');
            const blob = parts[3] ?? '';
            const status = (parts[4] ?? '').charAt(0) as FileChange['status'];
            if (status === 'R' || status === 'C') {
                files.push({ status, path: fields[i + 1]!, to: fields[i + 2]!, blob });
                i += 2;
            } else {
                files.push({ status, path: fields[i + 1]!, blob: status === 'D' || ZERO.test(blob) ? null : blob });
                i += 1;
            }
        }
        commits.push({
            commit: commit!,
            parent: (parents ?? '').split(' ').filter(Boolean)[0] ?? null,
            date: utcDate(date!),
            author: author ?? '',
            message: (subject ?? '').split('\n')[0]!.replace(/^\u0001/, ''),
            files,
        });
    }
    return commits;
}

/** The files of a commit under `specs` with their blob ids: path → blob. */
export async function treeAt(tree: GitWorkTree, commit: string, specs: string[]): Promise<Map<string, string>> {
    const out = await git(tree.root, [...SAFE, 'ls-tree', '-r', '-z', '--full-tree', commit, '--', ...specs]);
    const files = new Map<string, string>();
    for (const line of out.split('\u0000')) {
        const tab = line.indexOf('\t');
        if (tab < 0) continue;
        const [, type, blob] = line.slice(0, tab).split(' ');
        if (type === 'blob') files.set(line.slice(tab + 1), blob!);
    }
    return files;
}

/** Whether the repository is a shallow clone (its history stops at a boundary). */
export async function isShallow(tree: GitWorkTree): Promise<boolean> {
    return (await git(tree.root, [...SAFE, 'rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

/** The committer date (UTC) of a commit. */
export async function commitDate(tree: GitWorkTree, commit: string): Promise<string> {
    return utcDate((await git(tree.root, [...SAFE, 'show', '-s', '--format=%cI', '--end-of-options', commit])).trim());
}
