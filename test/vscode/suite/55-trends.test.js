// The Trends tab of the plan panel on a git repository made here (fixed dates): the panel draws
// the contact at the cursor over the commits (its exported SVG holds the commits' points), and
// acct.openCommitChange — what a click on a point runs — opens the commit's change of the file in
// the diff editor, the file at the commit's parent beside the file at the commit.
'use strict';

const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

describe('The Trends view (acct.openPowerMap { view: "trends" }, acct.openCommitChange)', () => {
    let root;
    let file;
    let original;
    const commits = [];
    const git = (args, date) =>
        cp.execFileSync('git', args, {
            cwd: root,
            encoding: 'utf8',
            env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
        });
    const dengSupport = (text, value) => text.replace(/(contact deng "Deng Hui" \{[\s\S]*?support )-?\d/, `$1${value}`);

    before(async function () {
        this.timeout(60000);
        await h.ready();
        root = h.workspaceFolder().uri.fsPath;
        file = path.join(root, 'huaxia-grid.acct');
        original = fs.readFileSync(file, 'utf8');
        git(['init', '-q']);
        git(['config', 'user.email', 'alice@example.com']);
        git(['config', 'user.name', 'Alice Chen']);
        git(['add', '-A']);
        git(['commit', '-qm', 'Plans as reviewed'], '2026-10-01T09:00:00Z');
        commits.push(git(['rev-parse', 'HEAD']).trim());
        fs.writeFileSync(file, dengSupport(original, 3));
        git(['commit', '-qam', 'Deng backs us after the demo'], '2026-10-15T09:00:00Z');
        commits.push(git(['rev-parse', 'HEAD']).trim());
    });
    after(async () => {
        await h.closeAll();
        fs.writeFileSync(file, original);
        fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    });

    it('draws the contact at the cursor over the commits, each commit a point', async function () {
        this.timeout(90000);
        const { editor } = await h.openFile('huaxia-grid.acct');
        const at = h.positionOf(editor.document, 'contact deng');
        editor.selection = new vscode.Selection(at, at);
        await vscode.commands.executeCommand('acct.openPowerMap', { view: 'trends' });
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-trends-'));
        const target = vscode.Uri.file(path.join(dir, 'trends.svg'));
        // the history is read in the background: the tab says so, then draws
        const svg = await h.waitFor(
            async () => {
                const saved = await vscode.commands.executeCommand('acct.exportViewSvg', { target: target.toString() });
                if (!saved) return undefined;
                const text = fs.readFileSync(target.fsPath, 'utf8');
                return text.includes('data-commit="') ? text : undefined;
            },
            { timeout: 60000, interval: 1000, message: 'an exported Trends view with its commits' },
        );
        assert.match(svg, /Deng Hui over time/);
        for (const commit of commits) assert.ok(svg.includes(`data-commit="${commit}"`), `the view lacks the point of ${commit}`);
    });

    it("a click on a point opens the commit's change of the file in the diff editor", async function () {
        this.timeout(60000);
        await h.closeAll();
        const opened = await vscode.commands.executeCommand('acct.openCommitChange', { commit: commits[1], file: vscode.Uri.file(file).toString() });
        assert.strictEqual(opened, true);
        const tab = await h.waitFor(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.input instanceof vscode.TabInputTextDiff), {
            message: 'a diff editor',
            describe: h.allTabs,
        });
        const before = (await vscode.workspace.openTextDocument(tab.input.original)).getText();
        const after = (await vscode.workspace.openTextDocument(tab.input.modified)).getText();
        assert.strictEqual(before, original, "the left side is the file at the commit's parent");
        assert.strictEqual(after, dengSupport(original, 3), 'the right side is the file at the commit');
        assert.match(tab.label, /huaxia-grid\.acct/);
        // a revision that is not a commit id is refused, and git is never asked
        assert.strictEqual(
            await vscode.commands.executeCommand('acct.openCommitChange', { commit: '--output=/tmp/x', file: vscode.Uri.file(file).toString() }),
            false,
        );
    });
});
