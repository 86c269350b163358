/**
 * V8's settings for a process that checks a plan once and exits (the `acct` command line): the one
 * place they are set (cli.ts calls it first; the benchmark's cold check calls it too, so that its
 * cold figure stays the command line's own path).
 *
 * A cold `acct check` of a 100k-line workspace spent about 40 % of its process CPU on V8's helper
 * threads, most of it TurboFan compiling the hot parser, linker and checks — some functions 50 to
 * 140 ms each, because TurboFan inlines up to 920 bytes of bytecode into every function it
 * optimises. For a run of one or two seconds that compile time is not paid back; with a smaller
 * budget of inlined bytecode the same functions compile in a fraction of it and run about as fast
 * (docs/benchmark.md, "the cold check: less inlining for a one-shot run"). The editor's language
 * server runs for hours and keeps V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';

/** The flags, as `node` takes them on its command line. */
export const ONE_SHOT_V8_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=120'];

/** TurboFan off, and on again (`withoutOptimizing`). */
export const WITHOUT_OPTIMIZING_FLAGS = { off: '--no-opt', on: '--opt' } as const;

/** Whether this process is a one-shot run (`tuneV8ForOneShot` was called): the editor's server and the tests are not. */
let oneShot = false;

/** Sets `ONE_SHOT_V8_FLAGS` for the rest of this process (before the plan is parsed: code compiled after it follows them). */
export function tuneV8ForOneShot(): void {
    for (const flag of ONE_SHOT_V8_FLAGS) setFlagsFromString(flag);
    oneShot = true;
}

/**
 * Runs `work` with TurboFan off, in a one-shot run (elsewhere it simply runs it). For a step that
 * runs once, late, and briefly, on code nothing before it ran (the redaction of `acct export
 * --redact`, about 70 ms on the main thread): TurboFan would optimise some thirty of its functions
 * on the helper threads, about 60 ms of CPU that a step this short never pays back (read per thread
 * in docs/benchmark.md, "thirteenth round"). Functions optimised before stay optimised, and those
 * that grow hot after it are optimised as usual.
 */
export function withoutOptimizing<T>(work: () => T): T {
    if (!oneShot) return work();
    setFlagsFromString(WITHOUT_OPTIMIZING_FLAGS.off);
    try {
        return work();
    } finally {
        setFlagsFromString(WITHOUT_OPTIMIZING_FLAGS.on);
    }
}
