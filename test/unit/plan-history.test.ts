/**
 * The history engine in process (issue 20 items 4 and 5): each distinct blob is parsed once per
 * run, whatever the number of commits that hold it (a revert and a rename give a content back);
 * and 10,000 commits are read in one pass, in time linear in their number.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readPlanHistory, type PlanCommit } from '../../server/src/node/plan-history.js';
import { scriptedRepo } from '../support/git-repo.js';

async function all(iterable: AsyncIterable<PlanCommit>): Promise<PlanCommit[]> {
    const list: PlanCommit[] = [];
    for await (const item of iterable) list.push(item);
    return list;
}

const plan = (support: number) => `member alice "Alice"
customer cmgd "China Mobile" {
    contact wang "Wang Lei" { role decision-maker support ${support} }
}
`;

describe('the history engine', () => {
    it('parses each distinct blob once: a revert and a rename give back a content parsed before', async () => {
        const repo = scriptedRepo();
        repo.commit('2026-09-01', 'one', { 'a.acct': plan(1), 'team.acct': 'member bob "Bob"\n' });
        repo.commit('2026-09-02', 'two', { 'a.acct': plan(2) });
        repo.commit('2026-09-03', 'back to one', { 'a.acct': plan(1) });
        repo.git('mv', 'a.acct', 'b.acct');
        repo.commit('2026-09-04', 'renamed');
        repo.commit('2026-09-05', 'two again', { 'b.acct': plan(2) });
        repo.commit('2026-09-06', 'gone', { 'b.acct': null });
        repo.commit('2026-09-07', 'back', { 'b.acct': plan(2) });
        const history = await readPlanHistory([], { cwd: repo.dir });
        const commits = await all(history.commits);
        expect(commits.map(c => c.message)).toEqual(['one', 'two', 'back to one', 'two again', 'gone', 'back']);
        // three distinct contents: plan(1), plan(2) and the team file — parsed three times in all
        expect(history.stats.blobs).toBe(3);
        expect(history.stats.parses).toBe(history.stats.blobs);
        // and the plans are right after a kept parse is given back: wang's support at each step
        const support = (c: PlanCommit) => c.plan.customers[0]?.contacts[0]?.support ?? null;
        expect(commits.map(support)).toEqual([1, 2, 1, 2, null, 2]);
        expect(commits[5]!.changes.map(c => `${c.kind} ${c.id}`)).toEqual(['added cmgd', 'added alice'].reverse());
    });

    it('reads the blobs in batches as it comes to them: 150 contents, one given back after 140 commits, each commit the plan it holds', async () => {
        const repo = scriptedRepo();
        // two files changed per commit: 75 commits × 2 new contents, more than two batches of 64
        const team = (i: number) => `member bob "Bob ${i}"\n`;
        for (let i = 0; i < 75; i++)
            repo.commit(`2026-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}`, `step ${i}`, {
                'a.acct': `${plan(i % 2 ? 1 : 2)}// ${i}\n`,
                'team.acct': team(i),
            });
        repo.commit('2026-04-01', 'the first team back', { 'team.acct': team(0) });
        const history = await readPlanHistory([], { cwd: repo.dir });
        const commits = await all(history.commits);
        expect(commits).toHaveLength(76);
        expect(history.stats.blobs).toBe(150);
        expect(history.stats.parses).toBe(history.stats.blobs);
        expect(commits.map(c => c.plan.customers[0]?.contacts[0]?.support)).toEqual([...Array.from({ length: 75 }, (_, i) => (i % 2 ? 1 : 2)), 2]);
        expect(commits.map(c => c.plan.members.find(m => m.id === 'bob')?.name)).toEqual([...Array.from({ length: 75 }, (_, i) => `Bob ${i}`), 'Bob 0']);
    });

    it("a commit's message is its first line, even when its first paragraph runs on; a \\x01 in it changes nothing", async () => {
        const repo = scriptedRepo();
        repo.commit('2026-09-01', 'Met Wang\nat the expo\n\nHe asked for a trial.', { 'a.acct': plan(1) });
        repo.commit('2026-09-02', 'odd \u0001 message', { 'a.acct': plan(2) });
        const commits = await all((await readPlanHistory([], { cwd: repo.dir })).commits);
        expect(commits.map(c => c.message)).toEqual(['Met Wang', 'odd \u0001 message']);
        expect(commits[1]!.changes.map(c => `${c.id} ${c.field}`)).toEqual(['wang support']);
    });

    it('10,000 commits: read in one pass, only those that change the plan are checked', async () => {
        const repo = scriptedRepo();
        // git fast-import writes the commits in one process: 10,000 commits, one in 500 changes the plan
        const lines: string[] = [];
        for (let i = 1; i <= 10_000; i++) {
            const file = i % 500 === 1 ? { name: 'plan.acct', text: plan(i % 1000 === 1 ? 1 : 2) } : { name: 'notes.txt', text: `note ${i}\n` };
            const when = 1788000000 + i * 60;
            lines.push(
                'commit refs/heads/main',
                `committer Bot <bot@example.com> ${when} +0000`,
                `data ${`c${i}`.length}`,
                `c${i}`,
                `M 100644 inline ${file.name}`,
                `data ${Buffer.byteLength(file.text)}`,
                file.text,
                '',
            );
        }
        execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.dir, input: lines.join('\n') });
        repo.git('reset', '-q', '--hard', 'main');
        const started = performance.now();
        const history = await readPlanHistory([], { cwd: repo.dir });
        const commits = await all(history.commits);
        const elapsed = performance.now() - started;
        expect(history.stats.commitsRead).toBe(10_000);
        expect(commits.map(c => c.message)).toEqual(Array.from({ length: 20 }, (_, k) => `c${k * 500 + 1}`));
        expect(history.stats.parses).toBe(2);
        expect(elapsed).toBeLessThan(30_000);
    });
});
