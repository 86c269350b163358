#!/usr/bin/env node
// Runs the same Mocha integration suite (test/vscode/suite) in desktop VS Code
// through @vscode/test-electron's runTests, with the extension installed from
// a .vsix (not loaded from the source tree).
//
//   VSCODE_EXECUTABLE=/path/to/code node test/vscode/run-electron.mjs [--vsix dist/acct.vsix]
//        [--workspace examples] [--keep] [--download] [--stub]
//
// Like run-code-server.mjs, the folder opened is a temp copy of --workspace
// (default examples/) with .vscode/settings.json {"acct.today": "2026-11-22"};
// --stub (debugging only) runs the "infrastructure" tests on a throwaway extension.
//
// Without VSCODE_EXECUTABLE, `--download` (or ACCT_VSCODE_DOWNLOAD=1) downloads
// VS Code ${VSCODE_VERSION:-1.100.3} into .vscode-test/ (needs internet). On Linux without a display, wrap it in
// `xvfb-run -a`.
// Env: ACCT_VSIX, ACCT_VSCODE_WORKSPACE, ACCT_VSCODE_TEST_GREP, VSCODE_VERSION,
//      ACCT_EXPECT_VSCODE_VERSION (version prefix the smoke test expects, default 1.100).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, TEST_TODAY, installedExtensions, makeProfile, prepareWorkspace, removeWorkspace, verdict } from './code-server.mjs';
import { packageUnderTest } from './fresh-vsix.mjs';
import { buildStubVsix, removeStubVsix } from './stub-extension.mjs';

const { values: opts } = parseArgs({
    options: {
        vsix: { type: 'string' },
        stub: { type: 'boolean', default: false },
        workspace: { type: 'string' },
        keep: { type: 'boolean', default: false },
        download: { type: 'boolean', default: false },
    },
});

const SUITE = path.join(REPO_ROOT, 'test', 'vscode', 'suite', 'index.js');
const OUT_DIR = path.join(REPO_ROOT, 'test-results', 'vscode-electron');
const workspaceSource = path.resolve(opts.workspace ?? process.env.ACCT_VSCODE_WORKSPACE ?? path.join(REPO_ROOT, 'examples'));
const say = (...a) => console.log('[run-electron]', ...a);

async function main() {
    const { runTests, downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath } = await import('@vscode/test-electron');
    fs.rmSync(OUT_DIR, { recursive: true, force: true });
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const resultsFile = path.join(OUT_DIR, 'results.json');

    // the package of the sources now (packaged again when they changed), unless one is given
    const vsix = opts.stub ? buildStubVsix() : packageUnderTest(opts.vsix ?? process.env.ACCT_VSIX, say);

    let exe = process.env.VSCODE_EXECUTABLE;
    if (!exe) {
        // downloading reaches the internet: only when asked to
        if (!(opts.download || process.env.ACCT_VSCODE_DOWNLOAD === '1')) {
            throw new Error(
                'set VSCODE_EXECUTABLE to a desktop VS Code (the Electron binary, e.g. /usr/share/code/code), ' +
                    'or pass --download / ACCT_VSCODE_DOWNLOAD=1 to download VS Code into .vscode-test/ (needs internet); ' +
                    'without either, use run-code-server.mjs',
            );
        }
        exe = await downloadAndUnzipVSCode(process.env.VSCODE_VERSION || '1.100.3');
    }
    if (!fs.existsSync(exe)) throw new Error(`VSCODE_EXECUTABLE does not exist: ${exe}`);
    say(`VS Code: ${exe}`);

    const workspace = prepareWorkspace({ source: workspaceSource });
    say(`workspace: ${workspace} (copy of ${path.relative(REPO_ROOT, workspaceSource) || '.'}, acct.today ${TEST_TODAY})`);
    const profile = makeProfile();
    const devDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-vscode-devpath-'));
    const profileArgs = [`--extensions-dir=${profile.extensionsDir}`, `--user-data-dir=${profile.userDataDir}`];
    let hostExitCode;
    try {
        // install the .vsix with VS Code's own CLI, into the fresh extensions folder
        const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(exe, { reuseMachineInstall: true });
        if (!fs.existsSync(cli)) {
            throw new Error(
                `no VS Code CLI at ${cli}: VSCODE_EXECUTABLE must be the Electron binary (e.g. /usr/share/code/code), not the \`code\` launcher script`,
            );
        }
        const r = spawnSync(cli, [...cliArgs, ...profileArgs, '--install-extension', vsix, '--force'], {
            encoding: 'utf8',
            shell: process.platform === 'win32',
        });
        if (r.status !== 0) throw new Error(`--install-extension failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
        say(`installed: ${installedExtensions(profile).join(', ')}`);

        try {
            hostExitCode = await runTests({
                vscodeExecutablePath: exe,
                // required for extensionTestsPath to run; an empty folder, so the
                // extension under test is the one installed from the .vsix
                extensionDevelopmentPath: devDir,
                extensionTestsPath: SUITE,
                launchArgs: [workspace, ...profileArgs, '--disable-telemetry', '--disable-extension=vscode.git', '--disable-workspace-trust'],
                extensionTestsEnv: {
                    ACCT_VSCODE_TEST_RESULTS: resultsFile,
                    ACCT_VSCODE_EXTENSIONS_DIR: profile.extensionsDir,
                    ACCT_VSCODE_HOST: 'electron',
                    ACCT_PROJECT_ROOT: REPO_ROOT,
                    ACCT_VSCODE_TODAY: TEST_TODAY,
                    ...(opts.stub ? { ACCT_VSCODE_TEST_GREP: process.env.ACCT_VSCODE_TEST_GREP || 'infrastructure' } : {}),
                },
            });
        } catch (err) {
            // TestRunFailedError: VS Code exited non-zero (a test failed or the run broke)
            say(String(err?.message ?? err));
            hostExitCode = typeof err?.code === 'number' ? err.code : 1;
        }
    } finally {
        if (!opts.keep) {
            fs.rmSync(profile.base, { recursive: true, force: true });
            if (opts.stub) removeStubVsix(vsix);
            fs.rmSync(devDir, { recursive: true, force: true });
            removeWorkspace(workspace);
        } else say(`kept profile ${profile.base} and workspace ${workspace}`);
    }
    return verdict({ resultsFile, hostExitCode, label: 'vscode-electron' });
}

main().then(
    code => process.exit(code),
    err => {
        console.error(`[run-electron] FAILED: ${err.message}`);
        console.log('vscode-electron: 0 passed, 1 failed');
        process.exit(1);
    },
);
