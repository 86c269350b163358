/**
 * Webview state: what survives a reload (`vscode.getState()/setState()`): the tab, zoom and
 * selection, the legend, and the picture last drawn (with the parts of its plan) and the words it
 * was drawn with, so that a reload shows it at once.
 */
import { isViewName, VIEW_NAMES, type PlanPart, type ViewName } from '@acct/contract';
import type { ViewStrings } from '@acct/method';
import { partsOf, type HeldPicture } from './held-picture.js';
import { isObject, isPicture, isPictureInParts, isPlanPart, isViewStrings } from './host.js';

export type Tab = ViewName;
export const TABS: readonly Tab[] = VIEW_NAMES;
/** How many of the sandbox's first opportunities are the picks, unless the user changes it. */
export const DEFAULT_PICKS = 3;
export const MAX_PICKS = 99;

export interface ZoomState {
    k: number;
    x: number;
    y: number;
}

export interface WebviewState {
    version: 1;
    tab: Tab;
    /** Zoom/pan per view and shown element (see `transformKey`). Insertion order = age. */
    transforms: Record<string, ZoomState>;
    selection: string | null;
    /** What the panel last asked to draw: with its plan, or with the stamps of its plan's parts. */
    picture: HeldPicture | null;
    /** The parts of the plan of `picture` (empty when it came with its plan). */
    parts: PlanPart[];
    /** The legend opened (true) or folded (false) by the user; null until they choose: folded in a panel. */
    legend: boolean | null;
    /** The sandbox's picks: its first N opportunities. */
    picks: number;
    /** The words the extension last sent (VS Code's display language); null until then. */
    strings: ViewStrings | null;
    /** A deal's power map shows the customer's whole organisation (true), or the people who matter to the deal, the rest folded (false). */
    whole: boolean;
}

export const MAX_TRANSFORMS = 40;

export function initialState(): WebviewState {
    return {
        version: 1,
        tab: 'power',
        transforms: {},
        selection: null,
        picture: null,
        parts: [],
        legend: null,
        picks: DEFAULT_PICKS,
        strings: null,
        whole: false,
    };
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Accepts whatever `getState()` returned (possibly from an older version or corrupted). */
export function sanitizeState(raw: unknown): WebviewState {
    const s = initialState();
    if (!isObject(raw) || raw.version !== 1) return s;
    if (isViewName(raw.tab)) s.tab = raw.tab;
    if (isObject(raw.transforms)) {
        for (const [k, t] of Object.entries(raw.transforms)) {
            if (isObject(t) && finite(t.k) && t.k > 0 && finite(t.x) && finite(t.y)) s.transforms[k] = { k: t.k, x: t.x, y: t.y };
        }
    }
    if (typeof raw.selection === 'string') s.selection = raw.selection;
    if (isPicture(raw.picture)) s.picture = raw.picture;
    const parts = isPictureInParts(raw.picture) && Array.isArray(raw.parts) ? partsOf(raw.picture, raw.parts.filter(isPlanPart), []) : undefined;
    if (parts) {
        s.picture = raw.picture as HeldPicture;
        s.parts = parts;
    }
    if (typeof raw.legend === 'boolean') s.legend = raw.legend;
    else if (raw.legend === null) s.legend = null;
    if (typeof raw.picks === 'number' && Number.isInteger(raw.picks)) s.picks = clampPicks(raw.picks);
    if (isViewStrings(raw.strings)) s.strings = raw.strings;
    if (typeof raw.whole === 'boolean') s.whole = raw.whole;
    return s;
}

/** Below this window size the legend starts folded (a side panel, a short editor): the drawing gets the room. */
export const LEGEND_OPEN_FROM = { width: 1000, height: 1000 };

/** Whether the legend is shown open: as the user chose, else open only in a big window. */
export function legendOpen(chosen: boolean | null, window: { width: number; height: number }): boolean {
    return chosen ?? (window.width >= LEGEND_OPEN_FROM.width && window.height >= LEGEND_OPEN_FROM.height);
}

export function clampPicks(n: number): number {
    return Math.max(0, Math.min(MAX_PICKS, Math.round(n)));
}

export function transformKey(tab: Tab, customer: string | null, opportunity: string | null): string {
    if (tab === 'quadrant' || tab === 'sandbox') return tab;
    return `${tab}|${customer ?? ''}|${opportunity ?? ''}`;
}

export function rememberTransform(state: WebviewState, key: string, t: ZoomState): WebviewState {
    const transforms: Record<string, ZoomState> = {};
    const keys = Object.keys(state.transforms).filter(k => k !== key);
    for (const k of keys.slice(Math.max(0, keys.length - (MAX_TRANSFORMS - 1)))) transforms[k] = state.transforms[k]!;
    transforms[key] = { k: t.k, x: t.x, y: t.y };
    return { ...state, transforms };
}
