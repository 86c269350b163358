/**
 * Property tests over random well-formed plans: contacts with random support, intimacy, roles
 * and reports-to trees; opportunities with random stages, teams and decision chains; values
 * sometimes out of range; properties in random order; customers spread over several files.
 */
import { describe, it, expect, afterAll } from 'vitest';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadWorkspace } from '../../server/src/node/workspace-loader.js';
import { serializePlan } from '../../server/src/plan/plan-json.js';
import { buildWorkspace, TODAY, type TestWorkspace } from './helpers.js';

// --- the model of a generated plan ---------------------------------------------------------------

const ROLES = ['approver', 'decision-maker', 'sponsor', 'evaluator', 'influencer', 'coach'] as const;
const STAGES = ['lead', 'opportunity', 'bid', 'won', 'lost'] as const;
const TIERS = ['excellent', 'strategic', 'core', 'value', 'commercial'] as const;
const ORGANIZATIONS = ['none', 'communicate', 'match', 'joint', 'identify'] as const;
const MEMBERS = ['alice', 'bob', 'carol'];
const COMPETITORS = ['ericsson', 'nokia'];

type SupportGen = number | '?' | undefined;

interface ContactGen {
    role?: string;
    support: SupportGen;
    intimacy?: number;
    /** Index of an earlier contact: the reporting lines form a forest. */
    reportsTo?: number;
    lastContact?: string;
    owner?: string;
    order: number[];
}

interface EntryGen {
    contact: number;
    role?: string;
    support: SupportGen;
}

interface OpportunityGen {
    stage?: string;
    budget?: string;
    start?: string;
    amount?: string;
    team?: { ar?: string; sr?: string; fr?: string };
    chain?: EntryGen[];
    competitors: string[];
}

interface ActivityGen {
    date?: string;
    status?: string;
    with: number[];
}

interface CustomerGen {
    standing?: number;
    cooperation?: number;
    tier?: string;
    reviewed?: string;
    organization?: string;
    owner?: string;
    contacts: ContactGen[];
    opportunities: OpportunityGen[];
    activities: ActivityGen[];
}

interface PlanGen {
    policy?: { staleContactDays?: number; tierReviewDays?: number; generalCoverage?: number };
    customers: CustomerGen[];
}

const date = fc
    .record({ y: fc.integer({ min: 2024, max: 2027 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Mostly in range, sometimes just outside it. */
const support: fc.Arbitrary<SupportGen> = fc.oneof(
    { weight: 8, arbitrary: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant<'?'>('?'), fc.constant(undefined)) },
    { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -3, max: -2 }), fc.integer({ min: 4, max: 6 })) },
);
const intimacy = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -3, max: 3 }) }, { weight: 1, arbitrary: fc.constantFrom(-5, -4, 4, 5) });
const score = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 6, -1) });
const money = fc
    .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('', 'k', 'M', 'B', '.5M'), fc.constantFrom('', ' CNY', ' USD'))
    .map(([n, suffix, currency]) => `${n}${suffix}${currency}`);

const contactArb = (index: number): fc.Arbitrary<ContactGen> =>
    fc.record({
        role: opt(fc.constantFrom(...ROLES)),
        support,
        intimacy: opt(intimacy),
        reportsTo: index === 0 ? fc.constant(undefined) : opt(fc.integer({ min: 0, max: index - 1 })),
        lastContact: opt(date),
        owner: opt(fc.constantFrom(...MEMBERS)),
        order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6 }),
    });

const customerArb: fc.Arbitrary<CustomerGen> = fc.integer({ min: 1, max: 6 }).chain(count =>
    fc.record({
        standing: opt(score),
        cooperation: opt(score),
        tier: opt(fc.constantFrom(...TIERS)),
        reviewed: opt(date),
        organization: opt(fc.constantFrom(...ORGANIZATIONS)),
        owner: opt(fc.constantFrom(...MEMBERS)),
        contacts: fc.tuple(...Array.from({ length: count }, (_, i) => contactArb(i))),
        opportunities: fc.array(
            fc.record({
                stage: opt(fc.constantFrom(...STAGES)),
                budget: opt(money),
                start: opt(date),
                amount: opt(money),
                team: opt(fc.record({ ar: opt(fc.constantFrom(...MEMBERS)), sr: opt(fc.constantFrom(...MEMBERS)), fr: opt(fc.constantFrom(...MEMBERS)) })),
                chain: opt(
                    fc.array(fc.record({ contact: fc.integer({ min: 0, max: count - 1 }), role: opt(fc.constantFrom(...ROLES)), support }), { maxLength: 4 }),
                ),
                competitors: fc.subarray(COMPETITORS),
            }),
            { maxLength: 3 },
        ),
        activities: fc.array(
            fc.record({
                date: opt(date),
                status: opt(fc.constantFrom('planned', 'done', 'cancelled')),
                with: fc.subarray(Array.from({ length: count }, (_, i) => i)),
            }),
            { maxLength: 2 },
        ),
    }),
);

