/**
 * Messages that point to another file name it by its path from the base folder (the current
 * directory), as the finding lines and the export do: two `team.acct` in different folders are
 * never confused.
 */
import { describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { runCli, tempWorkspace } from '../support/run-cli.js';

const files = {
    'plans/team.acct': 'member alice "Alice"\npolicy { stale-contact-days 60 }\n',
    'plans/regional/team.acct': 'member alice "Alice Chen"\n\npolicy { general-coverage 2 }\n',
};

describe('places named in messages', () => {
    it('`acct check` names the other declaration by its path from the current directory', () => {
        const dir = tempWorkspace(files);
        const result = runCli(['check', '--today', '2026-11-22', 'plans'], { cwd: dir });
        expect(result.stdout.split('\n').filter(line => line.includes(': error '))).toEqual([
            "plans/regional/team.acct:1:8: error duplicate-id: Id 'alice' is declared more than once in the workspace (also member at plans/team.acct:1): member, competitor and customer ids must be unique. Rename one.",
            "plans/team.acct:1:8: error duplicate-id: Id 'alice' is declared more than once in the workspace (also member at plans/regional/team.acct:1): member, competitor and customer ids must be unique. Rename one.",
            // the policy of the first file by path is in force
            'plans/team.acct:2:1: error duplicate-id: A workspace has at most one policy block; the one at plans/regional/team.acct:3 is in force. Merge the thresholds into it.',
        ]);
    });

    it('from inside the folder, the same places are relative to it; the export agrees', () => {
        const dir = tempWorkspace(files);
        const result = runCli(['check', '--today', '2026-11-22', '--format', 'json'], { cwd: path.join(dir, 'plans') });
        const messages = (JSON.parse(result.stdout) as Array<{ file: string; message: string }>).map(d => `${d.file}: ${d.message}`);
        expect(messages).toContain(
            'team.acct: A workspace has at most one policy block; the one at regional/team.acct:3 is in force. Merge the thresholds into it.',
        );
        const exported = runCli(['export', '--today', '2026-11-22', '.'], { cwd: path.join(dir, 'plans') });
        expect(exported.stderr).toContain('(also member at regional/team.acct:1)');
    });

    it('a duplicate id inside one customer names its file by the same path', () => {
        const dir = tempWorkspace({ 'plans/c.acct': 'customer c "C" {\n    contact a "A" { }\n    activity a "A" { }\n}\n' });
        const result = runCli(['check', '--today', '2026-11-22'], { cwd: dir });
        expect(result.stdout).toContain("Id 'a' is already used by contact at plans/c.acct:2 in customer 'c'");
    });
});
