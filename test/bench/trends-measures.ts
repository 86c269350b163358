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
import { sleep, startBenchServer } from './lsp-server.js';
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

export interface TrendsBlockingMeasure {
    /** One-line edits of the open plan → its publishDiagnostics, with no history being read. */
    quiet: { edits: number; medianMs: number; maxMs: number };
    /** The same edits made while the history's first load runs (the first Trends question started it). */
    loading: { edits: number; medianMs: number; p95Ms: number; maxMs: number };
}

/**
 * Whether the Trends view's first load delays diagnostics (issue 20 item 4: "never blocks
 * diagnostics"): one-line edits of the open plan timed to its publishDiagnostics, first with no
 * history being read, then while the history is read (from the first Trends question on, an
 * edit every `gapMs` until `loadingEdits` were made or the history is read).
 */
export async function measureTrendsBlocking(
    serverJs: string,
    dir: string,
    seed: number,
    quietEdits = 8,
    loadingEdits = 25,
    gapMs = 250,
): Promise<TrendsBlockingMeasure> {
    if (!fs.existsSync(path.join(dir, '.git'))) historyRepository(dir, seed);
    const file = execFileSync('git', ['ls-files', '*.acct'], { cwd: dir, encoding: 'utf8' })
        .split('\n')
        .filter(name => name && !name.endsWith('team.acct'))
        .sort()[0]!;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const uri = pathToFileURL(path.join(dir, file)).toString();
    const server = await startBenchServer(serverJs, dir, { trusted: true });
    let version = 1;
    const lines = text.split('\n');
    const last = lines.length - 1;
    // a comment line at the end of the file, written again with another number each time
    const edit = async (): Promise<number> => {
        const before = lines[last]!;
        lines[last] = `// edit ${++version}`;
        const diagnostics = server.nextDiagnostics(uri, 300_000);
        const t0 = performance.now();
        await server.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ range: { start: { line: last, character: 0 }, end: { line: last, character: before.length } }, text: lines[last] }],
        });
        return (await diagnostics).at - t0;
    };
    try {
        let historyRead = false;
        server.connection.onNotification(HistoryReadyNotification.type, () => {
            historyRead = true;
        });
        const opened = server.nextDiagnostics(uri, 300_000);
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'acct', version: 1, text } });
        await opened;
        await sleep(2000); // the rest of the workspace checked
        const quiet: number[] = [];
        for (let i = 0; i < quietEdits; i++) {
            quiet.push(await edit());
            await sleep(gapMs);
        }
        const position = { line: lines.findIndex(line => /^\s*contact /.test(line)), character: 8 };
        const first = await server.connection.sendRequest(TrendsRequest.type, { uri, position });
        if (first.status !== 'loading') throw new Error(`trends: ${JSON.stringify(first)}`);
        const loading: number[] = [];
        for (let i = 0; i < loadingEdits && !historyRead; i++) {
            loading.push(await edit());
            await sleep(gapMs);
        }
        return {
            quiet: { edits: quiet.length, medianMs: round(median(quiet)), maxMs: round(Math.max(...quiet)) },
            loading: {
                edits: loading.length,
                medianMs: round(median(loading)),
                p95Ms: round(percentile(loading, 95)),
                maxMs: round(Math.max(...loading)),
            },
        };
    } finally {
        await server.stop();
    }
}
