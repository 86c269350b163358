/**
 * The CLI as a process (contract section 5): output formats, exit statuses, bad input, and the
 * atomic export.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { projectRoot, runCli, tempWorkspace } from '../support/run-cli.js';
import { healthy, team } from '../support/sample-plans.js';

const unqualified = `customer acme "Acme" {
    contact boss "The Boss" { role decision-maker support 2 intimacy 1 last-contact 2026-11-01 }
    contact fan "A Fan" { support 1 intimacy 1 }
    opportunity big "Big deal" {
        stage opportunity
        team { ar alice sr bob fr carol }
        decision-chain { boss }
    }
}
`;
const broken = `customer acme "Acme" {\n    contact boss "The Boss" { support 7 }\n    contact x { }\n}\n`;

describe('acct check', () => {
    it('prints FILE:LINE:COLUMN: SEVERITY CODE: MESSAGE sorted, then a summary, and exits 0 with warnings only', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'b.acct': unqualified, 'a.acct': healthy.replace('acme', 'other').replace('Acme', 'Other') });
        const result = runCli(['check', '--today', '2026-11-22', '.'], { cwd: dir });
        expect(result.status).toBe(0);
        const lines = result.stdout.trim().split('\n');
        expect(lines[0]).toMatch(
            /^b\.acct:4:5: warning unqualified-opportunity: Opportunity 'big' has no confirmed budget and no start date: it is still a lead\./,
        );
        expect(lines.at(-1)).toBe('1 finding in 3 files: 0 errors, 1 warning, 0 info.');
    });

    it('says so when there is nothing to report', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': healthy });
        const result = runCli(['check', '--today', '2026-11-22'], { cwd: dir });
        expect(result.status).toBe(0);
        expect(result.stdout.trim()).toBe('No findings in 2 files.');
    });

    it('exits 1 on errors and still reports the rest of the file', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': broken });
        const result = runCli(['check', '--today', '2026-11-22', 'acme.acct', 'team.acct'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stdout).toContain('acme.acct:2:39: error out-of-range: support 7 is out of range');
        expect(result.stdout).toMatch(/acme\.acct:3:\d+: error syntax:/);
    });

    it('--format json prints the diagnostics array of the export', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': unqualified });
        const result = runCli(['check', '--format', 'json', '--today', '2026-11-22'], { cwd: dir });
        const diagnostics = JSON.parse(result.stdout);
        expect(diagnostics).toEqual([
            {
                file: 'acme.acct',
                line: 4,
                column: 5,
                severity: 'warning',
                code: 'unqualified-opportunity',
                message: expect.stringContaining('no confirmed budget and no start date'),
                subject: 'opportunity:acme/big',
            },
        ]);
    });

    it('--format github prints workflow annotations with escaped properties', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'dir, with comma/acme.acct': unqualified });
        const result = runCli(['check', '--format', 'github', '--today', '2026-11-22'], { cwd: dir });
        expect(result.stdout.trim()).toMatch(
            /^::warning file=dir%2C with comma\/acme\.acct,line=4,col=5,title=unqualified-opportunity::Opportunity 'big' has no confirmed budget/,
        );
    });

    it('--max-warnings makes too many warnings fail', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': unqualified });
        expect(runCli(['check', '--max-warnings', '1', '--today', '2026-11-22'], { cwd: dir }).status).toBe(0);
        const over = runCli(['check', '--max-warnings', '0', '--today', '2026-11-22'], { cwd: dir });
        expect(over.status).toBe(1);
        // on standard error whatever the format, in plain English (issue: editor and views that feel finished)
        expect(over.stderr).toContain('1 warning exceeds --max-warnings 0');
        expect(runCli(['check', '--max-warnings', '0', '--format', 'json', '--today', '2026-11-22'], { cwd: dir }).stderr).toBe(
            'acct: 1 warning exceeds --max-warnings 0.\n',
        );
    });

    it('contract 1.1: a policy severity changes the exit status; a waived warning leaves --max-warnings', () => {
        const raised = tempWorkspace({ 'team.acct': team + 'policy { severity unqualified-opportunity error }\n', 'acme.acct': unqualified });
        const failing = runCli(['check', '--today', '2026-11-22', '.'], { cwd: raised });
        expect(failing.status).toBe(1);
        expect(failing.stdout).toMatch(/acme\.acct:4:5: error unqualified-opportunity/);
        expect(runCli(['export', '--today', '2026-11-22', '.'], { cwd: raised }).status).toBe(1);
        const off = tempWorkspace({ 'team.acct': team + 'policy { severity unqualified-opportunity off }\n', 'acme.acct': unqualified });
        expect(runCli(['check', '--today', '2026-11-22', '--max-warnings', '0', '.'], { cwd: off }).status).toBe(0);
        const waived = tempWorkspace({
            'team.acct': team,
            'acme.acct': unqualified.replace(
                'stage opportunity',
                'stage opportunity\n        waive unqualified-opportunity "budget approved in the board minutes" until 2026-12-31',
            ),
        });
        const result = runCli(['check', '--today', '2026-11-22', '--max-warnings', '0', '.'], { cwd: waived });
        expect(result.status).toBe(0);
        expect(result.stdout.trim()).toBe('No findings in 2 files.');
        const exported = JSON.parse(runCli(['export', '--today', '2026-11-22', '.'], { cwd: waived }).stdout) as {
            waived: Array<{ code: string; reason: string }>;
            today: string;
        };
        expect(exported.today).toBe('2026-11-22');
        expect(exported.waived.map(w => [w.code, w.reason])).toEqual([['unqualified-opportunity', 'budget approved in the board minutes']]);
        const expired = runCli(['check', '--today', '2027-01-01', '--max-warnings', '0', '.'], { cwd: waived });
        expect(expired.status).toBe(1);
        expect(expired.stdout).toMatch(/warning expired-waiver/);
    });

    it('takes today from --today, else ACCT_TODAY', () => {
        const dir = tempWorkspace({
            'team.acct': team,
            'acme.acct': `customer acme "Acme" {\n  activity call "Call" { status planned date 2026-06-01 }\n}\n`,
        });
        expect(runCli(['check', '--today', '2026-05-01'], { cwd: dir }).stdout).toContain('No findings');
        expect(runCli(['check'], { cwd: dir, env: { ACCT_TODAY: '2026-05-01' } }).stdout).toContain('No findings');
        const late = runCli(['check'], { cwd: dir, env: { ACCT_TODAY: '2026-06-03' } });
        expect(late.stdout).toContain("warning overdue-activity: Activity 'call' was planned for 2026-06-01, 2 days ago");
    });

    it('exits 2 with one clear line for bad usage and bad paths, never a stack trace', () => {
        const dir = tempWorkspace({ 'notes.txt': 'hello' });
        const cases: Array<[string[], RegExp]> = [
            [['check', 'missing-folder'], /^acct: missing-folder: no such file or folder\. Check the path\.\n$/],
            [
                ['check', '.'],
                /^acct: no \.acct file found in the current folder \(\/.*acct-test-\w+\) or below\. Give a folder that holds account plans, or \.acct files\.\n$/,
            ],
            [['check', '--today', '2026-13-01'], /--today.*expected a date YYYY-MM-DD/],
            [['check', '--format', 'xml'], /--format.*xml/],
            [['check', '--max-warnings', 'many'], /--max-warnings.*whole number/],
            [['frobnicate'], /unknown command 'frobnicate'/],
        ];
        for (const [args, pattern] of cases) {
            const result = runCli(args, { cwd: dir });
            expect(result.status, args.join(' ')).toBe(2);
            expect(result.stderr, args.join(' ')).toMatch(pattern);
            expect(result.stderr).not.toMatch(/\n\s+at /);
        }
    });

    it('rejects a file that is not UTF-8, naming the file and line', () => {
        const dir = tempWorkspace({
            'latin1.acct': Buffer.concat([Buffer.from('member a "A"\nmember b "'), Buffer.from([0xe9]), Buffer.from('"\n')]),
        });
        const result = runCli(['check'], { cwd: dir });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('acct: latin1.acct:2: not valid UTF-8. Save the file as UTF-8.\n');
    });

    it('rejects an unreadable file', () => {
        const dir = tempWorkspace({ 'secret.acct': team });
        chmodSync(dir, 0o755);
        chmodSync(path.join(dir, 'secret.acct'), 0o000);
        // root reads any file: as root (CI, containers) the CLI runs as `nobody`, for whom the file is unreadable
        const asRoot = process.getuid?.() === 0;
        const result = asRoot
            ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, path.join(projectRoot, 'out', 'cli.js'), 'check'], {
                  cwd: dir,
                  env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
                  encoding: 'utf8',
              })
            : runCli(['check'], { cwd: dir });
        expect('error' in result ? result.error : undefined, 'setpriv (util-linux) runs the CLI as nobody').toBeUndefined();
        expect(result.status).toBe(2);
        expect(result.stderr).toBe(`acct: secret.acct: cannot be read (EACCES). Check that it is a readable file.\n`);
    });

    it('accepts a leading BOM and CRLF line endings', () => {
        const dir = tempWorkspace({ 'team.acct': '\uFEFF' + team.replace(/\n/g, '\r\n'), 'acme.acct': '\uFEFF' + unqualified.replace(/\n/g, '\r\n') });
        const result = runCli(['check', '--format', 'json', '--today', '2026-11-22'], { cwd: dir });
        expect(result.status).toBe(0);
        expect(JSON.parse(result.stdout).map((d: { code: string; line: number; column: number }) => [d.code, d.line, d.column])).toEqual([
            ['unqualified-opportunity', 4, 5],
        ]);
    });
});

describe('acct export', () => {
    it('writes the document to standard output, or atomically into -o FILE', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': unqualified });
        const stdout = runCli(['export', '--today', '2026-11-22'], { cwd: dir });
        expect(stdout.status).toBe(0);
        const document = JSON.parse(stdout.stdout);
        expect(document.format).toBe('acct-plan');
        expect(document.files).toEqual(['acme.acct', 'team.acct']);
        const toFile = runCli(['export', '--today', '2026-11-22', '-o', 'plan.json'], { cwd: dir });
        expect(toFile.status).toBe(0);
        expect(toFile.stdout).toBe('');
        expect(readFileSync(path.join(dir, 'plan.json'), 'utf8')).toBe(stdout.stdout);
        // No temporary file is left behind.
        expect(readdirSync(dir).sort()).toEqual(['acme.acct', 'plan.json', 'team.acct']);
    });

    it('with an error, exits 1, prints the errors and leaves FILE untouched', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': broken, 'plan.json': '{"previous": true}\n' });
        const result = runCli(['export', '-o', 'plan.json'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('acme.acct:2:39: error out-of-range');
        expect(result.stderr).toContain('nothing exported');
        expect(readFileSync(path.join(dir, 'plan.json'), 'utf8')).toBe('{"previous": true}\n');
        const fresh = runCli(['export', '-o', 'new.json'], { cwd: dir });
        expect(fresh.status).toBe(1);
        expect(existsSync(path.join(dir, 'new.json'))).toBe(false);
    });

    it('never writes an .acct file and reports an unwritable target clearly', () => {
        const dir = tempWorkspace({ 'team.acct': team });
        const before = readFileSync(path.join(dir, 'team.acct'), 'utf8');
        const result = runCli(['export', '-o', 'team.acct'], { cwd: dir });
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('never writes .acct files');
        expect(readFileSync(path.join(dir, 'team.acct'), 'utf8')).toBe(before);
        const missing = runCli(['export', '-o', 'no/such/folder/plan.json'], { cwd: dir });
        expect(missing.status).toBe(2);
        expect(missing.stderr).toMatch(/^acct: -o no\/such\/folder\/plan\.json: cannot write the file \(ENOENT\)/);
    });

    it('is byte-identical across runs and independent of the order of the paths given', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': unqualified, 'sub/other.acct': healthy.replace(/acme/g, 'other') });
        const first = runCli(['export', '--today', '2026-11-22', 'team.acct', 'acme.acct', 'sub'], { cwd: dir });
        const second = runCli(['export', '--today', '2026-11-22', 'sub', 'acme.acct', 'team.acct'], { cwd: dir });
        expect(first.status).toBe(0);
        expect(second.stdout).toBe(first.stdout);
        writeFileSync(path.join(dir, 'out.json'), first.stdout);
        expect(JSON.parse(first.stdout).files).toEqual(['acme.acct', 'sub/other.acct', 'team.acct']);
    });
});
