/**
 * Completion in the 10k-line file, in process: our windowed provider against Langium's own path
 * (which parses from the start of the file), at the same positions, with identical answers.
 *
 * The folder is held as the editor's server holds it (editor-workspace.ts), and the positions are
 * the ones the LSP's completion requests go to (`completionPositions`, the same seed): the row
 * beside the real LSP's measures the same provider on the same requests, without the protocol.
 * Until 2026-12-07 the folder was loaded with the command line's services: their one-shot syntax
 * tree keeps keywords in a table, not as leaves, so the windowed provider found no `{` after the
 * customer's header, took the customer's start as its anchor and parsed from there — the whole
 * file, which is one customer (p95 ~45 ms, growing with the line, against 7–8 ms over the LSP).
 * The server never holds that tree.
 */
import { performance } from 'node:perf_hooks';
import { AcctCompletionProvider } from '../../server/src/lsp/acct-completion.js';
import { editorWorkspace } from './editor-workspace.js';
import { cpuNow, loadAverage, median, percentile, round } from './measure.js';

/** `count` completion positions in `lines`: line starts and after a property keyword (the LSP's and the in-process measure's). */
export function completionPositions(lines: readonly string[], seed: number, count: number): Array<{ line: number; character: number }> {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const positions: Array<{ line: number; character: number }> = [];
    while (positions.length < count) {
        const line = Math.floor(next() * lines.length);
        const indent = lines[line]!.search(/\S/);
        if (indent < 0) continue;
        const space = lines[line]!.indexOf(' ', indent);
        positions.push({ line, character: next() < 0.4 || space < 0 ? indent : space + 1 });
    }
    return positions;
}

/** The first requests warm the provider up and are not counted, as over the LSP. */
const WARM_UP = 10;

export async function completionLatency(dir: string, file: string, today: string, seed: number, count: number) {
    const loaded = await editorWorkspace(dir, today);
    const doc = loaded.documents.find(d => d.uri.fsPath === file)!;
    const uri = doc.uri;
    const lines = doc.textDocument.getText().split('\n');
    const positions = completionPositions(lines, seed, count + WARM_UP);
    const measure = async (provider: AcctCompletionProvider) => {
        const latencies: number[] = [];
        const cpu: number[] = [];
        const byPosition: Array<{ at: number; ms: number }> = [];
        const answers: string[] = [];
        for (const [index, position] of positions.entries()) {
            const cpuStart = cpuNow();
            const start = performance.now();
            const list = await provider.getCompletion(doc, { textDocument: { uri: uri.toString() }, position });
            const ms = performance.now() - start;
            const cpuMs = cpuNow() - cpuStart;
            if (index < WARM_UP) continue;
            latencies.push(ms);
            cpu.push(cpuMs);
            byPosition.push({ at: position.line / lines.length, ms });
            answers.push(JSON.stringify(list?.items ?? []));
        }
        const tenth = (test: (at: number) => boolean) => round(median(byPosition.filter(p => test(p.at)).map(p => p.ms)), 2);
        return {
            answers,
            stats: {
                requests: latencies.length,
                p50Ms: round(percentile(latencies, 50), 2),
                p95Ms: round(percentile(latencies, 95), 2),
                maxMs: round(Math.max(...latencies), 2),
                // CPU of the process (all threads) per request: what the wall times are made of on a loaded machine
                cpuP50Ms: round(percentile(cpu, 50), 2),
                cpuP95Ms: round(percentile(cpu, 95), 2),
                firstTenthP50Ms: tenth(at => at < 0.1),
                lastTenthP50Ms: tenth(at => at >= 0.9),
            },
        };
    };
    const ours = await measure(loaded.acct.lsp.CompletionProvider as AcctCompletionProvider);
    const langium = await measure(new AcctCompletionProvider(loaded.acct));
    const differing = ours.answers.filter((answer, i) => answer !== langium.answers[i]).length;
    return { ...ours.stats, differingFromLangiumPath: differing, langiumPath: langium.stats, loadAverage: loadAverage() };
}
