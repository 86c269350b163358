/**
 * End-to-end measures over the real LSP (out/server.js over stdio): a one-line edit until the
 * server publishes the file's diagnostics, completion requests, and an edit of `team.acct` in
 * the 100k-line workspace until every file's diagnostics are settled.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { customerEdits, memberRename, teamEdit, type LineEdit } from './edits.js';
import { completionPositions } from './completion-measures.js';
import { loadAverage, median, percentile, processCpuMs, round } from './measure.js';
import { settled, sleep, startBenchServer, type BenchServer } from './lsp-server.js';

/** Longer than the server's quiet time between edits (QUIET_MS), so each edit is checked at once. */
const PAUSE_MS = 80;

function change(server: BenchServer, uri: string, version: number, edit: LineEdit): Promise<void> {
    return server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: edit.line, character: 0 }, end: { line: edit.line, character: edit.before.length } }, text: edit.after }],
    });
}

/** The first edits of a run, not counted: the server's code is not yet optimized. */
const WARM_UP = 5;

/**
 * One edit sent to `server`, until it publishes the file's diagnostics (its wall time), and the
 * server's CPU time until the pause after it ends (so that the next edit is checked at once).
 */
interface TimedEdit {
    ms: number;
    cpuMs: number;
    mainCpuMs: number;
}

async function timedEdit(server: BenchServer, uri: string, version: number, edit: LineEdit): Promise<TimedEdit> {
    const published = server.nextDiagnostics(uri);
    const pid = server.process.pid;
    const cpuBefore = processCpuMs(pid);
    const mainBefore = processCpuMs(pid, pid);
    const start = performance.now();
    await change(server, uri, version, edit);
    const { at } = await published;
    await sleep(PAUSE_MS);
    return { ms: at - start, cpuMs: processCpuMs(pid) - cpuBefore, mainCpuMs: processCpuMs(pid, pid) - mainBefore };
}

/** The timed edits of one server: their wall times, and their CPU time in all (the process's and its main thread's). */
interface TimedEdits {
    times: number[];
    cpu: number;
    mainCpu: number;
}

function record(into: TimedEdits, edit: TimedEdit): void {
    into.times.push(edit.ms);
    into.cpu += edit.cpuMs;
    into.mainCpu += edit.mainCpuMs;
}

function editLatency({ times, cpu, mainCpu }: TimedEdits): Omit<EditLatency, 'loadAverage'> & { serverMainThreadCpuPerEditMs: number } {
    return {
        edits: times.length,
        p50Ms: round(median(times)),
        p95Ms: round(percentile(times, 95)),
        maxMs: round(Math.max(...times)),
        serverCpuPerEditMs: round(cpu / times.length),
        serverMainThreadCpuPerEditMs: round(mainCpu / times.length),
    };
}

/**
 * Opens `uri` once the workspace is loaded, and waits until every file's diagnostics are published
 * (the server checks the files of the workspace when the first one is opened).
 */
export async function openAndSettle(server: BenchServer, uri: string, text: string): Promise<void> {
    const first = server.nextDiagnostics(uri, 300_000);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'acct', version: 1, text } });
    await first;
    await server.connection.sendRequest('acct/locate', { subject: 'customer:-' }); // answered when the build is done
    await settled(server, 1000, 300_000);
}

export interface EditLatency {
    edits: number;
    p50Ms: number;
    p95Ms: number;
    maxMs: number;
    /** The server's CPU time per edit (mean over the edits; /proc has 10 ms ticks). */
    serverCpuPerEditMs: number;
    /** The server's main thread only, per edit (paired runs, lspEditPair; the process's CPU adds the GC's and the compiler's helper threads). */
    serverMainThreadCpuPerEditMs?: number;
    loadAverage: number[];
}

/** One-line edits of `file` (in `folder`), each followed by a pause: didChange → publishDiagnostics of the file. */
export async function lspEditLatency(
    serverJs: string,
    folder: string,
    file: string,
    count: number,
    seed: number,
): Promise<{ latency: EditLatency; completion: CompletionLatency }> {
    const server = await startBenchServer(serverJs, folder);
    try {
        const uri = pathToFileURL(file).toString();
        const text = fs.readFileSync(file, 'utf-8');
        await openAndSettle(server, uri, text);
        const edits = customerEdits(text, count + 5, seed);
        const measured: TimedEdits = { times: [], cpu: 0, mainCpu: 0 };
        for (const [i, edit] of edits.entries()) {
            const timed = await timedEdit(server, uri, i + 2, edit);
            if (i >= WARM_UP) record(measured, timed);
        }
        const latency = { ...editLatency(measured), loadAverage: loadAverage() };
        const completion = await lspCompletion(
            server,
            uri,
            edits.reduce((current, edit) => {
                const lines = current.split('\n');
                lines[edit.line] = edit.after;
                return lines.join('\n');
            }, text),
            seed,
        );
        return { latency, completion };
    } finally {
        await server.stop();
    }
}

