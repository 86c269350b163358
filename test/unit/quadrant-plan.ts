/** The plans of the tier quadrant's unit tests: the fixture's first customer, renamed and moved, once per seed; no findings. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanView, Tier } from '@acct/contract';
import { suggestedTierFor } from '@acct/method';

export type QuadrantSeed = { name: string; standing: number; cooperation: number; tier: Tier | null };

const fixture = (): PlanView => JSON.parse(readFileSync(path.join(__dirname, '..', 'browser', 'fixtures', 'plan-view.json'), 'utf8')) as PlanView;

/** A plan of these customers (ids `c0`, `c1`, …), each with the tier the table suggests for its scores. */
export function quadrantPlan(seeds: readonly QuadrantSeed[]): PlanView {
    const v = fixture();
    const model = v.plan.customers[0]!;
    v.plan.diagnostics = [];
    v.plan.customers = seeds.map((s, i) => ({
        ...model,
        id: `c${i}`,
        name: s.name,
        standing: s.standing,
        cooperation: s.cooperation,
        tier: s.tier,
        suggestedTier: suggestedTierFor(s.standing, s.cooperation) ?? null,
        contacts: [],
        opportunities: [],
        activities: [],
    }));
    return v;
}
