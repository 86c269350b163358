/**
 * The JSON export (contract section 4): every key present, null / [] for absent values,
 * support ? as null, `qualified`, effective decision-chain values, files by path, the suggested
 * tier, 1-based diagnostics, and the document valid against schema/acct-plan.schema.json.
 */
import { describe, it, expect, afterEach } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { loadWorkspace } from '../../server/src/node/workspace-loader.js';
import { serializePlan } from '../../server/src/plan/plan-json.js';
import type { AcctPlanDocument } from '../../server/src/contract/plan-types.js';
import { buildWorkspace, fixtures, TEAM, TODAY } from './helpers.js';
import { contactJson, customerJson, opportunityJson, planJson } from '../support/plan-json.mjs';

const contractDir = path.join(fixtures, 'contract');
const schemaPath = path.resolve(__dirname, '..', '..', 'schema', 'acct-plan.schema.json');

const temps: string[] = [];
function tempDir(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-plan-'));
    temps.push(dir);
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}
afterEach(() => {
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function loadContract(): Promise<AcctPlanDocument> {
    return (await loadWorkspace([contractDir], { today: TODAY, cwd: contractDir })).plan();
}

/** Loaded from disk once; each test gets its own copy. */
let loaded: Promise<AcctPlanDocument> | undefined;
async function contractPlan(): Promise<AcctPlanDocument> {
    loaded ??= loadContract();
    return structuredClone(await loaded);
}

const NO_SANDBOX = { space: null, growth: null, profit: null, competition: null, score: null };

const keys = {
    // contract 1.1 (section 6.4) adds `today` and `waived` to the document, `competitorSupport` and
    // `influences` to contacts, `horizon` and `sandbox` to opportunities, `group` to chain entries;
    // 1.2 (section 7.3) adds `class` to customers, `kpis` and `pains` to contacts, `intent`,
    // `solution`, `valueProposition` and `maturity` to opportunities, `objective` to activities.
    document: ['format', 'version', 'today', 'files', 'members', 'competitors', 'customers', 'diagnostics', 'waived'],
    customer: [
        'id',
        'name',
        'industry',
        'standing',
        'cooperation',
        'tier',
        'suggestedTier',
        'reviewed',
        'owner',
        'organization',
        'class',
        'contacts',
        'opportunities',
        'activities',
    ],
    contact: [
        'id',
        'name',
        'title',
        'department',
        'role',
        'support',
        'intimacy',
        'reportsTo',
        'lastContact',
        'owner',
        'competitorSupport',
        'influences',
        'kpis',
        'pains',
    ],
    opportunity: [
        'id',
        'name',
        'stage',
        'amount',
        'budget',
        'start',
        'qualified',
        'team',
        'decisionChain',
        'competitors',
        'horizon',
        'sandbox',
        'intent',
        'solution',
        'valueProposition',
        'maturity',
    ],
    activity: ['id', 'name', 'kind', 'date', 'with', 'owner', 'status', 'outcome', 'objective'],
    // contract 1.2 (section 7.3): every finding names its subject
    diagnostic: ['file', 'line', 'column', 'severity', 'code', 'message', 'subject'],
};

function expectKeys(object: object, expected: string[]): void {
    expect(Object.keys(object).sort()).toEqual([...expected].sort());
}

describe('the contract example', () => {
    it('header, files by path, members and competitors in declaration order', async () => {
        const plan = await contractPlan();
        expectKeys(plan, keys.document);
        expect(plan.format).toBe('acct-plan');
        expect(plan.version).toBe(1);
        expect(plan.files).toEqual(['cmgd.acct', 'team.acct']);
        expect(plan.members).toEqual([
            { id: 'alice', name: 'Alice Chen' },
            { id: 'bob', name: 'Bob Li' },
            { id: 'carol', name: 'Carol Wu' },
        ]);
        expect(plan.competitors).toEqual([
            { id: 'ericsson', name: 'Ericsson' },
            { id: 'nokia', name: 'Nokia' },
        ]);
    });

    it('the customer with its suggested tier', async () => {
        const [cmgd] = (await contractPlan()).customers;
        expectKeys(cmgd, keys.customer);
        expect(cmgd).toMatchObject({
            id: 'cmgd',
            name: 'China Mobile Guangdong',
            industry: 'Telecom operator',
            standing: 5,
            cooperation: 4,
            tier: 'strategic',
            suggestedTier: 'excellent',
            reviewed: '2026-10-01',
            owner: 'alice',
            organization: 'match',
        });
    });

    it('contacts: every key, null where absent, support ? as null', async () => {
        const [cmgd] = (await contractPlan()).customers;
        for (const contact of cmgd.contacts) expectKeys(contact, keys.contact);
        expect(cmgd.contacts.map(c => c.id)).toEqual(['zhang', 'wang', 'li', 'zhao', '陈静', 'sun']);
        // every other key at its empty value (the fixture's empty contact is held to the export's below)
        expect(cmgd.contacts[0]).toEqual(contactJson('zhang', { name: 'Zhang Wei', title: 'General Manager', role: 'approver', intimacy: 0 }));
        expect(cmgd.contacts[1]).toEqual({
            id: 'wang',
            name: 'Wang Lei',
            title: 'CTO',
            department: 'Network',
            role: 'decision-maker',
            support: 2,
            intimacy: 1,
            reportsTo: 'zhang',
            lastContact: '2026-11-02',
            owner: 'alice',
            competitorSupport: [],
            influences: [],
            kpis: [],
            pains: [],
        });
        expect(cmgd.contacts[3]).toMatchObject({ id: 'zhao', role: null, support: 1, intimacy: 2, title: null });
        expect(cmgd.contacts[4]).toMatchObject({ id: '陈静', name: '陈静', reportsTo: 'zhao' });
    });

    it('opportunities: money, qualified, team, decision chain with effective role and support', async () => {
        const [cmgd] = (await contractPlan()).customers;
        for (const opportunity of cmgd.opportunities) expectKeys(opportunity, keys.opportunity);
        const [core5g, oss] = cmgd.opportunities;
        expect(core5g).toEqual({
            id: 'core5g',
            name: '5G core expansion',
            stage: 'opportunity',
            amount: { value: 30000000, currency: 'CNY' },
            budget: { value: 12500000, currency: 'CNY' },
            start: '2027-03-01',
            qualified: true,
            team: { ar: 'alice', sr: 'bob', fr: 'carol' },
            decisionChain: [
                { contact: 'zhang', role: 'approver', support: null, group: null },
                { contact: 'wang', role: 'decision-maker', support: 2, group: null },
                { contact: 'li', role: 'evaluator', support: -1, group: null },
            ],
            competitors: ['ericsson', 'nokia'],
            horizon: null,
            sandbox: NO_SANDBOX,
            intent: null,
            solution: null,
            valueProposition: null,
            maturity: 'qualified',
        });
        expect(oss).toEqual(
            opportunityJson('oss', {
                name: 'OSS modernisation',
                stage: 'opportunity',
                amount: { value: 5000000, currency: 'CNY' },
                team: { ar: 'alice', sr: null, fr: null },
            }),
        );
    });

    it('activities', async () => {
        const [cmgd] = (await contractPlan()).customers;
        expect(cmgd.activities).toEqual([
            {
                id: 'hqvisit',
                name: 'Headquarters visit for Li Na',
                kind: 'hq-visit',
                date: '2026-12-05',
                with: ['li'],
                owner: 'alice',
                status: 'planned',
                outcome: '...',
                objective: null,
            },
        ]);
    });

    it('diagnostics: the six findings, sorted, 1-based, relative paths', async () => {
        const plan = await contractPlan();
        for (const d of plan.diagnostics) expectKeys(d, keys.diagnostic);
        expect(plan.diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
            'cmgd.acct:6:10 warning tier-mismatch',
            'cmgd.acct:60:13 warning unknown-support',
            'cmgd.acct:62:13 warning opposed-key-person',
            'cmgd.acct:67:5 warning no-power-map',
            'cmgd.acct:67:5 warning unqualified-opportunity',
            'cmgd.acct:70:9 warning incomplete-iron-triangle',
        ]);
        expect(plan.diagnostics.every(d => d.message.length > 20)).toBe(true);
    });

    it('paths are relative to the current directory, with /', async () => {
        const plan = (await loadWorkspace([contractDir], { today: TODAY, cwd: fixtures })).plan();
        expect(plan.files).toEqual(['contract/cmgd.acct', 'contract/team.acct']);
        expect(new Set(plan.diagnostics.map(d => d.file))).toEqual(new Set(['contract/cmgd.acct']));
    });

    it('is deterministic: two loads serialize byte-identically, two-space indented with a final newline', async () => {
        const a = serializePlan(await loadContract());
        const b = serializePlan(await loadContract());
        expect(a).toBe(b);
        expect(a.endsWith('}\n')).toBe(true);
        expect(a.split('\n')[1]).toBe('  "format": "acct-plan",');
    });
});

describe('absent values', () => {
    it('a bare customer, contact, opportunity and activity: every key, all null or []', async () => {
        const w = await buildWorkspace({
            'plan.acct': 'customer bare "Bare" {\n    contact c "C" { }\n    opportunity o "O" { }\n    activity a "A" { }\n}\n',
        });
        const [customer] = w.plan().customers;
        // the fixtures' every field at its empty value (test/support/plan-json.ts), but for the names and the fields they fill in
        expect(customer).toEqual(
            customerJson('bare', {
                name: 'Bare',
                standing: null,
                cooperation: null,
                suggestedTier: null,
                contacts: [contactJson('c', { name: 'C' })],
                opportunities: [opportunityJson('o', { name: 'O', stage: null })],
                activities: [{ id: 'a', name: 'A', kind: null, date: null, with: [], owner: null, status: null, outcome: null, objective: null }],
            }),
        );
        expect(w.plan().members).toEqual([]);
        expect(w.plan().competitors).toEqual([]);
        // and the fixtures' document has the export's keys
        expect(Object.keys(planJson()).sort()).toEqual(Object.keys(w.plan()).sort());
    });

    it('suggestedTier needs both scores; a decision-chain entry with its own values overrides the contact', async () => {
        const w = await buildWorkspace({
            'team.acct': TEAM,
            'plan.acct': `customer a "A" {
    standing 4
    contact p "P" { role sponsor support 2 }
    contact q "Q" { }
    opportunity o "O" { stage lead decision-chain { p evaluator support -1 q p support ? } }
}
customer b "B" { standing 1 cooperation 4 }
`,
        });
        const [a, b] = w.plan().customers;
        expect(a.suggestedTier).toBeNull();
        expect(b.suggestedTier).toBe('core');
        expect(a.opportunities[0].decisionChain).toEqual([
            { contact: 'p', role: 'evaluator', support: -1, group: null },
            { contact: 'q', role: null, support: null, group: null },
            { contact: 'p', role: 'sponsor', support: null, group: null },
        ]);
        expect(a.opportunities[0].qualified).toBe(false);
    });

    it('suggestedTier follows the whole contract table', async () => {
        const table: Record<number, string[]> = {
            5: ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
            4: ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
            3: ['commercial', 'value', 'value', 'core', 'core'],
            2: ['commercial', 'value', 'value', 'core', 'core'],
            1: ['commercial', 'commercial', 'commercial', 'core', 'core'],
        };
        let text = '';
        for (let s = 1; s <= 5; s++) for (let c = 1; c <= 5; c++) text += `customer c${s}${c} "C" { standing ${s} cooperation ${c} }\n`;
        const w = await buildWorkspace({ 'plan.acct': text });
        const got = Object.fromEntries(w.plan().customers.map(c => [c.id, c.suggestedTier]));
        for (let s = 1; s <= 5; s++) for (let c = 1; c <= 5; c++) expect(got[`c${s}${c}`], `standing ${s}, cooperation ${c}`).toBe(table[s][c - 1]);
    });
});

describe('files and order', () => {
    it('files by path (code-unit order), declarations in file order then declaration order', async () => {
        const dir = tempDir({
            'b.acct': 'member m2 "M2"\ncustomer c2 "C2" { }\n',
            'a/z.acct': 'member m1 "M1"\ncustomer c1 "C1" { }\n',
            'B.acct': 'member m0 "M0"\n',
            'c.acct': 'member m3 "M3"\nmember m4 "M4"\n',
        });
        const plan = (await loadWorkspace(['c.acct', 'b.acct', 'a', 'B.acct'], { today: TODAY, cwd: dir })).plan();
        expect(plan.files).toEqual(['B.acct', 'a/z.acct', 'b.acct', 'c.acct']);
        expect(plan.members.map(m => m.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
        expect(plan.customers.map(c => c.id)).toEqual(['c1', 'c2']);
    });
});

describe('JSON Schema', () => {
    it('the exported document of the contract example and of a bare workspace validate against schema/acct-plan.schema.json', async () => {
        if (!fs.existsSync(schemaPath)) {
            // The schema ships with the project (contract section 4); it must exist.
            expect.fail(`${schemaPath} is missing`);
        }
        const ajv = new Ajv({ allErrors: true, strict: false });
        addFormats(ajv);
        const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
        const plan = JSON.parse(serializePlan(await contractPlan()));
        expect(validate(plan), JSON.stringify(validate.errors, null, 2)).toBe(true);
        const bare = await buildWorkspace({
            'plan.acct':
                'customer bare "Bare" {\n    contact c "C" { support ? }\n    opportunity o "O" { team { } decision-chain { c } }\n    activity a "A" { }\n}\n',
        });
        const barePlan = JSON.parse(serializePlan(bare.plan()));
        expect(validate(barePlan), JSON.stringify(validate.errors, null, 2)).toBe(true);
        // The schema is not vacuous: a missing key or a wrong support value is rejected.
        const broken = structuredClone(plan);
        delete broken.customers[0].contacts[0].support;
        expect(validate(broken)).toBe(false);
        const wrong = structuredClone(plan);
        wrong.customers[0].contacts[1].support = 5;
        expect(validate(wrong)).toBe(false);
    });
});
