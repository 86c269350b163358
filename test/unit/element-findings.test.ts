/**
 * The findings of the elements an edit did not touch are reused (server/src/language/validation/
 * element-findings.ts), and what the editor then shows is what a full build gives: random sequences
 * of edits of a customer — each changing one fact another element's checks read (a contact's
 * support, role, owner, KPIs, last contact, competitor support, manager, influence, name; a deal's
 * stage, chain or competitors; an activity's status, date, kind or contacts), moving elements by
 * lines, adding and removing elements and waivers, renaming the customer, and changing the policy — each
 * compared, findings and all their data, with a full build of the same texts.
 */
import { describe, expect, it, vi } from 'vitest';
import * as fc from 'fast-check';
import { AstUtils, EmptyFileSystem, isReference, URI, type LangiumDocument, type ReferenceDescription } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAcctServices } from '../../server/src/acct-module.js';
import type { Workspace } from '../../server/src/language/generated/ast.js';
import { ReuseRound } from '../../server/src/language/validation/element-findings.js';
import { indexManagerInternals } from '../../server/src/language/langium-internals.js';
import { TODAY, uriOf } from './helpers.js';

const TEAM = `member alice "Alice Chen"
member bob "Bob Li"
competitor zte "ZTE"
competitor nokia "Nokia"

policy {
    stale-contact-days 90
}
`;

const CUSTOMER = `customer acme "ACME" {
    tier excellent
    organization none
    owner alice

    contact li "Li Wei" {
        role decision-maker
        support 2
        intimacy 1
        last-contact 2026-11-01
        owner bob
        competitor-support zte 3
        kpi "uptime"
    }
    contact wang "Wang Fang" {
        role approver
        support -1
        reports-to li
        influences li, zhao
    }
    contact zhao "Zhao Min" {
        role evaluator
        support 1
        reports-to wang
        last-contact 2026-01-05
    }
    contact chen "Chen Jie" {
        support 0
        intimacy 3
    }
    opportunity core "Core network" {
        stage bid
        budget 1M CNY
        start 2027-01-01
        team { ar alice sr bob }
        decision-chain { li wang zhao support 3 chen user }
        competitors zte, nokia
    }
    opportunity edge "Edge" {
        stage lead
        decision-chain { zhao decision-maker }
    }
    activity visit "Visit" {
        kind executive-visit
        with wang, li
        date 2026-10-01
        status done
    }
    activity dinner "Dinner" {
        kind dinner
        with zhao
        date 2026-11-01
        status planned
    }
}
`;

type Edit = [string, (text: string) => string];

/** Toggles between two written forms (the first found becomes the other). */
const toggle = (a: string, b: string) => (text: string) => (text.includes(a) ? text.replace(a, b) : text.replace(b, a));

const customerEdits: Edit[] = [
    ['acme.acct', toggle('support 2\n        intimacy 1', 'support -1\n        intimacy 1')],
    ['acme.acct', toggle('role decision-maker\n        support 2', 'role user\n        support 2')],
    ['acme.acct', toggle('        owner bob\n', '')],
    ['acme.acct', toggle('        kpi "uptime"\n', '')],
    ['acme.acct', toggle('last-contact 2026-11-01', 'last-contact 2025-11-01')],
    ['acme.acct', toggle('competitor-support zte 3', 'competitor-support nokia 3')],
    ['acme.acct', toggle('        reports-to li\n', '        reports-to zhao\n')],
    ['acme.acct', toggle('influences li, zhao', 'influences chen')],
    ['acme.acct', toggle('support -1\n        reports-to', 'support 0\n        reports-to')],
    ['acme.acct', toggle('contact zhao "Zhao Min"', 'contact zhao2 "Zhao Min"')],
    ['acme.acct', toggle('contact chen "Chen Jie"', 'contact chen "Chen J."')],
    ['acme.acct', toggle('stage bid', 'stage won')],
    ['acme.acct', toggle('stage lead', 'stage opportunity')],
    ['acme.acct', toggle('{ li wang zhao support 3 chen user }', '{ wang chen }')],
    ['acme.acct', toggle('competitors zte, nokia', 'competitors nokia')],
    ['acme.acct', toggle('status done', 'status planned')],
    ['acme.acct', toggle('date 2026-10-01', 'date 2026-12-01')],
    ['acme.acct', toggle('kind executive-visit', 'kind exhibition')],
    ['acme.acct', toggle('with wang, li', 'with zhao')],
    // what only the element's own checks read (a contact's intimacy), and a comment in an element:
    // the other elements keep their keys without reading the others again
    ['acme.acct', toggle('support 2\n        intimacy 1', 'support 2\n        intimacy -2')],
    ['acme.acct', toggle('        kpi "uptime"\n', '        kpi "uptime" // the one that counts\n')],
    ['acme.acct', toggle('kind dinner', 'kind dinner // with the team')],
    // elements moved by lines (a comment above them), and on their line
    ['acme.acct', toggle('    owner alice\n', '    owner alice\n    // a note\n\n')],
    ['acme.acct', toggle('    contact chen', '      contact chen')],
    // an element added, one removed, one written twice
    ['acme.acct', toggle('\n    contact sun "Sun" { support 3 }\n}', '\n}')],
    ['acme.acct', text => text.replace(/\n {4}activity dinner "Dinner" \{[^}]*\}\n/, '\n')],
    ['acme.acct', toggle('    contact chen "Chen Jie" {', '    contact li "Li again" { }\n    contact chen "Chen Jie" {')],
    // the customer renamed: every subject changes
    ['acme.acct', toggle('customer acme "ACME"', 'customer acme2 "ACME"')],
    // a syntax error in an element, and back
    ['acme.acct', toggle('intimacy 3', 'intimacy 3 }')],
    // waivers in an element, in an element the edit did not touch, and of the customer (the policy's walk for them)
    ['acme.acct', toggle('        influences li, zhao\n', '        influences li, zhao\n        waive opposed-influence "known, handled by Li"\n')],
    ['acme.acct', toggle('        intimacy 3\n', '        intimacy 3\n        waive stale-contact "not in a deal"\n')],
    ['acme.acct', toggle('        stage lead\n', '        stage lead\n        waive unknown-support "asked next week" until 2026-01-01\n')],
    ['acme.acct', toggle('    organization none\n', '    organization none\n    waive no-power-map "a small deal"\n')],
    // the policy and a competitor's name, in another file
    ['team.acct', toggle('stale-contact-days 90', 'stale-contact-days 10')],
    ['team.acct', toggle('competitor zte "ZTE"', 'competitor zte "ZTE Corp"')],
];

