/**
 * How the benchmark measures: wall time beside the CPU time of the process (less disturbed on a
 * shared machine), medians and percentiles, the machine and its load, a callable gc().
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { performance } from 'node:perf_hooks';

export function median(values: number[]): number {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** CPU time of this process (all threads, GC helpers included), in ms. */
export const cpuNow = (): number => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
};

/** CPU time of another process (Linux, 10 ms resolution: use it over many operations), in ms; of its thread `thread` only when given (`pid` itself is the main thread). */
export function processCpuMs(pid: number | undefined, thread?: number): number {
    try {
        const fields = fs
            .readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8')
            .replace(/^.*\) /s, '')
            .split(' ');
        // fields[11] and fields[12] are utime and stime (the 14th and 15th of the whole line), in clock ticks
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return NaN;
    }
}

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;
export const mb = (bytes: number): number => bytes / (1024 * 1024);

/** Wall and CPU time of one run of `run`. */
export interface Timing {
    wallMs: number;
    cpuMs: number;
}

export async function timed<T>(run: () => T | Promise<T>): Promise<Timing & { value: T }> {
    const cpu = cpuNow();
    const start = performance.now();
    const value = await run();
    return { wallMs: performance.now() - start, cpuMs: cpuNow() - cpu, value };
}

/** Median wall and CPU time of several timings. */
export function medianTiming(timings: Timing[]): Timing {
    return { wallMs: round(median(timings.map(t => t.wallMs))), cpuMs: round(median(timings.map(t => t.cpuMs))) };
}

/** A callable gc() without requiring --expose-gc on the command line. */
export const gc: () => void = (() => {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
})();

export const loadAverage = (): number[] => os.loadavg().map(x => round(x, 2));

export function machine() {
    let cpu = os.cpus()[0]?.model ?? 'unknown';
    try {
        const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf-8'));
        if (match) cpu = match[1].trim();
    } catch {
        /* not Linux */
    }
    return {
        cpu,
        cores: os.cpus().length,
        memoryGB: round(os.totalmem() / 1024 ** 3, 1),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        date: new Date().toISOString().slice(0, 10),
        loadAverage: { before: loadAverage() } as { before: number[]; after?: number[] },
    };
}

/** A seeded random generator (mulberry32). */
export function mulberry(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        let t = (state = (state + 0x6d2b79f5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** CPU time of the children this process waited for (Linux: cutime + cstime of /proc/self/stat), in ms. */
export function childrenCpuMs(): number {
    try {
        const fields = fs
            .readFileSync('/proc/self/stat', 'utf8')
            .replace(/^.*\) /s, '')
            .split(' ');
        return (Number(fields[13]) + Number(fields[14])) * 10;
    } catch {
        return NaN;
    }
}
