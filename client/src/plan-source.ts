/**
 * What the power-map panel reads and what it is asked to show: the plan protocol as the panel
 * sees it (the language client answers it; tests and the benchmark give their own).
 */
import type * as vscode from 'vscode';
import type { PlanFocus, PlanView, SourceAnchor, TrendsState, ViewName } from '@acct/contract';
import type { FocusRequest, LocateRequest, PlanPartsRequest, PlanViewRequest, StageAgesRequest, TrendsRequest } from '@acct/contract/protocol';

/** Where the panel gets its data from: the typed plan protocol. */
export interface PlanSource {
    planView(params: PlanViewRequest.Params): Promise<PlanView>;
    /** The plan in parts; without it, the panel cuts the whole plan itself. */
    planParts?(params: PlanPartsRequest.Params): Promise<PlanPartsRequest.Result>;
    focus(params: FocusRequest.Params): Promise<PlanFocus>;
    locate(params: LocateRequest.Params): Promise<SourceAnchor | null>;
    /** Fires after each rebuild of the workspace's plan. */
    onPlanChanged(listener: () => void): vscode.Disposable;
    /** The element at a position over time (the Trends view); without it, the view says there is no history. */
    trends?(params: TrendsRequest.Params): Promise<TrendsState>;
    /** Since when each open opportunity has held its stage (the sandbox view). */
    stageAges?(params: StageAgesRequest.Params): Promise<StageAgesRequest.Result>;
    /** Fires when the server has read the plan's history (the Trends view and the stage ages are asked again). */
    onHistoryReady?(listener: () => void): vscode.Disposable;
}

/** Arguments of `acct.openPowerMap`: show this element instead of the cursor's, in this view. */
export interface PowerMapTarget {
    uri?: string;
    customer?: string;
    opportunity?: string;
    /** The view (tab) to switch to. */
    view?: ViewName;
}
