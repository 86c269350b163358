/**
 * What every `acct` command shares: the path arguments, `--today` by the method's one rule,
 * loading the workspace, refusing to go on when the plan has errors, and writing output to a
 * file through the safe-write room.
 */
import { Argument, Command, InvalidArgumentError } from 'commander';
import { loadWorkspace, type LoadedWorkspace } from '../node/workspace-loader.js';
import { isDate, resolveToday } from '../method/index.js';
import type { DiagnosticJson } from '../contract/plan-types.js';
import { UnsafeTargetError, writeFileSafely } from '../files/safe-write.js';
import { formatText } from './format.js';
import { writeStderr, writeStdout } from './output.js';

/** The version `acct --version` prints and reports (SARIF's tool driver). */
export const ACCT_VERSION = '0.1.0';

/** Bad usage the user can fix: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/** A command's action: its exit status. */
export type SetExit = (code: number) => void;

export function parseToday(value: string): string {
    if (!isDate(value)) throw new InvalidArgumentError('expected a date YYYY-MM-DD.');
    return value;
}

export function parseCount(value: string): number {
    const number = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new InvalidArgumentError('expected a whole number, 0 or more.');
    return number;
}

/** The `[paths...]` argument. No paths is the current folder (findAcctFiles); the help says so rather than `[]`. */
export function pathsArgument(): Argument {
    return new Argument('[paths...]', 'files or folders (searched recursively for *.acct)').default([], '.');
}

/** The `[paths...]` argument and `--today`, as every command takes them. */
export function withPathsAndToday(command: Command): Command {
    return command
        .addArgument(pathsArgument())
        .option('--today <date>', 'the date checks compare with (YYYY-MM-DD)', parseToday);
}

export async function load(paths: string[], today: string | undefined): Promise<LoadedWorkspace> {
    // The method's one rule for today; here a bad ACCT_TODAY is refused rather than ignored.
    return loadWorkspace(paths, { today: resolveToday(today, process.env.ACCT_TODAY), onSkip: line => writeStderr(`acct: ${line}\n`) });
}

/** With any error in the plan: print the errors on standard error and say that nothing was `done`; true if so. */
export function refuseOnErrors(diagnostics: readonly DiagnosticJson[], done: string): boolean {
    const errors = diagnostics.filter(d => d.severity === 'error');
    if (errors.length === 0) return false;
    writeStderr(formatText(errors) + '\n');
    writeStderr(`acct: ${errors.length} error${errors.length === 1 ? '' : 's'}: ${done}. Fix the errors and run it again.\n`);
    return true;
}

/** Writes `text` into `target` (option `flag`) safely, or to standard output without a target. */
export async function writeOutput(target: string | undefined, text: string, flag: string, what: string): Promise<void> {
    if (!target) {
        await writeStdout(text);
        return;
    }
    try {
        await writeFileSafely(target, text, what);
    } catch (error) {
        if (error instanceof UnsafeTargetError) throw error;
        throw new UsageError(`${flag} ${target}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the folder exists and is writable.`);
    }
}
