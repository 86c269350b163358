/**
 * Property tests over random well-formed plans: contacts with random support, intimacy, roles
 * and reports-to trees; opportunities with random stages, teams and decision chains; values
 * sometimes out of range; properties in random order; customers spread over several files
 * (random-plans.ts makes them). Each check's findings follow from the model of the plan.
 */
import { describe, it, expect, afterAll } from 'vitest';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadWorkspace } from '../../server/src/node/workspace-loader.js';
import { serializePlan } from '../../server/src/plan/plan-json.js';
import { buildWorkspace, TODAY, type TestWorkspace } from './helpers.js';
import {
    contactId,
    planArb,
    renderFiles,
    type CustomerGen,
    type OpportunityGen,
    type PlanGen,
    type SupportGen,
    type ContactGen,
    type EntryGen,
} from './random-plans.js';

// --- expectations from the model ----------------------------------------------------------------

const isActive = (o: OpportunityGen) => o.stage === 'opportunity' || o.stage === 'bid';
const inRange = (value: SupportGen) => value === undefined || value === '?' || (value >= -1 && value <= 3);
const numeric = (value: SupportGen): number | null => (typeof value === 'number' ? value : null);

function outOfRangeCount(plan: PlanGen): number {
    let count = 0;
    for (const c of plan.customers) {
        for (const s of [c.standing, c.cooperation]) if (s !== undefined && (s < 1 || s > 5)) count++;
        for (const k of c.contacts) {
            if (!inRange(k.support)) count++;
            if (k.intimacy !== undefined && (k.intimacy < -3 || k.intimacy > 3)) count++;
        }
        for (const o of c.opportunities) for (const e of o.chain ?? []) if (!inRange(e.support)) count++;
    }
    return count;
}

/** Subjects (`opportunity:c0/o1`, `contact:c0/k2`) of the findings of one code. */
function subjects(w: TestWorkspace, code: string): string[] {
    return w
        .withCode(code)
        .map(f => (f.diagnostic.data as { subject?: string }).subject ?? '?')
        .sort();
}

function expected(plan: PlanGen, pick: (c: CustomerGen, ci: number) => string[]): string[] {
    return plan.customers.flatMap(pick).sort();
}

// --- properties ----------------------------------------------------------------------------------

const RUNS = 40;

