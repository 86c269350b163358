/**
 * Go to Symbol in Workspace on the benchmark's ~100k-line workspace (test/bench/generate.ts), over
 * the real LSP: the best matches first and at most the result limit. How fast (about 10 ms of
 * server time) is measured by the benchmark (docs/benchmark.md), not here: a shared machine's
 * wall clock would make a timed test flaky.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { generateWorkspace } from '../bench/generate.js';
import { startServer, type LspClient } from '../support/lsp-client.js';
import { WORKSPACE_SYMBOL_LIMIT } from '../../server/src/lsp/acct-workspace-symbols.js';

describe('workspace symbols in a 100k-line workspace', () => {
    let client: LspClient;
    let root: string;

    beforeAll(async () => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-symbols-'));
        generateWorkspace(root, { seed: 20261122, fileCount: 200, totalLines: 100_000 });
        client = await startServer(root, { ACCT_TODAY: '2026-11-22' });
        // The first request waits until the server has indexed the workspace.
        await client.connection.sendRequest('workspace/symbol', { query: 'warm-up' });
    });
    afterAll(async () => {
        await client?.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('one query answers with the best matches first, at most the limit', async () => {
        const found = (await client.connection.sendRequest('workspace/symbol', { query: 'Wang' })) as SymbolInformation[];
        expect(found.length).toBe(WORKSPACE_SYMBOL_LIMIT);
        // ids that are `wang…` come before names that only contain it
        expect(found[0].name.toLowerCase().startsWith('wang')).toBe(true);
        expect(found.every(s => s.name.toLowerCase().replace(/\s/g, '').includes('wang') || /w.*a.*n.*g/i.test(s.name))).toBe(true);
        expect(found.filter(s => s.kind === 8).every(s => /^\S+ "/.test(s.containerName ?? ''))).toBe(true);
    });
});
