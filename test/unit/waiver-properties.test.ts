/**
 * Waivers as properties over random plans of contract 1.1 (competitor support, influence,
 * activities): removing every waiver never removes a finding that is not waived, and applying
 * the quick fix **Waive this finding…** to a finding removes exactly that finding.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildWorkspace, TODAY, uriOf, type Finding, type TestWorkspace } from './helpers.js';
import { isWaivable, type IssueCode } from '../../server/src/method/index.js';

const TEAM = 'member alice "A"\nmember bob "B"\nmember carol "C"\ncompetitor rival "Rival"\ncompetitor nokia "Nokia"\n';
const ROLES = ['approver', 'decision-maker', 'evaluator', 'sponsor', ''];
const SUPPORTS = ['-1', '0', '1', '2', '3', '?', ''];
const WAIVABLE = [
    'stale-contact',
    'competitor-ahead',
    'unfounded-support',
    'opposed-key-person',
    'rational-turn-risk',
    'opposed-influence',
    'unknown-support',
    'single-threaded',
    'tier-mismatch',
    'overdue-activity',
    'incomplete-iron-triangle',
];

const contactArb = fc.record({
    role: fc.constantFrom(...ROLES),
    support: fc.constantFrom(...SUPPORTS),
    intimacy: fc.integer({ min: -3, max: 3 }),
    lastContact: fc.constantFrom('', '2026-01-10', '2026-11-01'),
    rival: fc.constantFrom('', '?', '0', '2', '3'),
    influences: fc.option(fc.nat(4), { nil: undefined }),
    owner: fc.boolean(),
});
const planArb = fc.record({
    contacts: fc.array(contactArb, { minLength: 1, maxLength: 5 }),
    chain: fc.array(fc.record({ contact: fc.nat(4), support: fc.constantFrom('', '-1', '2', '?') }), { maxLength: 5 }),
    stage: fc.constantFrom('opportunity', 'bid', 'lead'),
    team: fc.boolean(),
    activities: fc.array(
        fc.record({
            contact: fc.nat(4),
            kind: fc.constantFrom('dinner', 'hq-visit', 'exhibition'),
            status: fc.constantFrom('done', 'planned'),
            date: fc.constantFrom('2026-02-01', '2026-11-20', '2026-12-20'),
        }),
        { maxLength: 3 },
    ),
    tier: fc.constantFrom('', 'value', 'strategic'),
    // where: -1 is the customer (covering everything inside it), else a contact, the deal or an activity
    waivers: fc.array(
        fc.record({
            where: fc.oneof(fc.constant(-1), fc.nat(12)),
            code: fc.constantFrom(...WAIVABLE),
            until: fc.constantFrom('', ' until 2026-11-21', ' until 2026-11-22', ' until 2027-01-01'),
        }),
        { maxLength: 6 },
    ),
});
type PlanGen = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

/** The plan's text; `withWaivers` false leaves out every `waive` line (and only those). */
function render(plan: PlanGen, withWaivers: boolean): string {
    const n = plan.contacts.length;
    const slotOf = (where: number) => (where < 0 ? n + 2 : where % (n + 3));
    const waivers = (slot: number) =>
        !withWaivers
            ? ''
            : plan.waivers
                  .filter(w => slotOf(w.where) === slot)
                  .map(w => `        waive ${w.code} "because"${w.until}\n`)
                  .join('');
    const lines = [`customer acme "Acme" {`, `    standing 4 cooperation 4${plan.tier ? ` tier ${plan.tier} reviewed 2026-10-01` : ''}`];
    plan.contacts.forEach((c, i) => {
        lines.push(`    contact k${i} "Person ${i}" {`);
        if (c.role) lines.push(`        role ${c.role}`);
        if (c.support) lines.push(`        support ${c.support}`);
        lines.push(`        intimacy ${c.intimacy}`);
        if (c.lastContact) lines.push(`        last-contact ${c.lastContact}`);
        if (c.rival) lines.push(`        competitor-support rival ${c.rival}`);
        if (c.influences !== undefined && c.influences % n !== i) lines.push(`        influences k${c.influences % n}`);
        if (c.owner) lines.push('        owner alice');
        lines.push(waivers(i) + '    }');
    });
    lines.push('    opportunity deal "Deal" {', `        stage ${plan.stage} budget 1M start 2027-01-01`);
    if (plan.team) lines.push('        team { ar alice sr bob fr carol }');
    lines.push(`        decision-chain { ${plan.chain.map(e => `k${e.contact % n}${e.support ? ` support ${e.support}` : ''}`).join(' ')} }`);
    lines.push('        competitors rival, nokia', waivers(n) + '    }');
    plan.activities.forEach((a, i) =>
        lines.push(`    activity a${i} "Move ${i}" { kind ${a.kind} with k${a.contact % n} status ${a.status} date ${a.date}`, waivers(n + 1) + '    }'),
    );
    lines.push(waivers(n + 2) + '}', '');
    return lines.join('\n');
}

