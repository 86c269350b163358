#!/usr/bin/env node
// Guard for the guard: proves that the real-VS-Code suite goes red when the
// language server is broken. Builds a copy of the .vsix without
// `extension/out/server.js` (a .vsix is a zip), runs run-code-server.mjs on it,
// and exits 0 ONLY if that run failed the expected way:
//   - the runner exited non-zero and printed "vscode: N passed, M failed" with M > 0;
//   - the suite's infrastructure tests still passed (the broken extension was
//     installed and the suite ran: the failure is the server's, not the setup's);
//   - the activation test failed, naming the cause.
// Exits 1 if the broken extension passed (the suite would not catch a dead
// server) or if the run failed for another reason.
//
//   node test/vscode/prove-broken-server.mjs [--vsix dist/acct.vsix] [--timeout 180]
//
// Output: test-results/vscode-broken-server/ (results.json, logs, runner-output.txt).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './code-server.mjs';
import { packageUnderTest } from './fresh-vsix.mjs';

const { values: opts } = parseArgs({
    options: {
        vsix: { type: 'string' },
        timeout: { type: 'string', default: '180' },
        keep: { type: 'boolean', default: false },
    },
});

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.join(REPO_ROOT, 'test-results', 'vscode-broken-server');
const say = (...a) => console.log('[prove-broken-server]', ...a);

/** A copy of `vsix` without extension/out/server.js, in a temp folder. */
function breakVsix(vsix, tmp) {
    const unpacked = path.join(tmp, 'unpacked');
    const py = args => {
        const r = spawnSync('python3', ['-m', 'zipfile', ...args], { cwd: unpacked, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`python3 -m zipfile ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    };
    fs.mkdirSync(unpacked, { recursive: true });
    py(['-e', path.resolve(vsix), '.']);
    const server = path.join(unpacked, 'extension', 'out', 'server.js');
    if (!fs.existsSync(server)) throw new Error(`${vsix} has no extension/out/server.js: is it the acct extension?`);
    fs.rmSync(server);
    fs.rmSync(`${server}.map`, { force: true });
    const broken = path.join(tmp, 'acct-broken-server.vsix');
    py(['-c', broken, ...fs.readdirSync(unpacked)]);
    // sanity: the copy really lacks the server and still has the client
    const list = spawnSync('python3', ['-m', 'zipfile', '-l', broken], { encoding: 'utf8' }).stdout;
    if (/extension\/out\/server\.js\b/.test(list) || !/extension\/out\/extension\.js/.test(list)) {
        throw new Error(`the broken copy is not what we meant:\n${list}`);
    }
    return broken;
}

function main() {
    // the package of the sources now (packaged again when they changed), unless one is given
    const vsix = packageUnderTest(opts.vsix ?? process.env.ACCT_VSIX, say);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-broken-vsix-'));
    const t0 = Date.now();
    try {
        const broken = breakVsix(vsix, tmp);
        say(`built ${broken}: ${path.basename(vsix)} without extension/out/server.js`);
        say('running the suite on it; it MUST fail');
        const r = spawnSync(process.execPath, [path.join(HERE, 'run-code-server.mjs'), '--vsix', broken, '--timeout', opts.timeout, '--out', OUT_DIR], {
            encoding: 'utf8',
            env: { ...process.env, ACCT_VSIX: broken },
            maxBuffer: 64 * 1024 * 1024,
        });
        const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
        fs.mkdirSync(OUT_DIR, { recursive: true });
        fs.writeFileSync(path.join(OUT_DIR, 'runner-output.txt'), output);
        say(`runner exit code ${r.status} after ${((Date.now() - t0) / 1000).toFixed(1)}s; its verdict:`);
        for (const line of output.split('\n').filter(l => /^(FAILED |vscode: |\s+\d+\) |Error: the extension)/.test(l))) console.log(`  | ${line}`);

        let results = null;
        try {
            results = JSON.parse(fs.readFileSync(path.join(OUT_DIR, 'results.json'), 'utf8'));
        } catch {
            /* judged below */
        }
        const problems = [];
        if (r.status === 0) problems.push('the runner exited 0 with a broken server: the suite does not catch it');
        const last = /vscode: (\d+) passed, (\d+) failed/.exec(output);
        if (!last || Number(last[2]) === 0) problems.push('the runner did not report failed tests ("vscode: N passed, M failed" with M > 0)');
        if (!results) problems.push('the suite wrote no results.json: it did not run, so this proves nothing about the server');
        else {
            const tests = results.tests ?? [];
            const infra = tests.filter(t => t.title.startsWith('infrastructure'));
            if (!infra.length || infra.some(t => t.state !== 'passed')) {
                problems.push(`the infrastructure tests did not all pass, so the run failed for another reason: ${JSON.stringify(infra)}`);
            }
            const activation = tests.find(t => t.title.startsWith('activation activates when'));
            if (!activation || activation.state !== 'failed') problems.push(`the activation test did not fail: ${JSON.stringify(activation)}`);
            else say(`activation test failed with: ${activation.error.split('\n')[0]}`);
            if (results.passes > infra.length + 1) {
                problems.push(
                    `${results.passes} tests passed without a server: ${tests
                        .filter(t => t.state === 'passed')
                        .map(t => t.title)
                        .join('; ')}`,
                );
            }
        }
        if (problems.length) {
            for (const p of problems) console.error(`[prove-broken-server] NOT PROVEN: ${p}`);
            console.log('broken-server guard: FAILED');
            return 1;
        }
        say(`proven: with out/server.js removed the suite fails (${results.failures} failed, ${results.passes} infrastructure/host tests passed)`);
        console.log('broken-server guard: passed');
        return 0;
    } finally {
        if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
        else say(`kept ${tmp}`);
    }
}

try {
    process.exit(main());
} catch (err) {
    console.error(`[prove-broken-server] FAILED: ${err.message}`);
    console.log('broken-server guard: FAILED');
    process.exit(1);
}
