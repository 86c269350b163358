/**
 * The trend model of the Trends view (contract/trends.ts): a pure function from the commits of
 * the history (each with its plan) to one subject's series — the points where it changed, the
 * values after each, and what each commit changed of it.
 */
import { describe, expect, it } from 'vitest';
import {
    keyPeopleWithSupport,
    MAX_CHANGES,
    TrendHistory,
    type PlanChange,
    type AcctPlanDocument,
    type ContactJson,
    type CustomerJson,
    type OpportunityJson,
} from '@acct/contract';
import { textsFor } from '@acct/method';
import { contactJson, customerJson, opportunityJson, planJson } from '../support/plan-json.mjs';

const en = textsFor('en');
const zh = textsFor('zh-CN');

const contact = (id: string, over: Partial<ContactJson> = {}): ContactJson => contactJson(id, over);
const deal = (id: string, over: Partial<OpportunityJson> = {}): OpportunityJson => opportunityJson(id, { name: `Deal ${id}`, ...over });
const customer = (contacts: ContactJson[], opportunities: OpportunityJson[], over: Partial<CustomerJson> = {}): CustomerJson =>
    customerJson('cmgd', { name: 'China Mobile GD', standing: null, cooperation: null, tier: 'core', suggestedTier: null, contacts, opportunities, ...over });
const plan = (customers: CustomerJson[], diagnostics: AcctPlanDocument['diagnostics'] = []): AcctPlanDocument =>
    planJson({ today: '2026-01-01', competitors: [{ id: 'zte', name: 'ZTE' }], customers, diagnostics });
const changed = (element: PlanChange['element'], id: string, field: string, from: unknown, to: unknown): PlanChange => ({
    kind: 'changed',
    element,
    customer: 'cmgd',
    id,
    field,
    from,
    to,
});
const step = (n: number, date: string, changes: PlanChange[] = []) => ({
    commit: `${n}`.padStart(40, '0'),
    date: `${date}T10:00:00Z`,
    author: 'Alice Chen',
    message: `commit ${n}`,
    changes,
});

