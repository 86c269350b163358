// Builds a tiny throwaway extension `acct.acct-plans` in a temp folder (outside the
// repo) and packages it with vsce, so the vsix-install + test-run mechanism can
// be proven before the real extension's `npm run package` exists.
//
//   node test/vscode/stub-extension.mjs        # prints the path of the .vsix
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function buildStubVsix({ outDir } = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-stub-ext-'));
    const manifest = {
        name: 'acct-plans',
        displayName: 'acct (throwaway stub for test infrastructure)',
        publisher: 'acct',
        version: '0.0.1',
        license: 'MIT',
        engines: { vscode: '^1.100.0' },
        main: './extension.js',
        activationEvents: ['onStartupFinished'],
        contributes: { commands: [{ command: 'acct.stub.hello', title: 'acct stub: hello' }] },
    };
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
    fs.writeFileSync(path.join(dir, 'README.md'), '# acct stub\n\nThrowaway extension for the test infrastructure.\n');
    fs.writeFileSync(
        path.join(dir, 'extension.js'),
        `const vscode = require('vscode');
exports.activate = (ctx) => {
  ctx.subscriptions.push(vscode.commands.registerCommand('acct.stub.hello', () => 'hello from acct stub'));
  return { stub: true };
};
exports.deactivate = () => {};
`,
    );
    const vsix = path.join(outDir ?? dir, 'acct-stub.vsix');
    const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (r.status !== 0 || !fs.existsSync(vsix)) {
        throw new Error(`vsce package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
    return vsix;
}

/** Deletes the temp folder of a vsix made by buildStubVsix (never anything else). */
export function removeStubVsix(vsix) {
    const dir = path.dirname(vsix);
    if (vsix && path.basename(dir).startsWith('acct-stub-ext-') && path.dirname(dir) === os.tmpdir()) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    console.log(buildStubVsix());
}
