/**
 * The cost of `acct history` (issue 20 item 4): a git repository of the benchmark's workspace
 * (200 files, ~100k lines) with 500 commits, each touching 1–3 files (a support, an intimacy or
 * a stage changed, a contact's title written), one or two a day over most of a year, written
 * by `git fast-import` (deterministic: fixed seed, authors and dates). `acct history --format
 * json` and `acct check` run as processes on it, each measured for CPU (the children's
 * user+system time) and peak memory (its own maxRSS, reported at exit). `acct diff` between HEAD and
 * the revision about 40 changed files back is measured the same way (issue 23's diff row), in
 * runs interleaved with `acct check` (check, diff, check, diff …) so that the machine's load falls
 * alike on both: medians, and the spread of the per-run ratios.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateWorkspace } from './generate.js';
import { childrenCpuMs, median, mulberry, round } from './measure.js';

export interface HistoryMeasure {
    commits: number;
    files: number;
    lines: number;
    check: { cpuMs: number; wallMs: number; maxRssMB: number };
    history: { cpuMs: number; wallMs: number; maxRssMB: number; listed: number };
    cpuRatio: number;
    memoryRatio: number;
    /**
     * `acct diff --from <rev> --to HEAD --format json` between two revisions about 40 files apart
     * (issue 23), against `acct check --format json` run in turn with it: the medians of `runs`
     * runs of each (CPU of the process, from the OS), `cpuRatio` the ratio of the medians and
     * `cpuRatioRange` the least and greatest of the per-run ratios (diff i ÷ check i).
     */
    diff: {
        from: string;
        filesChanged: number;
        runs: number;
        cpuMs: number;
        wallMs: number;
        maxRssMB: number;
        checkCpuMs: number;
        cpuRatio: number;
        cpuRatioRange: [number, number];
    };
}

/** Builds the repository in `dir`. */
export function historyRepository(dir: string, seed: number, commits = 500): { files: number; lines: number } {
    const ws = generateWorkspace(dir, { seed, fileCount: 200, totalLines: 100_000 });
    const random = mulberry(seed + 7);
    const names = ws.files.map(file => path.relative(dir, file));
    const texts = new Map(names.map(name => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
    const customers = names.filter(name => name !== 'team.acct');
    const lines: string[] = [];
    const authors = ['Alice Chen <alice@example.com>', 'Bob Li <bob@example.com>', 'Carol Wang <carol@example.com>'];
    let when = Date.UTC(2026, 0, 5, 2) / 1000;
    const commit = (message: string, files: string[]) => {
        const author = authors[Math.floor(random() * authors.length)]!;
        lines.push(
            'commit refs/heads/main',
            `author ${author} ${when} +0800`,
            `committer ${author} ${when} +0800`,
            `data ${Buffer.byteLength(message)}`,
            message,
        );
        for (const name of files) {
            const text = texts.get(name)!;
            lines.push(`M 100644 inline ${name}`, `data ${Buffer.byteLength(text)}`, text);
        }
        lines.push('');
    };
    commit('The account plans', names);
    const edits: Array<[RegExp, (m: string) => string]> = [
        [/support (-1|0|1|2|3)\b/g, m => `support ${Math.min(3, Number(m.slice(8)) + 1) === Number(m.slice(8)) ? 0 : Math.min(3, Number(m.slice(8)) + 1)}`],
        [/intimacy (-?\d)\b/g, m => `intimacy ${Number(m.slice(9)) >= 3 ? 0 : Number(m.slice(9)) + 1}`],
        [/stage (lead|opportunity)\b/g, m => (m.endsWith('lead') ? 'stage opportunity' : 'stage bid')],
    ];
    for (let i = 1; i < commits; i++) {
        when += Math.round((0.3 + random()) * 43_200); // one or two a day
        const touched = new Set<string>();
        const count = 1 + Math.floor(random() * 3);
        while (touched.size < count) touched.add(customers[Math.floor(random() * customers.length)]!);
        for (const name of touched) {
            const [pattern, replace] = edits[Math.floor(random() * edits.length)]!;
            const text = texts.get(name)!;
            const matches = [...text.matchAll(pattern)];
            if (matches.length === 0) {
                texts.set(name, text + `// reviewed ${i}\n`);
                continue;
            }
            const match = matches[Math.floor(random() * matches.length)]!;
            texts.set(name, text.slice(0, match.index) + replace(match[0]) + text.slice(match.index! + match[0].length));
        }
        commit(`Account review ${i}`, [...touched]);
    }
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: lines.join('\n'), maxBuffer: 1 << 30 });
    execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
    return { files: ws.files.length, lines: ws.lines };
}

