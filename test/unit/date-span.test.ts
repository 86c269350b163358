/**
 * The days a file's findings hold (issue 20 item 4, `acct history`): a file whose every
 * date-driven outcome holds on the new day (AcctDocumentValidator.datesHoldOn, the walk of its
 * last date-only re-check) keeps its findings without a re-check. Kept or re-checked, a file must
 * have on each day exactly what a full check with that day as today gives: random plans, a full
 * check on one day (the first build, then maybe a later validation on another day or the same),
 * then random days, forward and back.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { EmptyFileSystem } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { loadTexts } from '../../server/src/node/workspace-loader.js';
import { addDays, dayNumber } from '../../server/src/method/index.js';
import type { AcctDocumentValidator } from '../../server/src/language/validation/acct-document-validator.js';

const day = fc.integer({ min: -400, max: 120 }).map(n => addDays('2026-03-10', n));

const contact = (id: string) =>
    fc
        .record({
            role: fc.constantFrom('decision-maker', 'approver', 'user'),
            support: fc.constantFrom(-1, 0, 1, 2, 3),
            last: fc.option(day, { nil: undefined }),
        })
        .map(c => `    contact ${id} "${id}" { role ${c.role} support ${c.support}${c.last ? ` last-contact ${c.last}` : ''} }\n`);

const activity = (id: string) =>
    fc
        .record({
            kind: fc.constantFrom('visit', 'executive-visit', 'exhibition'),
            with: fc.constantFrom('wang', 'li', 'zhao'),
            status: fc.constantFrom('planned', 'done'),
            date: day,
        })
        .map(a => `    activity ${id} "${id}" { kind ${a.kind} date ${a.date} with ${a.with} status ${a.status} }\n`);

const plan = (id: string) =>
    fc
        .record({
            reviewed: fc.option(day, { nil: undefined }),
            contacts: fc.tuple(contact('wang'), contact('li'), contact('zhao')),
            activities: fc.array(fc.nat({ max: 9 }), { maxLength: 5 }),
            waiver: fc.option(day, { nil: undefined }),
            stage: fc.constantFrom('opportunity', 'bid', 'won'),
        })
        .chain(p => fc.tuple(fc.constant(p), fc.tuple(...p.activities.map((_, i) => activity(`a${i}`)))))
        .map(
            ([p, activities]) => `customer ${id} "${id.toUpperCase()}" {
    tier value standing 3 cooperation 3${p.reviewed ? ` reviewed ${p.reviewed}` : ''}
${p.contacts.join('')}${activities.join('')}    opportunity deal "Deal" {
        stage ${p.stage} budget 1M CNY start 2027-03-01
        decision-chain { wang li zhao }${p.waiver ? `\n        waive stale-contact "met at the expo" until ${p.waiver}` : ''}
    }
}
`,
        );

const seen = (d: Diagnostic) => ({ line: d.range.start.line, character: d.range.start.character, severity: d.severity, code: d.code, message: d.message });

/** The counts of files kept and re-checked, over a property's runs: both ways must be taken. */
const taken = { skipped: 0, rechecked: 0 };

/**
 * Builds the three files with `first` as today (then validates them again on `again`), moves today
 * through `moves`: each file kept (its findings hold on the day) or re-checked, and on each day
 * every file's findings those of a full check with that day.
 */
