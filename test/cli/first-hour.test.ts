/**
 * What a new user meets in the first hour (issue 24): one plan checked alone says where its
 * members and competitors are declared, without changing a finding; an empty folder is named as
 * given.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempWorkspace } from '../support/run-cli.js';

const team = 'member alice "Alice Chen"\nmember bob "Bob Li"\ncompetitor nokia "Nokia"\npolicy { stale-contact-days 90 }\n';
const cmgd = `customer cmgd "China Mobile Guangdong" {
    owner alice
    contact zhang "Zhang Wei" { role approver support 1 owner bob competitor-support nokia 2 }
    opportunity core5g "5G core" {
        stage lead
        competitors nokia
        team { ar alice }
    }
}
`;

describe('one plan checked alone', () => {
    const dir = tempWorkspace({ 'team.acct': team, 'plans/cmgd.acct': cmgd, 'plans/notes.acct': '// nothing declared here\n' });
    // a repository of plans: the search for declarations goes up to its top, even from a subfolder
    execFileSync('git', ['init', '-q'], { cwd: dir });

    it('says, on standard error, where the unknown members and competitors are declared; the findings stay as they are', () => {
        const alone = runCli(['check', 'plans/cmgd.acct', '--today', '2026-11-22'], { cwd: dir });
        expect(alone.status).toBe(1);
        expect(alone.stdout.match(/unresolved-reference/g)).toHaveLength(5);
        expect(alone.stderr).toBe(
            "acct: 'alice', 'bob' and 'nokia' are declared in team.acct, which was left out: members, competitors and the policy are shared by the plans of a workspace. Give them together: acct check .\n",
        );
        // from inside the folder, the paths are relative to it
        const inside = runCli(['check', 'cmgd.acct', '--today', '2026-11-22', '--format', 'json'], { cwd: path.join(dir, 'plans') });
        expect(JSON.parse(inside.stdout)).toHaveLength(5);
        expect(inside.stderr).toContain('declared in ../team.acct, which was left out');
        expect(inside.stderr).toMatch(/acct check \.\.\n$/);
        const chinese = runCli(['check', 'plans/cmgd.acct', '--lang', 'zh-CN'], { cwd: dir });
        expect(chinese.stderr).toBe(
            "acct: 'alice'、'bob'和'nokia'在 team.acct 中声明，但该文件不在本次范围内：成员、竞争对手和阈值设置（`policy`）由工作区内所有计划共用。请一并给出：acct check .\n",
        );
    });

    it('says nothing when the plans are checked together, or nothing nearby declares the unknown ids', () => {
        const together = runCli(['check', '.', '--today', '2026-11-22'], { cwd: dir });
        expect(together.status).toBe(0);
        expect(together.stderr).toBe('');
        const elsewhere = tempWorkspace({ 'cmgd.acct': cmgd, 'other.acct': 'member carol "Carol"\n' });
        const result = runCli(['check', 'cmgd.acct'], { cwd: elsewhere });
        expect(result.status).toBe(1);
        expect(result.stderr).toBe('');
        // outside a repository, the search stays under the current folder
        const outside = tempWorkspace({ 'team.acct': team, 'plans/cmgd.acct': cmgd });
        expect(runCli(['check', 'cmgd.acct'], { cwd: path.join(outside, 'plans') }).stderr).toBe('');
        expect(runCli(['check', 'plans/cmgd.acct'], { cwd: outside }).stderr).toContain('declared in team.acct');
    });

    it('acct diff of one plan says it too', () => {
        const repo = tempWorkspace({ 'team.acct': team, 'plans/cmgd.acct': cmgd });
        const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
        git('init', '-q');
        git('-c', 'user.email=t@example.com', '-c', 'user.name=T', 'commit', '-q', '--allow-empty', '-m', 'empty');
        mkdirSync(path.join(repo, 'plans'), { recursive: true });
        const result = runCli(['diff', 'plans/cmgd.acct', '--today', '2026-11-22'], { cwd: repo });
        expect(result.status).toBe(0);
        expect(result.stderr).toBe(
            "acct: 'alice', 'bob' and 'nokia' are declared in team.acct, which was left out: members, competitors and the policy are shared by the plans of a workspace. Give them together: acct diff .\n",
        );
    });
});

describe('no plan found', () => {
    it('names the folder given, and the current folder by its path', () => {
        const dir = tempWorkspace({ 'empty/readme.txt': 'no plans here\n' });
        writeFileSync(path.join(dir, 'notes.txt'), '');
        expect(runCli(['check', 'empty'], { cwd: dir })).toMatchObject({
            status: 2,
            stdout: '',
            stderr: "acct: no .acct file found in 'empty' or below. Give a folder that holds account plans, or .acct files.\n",
        });
        expect(runCli(['check'], { cwd: path.join(dir, 'empty') })).toMatchObject({
            status: 2,
            stderr: `acct: no .acct file found in the current folder (${path.join(dir, 'empty')}) or below. Give a folder that holds account plans, or .acct files.\n`,
        });
        expect(runCli(['check', '.', '--lang', 'zh-CN'], { cwd: path.join(dir, 'empty') }).stderr).toBe(
            `acct: 在当前文件夹（${path.join(dir, 'empty')}）及其子文件夹中没有找到 .acct 文件。请给出包含客户计划的文件夹或 .acct 文件。\n`,
        );
    });
});
