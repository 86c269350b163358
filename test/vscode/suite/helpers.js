// Shared helpers of the integration suite (not a test file: no `.test.js`).
// Everything goes through the public `vscode` API, as a user's VS Code would.
'use strict';

const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = process.env.ACCT_EXTENSION_ID || 'acct.acct-plans';
/** The repository (for the schema, ajv and the CLI); the suite lives in test/vscode/suite. */
const PROJECT_ROOT = process.env.ACCT_PROJECT_ROOT || path.resolve(__dirname, '..', '..', '..');
/** The date the launcher pinned in the workspace's .vscode/settings.json. */
const TODAY = process.env.ACCT_VSCODE_TODAY || '2026-11-22';
/** How long to wait for the language server to answer something (ms). */
const WAIT_MS = Number(process.env.ACCT_VSCODE_WAIT_MS || 20000);

const SEVERITY = {
    [vscode.DiagnosticSeverity.Error]: 'error',
    [vscode.DiagnosticSeverity.Warning]: 'warning',
    [vscode.DiagnosticSeverity.Information]: 'info',
    [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function workspaceFolder() {
    const folder = (vscode.workspace.workspaceFolders || [])[0];
    assert.ok(folder, 'no workspace folder is open: the launcher must open the examples copy');
    return folder;
}

/** URI of a file of the workspace, by its path relative to the folder (with `/`). */
function fileUri(relative) {
    return vscode.Uri.joinPath(workspaceFolder().uri, ...relative.split('/'));
}

/** Path of a URI relative to the workspace folder, with `/`. */
function relativePath(uri) {
    return path.posix.relative(workspaceFolder().uri.path, uri.path);
}

function extension() {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(
        ext,
        `extension ${EXTENSION_ID} is not installed; have: ${vscode.extensions.all
            .map(e => e.id)
            .filter(id => !id.startsWith('vscode.'))
            .join(', ')}`,
    );
    return ext;
}

/** The CLI the installed package carries (extension/out/cli.js): the one this build's editor runs beside. */
function packagedCli() {
    const cli = path.join(extension().extensionPath, 'out', 'cli.js');
    assert.ok(require('fs').existsSync(cli), `the installed package has no out/cli.js (${cli})`);
    return cli;
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Polls `probe` until it returns a truthy value (returned) or `timeout` ms pass
 * (then fails with `message`, plus `describe()`'s account of the last state).
 */
async function waitFor(probe, { timeout = WAIT_MS, interval = 100, message = 'condition', describe } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
        try {
            const value = await probe();
            if (value) return value;
            last = undefined;
        } catch (err) {
            last = err;
        }
        if (Date.now() > deadline) {
            const state = describe ? `\n  last state: ${await Promise.resolve(describe()).catch(e => String(e))}` : '';
            throw new Error(`timed out after ${timeout} ms waiting for ${message}${last ? ` (last error: ${last.message})` : ''}${state}`);
        }
        await sleep(interval);
    }
}

/** The string code of a diagnostic (`code` may be a string, a number or { value, target }). */
function codeOf(diagnostic) {
    const c = diagnostic.code;
    return c && typeof c === 'object' ? String(c.value) : c === undefined ? undefined : String(c);
}

/** A compact, comparable form of a diagnostic: `code severity line:col` (1-based, like the CLI). */
function describeDiagnostic(d) {
    return `${codeOf(d)} ${SEVERITY[d.severity]} ${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

function diagnosticsOf(uri) {
    return vscode.languages.getDiagnostics(uri);
}

/** Waits until the diagnostics of `uri` satisfy `predicate(diagnostics)`; returns them. */
function waitForDiagnostics(uri, predicate, message) {
    return waitFor(
        () => {
            const ds = diagnosticsOf(uri);
            return predicate(ds) ? ds : undefined;
        },
        {
            message: message || `diagnostics of ${relativePath(uri)}`,
            describe: () => diagnosticsOf(uri).map(describeDiagnostic).join(', ') || '(none)',
        },
    );
}

/**
 * Asks for the quick fixes at `range` until one satisfies `isWanted`, and returns
 * { wanted, all }. Newer VS Code versions add actions of their own ("Fix", "Explain")
 * and may answer before the language server has: one request is not enough to judge.
 */
async function quickFixesUntil(uri, range, isWanted, message) {
    let all = [];
    const wanted = await waitFor(
        async () => {
            all = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) || [];
            const found = all.filter(isWanted);
            return found.length > 0 && found;
        },
        { message, describe: () => all.map(a => a.title).join(' | ') || '(no actions)' },
    );
    return { wanted, all };
}

/** Opens a workspace file in an editor and returns { document, editor }. */
async function openFile(relative, { preview = false } = {}) {
    const document = await vscode.workspace.openTextDocument(fileUri(relative));
    const editor = await vscode.window.showTextDocument(document, { preview, preserveFocus: false });
    return { document, editor };
}

let readyPromise;
/**
 * Opens regional/jinlan-bank.acct and waits until the extension is active and
 * its language server has published diagnostics. Memoized: when the extension
 * cannot start (e.g. its server is missing), every test that needs it fails at
 * once with the same cause instead of each waiting for its own timeout.
 */
function ready() {
    if (!readyPromise) {
        readyPromise = (async () => {
            const ext = extension();
            const { document } = await openFile('regional/jinlan-bank.acct');
            const serverHint = async () => {
                const server = vscode.Uri.joinPath(ext.extensionUri, 'out', 'server.js');
                const exists = await vscode.workspace.fs.stat(server).then(
                    () => true,
                    () => false,
                );
                return exists
                    ? ` (${server.fsPath} is there: see the "Account Plans" output channel)`
                    : `: ${server.fsPath} is MISSING from the installed extension`;
            };
            await waitFor(() => ext.isActive, { timeout: WAIT_MS, message: `${EXTENSION_ID} to activate on opening an .acct file` });
            // `isActive` is also true after a failed activation; activate() then rejects with its error
            await ext.activate().then(undefined, async err => {
                throw new Error(`${EXTENSION_ID} failed to activate: ${(err && err.message) || err}. Its language server did not start${await serverHint()}`);
            });
            await waitForDiagnostics(
                document.uri,
                ds => ds.some(d => codeOf(d) === 'unqualified-opportunity'),
                'the language server to publish the findings of regional/jinlan-bank.acct',
            ).catch(async err => {
                throw new Error(`${err.message}. The language server is not answering${await serverHint()}`);
            });
            return ext;
        })();
        readyPromise.catch(() => {}); // reported by each caller
    }
    return readyPromise.catch(err => {
        throw new Error(`the extension is not working, so this test cannot run: ${err.message}`);
    });
}

/** Position of the `index`-th occurrence of `needle` in the document (offset `delta` characters after its start). */
function positionOf(document, needle, { occurrence = 0, delta = 0, after = 0 } = {}) {
    const text = document.getText();
    let at = text.indexOf(needle, after);
    for (let i = 0; i < occurrence && at >= 0; i++) at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" not found in ${relativePath(document.uri)}`);
    return document.positionAt(at + delta);
}

/** Discards unsaved edits of a document (File: Revert File) and waits until it is clean. */
async function revert(document) {
    if (!document.isDirty) return;
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !document.isDirty, { message: `${relativePath(document.uri)} to be reverted` });
}

/** Closes every editor and webview tab. */
async function closeAll() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Label of a completion item (a string or { label }). */
function labelOf(item) {
    return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Text of a documentation/contents value (string or MarkdownString). */
function textOf(value) {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map(textOf).join('\n');
    if (typeof value.value === 'string') return value.value;
    return String(value);
}

/** Webview tabs (in every group) whose viewType contains `viewType`. */
function webviewTabs(viewType) {
    return vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes(viewType));
}

function allTabs() {
    return vscode.window.tabGroups.all
        .flatMap(g => g.tabs)
        .map(
            t =>
                `${t.label} [${t.input && t.input.constructor ? t.input.constructor.name : typeof t.input}${t.input && t.input.viewType ? ` ${t.input.viewType}` : ''}]`,
        )
        .join(', ');
}

module.exports = {
    EXTENSION_ID,
    PROJECT_ROOT,
    TODAY,
    WAIT_MS,
    SEVERITY,
    allTabs,
    closeAll,
    codeOf,
    describeDiagnostic,
    diagnosticsOf,
    extension,
    fileUri,
    labelOf,
    openFile,
    packagedCli,
    positionOf,
    quickFixesUntil,
    ready,
    relativePath,
    revert,
    sleep,
    textOf,
    waitFor,
    waitForDiagnostics,
    webviewTabs,
    workspaceFolder,
};
