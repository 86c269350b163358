// Format Document through VS Code's own command, and format on typing `}`.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

describe('formatting', () => {
    before(() => h.ready());
    after(async () => {
        await h.revert(await vscode.workspace.openTextDocument(h.fileUri('pearl-river-port.acct')));
    });

    it('the examples are formatted: Format Document leaves them as they are', async () => {
        const { document, editor } = await h.openFile('pearl-river-port.acct');
        const original = document.getText();
        editor.options = { tabSize: 4, insertSpaces: true };
        await vscode.commands.executeCommand('editor.action.formatDocument');
        assert.strictEqual(document.getText(), original);
        assert.strictEqual(document.isDirty, false);
    });

    it('Format Document re-indents a plan whose indentation was lost, back to the example as written', async () => {
        const { document, editor } = await h.openFile('pearl-river-port.acct');
        const original = document.getText();
        const flattened = original.replace(/^[ \t]+/gm, '').replace(/\n\n/g, '\n\n\n');
        const we = new vscode.WorkspaceEdit();
        we.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(original.length)), flattened);
        assert.ok(await vscode.workspace.applyEdit(we));
        editor.options = { tabSize: 4, insertSpaces: true };
        await vscode.commands.executeCommand('editor.action.formatDocument');
        await h.waitFor(() => document.getText() === original, {
            message: 'Format Document to restore the example',
            describe: () => document.getText().split('\n').slice(0, 12).join('⏎'),
        });
        await h.revert(document);
    });

    it('format on typing `}` indents its line as the block it closes', async () => {
        const { document } = await h.openFile('pearl-river-port.acct');
        const line = document
            .getText()
            .split('\n')
            .findIndex(text => text === '    }');
        assert.ok(line > 0, 'no line `    }` in the example');
        const we = new vscode.WorkspaceEdit();
        we.replace(document.uri, document.lineAt(line).range, '          }');
        assert.ok(await vscode.workspace.applyEdit(we));
        const edits = await vscode.commands.executeCommand('vscode.executeFormatOnTypeProvider', document.uri, new vscode.Position(line, 11), '}', {
            tabSize: 4,
            insertSpaces: true,
        });
        assert.ok(edits && edits.length > 0, 'no edit on typing }');
        const fix = new vscode.WorkspaceEdit();
        fix.set(document.uri, edits);
        assert.ok(await vscode.workspace.applyEdit(fix));
        assert.strictEqual(document.lineAt(line).text, '    }');
        await h.revert(document);
    });
});
