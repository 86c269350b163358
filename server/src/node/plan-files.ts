/**
 * Finding and reading `.acct` files on disk, for the CLI and the tests: folders searched
 * recursively (dependencies and dot-folders skipped), only regular files read (a FIFO or a
 * device named `x.acct` is skipped with a line saying so, never read), strict UTF-8, a bounded
 * number of files open at once, and one clear line for every bad path. Never writes anything.
 */
import * as fs from 'node:fs/promises';
import type { Stats } from 'node:fs';
import * as path from 'node:path';

/** A problem with the input itself (not with the plan): the CLI exits 2 with this message. */
export class InputError extends Error {}

/** Largest plan file read: far above any real plan, and what the time and memory budgets allow. */
export const MAX_PLAN_BYTES = 16 * 1024 * 1024;
/** Files read at once (an `ulimit -n` of 256 is common). */
const OPEN_AT_ONCE = 16;

export interface FindOptions {
    /** For one side of a diff: a path that no longer exists, or holds no plan, gives no file instead of an error. */
    missingIsEmpty?: boolean;
    /** Told about each file skipped (not a regular file), as one line. */
    onSkip?: (line: string) => void;
}

/** Folders a search for plans never enters: dependencies and dot-folders (.git, .vscode-test, …). */
export function isSkippedFolder(name: string): boolean {
    return name === 'node_modules' || name.startsWith('.');
}

/** The `.acct` files under the given files and folders (default `.`), sorted. */
export async function findAcctFiles(paths: string[], cwd: string, options: FindOptions = {}): Promise<string[]> {
    const found = new Set<string>();
    for (const given of paths.length ? paths : ['.']) {
        const absolute = path.resolve(cwd, given);
        let stat: Stats;
        try {
            stat = await fs.stat(absolute);
        } catch (error) {
            if (options.missingIsEmpty && (error as NodeJS.ErrnoException).code === 'ENOENT') continue;
            throw new InputError(`${given}: ${whyUnreachable(error)}`);
        }
        if (stat.isDirectory()) {
            await walk(absolute, found, given, options);
        } else if (!given.toLowerCase().endsWith('.acct')) {
            throw new InputError(`${given}: not an .acct file. Give account plans (*.acct), or folders that hold them.`);
        } else if (!stat.isFile()) {
            options.onSkip?.(`${given}: not a regular file (${kindOf(stat)}): skipped.`);
        } else {
            found.add(absolute);
        }
    }
    if (found.size === 0 && !options.missingIsEmpty) {
        throw new InputError(`no .acct file found in ${paths.length ? paths.join(', ') : '.'}. Give a folder that holds account plans, or .acct files.`);
    }
    return [...found].sort();
}

async function walk(folder: string, found: Set<string>, given: string, options: FindOptions): Promise<void> {
    let entries;
    try {
        entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
        throw new InputError(`${given}: cannot read folder ${folder} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check its permissions.`);
    }
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!isSkippedFolder(entry.name)) await walk(full, found, given, options);
        } else if (entry.name.endsWith('.acct')) {
            if (entry.isFile()) {
                found.add(full);
            } else if (entry.isSymbolicLink()) {
                // a link to a plan is a plan; a link to anything else, or a loop, is skipped
                const target = await fs.stat(full).catch((error: unknown) => error as NodeJS.ErrnoException);
                if (target instanceof Error) options.onSkip?.(`${path.relative(process.cwd(), full) || full}: ${whyUnreachable(target)} Skipped.`);
                else if (target.isFile()) found.add(full);
                else options.onSkip?.(`${path.relative(process.cwd(), full) || full}: not a regular file (${kindOf(target)}): skipped.`);
            } else {
                options.onSkip?.(`${path.relative(process.cwd(), full) || full}: not a regular file (${entry.isFIFO() ? 'a FIFO' : 'a device or socket'}): skipped.`);
            }
        }
    }
}

function whyUnreachable(error: unknown): string {
    switch ((error as NodeJS.ErrnoException).code) {
        case 'ENOENT': return 'no such file or folder. Check the path.';
        case 'ELOOP': return 'a symbolic link that loops back to itself. Fix or remove the link.';
        case 'EACCES': case 'EPERM': return 'permission denied. Check its permissions.';
        case 'ENOTDIR': return 'a part of the path is not a folder. Check the path.';
        default: return `cannot be reached (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the path.`;
    }
}

function kindOf(stat: Stats): string {
    return stat.isFIFO() ? 'a FIFO' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : 'not a file';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads files with at most a few open at once, in the order given. */
export async function readPlanTexts(files: readonly string[], display: (file: string) => string): Promise<string[]> {
    const texts: string[] = new Array(files.length);
    let next = 0;
    const worker = async () => {
        while (next < files.length) {
            const i = next++;
            texts[i] = await readPlanText(files[i]!, display(files[i]!));
        }
    };
    await Promise.all(Array.from({ length: Math.min(OPEN_AT_ONCE, files.length) }, worker));
    return texts;
}

export async function readPlanText(file: string, display: string): Promise<string> {
    let bytes: Buffer;
    try {
        const handle = await fs.open(file, 'r');
        try {
            const stat = await handle.stat();
            if (!stat.isFile()) throw new InputError(`${display}: not a regular file (${kindOf(stat)}). Give account plans (*.acct).`);
            if (stat.size > MAX_PLAN_BYTES) {
                throw new InputError(`${display}: ${(stat.size / 1024 / 1024).toFixed(0)} MB is too large for a plan (at most ${MAX_PLAN_BYTES / 1024 / 1024} MB). Is it really an account plan?`);
            }
            bytes = await handle.readFile();
        } finally {
            await handle.close();
        }
    } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`${display}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check that it is a readable file.`);
    }
    let text: string;
    try {
        text = utf8.decode(bytes);
    } catch {
        throw new InputError(`${display}:${lineOfFirstInvalidByte(bytes)}: not valid UTF-8. Save the file as UTF-8.`);
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineOfFirstInvalidByte(bytes: Buffer): number {
    // Decode line by line until one fails: only ever reached for a file that is not UTF-8.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
        if (i === bytes.length || bytes[i] === 0x0a) {
            try {
                utf8.decode(bytes.subarray(start, i));
            } catch {
                return line;
            }
            line++;
            start = i + 1;
        }
    }
    return 1;
}
