/**
 * What `acct sandbox` ranks: each customer's opportunities, as the plan document gives them
 * (plan-json.ts), without the rest of the plan — its contacts, activities, decision chains and
 * findings are not converted for a table that shows none of them.
 */
import { isCustomer } from '../language/generated/ast.js';
import { compareText } from '../contract/findings.js';
import type { RankedPlan } from '../contract/sandbox.js';
import { moneyJson, sandboxJson, type PlanFile } from './plan-json.js';

export function sandboxPlan(files: readonly PlanFile[]): RankedPlan {
    const sorted = [...files].sort((a, b) => compareText(a.path, b.path));
    return {
        customers: sorted
            .flatMap(file => file.root.declarations ?? [])
            .filter(isCustomer)
            .map(customer => ({
                id: customer.name,
                opportunities: customer.opportunities.map(opportunity => ({
                    id: opportunity.name,
                    name: opportunity.displayName,
                    stage: opportunity.stage ?? null,
                    horizon: opportunity.horizon ?? null,
                    amount: moneyJson(opportunity.amount),
                    sandbox: sandboxJson(opportunity),
                })),
            })),
    };
}
