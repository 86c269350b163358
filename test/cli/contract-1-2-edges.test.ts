/**
 * Contract 7.1–7.3 read sentence by sentence, through the built CLI: each check of 7.2 on its
 * boundary and one step either side (effective roles, which organizations, which stages and
 * statuses), the money suffixes as exact decimals, currencies in the wrong case, the new keywords
 * as ids, and the export keys of 7.3. The checks that are off by default are turned on by a
 * policy, as a team would (6.3). Where the contract is silent, the reading is said in the test.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempWorkspace } from '../support/run-cli.js';

interface Finding {
    line: number;
    column: number;
    severity: string;
    code: string;
    message: string;
    subject: string | null;
}

const TODAY = ['--today', '2026-12-01'];
const TEAM = 'member alice "Alice"\nmember bob "Bob"\nmember carol "Carol"\n';
const ON = 'policy {\n    severity unverified-opportunity warning\n    severity unknown-needs warning\n    severity aimless-activity warning\n}\n';

function check(plan: string, policy = ON): Finding[] {
    const dir = tempWorkspace({ 'team.acct': TEAM + policy, 'c.acct': plan });
    const result = runCli(['check', '--format', 'json', ...TODAY, '.'], { cwd: dir });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as Finding[];
}
const codes = (findings: Finding[], code: string) => findings.filter(f => f.code === code);
const exported = (plan: string) => {
    const dir = tempWorkspace({ 'team.acct': TEAM, 'c.acct': plan });
    const result = runCli(['export', ...TODAY, '.'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout) as { customers: Array<{ opportunities: Array<{ id: string; maturity: string; amount: { value: number } }> }> };
};
const deal = (id: string, stage: string, rest = '') => `    opportunity ${id} "${id}" { stage ${stage} ${rest} }\n`;

describe('7.2 unknown-needs: an entry whose effective role is approver or decision-maker, a contact with no kpi and no pain', () => {
    const plan = `customer c "C" {
    contact dm "DM" { role decision-maker support 1 last-contact 2026-11-01 }
    contact ap "AP" { role approver support 1 last-contact 2026-11-01 kpi "uptime" }
    contact pn "PN" { role approver support 1 last-contact 2026-11-01 pain "outages" }
    contact ev "EV" { role evaluator support 1 last-contact 2026-11-01 }
    contact gl "GL" { support 1 last-contact 2026-11-01 }
    opportunity o "O" {
        stage bid budget 1 CNY start 2027-01-01 intent "i" solution "s" value-proposition { fit "f" }
        team { ar alice sr bob fr carol }
        decision-chain { dm ap pn ev gl approver dm evaluator ev decision-maker dm }
    }
${deal('l', 'lead', 'decision-chain { dm }')}${deal('w', 'won', 'decision-chain { dm }')}}
`;
    it('one finding per entry: the plain decision-maker, a general contact made approver, an evaluator made decision-maker, the same contact twice', () => {
        const found = codes(check(plan), 'unknown-needs');
        expect(found.map(f => [f.line, f.column, f.subject])).toEqual([
            [10, 26, 'opportunity:c/o'], // dm
            [10, 38, 'opportunity:c/o'], // gl approver
            [10, 63, 'opportunity:c/o'], // ev decision-maker
            [10, 81, 'opportunity:c/o'], // dm again
        ]);
        expect(found[1]!.message).toMatch(/^GL \(gl\), the approver of 'o', has no KPI and no pain/);
    });

    it('a kpi alone or a pain alone is enough; an evaluator, a decision-maker made evaluator, a lead and a won deal get none; off by default', () => {
        const found = codes(check(plan), 'unknown-needs');
        expect(found.some(f => [29, 32, 35, 50].includes(f.column))).toBe(false);
        expect(codes(check(plan, ''), 'unknown-needs')).toEqual([]);
    });
});

describe('7.2 class-without-partnership: class S or A with organization absent, none or communicate', () => {
    const classes = ['S', 'A', 'B', 'C'];
    const organizations = ['', 'none', 'communicate', 'match', 'joint', 'identify'];
    const plan = classes.flatMap(k => organizations.map(o => `customer ${k}_${o || 'absent'} "x" { class ${k}${o ? ` organization ${o}` : ''} }\n`)).join('');

    it('fires on exactly the six customers that are S or A and below match, on the class value, warning by default', () => {
        const found = codes(check(plan, ''), 'class-without-partnership');
        const lines = plan.split('\n');
        expect(found.map(f => f.subject)).toEqual(['S_absent', 'S_none', 'S_communicate', 'A_absent', 'A_none', 'A_communicate'].map(id => `customer:${id}`));
        expect(found.every(f => f.severity === 'warning' && lines[f.line - 1]!.slice(f.column - 1).startsWith(f.subject!.charAt(9) + ' '))).toBe(true);
        expect(found[2]!.message).toMatch(/is class S but its organizational relationship is only communicate/);
    });
});

describe('7.2 the lead and the bid: ripe-lead, no-value-proposition, unverified-opportunity', () => {
    const plan = `customer c "C" {
${deal('ripe', 'lead', 'budget 1 CNY start 2027-01-01')}${deal('budgetonly', 'lead', 'budget 1 CNY')}${deal('startonly', 'lead', 'start 2027-01-01')}${deal('won', 'won', 'budget 1 CNY start 2027-01-01')}${deal('bare', 'bid')}${deal('empty', 'bid', 'value-proposition { }')}${deal('onepart', 'bid', 'value-proposition { difference "d" } intent "i"')}${deal('blankpart', 'bid', 'value-proposition { fit "" } solution "s"')}${deal('early', 'opportunity', 'intent "" solution ""')}${deal('lost', 'lost')}}
`;
    const found = () => check(plan);

    it('ripe-lead: a lead with both budget and start, info; not with one of them, not past the lead stage', () => {
        expect(codes(found(), 'ripe-lead').map(f => [f.subject, f.severity])).toEqual([['opportunity:c/ripe', 'info']]);
    });

    it('no-value-proposition: a bid without one or with an empty one; one part, even an empty string, is a value proposition', () => {
        const vp = codes(found(), 'no-value-proposition');
        expect(vp.map(f => f.subject)).toEqual(['opportunity:c/bare', 'opportunity:c/empty']);
        expect(vp[1]!.message).toMatch(/is empty: 80 % of the result is decided before the tender/);
    });

    it('unverified-opportunity: an active deal names what is missing; a written string, even empty, is present (our reading)', () => {
        const missing = codes(found(), 'unverified-opportunity').map(f => [f.subject, f.message.replace(/^Opportunity '\w+' has no ([\w ]+?):.*$/, '$1')]);
        expect(missing).toEqual([
            ['opportunity:c/bare', 'intent and no solution'],
            ['opportunity:c/empty', 'intent and no solution'],
            ['opportunity:c/onepart', 'solution'],
            ['opportunity:c/blankpart', 'intent'],
        ]);
    });

    it('maturity: qualified with budget and start (whatever else), credible with intent and solution, else preliminary', () => {
        const maturity = Object.fromEntries(exported(plan).customers[0]!.opportunities.map(o => [o.id, o.maturity]));
        expect(maturity).toEqual({
            ripe: 'qualified',
            budgetonly: 'preliminary',
            startonly: 'preliminary',
            won: 'qualified',
            bare: 'preliminary',
            empty: 'preliminary',
            onepart: 'preliminary',
            blankpart: 'preliminary',
            early: 'credible',
            lost: 'preliminary',
        });
    });
});

describe('7.2 aimless-activity: an activity at status planned without an objective', () => {
    it('fires on planned only: not done, cancelled or without a status; an objective written is enough', () => {
        const plan = `customer c "C" {
    activity p "P" { kind visit status planned }
    activity d "D" { kind visit status done }
    activity x "X" { kind visit status cancelled }
    activity n "N" { kind visit }
    activity o "O" { kind visit status planned objective "sign the MoU" }
}
`;
        expect(codes(check(plan), 'aimless-activity').map(f => f.subject)).toEqual(['activity:c/p']);
        expect(codes(check(plan, ''), 'aimless-activity')).toEqual([]);
    });
});

describe('7.1 money, currencies and keywords', () => {
    it('万 and 亿 give exact values, where binary floating point would not (1.1万, 0.07万, 4.35亿, 0.29亿)', () => {
        const plan = `customer c "C" {
${['1.1万', '0.07万', '4.35亿', '0.29亿', '3000万', '1.2亿'].map((a, i) => deal(`o${i}`, 'won', `amount ${a} CNY`)).join('')}}
`;
        const values = exported(plan).customers[0]!.opportunities.map(o => o.amount.value);
        expect(values).toEqual([11_000, 700, 435_000_000, 29_000_000, 30_000_000, 120_000_000]);
    });

    it('a currency in lower or mixed case is an error whose message names the upper-case code', () => {
        for (const [written, meant] of [
            ['cny', 'CNY'],
            ['Cny', 'CNY'],
            ['usd', 'USD'],
        ]) {
            const [finding] = check(`customer c "C" {\n${deal('o', 'won', `amount 3000万 ${written}`)}}\n`, '');
            expect([finding!.severity, finding!.code]).toEqual(['error', 'syntax']);
            expect(finding!.message).toContain(`write ${meant}`);
        }
    });

    it('the new keywords, the classes and the units stay valid ids', () => {
        const ids = ['intent', 'solution', 'kpi', 'pain', 'objective', 'class', 'strengths', 'fit', 'difference', 'S', 'A', 'B', 'C', '万', '亿'];
        const plan = `customer x "X" {
    class B
    owner B
    contact kpi "K" { kpi "a" pain "b" owner 万 }
    contact pain "P" { reports-to kpi }
    opportunity intent "I" { stage won amount 3B CNY team { ar A sr B fr C } }
    opportunity solution "S" { stage won amount 3亿 CNY team { ar 亿 sr 万 fr class } }
    activity objective "O" { kind visit with kpi, pain owner S status done }
}
`;
        const dir = tempWorkspace({ 'ids.acct': ids.map(id => `member ${id} "${id}"\n`).join(''), 'x.acct': plan });
        const result = runCli(['check', ...TODAY, '.'], { cwd: dir });
        expect(result.stdout).toBe('No findings in 2 files.\n');
        expect(result.status).toBe(0);
    });
});
