/**
 * The date-only path of `acct history` (history-engine.ts): when only today moves, a file whose
 * text and links did not change keeps its findings that do not read today and re-runs only the
 * date-driven checks (AcctDocumentValidator.revalidateDates), the finding policy applied again.
 * It must give exactly what a full check with the new today gives: the findings, their
 * severities and messages, and the waived ones — for random plans and random pairs of dates,
 * under a random policy (severities changed or off) and with a syntax error or not (muted findings).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadTexts } from '../../server/src/node/workspace-loader.js';
import { addDays } from '../../server/src/method/index.js';
import type { AcctDocumentValidator } from '../../server/src/language/validation/acct-document-validator.js';

const day = fc.integer({ min: -500, max: 120 }).map(n => addDays('2026-03-10', n));
const activity = (id: string) =>
    fc
        .record({
            kind: fc.constantFrom('visit', 'executive-visit', 'exhibition', 'hq-visit'),
            with: fc.constantFrom('wang', 'li'),
            status: fc.constantFrom('planned', 'done', 'cancelled'),
            date: day,
            waiver: fc.option(day, { nil: undefined }),
        })
        .map(
            a =>
                `    activity ${id} "${id}" { kind ${a.kind} date ${a.date} with ${a.with} status ${a.status}${
                    a.waiver ? `\n        waive overdue-activity "moved to the expo" until ${a.waiver}` : ''
                } }\n`,
        );

const plan = (id: string) =>
    fc
        .record({
            reviewed: fc.option(day, { nil: undefined }),
            wangContact: fc.option(day, { nil: undefined }),
            liContact: fc.option(day, { nil: undefined }),
            wangSupport: fc.constantFrom(-1, 0, 1, 2),
            liSupport: fc.constantFrom(-1, 0, 1, 3),
            staleWaiver: fc.option(day, { nil: undefined }),
            unusedWaiver: fc.option(day, { nil: undefined }),
            activities: fc.array(fc.nat({ max: 99 }), { maxLength: 4 }),
            first: activity('a0'),
            second: activity('a1'),
            third: activity('a2'),
        })
        .map(
            p => `customer ${id} "${id.toUpperCase()}" {
    tier value standing 3 cooperation 3${p.reviewed ? ` reviewed ${p.reviewed}` : ''}
    contact wang "Wang Lei" { role decision-maker support ${p.wangSupport}${p.wangContact ? ` last-contact ${p.wangContact}` : ''}${
        p.staleWaiver ? `\n        waive stale-contact "met at the expo, not written" until ${p.staleWaiver}` : ''
    } }
    contact li "Li Na" { role approver support ${p.liSupport}${p.liContact ? ` last-contact ${p.liContact}` : ''} }
${p.activities.length > 0 ? p.first : ''}${p.activities.length > 1 ? p.second : ''}${p.activities.length > 2 ? p.third : ''}    opportunity deal "Deal" {
        stage opportunity budget 1M CNY start 2027-03-01
        decision-chain { wang li }${p.unusedWaiver ? `\n        waive unfounded-support "the sponsor vouches for Li" until ${p.unusedWaiver}` : ''}
    }
}
`,
        );

/** The workspace's policy: the severities of date-driven codes and of one that does not read today (incomplete-iron-triangle), each maybe changed or off. */
const policy = fc
    .record({
        stale: fc.option(fc.constantFrom('off', 'info', 'error'), { nil: undefined }),
        unfounded: fc.option(fc.constantFrom('off', 'info', 'error'), { nil: undefined }),
        triangle: fc.option(fc.constantFrom('off', 'info', 'error'), { nil: undefined }),
        days: fc.option(fc.integer({ min: 30, max: 200 }), { nil: undefined }),
    })
    .map(
        p =>
            `member alice "Alice"\n${
                p.stale || p.unfounded || p.triangle || p.days
                    ? `policy {\n${p.days ? `    stale-contact-days ${p.days}\n` : ''}${p.stale ? `    severity stale-contact ${p.stale}\n` : ''}${
                          p.unfounded ? `    severity unfounded-support ${p.unfounded}\n` : ''
                      }${p.triangle ? `    severity incomplete-iron-triangle ${p.triangle}\n` : ''}}\n`
                    : ''
            }`,
    );

