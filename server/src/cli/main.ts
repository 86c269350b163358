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
import { historyCommand } from './commands/history.js';
import { reportCommand } from './commands/report.js';
import { ClosedOutput, writeStderr } from './output.js';
import { speak } from './help-language.js';
import { cliLocale, parseLanguage, problemText } from './language.js';

export function createProgram(setExit: SetExit, texts: Texts = ENGLISH_TEXTS): Command {
    const program = speak(
        new Command('acct')
            .description(texts.t('help.program'))
            .version(ACCT_VERSION, '-V, --version', texts.t('help.version'))
            .option('--lang <language>', texts.t('help.lang'), parseLanguage(texts))
            .exitOverride()
            .helpCommand('help [command]', texts.t('help.help'))
            .addHelpText('after', texts.t('help.examples')),
        texts,
    );
    const commands = [
        checkCommand(setExit, texts),
        exportCommand(setExit, texts),
        sandboxCommand(setExit, texts),
        diffCommand(setExit, texts),
        historyCommand(setExit, texts),
        formatCommand(setExit, texts),
        reportCommand(setExit, texts),
    ];
    for (const command of commands) {
        program.addCommand(speak(command.exitOverride(), texts, { showGlobalOptions: true }));
    }
    return program;
}

export async function runCli(argv: string[], env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
    let exitCode = 0;
    const texts = textsFor(cliLocale(argv, env));
    const program = createProgram(code => {
        exitCode = code;
    }, texts);
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
