/**
 * The webview's bridge to the extension: the VS Code API (messages out, saved state), and the
 * runtime guard for messages in — the page trusts nothing it is sent until it has the expected shape.
 */
import { isViewName, type FromWebviewMessage, type Picture, type PlanFocus, type ToWebviewMessage } from '@acct/contract';
import { LOCALES, viewStrings, type ViewStrings } from '@acct/method';

interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState<T>(state: T): T;
}
declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
    post(message: FromWebviewMessage): void;
    getState(): unknown;
    setState(state: unknown): void;
}

/** The VS Code API (it may be acquired once per page), or a silent stand-in outside VS Code. */
export function connectHost(): Host {
    if (typeof acquireVsCodeApi === 'function') {
        const api = acquireVsCodeApi();
        return {
            post: m => api.postMessage(m),
            getState: () => api.getState(),
            setState: s => { api.setState(s); },
        };
    }
    return { post: () => undefined, getState: () => undefined, setState: () => undefined };
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isFocus(v: unknown): v is PlanFocus {
    return isObject(v) && (v.customer === null || typeof v.customer === 'string')
        && (v.opportunity === null || typeof v.opportunity === 'string');
}

/** A picture as the panel sends it (and as the saved state keeps it): a plan with its findings' subjects, the element shown, the banner. */
export function isPicture(v: unknown): v is Picture {
    if (!isObject(v) || !isFocus(v.shown) || typeof v.hasErrors !== 'boolean') return false;
    if (!Array.isArray(v.errorLines) || !v.errorLines.every(line => typeof line === 'string')) return false;
    const view = v.view;
    if (!isObject(view) || !isObject(view.plan) || !Array.isArray(view.subjects)) return false;
    return Array.isArray(view.plan.customers) && Array.isArray(view.plan.diagnostics);
}

const ENGLISH = viewStrings('en');

/** Strings as the extension sends them: a language acct speaks, every message a string, every table of the vocabulary. */
export function isViewStrings(v: unknown): v is ViewStrings {
    if (!isObject(v) || !(LOCALES as readonly unknown[]).includes(v.locale)) return false;
    const { messages, vocabulary } = v;
    if (!isObject(messages) || !isObject(vocabulary)) return false;
    return Object.keys(ENGLISH.messages).every(key => typeof messages[key] === 'string')
        && Object.keys(ENGLISH.vocabulary).every(table => isObject(vocabulary[table]));
}

export function isToWebviewMessage(data: unknown): data is ToWebviewMessage {
    if (!isObject(data)) return false;
    return data.type === 'requestSvg' || (data.type === 'picture' && isPicture(data.picture))
        || (data.type === 'showView' && isViewName(data.view)) || (data.type === 'strings' && isViewStrings(data.strings));
}
