/**
 * Completion in the 10k-line file, in process: our windowed provider against Langium's own path
 * (which parses from the start of the file), at the same positions, with identical answers.
 */
import { performance } from 'node:perf_hooks';
import { loadWorkspace } from '../../server/src/node/workspace-loader.js';
import { AcctCompletionProvider } from '../../server/src/lsp/acct-completion.js';
import { loadAverage, median, mulberry, percentile, round } from './measure.js';

export async function completionLatency(dir: string, file: string, today: string, seed: number, count: number) {
    const loaded = await loadWorkspace([dir], { today, cwd: dir });
    const doc = loaded.documents.find(d => d.uri.fsPath === file)!;
    const uri = doc.uri;
    const lines = doc.textDocument.getText().split('\n');
    const random = mulberry(seed);
    const positions: Array<{ line: number; character: number }> = [];
    while (positions.length < count) {
        const line = Math.floor(random() * lines.length);
        const indent = lines[line].search(/\S/);
        if (indent < 0) continue;
        const firstSpace = lines[line].indexOf(' ', indent);
        positions.push({ line, character: random() < 0.4 || firstSpace < 0 ? indent : firstSpace + 1 });
    }
    const measure = async (provider: AcctCompletionProvider) => {
        const latencies: number[] = [];
        const byPosition: Array<{ at: number; ms: number }> = [];
        const answers: string[] = [];
        for (const [index, position] of [...positions.slice(0, 10), ...positions].entries()) {
            const start = performance.now();
            const list = await provider.getCompletion(doc, { textDocument: { uri: uri.toString() }, position });
            const ms = performance.now() - start;
            if (index < 10) continue; // warm-up
            latencies.push(ms);
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
