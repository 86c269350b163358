/**
 * Plan text can never rewrite what a terminal or a CI log shows (issue 17, item 7): escape
 * sequences (CSI, OSC), C0 and C1 controls and bidirectional overrides in names, files and
 * messages are written out visibly (`\x1b`, `\u202e`) by every text output — check's text and
 * GitHub annotations, sandbox, standard error — in one place (cli/output.ts `visible`).
 */
import { describe, expect, it } from 'vitest';
import { visible } from '../../server/src/cli/output.js';
import { runCli, tempWorkspace } from '../support/run-cli.js';

const ESC = '\u001b';
const hostileName = `K${ESC}]0;owned${ESC}\\ ${ESC}[2J\u202eLi\u0007\u0085\u2066`;
const plan = `member a "A"
customer c "C" {
    tier core reviewed 2026-10-01 standing 3 cooperation 3
    contact k "${hostileName}" { support 3 intimacy -2 }
    opportunity o "Deal ${ESC}[31mred\u202e" { stage opportunity space 4 growth 3 profit 3 competition 2 }
}
`;
/** Anything a terminal acts on: ESC, other C0 but tab and line feed, DEL, C1, bidi controls. */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('text outputs show control characters instead of obeying them', () => {
    it('visible(): every control written out, Chinese, emoji, tabs and line breaks kept', () => {
        expect(visible(`a${ESC}[2Jb\u202ec\u0000d\u009be\r`)).toBe('a\\x1b[2Jb\\u202ec\\x00d\\x9be\\x0d');
        expect(visible('客户计划 机会点\t😀\n')).toBe('客户计划 机会点\t😀\n');
        for (let c = 0; c < 0x10000; c++) {
            const ch = String.fromCharCode(c);
            if (ACTIVE.test(ch)) expect(ACTIVE.test(visible(ch)), `U+${c.toString(16)}`).toBe(false);
        }
    });

    const folder = tempWorkspace({ [`p${ESC}[31m.acct`]: plan });
    for (const format of ['text', 'github'] as const) {
        it(`acct check --format ${format}: the name, the file and the message are escaped`, () => {
            const result = runCli(['check', '--today', '2026-11-22', '--format', format], { cwd: folder });
            expect(result.stdout).toContain('rational-turn-risk');
            expect(result.stdout).not.toMatch(ACTIVE);
            // (`\\ ` in the plan's string is an escaped space)
            expect(result.stdout).toContain('K\\x1b]0;owned\\x1b \\x1b[2J\\u202eLi\\x07\\x85\\u2066');
            expect(result.stdout).toMatch(format === 'github' ? /file=p\\x1b\[31m\.acct,/ : /^"p\\u001b\[31m\.acct":/m);
        });
    }

    it('acct sandbox: an opportunity name is escaped; the JSON stays exact data', () => {
        const text = runCli(['sandbox', '--today', '2026-11-22'], { cwd: folder });
        expect(text.status).toBe(0);
        expect(text.stdout).toContain('Deal \\x1b[31mred\\u202e');
        expect(text.stdout).not.toMatch(ACTIVE);
        const json = runCli(['sandbox', '--today', '2026-11-22', '--format', 'json'], { cwd: folder });
        expect(JSON.parse(json.stdout)[0].name).toBe(`Deal ${ESC}[31mred\u202e`);
    });

    it('standard error: a path given on the command line is escaped in the usage message', () => {
        const result = runCli(['check', `no${ESC}[2Jsuch\u202e`], { cwd: folder });
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('acct: no\\x1b[2Jsuch\\u202e: no such file or folder. Check the path.\n');
    });
});
