/**
 * "Today" for the date checks, by the method core's one rule (`resolveToday`): CLI `--today` or
 * the editor setting `acct.today`, else `ACCT_TODAY`, else the real date. And the language the
 * findings, hovers and lenses speak: the editor's display language or the CLI's `--lang`.
 */
import type { URI } from 'langium';
import { InvalidTodayError, localToday, resolveToday, textsFor, type Locale, type MarkingTexts, type Texts } from '../../method/index.js';

export class AcctSettings {
    /** Set by the server from the `initialize` request's locale, by the CLI from `--lang` or the environment. */
    locale: Locale = 'en';

    /**
     * Set by the CLI for `--redact`: texts of the same language that keep each message's marked
     * form, so that the findings can be redacted by their arguments (method/messages/redactable.ts).
     */
    marking: MarkingTexts | undefined;

    /** The catalog's texts in the language of this session. */
    texts(): Texts {
        return this.marking?.texts ?? textsFor(this.locale);
    }

    /** Set by the CLI (`--today`) or the editor setting (`acct.today`); wins over the environment. */
    todayOverride: string | undefined;

    /** The folder paths are relative to outside an editor workspace: the CLI's current directory. */
    baseFolder: URI | undefined;

    /** Where the date comes from when ACCT_TODAY is not a date: the server logs it, the CLI refuses it. */
    problem(): InvalidTodayError | undefined {
        try {
            resolveToday(this.todayOverride, environmentToday());
            return undefined;
        } catch (error) {
            return error as InvalidTodayError;
        }
    }

    today(): string {
        try {
            // an override wins: the environment (a lookup that costs, on every check of every node) is not read
            return resolveToday(this.todayOverride, this.todayOverride?.trim() ? undefined : environmentToday());
        } catch {
            // A bad value never stops the checks: they use the real date, and `problem()` says why.
            return localToday();
        }
    }
}

function environmentToday(): string | undefined {
    return typeof process !== 'undefined' ? process.env.ACCT_TODAY : undefined;
}
