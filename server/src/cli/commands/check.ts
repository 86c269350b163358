/** `acct check`: one line per finding, then a summary (contract section 5); SARIF; `--watch`. */
import { Command, Option } from 'commander';
import { formatGithub, formatJson, formatText, summaryLine, type OutputFormat } from '../format.js';
import { formatSarif } from '../formats/sarif.js';
import { ACCT_VERSION, load, parseCount, UsageError, withPathsAndToday, writeOutput, type SetExit } from '../common.js';
import type { LoadedWorkspace } from '../../node/workspace-loader.js';
import { checkTarget } from '../../files/safe-write.js';
import { watchCheck } from '../watch.js';
import { writeStderr } from '../output.js';

interface CheckOptions {
    format: OutputFormat | 'sarif';
    maxWarnings?: number;
    today?: string;
    output?: string;
    watch?: boolean;
}

export function checkCommand(setExit: SetExit): Command {
    return withPathsAndToday(new Command('check')
        .description('Check plans against the method; print one line per finding.'))
        .addOption(new Option('--format <format>', 'output format: text, json (the diagnostics array), github (workflow annotations) or sarif (SARIF 2.1.0 for code scanning)')
            .choices(['text', 'json', 'github', 'sarif']).default('text'))
        .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
        .option('-o, --output <file>', 'write the report to this file (atomically) instead of standard output')
        .option('--watch', 're-check on every change to the .acct files under the paths and print what changed (+ new, - resolved); Ctrl-C stops')
        .addHelpText('after', '\nExit status: 0 no errors and warnings within --max-warnings; 1 errors or too many warnings; 2 bad usage or input.\nWith --watch: 0 when stopped with Ctrl-C.')
        .action(async (paths: string[], options: CheckOptions) => setExit(await check(paths, options)));
}

async function check(paths: string[], options: CheckOptions): Promise<number> {
    if (options.watch) {
        if (options.format !== 'text') throw new UsageError('--watch prints text only: leave out --format.');
        if (options.output) throw new UsageError('--watch prints to the terminal: leave out -o.');
        return watchCheck(paths, { today: options.today, maxWarnings: options.maxWarnings });
    }
    if (options.output) checkTarget(options.output, 'the report');
    const workspace = await load(paths, options.today);
    const diagnostics = workspace.diagnostics();
    const output = report(workspace, options.format);
    if (output) await writeOutput(options.output, output + '\n', '-o', 'the report');
    const errors = diagnostics.filter(d => d.severity === 'error').length;
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    if (errors > 0) return 1;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
        // on standard error whatever the format, so that a CI log says why the step failed
        writeStderr(`acct: ${warnings} ${warnings === 1 ? 'warning exceeds' : 'warnings exceed'} --max-warnings ${options.maxWarnings}.\n`);
        return 1;
    }
    return 0;
}

function report(workspace: LoadedWorkspace, format: CheckOptions['format']): string {
    const diagnostics = workspace.diagnostics();
    switch (format) {
        case 'json': return formatJson(diagnostics);
        case 'github': return formatGithub(diagnostics);
        case 'sarif': {
            const located = workspace.located();
            return formatSarif({ findings: located.diagnostics, waived: located.waived, version: ACCT_VERSION });
        }
        default: return [formatText(diagnostics), summaryLine(diagnostics, workspace.documents.length)].filter(Boolean).join('\n');
    }
}