describe('the trend model', () => {
    it('keeps a point per commit that changed a contact, with its support for us and each competitor, intimacy, role and last contact', () => {
        const history = new TrendHistory();
        history.add(
            step(1, '2026-09-01', [{ kind: 'added', element: 'contact', customer: 'cmgd', id: 'wang', field: null, from: null, to: null }]),
            plan([customer([contact('wang', { support: 1, intimacy: 0, role: 'approver', competitorSupport: [{ competitor: 'zte', support: 2 }] })], [])]),
        );
        // a commit that changes someone else: no point for wang
        history.add(
            step(2, '2026-09-10', [{ kind: 'added', element: 'contact', customer: 'cmgd', id: 'li', field: null, from: null, to: null }]),
            plan([
                customer(
                    [contact('wang', { support: 1, intimacy: 0, role: 'approver', competitorSupport: [{ competitor: 'zte', support: 2 }] }), contact('li')],
                    [],
                ),
            ]),
        );
        history.add(
            step(3, '2026-10-02', [changed('contact', 'wang', 'support', 1, 2)]),
            plan([
                customer(
                    [
                        contact('wang', {
                            support: 2,
                            intimacy: 1,
                            role: 'approver',
                            lastContact: '2026-10-01',
                            competitorSupport: [{ competitor: 'zte', support: 0 }],
                        }),
                        contact('li'),
                    ],
                    [],
                ),
            ]),
        );
        const trend = history.of('contact:cmgd/wang', en)!;
        expect(trend.kind).toBe('contact');
        expect(trend.name).toBe('WANG');
        expect(trend.until).toBe('2026-10-02');
        expect(trend.series.map(s => [s.key, s.scale, s.label])).toEqual([
            ['support', 'support', null],
            ['competitor:zte', 'support', 'ZTE'],
            ['intimacy', 'intimacy', null],
            ['role', 'role', null],
            ['lastContact', 'date', null],
        ]);
        expect(trend.points.map(p => [p.date, p.values.support, p.values['competitor:zte'], p.values.intimacy, p.values.lastContact])).toEqual([
            ['2026-09-01', 1, 2, 0, null],
            ['2026-10-02', 2, 0, 1, '2026-10-01'],
        ]);
        expect(trend.points[1]!.changes).toEqual(['support 1 → 2']);
        expect(trend.points[1]).toMatchObject({ author: 'Alice Chen', message: 'commit 3', commit: '3'.padStart(40, '0') });
    });

    it('follows an opportunity: stage, amount, qualification, and the support of each person of its decision chain', () => {
        const history = new TrendHistory();
        const people = [contact('wang'), contact('fang')];
        history.add(
            step(1, '2026-08-01'),
            plan([customer(people, [deal('core5g', { stage: 'lead', decisionChain: [{ contact: 'fang', role: 'sponsor', support: 0, group: null }] })])]),
        );
        history.add(
            step(2, '2026-09-14', [changed('opportunity', 'core5g', 'stage', 'opportunity', 'bid')]),
            plan([
                customer(people, [
                    deal('core5g', {
                        stage: 'bid',
                        qualified: true,
                        amount: { value: 1200, currency: 'CNY' },
                        decisionChain: [
                            { contact: 'fang', role: 'sponsor', support: 2, group: null },
                            { contact: 'wang', role: 'approver', support: -1, group: null },
                        ],
                    }),
                ]),
            ]),
        );
        const trend = history.of('opportunity:cmgd/core5g', zh)!;
        expect(trend.series.map(s => s.key)).toEqual(['stage', 'amount', 'qualified', 'chain:fang', 'chain:wang']);
        expect(trend.series.find(s => s.key === 'chain:wang')!.label).toBe('WANG');
        expect(
            trend.points.map(p => [p.values.stage, p.values.amount, p.values.qualified, p.values['chain:fang'], p.values['chain:wang'] ?? 'absent']),
        ).toEqual([
            ['lead', null, false, 0, 'absent'],
            ['bid', 1200, true, 2, -1],
        ]);
    });

    it("counts a customer's findings by severity, its tier and its key people with support ≥ 1", () => {
        const history = new TrendHistory();
        const finding = (severity: 'error' | 'warning' | 'info', subject: string) => ({
            file: 'a.acct',
            line: 1,
            column: 1,
            severity,
            code: 'x',
            message: 'm',
            subject: subject as never,
        });
        history.add(
            step(1, '2026-07-01'),
            plan(
                [customer([contact('wang', { role: 'approver', support: 1 }), contact('li', { support: 3 })], [])],
                [finding('warning', 'contact:cmgd/wang'), finding('warning', 'customer:cmgd'), finding('error', 'contact:other/x')],
            ),
        );
        history.add(
            step(2, '2026-07-05', [changed('customer', 'cmgd', 'tier', 'core', 'strategic'), changed('contact', 'li', 'role', null, 'coach')]),
            plan(
                [customer([contact('wang', { role: 'approver', support: 1 }), contact('li', { role: 'coach', support: 3 })], [], { tier: 'strategic' })],
                [finding('info', 'opportunity:cmgd/x')],
            ),
        );
        const trend = history.of('customer:cmgd', en)!;
        expect(trend.points.map(p => [p.values.error, p.values.warning, p.values.info, p.values.tier, p.values.keyPeople])).toEqual([
            [0, 2, 0, 'core', 1],
            [0, 0, 1, 'strategic', 2],
        ]);
        // a customer's point lists what changed inside it, each with the element's id
        expect(trend.points[1]!.changes).toHaveLength(2);
        expect(trend.points[1]!.changes[0]).toBe('tier core → strategic');
        expect(trend.points[1]!.changes[1]).toMatch(/^li: role .* → coach$/);
    });

    it('breaks the lines where a subject leaves the plan, and answers null for one the history never held', () => {
        const history = new TrendHistory();
        history.add(step(1, '2026-01-01'), plan([customer([contact('wang', { support: 1 })], [])]));
        history.add(step(2, '2026-02-01'), plan([customer([], [])]));
        history.add(step(3, '2026-03-01'), plan([customer([contact('wang', { support: 2 })], [])]));
        expect(history.of('contact:cmgd/wang', en)!.points.map(p => p.values.support ?? 'gone')).toEqual([1, 'gone', 2]);
        expect(history.of('contact:cmgd/nobody', en)).toBeNull();
    });

    it('lists at most MAX_CHANGES lines of a commit, then says how many more', () => {
        const history = new TrendHistory();
        const many = Array.from({ length: 12 }, (_, i) => changed('contact', `c${i}`, 'support', 0, 1));
        history.add(
            step(1, '2026-01-01', many),
            plan([
                customer(
                    many.map(c => contact(c.id, { support: 1 })),
                    [],
                ),
            ]),
        );
        const lines = history.of('customer:cmgd', en)!.points[0]!.changes;
        expect(lines).toHaveLength(MAX_CHANGES);
        expect(lines.at(-1)).toBe('… and 5 more');
        expect(history.of('customer:cmgd', zh)!.points[0]!.changes.at(-1)).toBe('……另有 5 项');
    });

    it('counts key people: a role or a place in a decision chain, and support 1 or more (unknown is not support)', () => {
        expect(
            keyPeopleWithSupport({
                contacts: [
                    contact('a', { role: 'coach', support: 1 }),
                    contact('b', { support: 3 }),
                    contact('c', { support: 2 }),
                    contact('d', { role: 'approver', support: null }),
                ],
                opportunities: [deal('x', { decisionChain: [{ contact: 'c', role: null, support: 2, group: null }] })],
            }),
        ).toBe(2);
    });
});
