/**
 * Contract 1.2 (sections 7.1–7.3) in the checker: the new syntax, the maturity, the six new checks
 * with their default severities and boundaries, `off` checks turned on by a policy, waivers and
 * severities on the new codes, containment under a syntax error, the amounts people really type,
 * and the export keys of 7.3 against the schema.
 */
import { describe, expect, it } from 'vitest';
import { buildWorkspace, contractFiles, rangeAfter, summary, type TestWorkspace } from './helpers.js';
import { validatePlan } from '../support/schema.js';
import { issueCatalog } from '../../server/src/method/index.js';

const TEAM = 'member alice "Alice Chen"\nmember bob "Bob Li"\nmember carol "Carol Wu"\ncompetitor rival "Rival Corp"\n';

async function check(plan: string, policy = ''): Promise<TestWorkspace> {
    return buildWorkspace({ 'team.acct': TEAM + (policy ? `policy {\n${policy}\n}\n` : ''), 'plan.acct': plan });
}

const codes = (w: TestWorkspace) =>
    w
        .findings('plan.acct')
        .map(f => f.code)
        .sort();

function only(w: TestWorkspace, code: string) {
    const found = w.withCode(code);
    expect(found, `expected one ${code}, got:\n${summary(w.findings())}`).toHaveLength(1);
    return found[0]!;
}

/** A won deal in a customer: nothing but what a test adds is checked. */
const customer = (body: string) => `customer acme "Acme" {\n${body}\n}\n`;

describe('default severities of 7.2', () => {
    it('are those of the table', () => {
        expect({
            'ripe-lead': issueCatalog['ripe-lead'].severity,
            'no-value-proposition': issueCatalog['no-value-proposition'].severity,
            'class-without-partnership': issueCatalog['class-without-partnership'].severity,
            'unverified-opportunity': issueCatalog['unverified-opportunity'].severity,
            'unknown-needs': issueCatalog['unknown-needs'].severity,
            'aimless-activity': issueCatalog['aimless-activity'].severity,
        }).toEqual({
            'ripe-lead': 'info',
            'no-value-proposition': 'info',
            'class-without-partnership': 'warning',
            'unverified-opportunity': 'off',
            'unknown-needs': 'off',
            'aimless-activity': 'off',
        });
    });

    it('the contract example still gives exactly its six findings', async () => {
        const w = await buildWorkspace(contractFiles());
        expect(
            w
                .findings()
                .map(f => f.code)
                .sort(),
        ).toEqual(['incomplete-iron-triangle', 'no-power-map', 'opposed-key-person', 'tier-mismatch', 'unknown-support', 'unqualified-opportunity']);
    });
});

