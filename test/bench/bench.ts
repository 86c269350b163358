/**
 * The acct benchmark: `npm run bench` (a table) or `npm run bench -- --json`. Not a test: it
 * prints figures beside the targets of issue 12 and exits 0 unless something crashes.
 *
 * Every measure shows its CPU time beside its wall time (the machine is shared), and the cold
 * check is compared, in the same run, with `JSON.parse` of its export, with the same data as YAML
 * parsed and validated by ajv, and with acct's parser alone on the same texts. The load average
 * is printed before and after. On a synthetic, seeded workspace written to a temporary folder
 * (generate.ts): ~100k lines in 200 files, and one ~10k-line file.
 *
 * Sections (`--only=a,b`): workspace (the cold check — a fresh process's first build — and the
 * warm repeats in that process, references, heap, edits in process), cli (the real CLI as a
 * process, CPU read from the OS by test/bench/process-harness.mjs: check, sandbox, export,
 * export --redact), single (10k file: build and edit in process), completion (in
 * process), lsp (10k file over the real LSP: edit → diagnostics, completion), team (team.acct
 * edits over the LSP in the 100k workspace), view (the power-map panel over the LSP: cursor
 * moves and plan changes), scaling (linking against file size), navigation (workspace symbols,
 * semantic tokens and inlay hints, navigation.ts), report (`acct report` beside `acct check`, CPU,
 * and the report opened in Chromium, report-measures.ts), burst (10,000 edits sent at once over the
 * LSP: last edit → its diagnostics), text (wrapping a 250 kB label in the webview's text metrics).
 * history (`acct history` on 500 commits of the workspace against `acct check`, history-measures.ts).
 * `--lsp-pair=PATH` (with lsp): the same edits sent in turn to the server bundle at PATH and to
 * this one, for a before/after under the same load (docs/benchmark.md).
 * `--keep` keeps the files,
 * `--quick` makes fewer runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { loadWorkspace } from '../../server/src/node/workspace-loader.js';
import { tuneV8ForOneShot } from '../../server/src/node/one-shot-v8.js';
import { serializePlan } from '../../server/src/plan/plan-json.js';
import { references } from './alternatives.js';
import { completionLatency } from './completion-measures.js';
import { generateBigFile, generateWorkspace } from './generate.js';
import { buildTimes, editTimes, linkingAgainstSize } from './in-process.js';
import { burstSettle, lspEditLatency, lspEditPair, lspTeamEdits } from './lsp-measures.js';
import { wrapText } from '../../client/webview/src/text-metrics.js';
import { cpuNow, gc, loadAverage, machine, mb, median, medianTiming, processCpuMs, round, timed, type Timing } from './measure.js';
import { measureNavigation } from './navigation.js';
import { reportMeasures } from './report-measures.js';
import { measureHistory } from './history-measures.js';
import { measureTrends, measureTrendsBlocking } from './trends-measures.js';
import { table } from './report.js';
import { viewTraffic } from './view-measures.js';

const args = new Set(process.argv.slice(2));
const asJson = args.has('--json');
const keep = args.has('--keep');
const quick = args.has('--quick');
const onlyArg = process.argv.find(arg => arg.startsWith('--only='));
/** `--lsp-pair=PATH`: the lsp section also sends its edits to the server bundle at PATH, in turn with this one (lspEditPair). */
const pairArg = process.argv.find(arg => arg.startsWith('--lsp-pair='))?.slice('--lsp-pair='.length);
const ALL = ['workspace', 'cli', 'report', 'history', 'trends', 'single', 'completion', 'lsp', 'team', 'view', 'scaling', 'navigation', 'burst', 'text'];
const sections = new Set(onlyArg ? onlyArg.slice('--only='.length).split(',') : ALL);
export const TODAY = '2026-11-22';
export const SEED = 20261122;

const log = (line: string) => {
    if (!asJson) process.stderr.write(line + '\n');
};

