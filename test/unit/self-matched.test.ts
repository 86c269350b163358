/**
 * `acct history` compares a commit's findings with the commit before's without those that could
 * only match themselves (contract/plan-diff.ts, `withoutSelfMatched`): what `compareFindings` says
 * of what is left must be what it says of the whole sides — the same new, resolved and changed
 * findings (the same objects, in the same order) and the same number unchecked.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareFindings, withoutSelfMatched } from '../../server/src/contract/plan-diff.js';
import type { DiagnosticJson } from '../../server/src/contract/plan-types.js';

const finding = fc.record({
    file: fc.constantFrom('a.acct', 'b.acct'),
    line: fc.integer({ min: 1, max: 9 }),
    column: fc.constant(1),
    severity: fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<DiagnosticJson['severity']>,
    code: fc.constantFrom('stale-contact', 'unfounded-support', 'syntax'),
    message: fc.constantFrom('3 days', '4 days', 'no evidence'),
    subject: fc.constantFrom(null, 'customer:c', 'contact:c/wang', 'contact:c/li', 'opportunity:c/grid') as fc.Arbitrary<DiagnosticJson['subject']>,
});

/** Two sides sharing finding objects: the earlier side, and the later one made of some of its objects (kept in order, or not) and new findings. */
const sides = fc
    .record({
        before: fc.array(finding, { maxLength: 12 }),
        fresh: fc.array(finding, { maxLength: 6 }),
        keep: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        places: fc.array(fc.nat(20), { minLength: 18, maxLength: 18 }),
        shuffle: fc.boolean(),
    })
    .map(({ before, fresh, keep, places, shuffle }) => {
        const kept = before.filter((_, i) => keep[i]);
        // the new findings stand among the kept ones; the kept ones in their order unless shuffled
        const after: DiagnosticJson[] = shuffle ? [...kept].reverse() : [...kept];
        fresh.forEach((d, i) => after.splice(places[i]! % (after.length + 1), 0, d));
        return { before, after };
    });

const renamed = new Map([['a.acct', 'b.acct']]);

describe('withoutSelfMatched', () => {
    it('compareFindings says of what is left what it says of the whole sides', () => {
        fc.assert(
            fc.property(sides, ({ before, after }) => {
                const whole = compareFindings(before, after, renamed);
                const [earlier, later] = withoutSelfMatched(before, after);
                const left = compareFindings(earlier, later, renamed);
                expect(left.unchecked).toBe(whole.unchecked);
                const same = (x: readonly unknown[], y: readonly unknown[]) => x.length === y.length && x.every((item, i) => item === y[i]);
                expect(same(left.newFindings, whole.newFindings)).toBe(true);
                expect(same(left.resolvedFindings, whole.resolvedFindings)).toBe(true);
                expect(
                    same(
                        left.changedFindings.map(c => c.from),
                        whole.changedFindings.map(c => c.from),
                    ),
                ).toBe(true);
                expect(
                    same(
                        left.changedFindings.map(c => c.to),
                        whole.changedFindings.map(c => c.to),
                    ),
                ).toBe(true);
            }),
            { numRuns: 3000 },
        );
    });

    it('leaves out the findings on both sides that no finding of one side only is like, and keeps syntax errors', () => {
        const f = (subject: DiagnosticJson['subject'], message: string, code = 'stale-contact'): DiagnosticJson => ({
            file: 'a.acct',
            line: 1,
            column: 1,
            severity: 'warning',
            code,
            message,
            subject,
        });
        const [kept, alike, broken, older, newer] = [
            f('contact:c/li', 'no evidence'),
            f('contact:c/wang', '3 days'),
            f('customer:c', 'expected }', 'syntax'),
            f('contact:c/zhao', '3 days'),
            f('contact:c/zhao', '4 days'),
        ];
        const twin = { ...alike };
        const [earlier, later] = withoutSelfMatched([kept, alike, broken, older], [kept, alike, twin, broken, newer]);
        expect(earlier).toEqual([alike, broken, older]);
        expect(later).toEqual([alike, twin, broken, newer]);
        expect(earlier.includes(kept) || later.includes(kept)).toBe(false);
    });

    it('gives both sides back whole when the objects on both stand in another order', () => {
        const [x, y] = [
            { file: 'a.acct', line: 1, column: 1, severity: 'info', code: 'stale-contact', message: 'm', subject: null },
            { file: 'a.acct', line: 2, column: 1, severity: 'error', code: 'stale-contact', message: 'm', subject: null },
        ] as DiagnosticJson[];
        const [earlier, later] = withoutSelfMatched([x!, y!], [y!, x!]);
        expect([earlier.length, later.length]).toEqual([2, 2]);
        expect(compareFindings([x!, y!], [y!, x!]).changedFindings).toHaveLength(2);
    });
});
