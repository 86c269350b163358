/**
 * `acct --help` and the command line's usage errors in the user's language: the commands' own
 * texts are catalog keys (method/messages/en/help.ts); commander's words — its section titles,
 * the `(choices: …, default: …)` of an option, its help and version options and its error
 * messages — are said through the same catalog here. In English every line is commander's own.
 */
import { Help, type Command, type Option, type Argument } from 'commander';
import type { MessageKey, Texts } from '../method/index.js';
import { writeStderr } from './output.js';

const titles: Readonly<Record<string, Extract<MessageKey, `help.title.${string}`>>> = {
    'Usage:': 'help.title.usage',
    'Options:': 'help.title.options',
    'Commands:': 'help.title.commands',
    'Arguments:': 'help.title.arguments',
    'Global Options:': 'help.title.globalOptions',
};

/** Commander's help, error output and help option, for `command`, in the language of `texts`. */
export function speak(command: Command, texts: Texts, help: Partial<Help> = {}): Command {
    const extras = (text: string) =>
        text.replace(
            /\(((?:choices|default): .*)\)$/,
            (_whole, inner: string) =>
                `(${inner.replace(/^choices: /, texts.t('help.extra.choices')).replace(/(^|, )default: /, `$1${texts.t('help.extra.default')}`)})`,
        );
    return command
        .helpOption('-h, --help', texts.t('help.help'))
        .configureHelp({
            ...help,
            styleTitle: (title: string) => (titles[title] ? texts.t(titles[title]!) : title),
            optionDescription(this: Help, option: Option) {
                return extras(Help.prototype.optionDescription.call(this, option));
            },
            argumentDescription(this: Help, argument: Argument) {
                return extras(Help.prototype.argumentDescription.call(this, argument));
            },
        })
        .configureOutput({ writeErr: writeStderr, outputError: (text, write) => write(commanderError(text, texts)) })
        .showHelpAfterError(texts.t('help.afterError'));
}

/** One of commander's error messages in the user's language (English: as commander wrote it). */
export function commanderError(text: string, texts: Texts): string {
    if (texts.locale === 'en') return text;
    const suggestion = (rest: string) =>
        rest.replace(
            /\n\(Did you mean (one of )?(.+)\?\)/,
            (_whole, oneOf: string | undefined, words: string) => '\n' + texts.t(oneOf ? 'help.error.didYouMeanOneOf' : 'help.error.didYouMean', { words }),
        );
    const choices = (reason: string) =>
        reason.replace(/^Allowed choices are (.+)\.$/, (_whole, list: string) => texts.t('help.error.choices', { choices: list }));
    const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
        [/^error: unknown option '(.+?)'([^]*)$/, m => texts.t('help.error.unknownOption', { option: m[1]! }) + suggestion(m[2]!)],
        [/^error: unknown command '(.+?)'([^]*)$/, m => texts.t('help.error.unknownCommand', { command: m[1]! }) + suggestion(m[2]!)],
        [/^error: missing required argument '(.+)'$/, m => texts.t('help.error.missingArgument', { name: m[1]! })],
        [/^error: option '(.+)' argument missing$/, m => texts.t('help.error.optionMissingArgument', { option: m[1]! })],
        [
            /^error: option '(.+?)' argument '(.*)' is invalid\. ([^]*)$/,
            m => texts.t('help.error.invalidOption', { option: m[1]!, value: m[2]!, reason: choices(m[3]!) }),
        ],
        [
            /^error: command-argument value '(.*)' is invalid for argument '(.+?)'\. ([^]*)$/,
            m => texts.t('help.error.invalidArgument', { value: m[1]!, name: m[2]!, reason: choices(m[3]!) }),
        ],
        [
            /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
            m =>
                texts.t('help.error.tooMany', {
                    command: m[1] ? texts.t('help.error.tooManyFor', { command: m[1] }) : '',
                    expected: m[2]!,
                    received: m[3]!,
                }),
        ],
    ];
    const body = text.replace(/\n$/, '');
    for (const [pattern, say] of rules) {
        const match = pattern.exec(body);
        if (match) return say(match) + (text.endsWith('\n') ? '\n' : '');
    }
    return text;
}
