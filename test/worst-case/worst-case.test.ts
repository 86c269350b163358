/**
 * The worst-case suite (issue: robust under hostile input): every shape of hostile plan found by
 * probing, checked by the real CLI at 64 kB and at 1 MB. The cost must grow linearly: CPU time
 * and peak memory past the process's startup at most 24 times for 16 times the text. A
 * benchmark-style check with generous bounds, on CPU time: `npm run worst-case` prints the
 * figures per MB with the budget of the issue.
 */
import { describe, expect, it } from 'vitest';
import { measureShape, measureStartup, type Usage } from './measure.js';
import { SHAPES } from './shapes.js';

const SMALL = 64 * 1024;
const LARGE = 16 * SMALL;
/** Linear growth is 16 (less, with the fixed costs of a run); the quadratic corners grew 30 and more. */
const LINEAR_GROWTH = 24;

let startup: Usage | undefined;

describe('every hostile shape costs time and memory linear in its size', () => {
    for (const [name, make] of Object.entries(SHAPES)) {
        it(name, () => {
            startup ??= measureStartup();
            const cost = measureShape(make, SMALL, LARGE, startup);
            const figures = `${cost.small.cpuMs.toFixed(0)} → ${cost.large.cpuMs.toFixed(0)} ms CPU, ${cost.small.maxRssMb.toFixed(0)} → ${cost.large.maxRssMb.toFixed(0)} MB (startup ${startup.cpuMs.toFixed(0)} ms, ${startup.maxRssMb.toFixed(0)} MB)`;
            expect(cost.large.status, `${name}: ${cost.large.stderr}`).toBeLessThan(2);
            expect(cost.large.stderr).not.toMatch(/internal error|\n\s+at /);
            expect(cost.cpuGrowth, `CPU grew ${cost.cpuGrowth.toFixed(1)}× for 16× the text: ${figures}`).toBeLessThanOrEqual(LINEAR_GROWTH);
            expect(cost.memoryGrowth, `memory grew ${cost.memoryGrowth.toFixed(1)}× for 16× the text: ${figures}`).toBeLessThanOrEqual(LINEAR_GROWTH);
        }, 300_000);
    }
});
