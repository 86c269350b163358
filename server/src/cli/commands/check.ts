/** `acct check`: one line per finding, then a summary (contract section 5); SARIF; `--watch`. */
import { Command, Option } from 'commander';
import { githubPieces, jsonPieces, linePieces, summaryLine, type OutputFormat } from '../format.js';
import { sarifPieces } from '../formats/sarif.js';
import { findingLine } from '../../contract/findings.js';
import { ACCT_VERSION, hintDeclaredElsewhere, load, parseCount, UsageError, withPathsAndToday, writeOutput, type SetExit } from '../common.js';
import type { LoadedWorkspace } from '../../node/workspace-loader.js';
import { checkTarget } from '../../files/safe-write.js';
import { watchCheck } from '../watch.js';
import { visible, writeStderr, writeStdout } from '../output.js';
import type { Texts } from '../../method/index.js';

interface CheckOptions {
    format: OutputFormat | 'sarif';
    maxWarnings?: number;
    today?: string;
    output?: string;
    watch?: boolean;
}

export function checkCommand(setExit: SetExit, texts: Texts): Command {
    return withPathsAndToday(new Command('check').description(texts.t('help.check')), texts)
        .addOption(new Option('--format <format>', texts.t('help.check.format')).choices(['text', 'json', 'github', 'sarif']).default('text'))
        .option('--max-warnings <n>', texts.t('help.check.maxWarnings'), parseCount(texts))
        .option('-o, --output <file>', texts.t('help.check.output'))
        .option('--watch', texts.t('help.check.watch'))
        .addHelpText('after', texts.t('help.check.after'))
        .action(async (paths: string[], options: CheckOptions) => setExit(await check(paths, options, texts)));
}

async function check(paths: string[], options: CheckOptions, texts: Texts): Promise<number> {
    if (options.watch) {
        if (options.format !== 'text') throw new UsageError(texts.t('cli.watch.format'));
        if (options.output) throw new UsageError(texts.t('cli.watch.output'));
        return watchCheck(paths, { today: options.today, maxWarnings: options.maxWarnings, texts });
    }
    const what = texts.t('write.what.report');
    if (options.output) checkTarget(options.output, what);
    const workspace = await load(paths, options.today, texts);
    const diagnostics = workspace.diagnostics();
    await writeReport(options.output, report(workspace, options.format, texts), what, texts);
    await hintDeclaredElsewhere('check', workspace.documents, texts);
    const errors = diagnostics.filter(d => d.severity === 'error').length;
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    if (errors > 0) return 1;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
        // on standard error whatever the format, so that a CI log says why the step failed
        writeStderr(`acct: ${texts.t('cli.maxWarnings', { warnings, max: options.maxWarnings })}\n`);
        return 1;
    }
    return 0;
}

/**
 * The report in pieces, as it is made (a megabyte of findings is 42 MB of JSON: never one text
 * on its way to standard output), followed by a line feed; nothing at all for an empty report.
 */
async function writeReport(target: string | undefined, pieces: Iterable<string | Uint8Array>, what: string, texts: Texts): Promise<void> {
    if (target) {
        // a piece of bytes ends between two findings: it is whole UTF-8
        const output = Array.from(pieces, piece =>
            typeof piece === 'string' ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8'),
        ).join('');
        if (output) await writeOutput(target, output + '\n', '-o', what, texts);
        return;
    }
    let written = false;
    for (const piece of pieces) {
        if (piece.length === 0) continue;
        await writeStdout(piece);
        written = true;
    }
    if (written) await writeStdout('\n');
}

function* report(workspace: LoadedWorkspace, format: CheckOptions['format'], texts: Texts): Generator<string | Uint8Array> {
    const diagnostics = workspace.diagnostics();
    switch (format) {
        case 'json':
            return yield* jsonPieces(diagnostics);
        case 'github':
            for (const piece of githubPieces(diagnostics)) yield visible(piece);
            return;
        case 'sarif': {
            const located = workspace.located();
            return yield* sarifPieces({ findings: located.diagnostics, waived: located.waived, version: ACCT_VERSION, texts });
        }
        default: {
            // the finding lines, then the summary on a line of its own (the summary alone when there is no finding)
            let lines = false;
            for (const piece of linePieces(diagnostics, findingLine)) {
                yield visible(piece);
                lines = true;
            }
            yield visible((lines ? '\n' : '') + summaryLine(diagnostics, workspace.documents.length, texts));
        }
    }
}
