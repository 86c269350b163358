/**
 * What made `acct history` cheaper (issue 20 item 4) gives the same result: the JSON written entry
 * by entry is, byte for byte, `JSON.stringify` of the whole report; a file's new content parsed
 * as an edit of its last one gives each commit the plan and the step a full parse gives (the
 * oracle: every content parsed in full and every file validated again); and in the language
 * server the reading of the history waits for the server's own checks.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { historyEntryText, historyJson, historyJsonPieces, type HistoryReport, type HistoryStep } from '../../server/src/contract/history-report.js';
import { HistoryCache, idleAfter, type HistoryReader } from '../../server/src/lsp/history-cache.js';
import { readPlanHistory, type PlanCommit } from '../../server/src/node/plan-history.js';
import { textsFor } from '../../server/src/method/index.js';
import type { SubjectKey } from '../../server/src/contract/subject-key.js';
import { emptyPlan } from '../../server/src/node/commit-plans.js';
import { scriptedRepo } from '../support/git-repo.js';

async function all(iterable: AsyncIterable<PlanCommit>): Promise<PlanCommit[]> {
    const list: PlanCommit[] = [];
    for await (const item of iterable) list.push(item);
    return list;
}

const text = fc.string({ unit: 'binary', maxLength: 12 });
const finding = fc.record({
    file: text,
    line: fc.nat(),
    column: fc.nat(),
    severity: fc.constantFrom('error', 'warning', 'info'),
    code: text,
    message: text,
    subject: fc.option(text, { nil: null }).map(s => s as SubjectKey | null),
});
const step: fc.Arbitrary<HistoryStep> = fc.record({
    commit: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 40, maxLength: 40 }),
    date: text,
    author: text,
    message: text,
    changes: fc.array(
        fc.record({
            kind: fc.constantFrom('added' as const, 'removed' as const, 'changed' as const),
            element: fc.constantFrom('customer' as const, 'contact' as const),
            customer: fc.option(text, { nil: null }),
            id: text,
            field: fc.option(text, { nil: null }),
            from: fc.jsonValue(),
            to: fc.jsonValue(),
        }),
        { maxLength: 3 },
    ),
    newFindings: fc.array(finding, { maxLength: 3 }),
    resolvedFindings: fc.array(finding, { maxLength: 2 }),
    changedFindings: fc.array(fc.record({ from: finding, to: finding }), { maxLength: 2 }),
    counts: fc.record({ error: fc.nat(), warning: fc.nat(), info: fc.nat() }),
    unchecked: fc.nat(),
});

describe('acct history --format json, written entry by entry', () => {
    it('is byte for byte JSON.stringify of the whole report (any text, any value, shallow or not, no commit at all)', () => {
        fc.assert(
            fc.property(
                fc.array(step, { maxLength: 4 }),
                fc.option(text, { nil: null }),
                text,
                fc.option(text, { nil: undefined }),
                (commits, since, until, shallow) => {
                    const report: HistoryReport = { since, until, commits, ...(shallow !== undefined ? { shallow } : {}) };
                    const { commits: _commits, ...head } = report;
                    const pieces = historyJsonPieces(head, commits.map(historyEntryText));
                    expect(pieces.join('')).toBe(JSON.stringify(historyJson(report), null, 2));
                },
            ),
            { numRuns: 300 },
        );
    });
});

describe('the history engine parses a changed file as an edit of its last content', () => {
    const customer = (id: string, lines: string[]) => `customer ${id} "${id.toUpperCase()}" {
    tier value standing 3 cooperation 3 reviewed 2026-03-01
${lines.map(line => `    ${line}`).join('\n')}
}
`;
    const contact = (id: string, support: number, extra = '') =>
        `contact ${id} "${id}" { role decision-maker support ${support} last-contact 2026-03-02${extra} }`;
    const deal = (stage: string, chain: string) =>
        `opportunity deal "Deal" {\n        stage ${stage} budget 1M CNY start 2027-03-01\n        decision-chain { ${chain} }\n    }`;

    it('each commit: the same plan, step and JSON as parsing every content in full and checking every file again', async () => {
        const versions = [
            customer('acme', [contact('wang', 1), contact('li', 0), deal('lead', 'wang li')]),
            customer('acme', [contact('wang', 2), contact('li', 0), deal('lead', 'wang li')]),
            customer('acme', [contact('wang', 2), contact('li', 0, ' title "CFO"'), deal('opportunity', 'wang li')]),
            // a syntax error inside a contact, then fixed
            customer('acme', [contact('wang', 2).replace('support', 'suport'), contact('li', 0), deal('opportunity', 'wang li')]),
            customer('acme', [contact('wang', 3), contact('li', 0), deal('opportunity', 'wang li')]),
            // an element added in the middle, one removed, and a second customer at the top level
            customer('acme', [contact('wang', 3), contact('zhao', 1), deal('bid', 'wang zhao')]),
            customer('acme', [contact('wang', 3), contact('zhao', 1), deal('bid', 'wang zhao')]) + customer('beta', [contact('qian', -1)]),
            // back to an earlier content (its parse is kept for it, not edited)
            customer('acme', [contact('wang', 2), contact('li', 0), deal('lead', 'wang li')]),
            customer('acme', [contact('wang', 2), contact('li', 1), deal('lead', 'wang li')]),
        ];
        const repo = scriptedRepo();
        repo.commit('2026-03-01', 'team', { 'team.acct': 'member alice "Alice"\n', 'acme.acct': versions[0]! });
        versions.slice(1).forEach((version, i) => repo.commit(`2026-03-${String(i + 2).padStart(2, '0')}`, `step ${i + 1}`, { 'acme.acct': version }));
        const cheap = await readPlanHistory([], { cwd: repo.dir });
        const full = await readPlanHistory([], { cwd: repo.dir, fullRecheck: true });
        const [a, b] = [await all(cheap.commits), await all(full.commits)];
        expect(a.map(c => c.message)).toEqual(b.map(c => c.message));
        expect(a.length).toBe(versions.length);
        expect(a.map(historyEntryText)).toEqual(b.map(historyEntryText));
        expect(a.map(c => JSON.stringify(c.plan))).toEqual(b.map(c => JSON.stringify(c.plan)));
        expect(a.map(c => c.unchecked)).toEqual(b.map(c => c.unchecked));
        // the syntax error is a finding of its commit, and each content was parsed once
        expect(a[3]!.newFindings.map(f => f.code)).toContain('syntax');
        expect(cheap.stats.parses).toBe(cheap.stats.blobs);
    });
});

describe('the Trends reading in the language server', () => {
    it("waits for the server's checks between its steps, and goes on when they are done", async () => {
        const steps: string[] = [];
        let release: () => void = () => undefined;
        let busy: Promise<void> | undefined;
        const reader: HistoryReader = {
            head: () => Promise.resolve('a'.repeat(40)),
            async *commits(_folder, _locale, giveWay) {
                for (let i = 0; i < 3; i++) {
                    await giveWay?.();
                    steps.push(`commit ${i}`);
                    const date = `2026-03-0${i + 1}T10:00:00Z`;
                    const entry = {
                        commit: String(i).repeat(40),
                        date,
                        author: 'A',
                        message: 'm',
                        changes: [],
                        newFindings: [],
                        resolvedFindings: [],
                        changedFindings: [],
                        counts: { error: 0, warning: 0, info: 0 },
                    };
                    yield { entry, plan: emptyPlan(date.slice(0, 10)) };
                }
            },
        };
        const cache = new HistoryCache(
            reader,
            () => undefined,
            () => busy ?? Promise.resolve(),
        );
        cache.trusted = true;
        busy = new Promise<void>(resolve => (release = resolve));
        const texts = textsFor('en');
        expect((await cache.trend('/ws', null, null, texts)).status).toBe('loading');
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(steps).toEqual([]);
        busy = undefined;
        release();
        await cache.settled('/ws');
        expect(steps).toEqual(['commit 0', 'commit 1', 'commit 2']);
        expect((await cache.trend('/ws', null, null, texts)).status).toBe('noSubject');
    });

    it('a check that never ends holds the reading back for a few seconds at most', async () => {
        // the clock is the test's: a loaded machine neither makes the wait look short nor the next steps look slow
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        try {
            /** Whether `wait` has settled once every pending callback but the timers has run (setImmediate stays real). */
            const settledNow = (wait: Promise<unknown>) =>
                Promise.race([wait.then(() => true), new Promise<boolean>(resolve => setImmediate(() => resolve(false)))]);
            const never = idleAfter(() => new Promise(() => undefined), 60);
            const first = never();
            await vi.advanceTimersByTimeAsync(59);
            expect(await settledNow(first)).toBe(false);
            await vi.advanceTimersByTimeAsync(1);
            expect(await settledNow(first)).toBe(true);
            // that check still running: the next steps do not wait for it again
            expect(await settledNow(Promise.all([never(), never()]))).toBe(true);
            const failed = idleAfter(() => Promise.reject(new Error('cancelled')), 10_000);
            expect(await settledNow(failed())).toBe(true);
        } finally {
            vi.useRealTimers();
        }
    });
});
