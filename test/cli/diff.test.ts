/**
 * `acct diff` as a process in a temporary git repository (contract 6.5): every kind of change,
 * a renamed file, a file that stops parsing, --fail-on-new, the formats, bad input, and the
 * work tree and index left untouched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempWorkspace } from '../support/run-cli.js';

const team1 = 'member alice "Alice"\nmember bob "Bob"\ncompetitor nokia "Nokia"\n';
const team2 = 'member alice "Alice Chen"\nmember carol "Carol"\ncompetitor zte "ZTE"\n';
const cmgd1 = `customer cmgd "China Mobile" {
    tier value standing 3 cooperation 3 reviewed 2026-10-01
    contact wang "Wang Lei" { role decision-maker support 2 last-contact 2026-11-01 }
    contact li "Li Na" { support 1 }
    opportunity core5g "5G core" {
        stage opportunity budget 1M CNY start 2027-01-01 team { ar alice sr bob fr alice }
        decision-chain { wang }
    }
    activity visit "Visit" { kind visit date 2026-12-01 with wang status planned }
}
customer gone "Gone" { tier value standing 3 cooperation 3 reviewed 2026-10-01 }
`;
const cmgd2 = `customer cmgd "China Mobile" {
    tier core standing 3 cooperation 3 reviewed 2026-10-01
    contact wang "Wang Lei" { role decision-maker support 0 last-contact 2026-11-01 }
    contact zhao "Zhao Min" { support 1 }
    opportunity core5g "5G core" {
        stage bid start 2027-01-01 team { ar alice sr carol fr alice }
        decision-chain { wang }
    }
    activity visit "Visit" { kind visit date 2026-12-01 with wang status planned }
}
customer fresh "Fresh" { tier value standing 3 cooperation 3 reviewed 2026-10-01 }
`;

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
const diff = (...args: string[]) => runCli(['diff', '--today', '2026-11-22', ...args], { cwd: repo });

beforeAll(() => {
    repo = tempWorkspace({ 'team.acct': team1, 'plans/cmgd.acct': cmgd1, 'plans/other.acct': 'customer other "Other" { }\n', 'README.txt': 'not a plan\n' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'Test');
    git('add', '-A');
    git('commit', '-qm', 'first');
    writeFileSync(path.join(repo, 'team.acct'), team2);
    writeFileSync(path.join(repo, 'plans/cmgd.acct'), cmgd2);
    git('mv', 'plans/other.acct', 'other-moved.acct');
    git('commit', '-qam', 'second');
});

describe('acct diff between two revisions', () => {
    it('json: every kind of change, in the contract shape', () => {
        const result = diff('--from', 'HEAD~1', '--to', 'HEAD', '--format', 'json');
        expect(result.status).toBe(0);
        const report = JSON.parse(result.stdout);
        expect(Object.keys(report)).toEqual(['from', 'to', 'changes', 'newFindings', 'resolvedFindings', 'changedFindings', 'unchecked']);
        expect([report.from, report.to]).toEqual(['HEAD~1', 'HEAD']);
        const lines = (report.changes as Array<Record<string, unknown>>).map(c => [c.kind, c.element, c.customer, c.id, c.field, c.from, c.to]);
        expect(lines).toEqual(
            expect.arrayContaining([
                ['changed', 'member', null, 'alice', 'name', 'Alice', 'Alice Chen'],
                ['added', 'member', null, 'carol', null, null, null],
                ['removed', 'member', null, 'bob', null, null, null],
                ['added', 'competitor', null, 'zte', null, null, null],
                ['removed', 'competitor', null, 'nokia', null, null, null],
                ['changed', 'customer', 'cmgd', 'cmgd', 'tier', 'value', 'core'],
                ['changed', 'contact', 'cmgd', 'wang', 'support', 2, 0],
                ['added', 'contact', 'cmgd', 'zhao', null, null, null],
                ['removed', 'contact', 'cmgd', 'li', null, null, null],
                ['changed', 'opportunity', 'cmgd', 'core5g', 'stage', 'opportunity', 'bid'],
                ['changed', 'opportunity', 'cmgd', 'core5g', 'budget', { value: 1000000, currency: 'CNY' }, null],
                ['changed', 'opportunity', 'cmgd', 'core5g', 'qualified', true, false],
                ['changed', 'opportunity', 'cmgd', 'core5g', 'maturity', 'qualified', 'preliminary'],
                ['changed', 'opportunity', 'cmgd', 'core5g', 'team', { ar: 'alice', sr: 'bob', fr: 'alice' }, { ar: 'alice', sr: 'carol', fr: 'alice' }],
                ['added', 'customer', 'fresh', 'fresh', null, null, null],
                ['removed', 'customer', 'gone', 'gone', null, null, null],
            ]),
        );
        // the customer's lists are not fields, and nothing unchanged is reported (the activity, the moved file's customer)
        expect(lines.filter(l => l[4] === 'contacts' || l[4] === 'activities' || l[3] === 'visit' || l[3] === 'other')).toEqual([]);
        expect(lines.filter(l => l[4] === 'suggestedTier')).toEqual([]);
    });

    it('findings are matched by file, code and message: a renamed file is the same plan', () => {
        const report = JSON.parse(diff('--from', 'HEAD~1', '--to', 'HEAD', '--format', 'json').stdout);
        const codes = (list: Array<{ code: string; file: string }>) => list.map(d => `${d.file} ${d.code}`).sort();
        // wang's support 0 also leaves only zhao supporting: single-threaded; core5g is now a bid
        // without a value proposition (contract 1.2)
        expect(codes(report.newFindings)).toEqual([
            'plans/cmgd.acct no-value-proposition',
            'plans/cmgd.acct single-threaded',
            'plans/cmgd.acct tier-mismatch',
            'plans/cmgd.acct unqualified-opportunity',
        ]);
        expect(codes(report.resolvedFindings)).toEqual([]);
        expect(Object.keys(report.newFindings[0])).toEqual(['file', 'line', 'column', 'severity', 'code', 'message', 'subject']);
    });

    it('text reads like a review; markdown is a pull-request comment', () => {
        const text = diff('--from', 'HEAD~1', '--to', 'HEAD').stdout;
        expect(text).toContain('cmgd/wang: support 2 → 0\n');
        expect(text).toContain('cmgd/core5g: stage opportunity → bid\n');
        expect(text).toContain('cmgd/zhao: contact added\n');
        expect(text).toMatch(/^\+ warning unqualified-opportunity: Opportunity 'core5g' has no confirmed budget/m);
        expect(text.trimEnd().split('\n').at(-1)).toBe('17 changes from HEAD~1 to HEAD: 4 new findings (0 errors, 3 warnings, 1 info), 0 resolved.');
        const markdown = diff('--from', 'HEAD~1', '--to', 'HEAD', '--format', 'markdown').stdout;
        expect(markdown).toMatch(/^### Account plan changes\n\n17 changes from HEAD~1 to HEAD/);
        expect(markdown).toContain('#### Customer `cmgd`\n\n| element | change |\n|---|---|\n');
        expect(markdown).toContain('| cmgd/wang | support 2 → 0 |');
        expect(markdown).toMatch(/#### New findings\n\n- \*\*warning\*\* `single-threaded`/);
    });

    it("in Chinese (--lang zh-CN): the report's headings, summary and change words; field names and codes as in English", () => {
        const markdown = diff('--lang', 'zh-CN', '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'markdown').stdout;
        expect(markdown).toMatch(/^### 客户计划变化\n\n从 HEAD~1 到 HEAD 共 17 处变化：新增 \d+ 个问题/);
        expect(markdown).toContain('#### 客户 `cmgd`\n\n| 元素 | 变化 |\n|---|---|\n');
        expect(markdown).toContain('| cmgd/wang | support 2 → 0 |');
        expect(markdown).toContain('| cmgd/zhao | 新增联系人 |');
        expect(markdown).toMatch(/#### 新增问题\n\n- \*\*warning\*\* `single-threaded` 客户“cmgd”有进行中的机会点/);
        const unknown = diff('--lang', 'zh-CN', '--from', 'no-such-branch');
        expect(unknown.stderr).toBe('acct: 未知的版本“no-such-branch”：请给出提交、分支或标签（git log 可以列出它们）。\n');
    });

    it('--fail-on-new: exit 1 when a new finding has that severity or worse', () => {
        expect(diff('--from', 'HEAD~1', '--to', 'HEAD', '--fail-on-new', 'warning').status).toBe(1);
        expect(diff('--from', 'HEAD~1', '--to', 'HEAD', '--fail-on-new', 'error').status).toBe(0);
        expect(diff('--from', 'HEAD~1', '--to', 'HEAD', '--fail-on-new', 'info').status).toBe(2);
    });
});

describe('acct diff against the files on disk', () => {
    it('a file that stops parsing gives its errors, not a crash; work tree and index are untouched', () => {
        const file = path.join(repo, 'plans/cmgd.acct');
        const status = git('status', '--porcelain');
        const index = readFileSync(path.join(repo, '.git/index'));
        writeFileSync(file, cmgd2.replace('contact zhao "Zhao Min" { support 1 }', 'contcat zhao "Zhao Min" { support 1 }'));
        try {
            const result = diff('--format', 'json', '--fail-on-new', 'error');
            expect(result.status).toBe(1);
            const report = JSON.parse(result.stdout);
            expect(report.to).toBeNull();
            expect(report.newFindings.map((d: { code: string; severity: string }) => `${d.severity} ${d.code}`)).toContain('error syntax');
            expect(git('status', '--porcelain')).toBe(status.replace(/^$/, '') + ' M plans/cmgd.acct\n');
            expect(readFileSync(path.join(repo, '.git/index'))).toEqual(index);
        } finally {
            writeFileSync(file, cmgd2);
        }
        expect(git('status', '--porcelain')).toBe(status);
    });

    it('a plan deleted on disk is removed; the default is HEAD against the disk', () => {
        const file = path.join(repo, 'other-moved.acct');
        renameSync(file, file + '.bak');
        try {
            const report = JSON.parse(diff('--format', 'json').stdout);
            expect(report.from).toBe('HEAD');
            expect(report.changes).toEqual([{ kind: 'removed', element: 'customer', customer: 'other', id: 'other', field: null, from: null, to: null }]);
        } finally {
            renameSync(file + '.bak', file);
        }
        expect(JSON.parse(diff('--format', 'json').stdout).changes).toEqual([]);
    });
});

describe('acct diff: bad input', () => {
    it('an unknown revision, outside a git work tree, exit 2 with one line', () => {
        const unknown = diff('--from', 'no-such-branch');
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toBe("acct: unknown revision 'no-such-branch': give a commit, a branch or a tag (git log shows them).\n");
        const outside = tempWorkspace({ 'a.acct': 'member a "A"\n' });
        rmSync(path.join(outside, '.git'), { recursive: true, force: true });
        const result = runCli(['diff'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^acct: .* is not in a git work tree/);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('a path on neither side is a mistake, exit 2 (a revision given as a path says to write --from)', () => {
        const revision = diff('HEAD~1');
        expect(revision.status).toBe(2);
        expect(revision.stderr).toBe("acct: HEAD~1: no such file or folder; 'HEAD~1' is a revision: write --from HEAD~1 to compare with it.\n");
        expect(revision.stdout).toBe('');
        const missing = diff('plans/nosuch.acct');
        expect(missing.status).toBe(2);
        expect(missing.stderr).toBe('acct: plans/nosuch.acct: no such file or folder, on disk or at HEAD. Check the path.\n');
        const between = diff('--from', 'HEAD~1', '--to', 'HEAD', 'nosuch');
        expect(between.status).toBe(2);
        expect(between.stderr).toBe('acct: nosuch: no such file or folder at HEAD~1 or at HEAD. Check the path.\n');
        // a plan that exists on one side only is a change, not a mistake: moved away since HEAD~1
        const moved = diff('--from', 'HEAD~1', '--format', 'json', 'plans/other.acct');
        expect(moved.status).toBe(0);
        expect(JSON.parse(moved.stdout).changes).toEqual([
            { kind: 'removed', element: 'customer', customer: 'other', id: 'other', field: null, from: null, to: null },
        ]);
    });

    it('without git on the PATH: exit 2 with one line', () => {
        const result = runCli(['diff'], { cwd: repo, env: { PATH: '/nonexistent' } });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('acct: git is not installed (or not on the PATH): acct diff, history and report --since read revisions through git.\n');
    });
});

describe('acct diff in a hostile repository: nothing of the repository runs, any name is read', () => {
    let hostile: string;
    let marker: string;
    const inHostile = (...args: string[]) => execFileSync('git', args, { cwd: hostile, encoding: 'utf8' });

    beforeAll(() => {
        hostile = tempWorkspace({
            'team.acct': team1,
            'odd\nname.acct': 'customer odd "Odd" { tier value }\n',
            '.gitattributes': '*.acct filter=evil diff=evil\n',
        });
        marker = path.join(hostile, '..', `${path.basename(hostile)}-ran`);
        const script = path.join(hostile, '..', `${path.basename(hostile)}-evil.sh`);
        writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat\n`, { mode: 0o755 });
        inHostile('init', '-q');
        inHostile('config', 'user.email', 'test@example.com');
        inHostile('config', 'user.name', 'Test');
        inHostile('add', '-A');
        inHostile('commit', '-qm', 'first');
        // set after the commit: only acct's own git calls could run them now
        for (const [key, value] of [
            ['core.fsmonitor', script],
            ['filter.evil.clean', script],
            ['filter.evil.smudge', script],
            ['filter.evil.process', script],
            ['diff.evil.textconv', script],
            ['diff.evil.command', script],
            ['diff.external', script],
            ['core.pager', script],
            ['log.showSignature', 'true'],
            ['gpg.program', script],
        ]) {
            inHostile('config', key!, value!);
        }
        writeFileSync(path.join(hostile, 'team.acct'), team2);
        rmSync(marker, { force: true });
    });

    it('core.fsmonitor, filters, textconv, external diff, pager and signature programs set by the repository never run', () => {
        const result = runCli(['diff', '--today', '2026-11-22', '--format', 'json'], { cwd: hostile });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(JSON.parse(result.stdout).changes.length).toBeGreaterThan(0);
        const also = runCli(['diff', '--today', '2026-11-22', '--from', 'HEAD', '--to', 'HEAD'], { cwd: hostile });
        expect(also.status).toBe(0);
        expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
    });

    it('a committed plan with a line break in its name is read, and the others with it', () => {
        const result = runCli(['diff', '--today', '2026-11-22', '--from', 'HEAD', '--to', 'HEAD', '--format', 'json'], { cwd: hostile });
        expect(result.status).toBe(0);
        expect(JSON.parse(result.stdout).changes).toEqual([]);
        writeFileSync(path.join(hostile, 'odd\nname.acct'), 'customer odd "Odd" { tier core }\n');
        const changed = runCli(['diff', '--today', '2026-11-22', '--format', 'json', 'odd\nname.acct'], { cwd: hostile });
        expect(changed.status).toBe(0);
        expect(JSON.parse(changed.stdout).changes).toContainEqual(
            expect.objectContaining({ element: 'customer', customer: 'odd', field: 'tier', from: 'value', to: 'core' }),
        );
        writeFileSync(path.join(hostile, 'odd\nname.acct'), 'customer odd "Odd" { tier value }\n');
    });

    it('a path outside the work tree or a pathspec magic is a usage error, exit 2, never an internal error', () => {
        const outside = runCli(['diff', '--today', '2026-11-22', '/tmp'], { cwd: hostile });
        expect(outside.status).toBe(2);
        expect(outside.stderr).toMatch(/^acct: \/tmp is outside the git work tree .*: give a file or folder inside it\.\n$/);
        const magic = runCli(['diff', '--today', '2026-11-22', ':(glob)**'], { cwd: hostile });
        expect(magic.status).toBe(2);
        expect(magic.stderr).toBe('acct: :(glob)**: no such file or folder, on disk or at HEAD. Check the path.\n');
        for (const result of [outside, magic]) expect(result.stderr).not.toMatch(/internal error|fatal|report it/i);
    });
});
