/** The workspace `policy` thresholds of the checks, with their defaults and ranges. */

export interface Thresholds {
    /** A key person not contacted for more than this many days is stale. */
    staleContactDays: number;
    /** A tier not reviewed for more than this many days is stale. */
    tierReviewDays: number;
    /** Contacts without a role that a strategic or excellent customer should have. */
    generalCoverage: number;
}

export const defaultThresholds: Readonly<Thresholds> = { staleContactDays: 90, tierReviewDays: 365, generalCoverage: 3 };

/** Each threshold's keyword in a plan and its smallest valid value. */
export const thresholdRules: Readonly<Record<keyof Thresholds, { keyword: string; minimum: number }>> = {
    staleContactDays: { keyword: 'stale-contact-days', minimum: 1 },
    tierReviewDays: { keyword: 'tier-review-days', minimum: 1 },
    generalCoverage: { keyword: 'general-coverage', minimum: 0 },
};