const planArb: fc.Arbitrary<PlanGen> = fc.record({
    policy: opt(
        fc.record({
            staleContactDays: opt(fc.integer({ min: 1, max: 400 })),
            tierReviewDays: opt(fc.integer({ min: 1, max: 800 })),
            generalCoverage: opt(fc.integer({ min: 0, max: 5 })),
        }),
    ),
    customers: fc.array(customerArb, { minLength: 1, maxLength: 3 }),
});

// --- rendering -----------------------------------------------------------------------------------

const contactId = (i: number) => `k${i}`;
const supportText = (value: SupportGen) => (value === undefined ? '' : ` support ${value}`);

function renderContact(contact: ContactGen, i: number): string {
    const props = [
        contact.role ? `role ${contact.role}` : '',
        contact.support !== undefined ? `support ${contact.support}` : '',
        contact.intimacy !== undefined ? `intimacy ${contact.intimacy}` : '',
        contact.reportsTo !== undefined ? `reports-to ${contactId(contact.reportsTo)}` : '',
        contact.lastContact ? `last-contact ${contact.lastContact}` : '',
        contact.owner ? `owner ${contact.owner}` : '',
    ];
    const body = contact.order
        .map(k => props[k])
        .filter(Boolean)
        .map(p => `        ${p}\n`)
        .join('');
    return `    contact ${contactId(i)} "Contact \\"${i}\\"" {\n${body}    }\n`;
}

function renderOpportunity(o: OpportunityGen, i: number): string {
    const lines = [
        o.stage ? `stage ${o.stage}` : '',
        o.amount ? `amount ${o.amount}` : '',
        o.budget ? `budget ${o.budget}` : '',
        o.start ? `start ${o.start}` : '',
        o.team
            ? `team { ${['ar', 'sr', 'fr']
                  .filter(r => o.team![r as 'ar'])
                  .map(r => `${r} ${o.team![r as 'ar']}`)
                  .join(' ')} }`
            : '',
        o.chain
            ? `decision-chain {\n${o.chain.map(e => `            ${contactId(e.contact)}${e.role ? ` ${e.role}` : ''}${supportText(e.support)}\n`).join('')}        }`
            : '',
        o.competitors.length ? `competitors ${o.competitors.join(', ')}` : '',
    ];
    return `    opportunity o${i} "Deal ${i}" {\n${lines
        .filter(Boolean)
        .map(l => `        ${l}\n`)
        .join('')}    }\n`;
}

function renderCustomer(c: CustomerGen, i: number): string {
    const head = [
        c.standing !== undefined ? `standing ${c.standing}` : '',
        c.cooperation !== undefined ? `cooperation ${c.cooperation}` : '',
        c.tier ? `tier ${c.tier}` : '',
        c.reviewed ? `reviewed ${c.reviewed}` : '',
        c.organization ? `organization ${c.organization}` : '',
        c.owner ? `owner ${c.owner}` : '',
    ]
        .filter(Boolean)
        .map(l => `    ${l}\n`)
        .join('');
    const activities = c.activities
        .map(
            (a, j) =>
                `    activity a${j} "Act ${j}" {\n${[
                    a.date ? `date ${a.date}` : '',
                    a.status ? `status ${a.status}` : '',
                    a.with.length ? `with ${a.with.map(contactId).join(', ')}` : '',
                ]
                    .filter(Boolean)
                    .map(l => `        ${l}\n`)
                    .join('')}    }\n`,
        )
        .join('');
    return `// customer ${i}\ncustomer c${i} "Customer ${i}" {\n${head}${c.contacts.map(renderContact).join('')}${c.opportunities.map(renderOpportunity).join('')}${activities}}\n`;
}

