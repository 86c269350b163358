/**
 * The plans of a git revision, read through git's command line (what every user has) without
 * touching the work tree or the index: `ls-tree` lists the `.acct` files, `cat-file --batch`
 * reads them, `diff --find-renames` tells which files were renamed or moved.
 */
import { execFile, spawn } from 'node:child_process';
import * as path from 'node:path';
import { isSkippedFolder } from './plan-files.js';
import { ACCT_IGNORE_FILE, keptFiles } from '../language/acct-ignore.js';
import { message, MessageError } from '../method/index.js';
import type { PlanText } from './workspace-loader.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A problem with git or the revision: the CLI exits 2 with this message. */
export class GitError extends MessageError {}

export interface GitWorkTree {
    /** Absolute path of the work tree's top folder. */
    root: string;
}

/** The one way acct runs git: arguments, never a shell; the output as text; a clear error without git. */
export function git(cwd: string, args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile('git', args, { cwd, maxBuffer: 1 << 30, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (!error) return resolve(stdout);
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
                return reject(new GitError(message('git.missing')));
            }
            reject(Object.assign(new Error(stderr.trim() || error.message), { stderr }));
        });
    });
}

/** The work tree holding `cwd`. */
export async function workTree(cwd: string): Promise<GitWorkTree> {
    try {
        const root = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim();
        return { root };
    } catch (error) {
        if (error instanceof GitError) throw error;
        throw new GitError(message('git.noWorkTree', { folder: cwd }));
    }
}

/** The commit a revision names; a clear error for an unknown one. */
export async function resolveRevision(tree: GitWorkTree, revision: string): Promise<string> {
    if (revision.startsWith('-')) throw new GitError(message('git.notRevision', { revision }));
    try {
        return (await git(tree.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).trim();
    } catch (error) {
        if (error instanceof GitError) throw error;
        throw new GitError(message('git.unknownRevision', { revision }));
    }
}

/** Whether `file` (relative to `cwd`) names a file or folder in the commit. */
export async function existsAt(tree: GitWorkTree, commit: string, file: string, cwd: string): Promise<boolean> {
    const spec = path.relative(tree.root, path.resolve(cwd, file)) || '.';
    return (await git(tree.root, ['ls-tree', '-z', '--full-tree', '--name-only', commit, '--', spec])).length > 0;
}

/** Whether `name` names a commit (without an error when it does not). */
export async function isRevision(tree: GitWorkTree, name: string): Promise<boolean> {
    return resolveRevision(tree, name).then(() => true, () => false);
}

/** The `.acct` files of a commit under the given paths (relative to `cwd`), with their texts. */
export async function plansAt(tree: GitWorkTree, commit: string, paths: string[], cwd: string): Promise<PlanText[]> {
    const specs = (paths.length ? paths : ['.']).map(p => path.relative(tree.root, path.resolve(cwd, p)) || '.');
    const listing = (await git(tree.root, ['ls-tree', '-r', '-z', '--full-tree', '--name-only', commit, '--', ...specs])).split('\0');
    const visible = (name: string) => name.split('/').slice(0, -1).every(folder => !isSkippedFolder(folder));
    const plans = listing.filter(name => name.endsWith('.acct') && visible(name));
    // The `.acctignore` files of the commit under the searched folders (contract 7.5), as on disk.
    const ignoreFiles = listing.filter(name => name === ACCT_IGNORE_FILE || name.endsWith('/' + ACCT_IGNORE_FILE));
    const ignoreTexts = new Map((await readBlobs(tree.root, ignoreFiles.map(name => `${commit}:${name}`)))
        .map((text, i) => [ignoreFiles[i]!.slice(0, -ACCT_IGNORE_FILE.length).replace(/\/$/, ''), text] as const));
    const kept = new Set<string>();
    for (const spec of specs) {
        if (plans.includes(spec)) { kept.add(spec); continue; } // a file named explicitly is always read
        const base = spec === '.' ? '' : spec.replace(/\/+$/, '');
        const under = plans.filter(name => base === '' || name.startsWith(base + '/'));
        const inside = (name: string) => (base === '' ? name : name.slice(base.length + 1));
        const texts = new Map([...ignoreTexts].filter(([folder]) => base === '' || folder === base || folder.startsWith(base + '/'))
            .map(([folder, text]) => [folder === base ? '' : inside(folder), text]));
        for (const name of keptFiles(under.map(inside), texts)) kept.add(base === '' ? name : `${base}/${name}`);
    }
    const names = plans.filter(name => kept.has(name));
    const texts = await readBlobs(tree.root, names.map(name => `${commit}:${name}`));
    return names.map((name, i) => ({ file: path.join(tree.root, name), text: texts[i]! }));
}

/** Renamed or moved `.acct` files between two commits (or a commit and the work tree): old absolute path → new. */
export async function renames(tree: GitWorkTree, from: string, to: string | undefined): Promise<Map<string, string>> {
    const args = ['diff', '--find-renames', '--name-status', '-z', from, ...(to ? [to] : []), '--', '*.acct'];
    const fields = (await git(tree.root, args)).split('\0');
    const moved = new Map<string, string>();
    for (let i = 0; i < fields.length; i++) {
        const status = fields[i] ?? '';
        if (status.startsWith('R')) {
            moved.set(path.join(tree.root, fields[i + 1]!), path.join(tree.root, fields[i + 2]!));
            i += 2;
        } else if (/^[ACDMTUX]/.test(status)) {
            i += 1;
        }
    }
    return moved;
}

/** Reads many blobs through one `git cat-file --batch`, as UTF-8 text (a BOM is dropped). */
function readBlobs(cwd: string, objects: string[]): Promise<string[]> {
    if (objects.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
        const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.on('error', reject);
        child.on('close', code => {
            if (code !== 0) return reject(new GitError(message('git.catFileFailed', { code: String(code) })));
            const all = Buffer.concat(chunks);
            const texts: string[] = [];
            let at = 0;
            for (const object of objects) {
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
        child.stdin.end(objects.join('\n') + '\n');
    });
}

/** The committer date of a commit, `YYYY-MM-DD` in UTC. */
export async function commitDate(tree: GitWorkTree, commit: string): Promise<string> {
    const seconds = Number((await git(tree.root, ['show', '-s', '--format=%ct', commit])).trim());
    return new Date(seconds * 1000).toISOString().slice(0, 10);
}
