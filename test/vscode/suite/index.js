// Mocha loader for the integration suite. VS Code's extension host requires
// this file (`extensionTestsPath`) and calls run(); the returned promise
// rejecting makes the extension host report exit code 1.
//
// Runs every `*.test.js` in this folder (BDD: describe/it). Fails when a test
// fails AND when no test ran at all, so a broken setup can't look green.
//
// Env (set by the launchers; the extension host inherits them):
//   ACCT_VSCODE_TEST_RESULTS  file to write a JSON summary to (the launcher checks it)
//   ACCT_VSCODE_TEST_GREP     only run tests whose full title matches
//   ACCT_VSCODE_TEST_TIMEOUT  per-test timeout in ms (default 30000)
'use strict';

const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

function writeResults(file, data) {
    if (!file) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(data, null, 2));
}

function run() {
    const resultsFile = process.env.ACCT_VSCODE_TEST_RESULTS;
    const mocha = new Mocha({
        ui: 'bdd',
        color: false,
        reporter: 'spec',
        timeout: Number(process.env.ACCT_VSCODE_TEST_TIMEOUT || 30000),
        grep: process.env.ACCT_VSCODE_TEST_GREP || undefined,
    });
    const files = fs
        .readdirSync(__dirname)
        .filter(f => f.endsWith('.test.js'))
        .sort();
    for (const f of files) mocha.addFile(path.join(__dirname, f));

    const started = Date.now();
    const tests = [];
    return new Promise((resolve, reject) => {
        let runner;
        try {
            runner = mocha.run(failures => {
                const stats = runner.stats || {};
                const summary = {
                    host: 'vscode',
                    vscodeVersion: safeVersion(),
                    files,
                    passes: stats.passes || 0,
                    failures: failures,
                    pending: stats.pending || 0,
                    durationMs: Date.now() - started,
                    tests,
                };
                writeResults(resultsFile, summary);
                console.log(`${summary.passes} passed, ${summary.failures} failed, ${summary.pending} skipped`);
                if (failures > 0) reject(new Error(`${failures} test(s) failed`));
                else if (summary.passes === 0) reject(new Error('no test ran'));
                else resolve();
            });
        } catch (err) {
            writeResults(resultsFile, { host: 'vscode', error: String((err && err.stack) || err), passes: 0, failures: 1, tests });
            reject(err);
            return;
        }
        runner.on('pass', t => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
        runner.on('fail', (t, err) => tests.push({ title: t.fullTitle(), state: 'failed', error: String((err && (err.stack || err.message)) || err) }));
        runner.on('pending', t => tests.push({ title: t.fullTitle(), state: 'skipped' }));
    });
}

function safeVersion() {
    try {
        return require('vscode').version;
    } catch {
        return null;
    }
}

module.exports = { run };
