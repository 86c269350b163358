#!/usr/bin/env node
/**
 * The benchmark's second, independent harness (issue 23): a plain script that runs the built CLI
 * as a process and reads its CPU time from the operating system (`/usr/bin/time -f`, which reports
 * the rusage of the process it waited for; without it, the cutime + cstime of /proc/self/stat
 * around the child), never from inside the process. `npm run bench` runs it and prints its
 * figures beside the in-process ones; on its own:
 *
 *     node test/bench/process-harness.mjs DIR [--runs=3] [--today=2026-11-22] [--only=check,export] [--json]
 *
 * (`ACCT_HARNESS_CLI=out/other-cli.js` measures another build of the CLI, for a before/after.)
 *
 * For each command, the median over `runs` interleaved runs (so that the load of the machine
 * falls alike on all of them) of the whole process's CPU (user + system, all threads), its wall
 * time and peak memory; and the startup (Node and the CLI's bundle, `acct --version`), so that
 * "past the startup" figures can be set beside the in-process cold build.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const cli = process.env.ACCT_HARNESS_CLI ?? path.join(root, 'out', 'cli.js');
const TIME = '/usr/bin/time';

function childrenCpuMs() {
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

const median = values => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** One run of the CLI: CPU (ms, from the OS), wall (ms), peak memory (MB), exit status. */
export function runCli(args, scratch) {
    const start = performance.now();
    if (fs.existsSync(TIME)) {
        const out = path.join(scratch, 'time.txt');
        const result = spawnSync(TIME, ['-f', '%U %S %M', '-o', out, process.execPath, cli, ...args], {
            stdio: ['ignore', 'ignore', 'pipe'],
            encoding: 'utf8',
        });
        const wallMs = performance.now() - start;
        const [user, system, maxKb] = fs.readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        return { cpuMs: (user + system) * 1000, wallMs, maxRssMb: maxKb / 1024, status: result.status, stderr: result.stderr, source: '/usr/bin/time' };
    }
    const cpu = childrenCpuMs();
    const result = spawnSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    return {
        cpuMs: childrenCpuMs() - cpu,
        wallMs: performance.now() - start,
        maxRssMb: NaN,
        status: result.status,
        stderr: result.stderr,
        source: '/proc/self/stat',
    };
}

/** The commands measured, by name. */
export function commands(dir, today, scratch) {
    const t = ['--today', today];
    return {
        startup: ['--version'],
        check: ['check', dir, '--format', 'json', ...t],
        checkText: ['check', dir, ...t],
        sandbox: ['sandbox', dir, ...t],
        sandboxJson: ['sandbox', dir, '--format', 'json', ...t],
        export: ['export', dir, '-o', path.join(scratch, 'plan.json'), ...t],
        exportRedact: ['export', dir, '--redact', '-o', path.join(scratch, 'redacted.json'), ...t],
    };
}

export function measureProcesses(dir, { runs = 3, today = '2026-11-22', only } = {}) {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-harness-'));
    try {
        const all = commands(dir, today, scratch);
        const names = only ?? Object.keys(all);
        const samples = Object.fromEntries(names.map(name => [name, []]));
        for (let run = 0; run < runs; run++) {
            for (const name of names) {
                const sample = runCli(all[name], scratch);
                if (sample.status !== 0 && sample.status !== 1) throw new Error(`acct ${all[name].join(' ')} exited ${sample.status}: ${sample.stderr}`);
                samples[name].push(sample);
            }
        }
        const figures = Object.fromEntries(
            names.map(name => [
                name,
                {
                    cpuMs: round(median(samples[name].map(s => s.cpuMs))),
                    wallMs: round(median(samples[name].map(s => s.wallMs))),
                    maxRssMb: round(median(samples[name].map(s => s.maxRssMb))),
                },
            ]),
        );
        const ratio = (a, b) => (figures[a] && figures[b] ? round(figures[a].cpuMs / figures[b].cpuMs, 2) : undefined);
        return {
            source: samples[names[0]][0].source,
            runs,
            loadAverage: os.loadavg().map(x => round(x, 2)),
            figures,
            ratios: {
                sandboxToCheck: ratio('sandbox', 'checkText'),
                sandboxJsonToCheck: ratio('sandboxJson', 'check'),
                redactToExport: ratio('exportRedact', 'export'),
            },
        };
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const dir = args.find(arg => !arg.startsWith('--'));
    const option = name => args.find(arg => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
    if (!dir) {
        process.stderr.write('usage: node test/bench/process-harness.mjs DIR [--runs=3] [--today=YYYY-MM-DD] [--only=check,export] [--json]\n');
        process.exit(2);
    }
    const result = measureProcesses(dir, { runs: Number(option('runs') ?? 3), today: option('today') ?? '2026-11-22', only: option('only')?.split(',') });
    if (args.includes('--json')) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else {
        process.stdout.write(`acct as a process, CPU from ${result.source} (median of ${result.runs}, load ${result.loadAverage.join(' ')})\n`);
        for (const [name, f] of Object.entries(result.figures))
            process.stdout.write(
                `  ${name.padEnd(14)} CPU ${String(f.cpuMs).padStart(7)} ms  wall ${String(f.wallMs).padStart(7)} ms  peak ${f.maxRssMb} MB\n`,
            );
        for (const [name, r] of Object.entries(result.ratios)) if (r !== undefined) process.stdout.write(`  ${name.padEnd(20)} ${r}×\n`);
    }
}
