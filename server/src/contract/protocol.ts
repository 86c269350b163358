/**
 * Custom LSP messages between the acct language server and the VS Code extension, as typed
 * request and notification objects: both sides import them from here, never a method string.
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { PlanView } from './findings.js';
import type { SubjectKey } from './subject-key.js';
import type { PlanFocus, SourceAnchor } from './plan-focus.js';
import type { CustomerPart, PlanOutline, Stamped } from './plan-parts.js';
import type { StageAge } from './stage-age.js';
import type { TrendsState } from './trends.js';

export type { PlanFocus, SourceAnchor };

/** The computed plan as the views draw it. Paths are relative to the workspace folder holding `uri`. */
export namespace PlanViewRequest {
    export interface Params {
        uri: string;
    }
    export const type = new RequestType<Params, PlanView, void>('acct/planView');
}

/**
 * The plan in parts (plan-parts.ts), for views that draw one customer at a time: the outline and
 * one customer's part, each with its stamp. The asker sends the stamps it holds and gets back
 * only what changed, so that a cursor move to another customer costs that customer's part and a
 * rebuild that left the part alone costs its stamp.
 */
export namespace PlanPartsRequest {
    export interface Params {
        /** A document of the workspace folder whose plan is meant. */
        uri: string;
        /** The customer whose part is wanted; null: the outline only. */
        customer: string | null;
        /** The stamps of the parts the asker holds (`errors`: of the error lines). */
        known?: { outline?: string; customer?: string; errors?: string };
        /**
         * The asker draws a plan without errors and keeps drawing it while the latest has errors:
         * then the parts are those of the last plan without errors the server cut.
         */
        keepGood?: boolean;
    }
    export interface Result {
        /** The build the parts are cut from: a later build has a higher revision. */
        revision: number;
        /**
         * The latest plan's errors, one CLI line each (the banner), whichever plan the parts are
         * of: stamped like the parts, so that an asker holding them gets their stamp alone.
         */
        errors: Stamped<string[]>;
        outline: Stamped<PlanOutline>;
        /** null: no customer was asked for, or the plan has none with that id. */
        customer: Stamped<CustomerPart> | null;
    }
    export const type = new RequestType<Params, Result, void>('acct/planParts');
}

/** The customer and opportunity at a position of a document: the one place the focus is decided. */
export namespace FocusRequest {
    export interface Params {
        uri: string;
        /** 0-based LSP position. */
        position: { line: number; character: number };
    }
    /** null when the request names no position (a malformed request): nothing to focus. */
    export const type = new RequestType<Params, PlanFocus | null, void>('acct/focus');
}

/** Where an element is declared (the first declaration, on duplicate ids); null when it is not. */
export namespace LocateRequest {
    export interface Params {
        subject: SubjectKey;
    }
    export const type = new RequestType<Params, SourceAnchor | null, void>('acct/locate');
}

/** Sent by the server when the workspace's computed plan changed (after each rebuild). */
export namespace PlanChangedNotification {
    export interface Params {
        uris: string[];
    }
    export const type = new NotificationType<Params>('acct/planChanged');
}

export namespace ExportPlanRequest {
    export interface Params {
        /** Workspace folder URI: file paths in the document are relative to it. */
        workspaceFolder: string;
    }
    export interface Result {
        /** The JSON text exactly as `acct export` would write it. */
        json: string;
        errors: number;
    }
    export const type = new RequestType<Params, Result, void>('acct/exportPlan');
}

/**
 * The Trends view's question (issue 20): how the element at a position (a contact, an
 * opportunity, a customer) — or `subject` — moved over the commits of the plan. Answered from
 * the history the server reads once per workspace folder and HEAD, in the background: `loading`
 * until it is read, then `HistoryReadyNotification`.
 */
export namespace TrendsRequest {
    export interface Params {
        uri: string;
        /** 0-based LSP position: the innermost contact, opportunity or customer there. */
        position?: { line: number; character: number };
        /** Asked instead of the position's element. */
        subject?: SubjectKey;
    }
    export const type = new RequestType<Params, TrendsState, void>('acct/trends');
}

/** Since when each open opportunity of the workspace folder of `uri` has held its stage, from the same history (the sandbox view). */
export namespace StageAgesRequest {
    export interface Params {
        uri: string;
    }
    export interface Result {
        status: TrendsState['status'];
        /** By opportunity key (`opportunity:CUSTOMER/ID`). */
        ages: Record<string, StageAge>;
    }
    export const type = new RequestType<Params, Result, void>('acct/stageAges');
}

/** Sent by the server when it finished reading the history of a workspace folder (Trends, stage ages). */
export namespace HistoryReadyNotification {
    export interface Params {
        folder: string;
    }
    export const type = new NotificationType<Params>('acct/historyReady');
}

/** Sent by the extension when the workspace is trusted (at start and when the user grants trust): only then does the server read git. */
export namespace WorkspaceTrustNotification {
    export interface Params {
        trusted: boolean;
    }
    export const type = new NotificationType<Params>('acct/workspaceTrust');
}