/** Every invariant of the checker and the export on one built plan. */
function expectInvariants(plan: PlanGen, w: TestWorkspace): void {
    // Well-formed text: no syntax or linking errors, whatever the values; each out-of-range value once.
    for (const code of ['syntax', 'unresolved-reference', 'duplicate-id', 'reports-to-cycle']) {
        expect(w.withCode(code), code).toEqual([]);
    }
    expect(w.withCode('out-of-range')).toHaveLength(outOfRangeCount(plan));
    expect(w.withCode('out-of-range').every(f => f.severity === 'error')).toBe(true);

    // Opportunity checks fire exactly for the active opportunities that meet their condition.
    const opportunities = (test: (c: CustomerGen, o: OpportunityGen) => boolean) =>
        expected(plan, (c, ci) => c.opportunities.flatMap((o, oi) => (isActive(o) && test(c, o) ? [`opportunity:c${ci}/o${oi}`] : [])));
    const roleOf = (c: CustomerGen, e: EntryGen) => e.role ?? c.contacts[e.contact].role ?? '';
    const supportOf = (c: CustomerGen, e: EntryGen) => numeric(e.support !== undefined ? e.support : c.contacts[e.contact].support);
    const deciding = (role: string) => role === 'approver' || role === 'decision-maker';
    expect(subjects(w, 'unqualified-opportunity')).toEqual(opportunities((_, o) => !o.budget || !o.start));
    expect(subjects(w, 'no-power-map')).toEqual(opportunities((_, o) => !o.chain));
    expect(subjects(w, 'incomplete-iron-triangle')).toEqual(opportunities((_, o) => !o.team?.ar || !o.team?.sr || !o.team?.fr));
    expect(subjects(w, 'no-decision-maker')).toEqual(opportunities((c, o) => !!o.chain && !o.chain.some(e => deciding(roleOf(c, e)))));

    // Decision-chain findings: one per deciding entry with unknown support, one per opposed key person.
    const entries = (test: (role: string, support: number | null) => boolean) =>
        expected(plan, (c, ci) =>
            c.opportunities.flatMap((o, oi) =>
                !isActive(o) ? [] : (o.chain ?? []).filter(e => test(roleOf(c, e), supportOf(c, e))).map(() => `opportunity:c${ci}/o${oi}`),
            ),
        );
    expect(subjects(w, 'unknown-support')).toEqual(entries((role, s) => deciding(role) && s === null));
    expect(subjects(w, 'opposed-key-person')).toEqual(entries((role, s) => (deciding(role) || role === 'evaluator') && s === -1));

    // Contact checks, for contacts whose values are in range.
    const contacts = (test: (k: ContactGen) => boolean) =>
        expected(plan, (c, ci) => c.contacts.flatMap((k, ki) => (test(k) ? [`contact:c${ci}/${contactId(ki)}`] : [])));
    const valid = (k: ContactGen) => inRange(k.support) && (k.intimacy === undefined || Math.abs(k.intimacy) <= 3);
    const validSubjects = new Set(contacts(valid));
    const onValid = (code: string) => subjects(w, code).filter(s => validSubjects.has(s));
    expect(onValid('rational-turn-risk')).toEqual(contacts(k => valid(k) && (numeric(k.support) ?? 0) >= 2 && k.intimacy !== undefined && k.intimacy <= -1));
    expect(onValid('friendly-but-unsupportive')).toEqual(contacts(k => valid(k) && [0, -1].includes(numeric(k.support) ?? NaN) && (k.intimacy ?? 0) >= 2));
    expect(w.withCode('friendly-but-unsupportive').every(f => f.severity === 'info')).toBe(true);

    // The export agrees with the model: qualified iff budget and start; the chain with effective values.
    const exported = w.plan().customers;
    expect(exported.map(c => c.id)).toEqual(plan.customers.map((_, i) => `c${i}`));
    plan.customers.forEach((c, ci) =>
        c.opportunities.forEach((o, oi) => {
            const json = exported[ci].opportunities[oi];
            expect(json.qualified).toBe(!!o.budget && !!o.start);
            expect(json.decisionChain).toEqual(
                (o.chain ?? []).map(e => ({ contact: contactId(e.contact), role: roleOf(c, e) || null, support: supportOf(c, e), group: null })),
            );
        }),
    );
}

describe('random well-formed plans', () => {
    it('checking never throws, out-of-range values are no syntax errors, and every check follows its condition', async () => {
        await fc.assert(
            fc.asyncProperty(planArb, async plan => {
                expectInvariants(plan, await buildWorkspace(renderFiles(plan)));
            }),
            { numRuns: RUNS },
        );
    });

    it('the export is deterministic and does not depend on the order in which files are added', async () => {
        await fc.assert(
            fc.asyncProperty(
                planArb.chain(plan => {
                    const names = Object.keys(renderFiles(plan));
                    return fc.tuple(fc.constant(plan), fc.shuffledSubarray(names, { minLength: names.length }));
                }),
                async ([plan, order]) => {
                    const files = renderFiles(plan);
                    const a = serializePlan((await buildWorkspace(files)).plan());
                    const b = serializePlan((await buildWorkspace(files, { order })).plan());
                    expect(b).toBe(a);
                    expect(JSON.parse(a).files).toEqual([...Object.keys(files)].sort());
                },
            ),
            { numRuns: 15 },
        );
    });
});

describe('the loader', () => {
    const dirs: string[] = [];
    afterAll(() => {
        for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('gives the same document whatever the order of the paths given', async () => {
        await fc.assert(
            fc.asyncProperty(
                planArb.chain(plan => {
                    const names = Object.keys(renderFiles(plan));
                    return fc.tuple(fc.constant(plan), fc.shuffledSubarray(names, { minLength: names.length }));
                }),
                async ([plan, order]) => {
                    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-prop-'));
                    dirs.push(dir);
                    const files = renderFiles(plan);
                    for (const [name, text] of Object.entries(files)) {
                        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
                        fs.writeFileSync(path.join(dir, name), text);
                    }
                    const a = serializePlan((await loadWorkspace(Object.keys(files), { today: TODAY, cwd: dir })).plan());
                    const b = serializePlan((await loadWorkspace(order, { today: TODAY, cwd: dir })).plan());
                    const c = serializePlan((await loadWorkspace(['.'], { today: TODAY, cwd: dir })).plan());
                    expect(b).toBe(a);
                    expect(c).toBe(a);
                },
            ),
            { numRuns: 3 },
        );
    });
});
