/**
 * Custom LSP messages between the acct language server and its clients (the VS Code
 * extension and, through it, the power-map webview). Types only: both sides import this file.
 */
import type { AcctPlanDocument, Severity } from './model/plan-types.js';

/** Where a plan element is declared, for "reveal in editor". Lines and columns are 1-based. */
export interface SourceAnchor {
    uri: string;
    line: number;
    column: number;
}

/**
 * Key of a plan element: `customer:ID`, `contact:CUSTOMER/ID`, `opportunity:CUSTOMER/ID`,
 * `activity:CUSTOMER/ID`, `member:ID`, `competitor:ID`.
 */
export type SubjectKey = string;

/** A check's finding attached to the plan element it is about. */
export interface Finding {
    code: string;
    severity: Severity;
    message: string;
    subject: SubjectKey;
    /** The contact a decision-chain finding names (`unknown-support`, `opposed-key-person`, `stale-contact`). */
    contact?: SubjectKey;
}

/** What the views need: the section-4 document plus anchors and per-element findings. */
export interface PlanView {
    plan: AcctPlanDocument;
    anchors: Record<SubjectKey, SourceAnchor>;
    findings: Finding[];
    /** True when some file of the workspace does not parse or link: the views keep the last good picture. */
    hasErrors: boolean;
}

/** Which element the cursor is in: the customer, and the opportunity if the cursor is inside one. */
export interface PlanFocus {
    customer: string | null;
    opportunity: string | null;
}

export namespace PlanViewRequest {
    export const method = 'acct/planView';
    export interface Params {
        /** The document whose cursor decides the focus. */
        uri: string;
        /** 0-based LSP position of the cursor. */
        position?: { line: number; character: number };
    }
    export interface Result {
        view: PlanView;
        focus: PlanFocus;
    }
}

/** Sent by the server when the workspace's computed plan changed (after each rebuild). */
export namespace PlanChangedNotification {
    export const method = 'acct/planChanged';
    export interface Params {
        uris: string[];
    }
}

export namespace ExportPlanRequest {
    export const method = 'acct/exportPlan';
    export interface Params {
        /** Workspace folder URI: file paths in the document are relative to it. */
        workspaceFolder: string;
    }
    export interface Result {
        /** The JSON text exactly as `acct export` would write it. */
        json: string;
        errors: number;
    }
}