/** A finding as it reads, wherever it stands. */
const key = (f: { code: string; message: string }) => `${f.code}: ${f.message}`;

async function check(text: string): Promise<TestWorkspace> {
    return buildWorkspace({ 'team.acct': TEAM, 'plan.acct': text }, { today: TODAY });
}

function multiset(keys: string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    return counts;
}

const checked: string[] = [];
let waivedRuns = 0;

describe('waivers over random plans', () => {
    it('removing every waiver never removes a finding that is not waived', async () => {
        await fc.assert(
            fc.asyncProperty(planArb, async plan => {
                const withWaivers = await check(render(plan, true));
                const waived = withWaivers.plan().waived.map(key);
                const kept = withWaivers
                    .findings()
                    .filter(f => f.code !== 'unused-waiver' && f.code !== 'expired-waiver')
                    .map(key);
                const without = (await check(render(plan, false))).findings().map(key);
                // every finding of the plan without waivers is still a finding, or is listed as waived
                expect([...kept, ...waived].sort()).toEqual([...without].sort());
                if (waived.length > 0) waivedRuns++;
            }),
            { numRuns: 60, seed: 20261126 },
        );
        expect(waivedRuns).toBeGreaterThan(10);
    });

    it('the quick fix "Waive this finding…" removes exactly that finding', async () => {
        await fc.assert(
            fc.asyncProperty(planArb, fc.nat(), async (plan, pick) => {
                const text = render(plan, false);
                const before = await check(text);
                // a waivable finding that is the only one of its code in the declaration the waiver will cover
                const candidates = before.findings().filter(f => isWaivable(f.code as IssueCode));
                fc.pre(candidates.length > 0);
                const finding = candidates[pick % candidates.length]!;
                const actions =
                    (await before.Acct.lsp.CodeActionProvider!.getCodeActions(before.docs['plan.acct']!, {
                        textDocument: { uri: uriOf('plan.acct') },
                        range: finding.range,
                        context: { diagnostics: [finding.diagnostic] },
                    })) ?? [];
                const waive = actions.find(a => a.title === 'Waive this finding…') as
                    | {
                          edit: { changes: Record<string, Array<{ range: { start: { line: number; character: number } }; newText: string }>> };
                          command: { arguments: [string, { line: number; character: number }] };
                      }
                    | undefined;
                expect(waive, `no waive action for ${key(finding)}`).toBeDefined();
                const [edit] = waive!.edit.changes[uriOf('plan.acct')]!;
                const lines = text.split('\n');
                const at = lines.slice(0, edit!.range.start.line).join('\n').length + (edit!.range.start.line ? 1 : 0) + edit!.range.start.character;
                const edited = text.slice(0, at) + edit!.newText + text.slice(at);
                // the cursor the editor is sent to lies between the quotes of the new reason
                const reason = waive!.command.arguments[1];
                const reasonAt = edited.split('\n').slice(0, reason.line).join('\n').length + (reason.line ? 1 : 0) + reason.character;
                expect(edited.slice(reasonAt - 1, reasonAt + 1)).toBe('""');
                expect(edited.slice(reasonAt - 8 - finding.code.length, reasonAt - 1)).toBe(`waive ${finding.code} `);
                const after = await check(edited);
                const sameScope = before.findings().filter(f => f.code === finding.code && coveredTogether(before, f.diagnostic, finding.diagnostic));
                fc.pre(sameScope.length === 1);
                const expected = multiset(before.findings().map(key));
                expected.set(key(finding), expected.get(key(finding))! - 1);
                expect(multiset(after.findings().map(key))).toEqual(new Map([...expected].filter(([, n]) => n > 0)));
                expect(after.plan().waived.map(key)).toEqual([key(finding)]);
                checked.push(finding.code);
            }),
            { numRuns: 60, seed: 20261126 },
        );
        // not vacuous: the fix was applied and checked on many findings of many codes
        expect(checked.length).toBeGreaterThan(30);
        expect(new Set(checked).size).toBeGreaterThan(5);
    });
});

/** Two findings start in the same innermost waiver-holding declaration. */
function coveredTogether(w: TestWorkspace, a: Diagnostic, b: Diagnostic): boolean {
    const holderOf = (d: Diagnostic) => {
        const doc = w.docs['plan.acct']!;
        const offset = doc.textDocument.offsetAt(d.range.start);
        const decls = [
            ...doc.parseResult.value.declarations.flatMap(c => ('contacts' in c ? [...c.contacts, ...c.opportunities, ...c.activities] : [])),
            ...doc.parseResult.value.declarations,
        ];
        return decls.find(n => n.$cstNode && offset >= n.$cstNode.offset && offset < n.$cstNode.end);
    };
    return holderOf(a) === holderOf(b);
}

export type { Finding };