export interface PairedEditLatency {
    /** The server measured against (`--lsp-pair=PATH`, e.g. the bundle of the commit before a change) and this one. */
    other: { serverJs: string } & Omit<EditLatency, 'loadAverage'>;
    self: Omit<EditLatency, 'loadAverage'>;
    /** This server's CPU per edit ÷ the other's. */
    cpuRatio: number;
    /** The same, of the main threads. */
    mainThreadCpuRatio: number;
    loadAverage: number[];
}

/**
 * The one-line edits of `lspEditLatency` sent to two servers at once, edit by edit in turn (the
 * other server first at odd edits): on a loaded machine, a before/after comparison whose two
 * sides share the same minutes of load, rather than runs a minute apart.
 */
export async function lspEditPair(otherJs: string, serverJs: string, folder: string, file: string, count: number, seed: number): Promise<PairedEditLatency> {
    const servers = [await startBenchServer(otherJs, folder), await startBenchServer(serverJs, folder)];
    try {
        const uri = pathToFileURL(file).toString();
        const text = fs.readFileSync(file, 'utf-8');
        for (const server of servers) await openAndSettle(server, uri, text);
        const edits = customerEdits(text, count + 5, seed);
        const measured = servers.map((): TimedEdits => ({ times: [], cpu: 0, mainCpu: 0 }));
        for (const [i, edit] of edits.entries()) {
            for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
                const timed = await timedEdit(servers[k]!, uri, i + 2, edit);
                if (i >= WARM_UP) record(measured[k]!, timed);
            }
        }
        const [other, self] = measured.map(editLatency);
        return {
            other: { serverJs: otherJs, ...other! },
            self: self!,
            cpuRatio: round(self!.serverCpuPerEditMs / other!.serverCpuPerEditMs, 3),
            mainThreadCpuRatio: round(self!.serverMainThreadCpuPerEditMs / other!.serverMainThreadCpuPerEditMs, 3),
            loadAverage: loadAverage(),
        };
    } finally {
        for (const server of servers) await server.stop();
    }
}

export interface CompletionLatency {
    requests: number;
    p50Ms: number;
    p95Ms: number;
    maxMs: number;
    loadAverage: number[];
}

/** Completion requests at varied positions of the open document (line starts and after a property keyword). */
async function lspCompletion(server: BenchServer, uri: string, text: string, seed: number): Promise<CompletionLatency> {
    const positions = completionPositions(text.split('\n'), seed, 210);
    const times: number[] = [];
    for (const [i, position] of positions.entries()) {
        const start = performance.now();
        await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
        if (i >= 10) times.push(performance.now() - start);
    }
    return {
        requests: times.length,
        p50Ms: round(median(times), 2),
        p95Ms: round(percentile(times, 95), 2),
        maxMs: round(Math.max(...times), 2),
        loadAverage: loadAverage(),
    };
}

export interface TeamEditSettle {
    /** `rename`: the id of the member most files refer to changes (their references are left unresolved); `renameBack`: it is restored. */
    kind: 'comment' | 'member' | 'rename' | 'renameBack';
    /** didChange of team.acct → the last publishDiagnostics of the update (any file). */
    settleMs: number;
    /** How many files' diagnostics were published again. */
    filesRechecked: number;
    serverCpuMs: number;
    /** For a rename: how many customer files refer to the member renamed. */
    referringFiles?: number;
}

