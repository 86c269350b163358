/** `acct --help` and each command's help name the options a user can reach. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('help', () => {
    it('acct --help lists the commands and an example of every output', () => {
        const help = runCli(['--help']);
        expect(help.status).toBe(0);
        for (const text of [
            'check [options] [paths...]',
            'export [options] [paths...]',
            '--format sarif',
            '--watch',
            '--redact',
            '--format csv --table contacts --bom',
        ]) {
            expect(help.stdout).toContain(text);
        }
    });

    it('acct check --help lists sarif, -o, --watch and the global --lang', () => {
        const help = runCli(['check', '--help']).stdout;
        for (const text of ['"sarif"', '-o, --output <file>', '--watch', '--max-warnings <n>', 'Exit status', '--lang <language>'])
            expect(help).toContain(text);
    });

    it('every command that takes paths says the default is `.`, as the README does', () => {
        for (const command of ['check', 'export', 'sandbox', 'diff', 'format']) {
            const help = runCli([command, '--help']).stdout.replace(/\s+/g, ' ');
            expect(help).toContain('(searched recursively for *.acct) (default: .)');
            expect(help).not.toContain('default: []');
        }
    });

    it('acct export --help lists --format csv, --table and its tables, --bom and --redact', () => {
        const help = runCli(['export', '--help']).stdout;
        for (const text of ['--format <format>', '"csv"', '--table <name>', '"decision-chain"', '"findings"', '--bom', '--redact'])
            expect(help).toContain(text);
    });
});
