/**
 * Contract 7.4 through `acct diff` as a process: findings keep their identity by subject, code
 * and message (a renamed file changes nothing), a finding whose message or severity changes is
 * one changed finding (text `~`, markdown "Changed findings", `--fail-on-new` when it got worse),
 * and the findings of a declaration that stops parsing are counted as unchecked, not resolved.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { scriptedRepo, type ScriptedRepo } from '../support/git-repo.js';

const team = 'member alice "Alice"\nmember bob "Bob"\n';
const plan = (lastContact: string, extra = '') => `customer cmgd "China Mobile" {
    tier value standing 3 cooperation 3 reviewed 2026-10-01
    contact wang "Wang Lei" { role decision-maker support 2 last-contact ${lastContact} }
    contact li "Li Na" { role evaluator support 1 last-contact 2026-11-01 }
    opportunity core5g "5G core" {
        stage opportunity budget 1M CNY start 2027-01-01 team { ar alice sr bob fr alice }
        decision-chain { wang li }
    }
}
${extra}`;

let repo: ScriptedRepo;
const diff = (from: string, to: string, ...args: string[]) => runCli(['diff', '--today', '2026-11-22', '--from', from, '--to', to, ...args], { cwd: repo.dir });
const json = (from: string, to: string) => JSON.parse(diff(from, to, '--format', 'json').stdout);

beforeAll(() => {
    repo = scriptedRepo();
    repo.commit('2026-11-01', 'first', { 'team.acct': team, 'cmgd.acct': plan('2026-06-01') }); // HEAD~4: wang last contacted 2026-06-01
    repo.git('mv', 'cmgd.acct', 'china-mobile.acct');
    repo.commit('2026-11-02', 'renamed'); // HEAD~3: the same plan under another name
    repo.commit('2026-11-03', 'older contact', { 'china-mobile.acct': plan('2026-05-01') }); // HEAD~2: the message of stale-contact changes
    repo.commit('2026-11-04', 'stricter', { 'team.acct': team + 'policy { severity stale-contact error }\n' }); // HEAD~1: its severity gets worse
    repo.commit('2026-11-05', 'typo', {
        'china-mobile.acct': plan('2026-05-01').replace('contact li "Li Na" { role evaluator', 'contact li "Li Na" { rol evaluator'),
    }); // HEAD
});

describe('finding identity in acct diff (contract 7.4)', () => {
    it('the keys of the report: changedFindings and unchecked', () => {
        const report = json('HEAD~4', 'HEAD~3');
        expect(Object.keys(report)).toEqual(['from', 'to', 'changes', 'newFindings', 'resolvedFindings', 'changedFindings', 'unchecked']);
    });

    it('a renamed file changes nothing: no change, no new, no resolved finding', () => {
        const report = json('HEAD~4', 'HEAD~3');
        expect(report.changes).toEqual([]);
        expect([report.newFindings, report.resolvedFindings, report.changedFindings, report.unchecked]).toEqual([[], [], [], 0]);
    });

    it('a finding whose message changes is one changed finding, not a new and a resolved one', () => {
        const report = json('HEAD~3', 'HEAD~2');
        expect(report.newFindings).toEqual([]);
        expect(report.resolvedFindings).toEqual([]);
        expect(report.changedFindings).toHaveLength(1);
        const [{ from, to }] = report.changedFindings;
        expect([from.code, from.subject, to.code, to.subject]).toEqual(['stale-contact', 'contact:cmgd/wang', 'stale-contact', 'contact:cmgd/wang']);
        expect(from.message).toContain('174 days ago');
        expect(to.message).toContain('205 days ago');
        const text = diff('HEAD~3', 'HEAD~2').stdout;
        expect(text).toMatch(/^~ warning stale-contact: Wang Lei .*205 days ago.* \(china-mobile\.acct:3:\d+\) \(was: .*174 days ago/m);
        expect(text).toContain('1 finding changed.');
        const markdown = diff('HEAD~3', 'HEAD~2', '--format', 'markdown').stdout;
        expect(markdown).toMatch(/#### Changed findings\n\n- \*\*warning\*\* `stale-contact` .*205 days ago.*\(`china-mobile\.acct:3`\) — \(was: /);
        // a message that changed is not "new": the gate stays open
        expect(diff('HEAD~3', 'HEAD~2', '--fail-on-new', 'warning').status).toBe(0);
    });

    it('a severity that gets worse is a changed finding, and --fail-on-new counts it', () => {
        const report = json('HEAD~2', 'HEAD~1');
        expect(report.newFindings).toEqual([]);
        expect(
            report.changedFindings.map(
                (c: { from: { severity: string }; to: { severity: string; code: string } }) => `${c.to.code} ${c.from.severity}→${c.to.severity}`,
            ),
        ).toEqual(['stale-contact warning→error']);
        expect(diff('HEAD~2', 'HEAD~1').stdout).toMatch(/^~ error stale-contact: .* \(was warning\)$/m);
        expect(diff('HEAD~2', 'HEAD~1', '--fail-on-new', 'error').status).toBe(1);
        // the other way round it got better: the gate stays open
        expect(diff('HEAD~1', 'HEAD~2', '--fail-on-new', 'warning').status).toBe(0);
    });

    it('findings of a declaration that stops parsing are unchecked, not resolved; the outputs say so', () => {
        const report = json('HEAD~1', 'HEAD');
        expect(report.newFindings.map((d: { code: string }) => d.code)).toContain('syntax');
        // stale-contact of wang lies in customer cmgd, which holds the syntax error now
        expect(report.resolvedFindings.filter((d: { subject: string }) => d.subject?.includes('cmgd'))).toEqual([]);
        expect(report.changedFindings).toEqual([]);
        expect(report.unchecked).toBeGreaterThanOrEqual(1);
        const text = diff('HEAD~1', 'HEAD').stdout;
        expect(text).toContain(`${report.unchecked} finding${report.unchecked === 1 ? '' : 's'} could not be re-checked until the syntax errors are fixed.`);
        const markdown = diff('HEAD~1', 'HEAD', '--format', 'markdown').stdout;
        expect(markdown).toContain('could not be re-checked until the syntax errors are fixed.');
        const zh = runCli(['diff', '--lang', 'zh-CN', '--today', '2026-11-22', '--from', 'HEAD~1', '--to', 'HEAD'], { cwd: repo.dir }).stdout;
        expect(zh).toContain('个问题在修正语法错误之前无法重新检查。');
    });
});
