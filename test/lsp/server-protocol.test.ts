/**
 * The built server bundle (out/server.js) driven over the real Language Server Protocol, as an
 * editor drives it: spawn, initialize, open a document, receive publishDiagnostics, ask for
 * completion, hover and the plan view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { examplesDir, tempWorkspace } from '../support/run-cli.js';
import { startServer, type LspClient } from '../support/lsp-client.js';
import { FocusRequest, LocateRequest, PlanViewRequest } from '../../server/src/contract/protocol.js';
import { findingsOf, type PlanView } from '../../server/src/contract/index.js';

describe('language server over LSP (stdio)', () => {
    let client: LspClient;
    let connection: MessageConnection;
    let workspace: string;
    const diagnosticsFor = (uri: string, predicate?: (d: Diagnostic[]) => boolean) => client.diagnosticsFor(uri, predicate);

    beforeAll(async () => {
        workspace = tempWorkspace({});
        cpSync(examplesDir, workspace, { recursive: true });
        client = await startServer(workspace, { ACCT_TODAY: '2026-11-22' });
        connection = client.connection;
    });

    afterAll(async () => {
        await client?.stop();
    });

    const fileUri = (name: string) => pathToFileURL(path.join(workspace, name)).toString();

    it('publishes the method findings of an opened plan with their codes', async () => {
        const uri = fileUri('regional/jinlan-bank.acct');
        await connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'acct', version: 1, text: readFileSync(path.join(workspace, 'regional/jinlan-bank.acct'), 'utf8') },
        });
        const published = await diagnosticsFor(uri, d => d.length > 0);
        const codes = published.map(d => d.code).sort();
        // examples/EXPECTED.md: with contract 1.1, He Wei's opposed influence on Lu; with 1.2, branchwifi has no solution
        expect(codes).toEqual([
            'incomplete-iron-triangle',
            'opposed-influence',
            'overdue-activity',
            'single-threaded',
            'unqualified-opportunity',
            'unverified-opportunity',
        ]);
        const unqualified = published.find(d => d.code === 'unqualified-opportunity')!;
        expect(unqualified.severity).toBe(2);
        expect(unqualified.message).toContain('no confirmed budget');
        expect(unqualified.data).toMatchObject({ code: 'unqualified-opportunity', subject: 'opportunity:jlbank/branchwifi' });
    });

    it('updates the findings as the user types', async () => {
        const uri = fileUri('scratch.acct');
        const text = 'customer scratch "Scratch" {\n    contact a "A" { support 5 }\n}\n';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'acct', version: 1, text } });
        const first = await diagnosticsFor(uri, d => d.some(x => x.code === 'out-of-range'));
        expect(first[0].range.start).toEqual({ line: 1, character: 28 });
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: text.replace('support 5', 'support 2') }],
        });
        const second = await diagnosticsFor(uri, d => !d.some(x => x.code === 'out-of-range'));
        expect(second).toEqual([]);
    });

    it('completes support values with their meaning', async () => {
        const uri = fileUri('complete.acct');
        const text = 'customer c "C" {\n    contact a "A" { support  }\n}\n';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'acct', version: 1, text } });
        await diagnosticsFor(uri);
        const result = (await connection.sendRequest('textDocument/completion', {
            textDocument: { uri },
            position: { line: 1, character: 28 },
        })) as CompletionList;
        const items = Object.fromEntries(result.items.map(item => [item.label, item.documentation]));
        expect(Object.keys(items)).toEqual(expect.arrayContaining(['-1', '0', '1', '2', '3', '?']));
        expect(items['2']).toBe('Supports us and excludes others.');
    });

    it('explains a role on hover', async () => {
        const uri = fileUri('hover.acct');
        const text = 'customer h "H" {\n    contact a "A" { role decision-maker }\n}\n';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'acct', version: 1, text } });
        await diagnosticsFor(uri);
        const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 30 } })) as Hover;
        expect((hover.contents as { value: string }).value).toContain('holds the final decision');
    });

    it('offers the quick fix carried by a finding (tier-mismatch → the suggested tier)', async () => {
        const uri = fileUri('fix.acct');
        const text = 'customer fix "Fix" {\n    standing 5 cooperation 4 tier value reviewed 2026-10-01\n}\n';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'acct', version: 1, text } });
        const [mismatch] = await diagnosticsFor(uri, d => d.some(x => x.code === 'tier-mismatch'));
        const actions = (await connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri },
            range: mismatch.range,
            context: { diagnostics: [mismatch] },
        })) as Array<{ title: string; edit: { changes: Record<string, Array<{ range: unknown; newText: string }>> } }>;
        // the fix the check carries, then (contract 1.1) the waiver every waivable finding offers
        expect(actions.map(a => a.title)).toEqual(['Change the tier to excellent', 'Waive this finding…']);
        expect(actions[0].edit.changes[uri]).toEqual([{ range: { start: { line: 1, character: 34 }, end: { line: 1, character: 39 } }, newText: 'excellent' }]);
    });

    it('answers the plan view request with the computed plan and the focus under the cursor', async () => {
        const uri = fileUri('huaxia-grid.acct');
        const lines = readFileSync(path.join(workspace, 'huaxia-grid.acct'), 'utf8').split('\n');
        const line = lines.findIndex(l => /opportunity substation/.test(l)) + 1;
        const focus = await connection.sendRequest(FocusRequest.type, { uri, position: { line, character: 8 } });
        const view = await connection.sendRequest(PlanViewRequest.type, { uri });
        expect(focus).toEqual({ customer: 'hxgrid', opportunity: 'substation' });
        // a malformed request (no position) is answered null, never with a TypeError
        expect(await connection.sendRequest('acct/focus', { uri, position: null })).toBeNull();
        expect(await connection.sendRequest('acct/focus', { uri })).toBeNull();
        expect(view.plan.customers.map(c => c.id).sort()).toEqual(['donghai', 'hxgrid', 'jlbank', 'pearlport', 'yhwater', 'scratch', 'c', 'h', 'fix'].sort());
        expect(view.plan.files).toContain('regional/jinlan-bank.acct');
        expect(await connection.sendRequest(LocateRequest.type, { subject: 'customer:hxgrid' })).toMatchObject({ uri, line: expect.any(Number) });
        expect(findingsOf(view)).toEqual(
            expect.arrayContaining([
                expect.objectContaining({ code: 'unknown-support', subject: 'opportunity:hxgrid/substation', contact: 'contact:hxgrid/sun' }),
            ]),
        );
    });

    it('the plan view follows edits: a renamed contact shows in the next request', async () => {
        const uri = fileUri('live.acct');
        const text = 'customer live "Live" {\n    contact a "Before" { }\n}\n';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'acct', version: 1, text } });
        await diagnosticsFor(uri);
        const nameOf = (view: PlanView) => view.plan.customers.find(c => c.id === 'live')?.contacts[0]?.name;
        const first = await connection.sendRequest(PlanViewRequest.type, { uri });
        expect(nameOf(first)).toBe('Before');
        client.forget(uri);
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: text.replace('Before', 'After') }],
        });
        await diagnosticsFor(uri);
        const second = await connection.sendRequest(PlanViewRequest.type, { uri });
        expect(nameOf(second)).toBe('After');
        expect(await connection.sendRequest(FocusRequest.type, { uri, position: { line: 1, character: 6 } })).toEqual({ customer: 'live', opportunity: null });
    });
});
