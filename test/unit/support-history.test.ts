/**
 * The support of each key person over time (`acct report --since`): the plan at the revision,
 * the changes of each commit since (as `acct diff` reports them, the shape `acct history`
 * gives), and now.
 */
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../server/src/contract/plan-diff.js';
import type { AcctPlanDocument, DecisionChainEntryJson, OpportunityJson } from '../../server/src/contract/plan-types.js';
import { supportOverTime } from '../../server/src/cli/support-history.js';

function plan(chain: Array<[string, DecisionChainEntryJson['support']]>, stage: OpportunityJson['stage'] = 'bid'): AcctPlanDocument {
    const opportunity = {
        id: 'big',
        name: 'Big deal',
        stage,
        amount: null,
        budget: null,
        start: null,
        qualified: false,
        team: null,
        decisionChain: chain.map(([contact, support]) => ({ contact, role: 'evaluator', support, group: null })),
        competitors: [],
        horizon: null,
        sandbox: { space: null, growth: null, profit: null, competition: null, score: null },
    } as unknown as OpportunityJson;
    return {
        format: 'acct-plan',
        version: 1,
        today: '2026-12-06',
        files: ['acme.acct'],
        members: [],
        competitors: [],
        customers: [
            {
                id: 'acme',
                name: 'Acme',
                industry: null,
                standing: null,
                cooperation: null,
                tier: null,
                suggestedTier: null,
                class: null,
                reviewed: null,
                owner: null,
                organization: null,
                contacts: [],
                opportunities: [opportunity],
                activities: [],
            },
        ],
        diagnostics: [],
        waived: [],
    } as AcctPlanDocument;
}

const since = { commit: 'a'.repeat(40), date: '2026-10-01' };

describe('supportOverTime', () => {
    it('with no commits between: the support at the revision and now, per key person', () => {
        const timelines = supportOverTime(
            plan([
                ['boss', 2],
                ['fan', 1],
            ]),
            since,
            [],
            plan([
                ['boss', -1],
                ['fan', 1],
                ['new', null],
            ]),
            '2026-12-06',
        );
        expect(timelines.map(t => [t.contact, t.at, t.points.map(p => [p.date, p.commit, p.support])])).toEqual([
            [
                'boss',
                [0, 0, 0],
                [
                    ['2026-10-01', since.commit, 2],
                    ['2026-12-06', null, -1],
                ],
            ],
            [
                'fan',
                [0, 0, 1],
                [
                    ['2026-10-01', since.commit, 1],
                    ['2026-12-06', null, 1],
                ],
            ],
            // a person added to the chain since: no point at the revision
            ['new', [0, 0, 2], [['2026-12-06', null, null]]],
        ]);
    });

    it("replays each commit's decision-chain changes: a point where the support moved, none where it stayed", () => {
        const p0 = plan([['boss', 2]]);
        const p1 = plan([['boss', 0]]);
        const p2 = plan([
            ['boss', 0],
            ['fan', 1],
        ]);
        const p3 = plan([
            ['boss', 1],
            ['fan', 1],
        ]);
        const commits = [
            { commit: 'b'.repeat(40), date: '2026-10-15', changes: diffPlans(p0, p1, { from: 'a', to: 'b' }).changes },
            { commit: 'c'.repeat(40), date: '2026-11-01', changes: diffPlans(p1, p2, { from: 'b', to: 'c' }).changes },
            { commit: 'd'.repeat(40), date: '2026-11-20', changes: diffPlans(p2, p3, { from: 'c', to: 'd' }).changes },
        ];
        const [boss, fan] = supportOverTime(p0, since, commits, p3, '2026-12-06');
        expect(boss!.points.map(p => [p.date, p.support])).toEqual([
            ['2026-10-01', 2],
            ['2026-10-15', 0],
            ['2026-11-20', 1],
            ['2026-12-06', 1],
        ]);
        expect(fan!.points.map(p => [p.date, p.support])).toEqual([
            ['2026-11-01', 1],
            ['2026-12-06', 1],
        ]);
    });

    it('only active opportunities: a lead or a won deal has no key people to follow', () => {
        expect(supportOverTime(plan([['boss', 2]], 'lead'), since, [], plan([['boss', 2]], 'won'), '2026-12-06')).toEqual([]);
    });
});
