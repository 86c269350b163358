/**
 * The cold `acct check`, measured by two independent harnesses in the same minutes (issue 23).
 *
 * Both time the same work: the CLI's own `acct check DIR --format json --today …` (load, parse,
 * link, validate, the findings sorted, their JSON written to /dev/null, the hint about plans
 * nearby) in a fresh process, past the CLI's startup (Node, the bundle's top level, `acct
 * --version`).
 *  - In process (`out/bench.js --check-runs=DIR`): a fresh process sets V8 as `acct` does, runs
 *    `runCli(['--version'])`, then times `runCli(check …)` with `process.cpuUsage()` (all threads).
 *  - By the OS (test/bench/process-harness.mjs): the CPU of the whole `acct check` process
 *    (`/usr/bin/time`) minus that of `acct --version`.
 * The two alternate round by round (the order swapped each round), so that the load of the shared
 * machine falls alike on both; each figure is a median over the rounds, with the spread.
 *
 * Before (2026-12-07) the in-process figure was `loadWorkspace` + `plan()`, one sample, taken
 * minutes before the process harness's: the check's JSON output (~50 ms) was missing from it, the
 * plan (~70 ms) a check never computes was in it, and the load had changed in between — 10–20 %
 * apart from run to run (docs/benchmark.md, "the two harnesses and completion in process").
 *
 * The heap of the loaded workspace and the export document (the references' input) come from a
 * third fresh process (`--loaded-heap=DIR`), which loads the workspace and computes its plan.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { runCli } from '../../server/src/cli/main.js';
import { readDriversOncePerProcess } from '../../server/src/files/run-git.js';
import { tuneV8ForOneShot } from '../../server/src/node/one-shot-v8.js';
import { loadWorkspace } from '../../server/src/node/workspace-loader.js';
import { serializePlan } from '../../server/src/plan/plan-json.js';
import { editorWorkspace } from './editor-workspace.js';
import { cpuNow, gc, loadAverage, mb, median, medianTiming, processCpuMs, round, timed, type Timing } from './measure.js';

/** The command both harnesses time (process-harness.mjs's `check`). */
export const checkArgs = (dir: string, today: string): string[] => ['check', dir, '--format', 'json', '--today', today];

/** What a `--check-runs` process reports. */
export interface CheckRuns {
    /** `runCli(check …)`: the first in a fresh process (cold), then the warm repeats; CPU of all threads, and wall. */
    runs: Timing[];
    /** The process's CPU from its start to the end of the cold check (Node, the bundle, `--version`, the check). */
    processCpuMs: number;
    /** Of it, the main thread's (Linux, 10 ms steps; NaN elsewhere): the rest is V8's helper threads (compiler, collector). */
    mainThreadCpuMs: number;
    peakRssMBAfterColdCheck: number;
}

/** What a `--loaded-heap` process reports. */
export interface LoadedHeap {
    findings: number;
    errors: number;
    heap: { usedMB: number; ofWorkspaceMB: number; perSourceByte: number };
    /** The export document, in a file (the references parse it). */
    exportFile: string;
}

async function cli(argv: string[]): Promise<void> {
    const code = await runCli(argv);
    if (code > 1) throw new Error(`acct ${argv.join(' ')} exited ${code}`);
}

/** In a fresh process whose standard output is /dev/null, as the process harness runs `acct`: the check `runs` times, the first one cold. */
export async function checkRuns(dir: string, runs: number, today: string): Promise<CheckRuns> {
    // as out/cli-main.js starts (server/src/cli.ts)
    tuneV8ForOneShot();
    readDriversOncePerProcess();
    // the startup the process harness subtracts (`acct --version`) is done here too, before the measure
    await cli(['--version']);
    const timings: Timing[] = [];
    const result: Partial<CheckRuns> = {};
    for (let run = 0; run < runs; run++) {
        if (run > 0) gc();
        timings.push(await timed(() => cli(checkArgs(dir, today))));
        if (run === 0) {
            result.processCpuMs = round(cpuNow());
            result.mainThreadCpuMs = processCpuMs(process.pid, process.pid);
            result.peakRssMBAfterColdCheck = round(mb(process.resourceUsage().maxRSS * 1024));
        }
    }
    return { ...result, runs: timings } as CheckRuns;
}

