/**
 * Measures one run of the built CLI (`acct check FILE --format json` by default; SARIF, `format`,
 * `sandbox` and `diff` too, COMMANDS; output discarded) on a generated plan: the process's own CPU time and peak memory, reported by usage-hook.cjs at exit.
 * CPU time, not wall time: the machines are shared and noisy.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The project folder: this file runs from test/worst-case (vitest) or bundled in out/ (npm run worst-case). */
function projectRoot(): string {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
    return dir;
}
const root = projectRoot();
const cli = path.join(root, 'out', 'cli.js');
const hook = path.join(root, 'test', 'worst-case', 'usage-hook.cjs');

export interface Usage {
    cpuMs: number;
    maxRssMb: number;
    /** The main thread's own CPU time, where the system says it (Linux): the rest of cpuMs is V8's helper threads. */
    mainCpuMs?: number;
    status: number;
    stderr: string;
}

/**
 * The commands the suite runs on each shape: the check (JSON and SARIF output), `format` (the
 * plan printed as Format Document lays it out), `sandbox` (refused on a plan with errors, after
 * the same load and check) and `diff` (a git repository whose HEAD holds a one-line plan and
 * whose work tree holds the shape: the shape is checked once and every finding is new).
 */
export const COMMANDS = {
    check: ['check', '--format', 'json'],
    sarif: ['check', '--format', 'sarif'],
    format: ['format'],
    sandbox: ['sandbox', '--format', 'json'],
    diff: ['diff', '--format', 'json'],
} as const satisfies Record<string, readonly string[]>;
export type CommandName = keyof typeof COMMANDS;

const BASELINE = 'member a "A"\n';

