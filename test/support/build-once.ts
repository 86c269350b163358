/**
 * vitest global setup: the CLI, LSP and browser tests run the bundles in out/, so build them
 * (generated parser included) before any test file runs. A fresh clone needs no manual step;
 * `ACCT_SKIP_BUILD=1` skips it when the bundles are known to be current.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export default function setup(): void {
    if (process.env.ACCT_SKIP_BUILD === '1') return; // the bundles are known to be current
    const root = path.resolve(__dirname, '..', '..');
    const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    run([path.join(root, 'generate.mjs')]); // langium generate, its by-design warnings folded into one line
    run([path.join(root, 'esbuild.mjs')]);
}