/** In a fresh process: the workspace loaded and its plan computed (the CLI's services, or `editor`'s), then its heap and its export. */
export async function loadedHeap(dir: string, today: string, editor: boolean, snapshot?: string): Promise<LoadedHeap> {
    // the command line's V8 settings for its path; the editor's server keeps V8's defaults
    if (!editor) tuneV8ForOneShot();
    const bytes = fs
        .readdirSync(dir, { recursive: true, encoding: 'utf-8' })
        .filter(f => f.endsWith('.acct'))
        .reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    const heapBefore = process.memoryUsage().heapUsed;
    const loaded = editor ? await editorWorkspace(dir, today) : await loadWorkspace([dir], { today, cwd: dir });
    const plan = loaded.plan();
    // The loaded workspace (services, documents, the plan computed) before anything else is made of it.
    gc();
    const heap = process.memoryUsage().heapUsed;
    // `--heap-snapshot=FILE`: that heap, for a look at what holds it (Chrome's memory tab)
    if (snapshot) v8.writeHeapSnapshot(snapshot);
    const exportFile = path.join(os.tmpdir(), `acct-bench-export-${process.pid}.json`);
    fs.writeFileSync(exportFile, serializePlan(plan));
    return {
        findings: plan.diagnostics.length,
        errors: plan.diagnostics.filter(d => d.severity === 'error').length,
        heap: { usedMB: round(mb(heap)), ofWorkspaceMB: round(mb(heap - heapBefore)), perSourceByte: round(heap / bytes, 1) },
        exportFile,
    };
}

/** Runs this bundle in a fresh process (standard output to /dev/null) and reads what it reports. */
export function inFreshProcess<T>(bundle: string, args: string[]): T {
    const resultFile = path.join(os.tmpdir(), `acct-bench-result-${process.pid}-${Date.now()}.json`);
    try {
        const child = spawnSync(process.execPath, [bundle, ...args, `--result=${resultFile}`], { stdio: ['ignore', 'ignore', 'inherit'] });
        if (child.status !== 0) throw new Error(`${args[0]} failed (${child.signal ?? child.status})`);
        return JSON.parse(fs.readFileSync(resultFile, 'utf-8')) as T;
    } finally {
        fs.rmSync(resultFile, { force: true });
    }
}

/** One round: the same check, in process and by the OS. */
export interface PairedRound {
    inProcessCpuMs: number;
    inProcessWallMs: number;
    /** By the OS: `acct check` and `acct --version`, and the difference. */
    checkCpuMs: number;
    startupCpuMs: number;
    pastStartupCpuMs: number;
    /** |OS − in process| ÷ in process. */
    apart: number;
    load: number;
}

/** What a `--check-runs` process and the process harness report, alternated over `rounds` (the first in-process process also times `warmRuns` warm repeats). */
export function pairedColdChecks(bundle: string, harness: string, dir: string, today: string, rounds: number, warmRuns: number) {
    const paired: PairedRound[] = [];
    const checks: CheckRuns[] = [];
    for (let round_ = 0; round_ < rounds; round_++) {
        const inProcess = () => inFreshProcess<CheckRuns>(bundle, [`--check-runs=${dir}`, `--runs=${round_ === 0 ? 1 + warmRuns : 1}`, `--today=${today}`]);
        const byOs = () => {
            const run = spawnSync(process.execPath, [harness, dir, '--runs=1', '--only=startup,check', `--today=${today}`, '--json'], { encoding: 'utf-8' });
            if (run.status !== 0) throw new Error(`process-harness.mjs failed: ${run.stderr}`);
            return JSON.parse(run.stdout).figures as Record<'startup' | 'check', { cpuMs: number }>;
        };
        let checked: CheckRuns;
        let os_: ReturnType<typeof byOs>;
        if (round_ % 2 === 0) {
            checked = inProcess();
            os_ = byOs();
        } else {
            os_ = byOs();
            checked = inProcess();
        }
        checks.push(checked);
        const cold = checked.runs[0]!;
        const pastStartupCpuMs = round(os_.check.cpuMs - os_.startup.cpuMs);
        paired.push({
            inProcessCpuMs: round(cold.cpuMs),
            inProcessWallMs: round(cold.wallMs),
            checkCpuMs: round(os_.check.cpuMs),
            startupCpuMs: round(os_.startup.cpuMs),
            pastStartupCpuMs,
            apart: round(Math.abs(pastStartupCpuMs - cold.cpuMs) / cold.cpuMs, 3),
            load: loadAverage()[0]!,
        });
    }
    const inProcessCpuMs = round(median(paired.map(p => p.inProcessCpuMs)));
    const pastStartupCpuMs = round(median(paired.map(p => p.pastStartupCpuMs)));
    return {
        /** The cold check in process: the median over the rounds. */
        first: medianTiming(checks.map(c => c.runs[0]!)),
        warm: medianTiming(checks[0]!.runs.slice(1)),
        processCpuMs: round(median(checks.map(c => c.processCpuMs))),
        mainThreadCpuMs: median(checks.map(c => c.mainThreadCpuMs)),
        peakRssMBAfterColdCheck: round(median(checks.map(c => c.peakRssMBAfterColdCheck))),
        loadAverage: loadAverage(),
        harnesses: {
            inProcessCpuMs,
            pastStartupCpuMs,
            apart: round(Math.abs(pastStartupCpuMs - inProcessCpuMs) / inProcessCpuMs, 3),
            rounds: paired,
        },
    };
}
