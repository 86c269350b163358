/**
 * The plan over time in the language server (issue 20): the Trends request and the stage ages
 * answered from a history read once, in the background, on the example repository
 * (examples/history/build-history.mjs); the opportunity hover says since when the deal has held
 * its stage; outside git or in an untrusted workspace, the answer says so and git never runs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { HistoryReadyNotification, StageAgesRequest, TrendsRequest } from '@acct/contract/protocol';
import type { TrendsState } from '@acct/contract';
import { startServer, type LspClient } from '../support/lsp-client.js';
import { projectRoot, tempWorkspace } from '../support/run-cli.js';

const T = 120_000;
let repo: string;
let uri: string;
let text: string;
let client: LspClient;
let ready: Promise<void>;

/** The 0-based position of the first `needle` in the plan (after `after`). */
function at(needle: string, after = ''): { line: number; character: number } {
    const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before.at(-1)!.length + 1 };
}

beforeAll(async () => {
    repo = path.join(tempWorkspace({}), 'history');
    execFileSync(process.execPath, [path.join(projectRoot, 'examples/history/build-history.mjs'), repo]);
    const file = path.join(repo, 'huaxia-grid.acct');
    text = readFileSync(file, 'utf8');
    uri = pathToFileURL(file).toString();
    client = await startServer(repo, { ACCT_TODAY: '2026-12-01' }, {}, { initializationOptions: { trusted: true } });
    ready = new Promise(resolve => client.connection.onNotification(HistoryReadyNotification.type, () => resolve()));
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
}, T);

afterAll(async () => {
    await client?.stop();
});

describe('the plan over time in the server', () => {
    it(
        'reads the history in the background: first "loading", then the trend at the cursor, answered from the cache',
        async () => {
            const first = await client.connection.sendRequest(TrendsRequest.type, { uri, position: at('contact sun') });
            expect(['loading', 'ready']).toContain(first.status);
            await ready;
            const trend = await client.connection.sendRequest(TrendsRequest.type, { uri, position: at('contact sun') });
            expect(trend.status).toBe('ready');
            const sun = (trend as Extract<TrendsState, { status: 'ready' }>).trend;
            expect(sun.subject).toBe('contact:hxgrid/sun');
            // won, lost to ZTE, regained
            expect(sun.points.map(p => p.values.support).filter((v, i, all) => v !== all[i - 1])).toEqual([null, 1, 0, -1, 0, 1, 2]);
            expect(sun.points.find(p => p.message.startsWith('ZTE hosted'))!.changes).toContain('support 1 → 0');
            // a cursor move: another element, from the cache (a new reading of the history would answer "loading")
            // (how fast is the benchmark's figure, test/bench/trends-measures.ts: a wall-time budget fails on a loaded machine)
            for (const needle of ['opportunity substation', 'contact fang', 'customer hxgrid', 'contact deng']) {
                const answer = await client.connection.sendRequest(TrendsRequest.type, { uri, position: at(needle) });
                expect(answer.status, needle).toBe('ready');
            }
            const deal = await client.connection.sendRequest(TrendsRequest.type, { uri, subject: 'opportunity:hxgrid/substation' });
            expect((deal as Extract<TrendsState, { status: 'ready' }>).trend.points.at(-1)!.values.stage).toBe('bid');
        },
        T,
    );

    it(
        'says since when each open deal has held its stage: in the stage ages and in the opportunity hover',
        async () => {
            await ready;
            const { status, ages } = await client.connection.sendRequest(StageAgesRequest.type, { uri });
            expect(status).toBe('ready');
            expect(ages['opportunity:hxgrid/substation']).toEqual({ stage: 'bid', since: '2026-11-20' });
            const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
                textDocument: { uri },
                position: at('substation', 'opportunity substation'),
            });
            expect(JSON.stringify(hover?.contents)).toContain('bid since 2026-11-20, 11 days');
        },
        T,
    );

    it(
        'reads no git in an untrusted workspace, and says when there is no repository',
        async () => {
            const untrusted = await startServer(repo, { ACCT_TODAY: '2026-12-01' });
            try {
                await untrusted.open(uri, text);
                expect(await untrusted.connection.sendRequest(TrendsRequest.type, { uri, position: at('contact sun') })).toEqual({ status: 'untrusted' });
                const hover = await untrusted.connection.sendRequest<Hover | null>('textDocument/hover', {
                    textDocument: { uri },
                    position: at('substation', 'opportunity substation'),
                });
                expect(JSON.stringify(hover?.contents)).not.toContain(' since ');
            } finally {
                await untrusted.stop();
            }
            const plain = tempWorkspace({ 'a.acct': 'customer c "C" {\n    contact x "X" { support 1 }\n}\n' });
            const noGit = await startServer(plain, {}, {}, { initializationOptions: { trusted: true } });
            try {
                const file = pathToFileURL(path.join(plain, 'a.acct')).toString();
                await noGit.open(file, readFileSync(path.join(plain, 'a.acct'), 'utf8'));
                expect(await noGit.connection.sendRequest(TrendsRequest.type, { uri: file, position: { line: 1, character: 14 } })).toEqual({
                    status: 'noGit',
                });
            } finally {
                await noGit.stop();
            }
        },
        T,
    );
});
