/**
 * `acct history`'s step from one commit's plan to the next (node/history-plan.ts) works on the
 * files whose parts differ: the commit's counts are the last commit's moved by those files, and
 * whether an id of theirs is declared in a file left out is read from each id's number of
 * declaring files, kept from commit to commit. Walked through random sequences of plans that
 * share parts as a history's do (a file's part the same object, its elements or its findings
 * kept, files added and deleted, ids declared in several files), each step must be what the
 * same step gives with nothing kept (a new PlanParts), its changes what `acct diff` says of the
 * whole plans, and its counts those of every finding of the plan after.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PlanParts, type PlanSnapshot } from '../../server/src/node/history-plan.js';
import { assemblePlan, type FileElements, type FilePart } from '../../server/src/plan/plan-by-file.js';
import { diffPlans } from '../../server/src/contract/plan-diff.js';
import type { DiagnosticJson } from '../../server/src/contract/plan-types.js';
import type { CommitRecord } from '../../server/src/node/git-history.js';
import type { FindingPolicy } from '../../server/src/language/validation/finding-policy.js';

const PATHS = ['a.acct', 'b.acct', 'c.acct', 'd.acct'];
const ids = fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 2 });
const elements = fc.record({ members: ids, competitors: ids, customers: ids, name: fc.constantFrom('one', 'two') }).map(
    ({ members, competitors, customers, name }): FileElements =>
        ({
            members: members.map(id => ({ id, name })),
            competitors: competitors.map(id => ({ id, name })),
            customers: customers.map(id => ({ id, name, contacts: [], opportunities: [], activities: [] })),
        }) as unknown as FileElements,
);
const findings = fc.array(
    fc.record({
        line: fc.integer({ min: 1, max: 4 }),
        severity: fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<DiagnosticJson['severity']>,
        code: fc.constantFrom('stale-contact', 'unfounded-support'),
        message: fc.constantFrom('3 days ago', '4 days ago'),
        subject: fc.constantFrom(null, 'customer:x', 'customer:y') as fc.Arbitrary<DiagnosticJson['subject']>,
    }),
    { maxLength: 3 },
);

/** What becomes of each file at the next commit: kept as it is, its elements or findings made anew, or the file added or deleted. */
const move = fc.record({
    what: fc.constantFrom('same', 'same', 'same', 'elements', 'findings', 'both', 'toggle'),
    elements,
    findings,
});

function part(path: string, fileElements: FileElements, list: ReadonlyArray<Omit<DiagnosticJson, 'file' | 'column'>>): FilePart {
    const diagnostics = list.map(d => ({ ...d, file: path, column: 1 }) as DiagnosticJson).sort((a, b) => a.line - b.line);
    return { path, elements: fileElements, findings: { path, diagnostics, waived: [] } };
}

/** A sequence of plans, each made of the one before by the moves of its files. */
const plans = fc
    .record({
        first: fc.array(fc.record({ elements, findings }), { minLength: 4, maxLength: 4 }),
        moves: fc.array(fc.array(move, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
    })
    .map(({ first, moves }) => {
        let files: Array<FilePart | undefined> = first.map((f, i) => (i < 3 ? part(PATHS[i]!, f.elements, f.findings) : undefined));
        const snapshots: PlanSnapshot[] = [{ today: '2026-01-01', files: files.filter(f => f !== undefined) }];
        for (const [at, round] of moves.entries()) {
            files = files.map((was, i) => {
                const { what, elements: e, findings: f } = round[i]!;
                if (what === 'toggle') return was ? undefined : part(PATHS[i]!, e, f);
                if (!was || what === 'same') return was;
                const next = part(PATHS[i]!, what === 'findings' ? was.elements : e, f);
                return what === 'elements' ? { ...next, findings: was.findings } : next;
            });
            snapshots.push({ today: `2026-01-0${at + 2}`, files: files.filter(f => f !== undefined) });
        }
        return snapshots;
    });

const record = (i: number): CommitRecord => ({ commit: `c${i}`, parent: `c${i - 1}`, date: '2026-01-01T00:00:00Z', author: 'A', message: 'm', files: [] });
const noPolicy = undefined as unknown as FindingPolicy;

describe('the step of a history, kept from commit to commit', () => {
    it('gives each step what a step with nothing kept gives, and what acct diff says of the whole plans', () => {
        fc.assert(
            fc.property(plans, snapshots => {
                const kept = new PlanParts('/w', noPolicy);
                for (let i = 1; i < snapshots.length; i++) {
                    const [before, after] = [snapshots[i - 1]!, snapshots[i]!];
                    const step = kept.step(before, after, record(i), new Map());
                    expect(step).toEqual(new PlanParts('/w', noPolicy).step(before, after, record(i), new Map()));
                    const whole = diffPlans(assemblePlan(before.files, before.today), assemblePlan(after.files, after.today), {
                        from: `c${i - 1}`,
                        to: `c${i}`,
                    });
                    if (!step) {
                        expect(whole.changes).toEqual([]);
                        continue;
                    }
                    // (the findings are compared without the files whose findings are the same objects on both sides, as
                    // before this test: where two files hold findings of one subject, code and message, which of them is
                    // matched can differ from acct diff's — the steps with nothing kept above are their measure)
                    expect(step.changes).toEqual(whole.changes);
                    const counts = { error: 0, warning: 0, info: 0 };
                    for (const d of assemblePlan(after.files, after.today).diagnostics) counts[d.severity]++;
                    expect(step.counts).toEqual(counts);
                }
            }),
            { numRuns: 400, seed: 20261207 },
        );
    });
});
