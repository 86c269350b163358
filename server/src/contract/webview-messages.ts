/**
 * Messages between the power-map panel (extension side) and its webview. The panel decides what
 * is drawn (`Picture`: which plan, which element); the webview draws it and reports clicks. The
 * panel sends the plan in parts (plan-parts.ts), each once: the webview keeps those of the picture
 * it draws, so that a move of the cursor costs a small message, and another customer its part.
 */
import type { PlanView } from './findings.js';
import type { CustomerPart, PlanOutline, ViewedPlan } from './plan-parts.js';
import type { PlanFocus } from './plan-focus.js';
import type { SubjectKey } from './subject-key.js';
import type { PlanDiff } from './plan-diff.js';
import type { ViewStrings } from '../method/index.js';
import type { StageAge } from './stage-age.js';
import type { TrendsState } from './trends.js';

/** The panel's views (its tabs), in tab order. */
export const VIEW_NAMES = ['power', 'fishbone', 'quadrant', 'intimacy', 'sandbox', 'trends'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export function isViewName(value: unknown): value is ViewName {
    return typeof value === 'string' && (VIEW_NAMES as readonly string[]).includes(value);
}

/**
 * The parts of a picture's plan, by stamp: the outline, and the part of the customer shown (null:
 * none is); `errors`: the latest plan's error lines, a part of their own (absent: the picture's
 * `errorLines` hold them), so that a picture of a plan with errors costs their stamp alone once
 * the page holds them.
 */
export interface PartStamps {
    outline: string;
    customer: string | null;
    errors?: string;
}

/** A part of a plan as the webview receives and keeps it, under its stamp. */
export type PlanPart = { stamp: string; outline: PlanOutline } | { stamp: string; customer: CustomerPart } | { stamp: string; errorLines: string[] };

/**
 * What the webview draws. `P` is how the plan comes: whole, as the views read it (whole or
 * assembled from parts, `ViewedPlan`), or as the stamps of its parts.
 */
export interface Picture<P = PlanView> {
    /** The plan to draw: the latest, or the last one without errors while the latest has errors. */
    view: P;
    /** The element shown. */
    shown: PlanFocus;
    /** The latest plan has errors: the webview shows a banner (and `view` is the last good plan, if there was one). */
    hasErrors: boolean;
    /** The latest plan's errors, one line each, for the banner's tooltip (in a picture in parts with `errors`: that part's). */
    errorLines: string[];
}

/** Extension → webview. */
export type ToWebviewMessage =
    /** A picture with its plan, or with the stamps of its plan's parts and those of the parts the page does not hold yet. */
    | { type: 'picture'; picture: Picture<ViewedPlan> | Picture<PartStamps>; parts?: PlanPart[] }
    /**
     * Parts of the plan the page does not hold, posted right before the picture that names them:
     * the outline travels alone (it grows with the workspace, a customer's part with that customer),
     * so that no one message carries both. The page keeps them for that picture and draws nothing yet.
     */
    | { type: 'parts'; parts: PlanPart[] }
    /** `request`: echoed in the answer, so that the extension knows which request an SVG answers (a request may be asked again). */
    | { type: 'requestSvg'; request?: number }
    /** Switch to this view (a command asked for it). */
    | { type: 'showView'; view: ViewName }
    /** The words of the views in VS Code's display language: sent once, before the first picture. */
    | { type: 'strings'; strings: ViewStrings }
    /** The Trends view's element over time (or why there is none), for the element at the cursor. */
    | { type: 'trends'; trends: TrendsState }
    /** Since when each open opportunity has held its stage (the sandbox), by opportunity key; empty while the history is not read. */
    | { type: 'stageAges'; ages: Record<string, StageAge> };

/** Webview → extension. */
export type FromWebviewMessage =
    /** A page was loaded; `parts`: the stamps of the parts it holds (from its saved state). */
    | { type: 'ready'; parts?: string[] }
    | { type: 'reveal'; subject: SubjectKey }
    /** The user picked an element to show (a deal in the fishbone's list): the panel shows it until the cursor moves. */
    | { type: 'show'; focus: PlanFocus }
    /** `request`: the requestSvg it answers; absent when the user pressed the page's own Export SVG. */
    | { type: 'exportSvg'; svg: string; suggestedName: string; request?: number }
    /** A commit of the Trends view was clicked: open its change of the file shown in the diff editor. */
    | { type: 'openCommit'; commit: string }
    /** The view the page shows (on load and on each change of tab): the panel asks for what it needs (Trends, stage ages). */
    | { type: 'view'; view: ViewName };

/** Whether a picture comes with the stamps of its plan's parts rather than with its plan. */
export function isInParts(picture: Picture<ViewedPlan> | Picture<PartStamps>): picture is Picture<PartStamps> {
    return typeof (picture.view as Partial<PartStamps>).outline === 'string';
}

/**
 * The Changes Since… panel (client/src/changes-panel.ts) and its page: the `acct diff` report
 * (contract 6.5, 7.4) drawn over the plan on the later side — the power map of each changed deal
 * with what moved marked on its cards, and the findings, each linking to its declaration.
 */
export interface ChangesPicture {
    /** The report as `acct diff --format json` gives it. */
    diff: PlanDiff;
    /** The plan on disk (the later side), as the views draw it. */
    view: ViewedPlan;
    /** The words of the page (the views' catalog keys) in VS Code's display language. */
    strings: ViewStrings;
    /** The revision compared with, as the user named it. */
    revision: string;
    /** The report's own words (contract/diff-report.ts, as `acct diff` prints them): the summary line, one line per change, what each changed finding was. */
    words: { summary: string; changes: string[]; changedFindings: string[] };
    /** The changes whose element is still declared (a link to its line is offered), by index in `diff.changes`. */
    located: number[];
}

/** Extension → Changes page. */
export type ToChangesMessage = { type: 'changes'; changes: ChangesPicture };

/** Changes page → extension. */
export type FromChangesMessage =
    | { type: 'ready' }
    /** Open the declaration of this element. */
    | { type: 'reveal'; subject: SubjectKey }
    /** Open this file of the workspace folder (a path as in the report) at this line: a finding about no element. */
    | { type: 'open'; file: string; line: number }
    /** Show the same report as Markdown (the pull-request form). */
    | { type: 'markdown' }
    /** The page drew the report: its maps, the marks on their cards (`contact:c/id: support 0 → 2`), its links. */
    | { type: 'drawn'; maps: number; marks: string[]; links: number };
