#!/usr/bin/env node
// Runs every test suite in turn — lint and format (ESLint, Prettier), vitest (unit, CLI, LSP, browser), the Mocha suite inside a real
// VS Code (code-server), the user-level browser scenario, and the broken-server guard — and ends
// with one total line `N passed, N failed, N skipped`. Exits non-zero when any suite fails.
// The editor stages install dist/acct.vsix: it is first made a package of the sources now
// (test/vscode/fresh-vsix.mjs packages again when the sources changed since it was built).
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';

const stages = [
    // not a test: a failure to package fails the run, and the editor stages then test this build
    { name: 'package', command: ['node', 'test/vscode/fresh-vsix.mjs'], counts: () => ({ passed: 0, failed: 0, skipped: 0 }) },
    // ESLint and Prettier's check over all source and tests; a failure prints the command that fixes it
    { name: 'lint and format', command: ['node', 'test/lint-and-format.mjs'] },
    {
        name: 'vitest',
        command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
        counts: () => {
            const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
            return {
                passed: report.numPassedTests,
                failed: report.numFailedTests + (report.numTotalTestSuites && !report.success && report.numFailedTests === 0 ? 1 : 0),
                skipped: report.numPendingTests + report.numTodoTests,
            };
        },
    },
    // Known flake, said in the run's output (not hidden): in a full run, Export View as SVG is
    // sometimes not answered within 15 s in code-server (issue 25's note); the suite is run again,
    // at most twice, and every attempt that failed is printed in the summary.
    { name: 'vscode suite', command: ['node', 'test/vscode/run-code-server.mjs'], attempts: 3 },
    { name: 'vscode ui scenario', command: ['node', 'test/vscode/ui-scenario.mjs'] },
    // The guard runs the suite on a .vsix without its server and passes when that suite FAILS:
    // its own exit status is the one result it adds.
    { name: 'broken-server guard', command: ['node', 'test/vscode/prove-broken-server.mjs'], counts: code => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }) },
];

function run(command) {
    return new Promise(resolve => {
        const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
        let output = '';
        child.stdout.on('data', chunk => { output += chunk; process.stdout.write(chunk); });
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
    let { code, output } = await run(stage.command);
    for (let attempt = 2; code !== 0 && attempt <= (stage.attempts ?? 1); attempt++) {
        const failedNow = countsFrom(output)?.failed ?? '?';
        summary.push(`${stage.name}: attempt ${attempt - 1} FAILED (${failedNow} failed), run again`);
        process.stdout.write(`\n=== ${stage.name}: attempt ${attempt - 1} failed (${failedNow} failed); attempt ${attempt}\n`);
        ({ code, output } = await run(stage.command));
    }
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
}
process.stdout.write(`\n${summary.join('\n')}\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
