/** Format Document, Format Selection and format on `}` over the real LSP (stdio), as an editor asks for them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type LspClient } from '../support/lsp-client.js';
import { tempWorkspace } from '../support/run-cli.js';

const messy = 'customer c "C"{ tier core\n\n\n  contact a "A" {\nrole approver\n      }\n}\n\n';
const formatted = 'customer c "C" {\n    tier core\n\n    contact a "A" {\n        role approver\n    }\n}\n';
const options = { tabSize: 4, insertSpaces: true };

describe('formatting over LSP', () => {
    let client: LspClient;
    let folder: string;
    let version = 1;

    beforeAll(async () => {
        folder = tempWorkspace({});
        client = await startServer(folder, { ACCT_TODAY: '2026-11-22' });
    });
    afterAll(() => client?.stop());

    async function opened(name: string, text: string): Promise<string> {
        const uri = pathToFileURL(path.join(folder, name)).toString();
        await client.open(uri, text, version++);
        await client.diagnosticsFor(uri);
        return uri;
    }

    const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'acct', 1, text), edits);

    it('the server offers document and range formatting, and formatting when `}` is typed', () => {
        expect(client.initializeResult.capabilities.documentFormattingProvider).toBeTruthy();
        expect(client.initializeResult.capabilities.documentRangeFormattingProvider).toBeTruthy();
        expect(client.initializeResult.capabilities.documentOnTypeFormattingProvider).toEqual({ firstTriggerCharacter: '}' });
    });

    it('Format Document lays the plan out; a second time changes nothing', async () => {
        const uri = await opened('document.acct', messy);
        const edits: TextEdit[] = await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options });
        expect(apply(messy, edits)).toBe(formatted);
        await client.change(uri, formatted, version++);
        await client.diagnosticsFor(uri);
        expect(await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options })).toEqual([]);
    });

    it('Format Selection changes only the selected lines', async () => {
        const text = 'customer c "C" {\ntier core\n  standing 3\n      cooperation 2\n}\n';
        const uri = await opened('range.acct', text);
        const range = { start: { line: 2, character: 0 }, end: { line: 3, character: 20 } };
        const edits: TextEdit[] = await client.connection.sendRequest('textDocument/rangeFormatting', { textDocument: { uri }, range, options });
        expect(apply(text, edits)).toBe('customer c "C" {\ntier core\n    standing 3\n    cooperation 2\n}\n');
    });

    it('typing `}` indents its line as the block it closes', async () => {
        const text = 'customer c "C" {\n    contact a "A" {\n        role approver\n            }\n';
        const uri = await opened('typed.acct', text);
        const edits: TextEdit[] = await client.connection.sendRequest('textDocument/onTypeFormatting', {
            textDocument: { uri },
            position: { line: 3, character: 13 },
            ch: '}',
            options,
        });
        expect(apply(text, edits)).toBe('customer c "C" {\n    contact a "A" {\n        role approver\n    }\n');
    });
});
