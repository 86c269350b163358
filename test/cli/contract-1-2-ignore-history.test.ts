/**
 * Contract 7.5 with 7.6, as a process: `acct history` reads at each commit the workspace that
 * `acct diff` reads there — the commit's `.acctignore` files applied. A file an `.acctignore`
 * leaves out is in no commit's changes; a commit that changes only such a file is left out; a
 * commit that changes an `.acctignore` adds or removes what it lets in or takes out; a folder
 * given as PATH uses the `.acctignore` files inside it. (Before: history read every `.acct` file.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { scriptedRepo, type ScriptedRepo } from '../support/git-repo.js';

interface Change {
    kind: string;
    element: string;
    id: string;
    field: string | null;
}
interface Commit {
    commit: string;
    message: string;
    changes: Change[];
}

let repo: ScriptedRepo;
const history = (...args: string[]): Commit[] => {
    const result = runCli(['history', '--format', 'json', ...args], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return (JSON.parse(result.stdout) as { commits: Commit[] }).commits;
};
const summary = (commits: Commit[]) => commits.map(c => [c.message, c.changes.map(x => `${x.kind} ${x.element} ${x.id}${x.field ? ' ' + x.field : ''}`)]);

beforeAll(() => {
    repo = scriptedRepo();
    repo.commit('2026-11-01', 'a and b, b ignored', { 'a.acct': 'member a "A"\n', 'b.acct': 'member b "B"\n', '.acctignore': 'b.acct\n' });
    repo.commit('2026-11-02', 'only the ignored b changes', { 'b.acct': 'member b "B2"\n' });
    // the same rule with a BOM and CRLF line ends: the workspace does not change
    repo.commit('2026-11-03', 'the rule rewritten', { '.acctignore': '\ufeffb.acct\r\n' });
    repo.commit('2026-11-04', 'b let in', { '.acctignore': null });
    repo.commit('2026-11-05', 'a taken out, b changed', { '.acctignore': 'a.acct\n', 'b.acct': 'member b "B3"\n' });
    repo.commit('2026-11-06', 'a changed while ignored', { 'a.acct': 'member a "A2"\n' });
    repo.commit('2026-11-07', 'sub holds its own rules', { 'sub/x.acct': 'member x "X"\n', 'sub/y.acct': 'member y "Y"\n', 'sub/.acctignore': 'y.acct\n' });
}, 60_000);

describe("acct history applies each commit's .acctignore (contract 7.5, 7.6)", () => {
    it('an ignored file is in no change; a changed .acctignore adds or removes what it lets in or takes out', () => {
        expect(summary(history())).toEqual([
            ['a and b, b ignored', ['added member a']],
            ['b let in', ['added member b']],
            ['a taken out, b changed', ['changed member b name', 'removed member a']],
            ['sub holds its own rules', ['added member x']],
        ]);
    });

    it('each commit holds the changes acct diff gives between its parent and it', () => {
        for (const commit of history().slice(1)) {
            const diff = runCli(['diff', '--format', 'json', '--from', `${commit.commit}~1`, '--to', commit.commit], { cwd: repo.dir });
            expect(diff.status).toBe(0);
            expect(commit.changes).toEqual((JSON.parse(diff.stdout) as { changes: Change[] }).changes);
        }
    });

    it('a folder given as PATH uses the .acctignore files inside it, not those above it; a file named is always read', () => {
        expect(summary(history('sub'))).toEqual([['sub holds its own rules', ['added member x']]]);
        expect(summary(history('sub/y.acct'))).toEqual([['sub holds its own rules', ['added member y']]]);
        expect(summary(history('a.acct', 'b.acct')).map(([message]) => message)).toEqual([
            'a and b, b ignored',
            'only the ignored b changes',
            'a taken out, b changed',
            'a changed while ignored',
        ]);
    });

    it('--since a revision starts from the workspace of that commit, its .acctignore applied', () => {
        const all = history();
        expect(summary(history('--since', all[1]!.commit))).toEqual(summary(all.slice(2)));
    });
});
