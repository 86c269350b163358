/**
 * `acct export --redact` says its findings' messages only in the form asked for (method/messages/
 * redactable.ts, `direct`): a refused export still shows its errors as `acct export` does, each
 * message said plainly (and nothing on standard output), in every language.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempWorkspace } from '../support/run-cli.js';

const broken = {
    'team.acct': 'member alice "Alice Chen"\ncompetitor nokia "Nokia"\n',
    'a.acct': 'customer x "Secret Name" {\n  contact a "A" { support 9 reports-to ghost }\n  opportunity o "O" { stage bid team { ar nobody } }\n',
};

describe('a refused acct export --redact', () => {
    for (const lang of ['en', 'zh-CN'])
        it(`--lang ${lang}: shows the errors as acct export does`, () => {
            const dir = tempWorkspace(broken);
            const plain = runCli(['export', '--lang', lang, '--today', '2026-11-22', '-o', 'out.json', '.'], { cwd: dir });
            const redacted = runCli(['export', '--redact', '--lang', lang, '--today', '2026-11-22', '-o', 'out.json', '.'], { cwd: dir });
            expect(plain.status).toBe(1);
            expect(plain.stderr.split('\n').length).toBeGreaterThan(3);
            expect(redacted).toEqual(plain);
            expect(redacted.stderr).not.toContain('\uE001');
        });
});
