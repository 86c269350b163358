/**
 * `acct export --format csv --table NAME` as a process: one table per run with a header row,
 * RFC 4180 quoting (commas, quotes, embedded line breaks), Unicode, an optional UTF-8 BOM, and
 * the safe write of `-o`.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempWorkspace } from '../support/run-cli.js';

const team = `member alice "Alice Chen"\nmember bob "Bob Li"\nmember carol "Carol Wu"\ncompetitor nokia "Nokia"\n`;
const plan = `customer acme "Acme, \\"the best\\" Corp" {
    industry "Robotics"
    contact 陈静 "陈静" { title "Head of R&D, Asia" role decision-maker support 2 intimacy 1 last-contact 2026-11-01 owner alice competitor-support nokia 3 kpi "time to market" kpi "R&D budget" pain "slow test labs" }
    contact li "Li Na" { title "The \\"fixer\\"" support ? reports-to 陈静 influences 陈静 }
    opportunity big "Big deal" {
        stage bid amount 1.5M EUR budget 1M EUR start 2027-01-01
        team { ar alice sr bob fr carol }
        decision-chain { 陈静 group final li influencer support 1 }
        competitors nokia
        horizon short space 4 growth 3 profit 2 competition 5
        intent "RFQ received" solution "robot-cell network"
        value-proposition { strengths "local team" difference "one vendor, one support line" }
    }
    activity visit "Visit" { kind visit date 2026-06-01 with 陈静, li status done outcome "Line one\\nline two, with a comma" objective "agree on the pilot" }
    activity fair "Fair" { kind exhibition date 2026-01-10 status planned waive overdue-activity "postponed" }
}
`;

/** A small RFC 4180 reader: records of fields, quotes doubled inside quoted fields. */
function parseCsv(text: string): string[][] {
    const records: string[][] = [];
    let field = '';
    let record: string[] = [];
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            } else if (c === '"') quoted = false;
            else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') {
            record.push(field);
            field = '';
        } else if (c === '\r' && text[i + 1] === '\n') {
            record.push(field);
            records.push(record);
            record = [];
            field = '';
            i++;
        } else field += c;
    }
    if (field || record.length) {
        record.push(field);
        records.push(record);
    }
    return records;
}

function exportTable(dir: string, table: string, extra: string[] = []) {
    return runCli(['export', '--format', 'csv', '--table', table, '--today', '2026-11-22', ...extra], { cwd: dir });
}

