/**
 * `npm run fuzz`: the property of fuzz.test.ts over many more cases (100,000 by default), in
 * chunks with their own seeds; each failure is shrunk by fast-check and its text saved in
 * test/fuzz/corpus/, which `npm test` replays. Prints cases per second and the slowest case per kB
 * of text in CPU time (kept in test-results/fuzz-slowest.acct).
 *
 * Each run starts from a new seed unless given one (`--seed N` or ACCT_FUZZ_SEED=N): it prints
 * the seed first, so that a run that found something can be repeated exactly.
 *
 *   npm run fuzz [-- --runs 100000 --seed 1]
 */
import * as fc from 'fast-check';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { caseArb, checkInvariants, corpusDir, textOf } from './invariants.js';
import { checkIncrementalParse } from './incremental.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = option('runs', 100_000);
const seedGiven = option('seed', Number(process.env.ACCT_FUZZ_SEED ?? NaN));
/** A seed fast-check takes: a 31-bit integer. */
const seed = Number.isInteger(seedGiven) ? seedGiven : Math.floor(Math.random() * 0x7fff_ffff);
const CHUNK = 1000;
const resultsDir = path.join(corpusDir, '..', '..', '..', 'test-results');

async function main(): Promise<void> {
    let done = 0;
    let failures = 0;
    let slowest = { msPerKb: 0, ms: 0, kb: 0 };
    const perKb: number[] = [];
    const started = performance.now();
    console.log(`fuzz: seed ${seed}, ${runs} cases (again: npm run fuzz -- --runs ${runs} --seed ${seed})`);
    for (let chunk = 0; done < runs; chunk++) {
        const numRuns = Math.min(CHUNK, runs - done);
        const result = await fc.check(
            fc.asyncProperty(caseArb, async fuzz => {
                const text = textOf(fuzz);
                // CPU time of this process (GC threads included): the machine is shared, wall time is not the case's cost.
                const t0 = process.cpuUsage();
                await checkInvariants(text);
                const used = process.cpuUsage(t0);
                const ms = (used.user + used.system) / 1000;
                checkIncrementalParse(fuzz);
                const kb = Math.max(1, text.length / 1024);
                perKb.push(ms / kb);
                if (ms / kb > slowest.msPerKb) {
                    slowest = { msPerKb: ms / kb, ms, kb };
                    fs.mkdirSync(resultsDir, { recursive: true });
                    fs.writeFileSync(path.join(resultsDir, 'fuzz-slowest.acct'), text);
                }
            }),
            { numRuns, seed: seed + chunk },
        );
        done += result.numRuns;
        if (result.failed && result.counterexample) {
            failures++;
            const text = textOf(result.counterexample[0]);
            // An incremental re-parse needs its edits, not only the final text: the case is saved as it is.
            const incremental = String(result.errorInstance).includes('incremental parse');
            const content = incremental ? JSON.stringify(result.counterexample[0]) : text;
            const name = `${createHash('sha256').update(content).digest('hex').slice(0, 12)}${incremental ? '.case.json' : '.acct'}`;
            fs.mkdirSync(corpusDir, { recursive: true });
            fs.writeFileSync(path.join(corpusDir, name), content);
            console.log(`FAILED (seed ${seed + chunk}): ${String(result.errorInstance).split('\n')[0]}; saved test/fuzz/corpus/${name}`);
        }
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(
            `\r${done} cases, ${failures} failures, ${(done / seconds).toFixed(0)} cases/s, slowest ${slowest.msPerKb.toFixed(2)} ms CPU/kB (${slowest.ms.toFixed(0)} ms for ${slowest.kb.toFixed(0)} kB, test-results/fuzz-slowest.acct)   `,
        );
    }
    perKb.sort((a, b) => a - b);
    const at = (p: number) => perKb[Math.min(perKb.length - 1, Math.floor(p * perKb.length))]!.toFixed(2);
    // The slowest case is often one that met a garbage collection of the cases before it: the percentiles say more.
    console.log(
        `\nfuzz: ${done} cases, ${failures} failures, ${((performance.now() - started) / 1000).toFixed(0)} s; ms CPU per kB: median ${at(0.5)}, p99 ${at(0.99)}, max ${at(1)}`,
    );
    process.exitCode = failures ? 1 : 0;
}

void main();
