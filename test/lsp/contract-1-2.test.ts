/**
 * Contract 1.2 over the real LSP: the quick fixes of the new findings ("Move to stage
 * opportunity", "Add a value proposition", "Add an objective", and the fixes of amounts typed
 * wrong) applied as the editor applies them, then checked again; and `.acctignore` in the
 * editor's workspace (section 7.5): an ignored file is not part of the workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { tempWorkspace } from '../support/run-cli.js';
import { startServer, type LspClient } from '../support/lsp-client.js';

const team = 'member alice "Alice Chen"\nmember bob "Bob Li"\nmember carol "Carol Wu"\n' + 'policy {\n    severity aimless-activity warning\n}\n';

describe('contract 1.2 quick fixes over LSP', () => {
    let client: LspClient;
    let folder: string;
    const versions = new Map<string, number>();
    const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();

    beforeAll(async () => {
        folder = tempWorkspace({ 'team.acct': team });
        client = await startServer(folder, { ACCT_TODAY: '2026-11-22' });
    });
    afterAll(() => client?.stop());

    async function publish(file: string, text: string): Promise<Diagnostic[]> {
        client.forget(uri(file));
        const version = (versions.get(file) ?? 0) + 1;
        versions.set(file, version);
        if (version === 1) await client.open(uri(file), text, version);
        else await client.change(uri(file), text, version);
        return client.diagnosticsFor(uri(file));
    }

    async function fix(file: string, text: string, code: string, title: string) {
        const before = await publish(file, text);
        const finding = before.find(d => d.code === code);
        if (!finding) throw new Error(`no ${code} in ${JSON.stringify(before.map(d => d.code))}`);
        const actions = (await client.connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri: uri(file) },
            range: finding.range,
            context: { diagnostics: [finding] },
        })) as CodeAction[];
        const action = actions.find(a => a.title === title);
        if (!action) throw new Error(`no fix ${title} among ${JSON.stringify(actions.map(a => a.title))}`);
        const edits = action.edit!.changes![uri(file)] as TextEdit[];
        const fixed = TextDocument.applyEdits(TextDocument.create(uri(file), 'acct', 0, text), edits);
        const after = await publish(file, fixed);
        return { before, after, text: fixed, action };
    }

    const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.code);
    const errors = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.severity === 1).map(d => `${d.code}: ${d.message}`);

    it('ripe-lead: "Move to stage opportunity" sets the stage', async () => {
        const text = 'customer rl "RL" {\n    opportunity l "L" {\n        stage lead\n        budget 3000万 CNY\n        start 2027-03-01\n    }\n}\n';
        const result = await fix('rl.acct', text, 'ripe-lead', 'Move to stage opportunity');
        expect(result.text).toContain('        stage opportunity\n');
        expect(codes(result.after)).not.toContain('ripe-lead');
        expect(codes(result.after)).toContain('no-power-map'); // now an active opportunity, checked as one
        expect(errors(result.after)).toEqual([]);
    });

    it('no-value-proposition: "Add a value proposition" inserts the four parts in a deal over several lines', async () => {
        const text = 'customer vp "VP" {\n    opportunity b "B" {\n        stage bid\n    }\n}\n';
        const result = await fix('vp.acct', text, 'no-value-proposition', 'Add a value proposition');
        expect(result.text).toBe(
            'customer vp "VP" {\n    opportunity b "B" {\n        stage bid\n        value-proposition {\n' +
                '            strengths ""\n            unique-value ""\n            fit ""\n            difference ""\n        }\n    }\n}\n',
        );
        expect(codes(result.after)).not.toContain('no-value-proposition');
        expect(errors(result.after)).toEqual([]);
    });

    it('no-value-proposition on an empty block: the fix fills it with the four parts', async () => {
        const text = 'customer vq "VQ" {\n    opportunity b "B" {\n        stage bid\n        value-proposition { }\n    }\n}\n';
        const result = await fix('vq.acct', text, 'no-value-proposition', 'Add a value proposition');
        expect(result.text).toContain(
            '        value-proposition {\n            strengths ""\n            unique-value ""\n            fit ""\n            difference ""\n        }\n',
        );
        expect(codes(result.after)).not.toContain('no-value-proposition');
        expect(errors(result.after)).toEqual([]);
    });

    it('aimless-activity (turned on by the policy): "Add an objective"', async () => {
        const text = 'customer aa "AA" {\n    activity v "Visit" { status planned date 2026-12-01 }\n}\n';
        const result = await fix('aa.acct', text, 'aimless-activity', 'Add an objective');
        expect(result.text).toContain('activity v "Visit" { status planned date 2026-12-01 objective "" }');
        expect(codes(result.after)).not.toContain('aimless-activity');
    });

    it('the formatter lays out the new blocks and properties', async () => {
        const text =
            'customer fm "FM" {\nclass S\n  opportunity o "O" {\nstage won\n      value-proposition {\n strengths "a"\n         fit "b" }\n  intent "x"\n  }\n  contact c "C" {\nkpi "k"\n      pain "p" }\n}\n';
        await publish('fm.acct', text);
        const edits = (await client.connection.sendRequest('textDocument/formatting', {
            textDocument: { uri: uri('fm.acct') },
            options: { tabSize: 4, insertSpaces: true },
        })) as TextEdit[];
        expect(TextDocument.applyEdits(TextDocument.create(uri('fm.acct'), 'acct', 0, text), edits)).toBe(
            'customer fm "FM" {\n    class S\n    opportunity o "O" {\n        stage won\n        value-proposition {\n            strengths "a"\n' +
                '            fit "b"\n        }\n        intent "x"\n    }\n    contact c "C" {\n        kpi "k"\n        pain "p"\n    }\n}\n',
        );
    });

    it('amounts: 30m → 30M, cny → CNY, 3000万 → 3000万 CNY, each one finding with its fix', async () => {
        const deal = (amount: string) => `customer am "AM" {\n    opportunity w "W" {\n        stage won\n        amount ${amount}\n    }\n}\n`;
        const suffix = await fix('am.acct', deal('30m CNY'), 'syntax', 'Write 30M');
        expect(suffix.before.filter(d => d.code === 'syntax')).toHaveLength(1);
        expect(suffix.before[0]!.message).toContain('did you mean 30M?');
        expect(suffix.text).toContain('amount 30M CNY');
        expect(suffix.after).toEqual([]);
        const currency = await fix('am.acct', deal('30M cny'), 'syntax', 'Write CNY');
        expect(currency.before.map(d => d.message)).toEqual(["'cny' is not a currency code: write CNY (currency codes are three upper-case letters)."]);
        expect(currency.after).toEqual([]);
        const unit = await fix('am.acct', deal('3000万'), 'missing-currency', 'Add the currency CNY');
        expect(unit.before).toHaveLength(1);
        expect(unit.before[0]!.severity).toBe(3);
        expect(unit.text).toContain('amount 3000万 CNY');
        expect(unit.after).toEqual([]);
    });
});

describe(".acctignore in the editor's workspace", () => {
    let client: LspClient;
    let folder: string;
    const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();

    beforeAll(async () => {
        folder = tempWorkspace({
            '.acctignore': '# fixtures written to fail\nfixtures/\n*.draft.acct\n!keep.draft.acct\n',
            'team.acct': 'member alice "Alice Chen"\n',
            'fixtures/broken.acct': 'member bob "Bob Li"\nmember alice "Alice again"\n',
            'old.draft.acct': 'member carol "Carol Wu"\n',
            'keep.draft.acct': 'member dave "Dave"\n',
        });
        client = await startServer(folder, { ACCT_TODAY: '2026-11-22' });
    });
    afterAll(() => client?.stop());

    it('a file the patterns match is not part of the workspace; a re-included one is', async () => {
        const text =
            'customer c "C" {\n    owner alice\n    contact x "X" { owner bob }\n    contact y "Y" { owner carol }\n    contact z "Z" { owner dave }\n}\n';
        await client.open(uri('plan.acct'), text, 1);
        const diagnostics = await client.diagnosticsFor(uri('plan.acct'));
        // alice is declared once (the second declaration is in an ignored folder), bob and carol
        // only in ignored files, dave in a file a `!` pattern keeps.
        expect(diagnostics.map(d => `${d.range.start.line + 1} ${d.code}`)).toEqual(['3 unresolved-reference', '4 unresolved-reference']);
    });

    it('a plan that appears on disk where the patterns match stays out; one elsewhere comes in', async () => {
        writeFileSync(path.join(folder, 'fixtures', 'late.acct'), 'member erin "Erin"\n');
        writeFileSync(path.join(folder, 'late.acct'), 'member bob "Bob Li"\n');
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [
                { uri: uri('fixtures/late.acct'), type: 1 },
                { uri: uri('late.acct'), type: 1 },
            ],
        });
        const text = 'customer c2 "C2" {\n    owner erin\n    contact x "X" { owner bob }\n}\n';
        await client.open(uri('plan2.acct'), text, 1);
        // the watcher's update is applied after the plan opens: wait for the plan to be linked again
        const diagnostics = await client.diagnosticsFor(uri('plan2.acct'), d => d.length < 2);
        // erin is declared only in an ignored folder; bob now in a plan of the workspace
        expect(diagnostics.map(d => `${d.range.start.line + 1} ${d.code}`)).toEqual(['2 unresolved-reference']);
    });
});
