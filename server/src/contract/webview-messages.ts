/**
 * Messages between the power-map panel (extension side) and its webview. The panel decides what
 * is drawn (`Picture`: which plan, which element); the webview draws it and reports clicks.
 */
import type { PlanView } from './findings.js';
import type { PlanFocus } from './plan-focus.js';
import type { SubjectKey } from './subject-key.js';

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
    | { type: 'requestSvg' };

/** Webview → extension. */
export type FromWebviewMessage =
    | { type: 'ready' }
    | { type: 'reveal'; subject: SubjectKey }
    | { type: 'exportSvg'; svg: string; suggestedName: string };
