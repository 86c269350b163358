#!/usr/bin/env node
// Runs the Mocha integration suite (test/vscode/suite) inside a real VS Code
// extension host served by code-server (1.100.3, the oldest the engines field claims, or
// with --code-server newest 1.139.1), with the extension installed from a .vsix exactly
// as a user would install it.
//
//   node test/vscode/run-code-server.mjs [--vsix dist/acct.vsix] [--code-server floor|newest|4.x.y]
//        [--workspace examples] [--timeout 300] [--keep] [--stub] [--out test-results/vscode]
//
// The suite's first test expects the VS Code of the code-server being run (as
// .ci/code-server-versions.json lists it, else its lib/vscode/package.json), unless
// ACCT_EXPECT_VSCODE_VERSION says otherwise.
// The folder opened is a temp copy of --workspace (default examples/) with
// `.vscode/settings.json` {"acct.today": "2026-11-22"}: tests edit and export freely.
// --stub (debugging the infrastructure only) installs a throwaway extension and
// runs only the suite's "infrastructure" tests.
//
// How it works (VS Code's own web integration tests do the same):
//  1. `code-server --install-extension X.vsix` into a fresh --extensions-dir;
//  2. code-server is started on 127.0.0.1:<free port> (--auth none);
//  3. headless Chromium opens the workbench (code-server 4.139 runs the payload's tests only
//     with --vscode-option enable-smoke-test-driver, which 4.100 does not know) with
//     ?folder=<workspace>&payload=[["extensionDevelopmentPath",vscode-remote://…],
//                                  ["extensionTestsPath",vscode-remote://…/suite/index.js]]
//     The workbench starts the remote (Node) extension host, which requires
//     suite/index.js and awaits its run();
//  4. when the run ends, the workbench calls window.codeAutomationExit(code, logs)
//     (exposed here by playwright) with the extension host's exit code:
//     0 when run() resolved, 1 when it rejected or threw.
//  5. the suite also writes a JSON summary (ACCT_VSCODE_TEST_RESULTS). This
//     launcher exits 0 only when the exit code is 0 AND the summary shows
//     passes > 0 and failures == 0. A run that never reports within --timeout,
//     a code-server that dies, or a crashed page all exit non-zero.
//
// Env: ACCT_VSIX (vsix path), ACCT_VSCODE_WORKSPACE, ACCT_VSCODE_TIMEOUT (s),
//      ACCT_VSCODE_TEST_GREP, ACCT_CODE_SERVER_VERSION (= --code-server), CODE_SERVER_BIN,
//      ACCT_EXPECT_VSCODE_VERSION, ACCT_CI_CACHE, ACCT_VSCODE_KEEP=1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import {
    REPO_ROOT,
    TEST_TODAY,
    codeServerChoice,
    codeServerInfo,
    findCodeServer,
    installVsix,
    installedExtensions,
    launchBrowser,
    makeProfile,
    prepareWorkspace,
    remoteUri,
    removeWorkspace,
    settingWarnings,
    startCodeServer,
    tail,
    verdict,
    workbenchUrl,
} from './code-server.mjs';
import { packageUnderTest } from './fresh-vsix.mjs';
import { buildStubVsix, removeStubVsix } from './stub-extension.mjs';

const { values: opts } = parseArgs({
    options: {
        vsix: { type: 'string' },
        'code-server': { type: 'string' },
        stub: { type: 'boolean', default: false },
        workspace: { type: 'string' },
        timeout: { type: 'string' },
        keep: { type: 'boolean', default: false },
        out: { type: 'string' },
    },
});

// --code-server is ACCT_CODE_SERVER_VERSION, which findCodeServer reads
if (opts['code-server']) process.env.ACCT_CODE_SERVER_VERSION = opts['code-server'];

const SUITE = path.join(REPO_ROOT, 'test', 'vscode', 'suite', 'index.js');
const OUT_DIR = path.resolve(opts.out ?? path.join(REPO_ROOT, 'test-results', 'vscode'));
const timeoutSec = Number(opts.timeout ?? process.env.ACCT_VSCODE_TIMEOUT ?? 300);
const workspaceSource = path.resolve(opts.workspace ?? process.env.ACCT_VSCODE_WORKSPACE ?? path.join(REPO_ROOT, 'examples'));
const keep = opts.keep || process.env.ACCT_VSCODE_KEEP === '1';

