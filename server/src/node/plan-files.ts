/**
 * Finding and reading `.acct` files on disk, for the CLI and the tests: folders searched
 * recursively (dependencies and dot-folders skipped), only regular files read (a FIFO or a
 * device named `x.acct` is skipped with a line saying so, never read), strict UTF-8, one file open
 * at a time, and one clear line for every bad path. A searched folder's
 * `.acctignore` files leave out what they match (contract 7.5); a file named explicitly is always
 * read. Never writes anything.
 */
import * as fs from 'node:fs/promises';
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { message, MessageError, type Message } from '../method/index.js';
import { ACCT_IGNORE_FILE, AcctIgnore, isSkippedFolder } from '../language/workspace/acct-ignore.js';

/** A problem with the input itself (not with the plan): the CLI exits 2 with this message, in the user's language. */
export class InputError extends MessageError {}

/** Largest plan file read: far above any real plan, and what the time and memory budgets allow. */
export const MAX_PLAN_BYTES = 16 * 1024 * 1024;

export interface FindOptions {
    /** For one side of a diff: a path that no longer exists, or holds no plan, gives no file instead of an error. */
    missingIsEmpty?: boolean;
    /** Told about each file skipped (not a regular file), as one line to say. */
    onSkip?: (line: Message) => void;
}

export { isSkippedFolder };

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
            throw new InputError(whyUnreachable(error, given));
        }
        if (stat.isDirectory()) {
            await walk(absolute, '', AcctIgnore.none(), found, given, options);
        } else if (!given.toLowerCase().endsWith('.acct')) {
            throw new InputError(message('input.notAcct', { path: given }));
        } else if (!stat.isFile()) {
            options.onSkip?.(message('input.skipped', { path: given, kind: kindOf(stat) }));
        } else {
            found.add(absolute);
        }
    }
    if (found.size === 0 && !options.missingIsEmpty) {
        // the folder the user gave, as given (`.` would read as the end of the sentence): the current one by its path
        const given = paths.filter(p => path.resolve(cwd, p) !== path.resolve(cwd));
        throw new InputError(
            given.length
                ? message('input.noneFound', { paths: given.map(p => `'${p}'`).join(', ') })
                : message('input.noneFoundHere', { folder: path.resolve(cwd) }),
        );
    }
    return [...found].sort();
}

async function walk(folder: string, relative: string, above: AcctIgnore, found: Set<string>, given: string, options: FindOptions): Promise<void> {
    let entries;
    try {
        entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
        throw new InputError(message('input.folderUnreadable', { path: given, folder, code: (error as NodeJS.ErrnoException).code ?? 'error' }));
    }
    const rules = above.inFolder(relative, await readIgnoreFile(folder, entries));
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        const inside = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            if (!isSkippedFolder(entry.name) && !rules.ignores(inside, true)) await walk(full, inside, rules, found, given, options);
        } else if (entry.name.endsWith('.acct') && !rules.ignores(inside, false)) {
            if (entry.isFile()) {
                found.add(full);
            } else if (entry.isSymbolicLink()) {
                // a link to a plan is a plan; a link to anything else, or a loop, is skipped
                const target = await fs.stat(full).catch((error: unknown) => error as NodeJS.ErrnoException);
                const shown = path.relative(process.cwd(), full) || full;
                if (target instanceof Error) options.onSkip?.(message('input.skippedUnreachable', { reason: whyUnreachable(target, shown) }));
                else if (target.isFile()) found.add(full);
                else options.onSkip?.(message('input.skipped', { path: shown, kind: kindOf(target) }));
            } else {
                options.onSkip?.(
                    message('input.skipped', {
                        path: path.relative(process.cwd(), full) || full,
                        kind: entry.isFIFO() ? message('input.kind.fifo') : message('input.kind.deviceOrSocket'),
                    }),
                );
            }
        }
    }
}

/** The text of the folder's `.acctignore`, if it has one (unreadable: as if it had none, like git). */
async function readIgnoreFile(folder: string, entries: readonly { name: string; isDirectory(): boolean }[]): Promise<string | undefined> {
    if (!entries.some(entry => entry.name === ACCT_IGNORE_FILE && !entry.isDirectory())) return undefined;
    return fs.readFile(path.join(folder, ACCT_IGNORE_FILE), 'utf8').catch(() => undefined);
}

function whyUnreachable(error: unknown, shown: string): Message {
    switch ((error as NodeJS.ErrnoException).code) {
        case 'ENOENT':
            return message('input.missing', { path: shown });
        case 'ELOOP':
            return message('input.loop', { path: shown });
        case 'EACCES':
        case 'EPERM':
            return message('input.denied', { path: shown });
        case 'ENOTDIR':
            return message('input.notFolder', { path: shown });
        default:
            return message('input.unreachable', { path: shown, code: (error as NodeJS.ErrnoException).code ?? 'error' });
    }
}

function kindOf(stat: Stats): Message {
    return message(
        stat.isFIFO()
            ? 'input.kind.fifo'
            : stat.isCharacterDevice() || stat.isBlockDevice()
              ? 'input.kind.device'
              : stat.isSocket()
                ? 'input.kind.socket'
                : 'input.kind.other',
    );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads files one at a time, in the order given, each with blocking calls: a one-shot command has
 * nothing else to do meanwhile, and the promise-based reads (open, stat, read, close: four trips to
 * libuv's thread pool per file) cost 40–55 ms of CPU for the 200 files of the benchmark's
 * workspace against 12–16 ms this way. One file is open at a time. A file that became a FIFO
 * after it was found is opened without blocking and refused by its stat, as before.
 */
export async function readPlanTexts(files: readonly string[], display: (file: string) => string): Promise<string[]> {
    return files.map(file => readPlanTextNow(file, display(file)));
}

/** `readPlanText` with blocking calls (the reads of readPlanTexts). */
function readPlanTextNow(file: string, display: string): string {
    let bytes: Buffer;
    try {
        const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
        try {
            checkReadable(fstatSync(fd), display);
            bytes = readFileSync(fd);
        } finally {
            closeSync(fd);
        }
    } catch (error) {
        throw inputError(error, display);
    }
    return decodePlan(bytes, display);
}

export async function readPlanText(file: string, display: string): Promise<string> {
    let bytes: Buffer;
    try {
        const handle = await fs.open(file, 'r');
        try {
            checkReadable(await handle.stat(), display);
            bytes = await handle.readFile();
        } finally {
            await handle.close();
        }
    } catch (error) {
        throw inputError(error, display);
    }
    return decodePlan(bytes, display);
}

/** A regular file, not larger than a plan can be: otherwise an InputError. */
function checkReadable(stat: Stats, display: string): void {
    if (!stat.isFile()) throw new InputError(message('input.notRegular', { path: display, kind: kindOf(stat) }));
    if (stat.size > MAX_PLAN_BYTES) {
        throw new InputError(message('input.tooLarge', { path: display, size: (stat.size / 1024 / 1024).toFixed(0), max: MAX_PLAN_BYTES / 1024 / 1024 }));
    }
}

function inputError(error: unknown, display: string): InputError {
    if (error instanceof InputError) return error;
    return new InputError(message('input.unreadable', { path: display, code: (error as NodeJS.ErrnoException).code ?? 'error' }));
}

/** The file's text: strict UTF-8, a leading BOM dropped. */
function decodePlan(bytes: Buffer, display: string): string {
    let text: string;
    try {
        text = utf8.decode(bytes);
    } catch {
        throw new InputError(message('input.notUtf8', { path: display, line: lineOfFirstInvalidByte(bytes) }));
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
