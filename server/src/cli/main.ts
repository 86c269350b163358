/**
 * The `acct` command line (contract sections 5 and 6.5), on the same language services as the
 * editor; one file per command in ./commands. Exit status: 0 clean, 1 findings over the limit
 * or errors, 2 bad usage or input. Bad input gets one clear line, never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { ENGLISH_TEXTS, textsFor, type Texts } from '../method/index.js';
import { ACCT_VERSION, UsageError, type SetExit } from './common.js';
import { checkCommand } from './commands/check.js';
import { exportCommand } from './commands/export.js';
import { sandboxCommand } from './commands/sandbox.js';
import { diffCommand } from './commands/diff.js';
import { formatCommand } from './commands/format.js';
import { reportCommand } from './commands/report.js';
import { ClosedOutput, writeStderr } from './output.js';
import { cliLocale, parseLanguage, problemText } from './language.js';

export function createProgram(setExit: SetExit, texts: Texts = ENGLISH_TEXTS): Command {
    const program = new Command('acct')
        .description('Check, export, rank and compare key-account plans written in .acct files.')
        .version(ACCT_VERSION)
        .option('--lang <language>', 'language of the messages: en or zh-CN (default: from LC_ALL, LC_MESSAGES or LANG)', parseLanguage(texts))
        .exitOverride()
        .configureOutput({ writeErr: writeStderr })
        .showHelpAfterError('(run acct --help for usage)')
        .addHelpText('after', `
Examples:
  acct check plans/                                  one line per finding, then a summary
  acct check --format sarif -o acct.sarif .          SARIF 2.1.0 for code scanning (also json, github)
  acct check --watch plans/                          re-check on every change: + new, - resolved
  acct export -o plan.acct.json                      the acct-plan JSON document
  acct export --redact -o shared.acct.json           names, ids and free texts as pseudonyms, for sharing
  acct export --format csv --table contacts --bom    one table as CSV (contacts, opportunities,
                                                     decision-chain, activities, findings)
  acct sandbox --top 3                               the open opportunities ranked; the first 3 picked
  acct diff --from main --format markdown plans/     what changed since main, as a PR comment
  acct report -o review.html plans/                  the account review: one HTML file to open, mail or print
  acct format --check plans/                         fail when a plan is not laid out as Format Document does
Run acct help COMMAND for a command's options.`);
    const commands = [checkCommand(setExit, texts), exportCommand(setExit, texts), sandboxCommand(setExit, texts), diffCommand(setExit, texts), formatCommand(setExit, texts), reportCommand(setExit, texts)];
    for (const command of commands) {
        program.addCommand(command.exitOverride().configureOutput({ writeErr: writeStderr }).showHelpAfterError('(run acct --help for usage)')
            .configureHelp({ showGlobalOptions: true }));
    }
    return program;
}

export async function runCli(argv: string[], env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
    let exitCode = 0;
    const texts = textsFor(cliLocale(argv, env));
    const program = createProgram(code => { exitCode = code; }, texts);
    try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // Help and version exit 0; every other usage problem is exit status 2.
            return error.exitCode === 0 ? 0 : 2;
        }
        if (error instanceof ClosedOutput) return exitCode;
        const problem = error instanceof UsageError ? error.message : problemText(error, texts);
        if (problem !== undefined) {
            writeStderr(`acct: ${problem}\n`);
            return 2;
        }
        writeStderr(`acct: ${texts.t('cli.internalError', { detail: (error as Error)?.message ?? String(error) })}\n`);
        if (process.env.ACCT_DEBUG) writeStderr(`${(error as Error)?.stack}\n`);
        return 2;
    }
}