/** What test/bench/process-harness.mjs reports. */
interface ProcessFigures {
    source: string;
    runs: number;
    loadAverage: number[];
    figures: Record<
        'startup' | 'check' | 'checkText' | 'sandbox' | 'sandboxJson' | 'export' | 'exportRedact',
        { cpuMs: number; wallMs: number; maxRssMb: number }
    >;
    ratios: { sandboxToCheck: number; sandboxJsonToCheck: number; redactToExport: number };
}

/** What the cold check process reports (`--check-runs=DIR`). */
interface CheckRuns {
    /** The first build of a fresh process (cold), then the warm repeats: CPU of the whole process (all threads) and wall. */
    runs: Timing[];
    findings: number;
    errors: number;
    peakRssMBAfterColdCheck: number;
    heap: { usedMB: number; ofWorkspaceMB: number; perSourceByte: number };
    /** The export document of the first build, in a file (the references parse it). */
    exportFile: string;
    /** The process's CPU from its start to the end of the cold build (Node, the bundle, the build). */
    processCpuMs: number;
    /**
     * Of it, the main thread's (Linux, 10 ms steps; NaN elsewhere): the rest is V8's helper threads,
     * the optimising compiler and the collector's parallel work, a third of a cold check.
     */
    mainThreadCpuMs: number;
}

/**
 * The workspace as the editor's language server holds it (Langium's full syntax tree, the index of
 * references, no one-shot shortcuts), built and its plan computed: for the heap of the editor's path.
 */
async function loadForEditor(dir: string): Promise<{ plan(): ReturnType<Awaited<ReturnType<typeof loadWorkspace>>['plan']> }> {
    const { shared, Acct } = createAcctServices(EmptyFileSystem);
    Acct.workspace.AcctSettings.todayOverride = TODAY;
    Acct.workspace.AcctSettings.locale = 'en';
    const base = URI.file(dir);
    Acct.workspace.AcctSettings.baseFolder = base;
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf-8' }).filter(f => f.endsWith('.acct'));
    const documents = files.map(file => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(path.join(dir, file), 'utf-8'), URI.file(path.join(dir, file)));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { plan: () => Acct.plan.PlanBuilder.plan(base) };
}

/** Runs in a fresh process: the check of `dir` `runs` times, the first one cold (`--editor`: with the editor's services, see loadForEditor). */
async function checkRuns(dir: string, runs: number): Promise<CheckRuns> {
    const editor = process.argv.includes('--editor');
    // the command line's V8 settings (cli.ts), for its path; the editor's server keeps V8's defaults
    if (!editor) tuneV8ForOneShot();
    const timings: Timing[] = [];
    const result: Partial<CheckRuns> = {};
    const bytes = fs
        .readdirSync(dir, { recursive: true, encoding: 'utf-8' })
        .filter(f => f.endsWith('.acct'))
        .reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    for (let run = 0; run < runs; run++) {
        if (run > 0) gc();
        const heapBefore = process.memoryUsage().heapUsed;
        const { value: loaded, ...timing } = await timed(async () => {
            const loaded = editor ? await loadForEditor(dir) : await loadWorkspace([dir], { today: TODAY, cwd: dir });
            loaded.plan();
            return loaded;
        });
        timings.push(timing);
        if (run === 0) {
            result.processCpuMs = round(cpuNow());
            result.mainThreadCpuMs = processCpuMs(process.pid, process.pid);
            const plan = loaded.plan();
            result.findings = plan.diagnostics.length;
            result.errors = plan.diagnostics.filter(d => d.severity === 'error').length;
            result.peakRssMBAfterColdCheck = round(mb(process.resourceUsage().maxRSS * 1024));
            // The loaded workspace (services, documents, the plan computed) before anything else is made of it.
            gc();
            const heap = process.memoryUsage().heapUsed;
            result.heap = { usedMB: round(mb(heap)), ofWorkspaceMB: round(mb(heap - heapBefore)), perSourceByte: round(heap / bytes, 1) };
            // `--heap-snapshot=FILE`: that heap, for a look at what holds it (Chrome's memory tab, test/bench/heap-owners.mjs)
            const snapshot = process.argv.find(arg => arg.startsWith('--heap-snapshot='))?.slice('--heap-snapshot='.length);
            if (snapshot) v8.writeHeapSnapshot(snapshot);
            result.exportFile = path.join(os.tmpdir(), `acct-bench-export-${process.pid}.json`);
            fs.writeFileSync(result.exportFile, serializePlan(plan));
        }
    }
    return { ...result, runs: timings } as CheckRuns;
}