describe('syntax of 7.1 and the export keys of 7.3', () => {
    const full = `customer acme "Acme" {
    class A
    organization match
    contact wang "Wang Lei" {
        role decision-maker support 2 last-contact 2026-11-01
        kpi "network availability 99.999 %"
        pain "OPEX up 12 % a year"
        kpi "5G coverage of every county"
    }
    opportunity core "Core" {
        stage bid budget 3000万 CNY start 2027-03-01 amount 1.2亿 CNY
        intent "tender announced for Q1"
        solution "cloud-native core"
        value-proposition {
            strengths "local delivery team"
            unique-value "half the power per subscriber"
            fit "covers 9 of their 10 requirements"
            difference "the only vendor with a running reference in the province"
        }
        team { ar alice sr bob fr carol }
        decision-chain { wang }
    }
    opportunity lead1 "Lead" { stage lead intent "asked for a quote" solution "edge cloud" }
    opportunity lead2 "Lead 2" { stage lead intent "asked for a quote" }
    activity visit "Visit" { kind visit date 2026-12-01 with wang owner alice status planned objective "agree on the pilot scope" }
}
customer class "Keywords are ids" {
    contact kpi "K" { }
    contact pain "P" { }
    contact S "S" { }
    opportunity intent "I" { }
    activity objective "O" { }
}
`;

    it('parses every construct; the new keywords stay valid ids', async () => {
        const w = await check(full);
        expect(w.withCode('syntax')).toEqual([]);
        expect(w.withCode('unresolved-reference')).toEqual([]);
        const [acme, keywords] = w.plan().customers;
        expect(acme!.class).toBe('A');
        expect(acme!.contacts[0]).toMatchObject({ kpis: ['network availability 99.999 %', '5G coverage of every county'], pains: ['OPEX up 12 % a year'] });
        expect(acme!.opportunities[0]).toMatchObject({
            budget: { value: 30_000_000, currency: 'CNY' },
            amount: { value: 120_000_000, currency: 'CNY' },
            intent: 'tender announced for Q1',
            solution: 'cloud-native core',
            maturity: 'qualified',
            valueProposition: {
                strengths: 'local delivery team',
                uniqueValue: 'half the power per subscriber',
                fit: 'covers 9 of their 10 requirements',
                difference: 'the only vendor with a running reference in the province',
            },
        });
        expect(acme!.opportunities.map(o => o.maturity)).toEqual(['qualified', 'credible', 'preliminary']);
        expect(acme!.activities[0]!.objective).toBe('agree on the pilot scope');
        expect(keywords!.id).toBe('class');
        expect(keywords!.contacts.map(c => c.id)).toEqual(['kpi', 'pain', 'S']);
        expect(keywords!.opportunities[0]).toMatchObject({ id: 'intent', intent: null, solution: null, valueProposition: null, maturity: 'preliminary' });
        expect(keywords!.activities[0]).toMatchObject({ id: 'objective', objective: null });
        expect(keywords!.class).toBeNull();
    });

    it('the export with every new key is valid against the schema', async () => {
        const w = await check(full, '    severity unknown-needs warning\n    severity aimless-activity info\n    severity unverified-opportunity info');
        const plan = w.plan();
        expect(validatePlan(plan)).toEqual([]);
        for (const code of ['unverified-opportunity', 'ripe-lead', 'no-value-proposition']) {
            // the schema's code enum knows the new codes
            expect(
                validatePlan({ ...plan, diagnostics: [{ file: 'plan.acct', line: 1, column: 1, severity: 'info', code, message: 'm', subject: null }] }),
            ).toEqual([]);
        }
        expect(validatePlan({ ...plan, customers: [{ ...plan.customers[0]!, class: 'D' }] })).not.toEqual([]);
    });

    it('each class value, and maturity at its boundaries', async () => {
        for (const value of ['S', 'A', 'B', 'C']) {
            const w = await check(customer(`    class ${value}\n    organization joint`));
            expect(w.withCode('syntax')).toEqual([]);
            expect(w.plan().customers[0]!.class).toBe(value);
        }
        const bad = await check(customer('    class D'));
        expect(bad.withCode('syntax')).toHaveLength(1);
        const w = await check(
            customer(
                [
                    '    opportunity a "A" { budget 1M CNY start 2027-01-01 }',
                    '    opportunity b "B" { budget 1M CNY intent "x" solution "y" }',
                    '    opportunity c "C" { solution "y" }',
                    '    opportunity d "D" { start 2027-01-01 intent "x" }',
                ].join('\n'),
            ),
        );
        expect(w.plan().customers[0]!.opportunities.map(o => o.maturity)).toEqual(['qualified', 'credible', 'preliminary', 'preliminary']);
    });

    it('an empty value-proposition: every part null, and a part written twice is a duplicate-property', async () => {
        const w = await check(
            customer('    opportunity a "A" { stage won value-proposition { } }\n    opportunity b "B" { stage won value-proposition { fit "x" fit "y" } }'),
        );
        const [a, b] = w.plan().customers[0]!.opportunities;
        expect(a!.valueProposition).toEqual({ strengths: null, uniqueValue: null, fit: null, difference: null });
        expect(b!.valueProposition).toMatchObject({ fit: 'y' });
        expect(only(w, 'duplicate-property').message).toMatch(/fit/);
    });

    it('万 and 亿 are × 10,000 and × 100,000,000', async () => {
        const w = await check(customer('    opportunity a "A" { stage won amount 3000万 CNY budget 0.5亿 CNY }'));
        expect(w.plan().customers[0]!.opportunities[0]).toMatchObject({ amount: { value: 30_000_000 }, budget: { value: 50_000_000 } });
        expect(w.findings('plan.acct')).toEqual([]);
    });
});

