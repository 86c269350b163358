/**
 * What the power-map panel's views need of the plan's history: the Trends view the element at the
 * cursor (or the one shown) over time, the sandbox the stage ages. Asked only while one of those
 * views is shown, so that the history is read only when someone looks at it; in an untrusted
 * workspace git never runs.
 */
import * as vscode from 'vscode';
import { SubjectKeys, type PlanFocus, type ToWebviewMessage, type TrendsState, type ViewName } from '@acct/contract';
import type { StageAgesRequest, TrendsRequest } from '@acct/contract/protocol';
import { anyAcctUri, type EditorCursor } from './editor-cursor.js';

/** The history requests of the plan protocol (PlanSource's optional part). */
export interface HistorySource {
    trends?(params: TrendsRequest.Params): Promise<TrendsState>;
    stageAges?(params: StageAgesRequest.Params): Promise<StageAgesRequest.Result>;
}

/** What the panel tells its history of itself. */
export interface HistoryHost {
    readonly cursor: EditorCursor;
    /** The document of the element pinned by a command, if any. */
    pinnedUri(): string | undefined;
    /** Whether an element is pinned (the cursor is not followed). */
    pinned(): boolean;
    /** The element drawn last. */
    shown(): PlanFocus | undefined;
    /** Whether the panel is open and visible. */
    showing(): boolean;
    post(message: ToWebviewMessage): Thenable<boolean>;
}

export class PanelHistory {
    /** The file of the element the Trends view shows: a commit's change is opened for it. */
    private trendsFileShown: string | undefined;
    private trendsSeq = 0;

    constructor(
        private readonly source: HistorySource,
        private readonly host: HistoryHost,
    ) {}

    get trendsFile(): string | undefined {
        return this.trendsFileShown;
    }

    /** Sends the view shown what it needs of the history (nothing for the other views). */
    async send(view: ViewName | undefined): Promise<void> {
        if (!this.host.showing()) return;
        if (view === 'trends') {
            const seq = ++this.trendsSeq;
            const trends = await this.askTrends();
            if (seq === this.trendsSeq && this.host.showing()) await this.host.post({ type: 'trends', trends });
        } else if (view === 'sandbox' && this.source.stageAges && vscode.workspace.isTrusted) {
            const uri = this.host.cursor.uri?.toString() ?? this.host.pinnedUri() ?? (await anyAcctUri());
            if (!uri) return;
            try {
                const { ages } = await this.source.stageAges({ uri });
                if (this.host.showing()) await this.host.post({ type: 'stageAges', ages });
            } catch (err) {
                console.error('acct: a stage-age request failed', err);
            }
        }
    }

    private async askTrends(): Promise<TrendsState> {
        if (!this.source.trends) return { status: 'noGit' };
        if (!vscode.workspace.isTrusted) return { status: 'untrusted' };
        const at = this.host.pinned() ? undefined : this.host.cursor.focusParams();
        const shown = this.host.shown();
        const subject = at
            ? undefined
            : shown?.customer
              ? shown.opportunity
                  ? SubjectKeys.opportunity(shown.customer, shown.opportunity)
                  : SubjectKeys.customer(shown.customer)
              : undefined;
        const uri = at?.uri ?? this.host.pinnedUri() ?? this.host.cursor.uri?.toString() ?? (await anyAcctUri());
        if (!uri) return { status: 'noSubject' };
        this.trendsFileShown = uri;
        try {
            return await this.source.trends(at ? { uri, position: at.position } : { uri, ...(subject ? { subject } : {}) });
        } catch (err) {
            return { status: 'failed', detail: err instanceof Error ? err.message : String(err) };
        }
    }
}
