/**
 * The one message catalog: every text acct shows a person, by key, in each language it speaks.
 * English is the source (`en/`, and the method core's own tables for the vocabulary); each
 * other language translates every key with the same parameters (`zh-cn/`). Codes, keywords and
 * JSON keys are never translated: only texts are.
 */
import type { Locale } from './locale.js';
import type { VocabularyTexts } from './vocabulary-texts.js';
import { checks as enChecks, findings as enFindings } from './en/checks.js';
import { editor as enEditor } from './en/editor.js';
import { cli as enCli } from './en/cli.js';
import { help as enHelp } from './en/help.js';
import { views as enViews } from './en/views.js';
import { vocabulary as enVocabulary } from './en/vocabulary.js';
import { checks as zhChecks, findings as zhFindings } from './zh-cn/checks.js';
import { editor as zhEditor } from './zh-cn/editor.js';
import { cli as zhCli } from './zh-cn/cli.js';
import { help as zhHelp } from './zh-cn/help.js';
import { views as zhViews } from './zh-cn/views.js';
import { vocabulary as zhVocabulary } from './zh-cn/vocabulary.js';

/** Every English template, by key: the source of the keys and of their parameters' types. */
export const ENGLISH = { ...enChecks, ...enFindings, ...enEditor, ...enCli, ...enHelp, ...enViews } as const;
export type EnglishMessages = typeof ENGLISH;
export type MessageKey = keyof EnglishMessages;
/** The keys the webview needs (it gets them from the extension, never by guessing). */
export type ViewMessageKey = Extract<MessageKey, `view.${string}`>;

export interface Catalog {
    locale: Locale;
    messages: Readonly<Record<MessageKey, string>>;
    vocabulary: VocabularyTexts;
}

export const CATALOGS: Readonly<Record<Locale, Catalog>> = {
    'en': { locale: 'en', messages: ENGLISH, vocabulary: enVocabulary },
    'zh-CN': {
        locale: 'zh-CN',
        messages: { ...zhChecks, ...zhFindings, ...zhEditor, ...zhCli, ...zhHelp, ...zhViews },
        vocabulary: zhVocabulary,
    },
};