/** A plan with a syntax error in its customer (maybe): its findings that do not say the plan is wrong are muted (finding-policy.ts). */
const broken = (text: string, yes: boolean) => (yes ? text.replace('    contact li ', '    contact ??? li ') : text);

const seen = (d: Diagnostic) => ({ line: d.range.start.line, character: d.range.start.character, severity: d.severity, code: d.code, message: d.message });

describe('date-only re-check (acct history): the same findings as a full check with the new today', () => {
    it('random plans, random moves of today, forward and back', async () => {
        const codes = new Set<string>();
        await fc.assert(
            fc.asyncProperty(
                plan('acme'),
                plan('beta'),
                day,
                fc.array(day, { minLength: 1, maxLength: 4 }),
                policy,
                fc.boolean(),
                async (acme, beta, first, moves, team, mangled) => {
                    const files = [
                        { file: '/ws/team.acct', text: team },
                        { file: '/ws/acme.acct', text: acme },
                        { file: '/ws/beta.acct', text: broken(beta, mangled) },
                    ];
                    const cheap = await loadTexts(files, { today: first, cwd: '/ws' });
                    const validator = cheap.acct.validation.DocumentValidator as AcctDocumentValidator;
                    // kept from the first full validation on: validate once more in full with keepForDates
                    validator.keepForDates = true;
                    for (const document of cheap.documents) document.diagnostics = await validator.validateDocument(document);
                    for (const today of moves) {
                        cheap.acct.workspace.AcctSettings.todayOverride = today;
                        for (const document of cheap.documents) {
                            const again = await validator.revalidateDates(document);
                            expect(again).toBeDefined();
                            document.diagnostics = again;
                        }
                        const full = await loadTexts(files, { today, cwd: '/ws' });
                        const [cheapPolicy, fullPolicy] = [cheap.acct.validation.FindingPolicy, full.acct.validation.FindingPolicy];
                        cheap.documents.forEach((document, i) => {
                            const other = full.documents[i]!;
                            for (const d of other.diagnostics!) codes.add(String(d.code));
                            expect(document.diagnostics!.map(seen).sort(byPlace)).toEqual(other.diagnostics!.map(seen).sort(byPlace));
                            const waived = (list: ReturnType<typeof cheapPolicy.waivedIn>) =>
                                list.map(w => ({ ...seen(w.diagnostic), until: w.waiver.until })).sort(byPlace);
                            expect(waived(cheapPolicy.waivedIn(document))).toEqual(waived(fullPolicy.waivedIn(other)));
                        });
                    }
                },
            ),
            { numRuns: 60, seed: 20261207 },
        );
        // the runs met the findings that today brings, and the waivers' (not a property true of nothing)
        for (const code of [
            'overdue-activity',
            'stale-contact',
            'stale-tier-review',
            'unfounded-support',
            'opposed-key-person',
            'expired-waiver',
            'unused-waiver',
            'syntax',
        ]) {
            expect(codes).toContain(code);
        }
    });

    it('a document changed since its last validation is not re-checked by date alone', async () => {
        const loaded = await loadTexts([{ file: '/ws/acme.acct', text: 'customer acme "Acme" {\n}\n' }], { today: '2026-03-10', cwd: '/ws' });
        const validator = loaded.acct.validation.DocumentValidator as AcctDocumentValidator;
        // never validated with keepForDates: nothing kept, a full validation is needed
        expect(await validator.revalidateDates(loaded.documents[0]!)).toBeUndefined();
    });
});

function byPlace(a: ReturnType<typeof seen>, b: ReturnType<typeof seen>): number {
    return a.line - b.line || a.character - b.character || String(a.code).localeCompare(String(b.code)) || String(a.message).localeCompare(String(b.message));
}
