/**
 * The JSON export (contract section 4) of the bundled examples: valid against the shipped JSON
 * Schema, deterministic, and the examples exercise every warning and info check.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { validatePlan } from '../support/schema.js';

describe('acct export examples', () => {
    const result = runCli(['export', '--today', '2026-11-22', 'examples']);
    const document = JSON.parse(result.stdout);

    it('exports without errors and validates against schema/acct-plan.schema.json', () => {
        expect(result.status).toBe(0);
        expect(validatePlan(document)).toEqual([]);
    });

    it('is byte-identical on a second run', () => {
        expect(runCli(['export', '--today', '2026-11-22', 'examples']).stdout).toBe(result.stdout);
    });

    it('triggers every warning and info check of the contract at least once', () => {
        const codes = new Set(document.diagnostics.map((d: { code: string }) => d.code));
        expect([...codes].sort()).toEqual(
            [
                // contract 1.1 (examples/EXPECTED.md): a rival ahead, an opposed influence, a key person without owner
                'competitor-ahead',
                'friendly-but-unsupportive',
                'incomplete-iron-triangle',
                'missing-layer',
                'no-decision-maker',
                'no-power-map',
                'opposed-influence',
                'opposed-key-person',
                'overdue-activity',
                'rational-turn-risk',
                'single-threaded',
                'stale-contact',
                'stale-tier-review',
                'tier-mismatch',
                'uncovered-key-person',
                'unknown-support',
                'unqualified-opportunity',
                // contract 1.2: every check of section 7.2, the three off by default turned on by the policy
                'aimless-activity',
                'class-without-partnership',
                'no-value-proposition',
                'ripe-lead',
                'unknown-needs',
                'unverified-opportunity',
            ].sort(),
        );
        expect(document.waived.map((d: { code: string; reason: string }) => d.code)).toEqual(['uncovered-key-person']);
    });

    it('is a realistic workspace: 3+ customers of different tiers, 25+ contacts, 8+ opportunities in every stage', () => {
        const customers = document.customers as Array<{
            tier: string;
            contacts: Array<{ reportsTo: string | null }>;
            opportunities: Array<{ stage: string }>;
            activities: unknown[];
        }>;
        expect(new Set(customers.map(c => c.tier)).size).toBeGreaterThanOrEqual(3);
        const contacts = customers.flatMap(c => c.contacts);
        expect(contacts.length).toBeGreaterThanOrEqual(25);
        expect(contacts.filter(c => c.reportsTo).length).toBeGreaterThanOrEqual(15);
        const stages = customers.flatMap(c => c.opportunities.map(o => o.stage));
        expect(stages.length).toBeGreaterThanOrEqual(8);
        expect(new Set(stages)).toEqual(new Set(['lead', 'opportunity', 'bid', 'won', 'lost']));
        expect(customers.flatMap(c => c.activities).length).toBeGreaterThan(0);
    });

    it('the schema rejects what the contract forbids', () => {
        const broken = structuredClone(document);
        broken.customers[0].contacts[0].support = 5;
        delete broken.customers[0].opportunities[0].qualified;
        broken.diagnostics.push({ file: 'a.acct', line: 0, column: 1, severity: 'fatal', code: 'x', message: '' });
        const errors = validatePlan(broken);
        expect(errors.join('\n')).toMatch(/contacts\/0\/support/);
        expect(errors.join('\n')).toMatch(/qualified/);
        expect(errors.join('\n')).toMatch(/diagnostics\/\d+\/line/);
    });
});
