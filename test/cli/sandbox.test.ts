/** `acct sandbox` as a process (contract 6.5): ranking, ties, unscored, --top, every format, errors. */
import { describe, expect, it } from 'vitest';
import { runCli, tempWorkspace } from '../support/run-cli.js';

const team = 'member alice "Alice"\n';
const deal = (id: string, stage: string, scores = '', extra = '') => `    opportunity ${id} "Deal ${id}" { stage ${stage} amount 2M CNY ${scores} ${extra} }\n`;
const plan = `customer beta "Beta" {
${deal('b1', 'lead', 'space 5 growth 5 profit 5 competition 1')}${deal('b2', 'bid', 'space 3 growth 3 profit 3 competition 3 horizon mid')}${deal('gone', 'won', 'space 5 growth 5 profit 5 competition 1')}${deal('lost', 'lost', 'space 5 growth 5 profit 5 competition 1')}${deal('noscore', 'opportunity', 'space 5 growth 5 profit 5')}}
customer alpha "Alpha" {
${deal('a2', 'opportunity', 'space 3 growth 3 profit 3 competition 3')}${deal('a1', 'opportunity', 'space 3 growth 3 profit 3 competition 3')}${deal('zz', 'lead')}}
`;

function sandbox(args: string[], files: Record<string, string> = { 'team.acct': team, 'plan.acct': plan }) {
    const dir = tempWorkspace(files);
    return runCli(['sandbox', '--today', '2026-11-22', ...args, '.'], { cwd: dir });
}

describe('acct sandbox', () => {
    it('ranks open deals by score, ties by customer id then opportunity id, unscored last; won and lost left out', () => {
        const result = sandbox(['--format', 'json']);
        expect(result.status).toBe(0);
        const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
        expect(rows.map(r => `${r.rank} ${r.customer}/${r.opportunity} ${r.score}`)).toEqual([
            '1 beta/b1 20',
            '2 alpha/a1 12',
            '3 alpha/a2 12',
            '4 beta/b2 12',
            '5 alpha/zz null',
            '6 beta/noscore null',
        ]);
        expect(Object.keys(rows[0]!)).toEqual([
            'rank',
            'customer',
            'opportunity',
            'name',
            'stage',
            'horizon',
            'space',
            'growth',
            'profit',
            'competition',
            'score',
            'amount',
            'pick',
        ]);
        expect(rows[3]).toMatchObject({ stage: 'bid', horizon: 'mid', space: 3, competition: 3, amount: { value: 2000000, currency: 'CNY' }, pick: false });
        expect(rows.every(r => r.pick === false)).toBe(true);
    });

    it('--top N marks the first N as the picks (all of them when N is larger)', () => {
        const rows = JSON.parse(sandbox(['--format', 'json', '--top', '2']).stdout) as Array<{ pick: boolean }>;
        expect(rows.map(r => r.pick)).toEqual([true, true, false, false, false, false]);
        expect((JSON.parse(sandbox(['--format', 'json', '--top', '99']).stdout) as Array<{ pick: boolean }>).every(r => r.pick)).toBe(true);
        expect(sandbox(['--top', 'three']).status).toBe(2);
    });

    it('text: an aligned table with the picks marked, the unscored set apart, and a summary', () => {
        const lines = sandbox(['--top', '1']).stdout.trimEnd().split('\n');
        expect(lines[0]).toMatch(/^#\s+pick\s+opportunity\s+name\s+stage\s+horizon\s+space\s+growth\s+profit\s+competition\s+score\s+amount$/);
        expect(lines[1]).toMatch(/^1\s+★\s+beta\/b1\s+Deal b1\s+lead\s+—\s+5\s+5\s+5\s+1\s+20\s+2M CNY$/);
        expect(lines[2]).not.toMatch(/★/);
        expect(lines[5]).toMatch(/not scored/);
        expect(lines.at(-1)).toBe('6 open opportunities: 4 scored, 2 not scored; 1 pick (★, --top 1).');
        // columns line up: every row's score ends where the header's does
        const scoreEnd = lines[0]!.indexOf('score') + 'score'.length;
        for (const row of [lines[1]!, lines[2]!]) expect(row.slice(0, scoreEnd)).toMatch(/\d$/);
    });

    it('csv: a header row and the same fields, amount as value and currency, quoted where needed', () => {
        const csv = sandbox(['--format', 'csv', '--top', '1'], {
            'team.acct': team,
            'plan.acct':
                'customer c "C" {\n    opportunity o "Wi-Fi, phase \\"2\\"" { stage lead amount 850k HKD space 1 growth 2 profit 3 competition 4 }\n}\n',
        }).stdout;
        expect(csv).toBe(
            'rank,customer,opportunity,name,stage,horizon,space,growth,profit,competition,score,amount,currency,pick\n' +
                '1,c,o,"Wi-Fi, phase ""2""",lead,,1,2,3,4,8,850000,HKD,true\n',
        );
    });

    it('with errors in the plan: exit 1, the errors on standard error, nothing on standard output', () => {
        const result = sandbox([], { 'plan.acct': 'customer c "C" {\n    opportunity o "O" { stage lead space 9 }\n}\n' });
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/out-of-range[\s\S]*no sandbox/);
    });

    it('the bundled examples: the picks of the README', () => {
        const rows = JSON.parse(runCli(['sandbox', 'examples', '--top', '3', '--format', 'json', '--today', '2026-11-22']).stdout) as Array<{
            opportunity: string;
            pick: boolean;
        }>;
        expect(rows.filter(r => r.pick).map(r => r.opportunity)).toEqual(['edgecloud', 'gridsoc', 'substation']);
    });
});
