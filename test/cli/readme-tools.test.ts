/**
 * The README's "CI and other tools" tells the truth: its tasks.json is the one the VS Code suite
 * runs, its CSV sample is what the CLI prints, its redacted sample is what `--redact` writes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot, runCli } from '../support/run-cli.js';
import { cliBlock as block, cliDoc } from '../support/readme.js';

describe('README: CI and other tools', () => {
    it('the tasks.json is the one the VS Code suite runs', () => {
        const suite = readFileSync(path.join(projectRoot, 'test', 'vscode', 'suite', '50-tasks-and-schema.test.js'), 'utf8');
        const documented = JSON.parse(block('### VS Code: the `acct` task', 'json'));
        expect(documented.tasks[0]).toMatchObject({ type: 'acct', command: 'check', problemMatcher: ['$acct'] });
        expect(suite).toContain(`const LABEL = '${documented.tasks[0].label}';`);
        expect(suite).toContain(`paths: ${JSON.stringify(documented.tasks[0].paths).replace(/"/g, "'")}`);
    });

    it('the CSV sample is what the CLI prints', () => {
        const printed = runCli(['export', 'examples', '--format', 'csv', '--table', 'contacts', '--today', '2026-11-22']).stdout.replace(/\r\n/g, '\n');
        const sample = block('`acct export examples --format csv --table contacts`:', 'text');
        expect(printed.startsWith(sample)).toBe(true);
    });

    it('the redacted samples are what --redact writes', () => {
        const redacted = JSON.parse(runCli(['export', 'examples', '--redact', '--today', '2026-11-22']).stdout);
        const customer = JSON.parse(block('`acct export examples --redact --today 2026-11-22`, abridged:', 'json'));
        const found = redacted.customers.find((c: { id: string }) => c.id === customer.id);
        expect(found).toMatchObject({ name: customer.name, industry: customer.industry });
        expect(found.contacts).toContainEqual(customer.contacts[0]);
        expect(redacted.diagnostics).toContainEqual(JSON.parse(block('and a diagnostic:', 'json')));
    });

    it('names the hooks that exist', () => {
        expect(cliDoc).toContain('[`hooks/pre-commit`](../hooks/pre-commit)');
        expect(block('### pre-commit', 'yaml')).toContain('- id: acct-check');
        expect(readFileSync(path.join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8')).toContain("minimum_pre_commit_version: '4.6.2'");
    });
});
