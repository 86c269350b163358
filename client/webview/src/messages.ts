/**
 * Messages between the power-map panel (extension side) and the webview.
 * Types only: imported by both `client/src/power-map-panel.ts` and the webview bundle.
 */
import type { PlanFocus, PlanView, SubjectKey } from '../../../server/src/protocol.js';

export type { PlanFocus, PlanView, SubjectKey };

/** Extension → webview. */
export type ToWebviewMessage =
    | { type: 'plan'; view: PlanView; focus: PlanFocus }
    | { type: 'requestSvg' };

/** Webview → extension. */
export type FromWebviewMessage =
    | { type: 'ready' }
    | { type: 'reveal'; subject: SubjectKey }
    | { type: 'exportSvg'; svg: string; suggestedName: string };

export function isToWebviewMessage(data: unknown): data is ToWebviewMessage {
    if (typeof data !== 'object' || data === null) return false;
    const m = data as { type?: unknown; view?: unknown; focus?: unknown };
    if (m.type === 'requestSvg') return true;
    if (m.type !== 'plan') return false;
    const view = m.view as { plan?: { customers?: unknown } } | null | undefined;
    return typeof view === 'object' && view !== null
        && typeof view.plan === 'object' && view.plan !== null
        && Array.isArray(view.plan.customers);
}
