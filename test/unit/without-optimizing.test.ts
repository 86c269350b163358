import { beforeEach, describe, expect, it, vi } from 'vitest';

// the flags are recorded, not set: this test must not turn TurboFan off in the test process
const setFlagsFromString = vi.fn<(flag: string) => void>();
vi.mock('node:v8', () => ({ setFlagsFromString }));

/** A fresh module each time: whether the process is one-shot is the module's own state. */
async function oneShotV8() {
    vi.resetModules();
    return import('../../server/src/node/one-shot-v8.js');
}

describe('a step run without TurboFan (node/one-shot-v8.ts withoutOptimizing)', () => {
    beforeEach(() => setFlagsFromString.mockClear());

    it('outside a one-shot run (the editor, the tests), sets no flag and returns what the step returns', async () => {
        const { withoutOptimizing } = await oneShotV8();
        expect(withoutOptimizing(() => 42)).toBe(42);
        expect(setFlagsFromString).not.toHaveBeenCalled();
    });

    it('in a one-shot run, turns TurboFan off for the step only, and on again after it', async () => {
        const { tuneV8ForOneShot, withoutOptimizing, WITHOUT_OPTIMIZING_FLAGS, ONE_SHOT_V8_FLAGS } = await oneShotV8();
        tuneV8ForOneShot();
        const during: string[][] = [];
        const result = withoutOptimizing(() => {
            during.push(setFlagsFromString.mock.calls.map(([flag]) => flag));
            return 'done';
        });
        expect(result).toBe('done');
        expect(during).toEqual([[...ONE_SHOT_V8_FLAGS, WITHOUT_OPTIMIZING_FLAGS.off]]);
        expect(setFlagsFromString.mock.calls.map(([flag]) => flag)).toEqual([...ONE_SHOT_V8_FLAGS, WITHOUT_OPTIMIZING_FLAGS.off, WITHOUT_OPTIMIZING_FLAGS.on]);
    });

    it('turns TurboFan on again when the step throws', async () => {
        const { tuneV8ForOneShot, withoutOptimizing, WITHOUT_OPTIMIZING_FLAGS } = await oneShotV8();
        tuneV8ForOneShot();
        setFlagsFromString.mockClear();
        expect(() =>
            withoutOptimizing(() => {
                throw new Error('the step failed');
            }),
        ).toThrow('the step failed');
        expect(setFlagsFromString.mock.calls.map(([flag]) => flag)).toEqual([WITHOUT_OPTIMIZING_FLAGS.off, WITHOUT_OPTIMIZING_FLAGS.on]);
    });
});
