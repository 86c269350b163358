/**
 * The plans of a git revision, read through git's command line (what every user has) without
 * touching the work tree or the index: `ls-tree` lists the `.acct` files, `cat-file --batch`
 * reads them by object id, `diff --find-renames` tells which files were renamed or moved.
 *
 * Plan folders come from anyone (a cloned repository, a pull request): every git command goes
 * through `runGit` (files/run-git.ts), which turns off what the repository's configuration could
 * make git run, and reads pathspecs literally. Names are read NUL-separated (`-z`) and blobs by
 * object id, so any file name is safe; a path outside the work tree is a usage error.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSkippedFolder } from './plan-files.js';
import { ignoreFileFolder, isAcctIgnoreFile, keptInSearches } from '../language/workspace/acct-ignore.js';
import { message, MessageError } from '../method/index.js';
import type { PlanText } from './workspace-loader.js';
import { gitEnvironment, runGit, safeGitArgs } from '../files/run-git.js';

export { runGit };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A problem with git or the revision: the CLI exits 2 with this message. */
export class GitError extends MessageError {}

export interface GitWorkTree {
    /** Absolute path of the work tree's top folder. */
    root: string;
}

/** `runGit`, with a failure said as a GitError (exit 2, git's own words) instead of an internal error. */
export async function git(cwd: string, args: string[]): Promise<string> {
    try {
        return await runGit(cwd, args);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new GitError(message('git.missing'));
        throw new GitError(message('git.failed', { command: args[0]!, detail: error instanceof Error ? error.message : String(error) }));
    }
}

/** The work tree holding `cwd`. */
export async function workTree(cwd: string): Promise<GitWorkTree> {
    try {
        const root = (await runGit(cwd, ['rev-parse', '--show-toplevel'])).trim();
        return { root };
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new GitError(message('git.missing'));
        throw new GitError(message('git.noWorkTree', { folder: cwd }));
    }
}