async function holdsEveryDay(acme: string, beta: string, first: string, again: string | undefined, moves: readonly string[]): Promise<void> {
    const files = [
        { file: '/ws/team.acct', text: 'member alice "Alice"\n' },
        { file: '/ws/acme.acct', text: acme },
        { file: '/ws/beta.acct', text: beta },
    ];
    // as acct history builds: every finding kept for the dates from the first validation on
    const { shared, Acct } = createAcctServices({ ...EmptyFileSystem, oneShot: true });
    const validator = Acct.validation.DocumentValidator as AcctDocumentValidator;
    validator.keepForDates = true;
    Acct.workspace.AcctSettings.todayOverride = first;
    const documents = files.map(({ file, text }) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    if (again) {
        // a later full validation (a commit that changed the file), on another day or the same
        Acct.workspace.AcctSettings.todayOverride = again;
        for (const document of documents) document.diagnostics = await validator.validateDocument(document);
    }
    for (const today of moves) {
        Acct.workspace.AcctSettings.todayOverride = today;
        for (const document of documents) {
            const span = validator.datesHoldOn(document);
            if (span && span.from <= dayNumber(today)! && dayNumber(today)! <= span.to) {
                taken.skipped++;
                continue;
            }
            taken.rechecked++;
            const findings = await validator.revalidateDates(document);
            expect(findings).toBeDefined();
            document.diagnostics = findings;
        }
        const full = await loadTexts(files, { today, cwd: '/ws' });
        documents.forEach((document, i) => {
            expect(document.diagnostics!.map(seen).sort(byPlace)).toEqual(full.documents[i]!.diagnostics!.map(seen).sort(byPlace));
        });
    }
}

describe('the days a file’s date-driven findings hold (acct history)', () => {
    it('kept or re-checked, each file has on each day what a full check with that day gives', async () => {
        taken.skipped = taken.rechecked = 0;
        await fc.assert(
            fc.asyncProperty(plan('acme'), plan('beta'), day, fc.option(day, { nil: undefined }), fc.array(day, { minLength: 1, maxLength: 6 }), holdsEveryDay),
            { numRuns: 60, seed: 20261206 },
        );
        // both ways were taken (not a property true of nothing)
        expect(taken.skipped).toBeGreaterThan(0);
        expect(taken.rechecked).toBeGreaterThan(0);
    });

    it('day after day, as a history moves: a node that ran again every day and holds again joins the file’s kept findings for the days it holds', async () => {
        // a few days at a time, mostly forward, as a history's commits move today: the walk of a
        // file's last re-check holds for a while, its nodes near a critical day or counting days run
        // again, and once one holds again it is kept with the others (findings-for-dates.ts, settled)
        taken.skipped = taken.rechecked = 0;
        const steps = fc.array(fc.integer({ min: -2, max: 7 }), { minLength: 4, maxLength: 14 });
        await fc.assert(
            fc.asyncProperty(plan('acme'), plan('beta'), day, steps, (acme, beta, first, moves) =>
                holdsEveryDay(
                    acme,
                    beta,
                    first,
                    undefined,
                    moves.map((_, i) =>
                        addDays(
                            first,
                            moves.slice(0, i + 1).reduce((sum, step) => sum + step, 0),
                        ),
                    ),
                ),
            ),
            { numRuns: 30, seed: 20261207 },
        );
        expect(taken.skipped).toBeGreaterThan(0);
        expect(taken.rechecked).toBeGreaterThan(0);
    });

    it('a tier never reviewed: its day-counting finding reads no date, holds on every day, and its file is kept after one re-check', async () => {
        // "has a tier but no review date" is of a day-counting code, but nothing in it depends on today: the
        // customer's node holds on any day (findings-for-dates.ts, outcomeOf), where it ran again on every new day
        const never = (id: string) => `customer ${id} "${id.toUpperCase()}" {\n    tier value standing 3 cooperation 3\n}\n`;
        taken.skipped = taken.rechecked = 0;
        await holdsEveryDay(never('acme'), never('beta'), '2026-03-10', undefined, ['2026-03-11', '2026-03-12', '2026-04-20', '2025-11-02', '2027-01-01']);
        // the first move re-checks the three files (no walk yet); every later day keeps them
        expect(taken).toEqual({ skipped: 12, rechecked: 3 });
    });
});

function byPlace(a: ReturnType<typeof seen>, b: ReturnType<typeof seen>): number {
    return a.line - b.line || a.character - b.character || String(a.code).localeCompare(String(b.code)) || String(a.message).localeCompare(String(b.message));
}
