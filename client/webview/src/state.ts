/**
 * Webview state: what survives a reload (`vscode.getState()/setState()`) and the pure rules
 * for taking in a new plan message.
 */
import type { PlanFocus, PlanView } from '../../../server/src/protocol.js';

export type Tab = 'power' | 'quadrant' | 'intimacy';
export const TABS: readonly Tab[] = ['power', 'quadrant', 'intimacy'];

export interface ZoomState {
    k: number;
    x: number;
    y: number;
}

export interface Picture {
    view: PlanView;
    focus: PlanFocus;
}

export interface WebviewState {
    version: 1;
    tab: Tab;
    /** Zoom/pan per view and shown element (see `transformKey`). Insertion order = age. */
    transforms: Record<string, ZoomState>;
    selection: string | null;
    /** What is drawn: the last good plan, or — before any good one arrived — the first broken one. */
    picture: Picture | null;
    /** `picture` came from a plan without errors. */
    pictureIsGood: boolean;
    /** The latest plan had errors: show the banner. */
    hasErrors: boolean;
    /** The element shown last, used when the cursor is outside any customer. */
    lastShown: PlanFocus | null;
    legend: boolean;
}

export const MAX_TRANSFORMS = 40;

export function initialState(): WebviewState {
    return {
        version: 1, tab: 'power', transforms: {}, selection: null, picture: null, pictureIsGood: false,
        hasErrors: false, lastShown: null, legend: true,
    };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isFocus(v: unknown): v is PlanFocus {
    return isObj(v) && (v.customer === null || typeof v.customer === 'string')
        && (v.opportunity === null || typeof v.opportunity === 'string');
}

function isPicture(v: unknown): v is Picture {
    return isObj(v) && isFocus(v.focus) && isObj(v.view) && isObj(v.view.plan)
        && Array.isArray((v.view.plan as Record<string, unknown>).customers) && Array.isArray(v.view.findings);
}

/** Accepts whatever `getState()` returned (possibly from an older version or corrupted). */
export function sanitizeState(raw: unknown): WebviewState {
    const s = initialState();
    if (!isObj(raw) || raw.version !== 1) return s;
    if (typeof raw.tab === 'string' && (TABS as readonly string[]).includes(raw.tab)) s.tab = raw.tab as Tab;
    if (isObj(raw.transforms)) {
        for (const [k, t] of Object.entries(raw.transforms)) {
            if (isObj(t) && finite(t.k) && t.k > 0 && finite(t.x) && finite(t.y)) s.transforms[k] = { k: t.k, x: t.x, y: t.y };
        }
    }
    if (typeof raw.selection === 'string') s.selection = raw.selection;
    if (isPicture(raw.picture)) {
        s.picture = raw.picture;
        s.pictureIsGood = raw.pictureIsGood === true;
        s.hasErrors = raw.hasErrors === true;
    }
    if (isFocus(raw.lastShown)) s.lastShown = raw.lastShown;
    if (typeof raw.legend === 'boolean') s.legend = raw.legend;
    return s;
}

/** Takes in a `plan` message: a good plan replaces the picture; a broken one keeps the last good picture. */
export function acceptPlan(state: WebviewState, view: PlanView, focus: PlanFocus): WebviewState {
    if (!view.hasErrors) {
        return { ...state, picture: { view, focus }, pictureIsGood: true, hasErrors: false };
    }
    if (state.picture && state.pictureIsGood) {
        return { ...state, picture: { view: state.picture.view, focus }, hasErrors: true };
    }
    return { ...state, picture: { view, focus }, pictureIsGood: false, hasErrors: true };
}

export function transformKey(tab: Tab, customer: string | null, opportunity: string | null): string {
    if (tab === 'quadrant') return 'quadrant';
    return `${tab}|${customer ?? ''}|${opportunity ?? ''}`;
}

export function rememberTransform(state: WebviewState, key: string, t: ZoomState): WebviewState {
    const transforms: Record<string, ZoomState> = {};
    const keys = Object.keys(state.transforms).filter(k => k !== key);
    for (const k of keys.slice(Math.max(0, keys.length - (MAX_TRANSFORMS - 1)))) transforms[k] = state.transforms[k]!;
    transforms[key] = { k: t.k, x: t.x, y: t.y };
    return { ...state, transforms };
}
