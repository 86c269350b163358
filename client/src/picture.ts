/**
 * What the power map draws: the one place that decides it. Pure (no VS Code), so the panel, the
 * browser harness and the unit tests all run the same rule.
 *
 * - A plan without errors replaces the picture; a plan with errors keeps the last plan without
 *   errors (or, before there was one, shows the broken plan as it is) under a banner.
 * - The element shown is the first candidate (a pinned target, the cursor's focus, the element
 *   shown last) that names a customer of the plan drawn, with its opportunity only if that
 *   customer has it; else the first customer; else nothing.
 *
 * The rule reads a whole plan, or a plan in parts (contract/plan-parts.ts): its outline has the
 * customers and their opportunities, and the server keeps the last plan without errors for it.
 */
import { findingLine, NO_FOCUS, type PartStamps, type Picture, type PlanFocus, type PlanView, type ViewedPlan } from '@acct/contract';

/** A candidate for what to show, in priority order; absent candidates are skipped. */
export type FocusCandidate = Partial<PlanFocus> | null | undefined;

/** What the choice of the element shown reads of a plan: a whole plan, a viewed one and an outline all have it. */
export interface ChoosablePlan {
    plan: { customers: ReadonlyArray<{ id: string; opportunities: ReadonlyArray<{ id: string }> }> };
}

/** The element of `view` to show: see the module comment. */
export function shownIn(view: ChoosablePlan, candidates: readonly FocusCandidate[]): PlanFocus {
    const customers = view.plan.customers;
    for (const candidate of candidates) {
        const id = candidate?.customer;
        // on duplicate ids the first declaration wins, as everywhere in the views
        const customer = id ? customers.find(c => c.id === id) : undefined;
        if (!customer) continue;
        const opportunity = candidate?.opportunity ?? null;
        const known = opportunity !== null && customer.opportunities.some(o => o.id === opportunity);
        return { customer: customer.id, opportunity: known ? opportunity : null };
    }
    const first = customers[0];
    return first ? { customer: first.id, opportunity: null } : NO_FOCUS;
}

/**
 * The element a webview showed before a window reload, read from the state it saved (its
 * `picture`): the panel's "shown last" until it draws again.
 */
export function shownBefore(state: unknown): PlanFocus | undefined {
    const shown = (state as { picture?: { shown?: { customer?: unknown; opportunity?: unknown } } } | null | undefined)?.picture?.shown;
    if (typeof shown?.customer !== 'string') return undefined;
    return { customer: shown.customer, opportunity: typeof shown.opportunity === 'string' ? shown.opportunity : null };
}

/** The errors of a plan, one CLI-style line each (the banner's tooltip). */
export function errorLinesOf(view: Pick<ViewedPlan, 'plan'>): string[] {
    return view.plan.diagnostics.filter(d => d.severity === 'error').map(findingLine);
}

/** Whether, should the latest plan have errors, the next picture keeps drawing `drawn`: once a plan without errors was drawn. */
export function keepsLastGood(drawn: { hasErrors: boolean } | null | undefined): boolean {
    return !!drawn && !drawn.hasErrors;
}

/** The picture after `latest` was fetched (or the focus moved), given the picture drawn before. */
export function nextPicture<V extends ViewedPlan = PlanView>(
    previous: Picture<V> | null | undefined,
    latest: V,
    candidates: readonly FocusCandidate[],
): Picture<V> {
    const view = previous && latest.hasErrors && keepsLastGood(previous.view) ? previous.view : latest;
    return {
        view,
        shown: shownIn(view, candidates),
        hasErrors: latest.hasErrors,
        errorLines: latest.hasErrors ? errorLinesOf(latest) : [],
    };
}

export function sameFocus(a: PlanFocus, b: PlanFocus): boolean {
    return a.customer === b.customer && a.opportunity === b.opportunity;
}

/** The same plan: the same object, or parts with the same stamps. */
function samePlan(a: ViewedPlan | PartStamps, b: ViewedPlan | PartStamps): boolean {
    if (a === b) return true;
    return 'outline' in a && 'outline' in b && a.outline === b.outline && a.customer === b.customer && a.errors === b.errors;
}

/** Whether `next` draws anything else than `previous`: another plan (or part), element or banner. */
export function pictureChanged<P extends ViewedPlan | PartStamps>(previous: Picture<P> | null | undefined, next: Picture<P>): boolean {
    return (
        !previous ||
        !samePlan(previous.view, next.view) ||
        !sameFocus(previous.shown, next.shown) ||
        previous.hasErrors !== next.hasErrors ||
        previous.errorLines.join('\n') !== next.errorLines.join('\n')
    );
}
