/**
 * `acct` keeps its own compiled code in a per-user folder on Node 22.1 and later (server/src/cli-launcher.ts):
 * the folder holds acct's code and never a plan, the second run answers as the first, and Node 20
 * (or NODE_DISABLE_COMPILE_CACHE=1) keeps nothing.
 */
import { describe, expect, it } from 'vitest';
import * as nodeModule from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli, tempWorkspace } from '../support/run-cli.js';

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .map(name => path.join(dir, name))
        .filter(file => statSync(file).isFile());
}

const MARKER = 'Zanzibar-Quokka-7781';
const plan = `member alice "Alice"\ncustomer c "${MARKER}" { tier core reviewed 2026-10-01 standing 1 cooperation 4 }\n`;
const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe('the compiled code kept between runs', () => {
    it('is kept per user under XDG_CACHE_HOME (Node 22.1+ only), holds no plan text, and changes no answer', () => {
        const dir = tempWorkspace({ 'plan.acct': plan });
        const cache = mkdtempSync(path.join(tmpdir(), 'acct-cache-'));
        try {
            const env = { XDG_CACHE_HOME: cache, NODE_DISABLE_COMPILE_CACHE: undefined, NODE_COMPILE_CACHE: undefined };
            const first = runCli(['check', '--today', '2026-11-22', '--format', 'json', '.'], { cwd: dir, env });
            const second = runCli(['check', '--today', '2026-11-22', '--format', 'json', '.'], { cwd: dir, env });
            expect(first.stderr).toBe('');
            expect(second).toEqual(first);
            const kept = filesUnder(path.join(cache, 'acct', 'compile-cache'));
            if (hasCompileCache) expect(kept.length).toBeGreaterThan(0);
            else expect(kept).toEqual([]);
            for (const file of kept) expect(readFileSync(file).includes(MARKER)).toBe(false);
        } finally {
            rmSync(cache, { recursive: true, force: true });
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('is not kept with NODE_DISABLE_COMPILE_CACHE=1', () => {
        const cache = mkdtempSync(path.join(tmpdir(), 'acct-cache-'));
        try {
            const result = runCli(['--version'], { env: { XDG_CACHE_HOME: cache, NODE_DISABLE_COMPILE_CACHE: '1' } });
            expect(result.status).toBe(0);
            expect(filesUnder(cache)).toEqual([]);
        } finally {
            rmSync(cache, { recursive: true, force: true });
        }
    });
});
