/**
 * The elements of an `acct-plan` document as the export writes them, for the tests of what reads
 * a plan (the panel's picture rule, the webview's state, the panel's parts, the Trends model, the
 * browser tests' synthetic plans): every field at its empty value, `over` setting what a test is
 * about. Plain ESM, so that node runs it without a build (test/browser/bench.mjs); the types are
 * in plan-json.d.mts, and test/unit/plan-model.test.ts holds the empty elements to the export's.
 */

/** A contact named after its id in capitals, with nothing else known. */
export function contactJson(id, over = {}) {
    return {
        id,
        name: id.toUpperCase(),
        title: null,
        department: null,
        role: null,
        support: null,
        intimacy: null,
        reportsTo: null,
        lastContact: null,
        owner: null,
        competitorSupport: [],
        influences: [],
        kpis: [],
        pains: [],
        ...over,
    };
}

/** An opportunity at the lead stage, named by its id, unscored. */
export function opportunityJson(id, over = {}) {
    return {
        id,
        name: id,
        stage: 'lead',
        amount: null,
        budget: null,
        start: null,
        qualified: false,
        team: null,
        decisionChain: [],
        competitors: [],
        horizon: null,
        sandbox: { space: null, growth: null, profit: null, competition: null, score: null },
        intent: null,
        solution: null,
        valueProposition: null,
        maturity: 'preliminary',
        ...over,
    };
}

/** A customer named after its id in capitals, standing and cooperation 3 (suggested tier: value), with no elements. */
export function customerJson(id, over = {}) {
    return {
        id,
        name: id.toUpperCase(),
        industry: null,
        standing: 3,
        cooperation: 3,
        tier: null,
        suggestedTier: 'value',
        reviewed: null,
        owner: null,
        organization: null,
        class: null,
        contacts: [],
        opportunities: [],
        activities: [],
        ...over,
    };
}

/** A plan of 2026-11-22 with no file, member, competitor, customer or finding. */
export function planJson(over = {}) {
    return {
        format: 'acct-plan',
        version: 1,
        today: '2026-11-22',
        files: [],
        members: [],
        competitors: [],
        customers: [],
        diagnostics: [],
        waived: [],
        ...over,
    };
}
