/**
 * `acct check --watch` as a process: it checks, then prints only what changed after each edit
 * (`+` new, `-` resolved, a summary), survives a broken and an unreadable file, and leaves with
 * status 0 on SIGINT and SIGTERM.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { cliPath, runCli, tempWorkspace } from '../support/run-cli.js';
import { healthy, team } from '../support/sample-plans.js';

/** A running `acct check --watch`, its output as it comes, and a way to wait for a line. */
class Watcher {
    readonly process: ChildProcessWithoutNullStreams;
    stdout = '';
    stderr = '';
    private waiting: (() => void)[] = [];

    constructor(
        readonly dir: string,
        args: string[] = [],
    ) {
        this.process = spawn(process.execPath, [cliPath, 'check', '--watch', '--today', '2026-11-22', ...args], { cwd: dir });
        this.process.stdout.setEncoding('utf8').on('data', chunk => {
            this.stdout += chunk;
            this.notify();
        });
        this.process.stderr.setEncoding('utf8').on('data', chunk => {
            this.stderr += chunk;
            this.notify();
        });
    }

    /** Waits until `pattern` matches the output after `from` (stdout and stderr together); returns that output. */
    async until(pattern: RegExp, from = 0, timeout = 60_000): Promise<string> {
        const deadline = Date.now() + timeout;
        for (;;) {
            const seen = (this.stdout + '\n' + this.stderr).slice(from);
            if (pattern.test(seen)) return seen;
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${this.stdout}\n--- stderr:\n${this.stderr}`);
            await new Promise<void>(resolve => {
                this.waiting.push(resolve);
                setTimeout(resolve, 200);
            });
        }
    }

    /** Where new output starts: pass to `until` to see only what comes after an edit. */
    mark(): number {
        return (this.stdout + '\n' + this.stderr).length;
    }

    exit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
        return new Promise(resolve => {
            if (this.process.exitCode !== null) resolve({ code: this.process.exitCode, signal: null });
            else this.process.once('exit', (code, signal) => resolve({ code, signal }));
        });
    }

    private notify(): void {
        for (const resolve of this.waiting.splice(0)) resolve();
    }
}

let running: Watcher | undefined;
afterEach(() => {
    if (running?.process.exitCode === null) running.process.kill('SIGKILL');
    running = undefined;
});

/** Stdout lines that changed since `from`: the delta a user reads. */
function deltaLines(watcher: Watcher, from: number): string[] {
    return watcher.stdout
        .slice(from)
        .split('\n')
        .filter(line => /^[+-] /.test(line));
}

describe('acct check --watch', () => {
    it('prints the findings once, then only what changed after each edit, and leaves cleanly on SIGINT', async () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': healthy });
        const watcher = (running = new Watcher(dir));
        await watcher.until(/No findings in 2 files\.[\s\S]*watching/);

        // An edit that adds a finding
        let from = watcher.stdout.length;
        writeFileSync(path.join(dir, 'acme.acct'), healthy.replace('        budget 1M EUR\n', ''));
        await watcher.until(/\] 1 new, 0 resolved; 1 finding in 2 files/, from);
        expect(deltaLines(watcher, from)).toEqual([
            expect.stringMatching(/^\+ acme\.acct:4:5: warning unqualified-opportunity: Opportunity 'big' has no confirmed budget/),
        ]);

        // A broken file: a syntax error appears, the watch goes on
        from = watcher.stdout.length;
        writeFileSync(path.join(dir, 'broken.acct'), 'customer x "X" {\n  contact y { }\n');
        await watcher.until(/\] \d+ new, 0 resolved; \d+ findings in 3 files: [1-9]\d* errors?/, from);
        expect(deltaLines(watcher, from).every(line => line.startsWith('+ broken.acct:'))).toBe(true);
        expect(deltaLines(watcher, from).some(line => / error syntax: /.test(line))).toBe(true);

        // An unreadable file (not UTF-8): one clear line, the last findings stay
        const mark = watcher.mark();
        writeFileSync(path.join(dir, 'broken.acct'), Buffer.from([0x63, 0xff, 0xfe, 0x0a]));
        await watcher.until(/acct: broken\.acct:1: not valid UTF-8\. Save the file as UTF-8\. Still watching/, mark);

        // Fixed: the errors are resolved, the new finding of the first edit stays
        from = watcher.stdout.length;
        rmSync(path.join(dir, 'broken.acct'));
        await watcher.until(/\] 0 new, \d+ resolved; 1 finding in 2 files/, from);
        expect(deltaLines(watcher, from).every(line => line.startsWith('- broken.acct:'))).toBe(true);

        // And the first edit undone: resolved
        from = watcher.stdout.length;
        writeFileSync(path.join(dir, 'acme.acct'), healthy);
        await watcher.until(/\] 0 new, 1 resolved; No findings in 2 files\./, from);
        expect(deltaLines(watcher, from)).toEqual([expect.stringMatching(/^- acme\.acct:4:5: warning unqualified-opportunity/)]);

        watcher.process.kill('SIGINT');
        expect(await watcher.exit()).toEqual({ code: 0, signal: null });
        expect(watcher.stderr).toContain('acct: stopped watching.');
    });

    it('a line that moves is no change; SIGTERM leaves with status 0 too', async () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': healthy.replace('        budget 1M EUR\n', '') });
        const watcher = (running = new Watcher(dir));
        await watcher.until(/1 finding in 2 files[\s\S]*watching/);
        const from = watcher.stdout.length;
        writeFileSync(path.join(dir, 'acme.acct'), `// moved\n\n${healthy.replace('        budget 1M EUR\n', '')}`);
        await watcher.until(/\] no change in the findings; 1 finding in 2 files/, from);
        expect(deltaLines(watcher, from)).toEqual([]);
        watcher.process.kill('SIGTERM');
        expect(await watcher.exit()).toEqual({ code: 0, signal: null });
    });

    it('refuses what it cannot watch: a missing path, another format, -o', () => {
        const dir = tempWorkspace({ 'team.acct': team });
        expect(runCli(['check', '--watch', 'nowhere'], { cwd: dir })).toMatchObject({
            status: 2,
            stderr: expect.stringContaining('nowhere: no such file or folder'),
        });
        expect(runCli(['check', '--watch', '--format', 'json'], { cwd: dir })).toMatchObject({
            status: 2,
            stderr: expect.stringContaining('--watch prints text only'),
        });
        expect(runCli(['check', '--watch', '-o', 'x.txt'], { cwd: dir })).toMatchObject({ status: 2, stderr: expect.stringContaining('leave out -o') });
    });
});
