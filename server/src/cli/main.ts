/**
 * The `acct` command line: `check` and `export` (contract section 5), on the same language
 * services as the editor. Exit status: 0 clean, 1 findings over the limit or errors, 2 bad usage
 * or input. Bad input gets one clear line, never a stack trace.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError, loadWorkspace, type LoadedWorkspace } from '../node/workspace-loader.js';
import { InvalidTodayError, isDate, resolveToday } from '../method/index.js';
import { serializePlan } from '../plan/plan-json.js';
import { checkTarget, UnsafeTargetError, writeFileSafely } from '../files/safe-write.js';
import { formatGithub, formatJson, formatText, summaryLine, type OutputFormat } from './format.js';

class UsageError extends Error {}

function parseToday(value: string): string {
    if (!isDate(value)) throw new InvalidArgumentError('expected a date YYYY-MM-DD.');
    return value;
}

function parseCount(value: string): number {
    const number = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new InvalidArgumentError('expected a whole number, 0 or more.');
    return number;
}

async function load(paths: string[], today: string | undefined): Promise<LoadedWorkspace> {
    // The method's one rule for today; here a bad ACCT_TODAY is refused rather than ignored.
    return loadWorkspace(paths, { today: resolveToday(today, process.env.ACCT_TODAY) });
}

async function check(paths: string[], options: { format: OutputFormat; maxWarnings?: number; today?: string }): Promise<number> {
    const workspace = await load(paths, options.today);
    const diagnostics = workspace.diagnostics();
    const output = options.format === 'json' ? formatJson(diagnostics)
        : options.format === 'github' ? formatGithub(diagnostics)
        : [formatText(diagnostics), summaryLine(diagnostics, workspace.documents.length)].filter(Boolean).join('\n');
    if (output) process.stdout.write(output + '\n');
    const errors = diagnostics.filter(d => d.severity === 'error').length;
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    if (errors > 0) return 1;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
        if (options.format === 'text') {
            process.stderr.write(`acct: ${warnings} warnings exceed --max-warnings ${options.maxWarnings}.\n`);
        }
        return 1;
    }
    return 0;
}

async function exportPlan(paths: string[], options: { output?: string; today?: string }): Promise<number> {
    if (options.output) checkTarget(options.output, 'the JSON export');
    const workspace = await load(paths, options.today);
    const plan = workspace.plan();
    const errors = plan.diagnostics.filter(d => d.severity === 'error');
    if (errors.length > 0) {
        process.stderr.write(formatText(errors) + '\n');
        process.stderr.write(`acct: ${errors.length} error${errors.length === 1 ? '' : 's'}: nothing exported. Fix the errors and export again.\n`);
        return 1;
    }
    const json = serializePlan(plan);
    if (options.output) {
        try {
            await writeFileSafely(options.output, json, 'the JSON export');
        } catch (error) {
            if (error instanceof UnsafeTargetError) throw error;
            throw new UsageError(`-o ${options.output}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the folder exists and is writable.`);
        }
    } else {
        process.stdout.write(json);
    }
    return 0;
}

export function createProgram(setExit: (code: number) => void): Command {
    const program = new Command('acct')
        .description('Check and export key-account plans written in .acct files.')
        .version('0.1.0')
        .exitOverride()
        .configureOutput({ writeErr: text => process.stderr.write(text) })
        .showHelpAfterError('(run acct --help for usage)');
    program.command('check')
        .description('Check plans against the method; print one line per finding.')
        .argument('[paths...]', 'files or folders (searched recursively for *.acct)', [])
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
        .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
        .option('--today <date>', 'the date checks compare with (YYYY-MM-DD)', parseToday)
        .action(async (paths: string[], options) => setExit(await check(paths, options)));
    program.command('export')
        .description('Write the plan as one JSON document (format acct-plan, version 1).')
        .argument('[paths...]', 'files or folders (searched recursively for *.acct)', [])
        .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
        .option('--today <date>', 'the date checks compare with (YYYY-MM-DD)', parseToday)
        .action(async (paths: string[], options) => setExit(await exportPlan(paths, options)));
    return program;
}

export async function runCli(argv: string[]): Promise<number> {
    let exitCode = 0;
    const program = createProgram(code => { exitCode = code; });
    try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // Help and version exit 0; every other usage problem is exit status 2.
            return error.exitCode === 0 ? 0 : 2;
        }
        if (error instanceof InputError || error instanceof UsageError || error instanceof UnsafeTargetError || error instanceof InvalidTodayError) {
            process.stderr.write(`acct: ${error.message}\n`);
            return 2;
        }
        process.stderr.write(`acct: internal error: ${(error as Error)?.message ?? String(error)}. Please report it with the plan that caused it.\n`);
        if (process.env.ACCT_DEBUG) process.stderr.write(`${(error as Error)?.stack}\n`);
        return 2;
    }
}
