/**
 * The README tells the truth: its tour checks to the warnings it describes, and its sample
 * output of `acct check examples --today 2026-11-22` is what the CLI prints.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempWorkspace } from '../support/run-cli.js';
import { block, cliBlock, readme } from '../support/readme.js';

describe('README', () => {
    it('the tour, saved as plan.acct and checked as the README says, prints what the README shows: the five warnings it names', () => {
        const dir = tempWorkspace({ 'plan.acct': block('## A tour of the language', 'acct') });
        const command = /`acct (check plan\.acct --today \d{4}-\d{2}-\d{2})`:/.exec(readme)?.[1];
        expect(command).toBe('check plan.acct --today 2026-11-22');
        const result = runCli(command!.split(' '), { cwd: dir });
        expect(block(`\`acct ${command}\`:`, 'text')).toBe(result.stdout);
        const codes = result.stdout
            .split('\n')
            .filter(line => line.startsWith('plan.acct:'))
            .map(line => line.split(' ').slice(1, 3).join(' ').replace(/:$/, ''))
            .sort();
        expect(codes).toEqual([
            'warning competitor-ahead',
            'warning missing-layer',
            'warning opposed-key-person',
            'warning tier-mismatch',
            'warning unknown-support',
        ]);
    });

    it('the tour without --today: after 2026-12-05 the planned visit is overdue and all three axes are proposed, as the README says', () => {
        expect(readme).toContain('once 5 December 2026 has passed');
        const dir = tempWorkspace({ 'plan.acct': block('## A tour of the language', 'acct') });
        const late = runCli(['check', 'plan.acct'], { cwd: dir, env: { ACCT_TODAY: '2026-12-06' } }).stdout;
        expect(late).toContain('warning overdue-activity');
        expect(late).toContain('Use the three axes: an executive visit from our side, an invitation to an exhibition or event, a visit to our headquarters');
        expect(runCli(['check', 'plan.acct'], { cwd: dir, env: { ACCT_TODAY: '2026-12-05' } }).stdout).not.toContain('overdue-activity');
    });

    it('the sample output of acct sandbox on examples/ is what the CLI prints', () => {
        const printed = runCli(['sandbox', 'examples', '--top', '3', '--today', '2026-11-22']).stdout;
        expect(cliBlock('`acct sandbox examples --top 3 --today 2026-11-22`:', 'text')).toBe(printed);
    });

    it('the sample output of acct check on examples/ is what the CLI prints', () => {
        const printed = runCli(['check', 'examples', '--today', '2026-11-22']).stdout;
        expect(cliBlock('`acct check examples --today 2026-11-22`:', 'text')).toBe(printed);
    });
});
