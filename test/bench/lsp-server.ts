/**
 * The built language server (out/server.js) driven over stdio as an editor drives it, counting
 * the bytes each way, for the benchmark's end-to-end measures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface BenchServer {
    process: ChildProcess;
    connection: MessageConnection;
    rootUri: string;
    /** Bytes the server wrote (to the client) and read (from the client) so far. */
    bytes(): { fromServer: number; toServer: number };
    /** Resolves at the next publishDiagnostics of `uri` (after this call), with its time. */
    nextDiagnostics(uri: string, timeoutMs?: number): Promise<{ at: number; count: number }>;
    /**
     * Resolves at the first publishDiagnostics of `uri` (after this call) that `wanted` accepts:
     * it listens without a gap, so a publish that comes right after one it refused is seen too.
     */
    diagnosticsWhere(uri: string, wanted: (count: number) => boolean, timeoutMs?: number): Promise<{ at: number; count: number }>;
    /** Time of the last publishDiagnostics of any document. */
    lastDiagnosticsAt(): number;
    /** Number of publishDiagnostics received so far. */
    diagnosticsCount(): number;
    stop(): Promise<void>;
}

/** Node options for the server process, e.g. `ACCT_BENCH_SERVER_NODE_OPTIONS=--cpu-prof` to profile it. */
const serverNodeOptions = (process.env.ACCT_BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);

/** `initializationOptions`: what the extension sends (`{ trusted: true }`: the server may read git, for the plan's history). */
export async function startBenchServer(serverJs: string, folder: string, initializationOptions?: object): Promise<BenchServer> {
    const child = spawn(process.execPath, [...serverNodeOptions, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let fromServer = 0;
    let toServer = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
        fromServer += chunk.length;
    });
    const write = child.stdin!.write.bind(child.stdin!);
    child.stdin!.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        toServer += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof child.stdin.write;
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const waiters = new Map<string, Array<(value: { at: number; count: number }) => void>>();
    let last = 0;
    let count = 0;
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: unknown[] }) => {
        last = performance.now();
        count++;
        const list = waiters.get(params.uri);
        waiters.delete(params.uri);
        list?.forEach(resolve => resolve({ at: last, count: params.diagnostics.length }));
    });
    connection.onRequest('workspace/configuration', () => [{}]);
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    const rootUri = pathToFileURL(folder).toString();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        capabilities: { workspace: { configuration: true } },
        workspaceFolders: [{ uri: rootUri, name: path.basename(folder) }],
        ...(initializationOptions ? { initializationOptions } : {}),
    });
    await connection.sendNotification('initialized', {});
    return {
        process: child,
        connection,
        rootUri,
        bytes: () => ({ fromServer, toServer }),
        nextDiagnostics(uri, timeoutMs = 60_000) {
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
                const list = waiters.get(uri) ?? [];
                list.push(value => {
                    clearTimeout(timer);
                    resolve(value);
                });
                waiters.set(uri, list);
            });
        },
        diagnosticsWhere(uri, wanted, timeoutMs = 60_000) {
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} as awaited within ${timeoutMs} ms`)), timeoutMs);
                const listen = (value: { at: number; count: number }): void => {
                    if (!wanted(value.count)) {
                        // put back before the next message is dispatched (the reader may dispatch several in one turn)
                        waiters.set(uri, [...(waiters.get(uri) ?? []), listen]);
                        return;
                    }
                    clearTimeout(timer);
                    resolve(value);
                };
                waiters.set(uri, [...(waiters.get(uri) ?? []), listen]);
            });
        },
        lastDiagnosticsAt: () => last,
        diagnosticsCount: () => count,
        async stop() {
            await connection.sendRequest('shutdown').catch(() => undefined);
            await connection.sendNotification('exit').catch(() => undefined);
            // let it exit by itself (a profile is written on exit), then make sure
            const exited = new Promise(resolve => child.once('exit', resolve));
            await Promise.race([exited, sleep(3000)]);
            connection.dispose();
            child.kill();
        },
    };
}

/** Resolves after `ms` of wall time. */
export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** Waits until no publishDiagnostics arrived for `quietMs`; returns the time of the last one. */
export async function settled(server: BenchServer, quietMs: number, timeoutMs = 120_000): Promise<number> {
    const start = performance.now();
    let seen = server.diagnosticsCount();
    let since = performance.now();
    while (performance.now() - start < timeoutMs) {
        await sleep(10);
        const now = server.diagnosticsCount();
        if (now !== seen) {
            seen = now;
            since = performance.now();
        } else if (performance.now() - since >= quietMs) {
            break;
        }
    }
    return server.lastDiagnosticsAt();
}
