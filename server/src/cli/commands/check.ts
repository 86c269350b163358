/** `acct check`: one line per finding, then a summary (contract section 5); SARIF; `--watch`. */
import { Command, Option } from 'commander';
import { formatGithub, formatJson, formatText, summaryLine, type OutputFormat } from '../format.js';
import { formatSarif } from '../formats/sarif.js';
import { ACCT_VERSION, hintDeclaredElsewhere, load, parseCount, UsageError, withPathsAndToday, writeOutput, type SetExit } from '../common.js';
import type { LoadedWorkspace } from '../../node/workspace-loader.js';
import { checkTarget } from '../../files/safe-write.js';
import { watchCheck } from '../watch.js';
import { visible, writeStderr } from '../output.js';
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
    const output = report(workspace, options.format, texts);
    if (output) await writeOutput(options.output, output + '\n', '-o', what, texts);
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

function report(workspace: LoadedWorkspace, format: CheckOptions['format'], texts: Texts): string {
    const diagnostics = workspace.diagnostics();
    switch (format) {
        case 'json':
            return formatJson(diagnostics);
        case 'github':
            return visible(formatGithub(diagnostics));
        case 'sarif': {
            const located = workspace.located();
            return formatSarif({ findings: located.diagnostics, waived: located.waived, version: ACCT_VERSION, texts });
        }
        default:
            return visible([formatText(diagnostics), summaryLine(diagnostics, workspace.documents.length, texts)].filter(Boolean).join('\n'));
    }
}