function renderFiles(plan: PlanGen): Record<string, string> {
    const policy = plan.policy
        ? `policy {\n${[
              plan.policy.staleContactDays !== undefined ? `    stale-contact-days ${plan.policy.staleContactDays}` : '',
              plan.policy.tierReviewDays !== undefined ? `    tier-review-days ${plan.policy.tierReviewDays}` : '',
              plan.policy.generalCoverage !== undefined ? `    general-coverage ${plan.policy.generalCoverage}` : '',
          ]
              .filter(Boolean)
              .join('\n')}\n}\n`
        : '';
    const files: Record<string, string> = {
        'team.acct': `${MEMBERS.map(m => `member ${m} "${m}"`).join('\n')}\n${COMPETITORS.map(c => `competitor ${c} "${c}"`).join('\n')}\n${policy}`,
    };
    plan.customers.forEach((c, i) => {
        files[`customers/c${i}.acct`] = renderCustomer(c, i);
    });
    return files;
}

// --- expectations from the model ----------------------------------------------------------------

const isActive = (o: OpportunityGen) => o.stage === 'opportunity' || o.stage === 'bid';
const inRange = (value: SupportGen) => value === undefined || value === '?' || (value >= -1 && value <= 3);
const numeric = (value: SupportGen): number | null => (typeof value === 'number' ? value : null);

function outOfRangeCount(plan: PlanGen): number {
    let count = 0;
    for (const c of plan.customers) {
        for (const s of [c.standing, c.cooperation]) if (s !== undefined && (s < 1 || s > 5)) count++;
        for (const k of c.contacts) {
            if (!inRange(k.support)) count++;
            if (k.intimacy !== undefined && (k.intimacy < -3 || k.intimacy > 3)) count++;
        }
        for (const o of c.opportunities) for (const e of o.chain ?? []) if (!inRange(e.support)) count++;
    }
    return count;
}

/** Subjects (`opportunity:c0/o1`, `contact:c0/k2`) of the findings of one code. */
function subjects(w: TestWorkspace, code: string): string[] {
    return w
        .withCode(code)
        .map(f => (f.diagnostic.data as { subject?: string }).subject ?? '?')
        .sort();
}

function expected(plan: PlanGen, pick: (c: CustomerGen, ci: number) => string[]): string[] {
    return plan.customers.flatMap(pick).sort();
}

// --- properties ----------------------------------------------------------------------------------

const RUNS = 40;

