/**
 * Messages between the power-map panel (extension side) and its webview. The panel decides what
 * is drawn (`Picture`: which plan, which element); the webview draws it and reports clicks.
 */
import type { PlanView } from './findings.js';
import type { PlanFocus } from './plan-focus.js';
import type { SubjectKey } from './subject-key.js';
import type { ViewStrings } from '../method/index.js';

/** The panel's views (its tabs), in tab order. */
export const VIEW_NAMES = ['power', 'fishbone', 'quadrant', 'intimacy', 'sandbox'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export function isViewName(value: unknown): value is ViewName {
    return typeof value === 'string' && (VIEW_NAMES as readonly string[]).includes(value);
}

/** What the webview draws. */
export interface Picture {
    /** The plan to draw: the latest, or the last one without errors while the latest has errors. */
    view: PlanView;
    /** The element shown. */
    shown: PlanFocus;
    /** The latest plan has errors: the webview shows a banner (and `view` is the last good plan, if there was one). */
    hasErrors: boolean;
    /** The latest plan's errors, one line each, for the banner's tooltip. */
    errorLines: string[];
}

/** Extension → webview. */
export type ToWebviewMessage =
    | { type: 'picture'; picture: Picture }
    | { type: 'requestSvg' }
    /** Switch to this view (a command asked for it). */
    | { type: 'showView'; view: ViewName }
    /** The words of the views in VS Code's display language: sent once, before the first picture. */
    | { type: 'strings'; strings: ViewStrings };

/** Webview → extension. */
export type FromWebviewMessage =
    | { type: 'ready' }
    | { type: 'reveal'; subject: SubjectKey }
    /** The user picked an element to show (a deal in the fishbone's list): the panel shows it until the cursor moves. */
    | { type: 'show'; focus: PlanFocus }
    | { type: 'exportSvg'; svg: string; suggestedName: string };
