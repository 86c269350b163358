/** Which element a view shows, and where an element is declared. */

/** A customer, and the opportunity if one of its deals is meant. */
export interface PlanFocus {
    customer: string | null;
    opportunity: string | null;
}

export const NO_FOCUS: PlanFocus = Object.freeze({ customer: null, opportunity: null });

/** Where a plan element is declared, for "reveal in editor". Lines and columns are 1-based. */
export interface SourceAnchor {
    uri: string;
    line: number;
    column: number;
}
