/**
 * The support of each key person over the history since a revision (`acct report --since`):
 * per decision-chain entry of an active opportunity, where its support stood at the revision,
 * after each commit that changed it, and now.
 *
 * The history is replayed from the plan at the revision and the changes of each commit since,
 * in the shape `acct diff` reports them (`PlanChange`: an opportunity's `decisionChain` field
 * holds every entry's effective support): the report reads them from the `acct history` engine
 * (node/plan-history.ts, contract 7.6), then the files on disk are the last point.
 */
import type { PlanChange } from '../contract/plan-diff.js';
import type { AcctPlanDocument, DecisionChainEntryJson, OpportunityJson } from '../contract/plan-types.js';
import { isActive, type Support } from '../method/index.js';

/** One point of a person's support: at a commit (`commit` null: the files on disk). */
export interface SupportPoint {
    /** `YYYY-MM-DD`: the commit's committer date (UTC), or the plan's today for the files on disk. */
    date: string;
    commit: string | null;
    support: Support;
}

/** A commit since the revision, oldest first, with the changes `acct diff` reports between its parent and it. */
export interface CommitChanges {
    commit: string;
    date: string;
    changes: readonly PlanChange[];
}

/** A key person of an active opportunity and their support over time, oldest first. */
export interface SupportTimeline {
    customer: string;
    opportunity: string;
    contact: string;
    /** Where the entry sits in the plan of now: customer, opportunity and entry indexes (a redacted plan keeps them). */
    at: [number, number, number];
    points: SupportPoint[];
}

function entryOf(chain: readonly DecisionChainEntryJson[] | undefined, contact: string): DecisionChainEntryJson | undefined {
    return chain?.find(entry => entry.contact === contact);
}

function opportunityOf(plan: AcctPlanDocument, customer: string, id: string): OpportunityJson | undefined {
    return plan.customers.find(c => c.id === customer)?.opportunities.find(o => o.id === id);
}

/**
 * Every key person of an active opportunity of `now`, with their support at `since` (when the
 * entry was there), after each commit of `commits` that changed it, and now (`today`).
 */
export function supportOverTime(
    before: AcctPlanDocument,
    since: { commit: string; date: string },
    commits: readonly CommitChanges[],
    now: AcctPlanDocument,
    today: string,
): SupportTimeline[] {
    const timelines: SupportTimeline[] = [];
    now.customers.forEach((customer, ci) =>
        customer.opportunities.forEach((opportunity, oi) => {
            if (!isActive(opportunity.stage)) return;
            opportunity.decisionChain.forEach((entry, ei) => {
                const points: SupportPoint[] = [];
                const push = (point: SupportPoint, always = false): void => {
                    const last = points[points.length - 1];
                    if (always || !last || last.support !== point.support) points.push(point);
                };
                const start = entryOf(opportunityOf(before, customer.id, opportunity.id)?.decisionChain, entry.contact);
                if (start) push({ date: since.date, commit: since.commit, support: start.support });
                for (const commit of commits) {
                    for (const change of commit.changes) {
                        if (change.element !== 'opportunity' || change.customer !== customer.id || change.id !== opportunity.id) continue;
                        const chain =
                            change.kind === 'removed'
                                ? undefined
                                : change.kind === 'added'
                                  ? undefined
                                  : change.field === 'decisionChain'
                                    ? (change.to as DecisionChainEntryJson[])
                                    : null;
                        if (chain === null) continue;
                        const at = entryOf(chain, entry.contact);
                        if (at) push({ date: commit.date, commit: commit.commit, support: at.support });
                    }
                }
                push({ date: today, commit: null, support: entry.support }, true);
                timelines.push({ customer: customer.id, opportunity: opportunity.id, contact: entry.contact, at: [ci, oi, ei], points });
            });
        }),
    );
    return timelines;
}
