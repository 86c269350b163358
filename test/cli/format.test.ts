/**
 * `acct format`: prints a plan laid out as Format Document lays it out; `--check` fails CI on a
 * plan that is not; `--write` rewrites plans in place, atomically, and only regular `.acct` files.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, linkSync, openSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { cliPath, examplesDir, runCli, tempWorkspace } from '../support/run-cli.js';

describe('acct format', () => {
    it('--check passes on the examples, which are formatted', () => {
        const result = runCli(['format', '--check', 'examples']);
        expect(result.stdout).toBe('6 files are formatted.\n');
        expect(result.status).toBe(0);
    });

    it('--check names each plan that is not formatted, from the first line that would change, and exits 1', () => {
        const dir = tempWorkspace({ 'a.acct': 'member a "A"\n', 'plans/b.acct': 'customer c "C" {\n    tier core\n\n\n  standing 3\n}\n' });
        const result = runCli(['format', '--check'], { cwd: dir });
        expect(result.stdout).toBe(
            'plans/b.acct:5: not formatted from this line on (Format Document in VS Code, or acct format plans/b.acct to see the layout).\n1 of 2 files is not formatted.\n',
        );
        expect(result.status).toBe(1);
    });

    it('prints one plan formatted, and never writes it', () => {
        const text = 'customer c "C"{ tier core\n  standing 3 }\n';
        const dir = tempWorkspace({ 'c.acct': text });
        const result = runCli(['format', 'c.acct'], { cwd: dir });
        expect(result.stdout).toBe('customer c "C" {\n    tier core\n    standing 3\n}\n');
        expect(readFileSync(path.join(dir, 'c.acct'), 'utf8')).toBe(text);
        expect(runCli(['format', 'c.acct', path.join(examplesDir, 'team.acct')], { cwd: dir })).toMatchObject({
            status: 2,
            stderr: 'acct: give one file to print it formatted, --check to check several, or --write to rewrite them in place.\n',
        });
    });

    it('--write rewrites in place the plans that are not formatted, keeping their mode and byte order mark, and names them', () => {
        const unformatted = 'customer c "C"{ tier core\n  standing 3 }\n';
        const formatted = 'customer c "C" {\n    tier core\n    standing 3\n}\n';
        const dir = tempWorkspace({ 'plans/c.acct': unformatted, 'plans/bom.acct': '\uFEFF' + unformatted, 'team.acct': 'member a "A"\n' });
        chmodSync(path.join(dir, 'plans/c.acct'), 0o640);
        const before = statSync(path.join(dir, 'team.acct')).mtimeMs;
        const result = runCli(['format', '--write'], { cwd: dir });
        expect(result).toMatchObject({ status: 0, stdout: 'plans/bom.acct: formatted.\nplans/c.acct: formatted.\n2 of 3 files rewritten.\n', stderr: '' });
        expect(readFileSync(path.join(dir, 'plans/c.acct'), 'utf8')).toBe(formatted);
        expect(readFileSync(path.join(dir, 'plans/bom.acct'), 'utf8')).toBe('\uFEFF' + formatted);
        expect(statSync(path.join(dir, 'plans/c.acct')).mode & 0o777).toBe(0o640);
        expect(statSync(path.join(dir, 'team.acct')).mtimeMs).toBe(before);
        // no temporary file left beside the plans
        expect(readdirSync(path.join(dir, 'plans')).sort()).toEqual(['bom.acct', 'c.acct']);
        expect(runCli(['format', '--check'], { cwd: dir }).status).toBe(0);
        expect(runCli(['format', '--write'], { cwd: dir }).stdout).toBe('0 of 3 files rewritten.\n');
    });

    it('--write refuses a symbolic link, a file with another hard link, and --check with it, before writing anything', () => {
        const unformatted = 'customer c "C"{ tier core }\n';
        const dir = tempWorkspace({ 'a.acct': unformatted, 'real.acct': unformatted, 'b.acct': unformatted });
        symlinkSync('real.acct', path.join(dir, 'link.acct'));
        expect(runCli(['format', '--write', 'a.acct', 'link.acct'], { cwd: dir })).toMatchObject({
            status: 2,
            stdout: '',
            stderr: 'acct: link.acct: not a regular file (a symbolic link, a FIFO or a device): acct format --write rewrites only regular .acct files. Give the file itself.\n',
        });
        linkSync(path.join(dir, 'b.acct'), path.join(dir, 'other-name.acct'));
        expect(runCli(['format', '--write', 'b.acct'], { cwd: dir })).toMatchObject({
            status: 2,
            stderr: 'acct: b.acct: has other hard links, which would keep the old text. Print it with acct format b.acct and copy the result.\n',
        });
        expect(runCli(['format', '--write', '--check', 'a.acct'], { cwd: dir })).toMatchObject({
            status: 2,
            stderr: 'acct: --check and --write exclude each other: --check only reports, --write rewrites.\n',
        });
        for (const name of ['a.acct', 'real.acct', 'b.acct']) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(unformatted);
    });

    it('acct format F > F: says that the shell emptied F and to use --write', () => {
        const dir = tempWorkspace({ 'c.acct': 'customer c "C" { tier core }\n' });
        const out = openSync(path.join(dir, 'c.acct'), 'w'); // what `> c.acct` does before acct starts
        const result = spawnSync(process.execPath, [cliPath, 'format', 'c.acct'], {
            cwd: dir,
            stdio: ['ignore', out, 'pipe'],
            encoding: 'utf8',
            env: { ...process.env, LC_ALL: 'C.UTF-8' },
        });
        closeSync(out);
        expect(result.status).toBe(2);
        expect(result.stderr).toBe(
            "acct: c.acct: standard output is the plan itself (acct format c.acct > c.acct), which the shell emptied before acct could read it. Restore it (git checkout -- c.acct, or your editor's undo), then run acct format --write c.acct.\n",
        );
    });

    it('keeps a byte order mark and the later lines of a block comment as they are', () => {
        const text = '\ufeffcustomer c "C"{ tier core\n      /* a drawing\n         |  kept\n      */\n  standing 3 }\n';
        const dir = tempWorkspace({ 'c.acct': text });
        const result = runCli(['format', 'c.acct'], { cwd: dir });
        expect(result.status).toBe(0);
        expect(result.stdout).toBe('\ufeffcustomer c "C" {\n    tier core\n    /* a drawing\n         |  kept\n      */\n    standing 3\n}\n');
        expect(readFileSync(path.join(dir, 'c.acct'), 'utf8')).toBe(text);
        const plain = tempWorkspace({ 'c.acct': text.slice(1) });
        expect(runCli(['format', 'c.acct'], { cwd: plain }).stdout.charCodeAt(0)).not.toBe(0xfeff);
    });
});
