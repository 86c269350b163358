// The plan is checked again as you type: quick fixes, live diagnostics, the
// acct.today setting.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const has = code => ds => ds.some(d => h.codeOf(d) === code);
const lacks = code => ds => !ds.some(d => h.codeOf(d) === code);

describe('edits and settings', () => {
    before(() => h.ready());
    after(async () => {
        for (const f of ['regional/jinlan-bank.acct', 'pearl-river-port.acct']) {
            await h.revert(await vscode.workspace.openTextDocument(h.fileUri(f)));
        }
    });

    it('quick fix for tier-mismatch changes the tier to the suggested one', async () => {
        const { document } = await h.openFile('pearl-river-port.acct');
        const ds = await h.waitForDiagnostics(document.uri, has('tier-mismatch'));
        const diagnostic = ds.find(d => h.codeOf(d) === 'tier-mismatch');
        assert.strictEqual(document.getText(diagnostic.range), 'commercial', 'tier-mismatch should sit on the tier value');
        const {
            wanted: [fix],
        } = await h.quickFixesUntil(document.uri, diagnostic.range, a => /tier/i.test(a.title), 'a quick fix for tier-mismatch');
        assert.match(fix.title, /core/);
        assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind && fix.kind.value}`);
        assert.ok(fix.edit, 'the quick fix carries no edit');
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        assert.match(document.lineAt(diagnostic.range.start.line).text, /tier\s+core\b/);
        await h.waitForDiagnostics(document.uri, lacks('tier-mismatch'), 'tier-mismatch to go away after the fix');
        await h.revert(document);
        await h.waitForDiagnostics(document.uri, has('tier-mismatch'), 'tier-mismatch to come back after revert');
    });

    it('"Waive this finding…" writes the waiver in the right declaration, puts the cursor in the reason, and the finding goes', async () => {
        const { document, editor } = await h.openFile('pearl-river-port.acct');
        const ds = await h.waitForDiagnostics(document.uri, has('rational-turn-risk'));
        const diagnostic = ds.find(d => h.codeOf(d) === 'rational-turn-risk');
        const {
            wanted: [waive],
        } = await h.quickFixesUntil(document.uri, diagnostic.range, a => a.title === 'Waive this finding…', 'the waive action for rational-turn-risk');
        assert.ok(await vscode.workspace.applyEdit(waive.edit));
        await vscode.commands.executeCommand(waive.command.command, ...waive.command.arguments);
        const line = editor.selection.active.line;
        const text = document.lineAt(line).text;
        assert.match(
            text,
            /^\s+waive rational-turn-risk "" until \d{4}-\d{2}-\d{2}$/,
            `the cursor should be on the waiver's own line; it is on ${line + 1}: ${text} (command ${JSON.stringify(waive.command)})`,
        );
        assert.strictEqual(document.lineAt(line).text.charAt(editor.selection.active.character - 1), '"', 'the cursor is inside the reason');
        // the waiver is inside contact ho (the declaration the finding is in): the finding goes
        const contactLine = h.positionOf(document, 'contact ho').line;
        assert.ok(line > contactLine && line < h.positionOf(document, 'contact chan').line, `waiver on line ${line + 1}`);
        await h.waitForDiagnostics(document.uri, lacks('rational-turn-risk'), 'rational-turn-risk to be waived');
        await h.revert(document);
        await h.waitForDiagnostics(document.uri, has('rational-turn-risk'), 'rational-turn-risk to come back after revert');
    });

    it('typing `support 5` gives a live out-of-range error, which goes when the edit is undone', async () => {
        const { document } = await h.openFile('regional/jinlan-bank.acct');
        // a new contact typed at the end of the customer block (before the file's last `}`)
        const end = document.positionAt(document.getText().lastIndexOf('}'));
        const we = new vscode.WorkspaceEdit();
        we.insert(document.uri, end, '    contact temp "Temp Person" {\n        support 5\n    }\n');
        assert.ok(await vscode.workspace.applyEdit(we));
        const at = h.positionOf(document, 'support 5');
        const ds = await h.waitForDiagnostics(document.uri, has('out-of-range'), 'an out-of-range diagnostic');
        const d = ds.find(x => h.codeOf(x) === 'out-of-range');
        assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
        assert.strictEqual(d.range.start.line, at.line, `out-of-range on line ${d.range.start.line + 1}, \`support 5\` is on ${at.line + 1}`);
        assert.match(document.getText(d.range), /5/);
        assert.match(d.message, /support 5 is out of range/);
        await h.revert(document);
        await h.waitForDiagnostics(document.uri, x => lacks('out-of-range')(x) && has('unqualified-opportunity')(x), 'out-of-range to go away');
    });

    it('changing acct.today re-checks dates (overdue-activity depends on it)', async () => {
        const uri = h.fileUri('regional/jinlan-bank.acct');
        await h.waitForDiagnostics(uri, has('overdue-activity'));
        const config = vscode.workspace.getConfiguration('acct', h.workspaceFolder().uri);
        try {
            // dcsite is planned for 2026-11-10: not overdue on 2026-11-05
            await config.update('today', '2026-11-05', vscode.ConfigurationTarget.Workspace);
            await h.waitForDiagnostics(uri, lacks('overdue-activity'), 'overdue-activity to go with acct.today 2026-11-05');
        } finally {
            await config.update('today', h.TODAY, vscode.ConfigurationTarget.Workspace);
        }
        await h.waitForDiagnostics(uri, has('overdue-activity'), `overdue-activity to return with acct.today ${h.TODAY}`);
    });
});
