/**
 * The picture as the page holds it: with its plan, or with the stamps of its plan's parts. The
 * parts are kept from message to message (those of the picture drawn, no others: the panel sends
 * the ones the page lacks) and assembled into the plan the views draw (contract/plan-parts.ts).
 */
import { assemblePlan, isInParts, type CustomerPart, type PartStamps, type Picture, type PlanOutline, type PlanPart, type ViewedPlan } from '@acct/contract';

export type HeldPicture = Picture<ViewedPlan> | Picture<PartStamps>;

type OutlinePart = Extract<PlanPart, { outline: PlanOutline }>;
type CustomerPartOf = Extract<PlanPart, { customer: CustomerPart }>;
type ErrorLinesPart = Extract<PlanPart, { errorLines: string[] }>;

/**
 * The parts `picture` is made of, from those `sent` with it or `held` before it: its outline and,
 * when a customer is shown, that customer's part, and the error lines when they come as a part.
 * Undefined when one of them is missing.
 */
export function partsOf(picture: Picture<PartStamps>, sent: readonly PlanPart[], held: readonly PlanPart[]): PlanPart[] | undefined {
    const find = (stamp: string): PlanPart | undefined => sent.find(p => p.stamp === stamp) ?? held.find(p => p.stamp === stamp);
    const outline = find(picture.view.outline);
    if (!outline || !('outline' in outline)) return undefined;
    const parts: PlanPart[] = [outline];
    if (picture.view.customer !== null) {
        const customer = find(picture.view.customer);
        if (!customer || !('customer' in customer)) return undefined;
        parts.push(customer);
    }
    if (picture.view.errors !== undefined) {
        const errors = find(picture.view.errors);
        if (!errors || !('errorLines' in errors)) return undefined;
        parts.push(errors);
    }
    return parts;
}

/** The picture to draw: as it came, or with its plan assembled from the parts held (null: nothing to draw). */
export function drawnPicture(picture: HeldPicture | null, parts: readonly PlanPart[]): Picture<ViewedPlan> | null {
    if (!picture || !isInParts(picture)) return picture;
    const held = partsOf(picture, [], parts);
    if (!held) return null;
    const outline = held.find((p): p is OutlinePart => 'outline' in p)!.outline;
    const customer = held.find((p): p is CustomerPartOf => 'customer' in p)?.customer ?? null;
    const errors = held.find((p): p is ErrorLinesPart => 'errorLines' in p);
    return { ...picture, view: assemblePlan(outline, customer), ...(errors ? { errorLines: errors.errorLines } : {}) };
}
