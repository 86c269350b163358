/**
 * `acct history` checks each commit with its own date (contract 7.6), also in the files the
 * commit did not touch: an activity becomes overdue, a contact stale, a tier review stale, a
 * waiver expires, a done activity dated in the future becomes evidence — at the commit whose date
 * makes it so, exactly as a full `acct check --today <commit date>` of the commit's tree gives.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readPlanHistory, type PlanCommit } from '../../server/src/node/plan-history.js';
import { addDays } from '../../server/src/method/index.js';
import { runCli } from '../support/run-cli.js';
import { scriptedRepo } from '../support/git-repo.js';

async function all(iterable: AsyncIterable<PlanCommit>): Promise<PlanCommit[]> {
    const list: PlanCommit[] = [];
    for await (const item of iterable) list.push(item);
    return list;
}

interface CheckJson {
    severity: string;
    code: string;
}
/** What `acct check --today DATE --format json` counts on the work tree as it is. */
function checkCounts(dir: string, today: string): { error: number; warning: number; info: number } {
    const result = runCli(['check', '--today', today, '--format', 'json', '.'], { cwd: dir });
    const found = JSON.parse(result.stdout) as CheckJson[];
    const count = (severity: string) => found.filter(d => d.severity === severity).length;
    return { error: count('error'), warning: count('warning'), info: count('info') };
}

const strip = ({ code, severity, subject, message }: { code: string; severity: string; subject: string | null; message: string }) => ({
    code,
    severity,
    subject,
    message,
});
const sameReport = (commit: PlanCommit) => ({
    commit: commit.commit,
    counts: commit.counts,
    newFindings: commit.newFindings.map(strip),
    resolvedFindings: commit.resolvedFindings.map(strip),
    changedFindings: commit.changedFindings.map(c => ({ from: strip(c.from), to: strip(c.to) })),
    diagnostics: commit.plan.diagnostics.map(strip),
    waived: commit.plan.waived.map(strip),
});

describe('acct history: each commit checked with its own date, touched or not', () => {
    it('an activity in a plan the commit did not touch becomes overdue at the commit dated after it', () => {
        const repo = scriptedRepo();
        repo.commit('2026-03-01', 'Team and plan', {
            'team.acct': 'member alice "Alice"\n',
            'acme.acct': 'customer acme "Acme" {\n    activity call "Call" { status planned date 2026-03-10 }\n}\n',
        });
        const b = repo.commit('2026-03-20', 'Bob joins', { 'team.acct': 'member alice "Alice"\nmember bob "Bob"\n' });
        const result = runCli(['history', '--format', 'json'], { cwd: repo.dir });
        expect(result.stderr).toBe('');
        const commits = (JSON.parse(result.stdout) as { commits: Array<PlanCommit & { commit: string }> }).commits;
        const last = commits.find(c => c.commit === b)!;
        expect(last).toBeDefined();
        expect(last.newFindings.map(f => f.code)).toContain('overdue-activity');
        expect(last.newFindings.find(f => f.code === 'overdue-activity')!.message).toContain('10 days ago');
        expect(last.counts).toEqual(checkCounts(repo.dir, '2026-03-20'));
    });

    it("a random history mixing dates: every commit as a full check of its tree and its parent's gives it", async () => {
        // the plans' dates anywhere from 400 days before the commits to 60 days after; the commits a few days apart
        // (or back in time), so that most date moves cross no critical day of most files
        const day = fc.integer({ min: -400, max: 60 }).map(n => addDays('2026-03-10', n));
        const plan = (id: string) =>
            fc
                .record({
                    reviewed: day,
                    contact: day,
                    activity: day,
                    status: fc.constantFrom('planned', 'done'),
                    until: fc.option(day, { nil: undefined }),
                })
                .map(
                    p => `customer ${id} "${id.toUpperCase()}" {
    tier value standing 3 cooperation 3 reviewed ${p.reviewed}
    contact wang "Wang Lei" { role decision-maker support 1 last-contact ${p.contact} }
    activity call "Call" { kind visit date ${p.activity} with wang status ${p.status} }
    opportunity deal "Deal" {
        stage opportunity budget 1M CNY start 2027-03-01
        decision-chain { wang }${p.until ? `\n        waive unqualified-opportunity "board minutes" until ${p.until}` : ''}
    }
}
`,
                );
        const step = fc.record({
            days: fc.integer({ min: -2, max: 6 }),
            file: fc.constantFrom('acme.acct', 'beta.acct', 'team.acct'),
            acme: plan('acme'),
            beta: plan('beta'),
            bob: fc.boolean(),
        });
        await fc.assert(
            fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 5 }), async steps => {
                const repo = scriptedRepo();
                repo.commit('2024-12-01', 'start', { 'team.acct': 'member alice "Alice"\n', 'acme.acct': '', 'beta.acct': '' });
                let date = '2026-03-10';
                for (const [i, s] of steps.entries()) {
                    date = addDays(date, s.days);
                    const text =
                        s.file === 'team.acct' ? `member alice "Alice"\n${s.bob ? 'member bob "Bob"\n' : ''}` : s.file === 'acme.acct' ? s.acme : s.beta;
                    repo.commit(date, `step ${i}`, { [s.file]: text });
                }
                const cheap = await all((await readPlanHistory([], { cwd: repo.dir })).commits);
                const full = await all((await readPlanHistory([], { cwd: repo.dir, fullRecheck: true })).commits);
                expect(cheap.map(sameReport)).toEqual(full.map(sameReport));
                const last = full.at(-1);
                if (last?.commit === repo.git('rev-parse', 'HEAD').trim()) expect(last.counts).toEqual(checkCounts(repo.dir, date));
            }),
            { numRuns: 12 },
        );
        // 90 s at a load average of 25
    }, 300_000);
});
