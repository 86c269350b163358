/**
 * Hostile input, in process (issue: robust under hostile input): each defect found by probing
 * has its regression test here — the error recovery that overflowed the stack, the unterminated
 * string, runs of invalid characters, thousands of duplicates, deep reporting chains.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI, type ValidationChecks } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAcctServices } from '../../server/src/acct-module.js';
import type { AcctAstType } from '../../server/src/language/generated/ast.js';
import { buildWorkspace, summary } from './helpers.js';

describe('error recovery never overflows the stack', () => {
    it('1,500 recovered errors in a row (`member mN "M" }`): syntax errors, no exception, and the next file is checked', async () => {
        const broken = Array.from({ length: 1500 }, (_, i) => `member m${i} "M" }`).join('\n') + '\n';
        const w = await buildWorkspace({ 'broken.acct': broken, 'ok.acct': 'customer ok "Ok" { tier core }\n' });
        expect(w.withCode('syntax', 'broken.acct').length).toBeGreaterThan(0);
        expect(w.withCode('stale-tier-review', 'ok.acct')).toHaveLength(1);
    });

    it('3,000 `"a"a` inside a decision chain', async () => {
        const text = 'customer c "C" {\n    contact a "A" { }\n    opportunity o "O" { decision-chain {\n' + '"a"a\n'.repeat(3000) + '} }\n}\n';
        const w = await buildWorkspace({ 'plan.acct': text });
        expect(w.withCode('syntax').length).toBeGreaterThan(0);
        expect(w.findings().every(f => f.code === 'syntax' || f.code === 'unresolved-reference')).toBe(true);
    });
});

describe('the lexer speaks plainly', () => {
    it('an unterminated string is one error, and the lines after it parse', async () => {
        const text = 'member a "Alice\nmember b "Bob"\ncustomer c "C" { tier core }\n';
        const w = await buildWorkspace({ 'plan.acct': text });
        const syntax = w.withCode('syntax');
        expect(syntax.map(f => [f.range.start.line, f.message])).toEqual([[0, 'Unterminated string: close it with " on the same line.']]);
        expect(w.plan().members.map(m => [m.id, m.name])).toEqual([
            ['a', 'Alice'],
            ['b', 'Bob'],
        ]);
        expect(w.withCode('stale-tier-review')).toHaveLength(1);
    });

    it('a run of characters no token starts with is one error over the whole run', async () => {
        const text = 'member a "A" %%%$$$\u0000\u0007 member b "B"\n';
        const w = await buildWorkspace({ 'plan.acct': text });
        const [error] = w.withCode('syntax');
        expect(w.withCode('syntax')).toHaveLength(1);
        expect(error!.range).toEqual({ start: { line: 0, character: 13 }, end: { line: 0, character: 21 } });
        expect(error!.message).toMatch(/^Unexpected characters '%%%\$\$\$\\u0000\\u0007': no word of a plan starts with them/);
        expect(w.plan().members.map(m => m.id)).toEqual(['a', 'b']);
    });

    it('quotes and escapes inside strings are not mistaken for invalid characters', async () => {
        const text = 'member a "50% off \\"now\\" #1 @home"\n';
        const w = await buildWorkspace({ 'plan.acct': text });
        expect(summary(w.findings())).toBe('');
        expect(w.plan().members[0]!.name).toBe('50% off "now" #1 @home');
    });
});

describe('thousands of the same thing stay one line each', () => {
    it('4,000 members with one id: each finding names three others and counts the rest', async () => {
        const w = await buildWorkspace({ 'team.acct': 'member a "A"\n'.repeat(4000) });
        const found = w.withCode('duplicate-id');
        expect(found).toHaveLength(4000);
        expect(found[0]!.message).toMatch(/\(also member at team\.acct:2, member at team\.acct:3, member at team\.acct:4, 3996 more\)/);
        expect(Math.max(...found.map(f => f.message.length))).toBeLessThan(300);
    });

    it('a reporting cycle of 5,000 contacts: each finding names the loop in a bounded line', async () => {
        const n = 5000;
        const text = 'customer c "C" {\n' + Array.from({ length: n }, (_, i) => `    contact k${i} "K" { reports-to k${(i + 1) % n} }\n`).join('') + '}\n';
        const w = await buildWorkspace({ 'plan.acct': text });
        const found = w.withCode('reports-to-cycle');
        expect(found).toHaveLength(n);
        expect(found[0]!.message).toMatch(/^Reporting line loops back to 'k0' \(k0 → k1 → .* → k7 → … \(5000 contacts\) → k0\)/);
    });
});

describe('a check that throws', () => {
    it('is one internal-error finding on its element; the other checks still run', async () => {
        const { shared, Acct } = createAcctServices(EmptyFileSystem);
        Acct.workspace.AcctSettings.todayOverride = '2026-11-22';
        const planted: ValidationChecks<AcctAstType> = {
            Contact: contact => {
                if (contact.name === 'boom') throw new Error('a planted fault');
            },
        };
        Acct.validation.ValidationRegistry.register(planted);
        const text = 'customer c "C" {\n    tier core\n    contact boom "B" { support 3 intimacy -2 }\n}\n';
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///ws/plan.acct'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const codes = (document.diagnostics ?? []).map(d => String(d.code)).sort();
        expect(codes).toEqual(['internal-error', 'rational-turn-risk', 'stale-tier-review']);
        expect(document.diagnostics!.find(d => d.code === 'internal-error')!.message).toMatch(
            /could not finish a check here \(a planted fault\): a fault of acct, not of the plan/,
        );
    });
});

describe('a check that throws is a failing finding, never a clean result', () => {
    /** Services whose document validator's checks give `found()` or throw it. */
    async function planted(found: () => Diagnostic[]) {
        const { shared, Acct } = createAcctServices(EmptyFileSystem);
        (Acct.validation.DocumentValidator as unknown as { validateAst: () => Promise<Diagnostic[]> }).validateAst = async () => found();
        const text = 'customer c "C" {\n    tier core\n}\n';
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///ws/plan.acct'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        return { document, plan: Acct.plan.PlanBuilder.plan(URI.parse('file:///ws')) };
    }

    it('200,000 findings of one file are all kept (a spread push of them threw RangeError and dropped them all)', async () => {
        const one = (i: number): Diagnostic => ({
            severity: 2,
            code: 'stale-tier-review',
            data: { code: 'stale-tier-review' },
            message: `finding ${i}`,
            range: { start: { line: 1, character: 4 }, end: { line: 1, character: 13 } },
        });
        const { document, plan } = await planted(() => Array.from({ length: 200_000 }, (_, i) => one(i)));
        expect(document.diagnostics).toHaveLength(200_000);
        expect(plan.diagnostics).toHaveLength(200_000);
    });

    it('a validation that throws outside any one check becomes an internal-error finding, an error', async () => {
        const { document, plan } = await planted(() => {
            throw new RangeError('Maximum call stack size exceeded');
        });
        expect(document.diagnostics!.map(d => [d.code, d.severity])).toEqual([['internal-error', 1]]);
        expect(document.diagnostics![0]!.message).toMatch(/could not finish a check here \(RangeError: Maximum call stack size exceeded\)/);
        expect(plan.diagnostics.some(d => d.severity === 'error')).toBe(true);
    });
});
