/**
 * The extension speaks VS Code's display language: its own strings through `vscode.l10n`
 * (l10n/bundle.l10n.*.json, package.nls.*.json), and what it takes from the method core's
 * catalog (the webview's strings, the `acct diff` report) in the same language.
 */
import * as vscode from 'vscode';
import { localeOf, textsFor, type Locale, type Texts } from '@acct/method';

/** VS Code's display language as a locale of the catalog (`zh-cn` → `zh-CN`, anything else → `en`). */
export function displayLocale(): Locale {
    return localeOf(vscode.env.language);
}

export function displayTexts(): Texts {
    return textsFor(displayLocale());
}
