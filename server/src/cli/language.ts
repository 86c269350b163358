/**
 * The language the command line speaks: `--lang en|zh-CN`, else the POSIX locale variables
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`); English when none says Chinese. Read before the command
 * line is parsed, so that even a usage error is said in the user's language. Codes, JSON keys
 * and the export's structure never change with it: only message texts do.
 */
import { InvalidArgumentError } from 'commander';
import { InvalidTodayError, isLanguageTag, localeFromEnvironment, localeOf, MessageError, refusalText, type Locale, type Texts } from '../method/index.js';
import { UnsafeTargetError } from '../files/safe-write.js';
import { OutputError } from './output.js';

/** The locale `argv` asks for with `--lang`, else the environment's. */
export function cliLocale(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg === '--') break;
        const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
        if (value !== undefined && isLanguageTag(value)) return localeOf(value);
    }
    return localeFromEnvironment(env);
}

/** The parser of `--lang`: refuses what is neither English nor Chinese. */
export function parseLanguage(texts: Texts): (value: string) => Locale {
    return value => {
        if (!isLanguageTag(value)) throw new InvalidArgumentError(texts.t('cli.expectedLanguage'));
        return localeOf(value);
    };
}

/** A problem the user can fix (bad input, usage, a target acct will not write), in the user's language; undefined for any other error. */
export function problemText(error: unknown, texts: Texts): string | undefined {
    if (error instanceof MessageError) return texts.render(error.text);
    if (error instanceof UnsafeTargetError) return refusalText(error, texts);
    if (error instanceof InvalidTodayError) {
        return texts.t('cli.invalidToday', { value: error.source === 'ACCT_TODAY' ? `ACCT_TODAY=${error.value}` : error.value });
    }
    if (error instanceof OutputError) return texts.t('cli.stdoutFailed', { code: error.code });
    return undefined;
}
