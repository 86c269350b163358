/**
 * The example history (examples/history/build-history.mjs): a dozen versions of the Huaxia Grid
 * plan with fixed authors and dates. `acct history --subject` tells how Sun, the approver, was
 * won, lost to ZTE and regained; `acct sandbox --stage-age` says since when the deal is at bid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { projectRoot, runCli, tempWorkspace } from '../support/run-cli.js';
import { StageAges, stageDays } from '../../server/src/contract/stage-age.js';

let repo: string;
beforeAll(() => {
    repo = path.join(tempWorkspace({}), 'history');
    execFileSync(process.execPath, [path.join(projectRoot, 'examples/history/build-history.mjs'), repo]);
});

describe('the example history', () => {
    it('is the same repository on every machine: fixed authors, dates and so commit ids', () => {
        const log = execFileSync('git', ['log', '--format=%ad %an %s', '--date=short', '--reverse'], { cwd: repo, encoding: 'utf8' }).trim().split('\n');
        expect(log).toHaveLength(12);
        expect(log[0]).toBe('2026-06-02 David Sun Plan for the substation IoT lead');
        const again = path.join(tempWorkspace({}), 'again');
        execFileSync(process.execPath, [path.join(projectRoot, 'examples/history/build-history.mjs'), again]);
        const head = (dir: string) => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' });
        expect(head(again)).toBe(head(repo));
    });

    it('acct history --subject hxgrid/sun: won, lost to ZTE, regained', () => {
        const result = runCli(['history', '--subject', 'hxgrid/sun', '--format', 'json'], { cwd: repo });
        expect(result.status).toBe(0);
        const support = (JSON.parse(result.stdout).commits as Array<{ changes: Array<{ field: string; from: unknown; to: unknown }> }>).flatMap(c =>
            c.changes.filter(x => x.field === 'support').map(x => x.to),
        );
        expect(support).toEqual([1, 0, -1, 0, 1, 2]);
        const text = runCli(['history', '--subject', 'hxgrid/sun'], { cwd: repo }).stdout;
        expect(text).toMatch(
            /^2026-09-05 {2}[0-9a-f]{7} {2}David Sun {2}ZTE hosted Sun at their Shenzhen campus\n {2}hxgrid\/sun: support 1 → 0\n {2}hxgrid\/sun: competitorSupport: \+ zte \(support 2\)\n/m,
        );
    });

    it('acct sandbox --stage-age: since when each open deal is at its stage', () => {
        const rows = JSON.parse(runCli(['sandbox', '--stage-age', '--today', '2026-12-01', '--format', 'json'], { cwd: repo }).stdout);
        expect(
            rows.map((r: { opportunity: string; stage: string; stageSince: string; stageDays: number }) => [r.opportunity, r.stage, r.stageSince, r.stageDays]),
        ).toEqual([['substation', 'bid', '2026-11-20', 11]]);
        expect(runCli(['sandbox', '--stage-age', '--today', '2026-12-01'], { cwd: repo }).stdout).toContain(' bid    2026-11-20, 11 days ');
        // without the option the rows keep the contract's keys
        const plain = JSON.parse(runCli(['sandbox', '--today', '2026-12-01', '--format', 'json'], { cwd: repo }).stdout);
        expect(Object.keys(plain[0])).not.toContain('stageSince');
    });
});

describe('StageAges', () => {
    const plan = (stage: string | null) => ({ customers: [{ id: 'c', opportunities: stage ? [{ id: 'o', stage }] : [] }] }) as never;
    it('keeps the first date of the unbroken run at the current stage; a stage left and taken again starts again', () => {
        const ages = new StageAges();
        ages.add(plan('lead'), '2026-01-01T00:00:00Z');
        ages.add(plan('bid'), '2026-02-01T00:00:00Z');
        ages.add(plan('bid'), '2026-03-01T00:00:00Z');
        expect(ages.of('opportunity:c/o', 'bid')).toEqual({ stage: 'bid', since: '2026-02-01' });
        expect(ages.of('opportunity:c/o', 'lead')).toBeUndefined(); // the stage on disk is not the one committed
        ages.add(plan(null), '2026-04-01T00:00:00Z');
        ages.add(plan('bid'), '2026-05-01T00:00:00Z');
        expect(ages.of('opportunity:c/o', 'bid')!.since).toBe('2026-05-01');
        expect(stageDays({ stage: 'bid', since: '2026-05-01' }, '2026-05-31')).toBe(30);
    });
});
