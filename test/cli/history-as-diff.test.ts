/**
 * A commit's findings in `acct history` are those of `acct diff` between its parent and it
 * (contract 7.6), file and line included — also when the same finding stands in a file the
 * commit did not touch (acct diff pairs alike findings by their place in the whole plan), and
 * when such a file holds a syntax error (a finding of the declaration is unchecked, not resolved).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { scriptedRepo } from '../support/git-repo.js';

interface FindingLists {
    newFindings: unknown[];
    resolvedFindings: unknown[];
    changedFindings: unknown[];
    unchecked?: number;
}

/** The last commit's findings by `acct history`, and by `acct diff` of its parent and it, both checked on the commit's date. */
function historyAndDiff(dir: string, date: string): { history: FindingLists; diff: FindingLists & { unchecked: number } } {
    const history = runCli(['history', '--format', 'json', '--today', date], { cwd: dir });
    expect(history.stderr).toBe('');
    const commits = (JSON.parse(history.stdout) as { commits: FindingLists[] }).commits;
    const diff = runCli(['diff', '--format', 'json', '--today', date, '--from', 'HEAD~1', '--to', 'HEAD'], { cwd: dir });
    expect(diff.stderr).toBe('');
    // history's JSON has no `unchecked` (contract 7.6's shape): an unchecked finding is in neither list
    const lists = ({ newFindings, resolvedFindings, changedFindings }: FindingLists) => ({ newFindings, resolvedFindings, changedFindings });
    const diffJson = JSON.parse(diff.stdout) as FindingLists;
    return { history: lists(commits.at(-1)!), diff: { ...lists(diffJson), unchecked: diffJson.unchecked ?? 0 } };
}

describe('acct history: each commit as acct diff of its parent and it', () => {
    it('the same finding in a file the commit did not touch: the finding resolved is the one acct diff names', () => {
        const repo = scriptedRepo();
        const customer = (reviewed: string) => `customer acme "ACME" {\n    tier value standing 3 cooperation 3${reviewed}\n}\n`;
        repo.commit('2026-03-01', 'Two plans of one customer', {
            'team.acct': 'member alice "Alice"\n',
            'a.acct': customer(''),
            'b.acct': customer(''),
        });
        repo.commit('2026-03-02', 'Tier reviewed in a.acct', { 'a.acct': customer(' reviewed 2026-02-01') });
        const { history, diff } = historyAndDiff(repo.dir, '2026-03-02');
        const { unchecked, ...lists } = diff;
        expect(lists.resolvedFindings.length).toBeGreaterThan(0);
        expect(unchecked).toBe(0);
        expect(history).toEqual(lists);
    });

    it("a syntax error in a file the commit did not touch: its declaration's findings are unchecked, as acct diff says", () => {
        const repo = scriptedRepo();
        repo.commit('2026-03-01', 'Plans', {
            'team.acct': 'member alice "Alice"\n',
            'a.acct': 'customer acme "ACME" {\n    tier value standing 3 cooperation 3\n}\n',
            'b.acct': 'customer acme "ACME" {\n    contact x "X" { support 9 9 }\n}\n',
        });
        repo.commit('2026-03-02', 'Tier reviewed', { 'a.acct': 'customer acme "ACME" {\n    tier value standing 3 cooperation 3 reviewed 2026-02-01\n}\n' });
        const { history, diff } = historyAndDiff(repo.dir, '2026-03-02');
        const { unchecked, ...lists } = diff;
        expect(unchecked).toBeGreaterThan(0);
        expect(history).toEqual(lists);
    });
});
