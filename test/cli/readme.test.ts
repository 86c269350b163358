/**
 * The README tells the truth: its tour checks to the warnings it describes, and its sample
 * output of `acct check examples --today 2026-11-22` is what the CLI prints.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempWorkspace } from '../support/run-cli.js';
import { block } from '../support/readme.js';

describe('README', () => {
    it('the tour gives the five warnings it names', () => {
        const dir = tempWorkspace({ 'tour.acct': block('## A tour of the language', 'acct') });
        const result = runCli(['check', '--today', '2026-11-22', '--format', 'json', '.'], { cwd: dir });
        const codes = (JSON.parse(result.stdout) as Array<{ code: string; severity: string }>).map(d => `${d.severity} ${d.code}`).sort();
        expect(codes).toEqual(['warning competitor-ahead', 'warning missing-layer', 'warning opposed-key-person', 'warning tier-mismatch', 'warning unknown-support']);
    });

    it('the sample output of acct sandbox on examples/ is what the CLI prints', () => {
        const printed = runCli(['sandbox', 'examples', '--top', '3', '--today', '2026-11-22']).stdout;
        expect(block('`acct sandbox examples --top 3 --today 2026-11-22`:', 'text')).toBe(printed);
    });

    it('the sample output of acct check on examples/ is what the CLI prints', () => {
        const printed = runCli(['check', 'examples', '--today', '2026-11-22']).stdout;
        expect(block('`acct check examples --today 2026-11-22`:', 'text')).toBe(printed);
    });
});
