/**
 * Contract 1.1 (section 6) in the checker, its syntax: every new construct of 6.1 parses and its
 * keywords stay valid ids; codes made of keywords parse as codes; new values out of range and new
 * references unresolved are reported; a declaration holding a syntax error gets only the findings
 * that say the plan is wrong. And the baseline: the deal has no finding, the contract's example
 * still exactly its six.
 */
import { describe, expect, it } from 'vitest';
import { buildWorkspace, contractFiles, rangeAfter, rangeOf, summary } from './helpers.js';
import { check, codes, deal, DEAL, only, TEAM } from './contract-1-1-deal.js';

describe('baseline', () => {
    it('the deal used by these tests has no finding at all', async () => {
        expect(summary((await check(DEAL)).findings())).toBe('');
    });

    it('the contract example still gives exactly its six findings', async () => {
        const w = await buildWorkspace(contractFiles());
        expect(codes(w)).toEqual([
            'incomplete-iron-triangle',
            'no-power-map',
            'opposed-key-person',
            'tier-mismatch',
            'unknown-support',
            'unqualified-opportunity',
        ]);
    });
});

describe('syntax of 6.1', () => {
    it('parses every new construct, and the new keywords stay valid ids', async () => {
        const text =
            deal(
                [
                    'owner alice\n    }',
                    'owner alice\n        competitor-support rival 2\n        competitor-support nokia ?\n        influences li, bo\n        waive unfounded-support "met at the fair"\n    }',
                ],
                [
                    'competitors rival',
                    'competitors rival\n        horizon short space 5 growth 4 profit 3 competition 2\n        waive competitor-ahead "price war, known" until 2027-01-31',
                ],
                ['decision-chain { dana li bo }', 'decision-chain { dana group final li evaluator support 1 group technical bo group selection }'],
                ['standing 3', 'waive stale-contact "reviewed weekly"\n    standing 3'],
            ) + 'customer horizon "Ids" {\n    contact waive "W" { }\n    contact group "G" { reports-to waive }\n    contact severity "S" { }\n}\n';
        const team = TEAM + 'policy {\n    severity single-threaded info\n    severity reports-to off\n}\n';
        const w = await check(text, team);
        expect(w.withCode('syntax')).toEqual([]);
        expect(w.withCode('unresolved-reference')).toEqual([]);
        const plan = w.plan();
        const acme = plan.customers[0]!;
        expect(acme.contacts[0]).toMatchObject({
            competitorSupport: [
                { competitor: 'rival', support: 2 },
                { competitor: 'nokia', support: null },
            ],
            influences: ['li', 'bo'],
        });
        expect(acme.opportunities[0]).toMatchObject({
            horizon: 'short',
            sandbox: { space: 5, growth: 4, profit: 3, competition: 2, score: 5 + 4 + 3 + (6 - 2) },
        });
        expect(acme.opportunities[0]!.decisionChain.map(e => e.group)).toEqual(['final', 'technical', 'selection']);
        expect(plan.customers[1]!.contacts.map(c => c.id)).toEqual(['waive', 'group', 'severity']);
        // `reports-to off` names no code: invalid-code, not a syntax error
        expect(only(w, 'invalid-code').message).toMatch(/'reports-to' is not a check code/);
    });

    it('codes made of keywords parse as codes: reports-to-cycle, decision-maker words, tier-mismatch', async () => {
        const team = TEAM + 'policy {\n    severity tier-mismatch info\n    severity no-decision-maker error\n    severity stale-tier-review off\n}\n';
        const w = await check(deal(['tier value', 'tier core']), team);
        expect(w.withCode('syntax')).toEqual([]);
        expect(only(w, 'tier-mismatch').severity).toBe('info');
        expect(w.withCode('invalid-code')).toEqual([]);
    });

    it('a code written with spaces is a syntax error that says how to write it', async () => {
        const w = await check(deal(['standing 3', 'waive stale - contact "x"\n    standing 3']));
        expect(only(w, 'syntax').message).toMatch(/without spaces: stale-contact/);
    });

    it('space, growth, profit and competition outside 1..5 are out-of-range errors', async () => {
        const text = deal(['competitors rival', 'competitors rival\n        space 0 growth 6 profit 5 competition 1']);
        const w = await check(text);
        expect(w.withCode('out-of-range').map(f => f.range)).toEqual([rangeAfter(text, 'space ', '0'), rangeAfter(text, 'growth ', '6')]);
        expect(w.withCode('syntax')).toEqual([]);
    });

    it('competitor-support out of range is out-of-range; the same competitor twice is a duplicate property', async () => {
        const text = deal(['owner alice\n    }', 'owner alice\n        competitor-support rival 4\n        competitor-support rival 1\n    }']);
        const w = await check(text);
        expect(only(w, 'out-of-range').range).toEqual(rangeAfter(text, 'rival 4', '4'));
        expect(only(w, 'duplicate-property').range.start).toEqual(rangeOf(text, 'competitor-support rival 4').start);
    });

    it('unknown competitors and contacts in the new references are unresolved references', async () => {
        const w = await check(deal(['owner alice\n    }', 'owner alice\n        competitor-support acme 2\n        influences nobody\n    }']));
        expect(
            w
                .withCode('unresolved-reference')
                .map(f => f.message)
                .sort(),
        ).toEqual([expect.stringMatching(/^Unknown competitor 'acme'/), expect.stringMatching(/^Unknown contact 'nobody'/)]);
    });
});

describe('changed in 1.1: a declaration holding a syntax error', () => {
    it('gets only the findings that say the plan is wrong; the rest of the file is checked', async () => {
        const broken =
            deal(
                ['role evaluator support 1 intimacy 1', 'role evaluator support -1 intimacy 9 rol'],
                ['decision-chain { dana li bo }', 'decision-chain { dana li bo ghost }'],
            ) + 'customer other "Other" { tier core }\n';
        const w = await check(broken);
        expect(codes(w)).toEqual(['out-of-range', 'stale-tier-review', 'syntax', 'unresolved-reference']);
        expect(only(w, 'stale-tier-review').message).toMatch(/'other'/);
    });

    it('an unterminated declaration runs to the end of the file', async () => {
        const text = 'customer ok "Ok" { tier core }\ncustomer open "Open" {\n    tier core\n    contact a "A" { support 2 intimacy -2 \n';
        const w = await check(text);
        expect(w.withCode('stale-tier-review').map(f => f.range.start.line)).toEqual([0]);
        expect(w.withCode('rational-turn-risk')).toEqual([]);
    });
});
