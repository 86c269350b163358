/**
 * Random well-formed plans for the property tests: the model of a generated plan (contacts with
 * random support, intimacy, roles and reports-to trees; opportunities with random stages, teams
 * and decision chains; values sometimes out of range; properties in random order; customers spread
 * over several files), its fast-check arbitrary, and its text as .acct files.
 */
import * as fc from 'fast-check';

// --- the model of a generated plan ---------------------------------------------------------------

const ROLES = ['approver', 'decision-maker', 'sponsor', 'evaluator', 'influencer', 'coach'] as const;
const STAGES = ['lead', 'opportunity', 'bid', 'won', 'lost'] as const;
const TIERS = ['excellent', 'strategic', 'core', 'value', 'commercial'] as const;
const ORGANIZATIONS = ['none', 'communicate', 'match', 'joint', 'identify'] as const;
const MEMBERS = ['alice', 'bob', 'carol'];
const COMPETITORS = ['ericsson', 'nokia'];

export type SupportGen = number | '?' | undefined;

export interface ContactGen {
    role?: string;
    support: SupportGen;
    intimacy?: number;
    /** Index of an earlier contact: the reporting lines form a forest. */
    reportsTo?: number;
    lastContact?: string;
    owner?: string;
    order: number[];
}

export interface EntryGen {
    contact: number;
    role?: string;
    support: SupportGen;
}

export interface OpportunityGen {
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

export interface CustomerGen {
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

export interface PlanGen {
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

export const planArb: fc.Arbitrary<PlanGen> = fc.record({
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

export const contactId = (i: number) => `k${i}`;
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

export function renderFiles(plan: PlanGen): Record<string, string> {
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
