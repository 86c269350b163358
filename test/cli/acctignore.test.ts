/**
 * Contract 7.5 through the CLI: a searched folder's `.acctignore` (patterns of `.gitignore`)
 * leaves out the files and folders it matches; a file named on the command line is always read;
 * `acct diff` reads a commit's `.acctignore` the same way; and the repository's own
 * `.acctignore` keeps `acct check` at its root to exactly the findings of `examples/`.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot, runCli, tempWorkspace } from '../support/run-cli.js';

const files = {
    '.acctignore': '# plans written to fail\nfixtures/\n*.draft.acct\n!keep.draft.acct\n',
    'team.acct': 'member alice "Alice Chen"\n',
    'fixtures/broken.acct': 'customer broken "Broken" { standing 9 }\n',
    'sub/old.draft.acct': 'customer draft "Draft" { standing 0 }\n',
    'sub/keep.draft.acct': 'customer kept "Kept" { owner alice }\n',
    'sub/.acctignore': 'local/\n',
    'sub/local/x.acct': 'customer local "Local" { cooperation 7 }\n',
};

describe('.acctignore in the CLI', () => {
    it('check: what the patterns match is not read; a nested .acctignore and a ! pattern work as in git', () => {
        const dir = tempWorkspace(files);
        const result = runCli(['check', '--format', 'json', '--today', '2026-11-22', '.'], { cwd: dir });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual([]);
        const exported = JSON.parse(runCli(['export', '--today', '2026-11-22'], { cwd: dir }).stdout);
        expect(exported.files).toEqual(['sub/keep.draft.acct', 'team.acct']);
    });

    it('a file named explicitly is always read, even when a pattern matches it', () => {
        const dir = tempWorkspace(files);
        const result = runCli(['check', '--today', '2026-11-22', '.', 'fixtures/broken.acct'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stdout).toMatch(/^fixtures\/broken\.acct:1:37: error out-of-range/m);
        expect(result.stdout).not.toMatch(/draft|local/);
    });

    it('a folder given as PATH uses the .acctignore files inside it, not those above it', () => {
        const dir = tempWorkspace(files);
        const result = runCli(['export', '--today', '2026-11-22', 'fixtures'], { cwd: dir });
        expect(result.status).toBe(1); // broken.acct is read: standing 9 is an error
        expect(result.stderr).toMatch(/out-of-range/);
    });

    it('only .acctignore files that match everything: no .acct file found, exit 2', () => {
        const dir = tempWorkspace({ '.acctignore': '*\n', 'a.acct': 'member a "A"\n' });
        const result = runCli(['check', '.'], { cwd: dir });
        expect(result.status).toBe(2);
    });

    it("acct diff reads each commit's .acctignore", () => {
        const repo = tempWorkspace(files);
        const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
        git('init', '-q');
        git('config', 'user.email', 'test@example.com');
        git('config', 'user.name', 'Test');
        git('add', '-A');
        git('commit', '-qm', 'first');
        writeFileSync(path.join(repo, 'fixtures/broken.acct'), 'customer broken "Broken" { standing 8 }\n');
        writeFileSync(path.join(repo, 'sub/keep.draft.acct'), 'customer kept "Kept Corp" { owner alice }\n');
        const result = runCli(['diff', '--format', 'json', '--today', '2026-11-22'], { cwd: repo });
        expect(result.status).toBe(0);
        const report = JSON.parse(result.stdout);
        expect(report.changes).toEqual([{ kind: 'changed', customer: 'kept', element: 'customer', id: 'kept', field: 'name', from: 'Kept', to: 'Kept Corp' }]);
        expect(report.newFindings).toEqual([]);
    });
});

describe("the repository's own .acctignore", () => {
    it('acct check at the root gives exactly the findings of examples/', () => {
        const atRoot = runCli(['check', '--format', 'json', '--today', '2026-11-22'], { cwd: projectRoot });
        const examples = runCli(['check', '--format', 'json', '--today', '2026-11-22', 'examples'], { cwd: projectRoot });
        expect(atRoot.status).toBe(examples.status);
        expect(JSON.parse(atRoot.stdout).length).toBeGreaterThan(0);
        expect(JSON.parse(atRoot.stdout)).toEqual(JSON.parse(examples.stdout));
    });
});
