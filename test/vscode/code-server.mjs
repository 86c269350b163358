// Shared helpers to drive a real VS Code (code-server 4.100.3 == VS Code 1.100.3,
// or the newest, 4.139.1 == VS Code 1.139.1: .ci/code-server-versions.json) on this machine: start code-server on 127.0.0.1, install a .vsix, open the
// workbench in headless Debian Chromium through playwright-core, and act on it
// the way a user would (Quick Open, command palette, Problems panel).
//
// Nothing here talks to a non-loopback address: code-server is bound to
// 127.0.0.1 with telemetry, update checks and the extension gallery off, and
// every browser request that is not for a loopback host is aborted.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_VSIX = path.join(REPO_ROOT, 'dist', 'acct.vsix');
export const CACHE_ROOT = process.env.ACCT_CI_CACHE || path.join(os.homedir(), '.cache', 'acct-ci');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const VIEWPORT = { width: 1400, height: 900 };

// Chromium flags that keep a headless Debian Chromium off the network.
export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

// User settings written into every fresh user-data-dir: quiet, offline, no tours.
export const DEFAULT_USER_SETTINGS = {
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    'npm.fetchOnlinePackageInfo': false,
    'git.enabled': false,
    'git.autofetch': false,
    'chat.commandCenter.enabled': false,
    'window.commandCenter': false,
    'editor.minimap.enabled': false,
    // desktop VS Code's default; in the browser it is afterDelay (1 s), which on a loaded machine
    // saved a test's edit to disk before the test reverted it (seen on VS Code 1.139: the file then
    // kept `support 5`, and the CLI comparisons after it failed)
    'files.autoSave': 'off',
};

const log = (...a) => console.error('[code-server]', ...a);

/** True for the loopback hosts we allow the browser to reach. */
export function isLoopbackHost(host) {
    const h = host.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * The code-server a run uses, from .ci/code-server-versions.json: `floor` (4.100.3 == VS Code
 * 1.100.3, the oldest VS Code the engines field claims; the default), `newest` (4.139.1 == VS Code
 * 1.139.1, the newest on the registry that installs here; needs Node 24) or a version number.
 * Chosen by ACCT_CODE_SERVER_VERSION (the runners' --code-server sets it). Returns
 * { want, version, vscode, bin }: vscode is the VS Code version the file says it serves (undefined
 * for a version not listed), bin where .ci/setup-code-server.sh installs it.
 */
export function codeServerChoice(want = process.env.ACCT_CODE_SERVER_VERSION || 'floor') {
    const versions = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '.ci', 'code-server-versions.json'), 'utf8'));
    const entry = versions[want] ?? Object.values(versions).find(v => v.codeServer === want);
    if (!entry && !/^\d+\.\d+\.\d+$/.test(want)) {
        throw new Error(`ACCT_CODE_SERVER_VERSION=${want} is neither a label (${Object.keys(versions).join(', ')}) nor a version`);
    }
    const version = entry?.codeServer ?? want;
    const node = entry ? entry.node : (process.env.ACCT_CODE_SERVER_NODE ?? '');
    const prefix = path.join(CACHE_ROOT, version === versions.floor.codeServer ? 'code-server' : `code-server-${version}`);
    // a code-server with its own Node is started through the wrapper that puts that Node first on PATH
    const bin = node ? path.join(prefix, 'bin', 'code-server') : path.join(prefix, 'node_modules', '.bin', 'code-server');
    return { want, version, vscode: entry?.vscode, bin };
}

