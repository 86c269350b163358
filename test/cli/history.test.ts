/**
 * `acct history` as a process on a scripted repository with fixed authors and dates (contract
 * 7.6): the formats, --since as a date and as a revision, --until, --subject, first-parent
 * (a merge), renamed files followed, commits that change nothing and commits before the first
 * plan left out, each commit checked with its own date, a file that stops parsing (unchecked, not
 * resolved), a binary .acct, a commit deleting every plan, a shallow clone, errors and exit
 * statuses, and nothing written to the work tree, the index or the refs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempWorkspace } from '../support/run-cli.js';
import { scriptedRepo, type ScriptedRepo } from '../support/git-repo.js';

const team = 'member alice "Alice"\nmember bob "Bob"\n';
const cmgd = (wang: string, li = 'support 1') => `customer cmgd "China Mobile" {
    tier value standing 3 cooperation 3 reviewed 2026-09-01
    contact wang "Wang Lei" { role decision-maker ${wang} }
    contact li "Li Na" { ${li} }
    opportunity core5g "5G core" {
        stage opportunity budget 1M CNY start 2027-03-01 team { ar alice sr bob fr alice }
        decision-chain { wang li }
    }
}
`;

let repo: ScriptedRepo;
const ids: Record<string, string> = {};
const history = (...args: string[]) => runCli(['history', ...args], { cwd: repo.dir });
const json = (...args: string[]) => {
    const result = history('--format', 'json', ...args);
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as { since: string | null; until: string; shallow?: string; commits: Commit[] };
};
interface Finding {
    code: string;
    severity: string;
    subject: string | null;
    message: string;
}
interface Commit {
    commit: string;
    date: string;
    author: string;
    message: string;
    changes: Array<{ kind: string; element: string; customer: string | null; id: string; field: string | null; from: unknown; to: unknown }>;
    newFindings: Finding[];
    resolvedFindings: Finding[];
    changedFindings: Array<{ from: Finding; to: Finding }>;
    counts: { error: number; warning: number; info: number };
}

beforeAll(() => {
    repo = scriptedRepo();
    ids.readme = repo.commit('2026-09-01', 'Start the account folder', { 'README.md': 'plans\n' });
    ids.first = repo.commit('2026-09-02', 'First plan for China Mobile', { 'team.acct': team, 'cmgd.acct': cmgd('support 1 last-contact 2026-09-01') });
    ids.expo = repo.commit('2026-09-10', 'Met Wang at the expo\n\nHe asked for a trial.', { 'cmgd.acct': cmgd('support 2 last-contact 2026-09-10') }, 'Bob Li');
    ids.notes = repo.commit('2026-09-11', 'Notes only', { 'README.md': 'plans and notes\n' });
    ids.empty = repo.commit('2026-09-12', 'Nothing at all');
    repo.git('mv', 'cmgd.acct', 'china-mobile.acct');
    ids.rename = repo.commit('2026-09-13', 'Rename the plan');
    ids.title = repo.commit('2026-12-20', 'Li moved to procurement', {
        'china-mobile.acct': cmgd('support 2 last-contact 2026-09-10', 'support 1 title "Procurement"'),
    });
    ids.typo = repo.commit('2026-12-21', 'Half-written edit', {
        'china-mobile.acct': cmgd('suport 2 last-contact 2026-09-10', 'support 1 title "Procurement"'),
    });
    ids.fixed = repo.commit('2026-12-21T12:00:00+08:00', 'Fix the edit', {
        'china-mobile.acct': cmgd('support 2 last-contact 2026-12-21', 'support 1 title "Procurement"'),
    });
    repo.git('checkout', '-q', '-b', 'side');
    ids.side1 = repo.commit('2026-12-22', 'Side: Li opposes', {
        'china-mobile.acct': cmgd('support 2 last-contact 2026-12-21', 'support -1 title "Procurement"'),
    });
    ids.side2 = repo.commit('2026-12-23', 'Side: Li neutral', {
        'china-mobile.acct': cmgd('support 2 last-contact 2026-12-21', 'support 0 title "Procurement"'),
    });
    repo.git('checkout', '-q', 'main');
    execFileSync('git', ['merge', '-q', '--no-ff', '-m', 'Merge the side work', 'side'], {
        cwd: repo.dir,
        env: {
            ...process.env,
            GIT_COMMITTER_DATE: '2026-12-24T10:00:00+08:00',
            GIT_AUTHOR_DATE: '2026-12-24T10:00:00+08:00',
            GIT_COMMITTER_NAME: 'Carol',
            GIT_AUTHOR_NAME: 'Carol',
        },
    });
    ids.merge = repo.git('rev-parse', 'HEAD').trim();
    ids.binary = repo.commit('2026-12-26', 'A binary file named .acct', { 'blob.acct': Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x7b, 0x00, 0x0a]) });
    ids.gone = repo.commit('2026-12-27', 'Move the plans out', { 'team.acct': null, 'china-mobile.acct': null, 'blob.acct': null });
});

describe('acct history (contract 7.6)', () => {
    it('json: the contract shape, oldest first, only commits that changed the plan', () => {
        const report = json();
        expect(Object.keys(report)).toEqual(['since', 'until', 'commits']);
        expect([report.since, report.until]).toEqual([null, 'HEAD']);
        expect(report.commits.map(c => c.commit)).toEqual([ids.first, ids.expo, ids.title, ids.typo, ids.fixed, ids.merge, ids.binary, ids.gone]);
        for (const c of report.commits) {
            expect(Object.keys(c)).toEqual(['commit', 'date', 'author', 'message', 'changes', 'newFindings', 'resolvedFindings', 'changedFindings', 'counts']);
            expect(c.commit).toMatch(/^[0-9a-f]{40}$/);
        }
        const expo = report.commits[1]!;
        expect([expo.date, expo.author, expo.message]).toEqual(['2026-09-10T02:00:00Z', 'Bob Li', 'Met Wang at the expo']);
        expect(expo.changes).toEqual(
            expect.arrayContaining([{ kind: 'changed', element: 'contact', customer: 'cmgd', id: 'wang', field: 'support', from: 1, to: 2 }]),
        );
    });

    it('the first commit holding a plan: every element added, every finding new; counts are its own findings', () => {
        const [first] = json().commits;
        expect(first!.changes.every(c => c.kind === 'added')).toBe(true);
        expect(first!.changes.map(c => `${c.element} ${c.id}`)).toEqual(['member alice', 'member bob', 'customer cmgd']);
        expect(first!.resolvedFindings).toEqual([]);
        const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
        for (const f of first!.newFindings) counts[f.severity]!++;
        expect(first!.counts).toEqual(counts);
    });

    it('each commit is checked with its own committer date as today, unless --today is given', () => {
        const title = json().commits.find(c => c.commit === ids.title)!;
        // wang was last contacted 2026-09-10: on 2026-12-20 that is 101 days, more than the 90 of the policy
        expect(title.newFindings.map(f => `${f.code} ${f.subject}`)).toContain('stale-contact contact:cmgd/wang');
        const fixed = json('--today', '2026-09-15').commits.find(c => c.commit === ids.title)!;
        expect(fixed.newFindings.map(f => f.code)).not.toContain('stale-contact');
    });

    it('a file that stops parsing: its findings are unchecked there, not resolved', () => {
        const typo = json().commits.find(c => c.commit === ids.typo)!;
        expect(typo.newFindings.map(f => f.code)).toContain('syntax');
        expect(typo.resolvedFindings.filter(f => f.subject?.startsWith('contact:cmgd/wang'))).toEqual([]);
        expect(history().stdout).toMatch(/Half-written edit\n(.*\n)* {2}\d+ findings? could not be re-checked until the syntax errors are fixed\./);
    });

    it("first-parent: a merge is one commit with the changes of its branch; the branch's own commits are not listed", () => {
        const report = json();
        expect(report.commits.map(c => c.commit)).not.toContain(ids.side1);
        const merge = report.commits.find(c => c.commit === ids.merge)!;
        expect([merge.author, merge.message]).toEqual(['Carol', 'Merge the side work']);
        expect(merge.changes.map(c => `${c.id} ${c.field} ${JSON.stringify(c.from)}→${JSON.stringify(c.to)}`)).toEqual([
            'li support 1→0', // never -1: the side branch's first commit is not a step of this history
            'core5g decisionChain [{"contact":"wang","role":"decision-maker","support":2,"group":null},{"contact":"li","role":null,"support":1,"group":null}]' +
                '→[{"contact":"wang","role":"decision-maker","support":2,"group":null},{"contact":"li","role":null,"support":0,"group":null}]',
        ]);
    });

    it('a binary file named .acct does not parse: findings, no crash; a commit deleting every plan removes everything', () => {
        const report = json();
        const binary = report.commits.find(c => c.commit === ids.binary)!;
        expect(binary.newFindings.some(f => f.code === 'syntax' && f.severity === 'error')).toBe(true);
        const gone = report.commits.at(-1)!;
        expect(gone.commit).toBe(ids.gone);
        expect(gone.changes.every(c => c.kind === 'removed')).toBe(true);
        expect(gone.changes.map(c => c.id)).toEqual(['alice', 'bob', 'cmgd']);
        expect(gone.counts).toEqual({ error: 0, warning: 0, info: 0 });
    });

    it('--since a date keeps the commits on or after it; --since a revision the commits after it; --until stops earlier', () => {
        expect(json('--since', '2026-12-20').commits.map(c => c.commit)).toEqual([ids.title, ids.typo, ids.fixed, ids.merge, ids.binary, ids.gone]);
        expect(json('--since', '2026-12-20').since).toBe('2026-12-20');
        // after the expo commit: its own commit is not listed; the next change is compared with it
        const after = json('--since', ids.expo!);
        expect(after.commits[0]!.commit).toBe(ids.title);
        expect(after.commits[0]!.changes).toEqual([
            { kind: 'changed', element: 'contact', customer: 'cmgd', id: 'li', field: 'title', from: null, to: 'Procurement' },
        ]);
        const until = json('--until', ids.rename!);
        expect(until.until).toBe(ids.rename);
        expect(until.commits.map(c => c.commit)).toEqual([ids.first, ids.expo]);
        expect(json('--since', 'HEAD').commits).toEqual([]);
    });

    it('--subject keeps the changes and findings of KEY and what lies inside it', () => {
        const wang = json('--subject', 'cmgd/wang').commits;
        for (const c of wang) {
            for (const change of c.changes) expect([change.customer, change.id]).toEqual(['cmgd', 'wang']);
            for (const f of [...c.newFindings, ...c.resolvedFindings]) expect(f.subject).toBe('contact:cmgd/wang');
        }
        expect(wang.map(c => c.commit)).toContain(ids.expo);
        expect(wang.map(c => c.commit)).not.toContain(ids.merge);
        expect(json('--subject', 'contact:cmgd/wang').commits).toEqual(wang);
        const customer = json('--subject', 'cmgd').commits;
        expect(customer.map(c => c.commit)).toContain(ids.merge);
        expect(customer[0]!.changes.map(c => c.id)).toEqual(['cmgd']);
        expect(json('--subject', 'member:bob').commits.map(c => c.commit)).toEqual([ids.first, ids.gone]);
        const bad = history('--subject', 'a/b/c');
        expect(bad.status).toBe(2);
        expect(bad.stderr).toBe("acct: 'a/b/c' is not a subject: write CUSTOMER, CUSTOMER/ID or a key such as contact:cmgd/wang.\n");
    });

    it('text reads like a story; markdown per commit; csv one row per change', () => {
        const text = history().stdout;
        expect(text).toContain(`2026-09-10  ${ids.expo!.slice(0, 7)}  Bob Li  Met Wang at the expo\n  cmgd/wang: support 1 → 2\n`);
        expect(text).toMatch(/^\s+\+ warning stale-contact: /m);
        expect(text.trimEnd().split('\n').at(-1)).toBe('8 commits changed the plan.');
        const markdown = history('--format', 'markdown').stdout;
        expect(markdown).toMatch(/^### Account plan history\n/);
        expect(markdown).toContain(`#### 2026-09-10 \`${ids.expo!.slice(0, 7)}\` Bob Li — Met Wang at the expo\n\n- cmgd/wang: support 1 → 2\n`);
        const csv = history('--format', 'csv').stdout.split('\r\n');
        expect(csv[0]).toBe('commit,date,author,customer,element,id,field,from,to');
        expect(csv).toContain(`${ids.expo},2026-09-10T02:00:00Z,Bob Li,cmgd,contact,wang,support,1,2`);
        expect(csv).toContain(`${ids.first},2026-09-02T02:00:00Z,Alice Chen,,member,alice,,null,null`);
        const zh = runCli(['history', '--lang', 'zh-CN'], { cwd: repo.dir }).stdout;
        expect(zh.trimEnd().split('\n').at(-1)).toBe('共 8 个提交改变了计划。');
    });

    it('a PATH limits the workspace', () => {
        const report = json('team.acct');
        expect(report.commits.map(c => c.commit)).toEqual([ids.first, ids.gone]);
    });

    it('errors: outside a work tree, an unknown revision, a revision beginning with -, a bad date, no git: exit 2, one line', () => {
        const unknown = history('--since', 'no-such-branch');
        expect([unknown.status, unknown.stderr]).toEqual([
            2,
            "acct: unknown revision 'no-such-branch': give a commit, a branch or a tag (git log shows them).\n",
        ]);
        const dash = history('--until', '--output=/tmp/x');
        expect(dash.status).toBe(2);
        expect(dash.stderr.trim().split('\n')).toHaveLength(1);
        const date = history('--since', '2026-02-30');
        expect([date.status, date.stderr]).toEqual([2, "acct: '2026-02-30' is not a date: write --since as YYYY-MM-DD, or give a revision.\n"]);
        const outside = tempWorkspace({ 'a.acct': 'member a "A"\n' });
        const away = runCli(['history'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
        expect(away.status).toBe(2);
        expect(away.stderr).toMatch(/^acct: .* is not in a git work tree/);
        const noGit = runCli(['history'], { cwd: repo.dir, env: { PATH: '/nonexistent' } });
        expect(noGit.status).toBe(2);
        expect(noGit.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('reading the history changes neither the work tree, nor the index, nor any ref', () => {
        const state = () => [
            repo.git('status', '--porcelain'),
            readFileSync(path.join(repo.dir, '.git/index')).toString('base64'),
            repo.git('for-each-ref'),
            repo.git('rev-parse', 'HEAD'),
            repo.git('stash', 'list'),
        ];
        const before = state();
        for (const format of ['text', 'json', 'csv', 'markdown']) expect(history('--format', format).status).toBe(0);
        expect(state()).toEqual(before);
    });

    it('a shallow clone: the history starts at the shallow boundary and the output says so', () => {
        const clone = tempWorkspace({});
        rmSync(clone, { recursive: true, force: true });
        execFileSync('git', ['clone', '-q', '--depth', '3', `file://${repo.dir}`, clone]);
        const result = runCli(['history', '--format', 'json'], { cwd: clone });
        expect(result.status).toBe(0);
        const report = JSON.parse(result.stdout);
        expect(report.shallow).toMatch(/^[0-9a-f]{40}$/);
        // the boundary commit holds the plan: everything in it is added there
        expect(report.commits[0].changes.every((c: { kind: string }) => c.kind === 'added')).toBe(true);
        const text = runCli(['history'], { cwd: clone }).stdout;
        expect(text).toMatch(/^This is a shallow clone: the history starts at [0-9a-f]{7}, the shallow boundary/);
    });
});
