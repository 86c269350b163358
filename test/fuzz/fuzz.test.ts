/**
 * Fuzzing in the tests: a few hundred hostile edits of the examples with a fixed seed, and every
 * minimised failure that `npm run fuzz` ever saved to test/fuzz/corpus/, replayed.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { caseArb, checkInvariants, corpus, incrementalCorpus, textOf } from './invariants.js';
import { checkIncrementalParse } from './incremental.js';

describe('fuzzing', () => {
    it('hostile edits of the examples keep every invariant', async () => {
        await fc.assert(
            fc.asyncProperty(caseArb, async fuzz => checkInvariants(textOf(fuzz))),
            { numRuns: 300, seed: 20261126 },
        );
    }, 300_000);

    it('hostile edits re-parsed incrementally give the full parse', () => {
        let partial = 0;
        fc.assert(
            fc.property(caseArb, fuzz => {
                partial += checkIncrementalParse(fuzz);
            }),
            { numRuns: 300, seed: 20261126 },
        );
        // meaningful only if some of the hostile edits were re-parsed incrementally
        expect(partial).toBeGreaterThan(50);
    }, 300_000);

    it('the saved corpus keeps every invariant', async () => {
        const texts = corpus();
        const cases = incrementalCorpus();
        for (const { name, text } of texts) {
            await expect(checkInvariants(text), name).resolves.toBeUndefined();
        }
        let partial = 0;
        for (const { name, fuzz } of cases) {
            expect(() => {
                partial += checkIncrementalParse(fuzz);
            }, name).not.toThrow();
        }
        // a corpus that lost its files replays nothing: that is a failure, not a pass
        expect(texts.map(t => t.name)).toEqual(expect.arrayContaining(['recovered-errors-in-a-row.acct', 'reporting-cycle.acct']));
        expect(texts.length).toBeGreaterThanOrEqual(5);
        expect(cases.length).toBeGreaterThanOrEqual(1);
        // and the incremental cases still take the incremental path they were kept for
        expect(partial).toBeGreaterThanOrEqual(cases.length);
    });
});
