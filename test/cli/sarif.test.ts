/**
 * `acct check --format sarif` as a process: a SARIF 2.1.0 log valid against the official OASIS
 * schema (test/fixtures/sarif), with every rule of the method's catalog, regions with their ends,
 * URIs relative to the working directory, fingerprints that survive line moves and date changes,
 * and waived findings as suppressed results.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { projectRoot, runCli, tempWorkspace } from '../support/run-cli.js';

/** Each rule as the SARIF driver must list it, in the catalog's order: its id, short description and default level (written out here, not read from the code under test). */
const RULES: Array<[id: string, shortDescription: string, level: 'error' | 'warning' | 'note' | 'none']> = [
    ['syntax', 'The text does not parse.', 'error'],
    ['unresolved-reference', 'A name refers to nothing in its scope.', 'error'],
    ['duplicate-id', 'Two declarations share an id in one scope (or a second policy).', 'error'],
    ['out-of-range', 'A number or a date is outside its range.', 'error'],
    ['unqualified-opportunity', 'An active opportunity lacks a budget or a start: it is still a lead.', 'warning'],
    ['no-power-map', 'An active opportunity has no decision-chain (no power map).', 'warning'],
    ['no-decision-maker', "An active opportunity's decision chain has no decision-maker and no approver.", 'warning'],
    ['unknown-support', 'An approver or decision-maker in an active decision chain has unknown support (?).', 'warning'],
    ['opposed-key-person', 'An approver, decision-maker or evaluator in an active chain opposes us: use the three axes.', 'warning'],
    ['incomplete-iron-triangle', "An active opportunity's team lacks AR, SR or FR.", 'warning'],
    ['tier-mismatch', 'The declared tier differs from the one standing × cooperation suggest.', 'warning'],
    ['stale-tier-review', 'A tiered customer has no review date, or it is older than tier-review-days.', 'warning'],
    ['missing-layer', 'An excellent or strategic customer lacks the organizational layer or general coverage.', 'warning'],
    ['single-threaded', 'A customer with an active opportunity has at most one supporter.', 'warning'],
    ['stale-contact', 'Someone in an active decision chain was last contacted more than stale-contact-days ago.', 'warning'],
    ['rational-turn-risk', 'Support 2-3 with intimacy -1 or lower: they like the product, not us.', 'warning'],
    ['friendly-but-unsupportive', 'Intimacy 2+ with support 0 or -1: re-examine what they need.', 'note'],
    ['reports-to-cycle', 'Following reports-to comes back to the same contact.', 'error'],
    ['overdue-activity', "A planned activity's date has passed.", 'warning'],
    ['competitor-ahead', 'In an active deal, a key person supports a competitor of that deal more than us.', 'warning'],
    ['opposed-influence', 'Someone who opposes us influences an approver or decision-maker of an active deal.', 'warning'],
    ['unfounded-support', 'Support counted in an active deal with no recorded contact: what is the basis?', 'note'],
    ['uncovered-key-person', 'An approver, decision-maker or evaluator of an active deal has no owner on our side.', 'none'],
    ['unused-waiver', 'A waiver in force waives no finding.', 'warning'],
    ['expired-waiver', 'A waiver is past its until date: it waives nothing any more.', 'warning'],
    ['invalid-code', 'waive or severity names a code that does not exist or cannot be changed.', 'error'],
    // contract 1.2 (section 7.2), and missing-currency (an extension for 万 and 亿)
    ['ripe-lead', 'A lead has both a budget and a start: it meets the opportunity criteria; move it to stage opportunity.', 'note'],
    ['no-value-proposition', 'A bid has no value proposition: 80 % of the result is decided before the tender.', 'note'],
    ['class-without-partnership', 'An S or A customer has no organizational relationship beyond communicate: build a strategic partnership.', 'warning'],
    ['unverified-opportunity', 'An active opportunity lacks the intent or the solution: a lead that skipped the lead criteria.', 'none'],
    ['unknown-needs', 'An approver or decision-maker of an active deal has no KPI and no pain on record.', 'none'],
    ['aimless-activity', 'A planned activity has no objective: what must this meeting achieve?', 'none'],
    ['missing-currency', 'An amount in 万 or 亿 has no currency.', 'note'],
    ['duplicate-property', 'A property is written twice in one block; only the last counts.', 'warning'],
    ['internal-error', 'A check failed on this element: a fault of acct, not of the plan. Please report it.', 'error'],
];