/** Each reference of the document, in the tree's order, with the node it resolves to (its file and path) or its error. */
const locator = createAcctServices(EmptyFileSystem).Acct.workspace.AstNodeLocator;
function targets(document: LangiumDocument): string {
    const lines: string[] = [];
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        for (const { reference } of AstUtils.streamReferences(node)) {
            const target = isReference(reference) ? reference.ref : undefined;
            if (!target) {
                lines.push(`${reference.$refText} -> unresolved`);
                continue;
            }
            const file = AstUtils.getDocument(target);
            const path = locator.getAstNodePath(target);
            // a node no longer in its document's tree (an old node an edit replaced) is not a target a full build gives
            const current = locator.getAstNode(file.parseResult.value, path) === target ? '' : ' (a replaced node)';
            lines.push(`${reference.$refText} -> ${file.uri.path}#${path}${current}`);
        }
    }
    return lines.join('\n');
}

/**
 * The document's entries in the index of references (acct-descriptions.ts reuses those of
 * references an edit kept), as find-references and the rebuild of affected files read them.
 */
function indexed(shared: ReturnType<typeof createAcctServices>['shared'], document: LangiumDocument): string {
    const entries = (indexManagerInternals(shared.workspace.IndexManager).referenceIndex.get(document.uri.toString()) ?? []) as ReferenceDescription[];
    return entries
        .map(e => `${e.sourceUri.path} ${e.sourcePath} -> ${e.targetUri.path}#${e.targetPath} ${e.local} ${e.segment.offset}+${e.segment.length}`)
        .join('\n');
}

/** The day the workspace is checked with (moved by the test of days). */
const day = { today: TODAY };

async function workspace(files: Record<string, string>) {
    day.today = TODAY;
    const { shared, Acct } = createAcctServices(EmptyFileSystem);
    Acct.workspace.AcctSettings.todayOverride = TODAY;
    const documents = Object.entries(files).map(([name, text]) => shared.workspace.LangiumDocumentFactory.fromString<Workspace>(text, URI.parse(uriOf(name))));
    documents.forEach(doc => shared.workspace.LangiumDocuments.addDocument(doc));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const texts = { ...files };
    let version = 1;
    const edit = async (name: string, change: (text: string) => string) => {
        texts[name] = change(texts[name]!);
        Acct.workspace.AcctSettings.todayOverride = day.today;
        shared.workspace.TextDocuments!.set(TextDocument.create(uriOf(name), 'acct', ++version, texts[name]!));
        await shared.workspace.DocumentBuilder.update([URI.parse(uriOf(name))], []);
    };
    const document = (name: string) => shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf(name))) as LangiumDocument<Workspace>;
    /**
     * Every file's findings (all of each, data and quick fixes included), the target of each of
     * its references (acct-linker.ts keeps those an edit cannot have changed) and its entries in
     * the index of references, and the same from a full build of the same texts.
     */
    const compare = async () => {
        const fresh = createAcctServices(EmptyFileSystem);
        fresh.Acct.workspace.AcctSettings.todayOverride = day.today;
        const again = Object.entries(texts).map(([name, text]) =>
            fresh.shared.workspace.LangiumDocumentFactory.fromString<Workspace>(text, URI.parse(uriOf(name))),
        );
        again.forEach(doc => fresh.shared.workspace.LangiumDocuments.addDocument(doc));
        await fresh.shared.workspace.DocumentBuilder.build(again, { validation: true });
        return {
            now: Object.keys(texts).map(name => JSON.stringify(document(name).diagnostics) + targets(document(name)) + indexed(shared, document(name))),
            full: again.map(doc => JSON.stringify(doc.diagnostics) + targets(doc) + indexed(fresh.shared, doc)),
        };
    };
    return { edit, compare, document };
}