function run(cli: string, args: string[], cwd: string): { cpuMs: number; wallMs: number; maxRssMB: number; stdout: string } {
    const report = path.join(cwd, '.git', 'acct-bench-rss');
    const preload = path.join(cwd, '.git', 'acct-bench-rss.js');
    fs.writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`);
    const cpu = childrenCpuMs();
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--require', preload, cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    const wallMs = performance.now() - start;
    if (result.status !== 0 && result.status !== 1) throw new Error(`acct ${args.join(' ')}: ${result.stderr}`);
    return { cpuMs: childrenCpuMs() - cpu, wallMs, maxRssMB: Number(fs.readFileSync(report, 'utf8')) / 1024, stdout: result.stdout };
}

export function measureHistory(cli: string, dir: string, seed: number, runs = 1, diffRuns = 5): HistoryMeasure {
    const { files, lines } = historyRepository(dir, seed);
    const best = <T extends { cpuMs: number }>(list: T[]) => list.sort((a, b) => a.cpuMs - b.cpuMs)[0]!;
    const check = best(Array.from({ length: runs }, () => run(cli, ['check', '.', '--format', 'json'], dir)));
    const history = best(Array.from({ length: runs }, () => run(cli, ['history', '--format', 'json'], dir)));
    const listed = (JSON.parse(history.stdout) as { commits: unknown[] }).commits.length;
    // the revision back from HEAD from which at least 40 plan files differ
    const changedSince = (rev: string) =>
        execFileSync('git', ['diff', '--name-only', rev, 'HEAD'], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean).length;
    let back = 10;
    while (back < 400 && changedSince(`HEAD~${back}`) < 40) back += 2;
    const from = `HEAD~${back}`;
    // check, diff, check, diff …: the load of the machine falls alike on both
    const pairs = Array.from({ length: diffRuns }, () => ({
        check: run(cli, ['check', '.', '--format', 'json'], dir),
        diff: run(cli, ['diff', '--from', from, '--to', 'HEAD', '--format', 'json'], dir),
    }));
    const diffCpu = median(pairs.map(p => p.diff.cpuMs));
    const checkCpu = median(pairs.map(p => p.check.cpuMs));
    const perRun = pairs.map(p => p.diff.cpuMs / p.check.cpuMs);
    return {
        commits: Number(execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim()),
        files,
        lines,
        check: { cpuMs: round(check.cpuMs), wallMs: round(check.wallMs), maxRssMB: round(check.maxRssMB) },
        history: { cpuMs: round(history.cpuMs), wallMs: round(history.wallMs), maxRssMB: round(history.maxRssMB), listed },
        cpuRatio: round(history.cpuMs / check.cpuMs, 2),
        memoryRatio: round(history.maxRssMB / check.maxRssMB, 2),
        diff: {
            from,
            filesChanged: changedSince(from),
            runs: diffRuns,
            cpuMs: round(diffCpu),
            wallMs: round(median(pairs.map(p => p.diff.wallMs))),
            maxRssMB: round(median(pairs.map(p => p.diff.maxRssMB))),
            checkCpuMs: round(checkCpu),
            cpuRatio: round(diffCpu / checkCpu, 2),
            cpuRatioRange: [round(Math.min(...perRun), 2), round(Math.max(...perRun), 2)],
        },
    };
}
