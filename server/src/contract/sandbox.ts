/**
 * The strategic sandbox (contract 6.5): every open opportunity of the workspace — stage lead,
 * opportunity or bid — ranked by its sandbox score, highest first; unscored ones after the
 * scored; then by customer id and opportunity id in code-point order. `acct sandbox` and the
 * sandbox view both rank with this one function.
 */
import type { Horizon, MoneyJson, OpportunityJson, Stage } from './plan-types.js';
import { compareText } from './findings.js';

export interface SandboxRow {
    /** 1-based position in the ranking. */
    rank: number;
    customer: string;
    opportunity: string;
    name: string;
    stage: Stage;
    horizon: Horizon | null;
    space: number | null;
    growth: number | null;
    profit: number | null;
    competition: number | null;
    score: number | null;
    amount: MoneyJson | null;
    /** Among the first `top` (the company picks a few: `--top N`). */
    pick: boolean;
}

const OPEN: ReadonlySet<string> = new Set<Stage>(['lead', 'opportunity', 'bid']);

/** What the ranking reads of a plan: each customer's opportunities (a plan's outline holds them too). */
export interface RankedPlan {
    customers: ReadonlyArray<{ id: string; opportunities: ReadonlyArray<Pick<OpportunityJson, 'id' | 'name' | 'stage' | 'horizon' | 'amount' | 'sandbox'>> }>;
}

export function sandboxRanking(plan: RankedPlan, top?: number): SandboxRow[] {
    const rows = plan.customers.flatMap(customer =>
        customer.opportunities
            .filter(o => o.stage !== null && OPEN.has(o.stage))
            .map(o => ({
                customer: customer.id,
                opportunity: o.id,
                name: o.name,
                stage: o.stage as Stage,
                horizon: o.horizon,
                space: o.sandbox.space,
                growth: o.sandbox.growth,
                profit: o.sandbox.profit,
                competition: o.sandbox.competition,
                score: o.sandbox.score,
                amount: o.amount,
            })),
    );
    rows.sort(
        (a, b) =>
            (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) ||
            (b.score ?? 0) - (a.score ?? 0) ||
            compareText(a.customer, b.customer) ||
            compareText(a.opportunity, b.opportunity),
    );
    return rows.map((row, i) => ({ rank: i + 1, ...row, pick: top !== undefined && i < top }));
}
