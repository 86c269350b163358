/** `acct check`: one line per finding, then a summary (contract section 5). */
import { Command, Option } from 'commander';
import { formatGithub, formatJson, formatText, summaryLine, type OutputFormat } from '../format.js';
import { load, parseCount, withPathsAndToday, type SetExit } from '../common.js';
import { writeStderr, writeStdout } from '../output.js';

interface CheckOptions {
    format: OutputFormat;
    maxWarnings?: number;
    today?: string;
}

export function checkCommand(setExit: SetExit): Command {
    return withPathsAndToday(new Command('check')
        .description('Check plans against the method; print one line per finding.'))
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
        .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
        .action(async (paths: string[], options: CheckOptions) => setExit(await check(paths, options)));
}

async function check(paths: string[], options: CheckOptions): Promise<number> {
    const workspace = await load(paths, options.today);
    const diagnostics = workspace.diagnostics();
    const output = options.format === 'json' ? formatJson(diagnostics)
        : options.format === 'github' ? formatGithub(diagnostics)
        : [formatText(diagnostics), summaryLine(diagnostics, workspace.documents.length)].filter(Boolean).join('\n');
    if (output) await writeStdout(output + '\n');
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
