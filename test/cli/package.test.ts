/**
 * The package a user installs (issue 24, point 1): its name is not the public registry's `acct`
 * (a stranger's package), its command is `acct`, and `npm pack` gives a tarball that installs
 * offline — the CLI is one bundled file, with no dependency — and runs. The README never tells
 * anyone to run a bare `npx acct`, and its workflows run a Node that is still supported.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { examplesDir, projectRoot } from '../support/run-cli.js';

const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    name: string;
    bin: Record<string, string>;
    dependencies?: Record<string, string>;
};

describe('the package', () => {
    it('is acct-plans, with the command acct, and depends on nothing at run time', () => {
        expect(manifest.name).toBe('acct-plans');
        expect(manifest.bin).toEqual({ acct: 'out/cli.js' });
        expect(manifest.dependencies ?? {}).toEqual({});
    });

    it('npm pack gives a tarball that installs offline and runs acct', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'acct-pack-'));
        // out/ is built by the tests' global set-up: no `prepare` here
        execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: projectRoot, stdio: 'ignore' });
        const tarball = readdirSync(dir).find(name => name.endsWith('.tgz'))!;
        expect(tarball).toBe(`acct-plans-${JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version}.tgz`);
        const prefix = path.join(dir, 'install');
        execFileSync('npm', ['install', '--prefix', prefix, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', path.join(dir, tarball)], {
            stdio: 'ignore',
        });
        expect(readdirSync(path.join(prefix, 'node_modules')).filter(name => !name.startsWith('.'))).toEqual(['acct-plans']);
        const acct = path.join(prefix, 'node_modules', '.bin', 'acct');
        expect(execFileSync(acct, ['--version'], { encoding: 'utf8' })).toBe('0.1.0\n');
        const check = spawnSync(acct, ['check', '--today', '2026-11-22', '.'], {
            cwd: examplesDir,
            encoding: 'utf8',
            env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: undefined },
        });
        expect(check.status).toBe(0);
        expect(check.stdout).toMatch(/^\d+ findings in 6 files: 0 errors, \d+ warnings, \d+ info\.$/m);
    });

    it('the README and the CLI reference never suggest a bare npx acct, and their workflows run Node 22 or later', () => {
        // the README's install and the command line reference moved out of it (docs/cli.md), read as one
        const readme = ['README.md', 'docs/cli.md'].map(file => readFileSync(path.join(projectRoot, file), 'utf8')).join('\n');
        const commands = [...readme.matchAll(/npx (?:--no )?acct\b[^`\n]*/g)].map(m => m[0]);
        expect(commands.length).toBeGreaterThan(3);
        // `npx --no acct` never downloads; the only bare `npx acct` is the warning against it
        expect(commands.filter(c => !c.startsWith('npx --no acct'))).toEqual(['npx acct']);
        const warning = '**Never `npm install acct` or `npx acct` where acct-plans is not installed:**';
        expect(readme).toContain(warning);
        expect([...readme.matchAll(/node-version:\s*(\d+)/g)].map(m => +m[1]!).every(version => version >= 22)).toBe(true);
        expect(readme.replace(warning, '')).not.toMatch(/npm install (?:--save-dev |-D |--global |-g )?acct\b(?!-plans)/);
        const examples = readFileSync(path.join(projectRoot, 'examples/README.md'), 'utf8');
        expect(examples).not.toMatch(/npx acct\b/);
    });
});
