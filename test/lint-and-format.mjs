#!/usr/bin/env node
// The habits stage of test/run-all.mjs (issue 18): ESLint over all source and tests
// (eslint.config.mjs) and Prettier's check of the code's format (.prettierrc.json). Prints
// `N passed, N failed` for the run's total and, when a check fails, the command that fixes it.
import { spawnSync } from 'node:child_process';

const checks = [
    {
        name: 'lint',
        script: 'lint',
        fix: 'npm run lint -- --fix (then fix by hand what it reports; a rule that fights a deliberate style is turned off with its reason in eslint.config.mjs)',
    },
    { name: 'format', script: 'format:check', fix: 'npm run format:code (Prettier writes the files it listed; commit that change alone)' },
];
let passed = 0;
let failed = 0;
for (const check of checks) {
    process.stdout.write(`--- ${check.name}: npm run ${check.script}\n`);
    const result = spawnSync('npm', ['run', '--silent', check.script], { stdio: 'inherit' });
    if (result.status === 0) {
        passed++;
        process.stdout.write(`${check.name}: clean\n`);
    } else {
        failed++;
        process.stdout.write(`${check.name}: FAILED. To fix: ${check.fix}\n`);
    }
}
process.stdout.write(`${passed} passed, ${failed} failed, 0 skipped\n`);
process.exitCode = failed > 0 ? 1 : 0;
