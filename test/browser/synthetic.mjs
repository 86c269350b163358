// Synthetic plans for the browser tests and the benchmark: deterministic, realistic shapes.
import { contactJson, customerJson, opportunityJson, planJson } from '../support/plan-json.mjs';

const ROLES = ['approver', 'decision-maker', 'sponsor', 'evaluator', 'influencer', 'coach'];
const TIERS = ['excellent', 'strategic', 'core', 'value', 'commercial'];
const SUGGESTED = [
    ['commercial', 'commercial', 'commercial', 'core', 'core'],
    ['commercial', 'value', 'value', 'core', 'core'],
    ['commercial', 'value', 'value', 'core', 'core'],
    ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
    ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
];
const FIRST = [
    'Wei',
    'Lei',
    'Na',
    'Min',
    'Jie',
    'Yang',
    'Bo',
    'Fang',
    'Qiang',
    'Hui',
    'Lu',
    'Tao',
    'Jing',
    'Hao',
    'Lin',
    'Anna',
    'Marco',
    'Sofia',
    'Lars',
    'Priya',
];
const LAST = ['Zhang', 'Wang', 'Li', 'Chen', 'Liu', 'Huang', 'Xu', 'Guo', 'Zhao', 'Sun', 'Ma', 'He', 'Rossi', 'Novak', 'Berg', 'Sharma'];
const TITLES = ['Engineer', 'Senior Engineer', 'Architect', 'Manager', 'Director', 'Procurement Officer', 'Analyst', 'Project Manager'];
const DEPTS = ['Network', 'IT', 'Procurement', 'Operations', 'Finance', 'Planning', 'Security'];

/** Small deterministic PRNG (mulberry32). */
function rng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const GROUPS = ['commercial', 'technical', 'selection', 'final', null];
const HORIZONS = ['short', 'mid', 'long', null];
const NO_SANDBOX = { space: null, growth: null, profit: null, competition: null, score: null };

function emptyPlan(customers) {
    return planJson({
        files: ['plan.acct'],
        members: [{ id: 'alice', name: 'Alice Chen' }],
        competitors: [{ id: 'rival', name: 'Rival Corp' }],
        customers,
    });
}

/** The four sandbox scores and their sum, or none (one opportunity in five is unscored). */
function sandboxOf(rand) {
    if (rand() < 0.2) return { ...NO_SANDBOX };
    const [space, growth, profit, competition] = [0, 0, 0, 0].map(() => 1 + Math.floor(rand() * 5));
    return { space, growth, profit, competition, score: space + growth + profit + 6 - competition };
}

/**
 * One customer with `n` contacts in an org tree (a few levels, some wide teams), about a
 * quarter without role (general layer), plus one opportunity whose chain lists 60 of them (on the bones of its fishbone), 1.1 relations (competitor support, influence).
 * @returns {import('../../server/src/contract/index.js').PlanView}
 */
export function bigCustomerView(n, seed = 1) {
    const rand = rng(seed);
    const contacts = [];
    for (let i = 0; i < n; i++) {
        // tree: 0 is the root; levels of managers with growing fan-out
        let reportsTo = null;
        if (i > 0 && i < 6) reportsTo = 'c0';
        else if (i >= 6 && i < 36) reportsTo = `c${1 + ((i - 6) % 5)}`;
        else if (i >= 36) reportsTo = `c${6 + Math.floor(rand() * 30)}`;
        const general = i > 0 && rand() < 0.25;
        const support = [-1, 0, 1, 2, 3, null][Math.floor(rand() * 6)];
        contacts.push(
            contactJson(`c${i}`, {
                name: `${LAST[Math.floor(rand() * LAST.length)]} ${FIRST[Math.floor(rand() * FIRST.length)]} ${i}`,
                title: TITLES[Math.floor(rand() * TITLES.length)],
                department: DEPTS[Math.floor(rand() * DEPTS.length)],
                role: general ? null : ROLES[Math.floor(rand() * ROLES.length)],
                support,
                intimacy: Math.floor(rand() * 7) - 3,
                reportsTo: general ? null : reportsTo,
                lastContact: '2026-10-01',
                // one person in ten supports the rival; one in twenty influences someone beyond the org chart
                competitorSupport: rand() < 0.1 ? [{ competitor: 'rival', support: Math.floor(rand() * 4) }] : [],
                influences: i > 0 && rand() < 0.05 ? [`c${Math.floor(rand() * i)}`] : [],
            }),
        );
    }
    // the deal's decision chain: 60 people, most of them on a bone of the fishbone
    const chain = contacts
        .filter(c => c.role)
        .slice(0, 60)
        .map(c => ({ contact: c.id, role: c.role, support: c.support, group: GROUPS[Math.floor(rand() * GROUPS.length)] }));
    const customer = customerJson('big', {
        name: 'Big Telecom Group',
        industry: 'Telecom operator',
        standing: 5,
        cooperation: 5,
        tier: 'excellent',
        suggestedTier: 'excellent',
        reviewed: '2026-10-01',
        owner: 'alice',
        organization: 'joint',
        contacts,
        opportunities: [
            opportunityJson('deal', {
                name: 'Nationwide core',
                stage: 'bid',
                amount: { value: 1e8, currency: 'EUR' },
                team: { ar: 'alice', sr: null, fr: null },
                decisionChain: chain,
                competitors: ['rival'],
                horizon: 'short',
                sandbox: { space: 5, growth: 4, profit: 3, competition: 4, score: 14 },
            }),
        ],
    });
    const risky = contacts.map((c, i) => ({ c, i })).filter(({ i }) => i % 17 === 3);
    const plan = emptyPlan([customer]);
    plan.diagnostics = risky.map(({ c, i }) => ({
        file: 'plan.acct',
        line: 10 + i * 8,
        column: 5,
        severity: 'warning',
        code: 'rational-turn-risk',
        message: `${c.name} may turn`,
    }));
    const subjects = risky.map(({ c }) => ({ subject: `contact:big/${c.id}` }));
    return { plan, subjects, hasErrors: false };
}

/** `n` customers spread over the quadrant (clustered, as in a real book of accounts). */
export function manyCustomersView(n, seed = 2) {
    const rand = rng(seed);
    const customers = [];
    for (let i = 0; i < n; i++) {
        const standing = 1 + Math.min(4, Math.floor(rand() * rand() * 6));
        const cooperation = 1 + Math.min(4, Math.floor(rand() * 5));
        const suggested = SUGGESTED[standing - 1][cooperation - 1];
        const tier = rand() < 0.85 ? suggested : TIERS[Math.floor(rand() * 5)];
        customers.push(
            customerJson(`k${i}`, {
                name: `Customer ${i}`,
                standing,
                cooperation,
                tier,
                suggestedTier: suggested,
                // one customer in five has an open opportunity in the strategic sandbox
                opportunities:
                    i % 5
                        ? []
                        : [
                              opportunityJson(`o${i}`, {
                                  name: `Opportunity ${i}`,
                                  stage: ['lead', 'opportunity', 'bid'][i % 3],
                                  horizon: HORIZONS[Math.floor(rand() * HORIZONS.length)],
                                  sandbox: sandboxOf(rand),
                              }),
                          ],
            }),
        );
    }
    return { plan: emptyPlan(customers), subjects: [], hasErrors: false };
}