/** Path of the code-server binary; runs .ci/setup-code-server.sh if it isn't installed yet. */
export function findCodeServer({ autoSetup = process.env.ACCT_NO_AUTO_SETUP !== '1' } = {}) {
    if (process.env.CODE_SERVER_BIN) return process.env.CODE_SERVER_BIN;
    const { want, bin } = codeServerChoice();
    if (fs.existsSync(bin)) return bin;
    if (!autoSetup) throw new Error(`code-server not found at ${bin}: run bash .ci/setup-code-server.sh ${want}`);
    log(`code-server (${want}) not installed yet: running .ci/setup-code-server.sh ${want}`);
    const r = spawnSync('bash', [path.join(REPO_ROOT, '.ci', 'setup-code-server.sh'), want], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    const out = (r.stdout || '').trim().split('\n').pop();
    if (r.status !== 0 || !out || !fs.existsSync(out)) throw new Error(`setup-code-server.sh ${want} failed (exit ${r.status})`);
    return out;
}

/**
 * What a code-server binary is: { version, vscodeVersion, vscodeOption } — its own version, the
 * VS Code it serves (the version the suite's first test expects) and whether it takes
 * `--vscode-option` (4.139 does, and needs `--vscode-option enable-smoke-test-driver` before the
 * workbench runs tests from the URL's payload; 4.100 has no such option and runs them anyway).
 * Read from the package the binary belongs to (found upwards from its real path); a binary
 * outside any package is asked (`--version`, `--help`).
 */
export function codeServerInfo(bin) {
    let dir = path.dirname(fs.realpathSync(bin));
    for (let i = 0; i < 6; i++, dir = path.dirname(dir)) {
        for (const pkg of [dir, path.join(dir, 'node_modules', 'code-server')]) {
            const vscodePkg = path.join(pkg, 'lib', 'vscode', 'package.json');
            const cli = path.join(pkg, 'out', 'node', 'cli.js');
            if (!fs.existsSync(vscodePkg) || !fs.existsSync(cli)) continue;
            return {
                version: JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).version,
                vscodeVersion: JSON.parse(fs.readFileSync(vscodePkg, 'utf8')).version,
                vscodeOption: fs.readFileSync(cli, 'utf8').includes('"vscode-option"'),
            };
        }
    }
    // with a config file of its own: without --config, code-server writes ~/.config/code-server
    const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'acct-code-server-info-')), 'config.yaml');
    fs.writeFileSync(config, 'auth: none\nbind-addr: 127.0.0.1:0\ncert: false\n');
    const run = args => spawnSync(bin, ['--config', config, ...args], { encoding: 'utf8', env: codeServerEnv(), timeout: 60_000 }).stdout ?? '';
    // "4.139.1 <commit> with Code 1.139.1"
    const m = /^(\d+\.\d+\.\d+)\s.*?Code (\d+\.\d+\.\d+)/m.exec(run(['--version']));
    const vscodeOption = run(['--help']).includes('--vscode-option');
    fs.rmSync(path.dirname(config), { recursive: true, force: true });
    if (!m) throw new Error(`${bin} --version does not say which code-server and VS Code it is`);
    return { version: m[1], vscodeVersion: m[2], vscodeOption };
}

/** The date the suites pin "today" to, so date checks give the findings of examples/EXPECTED.md. */
export const TEST_TODAY = '2026-11-22';

/**
 * A throwaway copy of `source` (default examples/) in a temp folder, with a
 * `.vscode/settings.json` that pins `acct.today`, so tests may edit, save and
 * export without touching the repository. Returns the folder's path.
 */
export function prepareWorkspace({ source = path.join(REPO_ROOT, 'examples'), today = TEST_TODAY } = {}) {
    if (!fs.existsSync(source)) throw new Error(`workspace source folder not found: ${source}`);
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-vscode-ws-'));
    const dir = path.join(base, path.basename(source));
    fs.cpSync(source, dir, { recursive: true });
    const settingsFile = path.join(dir, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    let settings = {};
    try {
        settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    } catch {
        /* none yet */
    }
    fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, 'acct.today': today }, null, 2) + '\n');
    return dir;
}

/** Deletes a folder made by prepareWorkspace (never anything else). */
export function removeWorkspace(dir) {
    const base = path.dirname(dir);
    if (path.basename(base).startsWith('acct-vscode-ws-') && path.dirname(base) === os.tmpdir()) {
        fs.rmSync(base, { recursive: true, force: true });
    }
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const { port } = srv.address();
            srv.close(() => resolve(port));
        });
    });
}

/**
 * A fresh profile folder: user-data-dir (with quiet settings), extensions-dir,
 * and an empty code-server config file (so ~/.config/code-server is never touched).
 */
export function makeProfile({ root, settings = {} } = {}) {
    const base = root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'acct-vscode-'));
    const userDataDir = path.join(base, 'user-data');
    const extensionsDir = path.join(base, 'extensions');
    const configFile = path.join(base, 'config.yaml');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(extensionsDir, { recursive: true });
    fs.writeFileSync(configFile, 'auth: none\nbind-addr: 127.0.0.1:0\ncert: false\n');
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...settings }, null, 2));
    return { base, userDataDir, extensionsDir, configFile };
}

