// Navigation and quick fixes in a real VS Code, through the commands the editor itself runs:
// Go to Symbol in Workspace, semantic highlighting, inlay hints, and a quick fix applied.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

const JINLAN = 'regional/jinlan-bank.acct';
const has = code => ds => ds.some(d => h.codeOf(d) === code);
const lacks = code => ds => !ds.some(d => h.codeOf(d) === code);

describe('navigation and quick fixes', () => {
    before(() => h.ready());
    afterEach(async () => {
        await h.revert(await vscode.workspace.openTextDocument(h.fileUri(JINLAN)));
    });

    it('Go to Symbol in Workspace finds a contact by display name, with its customer', async () => {
        const symbols = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'He Wei');
        const heWei = (symbols || []).find(s => s.name === 'he_wei "He Wei"');
        assert.ok(heWei, `no contact he_wei among ${(symbols || []).map(s => s.name).join(' | ')}`);
        assert.strictEqual(heWei.kind, vscode.SymbolKind.Field);
        assert.strictEqual(heWei.containerName, 'jlbank "Jinlan City Commercial Bank"');
        assert.strictEqual(h.relativePath(heWei.location.uri), JINLAN);
        const document = await vscode.workspace.openTextDocument(heWei.location.uri);
        assert.strictEqual(heWei.location.range.start.line, h.positionOf(document, 'contact he_wei').line);
        // a Chinese name by one of its characters
        const zhou = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', '敏');
        assert.ok(
            (zhou || []).some(s => s.name === '周敏'),
            `周敏 not found: ${(zhou || []).map(s => s.name).join(' | ')}`,
        );
    });

    it('semantic tokens tell a contact (property) from a member (variable) and a competitor (enumMember)', async () => {
        const { document } = await h.openFile(JINLAN);
        const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', document.uri);
        const tokens = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', document.uri);
        assert.ok(legend && tokens && tokens.data.length > 0, 'no semantic tokens');
        const found = new Map();
        let line = 0;
        let character = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            line += tokens.data[i];
            character = tokens.data[i] ? tokens.data[i + 1] : character + tokens.data[i + 1];
            const modifiers = legend.tokenModifiers.filter((_, bit) => tokens.data[i + 4] & (1 << bit));
            found.set(`${line}:${character}`, [legend.tokenTypes[tokens.data[i + 3]], ...modifiers].join('.'));
        }
        const at = (needle, delta) => {
            const p = h.positionOf(document, needle, { delta });
            return found.get(`${p.line}:${p.character}`);
        };
        assert.strictEqual(at('reports-to song', 'reports-to '.length), 'property');
        assert.strictEqual(at('    owner henry', '    owner '.length), 'variable');
        assert.strictEqual(at('competitors h3c', 'competitors '.length), 'enumMember');
        assert.strictEqual(at('contact song', 'contact '.length), 'property.declaration');
    });

    it('inlay hints show what a decision-chain entry takes from its contact', async () => {
        const { document } = await h.openFile(JINLAN);
        const chain = h.positionOf(document, 'decision-chain {');
        const range = new vscode.Range(chain, chain.translate(5));
        const hints = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', document.uri, range);
        const labels = (hints || []).map(x => (typeof x.label === 'string' ? x.label : x.label.map(p => p.value).join('')));
        assert.deepStrictEqual(labels, [': approver, support 0', ': decision-maker, support 0', ': evaluator, support 2', ': evaluator, support 0']);
    });

    it('a quick fix applies: the missing FR of dcnet, from the members at work on the bank, and the finding goes', async () => {
        const { document } = await h.openFile(JINLAN);
        const ds = await h.waitForDiagnostics(document.uri, has('incomplete-iron-triangle'));
        const diagnostic = ds.find(d => h.codeOf(d) === 'incomplete-iron-triangle');
        const { wanted: fixes, all } = await h.quickFixesUntil(
            document.uri,
            diagnostic.range,
            a => /^Add .+ as (AR|SR|FR)\b/.test(a.title),
            "the server's quick fixes for incomplete-iron-triangle",
        );
        // henry (the owner) and emma are already in the team: feng works on the bank's other deal
        assert.strictEqual(fixes[0].title, 'Add Feng Xu (feng) as FR', `actions: ${all.map(a => a.title).join(' | ')}`);
        assert.ok(await vscode.workspace.applyEdit(fixes[0].edit));
        assert.match(document.getText(), /team \{ ar henry sr emma fr feng \}/);
        await h.waitForDiagnostics(document.uri, lacks('incomplete-iron-triangle'), 'incomplete-iron-triangle to go after the fix');
        assert.deepStrictEqual(
            h
                .diagnosticsOf(document.uri)
                .filter(d => d.severity === vscode.DiagnosticSeverity.Error)
                .map(h.describeDiagnostic),
            [],
        );
    });
});
