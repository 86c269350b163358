/**
 * Stage age (issue 20 item 3): how long each open opportunity has been at its current stage,
 * read from the plan's history — the date of the commit from which it has held that stage
 * without a break. Pure: it reads the plans of the commits, oldest first.
 */
import { daysBetween } from '../method/index.js';
import type { AcctPlanDocument } from './plan-types.js';
import { SubjectKeys, type SubjectKey } from './subject-key.js';

export interface StageAge {
    stage: string;
    /** The date (YYYY-MM-DD) of the first commit of the unbroken run at this stage. */
    since: string;
}

/** Tracks each opportunity's stage over the commits given in order. */
export class StageAges {
    private readonly current = new Map<SubjectKey, StageAge>();

    /** One commit's plan, with its date (`YYYY-MM-DD…`). */
    add(plan: Pick<AcctPlanDocument, 'customers'>, date: string): void {
        const seen = new Set<SubjectKey>();
        for (const customer of plan.customers) {
            for (const opportunity of customer.opportunities) {
                const key = SubjectKeys.opportunity(customer.id, opportunity.id);
                if (seen.has(key) || opportunity.stage === null) continue;
                seen.add(key);
                const was = this.current.get(key);
                if (!was || was.stage !== opportunity.stage) this.current.set(key, { stage: opportunity.stage, since: date.slice(0, 10) });
            }
        }
        for (const key of [...this.current.keys()]) if (!seen.has(key)) this.current.delete(key);
    }

    /** Since when the opportunity has been at `stage` (its stage now), or undefined when the history does not show it there. */
    of(key: SubjectKey, stage: string | null): StageAge | undefined {
        const age = this.current.get(key);
        return age && age.stage === stage ? age : undefined;
    }
}

/** Days at the stage on `today`. */
export function stageDays(age: StageAge, today: string): number {
    return Math.max(0, daysBetween(age.since, today) ?? 0);
}
