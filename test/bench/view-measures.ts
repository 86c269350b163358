/**
 * The power-map panel (client/src/power-map-panel.ts, the real one, over a fake of the `vscode`
 * API) fed by the real language server over stdio, in the 100k-line workspace: what a cursor
 * move costs the server and sends over the LSP and to the webview, and what a plan change sends.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import { PowerMapPanel, type PlanSource } from '../../client/src/power-map-panel.js';
import { customerEdits, memberRename } from './edits.js';
import { bench, Selection, Position, Uri, type FakeEditor } from './fake-vscode.js';
import { loadAverage, median, processCpuMs, round } from './measure.js';
import { openAndSettle } from './lsp-measures.js';
import { settled, sleep, startBenchServer, type BenchServer } from './lsp-server.js';

export interface ViewTraffic {
    /** Server time per event (CPU of the server process, mean; /proc has 10 ms ticks). */
    serverCpuMs: number;
    /** Wall time of the panel's requests per event (median), as the panel waited for them. */
    requestMs: number;
    /** Bytes over the LSP per event (both ways, median). */
    lspBytes: number;
    /** Bytes posted to the webview per event (JSON size, median). */
    viewBytes: number;
    requests: string[];
    events: number;
    /** The banner's error lines the panel held at the end (the latest plan's errors). */
    errors?: number;
    /** Bytes posted to the webview at each event, in order (a cursor move: one per customer, the same customers in both plans). */
    viewBytesEach?: number[];
}

/** The largest single message of the panel's session: a reply to one of its requests, a message posted to the webview. */
export interface LargestMessages {
    /** The error lines of the latest answer that carried them. */
    errorLines?: number;
    lspBytes: number;
    lspMethod: string;
    viewBytes: number;
    viewType: string;
}

/** Every request the panel may make, by method name (so that this runs against any version of the protocol). */
function planSource(server: BenchServer, requestTimes: number[], methods: string[], largest: LargestMessages): PlanSource {
    const request = async (method: string, params: unknown) => {
        const start = performance.now();
        try {
            const result = await server.connection.sendRequest(method, params);
            const bytes = Buffer.byteLength(JSON.stringify(result) ?? '');
            if (bytes > largest.lspBytes) Object.assign(largest, { lspBytes: bytes, lspMethod: method });
            // the latest plan's error lines, as the panel got them (before issue 23, `errorLines`; then the `errors` part)
            const answer = result as { errorLines?: string[]; errors?: { value?: string[] } } | null;
            const lines = answer?.errors?.value ?? answer?.errorLines;
            if (lines) largest.errorLines = lines.length;
            return result;
        } finally {
            requestTimes.push(performance.now() - start);
            methods.push(method);
        }
    };
    const source = {
        planView: (params: unknown) => request('acct/planView', params),
        planParts: (params: unknown) => request('acct/planParts', params),
        focus: (params: unknown) => request('acct/focus', params),
        locate: (params: unknown) => request('acct/locate', params),
        onPlanChanged: (listener: () => void) => server.connection.onNotification('acct/planChanged', () => listener()),
    };
    return source as unknown as PlanSource;
}

/** A position inside the middle contact of each of `files`: each move shows another customer. */
function movesIn(files: string[]): Array<{ uri: string; line: number }> {
    return files.map(file => {
        const lines = fs.readFileSync(file, 'utf-8').split('\n');
        const contacts = lines.flatMap((l, i) => (/^\s+contact /.test(l) ? [i] : []));
        return { uri: pathToFileURL(file).toString(), line: contacts[contacts.length >> 1] + 1 };
    });
}

export interface ViewResults {
    cursor: ViewTraffic;
    planChange: ViewTraffic;
    /** Cursor moves to other customers while the plan has errors: a member most files refer to renamed in team.acct. */
    cursorWithErrors: ViewTraffic;
    /** The largest messages of the whole session (opening, moves, changes, the plan with errors). */
    largest: LargestMessages;
    /** For comparison, not asked by the panel: `acct/planView` of the workspace (kept for compatibility). */
    planViewBytes: number;
    loadAverage: number[];
}

