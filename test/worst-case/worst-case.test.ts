/**
 * The worst-case suite (issue: robust under hostile input): every shape of hostile plan found by
 * probing, checked by the real CLI at two sizes 4 times apart. The cost must grow linearly: CPU
 * time and peak memory past the process's startup at most 6 times (1.5 × 4) for 4 times the
 * text; a quadratic corner grows 16 times. The smaller size is chosen per shape so that its CPU
 * time past the startup is measurable — at least five times the noise of one run (the size
 * doubles from 64 kB, up to 1 MB) —, so that the ratio is a real growth and not the noise floor.
 * A shape still under that floor at 1 MB is reported as such, and then checks only that 4 MB
 * costs under 6 times the floor; so with memory, when the smaller run's net peak is under its own
 * floor (MEASURABLE_MB). On CPU time: `npm run worst-case` prints the figures per MB with
 * the budget of the issue. A growth over the bound is measured again (three runs at most) and the
 * least is held to it: one run jitters, a quadratic corner does not.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS, MEASURABLE_MB, MEASURABLE_MS, measureGrowth, measureStartup, type CommandName, type Growth, type Usage } from './measure.js';
import { SHAPES } from './shapes.js';

const RATIO = 4;
/** Linear growth is 4 (less, with the fixed costs of a run); a quadratic corner grows 16. */
const LINEAR_GROWTH = 1.5 * RATIO;

const startups = new Map<CommandName, Usage>();

/** Under the floor even at 1 MB, the smaller run's net CPU is noise: the larger run is held to 6 times the floor itself, as the header says. */
function cpuGrowthOf(cost: Growth, startup: Usage): number {
    return cost.floorBound ? Math.max(0, cost.large.cpuMs - startup.cpuMs) / MEASURABLE_MS : cost.cpuGrowth;
}

/** Likewise memory: a smaller run's net peak under the floor is noise (sandbox of comments: 20 MB), the larger run is held to 6 times the floor. */
function memoryGrowthOf(cost: Growth, startup: Usage): number {
    const smallMb = cost.small.maxRssMb - startup.maxRssMb;
    return smallMb < MEASURABLE_MB ? Math.max(0, cost.large.maxRssMb - startup.maxRssMb) / MEASURABLE_MB : cost.memoryGrowth;
}

function growsLinearly(name: string, make: (bytes: number) => string, command: CommandName): void {
    let startup = startups.get(command);
    if (!startup) startups.set(command, (startup = measureStartup(3, command)));
    // One run's CPU time or peak memory jitters (a collection more or less, a neighbour's load): a
    // growth over the bound is measured again, up to three times in all, and the least of each is
    // held to it. A quadratic corner grows 16 times in every run and still fails.
    let cost = measureGrowth(make, startup, RATIO, command);
    let cpuGrowth = cpuGrowthOf(cost, startup);
    let memoryGrowth = memoryGrowthOf(cost, startup);
    for (let again = 0; again < 2 && (cpuGrowth > LINEAR_GROWTH || memoryGrowth > LINEAR_GROWTH); again++) {
        const next = measureGrowth(make, startup, RATIO, command);
        if (cpuGrowthOf(next, startup) + memoryGrowthOf(next, startup) < cpuGrowth + memoryGrowth) cost = next;
        cpuGrowth = Math.min(cpuGrowth, cpuGrowthOf(next, startup));
        memoryGrowth = Math.min(memoryGrowth, memoryGrowthOf(next, startup));
    }
    const kB = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
    const figures =
        `acct ${COMMANDS[command].join(' ')}, ${kB(cost.smallBytes)} → ${kB(cost.largeBytes)}: ${cost.small.cpuMs.toFixed(0)} → ${cost.large.cpuMs.toFixed(0)} ms CPU, ` +
        `${cost.small.maxRssMb.toFixed(0)} → ${cost.large.maxRssMb.toFixed(0)} MB (startup ${startup.cpuMs.toFixed(0)} ms, ${startup.maxRssMb.toFixed(0)} MB)` +
        (cost.floorBound ? `; under the floor of ${MEASURABLE_MS} ms even at ${kB(cost.smallBytes)}: bounded, not measured` : '');
    expect(cost.large.status, `${name}: ${cost.large.stderr.slice(0, 2000)}`).toBeLessThan(2);
    expect(cost.large.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(cpuGrowth, `CPU grew ${cpuGrowth.toFixed(1)}× for ${RATIO}× the text: ${figures}`).toBeLessThanOrEqual(LINEAR_GROWTH);
    expect(memoryGrowth, `memory grew ${memoryGrowth.toFixed(1)}× for ${RATIO}× the text: ${figures}`).toBeLessThanOrEqual(LINEAR_GROWTH);
}

describe('every hostile shape costs time and memory linear in its size', () => {
    for (const [name, make] of Object.entries(SHAPES)) {
        it(name, () => growsLinearly(name, make, 'check'), 300_000);
    }
});

// The other commands that read a whole plan: SARIF output, format, sandbox, diff (watch re-runs the check on each change: covered by check).
for (const command of ['sarif', 'format', 'sandbox', 'diff'] as const) {
    describe(`acct ${COMMANDS[command].join(' ')}: every hostile shape costs time and memory linear in its size`, () => {
        for (const [name, make] of Object.entries(SHAPES)) {
            it(name, () => growsLinearly(name, make, command), 300_000);
        }
    });
}
