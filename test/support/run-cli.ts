/** Runs the built `acct` CLI (out/cli.js) as a user would: a separate node process. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..', '..');
export const cliPath = path.join(projectRoot, 'out', 'cli.js');
export const examplesDir = path.join(projectRoot, 'examples');

export interface CliResult {
    status: number;
    stdout: string;
    stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliResult {
    if (!existsSync(cliPath)) {
        throw new Error(`${cliPath} is missing: run 'npm run build' first.`);
    }
    // English unless a test asks for another language: the machine's locale never changes what a test sees.
    const env: Record<string, string | undefined> = { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', ...options.env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: options.cwd ?? projectRoot, env, encoding: 'utf8' });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding the given files (relative path → text or bytes). */
export function tempWorkspace(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'acct-test-'));
    for (const [name, content] of Object.entries(files)) {
        const full = path.join(dir, name);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, content);
    }
    return dir;
}