export async function viewTraffic(serverJs: string, folder: string, files: string[], moves: number): Promise<ViewResults> {
    const server = await startBenchServer(serverJs, folder);
    let panel: PowerMapPanel | undefined;
    try {
        const targets = movesIn(files.slice(0, moves + 1));
        // The file edited below is open from the start, as in an editor.
        const file = files[moves];
        const uri = pathToFileURL(file).toString();
        const text = fs.readFileSync(file, 'utf-8');
        await openAndSettle(server, uri, text);
        bench.folder = Uri.parse(pathToFileURL(folder).toString());
        const editorAt = (target: { uri: string; line: number }): FakeEditor => ({
            document: { uri: Uri.parse(target.uri), languageId: 'acct' },
            selection: new Selection(new Position(target.line, 8), new Position(target.line, 8)),
            viewColumn: 1,
        });
        bench.editor = editorAt(targets[0]);
        let posted: number[] = [];
        let waiting: ((type: string) => void) | undefined;
        const largest: LargestMessages = { lspBytes: 0, lspMethod: '', viewBytes: 0, viewType: '' };
        bench.onPost = message => {
            const bytes = Buffer.byteLength(JSON.stringify(message));
            posted.push(bytes);
            if (bytes > largest.viewBytes) Object.assign(largest, { viewBytes: bytes, viewType: (message as { type?: string }).type ?? '' });
            const type = (message as { type?: string }).type ?? '';
            if (type !== 'showView') waiting?.(type);
        };
        const requestTimes: number[] = [];
        const methods: string[] = [];
        // the repository is the extension: its out/webview bundle is what the panel writes into the page
        const context = { extensionUri: Uri.parse(pathToFileURL(process.cwd()).href), subscriptions: [] };
        /** Resolves at the next message posted to the webview (but `showView`), or of type `type`. */
        const drawn = (type?: string) =>
            new Promise<void>(resolve => {
                waiting = posted => {
                    if (type === undefined || posted === type) resolve();
                };
            });
        // the opening is drawn when its picture is posted (its parts come before it): a move measured before then counted the outline
        const first = drawn('picture');
        panel = PowerMapPanel.createOrShow(context as unknown as vscode.ExtensionContext, planSource(server, requestTimes, methods, largest));
        bench.fromWebview.fire({ type: 'ready' });
        await Promise.race([first, sleep(10_000)]);
        await sleep(300);

        const measure = async (count: number, event: (i: number) => Promise<void>): Promise<ViewTraffic> => {
            const cpu: number[] = [];
            const lsp: number[] = [];
            const view: number[] = [];
            const times: number[] = [];
            const seen = new Set<string>();
            for (let i = 0; i < count; i++) {
                posted = [];
                requestTimes.length = 0;
                methods.length = 0;
                const bytes = server.bytes();
                const cpuBefore = processCpuMs(server.process.pid);
                const next = drawn();
                await event(i);
                await Promise.race([next, sleep(5000)]);
                await sleep(100);
                const after = server.bytes();
                cpu.push(processCpuMs(server.process.pid) - cpuBefore);
                lsp.push(after.fromServer - bytes.fromServer + after.toServer - bytes.toServer);
                view.push(posted.reduce((a, b) => a + b, 0));
                times.push(requestTimes.reduce((a, b) => a + b, 0));
                methods.forEach(m => seen.add(m));
            }
            return {
                serverCpuMs: round(cpu.reduce((a, b) => a + b, 0) / count),
                requestMs: round(median(times), 2),
                lspBytes: Math.round(median(lsp)),
                viewBytes: Math.round(median(view)),
                requests: [...seen],
                events: count,
                viewBytesEach: view,
            };
        };

        const cursor = await measure(moves, async i => {
            bench.editor = editorAt(targets[i + 1]);
            bench.selection.fire({ textEditor: bench.editor, selections: [bench.editor.selection] });
        });

        // A plan change: a one-line edit of the file the cursor is in.
        const edits = customerEdits(text, 5, 7);
        const planChange = await measure(edits.length, async i => {
            const edit = edits[i];
            await server.connection.sendNotification('textDocument/didChange', {
                textDocument: { uri, version: i + 2 },
                contentChanges: [
                    { range: { start: { line: edit.line, character: 0 }, end: { line: edit.line, character: edit.before.length } }, text: edit.after },
                ],
            });
        });

        // The plan with errors: a member's id renamed in team.acct (open, as in an editor), then cursor moves to other customers.
        const teamFile = `${folder}/team.acct`;
        const teamUri = pathToFileURL(teamFile).toString();
        const teamText = fs.readFileSync(teamFile, 'utf-8');
        // the members most files refer to, renamed until at least 1,500 references are left unresolved
        const rename = memberRename(
            teamText,
            files.map(f => fs.readFileSync(f, 'utf-8')),
            'renamed',
            1500,
        );
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: teamUri, languageId: 'acct', version: 1, text: teamText } });
        const renamed = drawn();
        await server.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: teamUri, version: 2 },
            contentChanges: [{ text: rename.text }],
        });
        await settled(server, 600);
        await Promise.race([renamed, sleep(5000)]);
        await sleep(300);
        // The same moves as in the clean plan, to the same customers in the same order, so that
        // each compares with the clean plan's move to its customer: first back to the first (not counted).
        const back = drawn();
        bench.editor = editorAt(targets[0]!);
        bench.selection.fire({ textEditor: bench.editor, selections: [bench.editor.selection] });
        await Promise.race([back, sleep(5000)]);
        await sleep(100);
        const cursorWithErrors = await measure(moves, async i => {
            bench.editor = editorAt(targets[i + 1]!);
            bench.selection.fire({ textEditor: bench.editor, selections: [bench.editor.selection] });
        });
        cursorWithErrors.errors = largest.errorLines;
        const planViewBytes = Buffer.byteLength(JSON.stringify(await server.connection.sendRequest('acct/planView', { uri })));
        return { cursor, planChange, cursorWithErrors, largest, planViewBytes, loadAverage: loadAverage() };
    } finally {
        panel?.dispose();
        await server.stop();
    }
}
