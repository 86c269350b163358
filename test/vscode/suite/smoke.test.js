// Placeholder integration test: proves the suite runs inside a real VS Code
// 1.100 extension host with the extension installed from a .vsix.
'use strict';

const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = process.env.ACCT_EXTENSION_ID || 'acct.acct';
const EXPECT_VERSION = process.env.ACCT_EXPECT_VSCODE_VERSION || '1.100';

describe('smoke: VS Code host', () => {
  it(`runs inside VS Code ${EXPECT_VERSION}`, () => {
    assert.ok(vscode.version.startsWith(EXPECT_VERSION), `vscode.version is ${vscode.version}`);
  });

  it(`finds the extension ${EXTENSION_ID}`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed; have: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
    // installed from the .vsix into the launcher's extensions folder, not loaded from the source tree
    const dir = process.env.ACCT_VSCODE_EXTENSIONS_DIR;
    if (dir) {
      const rel = path.relative(path.resolve(dir), ext.extensionUri.fsPath);
      assert.ok(!rel.startsWith('..') && !path.isAbsolute(rel), `extension loaded from ${ext.extensionUri.fsPath}, not from ${dir}`);
    }
    await ext.activate();
    assert.ok(ext.isActive, 'extension did not activate');
  });
});
