/**
 * vitest global setup: the CLI, LSP and browser tests run the bundles in out/, so build them
 * (generated parser included) before any test file runs. A fresh clone needs no manual step.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export default function setup(): void {
    const root = path.resolve(__dirname, '..', '..');
    const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    run([path.join(root, 'node_modules', 'langium-cli', 'bin', 'langium.js'), 'generate']);
    run([path.join(root, 'esbuild.mjs')]);
}
