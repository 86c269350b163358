/**
 * The PlanView the browser tests draw: the real computed plan of `examples/` (as the language
 * server computes it), or the hand-written fixture (switch SOURCE, one line).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanFocus, PlanView } from '@acct/contract';

const SOURCE = 'examples' as 'fixture' | 'examples';

export const TODAY = '2026-11-22';

export async function loadPlanView(): Promise<PlanView> {
    if (SOURCE === 'examples') {
        const { loadWorkspace } = await import('../../server/src/node/workspace-loader.js');
        const workspace = await loadWorkspace([path.resolve(__dirname, '..', '..', 'examples')], { today: TODAY });
        return workspace.view();
    }
    return JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'plan-view.json'), 'utf8')) as PlanView;
}

/** The customer with the most contacts, and its first opportunity that has a decision chain. */
export function pickFocus(view: PlanView): { customer: PlanFocus; deal: PlanFocus } {
    const customers = [...view.plan.customers].sort((a, b) => b.contacts.length - a.contacts.length);
    const c = customers[0];
    if (!c) throw new Error('the plan has no customer');
    const o = c.opportunities.find(x => x.decisionChain.length > 0);
    return {
        customer: { customer: c.id, opportunity: null },
        deal: { customer: c.id, opportunity: o ? o.id : null },
    };
}

export function clone<T>(v: T): T {
    return JSON.parse(JSON.stringify(v)) as T;
}
