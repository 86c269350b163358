/**
 * What every `acct` command shares: the path arguments, `--today` by the method's one rule,
 * loading the workspace, refusing to go on when the plan has errors, and writing output to a
 * file through the safe-write room.
 */
import { Argument, Command, InvalidArgumentError } from 'commander';
import { loadWorkspace, type LoadedWorkspace } from '../node/workspace-loader.js';
import { isDate, resolveToday, type MarkingTexts, type Texts } from '../method/index.js';
import type { DiagnosticJson } from '../contract/plan-types.js';
import { UnsafeTargetError, writeFileSafely } from '../files/safe-write.js';
import { formatText } from './format.js';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { declaredNearby, unknownGlobalIds } from '../node/nearby-declarations.js';
import { writeStderr, writeStdout } from './output.js';

/** The version `acct --version` prints and reports (SARIF's tool driver). */
export const ACCT_VERSION = '0.1.0';

/** Bad usage the user can fix: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/** A command's action: its exit status. */
export type SetExit = (code: number) => void;

/** The parser of `--today`: a date YYYY-MM-DD. */
export function parseToday(texts: Texts): (value: string) => string {
    return value => {
        if (!isDate(value)) throw new InvalidArgumentError(texts.t('cli.expectedDate'));
        return value;
    };
}

/** The parser of a count (`--top`, `--max-warnings`): a whole number, 0 or more. */
export function parseCount(texts: Texts): (value: string) => number {
    return value => {
        const number = Number(value);
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new InvalidArgumentError(texts.t('cli.expectedCount'));
        return number;
    };
}

/** The `[paths...]` argument. No paths is the current folder (findAcctFiles); the help says so rather than `[]`. */
export function pathsArgument(texts: Texts): Argument {
    return new Argument('[paths...]', texts.t('help.paths')).default([], '.');
}

/** The `[paths...]` argument and `--today`, as every command takes them. */
export function withPathsAndToday(command: Command, texts: Texts): Command {
    return command.addArgument(pathsArgument(texts)).option('--today <date>', texts.t('help.today'), parseToday(texts));
}

/**
 * Loads the plans under `paths`; their findings speak the language of `texts`. `marking`: texts of
 * that language that keep the messages' marked forms, for `--redact`.
 */
export async function load(paths: string[], today: string | undefined, texts: Texts, marking?: MarkingTexts): Promise<LoadedWorkspace> {
    // The method's one rule for today; here a bad ACCT_TODAY is refused rather than ignored.
    return loadWorkspace(paths, {
        today: resolveToday(today, process.env.ACCT_TODAY),
        locale: texts.locale,
        marking,
        onSkip: line => writeStderr(`acct: ${texts.render(line)}\n`),
    });
}

/** With any error in the plan: print the errors on standard error and say that nothing was `done`; true if so. */
export function refuseOnErrors(diagnostics: readonly DiagnosticJson[], done: string, texts: Texts): boolean {
    const errors = diagnostics.filter(d => d.severity === 'error');
    if (errors.length === 0) return false;
    writeStderr(formatText(errors) + '\n');
    writeStderr(`acct: ${texts.t('cli.refused', { count: errors.length, done })}\n`);
    return true;
}

/** Writes `text` into `target` (option `flag`) safely, or to standard output without a target. */
export async function writeOutput(target: string | undefined, text: string, flag: string, what: string, texts: Texts): Promise<void> {
    if (!target) {
        await writeStdout(text);
        return;
    }
    try {
        await writeFileSafely(target, text, what);
    } catch (error) {
        if (error instanceof UnsafeTargetError) throw error;
        throw new UsageError(texts.t('cli.cannotWrite', { flag, target, code: (error as NodeJS.ErrnoException).code ?? 'error' }));
    }
}

/**
 * Some of a repository's plans checked alone (`acct check cmgd.acct`): when the members and
 * competitors they name as unknown are declared in plans nearby that were not checked, one line on
 * standard error per such plan says where, and to check them together. The findings themselves
 * (their codes, their count, the exit status) never change.
 */
export async function hintDeclaredElsewhere(
    command: 'check' | 'diff',
    documents: readonly LangiumDocument[],
    texts: Texts,
    cwd = process.cwd(),
): Promise<void> {
    const ids = unknownGlobalIds(documents);
    if (ids.length === 0) return;
    const loaded = documents.map(document => document.uri.fsPath);
    const shown = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || '.';
    const { folder, found } = await declaredNearby(loaded, ids, cwd);
    for (const { file, ids: declared } of found) {
        const listed =
            declared.length > 4
                ? [...declared.slice(0, 3).map(id => `'${id}'`), texts.t('cli.declaredElsewhere.more', { count: declared.length - 3 })]
                : declared.map(id => `'${id}'`);
        writeStderr(
            `acct: ${texts.t('cli.declaredElsewhere', {
                ids: texts.and(listed),
                count: declared.length,
                file: shown(file),
                folder: shown(folder),
                command,
            })}\n`,
        );
    }
}
