// The host, the installed extension, and when it activates.
'use strict';

const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

// the code-server runner sets it to the VS Code of the code-server it runs (1.100.3 or 1.139.1)
const EXPECT_VERSION = process.env.ACCT_EXPECT_VSCODE_VERSION || '1.100';

describe('infrastructure', () => {
    it(`runs inside VS Code ${EXPECT_VERSION}`, () => {
        assert.ok(vscode.version.startsWith(EXPECT_VERSION), `vscode.version is ${vscode.version}`);
    });

    it("is a VS Code the extension's engines field accepts", () => {
        // engines.vscode is "^1.MINOR.0": same major, at least that minor
        const range = h.extension().packageJSON.engines.vscode;
        const floor = /^\^(\d+)\.(\d+)\.\d+$/.exec(range);
        assert.ok(floor, `engines.vscode is ${range}, not ^x.y.z`);
        const [major, minor] = vscode.version.split('.').map(Number);
        assert.ok(major === Number(floor[1]) && minor >= Number(floor[2]), `vscode.version ${vscode.version} is outside engines.vscode ${range}`);
    });

    it(`has ${h.EXTENSION_ID} installed from the .vsix`, () => {
        const ext = h.extension();
        // installed from the .vsix into the launcher's extensions folder, not loaded from the source tree
        const dir = process.env.ACCT_VSCODE_EXTENSIONS_DIR;
        if (dir) {
            const rel = path.relative(path.resolve(dir), ext.extensionUri.fsPath);
            assert.ok(!rel.startsWith('..') && !path.isAbsolute(rel), `extension loaded from ${ext.extensionUri.fsPath}, not from ${dir}`);
        }
    });

    it(`opens a workspace with acct.today pinned to ${h.TODAY}`, () => {
        // a resource setting, read for the folder (as the extension reads it: no warning in the log)
        assert.strictEqual(vscode.workspace.getConfiguration('acct', h.workspaceFolder().uri).get('today'), h.TODAY);
    });
});

describe('activation', () => {
    it('is not active before an .acct file is opened (activationEvents onLanguage:acct)', () => {
        const ext = h.extension();
        assert.deepStrictEqual(
            ext.packageJSON.activationEvents.filter(e => e.startsWith('onLanguage')),
            ['onLanguage:acct'],
        );
        const open = vscode.workspace.textDocuments.filter(d => d.languageId === 'acct').map(d => h.relativePath(d.uri));
        assert.deepStrictEqual(open, [], 'no .acct document should be open yet');
        assert.strictEqual(ext.isActive, false, 'the extension activated before any .acct file was opened');
    });

    it('activates when regional/jinlan-bank.acct is opened, and its server answers', async () => {
        const { document } = await h.openFile('regional/jinlan-bank.acct');
        assert.strictEqual(document.languageId, 'acct');
        // no ext.activate(): opening the file must be enough
        await h.ready();
        assert.ok(h.extension().isActive);
    });
});
