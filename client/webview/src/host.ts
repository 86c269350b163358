/**
 * The webview's bridge to the extension: the VS Code API (messages out, saved state), and the
 * runtime guard for messages in — the page trusts nothing it is sent until it has the expected shape.
 */
import {
    isViewName,
    type FromWebviewMessage,
    type PartStamps,
    type Picture,
    type PlanFocus,
    type PlanPart,
    type ToWebviewMessage,
    type ViewedPlan,
} from '@acct/contract';
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
            setState: s => {
                api.setState(s);
            },
        };
    }
    return { post: () => undefined, getState: () => undefined, setState: () => undefined };
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isFocus(v: unknown): v is PlanFocus {
    return isObject(v) && (v.customer === null || typeof v.customer === 'string') && (v.opportunity === null || typeof v.opportunity === 'string');
}

/** The element shown and the banner of a picture, however its plan comes. */
function isPictureFrame(v: unknown): v is Record<string, unknown> {
    if (!isObject(v) || !isFocus(v.shown) || typeof v.hasErrors !== 'boolean') return false;
    return Array.isArray(v.errorLines) && v.errorLines.every(line => typeof line === 'string');
}

/** A picture with its plan (and as the saved state keeps it): a plan with its findings' subjects, the element shown, the banner. */
export function isPicture(v: unknown): v is Picture<ViewedPlan> {
    if (!isPictureFrame(v)) return false;
    const view = v.view;
    if (!isObject(view) || !isObject(view.plan) || !Array.isArray(view.subjects)) return false;
    return Array.isArray(view.plan.customers) && Array.isArray(view.plan.diagnostics);
}

/** A picture as the panel sends it: the stamps of its plan's parts, the element shown, the banner. */
export function isPictureInParts(v: unknown): v is Picture<PartStamps> {
    if (!isPictureFrame(v) || !isObject(v.view)) return false;
    return (
        typeof v.view.outline === 'string' &&
        (v.view.customer === null || typeof v.view.customer === 'string') &&
        (v.view.errors === undefined || typeof v.view.errors === 'string')
    );
}

const isFindings = (v: Record<string, unknown>): boolean => Array.isArray(v.diagnostics) && Array.isArray(v.subjects);

/** A part of a plan: the outline, a customer's part, or the error lines, under its stamp. */
export function isPlanPart(v: unknown): v is PlanPart {
    if (!isObject(v) || typeof v.stamp !== 'string') return false;
    const { outline, customer, errorLines } = v as Record<string, unknown>;
    if (Array.isArray(errorLines)) return errorLines.every(line => typeof line === 'string');
    if (isObject(outline)) {
        return (
            Array.isArray(outline.customers) &&
            Array.isArray(outline.competitors) &&
            typeof outline.today === 'string' &&
            typeof outline.hasErrors === 'boolean' &&
            isFindings(outline)
        );
    }
    return isObject(customer) && isObject(customer.customer) && typeof customer.customer.id === 'string' && isFindings(customer);
}

const ENGLISH = viewStrings('en');

/** Strings as the extension sends them: a language acct speaks, every message a string, every table of the vocabulary. */
export function isViewStrings(v: unknown): v is ViewStrings {
    if (!isObject(v) || !(LOCALES as readonly unknown[]).includes(v.locale)) return false;
    const { messages, vocabulary } = v;
    if (!isObject(messages) || !isObject(vocabulary)) return false;
    return (
        Object.keys(ENGLISH.messages).every(key => typeof messages[key] === 'string') &&
        Object.keys(ENGLISH.vocabulary).every(table => isObject(vocabulary[table]))
    );
}

export function isToWebviewMessage(data: unknown): data is ToWebviewMessage {
    if (!isObject(data)) return false;
    const parts = data.parts === undefined || (Array.isArray(data.parts) && data.parts.every(isPlanPart));
    return (
        data.type === 'requestSvg' ||
        (data.type === 'picture' && parts && (isPicture(data.picture) || isPictureInParts(data.picture))) ||
        (data.type === 'parts' && Array.isArray(data.parts) && parts) ||
        (data.type === 'showView' && isViewName(data.view)) ||
        (data.type === 'strings' && isViewStrings(data.strings)) ||
        (data.type === 'trends' && isObject(data.trends) && typeof data.trends.status === 'string') ||
        (data.type === 'stageAges' && isObject(data.ages))
    );
}