/** Environment for every code-server process: no gallery, no update checks. */
export function codeServerEnv(extra = {}) {
    return {
        ...process.env,
        // an extensions gallery without a serviceUrl: VS Code treats the marketplace as disabled
        EXTENSIONS_GALLERY: '{}',
        VSCODE_SKIP_NODE_VERSION_CHECK: '1',
        ...extra,
    };
}

function commonArgs(profile) {
    return [
        '--config',
        profile.configFile,
        '--user-data-dir',
        profile.userDataDir,
        '--extensions-dir',
        profile.extensionsDir,
        '--disable-telemetry',
        '--disable-update-check',
    ];
}

/** Installs a .vsix into the profile's extensions-dir, as `code --install-extension` would. */
export function installVsix({ bin = findCodeServer(), profile, vsix }) {
    if (!fs.existsSync(vsix)) throw new Error(`vsix not found: ${vsix}`);
    const r = spawnSync(bin, [...commonArgs(profile), '--install-extension', vsix, '--force'], {
        encoding: 'utf8',
        env: codeServerEnv(),
        timeout: 120_000,
    });
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) {
        throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${out}`);
    }
    return out.trim();
}

/** Extension folders present in the profile's extensions-dir (e.g. ['acct.acct-plans-0.1.0']). */
export function installedExtensions(profile) {
    return fs.readdirSync(profile.extensionsDir).filter(d => !d.startsWith('.') && d !== 'extensions.json');
}

/**
 * Starts code-server on 127.0.0.1 at a free port. Resolves once it answers
 * /healthz. Returns { url, port, proc, logFile, stop() }.
 */
export async function startCodeServer({
    bin = findCodeServer(),
    profile,
    folder,
    env = {},
    logFile = path.join(profile.base, 'code-server.log'),
    startupTimeoutMs = 60_000,
    vscodeOptions = [],
} = {}) {
    const port = await freePort();
    const args = [
        ...commonArgs(profile),
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--disable-proxy',
        '--ignore-last-opened',
        '--log',
        process.env.ACCT_CODE_SERVER_LOG_LEVEL || 'info',
    ];
    // options handed to VS Code itself (code-server 4.139+: --vscode-option NAME)
    for (const o of vscodeOptions) args.push('--vscode-option', o);
    if (folder) args.push(folder);
    const out = fs.openSync(logFile, 'a');
    const proc = spawn(bin, args, { env: codeServerEnv(env), stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    let exited = null;
    proc.on('exit', (code, signal) => (exited = { code, signal }));
    const url = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + startupTimeoutMs;
    for (;;) {
        if (exited) throw new Error(`code-server exited during startup (${JSON.stringify(exited)}); log: ${logFile}\n${tail(logFile)}`);
        try {
            const res = await fetch(`${url}healthz`);
            if (res.ok) break;
        } catch {
            /* not up yet */
        }
        if (Date.now() > deadline) {
            killTree(proc);
            throw new Error(`code-server did not answer on ${url} within ${startupTimeoutMs} ms; log: ${logFile}\n${tail(logFile)}`);
        }
        await sleep(250);
    }
    log(`listening on ${url} (pid ${proc.pid}, log ${logFile})`);
    return {
        url,
        port,
        proc,
        logFile,
        get exited() {
            return exited;
        },
        async stop() {
            if (exited) return;
            killTree(proc, 'SIGTERM');
            for (let i = 0; i < 40 && !exited; i++) await sleep(100);
            if (!exited) killTree(proc, 'SIGKILL');
        },
    };
}

/** Kills the process group we created (code-server and its extension host / pty host children). */
function killTree(proc, signal = 'SIGTERM') {
    try {
        process.kill(-proc.pid, signal);
    } catch {
        try {
            proc.kill(signal);
        } catch {
            /* already gone */
        }
    }
}

export function tail(file, lines = 40) {
    try {
        return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
        return '';
    }
}

export const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Launches headless Debian Chromium through playwright-core with a page whose
 * non-loopback requests are all aborted (and listed in `blocked`).
 * Returns { browser, context, page, consoleLines, blocked }.
 */
export async function launchBrowser({ viewport = VIEWPORT, onConsole } = {}) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const blocked = [];
    await context.route('**/*', route => {
        const u = new URL(route.request().url());
        if (['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && !isLoopbackHost(u.hostname)) {
            blocked.push(u.href);
            log(`blocked a browser request to ${u.origin}`);
            return route.abort('blockedbyclient');
        }
        return route.continue();
    });
    const page = await context.newPage();
    const consoleLines = [];
    page.on('console', msg => {
        const text = cleanConsole(msg.text());
        consoleLines.push(`[${msg.type()}] ${text}`);
        onConsole?.(msg.type(), text);
    });
    page.on('pageerror', err => consoleLines.push(`[pageerror] ${err.message}`));
    return { browser, context, page, consoleLines, blocked };
}

/** Strips the %c CSS placeholders VS Code uses when it forwards extension host logs. */
export function cleanConsole(text) {
    return text
        .replace(/%c/g, '')
        .replace(/\s(color|font-weight|background)\s*:[^\s]+;?/g, '')
        .trimEnd();
}

/**
 * Workbench URL for a folder on the server. `payload` entries are passed to the
 * workbench's environment the same way VS Code's own web integration tests do
 * (e.g. [['extensionDevelopmentPath', uri], ['extensionTestsPath', uri]]).
 */
export function workbenchUrl(server, { folder, payload } = {}) {
    const u = new URL(server.url);
    if (folder) u.searchParams.set('folder', folder);
    if (payload) u.searchParams.set('payload', JSON.stringify(payload));
    return u.toString();
}

/** A `vscode-remote://` URI for a path on the code-server host (how the workbench names server files). */
export function remoteUri(server, fsPath) {
    return `vscode-remote://127.0.0.1:${server.port}${path.resolve(fsPath).split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** Navigates to the workbench and waits until it is usable. */
export async function openWorkbench(page, server, opts = {}) {
    await page.goto(workbenchUrl(server, opts), { waitUntil: 'domcontentloaded' });
    await waitForWorkbench(page, opts);
}

/**
 * Waits until the workbench is rendered and connected to the server: the
 * status bar is up and, if a folder was opened, the Explorer shows it.
 */
export async function waitForWorkbench(page, { folder, timeoutMs = 90_000 } = {}) {
    await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
    await page.waitForSelector('.monaco-workbench .part.statusbar', { state: 'visible', timeout: timeoutMs });
    await page.waitForSelector('.monaco-workbench .part.activitybar, .monaco-workbench .part.sidebar', { timeout: timeoutMs });
    if (folder) {
        // the explorer lists the folder's name once the remote file system answered
        const name = path.basename(folder);
        await page
            .locator('.explorer-folders-view, .pane-header[aria-label*="Explorer"], .explorer-viewlet')
            .first()
            .waitFor({ timeout: timeoutMs })
            .catch(() => {});
        await page.waitForFunction(n => document.title.includes(n) || !!document.querySelector(`.explorer-folders-view`), name, { timeout: timeoutMs });
    }
    // let restored editors and the first layout settle
    await page.waitForTimeout(1000);
}

/** Dismisses any notification toasts so they don't cover what we look at. */
export async function clearNotifications(page) {
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
}

/** Opens a file through Quick Open (Ctrl+P) by typing its name, and waits for its editor tab. */
export async function openFile(page, name, { timeoutMs = 20_000 } = {}) {
    await focusWorkbench(page);
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(name);
    const base = path.basename(name);
    // wait for a matching pick (file search runs on the server through ripgrep)
    const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: base }).first();
    await pick.waitFor({ state: 'visible', timeout: timeoutMs });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: base }).first().waitFor({ state: 'visible', timeout: timeoutMs });
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: timeoutMs });
    await page.waitForTimeout(300);
}

/** Runs a command from the Command Palette (Ctrl+Shift+P) by its label. */
export async function runCommand(page, label, { timeoutMs = 20_000 } = {}) {
    await focusWorkbench(page);
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(`>${label}`);
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    await row.click();
    await input.waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => {});
}

async function focusWorkbench(page) {
    // Escape closes an open quick input; clicking the status bar gives the page keyboard focus
    await page.keyboard.press('Escape');
    await page
        .locator('.monaco-workbench .part.statusbar')
        .click({ position: { x: 5, y: 5 } })
        .catch(() => {});
}

/**
 * Opens the Problems panel and returns all its entries (scrolling through the
 * virtualised list) as { severity, message, source, code, file, line, column, label }.
 * `file` is the file row's label (base name), `label` the entry's aria-label.
 */
export async function readProblems(page, { timeoutMs = 10_000 } = {}) {
    await runCommand(page, 'View: Focus Problems');
    const panel = page.locator('.markers-panel').first();
    await panel.waitFor({ state: 'visible', timeout: timeoutMs });
    await page.waitForTimeout(500);
    const tree = panel.locator('.monaco-list').first();
    if ((await tree.count()) === 0 || !(await tree.isVisible())) return []; // "No problems have been detected"
    const byIndex = new Map();
    for (let guard = 0; guard < 200; guard++) {
        const rows = await tree.evaluate(list =>
            [...list.querySelectorAll('.monaco-list-row')].map(row => {
                const q = sel => row.querySelector(sel)?.textContent?.trim() ?? null;
                const icon = row.querySelector('.marker-icon');
                const pos = /\[Ln (\d+), Col (\d+)\]/.exec(q('.marker-line') ?? '');
                return {
                    index: Number(row.getAttribute('data-index')),
                    level: Number(row.getAttribute('aria-level')),
                    label: row.getAttribute('aria-label') ?? '',
                    fileName: q('.monaco-icon-label .label-name'),
                    severity: icon ? (['error', 'warning', 'info'].find(c => icon.classList.contains(c)) ?? 'unknown') : null,
                    message: q('.marker-message'),
                    source: q('.marker-source'),
                    code: q('.marker-code'),
                    line: pos ? Number(pos[1]) : null,
                    column: pos ? Number(pos[2]) : null,
                };
            }),
        );
        const before = byIndex.size;
        for (const r of rows) byIndex.set(r.index, r);
        if (byIndex.size === before && guard > 0) break;
        await tree.hover();
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(100);
    }
    const out = [];
    let file = null;
    for (const r of [...byIndex.values()].sort((a, b) => a.index - b.index)) {
        if (r.severity === null) {
            file = r.fileName;
            continue;
        }
        out.push({
            severity: r.severity,
            message: r.message,
            source: r.source,
            code: r.code,
            file,
            line: r.line,
            column: r.column,
            label: r.label,
        });
    }
    return out;
}

/** Squiggles currently rendered in the active editor: { error, warning, info, hint } counts. */
export async function editorSquiggles(page) {
    return page
        .locator('.editor-instance .monaco-editor')
        .first()
        .evaluate(ed => ({
            error: ed.querySelectorAll('.squiggly-error').length,
            warning: ed.querySelectorAll('.squiggly-warning').length,
            info: ed.querySelectorAll('.squiggly-info').length,
            hint: ed.querySelectorAll('.squiggly-hint').length,
        }));
}

/** Moves the cursor in the active editor with Go to Line (Ctrl+G) "line:column". */
export async function goToLine(page, line, column = 1) {
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' }).catch(() => {});
}

/** Triggers completion (Ctrl+Space) at the cursor and returns the suggestion labels. */
export async function completionLabels(page, { timeoutMs = 10_000, until = labels => labels.length > 0 } = {}) {
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.editor-widget.suggest-widget');
    await widget.waitFor({ state: 'visible', timeout: timeoutMs });
    // the widget opens with "Loading…" and fills when the server answers: read it until `until`
    // holds for what it lists (or the time is up: the caller's assertion then says what was listed)
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const labels = await widget.locator('.monaco-list-row .label-name').evaluateAll(els => els.map(e => e.textContent.trim()));
        if (until(labels) || Date.now() > deadline) return labels;
        await sleep(50);
    }
}

/**
 * Squiggle classes (e.g. 'squiggly-warning') drawn on the visible editor line
 * whose text contains `needle` (null if no such line is rendered: a caller waits for the line
 * with `until`, it never takes null for "no squiggle").
 */
export async function squigglesOnLine(page, needle) {
    return page
        .locator('.editor-instance .monaco-editor')
        .first()
        .evaluate((ed, text) => {
            const norm = s => (s ?? '').replace(/\u00a0/g, ' ');
            const line = [...ed.querySelectorAll('.view-lines .view-line')].find(l => norm(l.textContent).includes(text));
            if (!line) return null;
            // decorations live in per-line overlay divs placed at the same `top` as the text line
            return [...ed.querySelectorAll('.view-overlays > div')]
                .filter(d => d.style.top === line.style.top)
                .flatMap(d => [...d.querySelectorAll('[class*="squiggly-"]')])
                .map(s => [...s.classList].find(c => c.startsWith('squiggly-')));
        }, needle);
}

/** Text of the visible editor line containing `needle` (spaces normalised), or null. */
export async function editorLineText(page, needle) {
    return page
        .locator('.editor-instance .monaco-editor')
        .first()
        .evaluate((ed, text) => {
            const norm = s => (s ?? '').replace(/\u00a0/g, ' ');
            const line = [...ed.querySelectorAll('.view-lines .view-line')].find(l => norm(l.textContent).includes(text));
            return line ? norm(line.textContent) : null;
        }, needle);
}

/**
 * The frame of a webview whose document matches `selector`. Webviews are
 * nested iframes (the workbench's `iframe.webview` → the content frame), so
 * this polls page.frames() until one of them has the selector.
 */
export async function findWebviewFrame(page, selector, { timeoutMs = 20_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        for (const frame of page.frames()) {
            if (frame === page.mainFrame()) continue;
            const found = await frame
                .locator(selector)
                .count()
                .catch(() => 0);
            if (found > 0) return frame;
        }
        if (Date.now() > deadline) {
            throw new Error(
                `no webview frame shows ${selector} within ${timeoutMs} ms; frames: ${page
                    .frames()
                    .map(f => f.url().slice(0, 120))
                    .join(' | ')}`,
            );
        }
        await sleep(250);
    }
}

/** Saves a full-page screenshot into dir/name.png and returns its path. */
export async function screenshot(page, dir, name) {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await page.screenshot({ path: file });
    log(`screenshot ${path.relative(REPO_ROOT, file)}`);
    return file;
}

/**
 * The warnings VS Code's extension hosts logged about how an `acct.*` setting was read (e.g.
 * "Accessing a resource scoped configuration without providing a resource is not expected"),
 * from a user-data-dir's logs folder: one line each, without the time stamp.
 */
export function settingWarnings(logsDir) {
    const found = [];
    const walk = dir => {
        for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
            const f = path.join(dir, e.name);
            if (e.isDirectory()) walk(f);
            else if (/exthost\.log$/i.test(e.name)) {
                for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
                    if (/\[warning\].*configuration.*'acct\./.test(line)) found.push(line.replace(/^[\d-]+ [\d:.]+ /, ''));
                }
            }
        }
    };
    walk(logsDir);
    return found;
}

/**
 * Reads the JSON summary written by suite/index.js and decides the verdict:
 * green only when the host reported exit code 0 AND the summary shows at
 * least one pass and no failure. Prints failures and the closing
 * "N passed, N failed, N skipped" line. Returns the process exit code (0 or 1).
 * `problems` are failures found outside the suite (e.g. warnings the extension host logged):
 * each counts as one failed test.
 */
export function verdict({ resultsFile, hostExitCode, label = 'vscode', problems = [] }) {
    let results;
    try {
        results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    } catch {
        console.error(`[${label}] the suite wrote no results (${resultsFile}); host exit code ${hostExitCode}`);
        console.log(`${label}: 0 passed, 1 failed, 0 skipped`);
        return 1;
    }
    for (const t of results.tests ?? []) {
        if (t.state === 'failed') console.log(`FAILED ${t.title}\n${t.error}\n`);
    }
    if (results.error) console.log(`suite error: ${results.error}`);
    for (const p of problems) console.log(`FAILED ${p}\n`);
    const suiteOk = hostExitCode === 0 && results.failures === 0 && results.passes > 0;
    const ok = suiteOk && problems.length === 0;
    if (!suiteOk && results.failures === 0) {
        console.error(`[${label}] not green: host exit code ${hostExitCode}, ${results.passes} passed`);
    }
    const failed = (results.failures || (suiteOk ? 0 : 1)) + problems.length;
    console.log(`${label}: ${results.passes} passed, ${failed} failed, ${results.pending || 0} skipped`);
    return ok ? 0 : 1;
}