/** Every invariant of the checker and the export on one built plan. */
function expectInvariants(plan: PlanGen, w: TestWorkspace): void {
    // Well-formed text: no syntax or linking errors, whatever the values; each out-of-range value once.
    for (const code of ['syntax', 'unresolved-reference', 'duplicate-id', 'reports-to-cycle']) {
        expect(w.withCode(code), code).toEqual([]);
    }
    expect(w.withCode('out-of-range')).toHaveLength(outOfRangeCount(plan));
    expect(w.withCode('out-of-range').every(f => f.severity === 'error')).toBe(true);

    // Opportunity checks fire exactly for the active opportunities that meet their condition.
    const opportunities = (test: (c: CustomerGen, o: OpportunityGen) => boolean) =>
        expected(plan, (c, ci) => c.opportunities.flatMap((o, oi) => (isActive(o) && test(c, o) ? [`opportunity:c${ci}/o${oi}`] : [])));
    const roleOf = (c: CustomerGen, e: EntryGen) => e.role ?? c.contacts[e.contact].role ?? '';
    const supportOf = (c: CustomerGen, e: EntryGen) => numeric(e.support !== undefined ? e.support : c.contacts[e.contact].support);
    const deciding = (role: string) => role === 'approver' || role === 'decision-maker';
    expect(subjects(w, 'unqualified-opportunity')).toEqual(opportunities((_, o) => !o.budget || !o.start));
    expect(subjects(w, 'no-power-map')).toEqual(opportunities((_, o) => !o.chain));
    expect(subjects(w, 'incomplete-iron-triangle')).toEqual(opportunities((_, o) => !o.team?.ar || !o.team?.sr || !o.team?.fr));
    expect(subjects(w, 'no-decision-maker')).toEqual(opportunities((c, o) => !!o.chain && !o.chain.some(e => deciding(roleOf(c, e)))));

    // Decision-chain findings: one per deciding entry with unknown support, one per opposed key person.
    const entries = (test: (role: string, support: number | null) => boolean) =>
        expected(plan, (c, ci) =>
            c.opportunities.flatMap((o, oi) =>
                !isActive(o) ? [] : (o.chain ?? []).filter(e => test(roleOf(c, e), supportOf(c, e))).map(() => `opportunity:c${ci}/o${oi}`),
            ),
        );
    expect(subjects(w, 'unknown-support')).toEqual(entries((role, s) => deciding(role) && s === null));
    expect(subjects(w, 'opposed-key-person')).toEqual(entries((role, s) => (deciding(role) || role === 'evaluator') && s === -1));

    // Contact checks, for contacts whose values are in range.
    const contacts = (test: (k: ContactGen) => boolean) =>
        expected(plan, (c, ci) => c.contacts.flatMap((k, ki) => (test(k) ? [`contact:c${ci}/${contactId(ki)}`] : [])));
    const valid = (k: ContactGen) => inRange(k.support) && (k.intimacy === undefined || Math.abs(k.intimacy) <= 3);
    const validSubjects = new Set(contacts(valid));
    const onValid = (code: string) => subjects(w, code).filter(s => validSubjects.has(s));
    expect(onValid('rational-turn-risk')).toEqual(contacts(k => valid(k) && (numeric(k.support) ?? 0) >= 2 && k.intimacy !== undefined && k.intimacy <= -1));
    expect(onValid('friendly-but-unsupportive')).toEqual(contacts(k => valid(k) && [0, -1].includes(numeric(k.support) ?? NaN) && (k.intimacy ?? 0) >= 2));
    expect(w.withCode('friendly-but-unsupportive').every(f => f.severity === 'info')).toBe(true);

    // The export agrees with the model: qualified iff budget and start; the chain with effective values.
    const exported = w.plan().customers;
    expect(exported.map(c => c.id)).toEqual(plan.customers.map((_, i) => `c${i}`));
    plan.customers.forEach((c, ci) =>
        c.opportunities.forEach((o, oi) => {
            const json = exported[ci].opportunities[oi];
            expect(json.qualified).toBe(!!o.budget && !!o.start);
            expect(json.decisionChain).toEqual(
                (o.chain ?? []).map(e => ({ contact: contactId(e.contact), role: roleOf(c, e) || null, support: supportOf(c, e), group: null })),
            );
        }),
    );
}

describe('random well-formed plans', () => {
    it('checking never throws, out-of-range values are no syntax errors, and every check follows its condition', async () => {
        await fc.assert(
            fc.asyncProperty(planArb, async plan => {
                expectInvariants(plan, await buildWorkspace(renderFiles(plan)));
            }),
            { numRuns: RUNS },
        );
    });

    it('the export is deterministic and does not depend on the order in which files are added', async () => {
        await fc.assert(
            fc.asyncProperty(
                planArb.chain(plan => {
                    const names = Object.keys(renderFiles(plan));
                    return fc.tuple(fc.constant(plan), fc.shuffledSubarray(names, { minLength: names.length }));
                }),
                async ([plan, order]) => {
                    const files = renderFiles(plan);
                    const a = serializePlan((await buildWorkspace(files)).plan());
                    const b = serializePlan((await buildWorkspace(files, { order })).plan());
                    expect(b).toBe(a);
                    expect(JSON.parse(a).files).toEqual([...Object.keys(files)].sort());
                },
            ),
            { numRuns: 15 },
        );
    });
});

describe('the loader', () => {
    const dirs: string[] = [];
    afterAll(() => {
        for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('gives the same document whatever the order of the paths given', async () => {
        await fc.assert(
            fc.asyncProperty(
                planArb.chain(plan => {
                    const names = Object.keys(renderFiles(plan));
                    return fc.tuple(fc.constant(plan), fc.shuffledSubarray(names, { minLength: names.length }));
                }),
                async ([plan, order]) => {
                    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-prop-'));
                    dirs.push(dir);
                    const files = renderFiles(plan);
                    for (const [name, text] of Object.entries(files)) {
                        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
                        fs.writeFileSync(path.join(dir, name), text);
                    }
                    const a = serializePlan((await loadWorkspace(Object.keys(files), { today: TODAY, cwd: dir })).plan());
                    const b = serializePlan((await loadWorkspace(order, { today: TODAY, cwd: dir })).plan());
                    const c = serializePlan((await loadWorkspace(['.'], { today: TODAY, cwd: dir })).plan());
                    expect(b).toBe(a);
                    expect(c).toBe(a);
                },
            ),
            { numRuns: 3 },
        );
    });
});
