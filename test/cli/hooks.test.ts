/**
 * The plain git hook (hooks/pre-commit) in a real temporary git repository: it blocks a commit
 * whose staged plans have an error, checks what is staged rather than the working tree, and
 * lets a clean commit through. And what pre-commit installs: the hook definition and the files
 * `npm pack` ships.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cliPath, projectRoot, tempWorkspace } from '../support/run-cli.js';

const team = `member alice "Alice Chen"\nmember bob "Bob Li"\nmember carol "Carol Wu"\n`;
const clean = `customer acme "Acme" {\n    owner alice\n    contact boss "The Boss" { support 1 }\n}\n`;
const broken = `customer acme "Acme" {\n    owner alicia\n    contact boss "The Boss" { support 7 }\n}\n`;

function git(dir: string, args: string[], env: Record<string, string | undefined> = {}) {
    const merged: NodeJS.ProcessEnv = {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.org',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.org',
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: dir,
        ...env,
    };
    for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
    const result = spawnSync('git', args, { cwd: dir, env: merged, encoding: 'utf8' });
    return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** A repository with the hook installed as the README says, and acct run from this build. */
function repository(): string {
    const dir = tempWorkspace({ 'team.acct': team, 'plans/acme.acct': clean, 'notes.txt': 'hello\n' });
    git(dir, ['init', '-q', '-b', 'main']);
    copyFileSync(path.join(projectRoot, 'hooks', 'pre-commit'), path.join(dir, '.git', 'hooks', 'pre-commit'));
    chmodSync(path.join(dir, '.git', 'hooks', 'pre-commit'), 0o755);
    return dir;
}

const withAcct = { ACCT: `${process.execPath} ${cliPath}`, ACCT_PRE_COMMIT_ARGS: '--today 2026-11-22' };
const commits = (dir: string) => git(dir, ['rev-list', '--count', 'HEAD']).output.trim();

describe('hooks/pre-commit (plain git hook)', () => {
    it('lets a clean commit through, blocks one with an error, and checks what is staged', () => {
        const dir = repository();
        git(dir, ['add', '.']);
        const first = git(dir, ['commit', '-q', '-m', 'plans'], withAcct);
        expect(first.status, first.output).toBe(0);
        expect(first.output).toContain('No findings in 2 files.');

        writeFileSync(path.join(dir, 'plans/acme.acct'), broken);
        git(dir, ['add', 'plans/acme.acct']);
        const blocked = git(dir, ['commit', '-q', '-m', 'broken'], withAcct);
        expect(blocked.status).not.toBe(0);
        expect(blocked.output).toContain('plans/acme.acct:3:39: error out-of-range: support 7 is out of range');
        expect(blocked.output).toMatch(/plans\/acme\.acct:2:11: error unresolved-reference: .*alicia/);
        expect(blocked.output).toContain("acct pre-commit: the staged plans do not pass 'acct check'");
        expect(commits(dir)).toBe('1');

        // Fixed in the working tree but not staged: still blocked, the index is what is committed
        writeFileSync(path.join(dir, 'plans/acme.acct'), clean.replace('support 1', 'support 2'));
        expect(git(dir, ['commit', '-q', '-m', 'still broken'], withAcct).status).not.toBe(0);
        expect(commits(dir)).toBe('1');

        git(dir, ['add', 'plans/acme.acct']);
        const fixed = git(dir, ['commit', '-q', '-m', 'fixed'], withAcct);
        expect(fixed.status, fixed.output).toBe(0);
        expect(commits(dir)).toBe('2');
    });

    it('with ACCT_PRE_COMMIT_ARGS=--max-warnings 0 a warning blocks too; a commit without plans is not checked', () => {
        const dir = repository();
        git(dir, ['add', '.']);
        expect(git(dir, ['commit', '-q', '-m', 'plans'], withAcct).status).toBe(0);
        writeFileSync(path.join(dir, 'plans/acme.acct'), clean.replace('    contact boss', '    tier core\n    contact boss'));
        git(dir, ['add', '.']);
        const strict = git(dir, ['commit', '-q', '-m', 'tier'], { ...withAcct, ACCT_PRE_COMMIT_ARGS: '--today 2026-11-22 --max-warnings 0' });
        expect(strict.status).not.toBe(0);
        expect(strict.output).toContain('warning stale-tier-review');
        git(dir, ['reset', '-q', 'plans/acme.acct']);

        writeFileSync(path.join(dir, 'notes.txt'), 'changed\n');
        git(dir, ['add', 'notes.txt']);
        // no plan staged: the hook does not even look for acct
        expect(git(dir, ['commit', '-q', '-m', 'notes'], { ACCT: '/nonexistent/acct' }).status).toBe(0);
    });

    it('says how to install acct when it cannot find it', () => {
        const dir = repository();
        git(dir, ['add', '.']);
        const result = git(dir, ['commit', '-q', '-m', 'plans'], {
            ACCT: undefined,
            PATH: path.dirname(spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim()) + ':/usr/bin:/bin',
        });
        expect(result.status).not.toBe(0);
        expect(result.output).toContain('acct pre-commit: acct is not installed here.');
    });
});

describe('pre-commit framework hook', () => {
    it('.pre-commit-hooks.yaml defines acct-check on the whole workspace', () => {
        const yaml = readFileSync(path.join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8');
        const hook = yaml.slice(yaml.indexOf('- id: acct-check'));
        for (const line of ['entry: acct check', 'language: node', 'files: \\.acct$', 'pass_filenames: false']) {
            expect(hook).toContain(`  ${line}\n`);
        }
    });

    it('npm pack ships the bundled CLI (its launcher under the bin name), the git hook and the schema, no sources', () => {
        const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: projectRoot, encoding: 'utf8' });
        const files = (JSON.parse(packed.stdout)[0].files as { path: string }[]).map(f => f.path).sort();
        expect(files).toEqual([
            'CHANGELOG.md',
            'LICENSE',
            'README.md',
            'hooks/pre-commit',
            'out/cli-main.js',
            'out/cli.js',
            'package.json',
            'schema/acct-plan.schema.json',
        ]);
        const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
        expect(manifest.bin.acct).toBe('out/cli.js');
        expect(manifest.scripts.prepare).toMatch(/esbuild\.mjs/);
        expect(readFileSync(cliPath, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    });
});
