/**
 * A plan checked once (the CLI's build, `AcctOneShotTreeModule`) does not run the checks whose every
 * code the policy turns off (acct-validation-registry.ts `skipWhenOff`; issue 23). The findings, the
 * waived ones and the plan are those of a build that runs every check, whatever the policy turns on
 * or off; and a check declared skippable reports no code but its own.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ValidationAcceptor } from 'langium';
import type { AcctValidationRegistry } from '../../server/src/language/validation/acct-validation-registry.js';
import { serializePlan } from '../../server/src/plan/plan-json.js';
import { generateWorkspace } from '../bench/generate.js';
import { buildFiles, exampleFiles, oneShotServices, WS } from '../support/checked-once.js';
import { readPlanHistory, type PlanCommit } from '../../server/src/node/plan-history.js';
import { scriptedRepo } from '../support/git-repo.js';

const OFF_BY_DEFAULT = ['uncovered-key-person', 'unverified-opportunity', 'unknown-needs', 'aimless-activity'];

async function check(files: Record<string, string>, oneShot: boolean) {
    const services = oneShotServices(oneShot);
    const { Acct } = services;
    const registry = Acct.validation.ValidationRegistry as AcctValidationRegistry;
    expect(registry.skipChecksTurnedOff).toBe(oneShot);
    await buildFiles(services, files);
    const plans = Acct.plan.PlanBuilder;
    return {
        diagnostics: JSON.stringify(plans.diagnostics(WS)),
        located: JSON.stringify(plans.located(WS)),
        plan: serializePlan(plans.plan(WS)),
        skipped: registry.skippedCodes(),
        codes: new Set(plans.diagnostics(WS).map(d => d.code)),
    };
}

/** The examples with the policy's severity lines replaced by `lines`. */
function withPolicy(files: Record<string, string>, lines: string[]): Record<string, string> {
    const team = files['team.acct']!.replace(/^ {4}severity .*\n/gm, '');
    expect(team).not.toBe(files['team.acct']);
    const policy = team.replace(/^policy \{\n/m, `policy {\n${lines.map(line => `    ${line}\n`).join('')}`);
    return { ...files, 'team.acct': policy };
}

describe('checks skipped when the policy turns their codes off (a plan checked once)', () => {
    it('give the findings and the plan of a build that runs every check, whatever the policy', async () => {
        const files = exampleFiles();
        const policies: Array<{ lines: string[]; skipped: string[] }> = [
            { lines: [], skipped: [...OFF_BY_DEFAULT].sort() },
            { lines: OFF_BY_DEFAULT.map(code => `severity ${code} warning`), skipped: [] },
            {
                lines: ['severity unknown-needs info', 'severity aimless-activity error', 'severity stale-contact off'],
                skipped: ['uncovered-key-person', 'unverified-opportunity'],
            },
            { lines: ['severity uncovered-key-person warning', 'severity uncovered-key-person off'], skipped: [...OFF_BY_DEFAULT].sort() },
        ];
        for (const { lines, skipped } of policies) {
            const plan = withPolicy(files, lines);
            const once = await check(plan, true);
            const every = await check(plan, false);
            expect(once.skipped).toEqual(skipped);
            expect(every.skipped).toEqual([]);
            expect(once.diagnostics).toBe(every.diagnostics);
            expect(once.located).toBe(every.located);
            expect(once.plan).toBe(every.plan);
            // the codes turned on are found (the comparison is not of two empty lists)
            for (const code of OFF_BY_DEFAULT) expect(once.codes.has(code)).toBe(!skipped.includes(code));
        }
    });

    it('give the same findings on a generated workspace (the benchmark’s generator, the default policy)', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-skipped-checks-'));
        try {
            const ws = generateWorkspace(dir, { seed: 23, fileCount: 8, totalLines: 3000 });
            const files = Object.fromEntries(ws.files.map(file => [path.relative(dir, file), fs.readFileSync(file, 'utf8')]));
            const once = await check(files, true);
            const every = await check(files, false);
            expect(once.diagnostics).toBe(every.diagnostics);
            expect(once.plan).toBe(every.plan);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('in `acct history` too: a commit that turns checks on or off gives every commit the findings of a build running every check', async () => {
        // history's services skip the checks turned off (AcctOneShotChecksModule) and update the workspace commit by commit
        const files = exampleFiles();
        const customer = Object.keys(files).find(name => name !== 'team.acct')!;
        const on = withPolicy(
            files,
            OFF_BY_DEFAULT.map(code => `severity ${code} warning`),
        )['team.acct']!;
        const off = withPolicy(files, [])['team.acct']!;
        const repo = scriptedRepo();
        const steps: Array<[string, Record<string, string>]> = [
            ['2026-03-02', { ...files, 'team.acct': off }],
            ['2026-03-03', { 'team.acct': on }],
            ['2026-03-09', { [customer]: `${files[customer]}\n// a note\n` }],
            ['2026-03-10', { 'team.acct': off }],
            ['2026-03-20', { [customer]: files[customer]! }],
        ];
        const texts: Record<string, string> = {};
        const expected = new Map<string, string>();
        for (const [date, changed] of steps) {
            const sha = repo.commit(date, `on ${date}`, changed).trim();
            Object.assign(texts, changed);
            const services = oneShotServices();
            services.Acct.workspace.AcctSettings.todayOverride = date;
            await buildFiles(services, texts);
            const plan = services.Acct.plan.PlanBuilder.plan(WS);
            expected.set(sha, JSON.stringify([plan.diagnostics, plan.waived]));
        }
        const commits: PlanCommit[] = [];
        for await (const commit of (await readPlanHistory([], { cwd: repo.dir })).commits) commits.push(commit);
        // a commit that changes nothing of the plan (the note, and taking it out) is left out (contract 7.6); it is checked all the same
        expect(commits.length).toBe(3);
        for (const commit of commits) expect(JSON.stringify([commit.plan.diagnostics, commit.plan.waived])).toBe(expected.get(commit.commit));
        // the checks turned on found something (the comparison is not of lists without their codes)
        const codes = new Set(commits[1]!.plan.diagnostics.map(d => d.code));
        expect(OFF_BY_DEFAULT.filter(code => codes.has(code)).length).toBeGreaterThan(0);
        expect(commits[2]!.plan.diagnostics.some(d => OFF_BY_DEFAULT.includes(d.code))).toBe(false);
    });

    it('are declared with the one code they report', async () => {
        // every check of the examples run with every code on: a skippable check reports only its code
        const files = withPolicy(
            exampleFiles(),
            OFF_BY_DEFAULT.map(code => `severity ${code} warning`),
        );
        const services = oneShotServices();
        const registry = services.Acct.validation.ValidationRegistry as AcctValidationRegistry;
        const declared = registry.skippableChecks();
        expect(declared.length).toBe(4);
        const documents = await buildFiles(services, files);
        const seen = new Set<string>();
        for (const document of documents) {
            for (const node of [document.parseResult.value, ...nodesBelowRoot(document.parseResult.value)]) {
                for (const { type, check, codes } of declared) {
                    if (node.$type !== type) continue;
                    const accept: ValidationAcceptor = (_severity, _message, info) => {
                        expect(codes).toContain(info.code);
                        seen.add(String(info.code));
                    };
                    check(node, accept);
                }
            }
        }
        expect([...seen].sort()).toEqual([...OFF_BY_DEFAULT].sort());
    });
});

function nodesBelowRoot(root: import('langium').AstNode): import('langium').AstNode[] {
    const list: import('langium').AstNode[] = [];
    const visit = (node: import('langium').AstNode) => {
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            for (const item of Array.isArray(value) ? value : [value])
                if (item && typeof item === 'object' && '$type' in item) {
                    list.push(item);
                    visit(item);
                }
        }
    };
    visit(root);
    return list;
}
