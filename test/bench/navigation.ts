/**
 * The benchmark's navigation section (`--only=navigation`): one workspace-symbol query on the
 * ~100k-line workspace (the first one lists every file's symbols, the next ones reuse the lists),
 * semantic tokens and inlay hints of the 10k-line file, and semantic tokens against file size,
 * to show that they grow linearly (time per 1,000 lines stays flat).
 */
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { loadWorkspace } from '../../server/src/node/workspace-loader.js';
import { bigCustomerText } from './generate.js';

export interface NavigationResults {
    workspaceSymbols: Array<{ query: string; results: number; firstMs: number; medianMs: number; cpuMedianMs: number }>;
    singleFile: { semanticTokensMs: number; tokens: number; inlayHintsMs: number; hints: number };
    semanticTokensVsSize: Array<{ lines: number; ms: number; msPer1000Lines: number }>;
}

const QUERIES = ['Wang', 'wang lei', '王', 'core', 'zhx', 'e'];

const cpuNow = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
};
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function measureNavigation(options: {
    workspaceDir: string;
    bigDir: string;
    today: string;
    seed: number;
    quick: boolean;
}): Promise<NavigationResults> {
    const workspace = await loadWorkspace([options.workspaceDir], { today: options.today, cwd: options.workspaceDir });
    const symbols = workspace.shared.lsp.WorkspaceSymbolProvider!;
    const workspaceSymbols: NavigationResults['workspaceSymbols'] = [];
    for (const query of QUERIES) {
        let t = performance.now();
        const results = (await symbols.getSymbols({ query })).length;
        const firstMs = performance.now() - t;
        const wall: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < (options.quick ? 3 : 7); i++) {
            t = performance.now();
            const c = cpuNow();
            await symbols.getSymbols({ query });
            wall.push(performance.now() - t);
            cpu.push(cpuNow() - c);
        }
        workspaceSymbols.push({ query, results, firstMs: round(firstMs), medianMs: round(median(wall)), cpuMedianMs: round(median(cpu)) });
    }

    const big = await loadWorkspace([options.bigDir], { today: options.today, cwd: options.bigDir });
    const document = big.documents.find(doc => doc.uri.path.endsWith('big.acct'))!;
    const lineCount = document.textDocument.lineCount;
    const whole = { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } };
    const tokens = big.acct.lsp.SemanticTokenProvider!;
    const hints = big.acct.lsp.InlayHintProvider!;
    const time = async <T>(run: () => T | Promise<T>) => {
        const times: number[] = [];
        let result: T | undefined;
        for (let i = 0; i < 5; i++) {
            const t = performance.now();
            result = await run();
            times.push(performance.now() - t);
        }
        return { ms: round(median(times)), result: result! };
    };
    const full = await time(() => tokens.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } }));
    const inlay = await time(async () => (await hints.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: whole })) ?? []);

    const semanticTokensVsSize: NavigationResults['semanticTokensVsSize'] = [];
    for (const size of options.quick ? [2500, 10_000] : [2500, 5000, 10_000, 20_000]) {
        const { team, text } = bigCustomerText(options.seed + 5, size);
        const built = await buildTexts(team, text);
        const lines = built.textDocument.lineCount;
        const { ms } = await time(() => built.services.lsp.SemanticTokenProvider!.semanticHighlight(built, { textDocument: { uri: built.uri.toString() } }));
        semanticTokensVsSize.push({ lines, ms, msPer1000Lines: round(ms / (lines / 1000)) });
    }
    return {
        workspaceSymbols,
        singleFile: { semanticTokensMs: full.ms, tokens: full.result.data.length / 5, inlayHintsMs: inlay.ms, hints: inlay.result.length },
        semanticTokensVsSize,
    };
}

async function buildTexts(team: string, text: string): Promise<LangiumDocument & { services: ReturnType<typeof createAcctServices>['Acct'] }> {
    const { shared, Acct } = createAcctServices(EmptyFileSystem);
    const documents = [
        ['team.acct', team],
        ['big.acct', text],
    ].map(([name, content]) => shared.workspace.LangiumDocumentFactory.fromString(content!, URI.parse(`file:///bench/${name}`)));
    documents.forEach(doc => shared.workspace.LangiumDocuments.addDocument(doc));
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    return Object.assign(documents[1]!, { services: Acct });
}

/** The rows of the benchmark's table. */
export function navigationRows(r: NavigationResults): Array<[string, string, string]> {
    const rows: Array<[string, string, string]> = [];
    for (const q of r.workspaceSymbols) {
        rows.push([
            `Workspace symbols in the 100k-line workspace, query '${q.query}'`,
            `${q.medianMs} ms (CPU ${q.cpuMedianMs} ms; first query ${q.firstMs} ms), ${q.results} results`,
            q.medianMs <= 50 ? 'ok (< 50 ms)' : 'MISSED (target < 50 ms)',
        ]);
    }
    rows.push(['Semantic tokens of the 10k-line file (full)', `${r.singleFile.semanticTokensMs} ms, ${r.singleFile.tokens} tokens`, '']);
    rows.push(['Inlay hints of the 10k-line file (whole file)', `${r.singleFile.inlayHintsMs} ms, ${r.singleFile.hints} hints`, '']);
    rows.push([
        'Semantic tokens against file size (ms per 1,000 lines)',
        r.semanticTokensVsSize.map(row => `${row.lines}: ${row.msPer1000Lines}`).join(', '),
        '',
    ]);
    return rows;
}
