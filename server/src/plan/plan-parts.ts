/**
 * The plan in parts for the views (`acct/planParts`, contract/plan-parts.ts): cut once per build
 * and base folder from the computed view, each part stamped once, so that a cursor move costs one
 * customer's part and a request for parts the asker holds costs their stamps (the error lines of
 * the banner too: a cursor move in a plan with errors costs no more than in a clean one). While the latest
 * plan has errors, the last plan without errors that was cut stays at hand for a view that keeps
 * drawing it.
 */
import { DocumentState, WorkspaceCache, type URI } from 'langium';
import type { AcctLanguageServices } from '../language/acct-language-services.js';
import { findingLine } from '../contract/findings.js';
import { cutPlan, stampCut, stampOf, type StampedCut } from '../contract/plan-parts.js';
import type { PlanPartsRequest } from '../contract/protocol.js';
import type { AcctPlanBuilder } from './plan-builder.js';

interface Cut {
    revision: number;
    parts: StampedCut;
}

/** The latest plan's error lines of one build, under their stamp. */
interface ErrorLines {
    stamp: string;
    lines: string[];
}

export class AcctPlanParts {
    protected readonly cuts: WorkspaceCache<string, Cut>;
    /** Per base folder, the error lines of the latest build: formatted and stamped once per build. */
    protected readonly errorLines: WorkspaceCache<string, ErrorLines>;
    /** Per base folder: the last cut of a plan without errors. */
    protected readonly lastGood = new Map<string, Cut>();
    /** How many builds were validated: the revision of the plan now. */
    protected revision = 0;

    constructor(
        services: AcctLanguageServices,
        protected readonly plans: AcctPlanBuilder,
    ) {
        const builder = services.shared.workspace.DocumentBuilder;
        this.cuts = new WorkspaceCache(services.shared, DocumentState.Validated);
        this.errorLines = new WorkspaceCache(services.shared, DocumentState.Validated);
        builder.onBuildPhase(DocumentState.Validated, () => {
            this.revision++;
        });
    }

    /** The parts asked for, of the latest plan of `base` (or of the last one without errors, see `keepGood`). */
    answer(base: URI | undefined, params: Omit<PlanPartsRequest.Params, 'uri'>): PlanPartsRequest.Result {
        const errors = this.errorLines.get(this.keyOf(base), () => {
            const lines = this.plans
                .diagnostics(base)
                .filter(d => d.severity === 'error')
                .map(findingLine);
            return { stamp: stampOf(lines), lines };
        });
        const kept = params.keepGood && errors.lines.length > 0 ? this.lastGood.get(this.keyOf(base)) : undefined;
        const cut = kept ?? this.latest(base);
        return {
            revision: cut.revision,
            errors: errors.stamp === params.known?.errors ? { stamp: errors.stamp } : { stamp: errors.stamp, value: errors.lines },
            outline: cut.parts.outline(params.known?.outline),
            customer: params.customer === null ? null : cut.parts.part(params.customer, params.known?.customer),
        };
    }

    protected latest(base: URI | undefined): Cut {
        const key = this.keyOf(base);
        return this.cuts.get(key, () => {
            const view = this.plans.view(base);
            const cut = { revision: this.revision, parts: stampCut(cutPlan(view)) };
            if (!view.hasErrors) this.lastGood.set(key, cut);
            return cut;
        });
    }

    private keyOf(base: URI | undefined): string {
        return base?.toString() ?? '';
    }
}
