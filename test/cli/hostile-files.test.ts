/**
 * The CLI against hostile files and outputs, as a process: each defect found by probing has its
 * regression test — non-regular files, symlinks and loops, non-plans named on the command line,
 * too many files for the open-file limit, a closed pipe, a full disk, `-o` naming a plan with a
 * trailing slash or a special file, stale temporary files of a killed export, file names with a
 * line break.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cliPath, runCli, tempWorkspace } from '../support/run-cli.js';

const plan = 'member alice "Alice"\ncustomer c "C" { tier core reviewed 2026-10-01 standing 1 cooperation 4 }\n';

describe('what acct reads', () => {
    it('skips a FIFO, a device and a symlink loop with one line each, and never blocks on them', () => {
        const dir = tempWorkspace({ 'plan.acct': plan });
        execFileSync('mkfifo', [path.join(dir, 'pipe.acct')]);
        symlinkSync('/dev/zero', path.join(dir, 'zero.acct'));
        symlinkSync('loop.acct', path.join(dir, 'loop.acct'));
        symlinkSync('plan.acct', path.join(dir, 'linked.acct'));
        const result = runCli(['check', '--today', '2026-11-22', '.'], { cwd: dir });
        expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual([
            'acct: loop.acct: a symbolic link that loops back to itself. Fix or remove the link. Skipped.',
            'acct: pipe.acct: not a regular file (a FIFO): skipped.',
            'acct: zero.acct: not a regular file (a device): skipped.',
        ]);
        // the link to a plan is read: the same customer twice is a duplicate (exit 1)
        expect(result.status).toBe(1);
        expect(result.stdout).toMatch(/linked\.acct:2:10: error duplicate-id/);
        const named = runCli(['check', 'pipe.acct'], { cwd: dir });
        expect(named.status).toBe(2);
        expect(named.stderr).toContain('acct: pipe.acct: not a regular file (a FIFO): skipped.');
    });

    it('a file that is not a plan, named on the command line: one line, exit 2', () => {
        const dir = tempWorkspace({ 'README.md': '# notes\n', 'plan.acct': plan });
        const result = runCli(['check', 'README.md'], { cwd: dir });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('acct: README.md: not an .acct file. Give account plans (*.acct), or folders that hold them.\n');
    });

    it('walking `.` skips node_modules and dot-folders', () => {
        const dir = tempWorkspace({ 'plan.acct': plan, 'node_modules/x/a.acct': 'garbage {', '.git/a.acct': 'garbage {', '.vscode-test/b.acct': 'garbage {' });
        const result = runCli(['check', '--today', '2026-11-22'], { cwd: dir });
        expect(result.status).toBe(0);
        expect(result.stdout.trim()).toBe('No findings in 1 file.');
    });

    it('300 files under `ulimit -n 256` are all read', () => {
        const files: Record<string, string> = {};
        for (let i = 0; i < 300; i++) files[`p${i}.acct`] = `member m${i} "M"\n`;
        const dir = tempWorkspace(files);
        const result = spawnSync('bash', ['-c', `ulimit -n 256 && exec "${process.execPath}" "${cliPath}" check .`], { cwd: dir, encoding: 'utf8' });
        expect(result.stderr).toBe('');
        expect(result.stdout.trim()).toBe('No findings in 300 files.');
    });

    it('a file too large to be a plan is refused before it is read', () => {
        const dir = tempWorkspace({});
        execFileSync('truncate', ['-s', '1G', path.join(dir, 'huge.acct')]);
        const result = runCli(['check', 'huge.acct'], { cwd: dir });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('acct: huge.acct: 1024 MB is too large for a plan (at most 16 MB). Is it really an account plan?\n');
    });

    it('a file name with a line break keeps FILE:LINE:COL on one line', () => {
        const dir = tempWorkspace({ 'bad\nname.acct': 'customer c "C" { tier core }\n' });
        const result = runCli(['check', '--today', '2026-11-22', '.'], { cwd: dir });
        const [first, summary] = result.stdout.split('\n');
        expect(first).toMatch(/^"bad\\nname\.acct":1:23: warning stale-tier-review: Customer 'c' has a tier but no review date/);
        expect(summary).toBe('1 finding in 1 file: 0 errors, 1 warning, 0 info.');
    });
});

describe('where acct writes', () => {
    it('a closed pipe ends quietly; a full disk is one line and exit 2', () => {
        const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" check --format json --today 2026-11-22 examples | head -c1`], {
            encoding: 'utf8',
            cwd: path.dirname(path.dirname(cliPath)),
        });
        expect(piped.stdout).toBe('[');
        expect(piped.stderr).toBe('');
        const full = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" export --today 2026-11-22 examples > /dev/full`], {
            encoding: 'utf8',
            cwd: path.dirname(path.dirname(cliPath)),
        });
        expect(full.status).toBe(2);
        expect(full.stderr).toBe('acct: cannot write to standard output (ENOSPC). Check where the output goes (a full disk?).\n');
    });

    it('-o naming a plan with a trailing slash is refused and the plan is untouched', () => {
        const dir = tempWorkspace({ 'team.acct': plan });
        const result = runCli(['export', '-o', 'team.acct/', '.'], { cwd: dir });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/acct never writes \.acct files/);
        expect(readFileSync(path.join(dir, 'team.acct'), 'utf8')).toBe(plan);
        expect(runCli(['export', '-o', 'out/', '.'], { cwd: dir }).stderr).toMatch(/names a folder/);
    });

    it('-o naming /dev/null, a FIFO or a link to standard output writes through, and leaves them as they are', () => {
        const dir = tempWorkspace({ 'team.acct': plan });
        expect(runCli(['export', '-o', '/dev/null', '--today', '2026-11-22', '.'], { cwd: dir }).status).toBe(0);
        expect(existsSync('/dev/null') && readFileSync('/dev/null', 'utf8')).toBe('');
        symlinkSync('/proc/self/fd/1', path.join(dir, 'stdout.json'));
        // standard output a pipe, as in a shell (`acct export -o stdout.json | …`)
        const linked = spawnSync('bash', ['-c', `"${process.execPath}" "${cliPath}" export -o stdout.json --today 2026-11-22 team.acct | cat`], {
            cwd: dir,
            encoding: 'utf8',
        });
        expect(linked.stderr).toBe('');
        expect(JSON.parse(linked.stdout).format).toBe('acct-plan');
        execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
        const read = spawnSync(
            'bash',
            ['-c', `cat fifo.json > got.json & "${process.execPath}" "${cliPath}" export -o fifo.json --today 2026-11-22 team.acct; wait`],
            { cwd: dir, encoding: 'utf8' },
        );
        expect(read.status).toBe(0);
        expect(JSON.parse(readFileSync(path.join(dir, 'got.json'), 'utf8')).format).toBe('acct-plan');
        expect(spawnSync('test', ['-p', path.join(dir, 'fifo.json')]).status).toBe(0);
    });

    it('the temporary files of a killed export are removed by the next one', () => {
        const dir = tempWorkspace({ 'team.acct': plan });
        mkdirSync(path.join(dir, 'out'));
        // a process that no longer exists (pid 2^22 - 1 is above Linux's default pid_max) left its temporary file
        writeFileSync(path.join(dir, 'out', '.plan.json.4194303.0a1b2c3d.tmp'), '{"half');
        writeFileSync(path.join(dir, 'out', `.plan.json.${process.pid}.0a1b2c3d.tmp`), 'a running export');
        expect(runCli(['export', '-o', 'out/plan.json', '--today', '2026-11-22', '.'], { cwd: dir }).status).toBe(0);
        expect(readdirSync(path.join(dir, 'out')).sort()).toEqual([`.plan.json.${process.pid}.0a1b2c3d.tmp`, 'plan.json']);
    });
});
