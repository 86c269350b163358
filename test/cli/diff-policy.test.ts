/**
 * `acct diff` between revisions gives what the checks of the two revisions differ by, however each
 * side is built (both parsed into the CLI's lean syntax tree, the changed files parsed again in
 * full): a policy of the later revision that turns on a check that is off by default gives the
 * unchanged plan's findings of that check as new findings, and an edited plan's new, resolved and
 * changed findings are those that `acct check` of each revision tells apart.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { scriptedRepo, type ScriptedRepo } from '../support/git-repo.js';

const team = 'member alice "Alice"\nmember bob "Bob"\n';
const plan = (support: number) => `customer cmgd "China Mobile" {
    tier value standing 3 cooperation 3 reviewed 2026-10-01
    contact wang "Wang Lei" { role decision-maker support ${support} last-contact 2026-11-01 }
    contact li "Li Na" { role evaluator support 1 last-contact 2026-11-01 owner bob }
    opportunity core5g "5G core" {
        stage opportunity budget 1M CNY start 2027-01-01 team { ar alice sr bob fr alice }
        decision-chain { wang li }
    }
}
`;

let repo: ScriptedRepo;
const diff = (from: string, to: string) =>
    JSON.parse(runCli(['diff', '--today', '2026-11-22', '--from', from, '--to', to, '--format', 'json'], { cwd: repo.dir }).stdout);

beforeAll(() => {
    repo = scriptedRepo();
    repo.commit('2026-11-01', 'first', { 'team.acct': team, 'cmgd.acct': plan(2) }); // HEAD~2
    // a file of its own: the plan refers to nothing in it, so nothing but the policy makes it checked again
    repo.commit('2026-11-02', 'owners wanted', { 'policy.acct': 'policy { severity uncovered-key-person warning }\n' }); // HEAD~1
    repo.commit('2026-11-03', 'wang turns against us', { 'cmgd.acct': plan(-2) }); // HEAD
});

describe('acct diff: each side checked in full', () => {
    it("a check the later policy turns on finds the unchanged plan's entries: new findings", () => {
        const report = diff('HEAD~2', 'HEAD~1');
        expect(report.newFindings.map((f: { code: string; subject: string }) => [f.code, f.subject])).toEqual([
            ['uncovered-key-person', 'opportunity:cmgd/core5g'],
        ]);
        expect(report.resolvedFindings).toEqual([]);
    });

    it('a plan edited between the revisions: what is new and resolved is what the checks of the two revisions differ by', () => {
        type Finding = { code: string; message: string };
        const report = diff('HEAD~1', 'HEAD');
        const check = () => JSON.parse(runCli(['check', '.', '--today', '2026-11-22', '--format', 'json'], { cwd: repo.dir }).stdout) as Finding[];
        const key = (f: Finding) => `${f.code} ${f.message}`;
        const now = new Set(check().map(key));
        repo.git('checkout', '-q', 'HEAD~1');
        const then = new Set(check().map(key));
        repo.git('checkout', '-q', '-');
        const changed = report.changedFindings as { from: Finding; to: Finding }[];
        expect([...report.newFindings, ...changed.map(c => c.to)].map(key).sort()).toEqual([...now].filter(k => !then.has(k)).sort());
        expect([...report.resolvedFindings, ...changed.map(c => c.from)].map(key).sort()).toEqual([...then].filter(k => !now.has(k)).sort());
        expect(report.newFindings.length + changed.length).toBeGreaterThan(0);
    });
});

describe('acct diff: a check the policy turns off is not run, on either side', () => {
    let turned: ScriptedRepo;
    const findings = (from: string, to: string) =>
        JSON.parse(runCli(['diff', '--today', '2026-11-22', '--from', from, '--to', to, '--format', 'json'], { cwd: turned.dir }).stdout) as {
            newFindings: { code: string; subject: string }[];
            resolvedFindings: { code: string; subject: string }[];
        };
    const pairs = (list: { code: string; subject: string }[]) => list.map(f => [f.code, f.subject]);

    beforeAll(() => {
        turned = scriptedRepo();
        const policy = 'policy { severity uncovered-key-person warning }\n';
        turned.commit('2026-11-01', 'first', { 'team.acct': team, 'cmgd.acct': plan(2), 'policy.acct': policy }); // HEAD~2
        turned.commit('2026-11-02', 'owners no longer asked for', { 'policy.acct': '// no policy\n' }); // HEAD~1
        turned.commit('2026-11-03', 'asked again, in the same words', { 'policy.acct': policy }); // HEAD
    });

    it("a check the later policy turns off: the unchanged plan's findings of it are resolved", () => {
        const report = findings('HEAD~2', 'HEAD~1');
        expect(pairs(report.resolvedFindings)).toEqual([['uncovered-key-person', 'opportunity:cmgd/core5g']]);
        expect(report.newFindings).toEqual([]);
    });

    it('turned on again: new again; the same policy at both ends: nothing', () => {
        expect(pairs(findings('HEAD~1', 'HEAD').newFindings)).toEqual([['uncovered-key-person', 'opportunity:cmgd/core5g']]);
        const same = findings('HEAD~2', 'HEAD');
        expect([...same.newFindings, ...same.resolvedFindings]).toEqual([]);
    });
});