/** `file` (relative to `cwd`) as a path from the work tree's top; a GitError when it lies outside the work tree. */
export function pathInTree(tree: GitWorkTree, file: string, cwd: string): string {
    let base = cwd;
    try {
        base = fs.realpathSync(cwd);
    } catch {
        /* a cwd that vanished: as given */
    }
    let absolute = path.resolve(base, file);
    try {
        absolute = fs.realpathSync(absolute);
    } catch {
        /* a path deleted since the revision: as written */
    }
    const relative = path.relative(tree.root, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new GitError(message('git.pathOutside', { path: file, root: tree.root }));
    return relative.split(path.sep).join('/') || '.';
}

/** The commit a revision names; a clear error for an unknown one. */
export async function resolveRevision(tree: GitWorkTree, revision: string): Promise<string> {
    if (revision.startsWith('-')) throw new GitError(message('git.notRevision', { revision }));
    try {
        return (await runGit(tree.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).trim();
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new GitError(message('git.missing'));
        throw new GitError(message('git.unknownRevision', { revision }));
    }
}

/** Whether `file` (relative to `cwd`) names a file or folder in the commit. */
export async function existsAt(tree: GitWorkTree, commit: string, file: string, cwd: string): Promise<boolean> {
    const spec = pathInTree(tree, file, cwd);
    return (await git(tree.root, ['ls-tree', '-z', '--full-tree', '--name-only', commit, '--', spec])).length > 0;
}

/** Whether `name` names a commit (without an error when it does not). */
export async function isRevision(tree: GitWorkTree, name: string): Promise<boolean> {
    return resolveRevision(tree, name).then(
        () => true,
        () => false,
    );
}

/**
 * The `.acct` files of a commit under the given paths (relative to `cwd`), with their texts.
 * `known`: texts read before, by blob id (`acct diff` reads a file the two revisions share once); filled here.
 */
export async function plansAt(tree: GitWorkTree, commit: string, paths: string[], cwd: string, known?: Map<string, string>): Promise<PlanText[]> {
    return (await readPlans(tree, [{ commit, chosen: await plansListed(tree, commit, paths, cwd) }], known))[0]!;
}

/** The `.acct` files of two commits under the given paths (`acct diff` between revisions): each blob read once, all through one `git cat-file`. */
export async function plansAtBoth(tree: GitWorkTree, commits: [string, string], paths: string[], cwd: string): Promise<[PlanText[], PlanText[]]> {
    const sides = [];
    for (const commit of commits) sides.push({ commit, chosen: await plansListed(tree, commit, paths, cwd) });
    const [first, then] = await readPlans(tree, sides);
    return [first!, then!];
}

/** The `.acct` files of a commit under the given paths that a check reads (`.acctignore` files applied), by name and blob id. */
async function plansListed(tree: GitWorkTree, commit: string, paths: string[], cwd: string): Promise<Array<{ name: string; id: string }>> {
    const specs = (paths.length ? paths : ['.']).map(p => pathInTree(tree, p, cwd));
    // `<mode> blob <id>\t<name>` per entry, NUL-separated: a name may hold any character, a line break too
    const listing = await git(tree.root, ['ls-tree', '-r', '-z', '--full-tree', commit, '--'].concat(specs));
    const visible = (name: string) =>
        name
            .split('/')
            .slice(0, -1)
            .every(folder => !isSkippedFolder(folder));
    const entries: Array<{ name: string; id: string }> = [];
    const ignoreEntries: Array<{ name: string; id: string }> = [];
    for (const entry of listing.split('\0')) {
        const tab = entry.indexOf('\t');
        if (tab < 0) continue;
        const [, type, id] = entry.slice(0, tab).split(' ');
        const name = entry.slice(tab + 1);
        if (type !== 'blob' || !id) continue;
        if (isAcctIgnoreFile(name)) ignoreEntries.push({ name, id });
        else if (name.endsWith('.acct') && visible(name)) entries.push({ name, id });
    }
    // The `.acctignore` files of the commit under the searched folders (contract 7.5), as on disk.
    const ignoreTexts = new Map(
        (
            await readBlobs(
                tree.root,
                ignoreEntries.map(e => e.id),
                ignoreEntries.map(e => `${commit}:${e.name}`),
            )
        ).map((text, i) => [ignoreFileFolder(ignoreEntries[i]!.name), text] as const),
    );
    const kept = keptInSearches(specs, new Set(entries.map(e => e.name)), ignoreTexts);
    return entries.filter(entry => kept.has(entry.name));
}

/**
 * The texts of the files chosen in each commit, each blob not in `known` read once (named by the
 * first commit that holds it), all through one `git cat-file`. `known`: texts by blob id; filled here.
 */
async function readPlans(
    tree: GitWorkTree,
    sides: ReadonlyArray<{ commit: string; chosen: ReadonlyArray<{ name: string; id: string }> }>,
    known = new Map<string, string>(),
): Promise<PlanText[][]> {
    const unread = new Map<string, string>();
    for (const { commit, chosen } of sides) for (const e of chosen) if (!known.has(e.id) && !unread.has(e.id)) unread.set(e.id, `${commit}:${e.name}`);
    const texts = await readBlobs(tree.root, [...unread.keys()], [...unread.values()]);
    [...unread.keys()].forEach((id, i) => known.set(id, texts[i]!));
    return sides.map(({ chosen }) => chosen.map(entry => ({ file: path.join(tree.root, entry.name), text: known.get(entry.id)! })));
}

/** Renamed or moved `.acct` files between two commits (or a commit and the work tree): old absolute path → new. */
export async function renames(tree: GitWorkTree, from: string, to: string | undefined): Promise<Map<string, string>> {
    // no pathspec (they are read literally): the `.acct` files are picked from git's answer
    const args = ['diff', '--no-ext-diff', '--no-textconv', '--find-renames', '--name-status', '-z', from].concat(to ? [to] : []);
    const fields = (await git(tree.root, args)).split('\0');
    const moved = new Map<string, string>();
    for (let i = 0; i < fields.length; i++) {
        const status = fields[i] ?? '';
        if (status.startsWith('R')) {
            const [was, is] = [fields[i + 1]!, fields[i + 2]!];
            if (was.endsWith('.acct') && is.endsWith('.acct')) moved.set(path.join(tree.root, was), path.join(tree.root, is));
            i += 2;
        } else if (/^[ACDMTUX]/.test(status)) {
            i += 1;
        }
    }
    return moved;
}

/** Reads many blobs (by object id: never a name, which may hold a line break) through one `git cat-file --batch`, as UTF-8 text (a BOM is dropped). */
async function readBlobs(cwd: string, ids: string[], names: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const args = await safeGitArgs(cwd, ['cat-file', '--batch']);
    return new Promise((resolve, reject) => {
        const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: gitEnvironment() });
        const chunks: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.on('error', reject);
        child.on('close', code => {
            if (code !== 0) return reject(new GitError(message('git.catFileFailed', { code: String(code) })));
            const all = Buffer.concat(chunks);
            const texts: string[] = [];
            let at = 0;
            for (let k = 0; k < ids.length; k++) {
                const object = names[k]!;
                const newline = all.indexOf(0x0a, at);
                const header = all.subarray(at, newline).toString('utf8');
                const size = Number(/ blob (\d+)$/.exec(header)?.[1]);
                if (!Number.isFinite(size)) return reject(new GitError(message('git.cannotRead', { object, header })));
                let text: string;
                try {
                    text = utf8.decode(all.subarray(newline + 1, newline + 1 + size));
                } catch {
                    return reject(new GitError(message('git.notUtf8', { object })));
                }
                texts.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
                at = newline + 1 + size + 1;
            }
            resolve(texts);
        });
        child.stdin.end(ids.join('\n') + '\n');
    });
}

/** The committer date of a commit, `YYYY-MM-DD` in UTC. */
export async function commitDate(tree: GitWorkTree, commit: string): Promise<string> {
    const seconds = Number((await git(tree.root, ['show', '-s', '--format=%ct', commit])).trim());
    return new Date(seconds * 1000).toISOString().slice(0, 10);
}
