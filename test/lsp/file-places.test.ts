/** In the editor, a message that points to another file names it by its path from the workspace folder, as the CLI does. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type LspClient } from '../support/lsp-client.js';
import { tempWorkspace } from '../support/run-cli.js';

describe("places in the editor's messages", () => {
    let client: LspClient;
    let folder: string;

    beforeAll(async () => {
        folder = tempWorkspace({ 'north/team.acct': 'member alice "Alice"\n', 'south/team.acct': '\nmember alice "Alice Chen"\n' });
        client = await startServer(folder, { ACCT_TODAY: '2026-11-22' });
    });
    afterAll(() => client?.stop());

    it('a duplicate member names the other file by its path from the workspace folder', async () => {
        const file = path.join(folder, 'north', 'team.acct');
        const uri = pathToFileURL(file).toString();
        await client.open(uri, readFileSync(file, 'utf8'));
        const [duplicate] = await client.diagnosticsFor(uri, d => d.some(x => x.code === 'duplicate-id'));
        expect(duplicate!.message).toContain('(also member at south/team.acct:2)');
    });
});
