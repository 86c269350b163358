import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../server/src/node/workspace-loader.js';
import { sandboxRanking } from '../../server/src/contract/sandbox.js';
import { generateWorkspace } from '../bench/generate.js';

const examples = path.resolve(__dirname, '..', '..', 'examples');

/** `acct sandbox` ranks the opportunities alone (plan/sandbox-plan.ts): the same rows as from the whole plan. */
describe('the sandbox ranks from the opportunities alone, as from the whole plan', () => {
    it('gives the rows and the opportunities the plan document gives, on the examples and a generated workspace', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-sandbox-plan-'));
        try {
            generateWorkspace(dir, { seed: 7, fileCount: 6, totalLines: 2000 });
            for (const folder of [examples, dir]) {
                const workspace = await loadWorkspace([folder], { today: '2026-11-22', cwd: folder });
                const plan = workspace.plan();
                const alone = workspace.acct.plan.PlanBuilder.sandboxPlan(workspace.base);
                expect(alone.customers.map(c => c.id)).toEqual(plan.customers.map(c => c.id));
                alone.customers.forEach((customer, i) => {
                    expect(customer.opportunities.length).toBe(plan.customers[i]!.opportunities.length);
                    customer.opportunities.forEach((o, j) => {
                        const { id, name, stage, horizon, amount, sandbox } = plan.customers[i]!.opportunities[j]!;
                        expect(o).toEqual({ id, name, stage, horizon, amount, sandbox });
                    });
                });
                for (const top of [undefined, 3]) expect(sandboxRanking(alone, top)).toEqual(sandboxRanking(plan, top));
                expect(sandboxRanking(alone).length).toBeGreaterThan(2);
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