describe('checks of 7.2', () => {
    it('ripe-lead: a lead with both budget and start, not one with the budget only', async () => {
        const text = customer(
            [
                '    opportunity ripe "Ripe" { stage lead budget 2M CNY start 2027-01-01 }',
                '    opportunity half "Half" { stage lead budget 2M CNY }',
                '    opportunity won "Won" { stage won budget 2M CNY start 2027-01-01 }',
            ].join('\n'),
        );
        const w = await check(text);
        const finding = only(w, 'ripe-lead');
        expect(finding.severity).toBe('info');
        expect(finding.range.start).toEqual(rangeAfter(text, '    ', 'opportunity ripe').start);
        expect(finding.message).toMatch(/'ripe'.*meets the opportunity criteria.*stage opportunity/);
    });

    it('no-value-proposition: a bid without one, or with an empty one; not with one part, not before the bid', async () => {
        const text = customer(
            [
                '    opportunity none "None" { stage bid }',
                '    opportunity empty "Empty" { stage bid value-proposition { } }',
                '    opportunity part "Part" { stage bid value-proposition { difference "the only local team" } }',
                '    opportunity early "Early" { stage opportunity }',
            ].join('\n'),
        );
        const w = await check(text);
        const found = w.withCode('no-value-proposition');
        expect(found.map(f => f.severity)).toEqual(['info', 'info']);
        expect(found[0]!.message).toMatch(/Bid 'none' has no value proposition: 80 % of the result is decided before the tender/);
        expect(found[1]!.message).toMatch(/value-proposition of bid 'empty' is empty/);
        expect(found[1]!.range).toEqual(rangeAfter(text, 'stage bid ', 'value-proposition'));
    });

    it('class-without-partnership: S or A with organization absent, none or communicate', async () => {
        const cases: Array<[string, boolean]> = [
            ['class S', true],
            ['class A\n    organization none', true],
            ['class S\n    organization communicate', true],
            ['class A\n    organization match', false],
            ['class S\n    organization identify', false],
            ['class B', false],
            ['class C\n    organization none', false],
            ['organization none', false],
        ];
        for (const [body, fires] of cases) {
            const w = await check(customer(`    ${body}`));
            expect(
                w.withCode('class-without-partnership').map(f => f.severity),
                body,
            ).toEqual(fires ? ['warning'] : []);
        }
        const w = await check(customer('    class A\n    organization communicate'));
        expect(only(w, 'class-without-partnership').message).toMatch(
            /class A but its organizational relationship is only communicate: S and A customers are where the company builds a strategic partnership/,
        );
    });

    const offChecks = customer(`    contact boss "Boss" { role approver support 1 last-contact 2026-11-01 }
    contact eva "Eva" { role evaluator support 1 last-contact 2026-11-01 }
    contact dm "DM" { role decision-maker support 1 last-contact 2026-11-01 kpi "uptime" }
    opportunity deal "Deal" {
        stage opportunity budget 1M CNY start 2027-01-01 intent "RFQ received"
        team { ar alice sr bob fr carol }
        decision-chain { boss eva dm }
    }
    opportunity done "Done" { stage won }
    activity visit "Visit" { status planned date 2026-12-01 }
    activity met "Met" { status done date 2026-11-01 }
    activity aim "Aim" { status planned date 2026-12-02 objective "pilot scope" }`);

    it('the off checks are silent until a policy turns them on', async () => {
        const silent = await check(offChecks);
        expect(codes(silent)).not.toContain('unverified-opportunity');
        expect(codes(silent)).not.toContain('unknown-needs');
        expect(codes(silent)).not.toContain('aimless-activity');

        const on = await check(offChecks, '    severity unverified-opportunity warning\n    severity unknown-needs error\n    severity aimless-activity info');
        const unverified = only(on, 'unverified-opportunity');
        expect(unverified.severity).toBe('warning');
        expect(unverified.message).toMatch(/'deal' has no solution: a lead that skipped the lead criteria/);
        // one per approver or decision-maker without kpi and pain: boss (not eva, an evaluator; not dm, who has a KPI)
        const needs = only(on, 'unknown-needs');
        expect(needs.severity).toBe('error');
        expect(needs.message).toMatch(/Boss \(boss\), the approver of 'deal', has no KPI and no pain/);
        const aimless = only(on, 'aimless-activity');
        expect(aimless.severity).toBe('info');
        expect(aimless.message).toMatch(/Activity 'visit' is planned without an objective/);
    });

    it('unverified-opportunity names what is missing: intent, solution or both', async () => {
        const w = await check(customer('    opportunity a "A" { stage bid value-proposition { fit "x" } }'), '    severity unverified-opportunity warning');
        expect(only(w, 'unverified-opportunity').message).toMatch(/has no intent and no solution/);
        const lead = await check(customer('    opportunity a "A" { stage lead }'), '    severity unverified-opportunity warning');
        expect(lead.withCode('unverified-opportunity')).toEqual([]);
    });

    it('waivers and severities work on the new codes', async () => {
        const text = customer(
            '    class S\n    waive class-without-partnership "summit planned for March"\n' +
                '    opportunity ripe "Ripe" { stage lead budget 2M CNY start 2027-01-01 }',
        );
        const w = await check(text, '    severity ripe-lead warning');
        expect(w.withCode('class-without-partnership')).toEqual([]);
        expect(w.plan().waived.map(x => x.code)).toEqual(['class-without-partnership']);
        expect(only(w, 'ripe-lead').severity).toBe('warning');
        const off = await check(text, '    severity ripe-lead off\n    severity no-value-proposition error');
        expect(off.withCode('ripe-lead')).toEqual([]);
        expect(off.withCode('invalid-code')).toEqual([]);
    });

    it('a declaration holding a syntax error gets no 1.2 finding; the rest of the file is checked', async () => {
        const text =
            customer('    opportunity broken "Broken" { stage lead budget 2M CNY start 2027-01-01 value-proposition { fit } }') +
            'customer other "Other" {\n    opportunity ripe "Ripe" { stage lead budget 2M CNY start 2027-01-01 }\n}\n' +
            'customer s "S" {\n    class S\n    opportunity b "B" { stage bid ??? }\n}\n';
        const w = await check(text);
        expect(w.withCode('syntax').length).toBeGreaterThan(0);
        // broken (and acme around it) is contained, ripe in another customer is not; customer s holds a
        // syntax error: no class-without-partnership, no no-value-proposition
        expect(w.withCode('ripe-lead').map(f => f.message)).toEqual([expect.stringMatching(/'ripe'/)]);
        expect(w.withCode('class-without-partnership')).toEqual([]);
        expect(w.withCode('no-value-proposition')).toEqual([]);
    });
});

