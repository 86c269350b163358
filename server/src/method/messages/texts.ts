/**
 * How a program speaks a language: `t(key, params)` fills the catalog's template, the lists,
 * quotes and method terms follow the language's own rules, and the vocabulary gives every value
 * its name and meaning. The server and the CLI make one `Texts` per locale (`textsFor`); the
 * webview makes one from the strings the extension sends it (`textsFromStrings`).
 */
import type { Meaning } from '../vocabulary.js';
import { CATALOGS, type EnglishMessages, type MessageKey, type ViewMessageKey } from './catalog.js';
import { formatMessage, spaceChineseLatin, type ParamValue, type PlaceholderNames, type TemplateParams } from './format.js';
import type { Locale } from './locale.js';
import type { VocabularyTexts } from './vocabulary-texts.js';

/** The vocabulary's tables of method values (a value's label and meaning). */
export type TermTable = {
    [T in keyof VocabularyTexts]: VocabularyTexts[T] extends Readonly<Record<string, Meaning>> ? T : never;
}[keyof VocabularyTexts];

/** The rules of a language that are not templates: how it joins lists, quotes names, names method values. */
interface LanguageRules {
    /** `a, b and c`. */
    and(items: readonly string[]): string;
    /** `a, b, c`. */
    list(items: readonly string[]): string;
    /** `a, b or c`. */
    or(items: readonly string[]): string;
    /** A name from the plan, quoted in a sentence. */
    quote(text: string): string;
    /** A method value in a sentence: the keyword as written in a plan, and in a translation also its name. */
    term(value: string, label: string): string;
    /** A method value as a short label (a legend, a tooltip line). */
    name(value: string, label: string): string;
}

const RULES: Readonly<Record<Locale, LanguageRules>> = {
    'en': {
        and: items => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
        or: items => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`),
        list: items => items.join(', '),
        quote: text => `'${text}'`,
        term: value => value,
        name: value => value,
    },
    'zh-CN': {
        and: items => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`),
        // alternatives are mostly words of a plan (keywords, `}`): set apart from the Chinese
        or: items => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')} 或 ${items[items.length - 1]}`),
        list: items => items.join('、'),
        quote: text => `“${text}”`,
        term: (value, label) => `${label}（${value}）`,
        name: (_value, label) => label,
    },
};

/**
 * A message to be said later, in a language not known yet (an error thrown deep in the input
 * reader, said by the CLI in the user's language). A parameter may be a message itself.
 */
export interface Message {
    readonly key: MessageKey;
    readonly params?: Readonly<Record<string, ParamValue | Message>>;
}

type MessageArgs<S extends string> = [PlaceholderNames<S>] extends [never] ? [] : [params: { readonly [P in PlaceholderNames<S>]: ParamValue | Message }];

export function message<K extends MessageKey>(key: K, ...params: MessageArgs<EnglishMessages[K]>): Message {
    return params[0] ? { key, params: params[0] } : { key };
}

export interface Texts<K extends MessageKey = MessageKey> {
    readonly locale: Locale;
    readonly vocabulary: VocabularyTexts;
    /** The message `key` with its parameters filled in. */
    t<Key extends K>(key: Key, ...params: TemplateParams<EnglishMessages[Key]>): string;
    /** A message made earlier, said now. */
    render(message: Message): string;
    and(items: readonly string[]): string;
    or(items: readonly string[]): string;
    list(items: readonly string[]): string;
    quote(text: string): string;
    /** Names from the plan in a line, `a → b → c` (a reporting line); each one marked for `--redact` (redactable.ts). */
    chain(names: readonly string[]): string;
    /** `strategic` in English, `战略客户（strategic）` in Chinese: a value the reader may type, named. */
    term<T extends TermTable>(table: T, value: keyof VocabularyTexts[T] & string): string;
    /** `strategic` in English, `战略客户` in Chinese: a value as a short label. */
    name<T extends TermTable>(table: T, value: keyof VocabularyTexts[T] & string): string;
    /**
     * The meaning of an enumeration keyword, for completion and hover on it. A group word that is
     * also a tier (`commercial`) reads as the tier here; the group's meaning comes with its context.
     */
    keyword(keyword: string): Meaning | undefined;
}

/** The tables of enumeration keywords, the one that wins a shared word first. */
const KEYWORD_TABLES = ['horizons', 'activityStatuses', 'activityKinds', 'stages', 'organizations', 'tiers', 'roles', 'groups', 'classes'] as const;

function makeTexts<K extends MessageKey>(locale: Locale, messages: Readonly<Record<K, string>>, vocabulary: VocabularyTexts): Texts<K> {
    const rules = RULES[locale];
    const labelOf = (table: TermTable, value: string): string => (vocabulary[table] as Readonly<Record<string, Meaning>>)[value]?.label ?? value;
    // Chinese follows one spacing rule between Chinese and Latin text, whatever the template and its parameters wrote
    const spaced = locale === 'zh-CN' ? spaceChineseLatin : (text: string) => text;
    const render = (said: Message): string =>
        spaced(
            formatMessage(
                (messages as Readonly<Record<string, string>>)[said.key] ?? said.key,
                said.params &&
                    Object.fromEntries(Object.entries(said.params).map(([name, value]) => [name, typeof value === 'object' ? render(value) : value])),
            ),
        );
    return {
        locale,
        vocabulary,
        render,
        t: (key, ...params) => spaced(formatMessage(messages[key], params[0] as Readonly<Record<string, string | number>> | undefined)),
        and: rules.and,
        or: rules.or,
        list: rules.list,
        quote: rules.quote,
        chain: names => names.join(' → '),
        term: (table, value) => rules.term(value, labelOf(table, value)),
        name: (table, value) => rules.name(value, labelOf(table, value)),
        keyword: word => {
            for (const table of KEYWORD_TABLES) {
                const meanings: Readonly<Record<string, Meaning>> = vocabulary[table];
                if (Object.prototype.hasOwnProperty.call(meanings, word)) return meanings[word];
            }
            return undefined;
        },
    };
}

const made = new Map<Locale, Texts>();

/** The texts of `locale`, made once. */
export function textsFor(locale: Locale): Texts {
    let texts = made.get(locale);
    if (!texts) {
        const catalog = CATALOGS[locale];
        texts = makeTexts(locale, catalog.messages, catalog.vocabulary);
        made.set(locale, texts);
    }
    return texts;
}

/** English, the source: the default wherever no language was chosen. */
export const ENGLISH_TEXTS: Texts = textsFor('en');

/** An error the catalog says: in English as `message` (logs, tests), in the user's language through `text`. */
export class MessageError extends Error {
    constructor(readonly text: Message) {
        super(ENGLISH_TEXTS.render(text));
    }
}

/** What the extension sends the webview: its messages and the vocabulary, in the display language. */
export interface ViewStrings {
    locale: Locale;
    messages: Readonly<Record<ViewMessageKey, string>>;
    vocabulary: VocabularyTexts;
}

export function viewStrings(locale: Locale): ViewStrings {
    const { messages, vocabulary } = CATALOGS[locale];
    const view = Object.fromEntries(Object.entries(messages).filter(([key]) => key.startsWith('view.'))) as Record<ViewMessageKey, string>;
    return { locale, messages: view, vocabulary };
}

/** The webview's texts, from the strings the extension sent. */
export function textsFromStrings(strings: ViewStrings): Texts<ViewMessageKey> {
    return makeTexts(strings.locale === 'zh-CN' ? 'zh-CN' : 'en', strings.messages, strings.vocabulary);
}
