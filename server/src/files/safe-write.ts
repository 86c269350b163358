/**
 * The one way acct writes a file — the CLI's `export -o`, the editor's JSON export and the SVG
 * save all come here: never an `.acct` plan, never a folder, and atomically (readers see the old
 * content or the new, never a partial one). Targets that are not regular files (a FIFO, a
 * terminal, /dev/null, a symlink to one of them) are written through, not replaced.
 */
import * as fs from 'node:fs/promises';
import type { Stats } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Why a target may not be written; the programs say it in their user's language. */
export type UnsafeTarget =
    'acct-file' | 'names-folder' | 'is-folder' | 'leads-to-plan' | 'socket' | 'not-plan' | 'not-regular-plan' | 'linked-plan' | 'plan-changed';

/** The target may not be written: the message says why and what to do (in English; `reason` and the fields let a program say it in another language). */
export class UnsafeTargetError extends Error {
    constructor(
        message: string,
        readonly reason?: UnsafeTarget,
        readonly target = '',
        readonly what = '',
        readonly real = '',
    ) {
        super(message);
    }
}

/** A plan file, whatever the case of its extension (`.acct`, `.ACCT`). */
export function isPlanPath(file: string): boolean {
    return /\.acct$/i.test(file.replace(/[\\/]+$/, ''));
}

/** Refuses a target that names a plan or a folder, before anything is computed or written. */
export function checkTarget(target: string, what = 'the export'): void {
    if (isPlanPath(target)) {
        throw new UnsafeTargetError(`${target}: acct never writes .acct files. Choose another file for ${what}.`, 'acct-file', target, what);
    }
    if (/[\\/]$/.test(target)) {
        throw new UnsafeTargetError(`${target}: names a folder. Give a file name for ${what}.`, 'names-folder', target, what);
    }
}

/** Writes `content` to `target` after `checkTarget`, atomically where the target is (or will be) a regular file. */
export async function writeFileSafely(target: string, content: string, what = 'the export'): Promise<void> {
    checkTarget(target, what);
    const absolute = path.resolve(target);
    const existing = await fs.stat(absolute).catch(() => undefined);
    if (existing?.isDirectory()) {
        throw new UnsafeTargetError(`${target}: is a folder. Give a file name for ${what}.`, 'is-folder', target, what);
    }
    // Follow a symlink to what it names: a link to a plan is a plan.
    const real = await fs.realpath(absolute).catch(() => absolute);
    if (isPlanPath(real)) {
        throw new UnsafeTargetError(`${target}: leads to the plan ${real}; acct never writes .acct files.`, 'leads-to-plan', target, what, real);
    }
    if (existing?.isSocket()) {
        throw new UnsafeTargetError(`${target}: is a socket. Give a file, a FIFO or a device for ${what}.`, 'socket', target, what);
    }
    if (existing && !existing.isFile()) {
        await fs.writeFile(real, content, 'utf8');
        return;
    }
    await replaceAtomically(real, content);
}

/**
 * `acct format --write`, the one command that writes an `.acct` file: replaces the plan `file`
 * with `content`, atomically (a reader, an editor, a crash see the old plan or the new one, never
 * a part), keeping its permissions and its UTF-8 byte order mark. Only a regular file named
 * `*.acct` — not a symbolic link (the link would become a copy), a FIFO or a device, nor a file
 * with another hard link (the other name would keep the old text) — and only while its text is
 * still `expected` (the text formatted: an edit saved meanwhile is never overwritten).
 */
export async function rewritePlan(file: string, expected: string, content: string): Promise<void> {
    const stat = await checkPlanRewritable(file);
    const bytes = await fs.readFile(file);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    if (bytes.toString('utf8', bom ? 3 : 0) !== expected) {
        throw new UnsafeTargetError(`${file}: changed while it was being formatted; nothing written. Run the command again.`, 'plan-changed', file);
    }
    await replaceAtomically(file, (bom ? '\uFEFF' : '') + content, stat.mode & 0o7777);
}

/** Refuses, before anything is written, a file that `rewritePlan` may not replace; its status if it may. */
export async function checkPlanRewritable(file: string): Promise<Stats> {
    const refuse = (reason: UnsafeTarget, message: string): never => {
        throw new UnsafeTargetError(message, reason, file);
    };
    if (!isPlanPath(file)) refuse('not-plan', `${file}: not an .acct file; acct format --write rewrites only account plans (*.acct).`);
    const stat = await fs.lstat(file);
    if (!stat.isFile())
        refuse('not-regular-plan', `${file}: not a regular file (a symbolic link, a FIFO or a device): acct format --write rewrites only regular .acct files.`);
    if (stat.nlink > 1) refuse('linked-plan', `${file}: has other hard links, which would keep the old text.`);
    return stat;
}

async function replaceAtomically(target: string, content: string, mode?: number): Promise<void> {
    const folder = path.dirname(target);
    await removeStaleTemporaries(folder, path.basename(target));
    const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await fs.open(temporary, 'wx');
    try {
        if (mode !== undefined) await handle.chmod(mode);
        await handle.writeFile(content, 'utf8');
        await handle.sync();
    } catch (error) {
        await handle.close();
        await fs.rm(temporary, { force: true });
        throw error;
    }
    await handle.close();
    try {
        await fs.rename(temporary, target);
    } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
    }
}

/**
 * A write killed between its temporary file and the rename (SIGKILL, a power cut) leaves
 * `.NAME.PID.RANDOM.tmp` behind: the next write of NAME removes those whose process is gone.
 */
async function removeStaleTemporaries(folder: string, name: string): Promise<void> {
    const entries = await fs.readdir(folder).catch(() => [] as string[]);
    const prefix = `.${name}.`;
    for (const entry of entries) {
        if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
        const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry.slice(prefix.length));
        if (match && !isRunning(Number(match[1]))) await fs.rm(path.join(folder, entry), { force: true });
    }
}

function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        // EPERM: it runs, as another user
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}