describe('amounts as people type them: one finding per mistake, with the fix', () => {
    const deal = (amount: string) => customer(`    opportunity w "W" {\n        stage won\n        amount ${amount}\n    }`);

    it('30m CNY: did you mean 30M?', async () => {
        const w = await check(deal('30m CNY'));
        expect(w.findings('plan.acct').map(f => `${f.severity} ${f.code}: ${f.message}`)).toEqual([
            "error syntax: '30m' is not an amount: did you mean 30M? The suffixes are k (thousand), M (million), B (billion), 万 and 亿.",
        ]);
    });

    it('30M cny: a lower-case currency stays an error and names the upper-case code', async () => {
        const w = await check(deal('30M cny'));
        expect(w.findings('plan.acct').map(f => `${f.severity} ${f.code}: ${f.message}`)).toEqual([
            "error syntax: 'cny' is not a currency code: write CNY (currency codes are three upper-case letters).",
        ]);
    });

    it('3000万 without a currency: one info with the fix; 3000万元: write CNY', async () => {
        const w = await check(deal('3000万'));
        expect(w.findings('plan.acct').map(f => `${f.severity} ${f.code}: ${f.message}`)).toEqual([
            "info missing-currency: '3000万' has no currency: 万 and 亿 are units, not a currency. Write the currency after it, e.g. 3000万 CNY.",
        ]);
        const yuan = await check(deal('3000万元'));
        expect(yuan.findings('plan.acct').map(f => `${f.code}: ${f.message}`)).toEqual([
            "syntax: '元' is not a currency code: write CNY (currency codes are three upper-case letters).",
        ]);
        // an amount without a currency in k, M or B is as it was (contract section 2): no finding
        expect((await check(deal('30M'))).findings('plan.acct')).toEqual([]);
    });
});