describe('acct export --format csv', () => {
    const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': plan });

    it('contacts: a header row, the customer id first, lists in one cell, null as empty', () => {
        const result = exportTable(dir, 'contacts');
        expect(result.status).toBe(0);
        expect(result.stdout.startsWith('\uFEFF')).toBe(false);
        expect(result.stdout.endsWith('\r\n')).toBe(true);
        expect(parseCsv(result.stdout)).toEqual([
            [
                'customer',
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
            [
                'acme',
                '陈静',
                '陈静',
                'Head of R&D, Asia',
                '',
                'decision-maker',
                '2',
                '1',
                '',
                '2026-11-01',
                'alice',
                'nokia 3',
                '',
                'time to market; R&D budget',
                'slow test labs',
            ],
            ['acme', 'li', 'Li Na', 'The "fixer"', '', '', '', '', '陈静', '', '', '', '陈静', '', ''],
        ]);
        // a comma or a quote means quotes; a quote inside is doubled
        expect(result.stdout).toContain(',"Head of R&D, Asia",');
        expect(result.stdout).toContain(',"The ""fixer""",');
    });

    it('opportunities: money, team and sandbox flattened into columns, booleans as true/false', () => {
        const [header, row] = parseCsv(exportTable(dir, 'opportunities').stdout);
        const record = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
        expect(record).toMatchObject({
            'customer': 'acme',
            'id': 'big',
            'amount.value': '1500000',
            'amount.currency': 'EUR',
            'qualified': 'true',
            'team.ar': 'alice',
            'team.fr': 'carol',
            'decisionChain': '陈静; li',
            'competitors': 'nokia',
            'sandbox.score': '10',
            'maturity': 'qualified',
            'intent': 'RFQ received',
            'solution': 'robot-cell network',
            'valueProposition.strengths': 'local team',
            'valueProposition.uniqueValue': '',
            'valueProposition.fit': '',
            'valueProposition.difference': 'one vendor, one support line',
        });
        expect(header![0]).toBe('customer');
    });

    it('decision-chain: one row per entry with its effective role, support and group', () => {
        expect(parseCsv(exportTable(dir, 'decision-chain').stdout)).toEqual([
            ['customer', 'opportunity', 'contact', 'role', 'support', 'group'],
            ['acme', 'big', '陈静', 'decision-maker', '2', 'final'],
            ['acme', 'big', 'li', 'influencer', '1', ''],
        ]);
    });

    it('activities: an embedded line break stays inside its quoted field', () => {
        const result = exportTable(dir, 'activities');
        expect(result.stdout).toContain('"Line one\nline two, with a comma"');
        const rows = parseCsv(result.stdout);
        expect(rows).toHaveLength(3);
        expect(rows[1]).toEqual([
            'acme',
            'visit',
            'Visit',
            'visit',
            '2026-06-01',
            '陈静; li',
            '',
            'done',
            'Line one\nline two, with a comma',
            'agree on the pilot',
        ]);
    });

    it('findings: each with the element it is about; waived ones marked with their reason', () => {
        const rows = parseCsv(exportTable(dir, 'findings').stdout);
        expect(rows[0]).toEqual(['customer', 'element', 'id', 'file', 'line', 'column', 'severity', 'code', 'message', 'waived', 'reason', 'until']);
        const waived = rows.find(r => r[7] === 'overdue-activity')!;
        expect(waived.slice(0, 4)).toEqual(['acme', 'activity', 'fair', 'acme.acct']);
        expect(waived.slice(9)).toEqual(['true', 'postponed', '']);
        expect(rows.filter(r => r[9] === 'false').length).toBeGreaterThan(0);
    });

    it('findings: written whatever the plan holds, errors included, with the exit status of acct check', () => {
        const broken = tempWorkspace({
            'team.acct': team,
            'acme.acct': plan.replace('owner alice competitor', 'owner alcie competitor').replace('tier core', '') + 'customer x "X" {\n',
        });
        const result = exportTable(broken, 'findings', ['-o', 'findings.csv']);
        expect(result).toMatchObject({ status: 1, stdout: '', stderr: '' });
        const rows = parseCsv(readFileSync(path.join(broken, 'findings.csv'), 'utf8'));
        expect(rows.filter(r => r[6] === 'error').map(r => r[7])).toEqual(['unresolved-reference', 'syntax']);
        expect(rows.find(r => r[7] === 'unresolved-reference')?.[8]).toMatch(/^Unknown member 'alcie'/);
        // the other tables still refuse a plan with errors, and write nothing
        const contacts = exportTable(broken, 'contacts', ['-o', 'contacts.csv']);
        expect(contacts.status).toBe(1);
        expect(existsSync(path.join(broken, 'contacts.csv'))).toBe(false);
    });

    it('redacted: withheld intimacy and competitor support read "withheld", never "?" (unknown) or empty', () => {
        const rows = parseCsv(exportTable(dir, 'contacts', ['--redact']).stdout);
        expect(rows[0]![7]).toBe('intimacy');
        expect(rows.slice(1).map(r => [r[7], r[11]])).toEqual([
            ['withheld', 'competitor_1 withheld'],
            ['withheld', ''],
        ]);
        // unredacted, an unknown competitor support is `?`
        const unknown = tempWorkspace({ 'team.acct': team, 'acme.acct': plan.replace('competitor-support nokia 3', 'competitor-support nokia ?') });
        expect(parseCsv(exportTable(unknown, 'contacts').stdout)[1]![11]).toBe('nokia ?');
    });

    it('--bom begins with the UTF-8 byte order mark; -o writes the file safely', () => {
        const result = exportTable(dir, 'contacts', ['--bom', '-o', 'contacts.csv']);
        expect(result.status).toBe(0);
        expect(result.stdout).toBe('');
        const bytes = readFileSync(path.join(dir, 'contacts.csv'));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(bytes.subarray(3).toString('utf8')).toBe(exportTable(dir, 'contacts').stdout);
        const refused = exportTable(dir, 'contacts', ['-o', 'acme.acct']);
        expect(refused.status).toBe(2);
        expect(readFileSync(path.join(dir, 'acme.acct'), 'utf8')).toBe(plan);
    });

    it('bad usage is exit 2 with one clear line', () => {
        for (const [args, message] of [
            [['export', '--format', 'csv'], '--format csv needs --table'],
            [['export', '--table', 'contacts'], '--table writes CSV'],
            [['export', '--bom'], '--bom is for CSV only'],
            [['export', '--format', 'csv', '--table', 'people'], "argument 'people' is invalid"],
        ] as const) {
            const result = runCli([...args], { cwd: dir });
            expect(result.status).toBe(2);
            expect(result.stderr).toContain(message);
        }
        expect(existsSync(path.join(dir, 'people'))).toBe(false);
    });
});
