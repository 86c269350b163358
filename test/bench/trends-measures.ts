/**
 * The Trends view's cost in the language server (issue 20 item 4): on the benchmark's history
 * repository (history-measures.ts: 200 files, ~100k lines, 500 commits), the first question
 * starts the reading of the history in the background (answered `loading` at once); the time
 * until the server says the history is read; then cursor moves over contacts, opportunities and
 * customers of a plan, each answered from the cache (median and 95th percentile).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { HistoryReadyNotification, TrendsRequest } from '../../server/src/contract/protocol.js';
import { historyRepository } from './history-measures.js';
import { startBenchServer } from './lsp-server.js';
import { median, percentile, round } from './measure.js';

export interface TrendsMeasure {
    commits: number;
    /** The first question's answer (`loading`): it never waits for the history. */
    firstAnswerMs: number;
    /** From the first question to the server's `historyReady`. */
    loadMs: number;
    moves: number;
    moveMedianMs: number;
    moveP95Ms: number;
}

export async function measureTrends(serverJs: string, dir: string, seed: number, moves = 40): Promise<TrendsMeasure> {
    if (!fs.existsSync(path.join(dir, '.git'))) historyRepository(dir, seed);
    const file = execFileSync('git', ['ls-files', '*.acct'], { cwd: dir, encoding: 'utf8' })
        .split('\n')
        .filter(name => name && !name.endsWith('team.acct'))
        .sort()[0]!;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const uri = pathToFileURL(path.join(dir, file)).toString();
    const server = await startBenchServer(serverJs, dir, { trusted: true });
    try {
        const ready = new Promise<number>(resolve => server.connection.onNotification(HistoryReadyNotification.type, () => resolve(performance.now())));
        const diagnostics = server.nextDiagnostics(uri, 300_000);
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'acct', version: 1, text } });
        await diagnostics;
        // the elements a cursor visits: every contact, opportunity and customer line of the plan
        const lines = text.split('\n');
        const positions = lines.flatMap((line, i) =>
            /^\s*(contact|opportunity|customer) /.test(line) ? [{ line: i, character: line.indexOf(line.trim()) + 2 }] : [],
        );
        const started = performance.now();
        const first = await server.connection.sendRequest(TrendsRequest.type, { uri, position: positions[0]! });
        const firstAnswerMs = performance.now() - started;
        if (first.status !== 'loading' && first.status !== 'ready') throw new Error(`trends: ${JSON.stringify(first)}`);
        const loadMs = (await ready) - started;
        const times: number[] = [];
        for (let i = 0; i < moves; i++) {
            const position = positions[(i * 7) % positions.length]!;
            const t0 = performance.now();
            const answer = await server.connection.sendRequest(TrendsRequest.type, { uri, position });
            times.push(performance.now() - t0);
            if (answer.status !== 'ready' && answer.status !== 'notInHistory') throw new Error(`trends: ${answer.status}`);
        }
        return {
            commits: Number(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim()),
            firstAnswerMs: round(firstAnswerMs),
            loadMs: round(loadMs),
            moves,
            moveMedianMs: round(median(times)),
            moveP95Ms: round(percentile(times, 95)),
        };
    } finally {
        await server.stop();
    }
}
