/**
 * The languages acct speaks and how a program picks one: the editor from the `initialize`
 * request's `locale` (VS Code's display language), the CLI from `--lang`, else from the POSIX
 * locale variables. English is the source and the default; any Chinese tag reads as zh-CN.
 */

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** `zh`, `zh-cn`, `zh_CN.UTF-8`, `zh-Hans`… → `zh-CN`; anything else (or nothing) → `en`. */
export function localeOf(tag: string | null | undefined): Locale {
    return typeof tag === 'string' && /^zh(?:$|[-_.@])/i.test(tag.trim()) ? 'zh-CN' : 'en';
}

/** A value `--lang` accepts: `en`, or a Chinese tag such as `zh-CN`. */
export function isLanguageTag(tag: string): boolean {
    return /^en(?:[-_][A-Za-z]+)?$/i.test(tag) || localeOf(tag) === 'zh-CN';
}

/**
 * The locale of the environment by POSIX precedence: `LC_ALL`, then `LC_MESSAGES`, then `LANG`
 * (the first that is set and not empty decides; `C` and `C.UTF-8` are English).
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
    const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(v => v !== undefined && v !== '');
    return localeOf(value);
}
