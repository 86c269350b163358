/**
 * Measures one run of the built CLI (`acct check FILE --format json`, output discarded) on a
 * generated plan: the process's own CPU time and peak memory, reported by usage-hook.cjs at exit.
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
    status: number;
    stderr: string;
}

export function measureCheck(text: string): Usage {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-worst-'));
    try {
        const file = path.join(dir, 'plan.acct');
        const usageFile = path.join(dir, 'usage.json');
        fs.writeFileSync(file, text);
        const run = spawnSync(process.execPath, ['--require', hook, cli, 'check', file, '--format', 'json'], {
            env: { ...process.env, ACCT_USAGE_FILE: usageFile },
            stdio: ['ignore', 'ignore', 'pipe'],
            encoding: 'utf8',
            timeout: 300_000,
        });
        if (!fs.existsSync(usageFile)) throw new Error(`acct check did not finish (${run.signal ?? run.status}): ${run.stderr}`);
        const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { cpuMs: number; maxRssMb: number };
        return { ...usage, status: run.status ?? -1, stderr: run.stderr };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** What the process costs before it reads a plan (Node, the bundle): the least of a few runs of a one-line plan. */
export function measureStartup(runs = 3): Usage {
    const all = Array.from({ length: runs }, () => measureCheck('member a "A"\n'));
    return {
        cpuMs: Math.min(...all.map(usage => usage.cpuMs)),
        maxRssMb: Math.min(...all.map(usage => usage.maxRssMb)),
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
    /** How the costs grew from the smaller size to the larger (linear: the ratio of the sizes). */
    cpuGrowth: number;
    memoryGrowth: number;
    small: Usage;
    large: Usage;
}

export function measureShape(make: (bytes: number) => string, smallBytes: number, largeBytes: number, startup: Usage): ShapeCost {
    const smallText = make(smallBytes);
    const largeText = make(largeBytes);
    const small = measureCheck(smallText);
    const large = measureCheck(largeText);
    // Below the noise of one process run, a cost is as good as nothing: growth is measured above it.
    const net = (usage: Usage) => ({ cpu: Math.max(NOISE_MS, usage.cpuMs - startup.cpuMs), rss: Math.max(NOISE_MB, usage.maxRssMb - startup.maxRssMb) });
    const mb = Buffer.byteLength(largeText) / 2 ** 20;
    return {
        secondsPerMb: net(large).cpu / 1000 / mb,
        memoryPerMb: net(large).rss / mb,
        cpuGrowth: net(large).cpu / net(small).cpu,
        memoryGrowth: net(large).rss / net(small).rss,
        small,
        large,
    };
}

/** The least net CPU time the smaller run of a growth check must take: five times the noise of a run. */
export const MEASURABLE_MS = 5 * NOISE_MS;
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
export function measureGrowth(make: (bytes: number) => string, startup: Usage, ratio = 4): Growth {
    let smallBytes = 64 * 1024;
    let small = measureCheck(make(smallBytes));
    while (small.cpuMs - startup.cpuMs < MEASURABLE_MS && smallBytes < MAX_SMALL_BYTES) {
        smallBytes *= 2;
        small = measureCheck(make(smallBytes));
    }
    const floorBound = small.cpuMs - startup.cpuMs < MEASURABLE_MS;
    const cost = measureShape(make, smallBytes, ratio * smallBytes, startup);
    return { ...cost, smallBytes, largeBytes: ratio * smallBytes, floorBound };
}