// workbench chatter that is not test output (still kept in vscode-console.log)
const NOISE =
    /^(Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Ignoring fetching additional builtin|Updating additional builtin|ChatSessionStore:|\[AgentHost|\[ChatModelSelection\]|\[AccountPolicyGate\])/;

const say = (...a) => console.log('[run-code-server]', ...a);

async function main() {
    const t0 = Date.now();
    // only clear a results folder of ours (under test-results/ or the temp folder)
    const ours = [path.join(REPO_ROOT, 'test-results'), os.tmpdir()].some(root => !path.relative(root, OUT_DIR).startsWith('..'));
    if (!ours && fs.existsSync(OUT_DIR) && fs.readdirSync(OUT_DIR).length) {
        throw new Error(`--out ${OUT_DIR} is not empty and not under test-results/: refusing to clear it`);
    }
    fs.rmSync(OUT_DIR, { recursive: true, force: true });
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const resultsFile = path.join(OUT_DIR, 'results.json');

    const bin = findCodeServer();
    const cs = codeServerInfo(bin);
    const chosen = process.env.CODE_SERVER_BIN ? null : codeServerChoice();
    if (chosen && chosen.version !== cs.version) {
        throw new Error(
            `${bin} is code-server ${cs.version}, not the ${chosen.version} asked for (${chosen.want}): run bash .ci/setup-code-server.sh ${chosen.want}`,
        );
    }
    // the suite's first test: the VS Code that .ci/code-server-versions.json says this code-server
    // serves (or, for one it does not list, the one the package says)
    const expectVersion = process.env.ACCT_EXPECT_VSCODE_VERSION || chosen?.vscode || cs.vscodeVersion;
    // the package of the sources now (packaged again when they changed), unless one is given
    const vsix = opts.stub ? buildStubVsix() : packageUnderTest(opts.vsix ?? process.env.ACCT_VSIX, say);
    const workspace = prepareWorkspace({ source: workspaceSource });
    say(`workspace: ${workspace} (copy of ${path.relative(REPO_ROOT, workspaceSource) || '.'}, acct.today ${TEST_TODAY})`);

    const profile = makeProfile();
    // VS Code only runs extensionTestsPath when extensionDevelopmentPath is set too.
    // Point it at an empty folder so the extension under test is the installed .vsix.
    const devDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-vscode-devpath-'));
    let server;
    let browser;
    let exitCode;
    let vscodeLog;
    try {
        say(`code-server ${cs.version} (VS Code ${cs.vscodeVersion}): ${bin}`);
        say(`installing ${path.relative(REPO_ROOT, vsix).startsWith('..') ? vsix : path.relative(REPO_ROOT, vsix)}`);
        installVsix({ bin, profile, vsix });
        say(`installed: ${installedExtensions(profile).join(', ')}`);

        server = await startCodeServer({
            bin,
            profile,
            folder: workspace,
            logFile: path.join(OUT_DIR, 'code-server.log'),
            vscodeOptions: cs.vscodeOption ? ['enable-smoke-test-driver'] : [],
            env: {
                ACCT_EXPECT_VSCODE_VERSION: expectVersion,
                ACCT_VSCODE_TEST_RESULTS: resultsFile,
                ACCT_VSCODE_EXTENSIONS_DIR: profile.extensionsDir,
                ACCT_VSCODE_HOST: 'code-server',
                ACCT_PROJECT_ROOT: REPO_ROOT,
                ACCT_VSCODE_TODAY: TEST_TODAY,
                ...(opts.stub ? { ACCT_VSCODE_TEST_GREP: process.env.ACCT_VSCODE_TEST_GREP || 'infrastructure' } : {}),
            },
        });

        let settle;
        const done = new Promise(resolve => (settle = resolve));
        const ctx = await launchBrowser();
        browser = ctx.browser;
        const { page } = ctx;
        // In automation mode the workbench hands its console, including the extension
        // host's (Mocha's reporter), to window.codeAutomationLog(type, args).
        vscodeLog = fs.createWriteStream(path.join(OUT_DIR, 'vscode-console.log'));
        await page.exposeFunction('codeAutomationLog', (type, args) => {
            const line = format(...(Array.isArray(args) ? args : [args]));
            vscodeLog.write(`[${type}] ${line}\n`);
            if (process.env.ACCT_VSCODE_VERBOSE === '1' || !NOISE.test(line)) console.log(type === 'error' ? `[vscode error] ${line}` : line);
        });
        await page.exposeFunction('codeAutomationExit', async (code, logs) => {
            for (const l of logs ?? []) {
                try {
                    const f = path.join(OUT_DIR, 'vscode-logs', l.relativePath);
                    fs.mkdirSync(path.dirname(f), { recursive: true });
                    fs.writeFileSync(f, l.contents);
                } catch {
                    /* logs are a bonus */
                }
            }
            settle({ kind: 'exit', code });
        });
        page.on('crash', () => settle({ kind: 'error', reason: 'browser page crashed' }));
        page.on('close', () => settle({ kind: 'error', reason: 'browser page closed' }));
        const timer = setTimeout(() => settle({ kind: 'error', reason: `extension host did not report within ${timeoutSec}s (timeout)` }), timeoutSec * 1000);
        const serverWatch = setInterval(() => {
            if (server.exited) settle({ kind: 'error', reason: `code-server exited: ${JSON.stringify(server.exited)}` });
        }, 500);

        const url = workbenchUrl(server, {
            folder: workspace,
            payload: [
                ['extensionDevelopmentPath', remoteUri(server, devDir)],
                ['extensionTestsPath', remoteUri(server, SUITE)],
                ['skipWelcome', 'true'],
            ],
        });
        say(`opening workbench ${url}`);
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        const outcome = await done;
        clearTimeout(timer);
        clearInterval(serverWatch);
        fs.writeFileSync(path.join(OUT_DIR, 'browser-console.log'), ctx.consoleLines.join('\n') + '\n');
        if (outcome.kind !== 'exit') {
            await page.screenshot({ path: path.join(OUT_DIR, 'timeout.png') }).catch(() => {});
            throw new Error(outcome.reason);
        }
        exitCode = outcome.code;
        say(`extension host exit code: ${exitCode}`);
    } finally {
        await browser?.close().catch(() => {});
        vscodeLog?.end();
        await server?.stop();
        // the server side's logs (the remote extension host's among them) outlive the profile
        const serverLogs = path.join(profile.userDataDir, 'logs');
        if (fs.existsSync(serverLogs)) fs.cpSync(serverLogs, path.join(OUT_DIR, 'code-server-logs'), { recursive: true });
        if (!keep) {
            fs.rmSync(profile.base, { recursive: true, force: true });
            if (opts.stub) removeStubVsix(vsix);
            fs.rmSync(devDir, { recursive: true, force: true });
            removeWorkspace(workspace);
        } else say(`kept profile ${profile.base} and workspace ${workspace}`);
    }

    say(`done in ${(Date.now() - t0) / 1000}s`);
    // VS Code warns when a setting is read against its scope (acct.today is a resource setting:
    // read without a resource, it logs a warning each time): the run is red if it did
    const warnings = settingWarnings(path.join(OUT_DIR, 'code-server-logs'));
    const problems = warnings.length
        ? [`the extension host logged ${warnings.length} warning(s) about reading an acct setting:\n${[...new Set(warnings)].join('\n')}`]
        : [];
    return verdict({ resultsFile, hostExitCode: exitCode, problems });
}

main().then(
    code => process.exit(code),
    err => {
        console.error(`[run-code-server] FAILED: ${err.message}`);
        const log = path.join(OUT_DIR, 'code-server.log');
        if (fs.existsSync(log)) console.error(`--- code-server.log (tail) ---\n${tail(log, 30)}`);
        console.log('vscode: 0 passed, 1 failed, 0 skipped');
        process.exit(1);
    },
);