/** Edits of `team.acct` in a workspace: the time until no more diagnostics are published. */
export async function lspTeamEdits(serverJs: string, folder: string, teamFile: string, rounds: number): Promise<TeamEditSettle[]> {
    const server = await startBenchServer(serverJs, folder);
    try {
        const uri = pathToFileURL(teamFile).toString();
        let text = fs.readFileSync(teamFile, 'utf-8');
        await openAndSettle(server, uri, text);
        const results: TeamEditSettle[] = [];
        let version = 1;
        for (let i = 0; i < rounds; i++) {
            for (const kind of ['comment', 'member'] as const) {
                const edit = teamEdit(text, kind, i);
                const before = server.diagnosticsCount();
                const cpuBefore = processCpuMs(server.process.pid);
                const own = server.nextDiagnostics(uri);
                const start = performance.now();
                await change(server, uri, ++version, edit);
                await own;
                const last = await settled(server, 600);
                text = text
                    .split('\n')
                    .map((line, index) => (index === edit.line ? edit.after : line))
                    .join('\n');
                results.push({
                    kind,
                    settleMs: round(last - start),
                    filesRechecked: server.diagnosticsCount() - before,
                    serverCpuMs: processCpuMs(server.process.pid) - cpuBefore,
                });
            }
        }
        // The id of the member most files refer to renamed in team.acct (every file that refers to it re-checked, with errors), then renamed back.
        const customerTexts = (fs.readdirSync(folder, { recursive: true }) as string[])
            .filter(f => f.endsWith('.acct') && path.basename(f) !== 'team.acct')
            .map(f => fs.readFileSync(path.join(folder, f), 'utf-8'));
        for (let i = 0; i < rounds; i++) {
            const rename = memberRename(text, customerTexts, `renamed${i}`);
            for (const [kind, after] of [
                ['rename', rename.text],
                ['renameBack', text],
            ] as const) {
                const before = server.diagnosticsCount();
                const cpuBefore = processCpuMs(server.process.pid);
                const own = server.nextDiagnostics(uri);
                const start = performance.now();
                await server.connection.sendNotification('textDocument/didChange', {
                    textDocument: { uri, version: ++version },
                    contentChanges: [{ text: after }],
                });
                await own;
                // the files referring to the member come after team.acct's own findings, linked again: on a busy machine more than 600 ms later
                const last = await settled(server, 2500);
                results.push({
                    kind,
                    settleMs: round(last - start),
                    filesRechecked: server.diagnosticsCount() - before,
                    serverCpuMs: processCpuMs(server.process.pid) - cpuBefore,
                    referringFiles: rename.referringFiles,
                });
            }
        }
        return results;
    } finally {
        await server.stop();
    }
}

/**
 * 10,000 edits sent at once, as a tool rewriting a file sends them: the time from the last edit
 * to its diagnostics, and the server's resident memory before and after (was a wall-time assert
 * of test/lsp/survival.test.ts, which keeps what the user sees: the last text is checked, the
 * memory comes back). The plan has 300 customers; each edit adds a valid member, the last one a
 * syntax error, so its diagnostics are the first with one more finding.
 */
export async function burstSettle(serverJs: string, folder: string, runs: number): Promise<{ settleMs: number[]; edits: number; serverCpuMs: number }> {
    const server = await startBenchServer(serverJs, folder);
    const settleMs: number[] = [];
    const cpuBefore = processCpuMs(server.process.pid!);
    let cpuAfter: number;
    try {
        for (let run = 0; run < runs; run++) {
            const uri = pathToFileURL(`${folder}/burst-${run}.acct`).toString();
            const text = Array.from(
                { length: 300 },
                (_, i) => `customer c${i} "C" {\n    contact a "A" { support 2 intimacy 1 last-contact 2026-11-01 }\n}\n`,
            ).join('');
            const first = server.nextDiagnostics(uri);
            await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'acct', version: 1, text } });
            const base = (await first).count;
            await settled(server, 500);
            let sent = 0;
            // listening before the burst: the last version's diagnostics may come while the last edits are written
            const finished = server.diagnosticsWhere(uri, count => count === base + 1);
            for (let version = 2; version <= 10_001; version++) {
                const last = version === 10_001;
                await server.connection.sendNotification('textDocument/didChange', {
                    textDocument: { uri, version },
                    contentChanges: [{ text: text + `member m${version} ${last ? 'finally' : '"M"'}\n` }],
                });
                sent = performance.now();
            }
            settleMs.push(round((await finished).at - sent));
            await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        }
        cpuAfter = processCpuMs(server.process.pid!);
    } finally {
        await server.stop();
    }
    return { settleMs, edits: 10_000, serverCpuMs: round(cpuAfter - cpuBefore) };
}