/** git with no system or user configuration and no command the repository could configure (the test makes the repository). */
function git(dir: string, ...args: string[]): void {
    const run = spawnSync('git', ['-c', 'core.fsmonitor=false', '-c', 'user.name=acct', '-c', 'user.email=acct@example.invalid', ...args], {
        cwd: dir,
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
        encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
}

export function measureCheck(text: string, command: CommandName = 'check'): Usage {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-worst-'));
    try {
        const file = path.join(dir, 'plan.acct');
        const usageFile = path.join(dir, 'usage.json');
        if (command === 'diff') {
            fs.writeFileSync(file, BASELINE);
            git(dir, 'init', '-q');
            git(dir, 'add', 'plan.acct');
            git(dir, 'commit', '-q', '-m', 'baseline');
        }
        fs.writeFileSync(file, text);
        const [name, ...options] = COMMANDS[command];
        const run = spawnSync(process.execPath, ['--require', hook, cli, name, file, ...options], {
            cwd: dir,
            env: { ...process.env, ACCT_USAGE_FILE: usageFile },
            stdio: ['ignore', 'ignore', 'pipe'],
            encoding: 'utf8',
            // a refusal (sandbox on a plan with errors) lists every error on standard error
            maxBuffer: 1024 ** 3,
            timeout: 300_000,
        });
        if (!fs.existsSync(usageFile)) throw new Error(`acct ${name} did not finish (${run.signal ?? run.status}): ${run.stderr.slice(0, 2000)}`);
        const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { cpuMs: number; maxRssMb: number; mainCpuMs?: number };
        return { ...usage, status: run.status ?? -1, stderr: run.stderr };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** What the process costs before it reads a plan (Node, the bundle): the least of a few runs of a one-line plan. */
export function measureStartup(runs = 3, command: CommandName = 'check'): Usage {
    const all = Array.from({ length: runs }, () => measureCheck(BASELINE, command));
    const least = all.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
    return {
        cpuMs: least.cpuMs,
        maxRssMb: Math.min(...all.map(usage => usage.maxRssMb)),
        mainCpuMs: least.mainCpuMs,
        status: 0,
        stderr: '',
    };
}

/** How much the CPU time and peak memory of the same run vary on a shared machine. */
const NOISE_MS = 60;
const NOISE_MB = 16;

export interface ShapeCost {
    /** CPU seconds per MB of plan, past the startup, at the larger size. */
    secondsPerMb: number;
    /** Peak memory past the startup, MB per MB of plan, at the larger size. */
    memoryPerMb: number;
    /**
     * CPU seconds per MB from the smaller size to the larger: what each further megabyte costs,
     * without what any plan pays once past the startup (TurboFan's compiles of the hot code, the
     * first runs of it unoptimised) — the per-MB figure at 1 MB carries that once.
     */
    marginalSecondsPerMb: number;
    /** Of secondsPerMb, the part past the startup's that V8's helper threads spent (undefined where the main thread's time is not known). */
    helperSecondsPerMb: number | undefined;
    /** How the costs grew from the smaller size to the larger (linear: the ratio of the sizes). */
    cpuGrowth: number;
    memoryGrowth: number;
    small: Usage;
    large: Usage;
}

export function measureShape(
    make: (bytes: number) => string,
    smallBytes: number,
    largeBytes: number,
    startup: Usage,
    command: CommandName = 'check',
): ShapeCost {
    const smallText = make(smallBytes);
    const largeText = make(largeBytes);
    const small = measureCheck(smallText, command);
    const large = measureCheck(largeText, command);
    // Below the noise of one process run, a cost is as good as nothing: growth is measured above it.
    const net = (usage: Usage) => ({ cpu: Math.max(NOISE_MS, usage.cpuMs - startup.cpuMs), rss: Math.max(NOISE_MB, usage.maxRssMb - startup.maxRssMb) });
    const mb = Buffer.byteLength(largeText) / 2 ** 20;
    const smallMb = Buffer.byteLength(smallText) / 2 ** 20;
    const helpers = (usage: Usage) => (usage.mainCpuMs === undefined ? undefined : usage.cpuMs - usage.mainCpuMs);
    const largeHelpers = helpers(large);
    const startupHelpers = helpers(startup);
    return {
        secondsPerMb: net(large).cpu / 1000 / mb,
        marginalSecondsPerMb: (large.cpuMs - small.cpuMs) / 1000 / (mb - smallMb),
        helperSecondsPerMb: largeHelpers === undefined || startupHelpers === undefined ? undefined : Math.max(0, largeHelpers - startupHelpers) / 1000 / mb,
        memoryPerMb: net(large).rss / mb,
        cpuGrowth: net(large).cpu / net(small).cpu,
        memoryGrowth: net(large).rss / net(small).rss,
        small,
        large,
    };
}

/** The least net CPU time the smaller run of a growth check must take: five times the noise of a run. */
export const MEASURABLE_MS = 5 * NOISE_MS;
/**
 * The least net peak memory of the smaller run for its growth to be a ratio: three times the noise
 * of a run. Below it, the larger run is held to 6 times this floor itself (288 MB for 4 MB: a
 * quadratic corner, 16 times a small run's 20 MB, still fails).
 */
export const MEASURABLE_MB = 3 * NOISE_MB;
/** The smaller size never passes this (the larger is 4 MB, well under the 16 MB cap per file). */
const MAX_SMALL_BYTES = 1024 * 1024;

export interface Growth extends ShapeCost {
    smallBytes: number;
    largeBytes: number;
    /** The smaller run stayed under MEASURABLE_MS even at MAX_SMALL_BYTES: the growth is then bounded by that floor, not measured. */
    floorBound: boolean;
}

/**
 * The growth of a shape's cost from a size whose CPU time past the startup is measurable (at
 * least MEASURABLE_MS: the size doubles from 64 kB until it is, up to 1 MB) to `ratio` times
 * that size. Below the noise floor a "growth" says only that the larger run was cheap.
 */
export function measureGrowth(make: (bytes: number) => string, startup: Usage, ratio = 4, command: CommandName = 'check'): Growth {
    let smallBytes = 64 * 1024;
    let small = measureCheck(make(smallBytes), command);
    while (small.cpuMs - startup.cpuMs < MEASURABLE_MS && smallBytes < MAX_SMALL_BYTES) {
        smallBytes *= 2;
        small = measureCheck(make(smallBytes), command);
    }
    const floorBound = small.cpuMs - startup.cpuMs < MEASURABLE_MS;
    const cost = measureShape(make, smallBytes, ratio * smallBytes, startup, command);
    return { ...cost, smallBytes, largeBytes: ratio * smallBytes, floorBound };
}
