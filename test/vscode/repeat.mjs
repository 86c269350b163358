#!/usr/bin/env node
// Runs an editor test runner again and again, to show that a test which failed now and then
// passes every time: `N of N runs passed` and the exit status of the first failing run.
//
//   node test/vscode/repeat.mjs --runs 20 --grep "completion after `reports-to `"   # the suite, one test
//   node test/vscode/repeat.mjs --runs 10 --ui                                      # the UI scenario
//
// --grep filters the Mocha suite by full title (ACCT_VSCODE_TEST_GREP). The package is made fresh
// once before the first run (test/vscode/fresh-vsix.mjs); the runs then find it fresh.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ensureFreshVsix } from './fresh-vsix.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values: opts } = parseArgs({
    options: {
        runs: { type: 'string', default: '20' },
        grep: { type: 'string' },
        ui: { type: 'boolean', default: false },
        'keep-going': { type: 'boolean', default: false },
    },
});
const runs = Number(opts.runs);
const runner = path.join(HERE, opts.ui ? 'ui-scenario.mjs' : 'run-code-server.mjs');
ensureFreshVsix();
let passed = 0;
const failures = [];
for (let run = 1; run <= runs; run++) {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [runner], {
        encoding: 'utf8',
        env: { ...process.env, ...(opts.grep ? { ACCT_VSCODE_TEST_GREP: opts.grep } : {}) },
        maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${r.stdout}${r.stderr}`;
    const last = [...output.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)].at(-1);
    const ok = r.status === 0 && last && Number(last[1]) > 0 && Number(last[2]) === 0;
    console.log(
        `run ${run}/${runs}: ${ok ? 'passed' : 'FAILED'} (${last ? last[0] : 'no result line'}, exit ${r.status}, ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
    if (ok) {
        passed++;
    } else {
        failures.push(run);
        console.log(
            output
                .split('\n')
                .filter(l => /FAILED|Error|✗|×|not ok|fail/i.test(l))
                .slice(0, 30)
                .join('\n'),
        );
        if (!opts['keep-going']) break;
    }
}
console.log(`${passed} of ${runs} runs passed${failures.length ? `; failed: run ${failures.join(', ')}` : ''}`);
process.exitCode = passed === runs ? 0 : 1;
