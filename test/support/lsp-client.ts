/** The built server (out/server.js) driven over stdio as an editor drives it, for the LSP tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { projectRoot } from './run-cli.js';

export interface LspClient {
    server: ChildProcess;
    connection: MessageConnection;
    /** What the server answered to `initialize`: its capabilities. */
    initializeResult: InitializeResult;
    /** The latest diagnostics of `uri` once `predicate` holds for them (default: any). */
    diagnosticsFor(uri: string, predicate?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
    forget(uri: string): void;
    open(uri: string, text: string, version?: number): Promise<void>;
    change(uri: string, text: string, version: number): Promise<void>;
    close(uri: string): Promise<void>;
    /** The server process's resident memory, in MB. */
    rssMB(): number;
    /**
     * What the server's JavaScript holds after full garbage collections, in MB: the live heap (of
     * it, `codeMB` in V8's code and trusted spaces: compiled code, bytecode) and live Buffers
     * (`external`), beside the heap V8 reserves and the resident memory. Only for a
     * server started with `{ liveMemory: true }` (test/support/live-memory-probe.cjs explains why).
     */
    liveMemoryMB(): Promise<{ heapMB: number; codeMB: number; externalMB: number; heapTotalMB: number; rssMB: number }>;
    stop(): Promise<void>;
}

/**
 * `capabilities`: what the client says it supports, beyond `workspace.configuration`; `initialize`:
 * more of the `initialize` request's parameters (`{ locale: 'zh-cn' }`, as VS Code sends its display language).
 */
export async function startServer(
    folder: string,
    env: Record<string, string> = {},
    capabilities: ClientCapabilities = {},
    initialize: Record<string, unknown> = {},
    options: { liveMemory?: boolean } = {},
): Promise<LspClient> {
    const serverPath = path.join(projectRoot, 'out', 'server.js');
    if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run 'npm run build' first.`);
    const probe = options.liveMemory ? ['--expose-gc', '--require', path.join(projectRoot, 'test', 'support', 'live-memory-probe.cjs')] : [];
    const server = spawn(process.execPath, [...probe, serverPath, '--stdio'], {
        stdio: options.liveMemory ? ['pipe', 'pipe', 'inherit', 'ipc'] : ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, ...env },
    });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const latest = new Map<string, Diagnostic[]>();
    const waiters: Array<() => boolean> = [];
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        latest.set(params.uri, params.diagnostics);
        waiters.splice(0).forEach(wake => {
            if (!wake()) waiters.push(wake);
        });
    });
    connection.onRequest('workspace/configuration', () => [{}]);
    connection.onRequest('client/registerCapability', () => null);
    // What the server logged (an update that failed, a request that threw): kept to explain a wait that timed out.
    const serverLog: string[] = [];
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
        serverLog.push(params.message.length > 2000 ? params.message.slice(0, 2000) + ' …' : params.message);
        if (serverLog.length > 40) serverLog.shift();
    });
    let exited: string | undefined;
    server.on('exit', (code, signal) => (exited = `the server exited (code ${code}, signal ${signal})`));
    connection.listen();
    const rootUri = pathToFileURL(folder).toString();
    const initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri,
        capabilities: { ...capabilities, workspace: { configuration: true, ...capabilities.workspace } },
        workspaceFolders: [{ uri: rootUri, name: path.basename(folder) }],
        ...initialize,
    });
    await connection.sendNotification('initialized', {});
    return {
        server,
        connection,
        initializeResult,
        diagnosticsFor(uri, predicate = () => true, timeoutMs = 90_000) {
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => {
                    const last = latest.get(uri);
                    const got = last ? `its last diagnostics: ${last.length}` : 'none received since it was forgotten';
                    const log = serverLog.length ? `; the server logged:\n${serverLog.join('\n')}` : '; the server logged nothing';
                    reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms (${got}${exited ? '; ' + exited : ''})${log}`));
                }, timeoutMs);
                const check = () => {
                    const current = latest.get(uri);
                    if (current && predicate(current)) {
                        clearTimeout(timer);
                        resolve(current);
                        return true;
                    }
                    return false;
                };
                if (!check()) waiters.push(check);
            });
        },
        forget: uri => {
            latest.delete(uri);
        },
        open: (uri, text, version = 1) => connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'acct', version, text } }),
        change: (uri, text, version) => connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
        close: uri => connection.sendNotification('textDocument/didClose', { textDocument: { uri } }),
        rssMB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024,
        liveMemoryMB() {
            if (!options.liveMemory) return Promise.reject(new Error('start the server with { liveMemory: true } to measure its live memory'));
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error('the server did not report its live memory within 90 s')), 90_000);
                const answer = (message: unknown) => {
                    const live = (message as { liveMemory?: Awaited<ReturnType<LspClient['liveMemoryMB']>> } | null)?.liveMemory;
                    if (!live) return;
                    clearTimeout(timer);
                    server.off('message', answer);
                    resolve(live);
                };
                server.on('message', answer);
                server.send('acct-test:live-memory');
            });
        },
        async stop() {
            await connection.sendRequest('shutdown').catch(() => undefined);
            await connection.sendNotification('exit').catch(() => undefined);
            connection.dispose();
            server.kill();
        },
    };
}