describe('an edit reuses the findings of the elements it did not touch', () => {
    it('reuses them: an edit of one contact checks that contact again, and the findings are the full build’s', async () => {
        const taken = vi.spyOn(ReuseRound.prototype, 'take');
        const w = await workspace({ 'team.acct': TEAM, 'acme.acct': CUSTOMER });
        await w.edit('acme.acct', t => t.replace('intimacy 3', 'intimacy 2'));
        await w.edit('acme.acct', t => t.replace('intimacy 2', 'intimacy -2'));
        // 8 elements: 7 found kept at the second edit (the first keeps them), 1 made again
        const last = taken.mock.results.slice(-8).map(r => r.value !== undefined);
        expect(last.filter(Boolean).length).toBe(7);
        const { now, full } = await w.compare();
        expect(now).toEqual(full);
        taken.mockRestore();
    });

    it('keeps the keys of the untouched elements when the edited one shows the others the same facts', async () => {
        const w = await workspace({ 'team.acct': TEAM, 'acme.acct': CUSTOMER });
        await w.edit('acme.acct', t => t.replace('intimacy 3', 'intimacy 2'));
        await w.edit('acme.acct', t => t.replace('intimacy 2', 'intimacy 1'));
        // what the key reads of the other elements (private: the spy counts the elements whose key is worked out)
        const facts = vi.spyOn(ReuseRound.prototype as unknown as { factsOf: () => string }, 'factsOf');
        // an intimacy, read by its contact's checks only: the other 7 elements keep their keys
        await w.edit('acme.acct', t => t.replace('intimacy 1\n        last-contact', 'intimacy -1\n        last-contact'));
        expect(facts).toHaveBeenCalledTimes(1);
        // li's support, read by the deal whose chain names it: every key is worked out again
        facts.mockClear();
        await w.edit('acme.acct', t => t.replace('support 2\n', 'support 1\n'));
        expect(facts).toHaveBeenCalledTimes(8);
        const { now, full } = await w.compare();
        expect(now).toEqual(full);
        facts.mockRestore();
    });

    it('gives the findings of a full build after any sequence of edits of facts other elements read', async () => {
        let reused = 0;
        const take = ReuseRound.prototype.take;
        const spy = vi.spyOn(ReuseRound.prototype, 'take').mockImplementation(function (this: ReuseRound, ...args) {
            const found = take.apply(this, args);
            if (found) reused++;
            return found;
        });
        await fc.assert(
            fc.asyncProperty(fc.array(fc.integer({ min: 0, max: customerEdits.length - 1 }), { minLength: 2, maxLength: 8 }), async picks => {
                const w = await workspace({ 'team.acct': TEAM, 'acme.acct': CUSTOMER });
                for (const pick of picks) {
                    const [name, change] = customerEdits[pick]!;
                    await w.edit(name, change);
                    const { now, full } = await w.compare();
                    expect(now).toEqual(full);
                }
            }),
            { numRuns: Number(process.env.ACCT_PROPERTY_RUNS ?? 60), seed: 20261206 },
        );
        spy.mockRestore();
        // the test means something only if findings were reused
        expect(reused).toBeGreaterThan(100);
    }, 300_000);

    it('gives the findings of a full build with each day when the edits come on other days (the checks that read today run again)', async () => {
        let acrossDays = 0;
        const earlier = ReuseRound.prototype.madeOnAnotherDay;
        const spy = vi.spyOn(ReuseRound.prototype, 'madeOnAnotherDay').mockImplementation(function (this: ReuseRound, ...args) {
            const kept = earlier.apply(this, args);
            if (kept) acrossDays++;
            return kept;
        });
        // around the plan's dates: a planned dinner overdue or not, a last contact stale or not, days counted
        const days = ['2026-10-01', '2026-10-02', '2026-11-01', '2026-11-02', '2026-11-22', '2027-01-30', '2027-02-01', '2027-06-01'];
        await fc.assert(
            fc.asyncProperty(
                fc.array(fc.tuple(fc.integer({ min: 0, max: customerEdits.length - 1 }), fc.constantFrom(...days)), { minLength: 2, maxLength: 8 }),
                async steps => {
                    const w = await workspace({ 'team.acct': TEAM, 'acme.acct': CUSTOMER });
                    for (const [pick, today] of steps) {
                        const [name, change] = customerEdits[pick]!;
                        day.today = today;
                        await w.edit(name, change);
                        const { now, full } = await w.compare();
                        expect(now).toEqual(full);
                    }
                },
            ),
            { numRuns: Number(process.env.ACCT_PROPERTY_RUNS ?? 40), seed: 20261206 },
        );
        spy.mockRestore();
        // the test means something only if findings made on another day were reused
        expect(acrossDays).toBeGreaterThan(100);
    }, 300_000);
});
