// Findings in the Problems panel: codes, severities and ranges, for one file
// and for the whole workspace (compared with examples/EXPECTED.md and the CLI).
'use strict';

const assert = require('assert');
const cp = require('child_process');
const vscode = require('vscode');
const h = require('./helpers');

// `acct check examples --today 2026-11-22` (file:line:column, 1-based), see examples/EXPECTED.md
const JINLAN = [
    { code: 'single-threaded', severity: 'warning', line: 4, column: 1, element: 'customer jlbank' },
    { code: 'opposed-influence', severity: 'warning', line: 70, column: 20, element: 'influences lu of he_wei' },
    { code: 'incomplete-iron-triangle', severity: 'warning', line: 94, column: 9, element: 'team of dcnet' },
    { code: 'unqualified-opportunity', severity: 'warning', line: 111, column: 5, element: 'opportunity branchwifi' },
    { code: 'unverified-opportunity', severity: 'warning', line: 111, column: 5, element: 'opportunity branchwifi (contract 1.2)' },
    { code: 'overdue-activity', severity: 'warning', line: 150, column: 14, element: 'date of dcsite' },
];

// examples/EXPECTED.md: file, code, severity of all 23 findings (contracts 1.1 and 1.2)
const EXPECTED = [
    ['donghai-mobile.acct', 'friendly-but-unsupportive', 'info'],
    ['donghai-mobile.acct', 'opposed-key-person', 'warning'],
    ['donghai-mobile.acct', 'stale-contact', 'warning'],
    ['huaxia-grid.acct', 'missing-layer', 'warning'],
    ['huaxia-grid.acct', 'unknown-support', 'warning'],
    ['huaxia-grid.acct', 'uncovered-key-person', 'warning'],
    ['huaxia-grid.acct', 'competitor-ahead', 'warning'],
    ['huaxia-grid.acct', 'no-decision-maker', 'warning'],
    ['huaxia-grid.acct', 'class-without-partnership', 'warning'],
    ['huaxia-grid.acct', 'unknown-needs', 'warning'],
    ['huaxia-grid.acct', 'no-value-proposition', 'info'],
    ['pearl-river-port.acct', 'tier-mismatch', 'warning'],
    ['pearl-river-port.acct', 'stale-tier-review', 'warning'],
    ['pearl-river-port.acct', 'rational-turn-risk', 'warning'],
    ['pearl-river-port.acct', 'no-power-map', 'warning'],
    ['pearl-river-port.acct', 'aimless-activity', 'info'],
    ['regional/jinlan-bank.acct', 'single-threaded', 'warning'],
    ['regional/jinlan-bank.acct', 'opposed-influence', 'warning'],
    ['regional/jinlan-bank.acct', 'incomplete-iron-triangle', 'warning'],
    ['regional/jinlan-bank.acct', 'unqualified-opportunity', 'warning'],
    ['regional/jinlan-bank.acct', 'overdue-activity', 'warning'],
    ['regional/jinlan-bank.acct', 'unverified-opportunity', 'warning'],
    ['yuehai-water.acct', 'ripe-lead', 'info'],
].map(e => e.join(' '));

/** All acct diagnostics of the workspace as sorted `file code severity line:col` strings. */
function workspaceFindings() {
    return vscode.languages
        .getDiagnostics()
        .filter(([uri]) => uri.path.endsWith('.acct'))
        .flatMap(([uri, ds]) =>
            ds.map(d => `${h.relativePath(uri)} ${h.codeOf(d)} ${h.SEVERITY[d.severity]} ${d.range.start.line + 1}:${d.range.start.character + 1}`),
        )
        .sort();
}

describe('diagnostics', () => {
    before(() => h.ready());

    it('regional/jinlan-bank.acct: exactly its six findings, with code, severity and range', async () => {
        const uri = h.fileUri('regional/jinlan-bank.acct');
        const ds = await h.waitForDiagnostics(uri, ds => ds.length >= JINLAN.length);
        const actual = ds.map(d => ({
            code: h.codeOf(d),
            severity: h.SEVERITY[d.severity],
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
        }));
        const sort = xs => [...xs].sort((a, b) => a.line - b.line || a.column - b.column);
        assert.deepStrictEqual(sort(actual), sort(JINLAN.map(({ element, ...rest }) => rest)));
        for (const d of ds) assert.strictEqual(d.source, 'acct', `source of ${h.describeDiagnostic(d)}`);
    });

    it('unqualified-opportunity sits on the `opportunity branchwifi` declaration and says it is still a lead', async () => {
        const document = await vscode.workspace.openTextDocument(h.fileUri('regional/jinlan-bank.acct'));
        const d = h.diagnosticsOf(document.uri).find(x => h.codeOf(x) === 'unqualified-opportunity');
        assert.ok(d, 'no unqualified-opportunity diagnostic');
        assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
        const declaration = h.positionOf(document, 'opportunity branchwifi');
        assert.strictEqual(d.range.start.line, declaration.line);
        assert.strictEqual(d.range.start.character, declaration.character);
        assert.ok(document.getText(d.range).startsWith('opportunity branchwifi'), `range covers "${document.getText(d.range).slice(0, 40)}"`);
        assert.match(d.message, /still a lead/);
        assert.match(d.message, /budget/);
        const branchwifiEnd = h.positionOf(document, 'opportunity atmenc');
        assert.ok(d.range.end.isBefore(branchwifiEnd), 'the range does not reach past the opportunity');
    });

    it('the whole workspace: the 23 findings of examples/EXPECTED.md, and nothing else', async () => {
        const key = s => s.split(' ').slice(0, 3).join(' ');
        const findings = await h.waitFor(
            () => {
                const f = workspaceFindings();
                return f.length >= EXPECTED.length ? f : undefined;
            },
            { message: `${EXPECTED.length} findings in the workspace`, describe: () => workspaceFindings().join('\n    ') },
        );
        assert.deepStrictEqual(findings.map(key).sort(), [...EXPECTED].sort());
    });

    it('the same files, lines and columns as `acct check --today` on the command line', function () {
        const cli = h.packagedCli();
        const folder = h.workspaceFolder().uri.fsPath;
        // process.execPath is code-server's node, or Electron (then ELECTRON_RUN_AS_NODE makes it node)
        const r = cp.spawnSync(process.execPath, [cli, 'check', '.', '--today', h.TODAY], {
            cwd: folder,
            encoding: 'utf8',
            env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        });
        const fromCli = r.stdout
            .split('\n')
            .map(l => /^(.+\.acct):(\d+):(\d+): (\w+) ([\w-]+):/.exec(l))
            .filter(Boolean)
            .map(([, file, line, col, severity, code]) => `${file.replace(/^\.\//, '')} ${code} ${severity} ${line}:${col}`)
            .sort();
        assert.strictEqual(fromCli.length, EXPECTED.length, `CLI output:\n${r.stdout}${r.stderr}`);
        assert.deepStrictEqual(workspaceFindings(), fromCli);
    });
});