const schemaFile = path.join(projectRoot, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');
const schemaText = readFileSync(schemaFile, 'utf8');
const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(schemaText));

function sarifErrors(log: unknown): string[] {
    return validateSarif(log) ? [] : (validateSarif.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}

interface Result {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
    partialFingerprints: Record<string, string>;
    suppressions?: { kind: string; justification: string }[];
}

function sarif(args: string[], cwd: string) {
    const result = runCli(['check', '--format', 'sarif', ...args], { cwd });
    const log = JSON.parse(result.stdout);
    return { status: result.status, log, results: log.runs[0].results as Result[] };
}

const team = `member alice "Alice Chen"\nmember bob "Bob Li"\nmember carol "Carol Wu"\ncompetitor nokia "Nokia"\npolicy { severity uncovered-key-person warning }\n`;
const plan = `customer acme "Acme" {
    contact boss "The Boss" { role decision-maker support ? intimacy 1 last-contact 2026-01-01 }
    contact fan "A Fan" { support 1 intimacy 1 owner alice waive rational-turn-risk "known" }
    opportunity big "Big deal" {
        stage opportunity
        team { ar alice sr bob fr carol }
        decision-chain { boss }
    }
    activity visit "Visit" { kind visit date 2026-06-01 status planned waive overdue-activity "moved to the spring, see the minutes" until 2027-03-01 }
}
`;

describe('acct check --format sarif', () => {
    it('the schema file is the official one, unchanged', () => {
        expect(createHash('sha256').update(readFileSync(schemaFile)).digest('hex')).toBe('c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e');
        expect(JSON.parse(schemaText).id).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    });

    it('the log of the examples is valid SARIF 2.1.0 with one result per finding of check', () => {
        const { status, log, results } = sarif(['--today', '2026-11-22', 'examples'], projectRoot);
        expect(status).toBe(0);
        expect(sarifErrors(log)).toEqual([]);
        expect(log.version).toBe('2.1.0');
        expect(log.runs).toHaveLength(1);
        const findings = JSON.parse(runCli(['check', '--format', 'json', '--today', '2026-11-22', 'examples']).stdout) as {
            code: string;
            file: string;
            line: number;
            column: number;
            message: string;
        }[];
        const shown = results.filter(r => !r.suppressions);
        expect(
            shown.map(r => [
                r.ruleId,
                r.locations[0]!.physicalLocation.artifactLocation.uri,
                r.locations[0]!.physicalLocation.region.startLine,
                r.message.text,
            ]),
        ).toEqual(findings.map(f => [f.code, f.file, f.line, f.message]));
        // the waived finding of the examples is there, suppressed
        expect(results.filter(r => r.suppressions).map(r => r.ruleId)).toEqual(['uncovered-key-person']);
        // and the schema does reject what SARIF forbids
        const broken = structuredClone(log);
        broken.runs[0].results[0].level = 'fatal';
        broken.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
        expect(sarifErrors(broken).join('\n')).toMatch(/results\/0\/level[\s\S]*results\/1\/locations\/0\/physicalLocation\/region\/startLine/);
    });

    it('the driver lists every rule of the catalog with descriptions, help and its default level', () => {
        const { log, results } = sarif(['--today', '2026-11-22', 'examples'], projectRoot);
        const driver = log.runs[0].tool.driver;
        expect(driver.name).toBe('acct');
        expect(driver.version).toBe(JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version);
        expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map(([id]) => id));
        for (const [i, rule] of driver.rules.entries()) {
            const [id, text, level] = RULES[i]!;
            expect(rule.shortDescription.text, id).toBe(text);
            expect(rule.defaultConfiguration, id).toEqual({ enabled: level !== 'none', level });
            expect(rule.fullDescription.text.length).toBeGreaterThan(rule.shortDescription.text.length);
            expect(rule.help.text).toMatch(/\w/);
        }
        const level = (id: string) => driver.rules.find((r: { id: string }) => r.id === id).defaultConfiguration;
        expect(level('syntax')).toEqual({ enabled: true, level: 'error' });
        expect(level('stale-contact')).toEqual({ enabled: true, level: 'warning' });
        expect(level('friendly-but-unsupportive')).toEqual({ enabled: true, level: 'note' });
        expect(level('uncovered-key-person')).toEqual({ enabled: false, level: 'none' });
        for (const r of results) expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
        expect(results.find(r => r.ruleId === 'friendly-but-unsupportive')!.level).toBe('note');
    });

    it('locations: URIs relative to the working directory under %SRCROOT%, encoded; 1-based regions with their ends', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'dir with space/客户.acct': plan });
        const { log, results } = sarif(['--today', '2026-11-22'], dir);
        expect(sarifErrors(log)).toEqual([]);
        const unqualified = results.find(r => r.ruleId === 'unqualified-opportunity')!;
        const location = unqualified.locations[0]!.physicalLocation;
        expect(location.artifactLocation).toEqual({ uri: 'dir%20with%20space/%E5%AE%A2%E6%88%B7.acct', uriBaseId: '%SRCROOT%' });
        // the finding covers `opportunity big` on line 4
        expect(location.region).toEqual({ startLine: 4, startColumn: 5, endLine: 4, endColumn: 5 + 'opportunity big'.length });
        const unknown = results.find(r => r.ruleId === 'unknown-support')!.locations[0]!.physicalLocation.region;
        expect(unknown.endColumn - unknown.startColumn).toBe('boss'.length);
        // the policy turned uncovered-key-person on: a warning
        expect(results.find(r => r.ruleId === 'uncovered-key-person')!.level).toBe('warning');
    });

    it('waived findings are suppressed results with the reason and the date', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': plan });
        const { results } = sarif(['--today', '2026-11-22'], dir);
        const overdue = results.find(r => r.ruleId === 'overdue-activity')!;
        expect(overdue.suppressions).toEqual([
            { kind: 'inSource', status: 'accepted', justification: 'moved to the spring, see the minutes (until 2027-03-01)' },
        ]);
    });

    it('fingerprints stay when lines move and days pass, and differ between findings', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': plan });
        const before = sarif(['--today', '2026-11-22'], dir).results;
        writeFileSync(path.join(dir, 'acme.acct'), `// moved down\n\n\n${plan}`);
        const after = sarif(['--today', '2026-12-30'], dir).results;
        const print = (r: Result) => `${r.ruleId} ${r.partialFingerprints['acctFinding/v1']}`;
        expect(after.map(r => r.locations[0]!.physicalLocation.region.startLine)).not.toEqual(
            before.map(r => r.locations[0]!.physicalLocation.region.startLine),
        );
        expect(after.find(r => r.ruleId === 'stale-contact')!.message.text).not.toBe(before.find(r => r.ruleId === 'stale-contact')!.message.text);
        expect(after.map(print).sort()).toEqual(before.map(print).sort());
        expect(new Set(before.map(print)).size).toBe(before.length);
    });

    it('-o writes the log to a file (safely) and keeps the exit status', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': plan });
        const result = runCli(['check', '--format', 'sarif', '--today', '2026-11-22', '-o', 'acct.sarif'], { cwd: dir });
        expect(result.status).toBe(0);
        expect(result.stdout).toBe('');
        expect(sarifErrors(JSON.parse(readFileSync(path.join(dir, 'acct.sarif'), 'utf8')))).toEqual([]);
        const refused = runCli(['check', '--format', 'sarif', '-o', 'acme.acct'], { cwd: dir });
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('acct never writes .acct files');
        expect(existsSync(path.join(dir, 'acme.acct'))).toBe(true);
    });

    it('a plan with errors gives error results and exit 1', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'bad.acct': 'customer x "X" {\n  contact a "A" { support 7 }\n' });
        const { status, log, results } = sarif(['--today', '2026-11-22'], dir);
        expect(status).toBe(1);
        expect(sarifErrors(log)).toEqual([]);
        expect(
            results
                .filter(r => r.level === 'error')
                .map(r => r.ruleId)
                .sort(),
        ).toEqual(['out-of-range', 'syntax']);
    });
});
