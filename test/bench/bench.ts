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
 * Sections (`--only=a,b`): workspace (the cold `acct check --format json` — fresh processes, timed
 * in process and by the OS in alternated rounds, cold-check.ts — the warm repeats, references,
 * heap, edits in process), cli (the real CLI as a
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
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, URI } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { references } from './alternatives.js';
import { checkRuns, inFreshProcess, loadedHeap, pairedColdChecks, type LoadedHeap } from './cold-check.js';
import { completionLatency } from './completion-measures.js';
import { generateBigFile, generateWorkspace } from './generate.js';
import { buildTimes, editTimes, linkingAgainstSize } from './in-process.js';
import { burstSettle, lspEditLatency, lspEditPair, lspTeamEdits } from './lsp-measures.js';
import { wrapText } from '../../client/webview/src/text-metrics.js';
import { loadAverage, machine, mb, median, medianTiming, round, timed, type Timing } from './measure.js';
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

async function main() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-bench-'));
    const serverJs = path.resolve(__dirname, 'server.js');
    const cli = path.resolve(__dirname, 'cli.js');
    const harness = path.resolve(__dirname, '..', 'test', 'bench', 'process-harness.mjs');
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
            // The cold check: `acct check --format json` in a fresh process, timed in process and by
            // the OS in alternated rounds (cold-check.ts); the first in-process one repeats it warm.
            const paired = pairedColdChecks(__filename, harness, ws.dir, TODAY, quick ? 3 : 5, quick ? 1 : 3);
            paired.harnesses.rounds.forEach((p, i) =>
                log(
                    `  cold check, round ${i + 1}: in process ${p.inProcessCpuMs} ms CPU; by the OS ${p.checkCpuMs} − ${p.startupCpuMs} (--version) = ${p.pastStartupCpuMs} ms; ${round(100 * p.apart)} % apart (load ${p.load})`,
                ),
            );
            const loaded = inFreshProcess<LoadedHeap>(__filename, [`--loaded-heap=${ws.dir}`, `--today=${TODAY}`]);
            let exportJson = fs.readFileSync(loaded.exportFile, 'utf-8');
            fs.rmSync(loaded.exportFile, { force: true });
            results.findings = loaded.findings;
            if (loaded.errors) log(`warning: the generated workspace has ${loaded.errors} errors`);
            results.peakRssMBAfterColdCheck = paired.peakRssMBAfterColdCheck;
            results.heap = loaded.heap;
            // the same heap with the editor's services (a fresh process too)
            const editor = inFreshProcess<LoadedHeap>(__filename, [`--loaded-heap=${ws.dir}`, `--today=${TODAY}`, '--editor']);
            fs.rmSync(editor.exportFile, { force: true });
            results.heapEditor = editor.heap;
            const { peakRssMBAfterColdCheck, ...coldCheck } = paired;
            results.coldCheck = coldCheck;
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
            results.completion = await completionLatency(big.dir, big.bigFile, TODAY, SEED + 3, quick ? 60 : 200);
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

/** `--name=value` of the command line. */
const option = (name: string) => process.argv.find(arg => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const today = option('today') ?? TODAY;

/** A fresh process of cold-check.ts: it reports in `--result=FILE` (standard output is the check's), or on standard error. */
async function freshProcess(): Promise<void> {
    const checkDir = option('check-runs');
    const heapDir = option('loaded-heap');
    const result = checkDir
        ? await checkRuns(checkDir, Number(option('runs') ?? 4), today)
        : await loadedHeap(heapDir!, today, args.has('--editor'), option('heap-snapshot'));
    const file = option('result');
    if (file) fs.writeFileSync(file, JSON.stringify(result));
    else process.stderr.write(JSON.stringify(result) + '\n');
}

(option('check-runs') || option('loaded-heap') ? freshProcess() : main()).catch(error => {
    process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
});
