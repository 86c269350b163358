// Account Plan: Show Changes Since… on a git repository: the report of `acct diff` beside the
// editor as pictures and words (the Changes panel: the power map of each changed deal with what
// moved marked on its cards, the findings, each linking to its declaration), and as Markdown.
'use strict';

const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

describe('Account Plan: Show Changes Since… (acct.showChanges)', () => {
    let root;
    const git = (...args) => cp.execFileSync('git', args, { cwd: root, encoding: 'utf8' });

    before(async () => {
        await h.ready();
        root = h.workspaceFolder().uri.fsPath;
        git('init', '-q');
        git('config', 'user.email', 'test@example.com');
        git('config', 'user.name', 'Test');
        git('add', '-A');
        git('commit', '-qm', 'plans as reviewed');
    });
    after(async () => {
        await h.closeAll();
        const file = path.join(root, 'huaxia-grid.acct');
        git('checkout', '--', 'huaxia-grid.acct');
        fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
        assert.ok(fs.existsSync(file));
    });

    it("opens the Changes view: the changed deal's power map with the move marked on the card, and the Markdown report with a link to each declaration", async () => {
        const file = path.join(root, 'huaxia-grid.acct');
        const text = fs.readFileSync(file, 'utf8');
        // Deng's support drops from 1 to 0 on disk
        fs.writeFileSync(file, text.replace(/(contact deng "Deng Hui" \{[\s\S]*?support )1/, '$10'));
        const shown = await vscode.commands.executeCommand('acct.showChanges', { revision: 'HEAD', folder: h.workspaceFolder().uri.toString() });
        assert.ok(shown, 'the command returned nothing');
        // the view opened beside the editor, and its page says what it drew
        assert.strictEqual(shown.title, 'Changes since HEAD');
        assert.match(h.allTabs(), /Changes since HEAD \[[^\]]*acct\.changes\]/, `no Changes view among the tabs: ${h.allTabs()}`);
        assert.ok(shown.drawn, 'the Changes page did not say it drew the report');
        assert.ok(shown.drawn.maps >= 1, `no power map drawn: ${JSON.stringify(shown.drawn)}`);
        // Deng's card is marked on the map of the deal whose chain he is in
        assert.ok(shown.drawn.marks.includes('contact:hxgrid/deng: support 1 → 0'), `Deng's card is not marked: ${JSON.stringify(shown.drawn.marks)}`);
        assert.ok(shown.drawn.links >= 1, 'no change links to its declaration');

        // the same report as Markdown (the pull-request form), one button away
        const report = (await vscode.workspace.openTextDocument(shown.markdown)).getText();
        assert.match(report, /^### Account plan changes/);
        assert.match(report, /changes from HEAD to the files on disk/);
        const row = report.split('\n').find(l => l.includes('hxgrid/deng'));
        assert.ok(row, `no row for hxgrid/deng in:\n${report}`);
        assert.match(row, /support 1 → 0/);
        const link = /\]\(([^)]+)\)/.exec(row);
        assert.ok(link, `the row has no link: ${row}`);
        // a path from the workspace folder's root, which the markdown preview follows (it refuses file: links)
        const [, target, fragment] = /^\/([^#]+)#(.+)$/.exec(link[1]);
        assert.strictEqual(decodeURIComponent(target), 'huaxia-grid.acct');
        const line = Number(/^L(\d+)$/.exec(fragment)[1]);
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
        assert.match(document.lineAt(line - 1).text, /contact deng "Deng Hui"/);
    });

    it('an unknown revision says so and shows nothing', async () => {
        await h.closeAll();
        await assert.rejects(
            vscode.commands.executeCommand('acct.showChanges', { revision: 'no-such-branch', folder: h.workspaceFolder().uri.toString() }),
            err => {
                // the message the user is shown: the revision, and what to give instead
                assert.match(err.message, /unknown revision 'no-such-branch': give a commit, a branch or a tag/);
                return true;
            },
        );
        assert.deepStrictEqual(h.allTabs(), '', 'a report was opened for an unknown revision');
    });
});