async function main() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-bench-'));
    const serverJs = path.resolve(__dirname, 'server.js');
    const cli = path.resolve(__dirname, 'cli.js');
    const results: Record<string, unknown> = { machine: machine(), seed: SEED, today: TODAY };
    const started = performance.now();
    try {
        const ws = generateWorkspace(path.join(root, 'workspace'), { seed: SEED, fileCount: 200, totalLines: 100_000 });
        const big = generateBigFile(path.join(root, 'single'), { seed: SEED + 1, lines: 10_000 });
        const bigLines = fs.readFileSync(big.bigFile, 'utf-8').split('\n').length - 1;
        const customerFiles = ws.files.filter(file => !file.endsWith('team.acct'));
        results.workspace = { files: ws.files.length, lines: ws.lines, MB: round(mb(ws.bytes), 2), bytes: ws.bytes };
        results.singleFile = { lines: bigLines, MB: round(mb(fs.statSync(big.bigFile).size), 3) };
        log(`generated ${ws.files.length} files, ${ws.lines} lines, ${round(mb(ws.bytes), 2)} MB and a ${bigLines}-line file in ${root}`);

        if (sections.has('workspace')) {
            // The cold check is a fresh process's first build (the CLI's path: load, parse, link,
            // validate, plan), then warm repeats in the same process; see checkRuns below.
            const child = spawnSync(process.execPath, [__filename, `--check-runs=${ws.dir}`, `--runs=${quick ? 2 : 4}`], {
                maxBuffer: 512 * 1024 * 1024,
                encoding: 'utf-8',
                stdio: ['ignore', 'pipe', 'inherit'],
            });
            if (child.status !== 0) throw new Error(`the cold check process failed (${child.signal ?? child.status})`);
            const checked = JSON.parse(child.stdout) as CheckRuns;
            const exportJsonFile = checked.exportFile;
            let exportJson = fs.readFileSync(exportJsonFile, 'utf-8');
            fs.rmSync(exportJsonFile, { force: true });
            results.findings = checked.findings;
            if (checked.errors) log(`warning: the generated workspace has ${checked.errors} errors`);
            results.peakRssMBAfterColdCheck = checked.peakRssMBAfterColdCheck;
            results.heap = checked.heap;
            // the same heap with the editor's services (a second fresh process, one build)
            const editorChild = spawnSync(process.execPath, [__filename, `--check-runs=${ws.dir}`, '--runs=1', '--editor'], {
                maxBuffer: 512 * 1024 * 1024,
                encoding: 'utf-8',
                stdio: ['ignore', 'pipe', 'inherit'],
            });
            if (editorChild.status === 0) {
                const editor = JSON.parse(editorChild.stdout) as CheckRuns;
                fs.rmSync(editor.exportFile, { force: true });
                results.heapEditor = editor.heap;
            }
            checked.runs.forEach((timing, run) =>
                log(
                    `  check run ${run + 1} (${run ? 'warm' : 'cold: a fresh process, first build'}): ${round(timing.wallMs)} ms (CPU ${round(timing.cpuMs)} ms)`,
                ),
            );
            results.coldCheck = {
                first: medianTiming(checked.runs.slice(0, 1)),
                warm: medianTiming(checked.runs.slice(1)),
                loadAverage: loadAverage(),
                processCpuMs: checked.processCpuMs,
                mainThreadCpuMs: checked.mainThreadCpuMs,
            };
            const texts = ws.files.map(file => fs.readFileSync(file, 'utf-8'));
            const { Acct } = createAcctServices(EmptyFileSystem);
            results.references = await references(exportJson, texts, Acct.parser.LangiumParser);
            exportJson = '';
            results.workspaceBuild = await buildTimes(
                ws.files.map((file, i) => ({ uri: URI.file(file), text: texts[i] })),
                TODAY,
            );
            results.workspaceEdits = await editTimes(
                ws.files.map((file, i) => ({ uri: URI.file(file), text: texts[i] })),
                TODAY,
                quick,
            );
        }

        if (sections.has('cli') && fs.existsSync(cli)) {
            // The second, independent harness: the CLI run as a process, its CPU read from the OS
            // (test/bench/process-harness.mjs); check, sandbox, export and export --redact interleaved,
            // seven rounds in a full run: the ratio of two medians of three moved by ±10 % on a quiet machine.
            const harness = path.resolve(__dirname, '..', 'test', 'bench', 'process-harness.mjs');
            const run = spawnSync(process.execPath, [harness, ws.dir, `--runs=${quick ? 1 : 7}`, `--today=${TODAY}`, '--json'], {
                maxBuffer: 64 * 1024 * 1024,
                encoding: 'utf-8',
            });
            if (run.status !== 0) throw new Error(`process-harness.mjs failed: ${run.stderr}`);
            const processes = JSON.parse(run.stdout) as ProcessFigures;
            const f = processes.figures;
            const start = performance.now();
            execFileSync(process.execPath, ['-e', '']);
            results.cli = {
                median: { wallMs: f.check.wallMs, cpuMs: f.check.cpuMs },
                nodeStartupMs: round(performance.now() - start),
                processes,
                /** The check past the CLI's startup (`acct --version`), by the OS: beside the in-process cold build. */
                checkPastStartupCpuMs: round(f.check.cpuMs - f.startup.cpuMs),
            };
            log(`  processes (CPU from ${processes.source}): ${JSON.stringify(processes.figures)}`);
        }

        if (sections.has('report') && fs.existsSync(cli)) {
            results.report = await reportMeasures(cli, ws.dir, TODAY, quick ? 1 : 3);
            log(`  report: ${JSON.stringify(results.report)}`);
        }

        if (sections.has('history') && fs.existsSync(cli)) {
            // acct history --format json on a 500-commit repository of the same workspace, against acct check (issue 20 item 4)
            results.history = measureHistory(cli, path.join(root, 'history'), SEED, 1, quick ? 2 : 5);
            log(`  history: ${JSON.stringify(results.history)}`);
        }

        if (sections.has('trends') && fs.existsSync(serverJs)) {
            // the Trends view: the history read in the background by the server, then cursor moves answered from its cache
            results.trends = await measureTrends(serverJs, path.join(root, 'history'), SEED);
            log(`  trends: ${JSON.stringify(results.trends)}`);
            // edits of the open plan while the history's first load runs, against the same edits with none (issue 20 item 4)
            results.trendsBlocking = await measureTrendsBlocking(serverJs, path.join(root, 'history'), SEED);
            log(`  trends blocking: ${JSON.stringify(results.trendsBlocking)}`);
        }

        if (sections.has('single')) {
            results.singleFileBuild = await buildTimes(
                [
                    { uri: URI.file(path.join(big.dir, 'team.acct')), text: fs.readFileSync(path.join(big.dir, 'team.acct'), 'utf-8') },
                    { uri: URI.file(big.bigFile), text: fs.readFileSync(big.bigFile, 'utf-8') },
                ],
                TODAY,
                big.bigFile,
            );
            log(`  10k file: ${JSON.stringify(results.singleFileBuild)}`);
        }

        if (sections.has('completion')) {
            results.completion = await completionLatency(big.dir, big.bigFile, TODAY, SEED + 2, quick ? 60 : 200);
            log(`  completion: ${JSON.stringify(results.completion)}`);
        }

        if (sections.has('lsp') && fs.existsSync(serverJs)) {
            const { latency, completion } = await lspEditLatency(serverJs, big.dir, big.bigFile, quick ? 10 : 40, SEED + 3);
            results.lspEdit = latency;
            results.lspCompletion = completion;
            log(`  LSP edit: ${JSON.stringify(latency)}; completion ${JSON.stringify(completion)}`);
            if (pairArg) {
                results.lspEditPair = await lspEditPair(path.resolve(pairArg), serverJs, big.dir, big.bigFile, quick ? 10 : 40, SEED + 3);
                log(`  LSP edit, paired with ${pairArg}: ${JSON.stringify(results.lspEditPair)}`);
            }
        }

        if (sections.has('team') && fs.existsSync(serverJs)) {
            const edits = await lspTeamEdits(serverJs, ws.dir, path.join(ws.dir, 'team.acct'), quick ? 1 : 3);
            const of = (kind: string) => edits.filter(e => e.kind === kind);
            results.lspTeamEdit = Object.fromEntries(
                ['comment', 'member', 'rename', 'renameBack'].map(kind => [
                    kind,
                    {
                        settleMs: round(median(of(kind).map(e => e.settleMs))),
                        filesRechecked: median(of(kind).map(e => e.filesRechecked)),
                        serverCpuMs: round(median(of(kind).map(e => e.serverCpuMs))),
                        ...(of(kind)[0]?.referringFiles !== undefined
                            ? {
                                  referringFiles: of(kind)[0]!.referringFiles,
                                  settleMsRange: [Math.min(...of(kind).map(e => e.settleMs)), Math.max(...of(kind).map(e => e.settleMs))],
                              }
                            : {}),
                    },
                ]),
            );
            log(`  team.acct edits over the LSP: ${JSON.stringify(results.lspTeamEdit)}`);
        }

        if (sections.has('view') && fs.existsSync(serverJs)) {
            results.view = await viewTraffic(serverJs, ws.dir, customerFiles, quick ? 6 : 20);
            log(`  view: ${JSON.stringify(results.view)}`);
        }

        if (sections.has('scaling')) {
            results.linkingVsSize = await linkingAgainstSize(SEED + 3, quick ? [1000, 5000, 10_000] : [1000, 2000, 5000, 10_000, 20_000], TODAY, log);
        }

        if (sections.has('burst') && fs.existsSync(serverJs)) {
            const burstDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-bench-burst-'));
            try {
                const burst = await burstSettle(serverJs, burstDir, quick ? 1 : 3);
                results.burst = { ...burst, medianSettleMs: round(median(burst.settleMs)) };
            } finally {
                fs.rmSync(burstDir, { recursive: true, force: true });
            }
            log(`  burst of 10,000 edits: ${JSON.stringify(results.burst)}`);
        }

        if (sections.has('text')) {
            // was a wall-time assert of test/unit/webview-text.test.ts
            const long = 'word '.repeat(50_000);
            const runs: Timing[] = [];
            for (let i = 0; i < (quick ? 3 : 9); i++) runs.push(await timed(() => wrapText(long, 200, 12, 3)));
            results.wrapLongText = { kB: round(long.length / 1000), ...medianTiming(runs) };
            log(`  wrapText of ${round(long.length / 1000)} kB: ${JSON.stringify(results.wrapLongText)}`);
        }

        if (sections.has('navigation')) {
            results.navigation = await measureNavigation({ workspaceDir: ws.dir, bigDir: big.dir, today: TODAY, seed: SEED, quick });
            log(`  navigation: ${JSON.stringify(results.navigation)}`);
        }

        results.peakRssMB = round(mb(process.resourceUsage().maxRSS * 1024));
        results.benchSeconds = round((performance.now() - started) / 1000, 1);
        (results.machine as ReturnType<typeof machine>).loadAverage.after = loadAverage();
    } finally {
        if (keep) log(`kept ${root}`);
        else fs.rmSync(root, { recursive: true, force: true });
    }
    process.stdout.write((asJson ? JSON.stringify(results, null, 2) : table(results)) + '\n');
}

const checkRunsArg = process.argv.find(arg => arg.startsWith('--check-runs='));
(checkRunsArg
    ? checkRuns(checkRunsArg.slice('--check-runs='.length), Number(process.argv.find(arg => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 4)).then(
          result => {
              process.stdout.write(JSON.stringify(result));
          },
      )
    : main()
).catch(error => {
    process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
});
