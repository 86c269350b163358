/**
 * A misspelt item keeps the rest of its block (server/src/language/parser/block-recovery.ts): the parser
 * skips the misspelt item's own `{ … }` (with the blocks inside it) and goes on with the next
 * item, so one mistake is one error and the contacts and deals after it are still in the plan.
 */
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from './helpers.js';

const plan = (typo: string) => `member m "M"
customer c "C" {
    tier core
    reviewed 2026-11-01
    contact a "A" { role decision-maker support 2 intimacy 1 last-contact 2026-11-01 reports-to d }
    ${typo} first "First" { stage lead team { ar m } decision-chain { a } }
    contact d "D" { role evaluator support 1 intimacy 1 last-contact 2026-11-01 }
    opportunity o "O" { stage opportunity budget 1M start 2026-12-01 decision-chain { a d } team { ar m sr m fr m } }
}
`;

describe('a misspelt item in a block', () => {
    it('is one syntax error, and the items after it (with their own blocks) are still read', async () => {
        const w = await buildWorkspace({ 'plan.acct': plan('opportunty') });
        expect(w.withCode('syntax').map(f => f.range.start.line)).toEqual([5]);
        // `reports-to d` still finds d, declared after the mistake
        expect(w.withCode('unresolved-reference')).toEqual([]);
        const customer = w.plan().customers[0]!;
        expect(customer.contacts.map(c => c.id)).toEqual(['a', 'd']);
        expect(customer.opportunities.map(o => [o.id, o.decisionChain.map(e => e.contact)])).toEqual([['o', ['a', 'd']]]);
    });

    it('gives the plan of the correct text, but for the misspelt item', async () => {
        // (the test services are pooled: read each plan before building the next)
        const right = (await buildWorkspace({ 'plan.acct': plan('opportunity') })).plan().customers[0]!;
        expect(right.opportunities.map(o => o.id)).toEqual(['first', 'o']);
        const wrong = (await buildWorkspace({ 'plan.acct': plan('opportunty') })).plan().customers[0]!;
        expect(wrong.contacts).toEqual(right.contacts);
        expect(wrong.opportunities).toEqual(right.opportunities.filter(o => o.id !== 'first'));
    });

    it('a block left open runs to the end of the file: still an error, nothing lost before it', async () => {
        const text = 'customer c "C" {\n    contact a "A" { }\n    contcat b "B" {\n    contact d "D" { }\n';
        const w = await buildWorkspace({ 'plan.acct': text });
        expect(w.withCode('syntax').length).toBeGreaterThanOrEqual(1);
        expect(w.plan().customers[0]!.contacts.map(c => c.id)).toContain('a');
    });
});
