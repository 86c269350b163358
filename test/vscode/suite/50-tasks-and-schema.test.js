// The `acct` task type with the `$acct` problem matcher, and the JSON Schema of the export for
// `*.acct.json` files: what a user gets from tasks.json and from opening an exported plan.
'use strict';

const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

const LABEL = 'acct: check the plans';
// The tasks.json of the README ("CI and other tools").
const TASKS_JSON = {
    version: '2.0.0',
    tasks: [{ label: LABEL, type: 'acct', command: 'check', paths: ['.'], problemMatcher: ['$acct'] }],
};

/** `file code severity line:col` of the task's diagnostics (source `acct check`) in the workspace. */
function fromTask() {
    return vscode.languages
        .getDiagnostics()
        .flatMap(([uri, ds]) => ds.filter(d => d.source === 'acct check').map(d => `${h.relativePath(uri)} ${h.describeDiagnostic(d)}`))
        .sort();
}

describe('the acct task type and the $acct problem matcher', () => {
    before(() => h.ready());
    after(async () => {
        await h.closeAll();
        fs.rmSync(path.join(h.workspaceFolder().uri.fsPath, '.vscode', 'tasks.json'), { force: true });
    });

    it('detects the task "acct: check" of the workspace folder', async () => {
        const tasks = await vscode.tasks.fetchTasks({ type: 'acct' });
        const check = tasks.find(t => t.source === 'acct' && t.name === 'check');
        assert.ok(check, `no detected acct task; have: ${tasks.map(t => `${t.source}: ${t.name}`).join(', ')}`);
        assert.deepStrictEqual(check.definition, { type: 'acct', command: 'check' });
        assert.deepStrictEqual(check.problemMatchers, ['$acct']);
    });

    it('the tasks.json task runs the bundled CLI and its findings appear in the Problems panel', async () => {
        const folder = h.workspaceFolder().uri.fsPath;
        fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
        fs.writeFileSync(path.join(folder, '.vscode', 'tasks.json'), JSON.stringify(TASKS_JSON, null, 2));
        const task = await h.waitFor(async () => (await vscode.tasks.fetchTasks({ type: 'acct' })).find(t => t.name === LABEL), {
            message: `the task "${LABEL}" of .vscode/tasks.json`,
        });

        const ended = new Promise(resolve => {
            const listener = vscode.tasks.onDidEndTaskProcess(e => {
                if (e.execution.task.name !== LABEL) return;
                listener.dispose();
                resolve(e.exitCode);
            });
        });
        await vscode.tasks.executeTask(task);
        const exitCode = await Promise.race([ended, h.sleep(h.WAIT_MS).then(() => 'timed out')]);
        assert.strictEqual(exitCode, 0, 'acct check: warnings only, exit status 0');

        // What the command line prints for the same paths, as `code severity line:col`
        const cli = cp.spawnSync(process.execPath, [path.join(h.PROJECT_ROOT, 'out', 'cli.js'), 'check', '.', '--today', h.TODAY], {
            cwd: folder,
            encoding: 'utf8',
            env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        });
        const expected = cli.stdout
            .split('\n')
            .map(l => /^(.+\.acct):(\d+):(\d+): (\w+) ([\w-]+):/.exec(l))
            .filter(Boolean)
            .map(([, file, line, col, severity, code]) => `${file} ${code} ${severity} ${line}:${col}`)
            .sort();
        assert.ok(expected.length >= 10, `CLI output:\n${cli.stdout}${cli.stderr}`);

        const found = await h.waitFor(() => (fromTask().length >= expected.length ? fromTask() : undefined), {
            message: 'the task\'s diagnostics (source "acct check") in the Problems panel',
            describe: () => fromTask().join(', ') || '(none)',
        });
        assert.deepStrictEqual(found, expected);
        const uri = h.fileUri('regional/jinlan-bank.acct');
        const single = vscode.languages.getDiagnostics(uri).find(d => d.source === 'acct check' && h.codeOf(d) === 'single-threaded');
        assert.match(single.message, /rests on one person/);
    });
});

describe('the JSON Schema of the export for *.acct.json', () => {
    before(() => h.ready());
    after(() => h.closeAll());

    it('an exported plan with a wrong value gets a schema diagnostic, gone once it is right', async () => {
        const folder = h.workspaceFolder().uri.fsPath;
        const exported = cp.spawnSync(process.execPath, [path.join(h.PROJECT_ROOT, 'out', 'cli.js'), 'export', '.', '--today', h.TODAY], {
            cwd: folder,
            encoding: 'utf8',
            env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        });
        const plan = JSON.parse(exported.stdout);
        plan.customers[0].contacts[0].support = 5;
        const uri = h.fileUri('exports/plan.acct.json');
        fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
        fs.writeFileSync(uri.fsPath, JSON.stringify(plan, null, 2) + '\n');

        const document = await vscode.workspace.openTextDocument(uri);
        const editor = await vscode.window.showTextDocument(document);
        assert.strictEqual(document.languageId, 'json');
        const diagnostics = await h.waitFor(
            () => {
                const ds = vscode.languages.getDiagnostics(uri);
                return ds.length ? ds : undefined;
            },
            { timeout: Math.max(h.WAIT_MS, 30000), message: 'a JSON schema diagnostic on exports/plan.acct.json' },
        );
        const wrong = document.getText().indexOf('"support": 5');
        assert.ok(wrong > 0);
        const line = document.positionAt(wrong).line;
        assert.ok(
            diagnostics.some(d => d.range.start.line === line),
            `expected a diagnostic on line ${line + 1}; got ${diagnostics.map(d => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`,
        );

        await editor.edit(edit =>
            edit.replace(new vscode.Range(document.positionAt(wrong), document.positionAt(wrong + '"support": 5'.length)), '"support": 2'),
        );
        await h.waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, {
            message: 'no schema diagnostic once the value is right',
            describe: () =>
                vscode.languages
                    .getDiagnostics(uri)
                    .map(d => `${d.range.start.line + 1}: ${d.message}`)
                    .join('; '),
        });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        fs.rmSync(path.dirname(uri.fsPath), { recursive: true, force: true });
    });
});
