/**
 * Contract 1.1 (section 6.3) in the checker: waivers (in force until their date, in an outer
 * declaration, of another code, of a code no waiver may name) and the policy's severities (the last
 * line counts, applied before waivers, in another file and re-checked when it changes), with the
 * export keys of 6.4.
 */
import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildWorkspace, rangeOf, summary, uriOf } from './helpers.js';
import { check, codes, deal, only, TEAM } from './contract-1-1-deal.js';

describe('waivers (6.3)', () => {
    const staleLi = deal(['last-contact 2026-11-01 owner bob', 'last-contact 2026-01-05 owner bob']);
    const waiving = (where: 'contact' | 'customer' | 'opportunity', waiver: string) =>
        where === 'contact'
            ? staleLi.replace('owner bob\n    }', `owner bob\n        ${waiver}\n    }`)
            : where === 'customer'
              ? staleLi.replace('standing 3', `${waiver}\n    standing 3`)
              : staleLi.replace('competitors rival', `competitors rival\n        ${waiver}`);

    it('a waiver in force takes its finding out of the problems and into the export with its reason', async () => {
        expect((await check(staleLi)).withCode('stale-contact')).toHaveLength(1);
        const w = await check(waiving('contact', 'waive stale-contact "on leave until December" until 2026-12-31'));
        expect(summary(w.findings())).toBe('');
        expect(w.plan().waived).toEqual([
            expect.objectContaining({
                file: 'plan.acct',
                code: 'stale-contact',
                severity: 'warning',
                reason: 'on leave until December',
                until: '2026-12-31',
            }),
        ]);
        expect(w.plan().diagnostics).toEqual([]);
    });

    it('a waiver until exactly today is in force; until yesterday it has expired and the finding is back', async () => {
        expect(summary((await check(waiving('contact', 'waive stale-contact "x" until 2026-11-22'))).findings())).toBe('');
        const text = waiving('contact', 'waive stale-contact "x" until 2026-11-21');
        const w = await check(text);
        expect(codes(w)).toEqual(['expired-waiver', 'stale-contact']);
        const expired = only(w, 'expired-waiver');
        expect(expired.severity).toBe('warning');
        expect(expired.range.start).toEqual(rangeOf(text, 'waive stale-contact').start);
        expect(w.plan().waived).toEqual([]);
    });

    it('a waiver without until never expires', async () => {
        const w = await check(waiving('contact', 'waive stale-contact "x"'), TEAM, '2099-01-01');
        expect(summary(w.findings())).not.toMatch(/Li Na|expired/);
        expect(w.plan().waived.map(f => f.code)).toEqual(['stale-contact']);
    });

    it('a waiver in an outer declaration covers a nested finding; one in another declaration does not', async () => {
        expect(summary((await check(waiving('customer', 'waive stale-contact "x"'))).findings())).toBe('');
        const w = await check(waiving('opportunity', 'waive stale-contact "x"'));
        expect(codes(w)).toEqual(['stale-contact', 'unused-waiver']);
    });

    it('a waiver of another code waives nothing and is reported unused', async () => {
        const text = waiving('contact', 'waive rational-turn-risk "x"');
        const w = await check(text);
        expect(codes(w)).toEqual(['stale-contact', 'unused-waiver']);
        expect(only(w, 'unused-waiver').message).toMatch(/waives nothing/);
    });

    it('invalid-code for every code a waiver may not name, and for unknown codes', async () => {
        for (const code of [
            'syntax',
            'unresolved-reference',
            'duplicate-id',
            'out-of-range',
            'reports-to-cycle',
            'invalid-code',
            'unused-waiver',
            'expired-waiver',
            'stale-contct',
        ]) {
            const w = await check(waiving('contact', `waive ${code} "x"`));
            const f = only(w, 'invalid-code');
            expect(f.severity, code).toBe('error');
            expect(w.withCode('unused-waiver'), code).toEqual([]);
        }
        expect(only(await check(waiving('contact', 'waive stale-contct "x"')), 'invalid-code').message).toMatch(/did you mean stale-contact\?/);
    });
});

describe('severities (6.3)', () => {
    const staleLi = deal(['last-contact 2026-11-01 owner bob', 'last-contact 2026-01-05 owner bob']);
    const policy = (...lines: string[]) => TEAM + `policy {\n${lines.map(l => `    ${l}\n`).join('')}}\n`;

    it('error, warning, info or off for a code, everywhere', async () => {
        expect(only(await check(staleLi, policy('severity stale-contact error')), 'stale-contact').severity).toBe('error');
        expect(only(await check(staleLi, policy('severity stale-contact info')), 'stale-contact').severity).toBe('info');
        expect((await check(staleLi, policy('severity stale-contact off'))).findings()).toEqual([]);
        expect((await check(staleLi, policy('severity stale-contact off'))).plan().diagnostics).toEqual([]);
    });

    it('the same code twice: the last line counts', async () => {
        expect(only(await check(staleLi, policy('severity stale-contact off', 'severity stale-contact error')), 'stale-contact').severity).toBe('error');
    });

    it('a waiver is applied after the severity: a finding turned off leaves its waiver unused', async () => {
        const text = staleLi.replace('owner bob\n    }', 'owner bob\n        waive stale-contact "x"\n    }');
        expect(codes(await check(text, policy('severity stale-contact off')))).toEqual(['unused-waiver']);
        // raised to error, the finding is still waived, with its new severity
        const raised = await check(text, policy('severity stale-contact error'));
        expect(raised.findings()).toEqual([]);
        expect(raised.plan().waived.map(f => `${f.severity} ${f.code}`)).toEqual(['error stale-contact']);
    });

    it('waiver findings follow the policy too', async () => {
        const unused = staleLi.replace('owner bob\n    }', 'owner bob\n        waive rational-turn-risk "x"\n    }');
        expect(codes(await check(unused, policy('severity unused-waiver off')))).toEqual(['stale-contact']);
    });

    it('invalid-code for the codes no policy may change; they keep their severity', async () => {
        for (const code of ['syntax', 'unresolved-reference', 'duplicate-id', 'out-of-range', 'reports-to-cycle', 'invalid-code']) {
            const w = await check(
                deal(['role decision-maker support 2 intimacy 1', 'role decision-maker support 7 intimacy 1']),
                policy(`severity ${code} off`),
            );
            expect(only(w, 'invalid-code').range.start.line, code).toBeGreaterThan(4);
            expect(only(w, 'out-of-range').severity, code).toBe('error');
        }
        expect((await check(staleLi, policy('severity unused-waiver info'))).withCode('invalid-code')).toEqual([]);
    });

    it('the policy in another file applies, and editing it re-checks this one', async () => {
        const w = await buildWorkspace(
            { 'team.acct': TEAM, 'policy.acct': 'policy { severity stale-contact error }\n', 'plan.acct': staleLi },
            { fresh: true },
        );
        expect(only(w, 'stale-contact').severity).toBe('error');
        // as the editor does: the open document's text changes, then `update` rebuilds
        w.shared.workspace.TextDocuments!.set(TextDocument.create(uriOf('policy.acct'), 'acct', 2, 'policy { severity stale-contact info }\n'));
        await w.shared.workspace.DocumentBuilder.update([URI.parse(uriOf('policy.acct'))], []);
        const plan = w.shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf('plan.acct')));
        expect(plan?.diagnostics?.filter(d => d.code === 'stale-contact').map(d => d.severity)).toEqual([3]);
    });
});
