/**
 * Parts of the plan for a plan source that has only the whole plan (`acct/planView`): the plan is
 * fetched once per change and cut in the extension by the contract's own cut, answered as the
 * server answers `acct/planParts` (stamps, the last plan without errors for `keepGood`).
 */
import { cutPlan, stampCut, stampOf, type PlanView, type StampedCut } from '@acct/contract';
import type { PlanViewRequest } from '@acct/contract/protocol';
import type { PartsSource } from './held-plan.js';
import { errorLinesOf } from './picture.js';

interface Cut {
    revision: number;
    view: PlanView;
    parts: StampedCut;
    errors: { stamp: string; value: string[] };
}

export function partsOfWholePlan(planView: (params: PlanViewRequest.Params) => Promise<PlanView>): PartsSource {
    let revision = 0;
    let latest: Promise<Cut> | undefined;
    let lastGood: Cut | undefined;
    return {
        async ask(params, fresh) {
            if (fresh || !latest) {
                const fetching = planView({ uri: params.uri }).then(view => {
                    const lines = errorLinesOf(view);
                    return { revision: ++revision, view, parts: stampCut(cutPlan(view)), errors: { stamp: stampOf(lines), value: lines } };
                });
                // a failed fetch is not kept: the next question fetches again
                fetching.catch(() => {
                    if (latest === fetching) latest = undefined;
                });
                latest = fetching;
            }
            const cut = await latest;
            if (!cut.view.hasErrors) lastGood = cut;
            const answered = params.keepGood && cut.view.hasErrors && lastGood ? lastGood : cut;
            return {
                revision: answered.revision,
                errors: params.known?.errors === cut.errors.stamp ? { stamp: cut.errors.stamp } : cut.errors,
                outline: answered.parts.outline(params.known?.outline),
                customer: params.customer === null ? null : answered.parts.part(params.customer, params.known?.customer),
            };
        },
    };
}
