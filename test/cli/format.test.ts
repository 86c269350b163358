/** `acct format`: prints a plan laid out as Format Document lays it out; `--check` fails CI on a plan that is not. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { examplesDir, runCli, tempWorkspace } from '../support/run-cli.js';

describe('acct format', () => {
    it('--check passes on the examples, which are formatted', () => {
        const result = runCli(['format', '--check', 'examples']);
        expect(result.stdout).toBe('5 files are formatted.\n');
        expect(result.status).toBe(0);
    });

    it('--check names each plan that is not formatted, from the first line that would change, and exits 1', () => {
        const dir = tempWorkspace({ 'a.acct': 'member a "A"\n', 'plans/b.acct': 'customer c "C" {\n    tier core\n\n\n  standing 3\n}\n' });
        const result = runCli(['format', '--check'], { cwd: dir });
        expect(result.stdout).toBe('plans/b.acct:5: not formatted from this line on (Format Document in VS Code, or acct format plans/b.acct to see the layout).\n1 of 2 files is not formatted.\n');
        expect(result.status).toBe(1);
    });

    it('prints one plan formatted, and never writes it', () => {
        const text = 'customer c "C"{ tier core\n  standing 3 }\n';
        const dir = tempWorkspace({ 'c.acct': text });
        const result = runCli(['format', 'c.acct'], { cwd: dir });
        expect(result.stdout).toBe('customer c "C" {\n    tier core\n    standing 3\n}\n');
        expect(readFileSync(path.join(dir, 'c.acct'), 'utf8')).toBe(text);
        expect(runCli(['format', 'c.acct', path.join(examplesDir, 'team.acct')], { cwd: dir })).toMatchObject({
            status: 2, stderr: 'acct: give one file to print it formatted, or --check to check several.\n',
        });
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
