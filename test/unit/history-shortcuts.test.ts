/**
 * Shortcuts `acct history` takes at each commit, each against the longer way it replaces:
 * - two values compared without writing their JSON (contract/same-json.ts, `sameAsJson`: an
 *   element's fields, a finding's data): whenever it answers, it answers what comparing the two
 *   JSON texts answers;
 * - the documents sorted by URI kept between updates (acct-documents.ts, `byUri`): after documents
 *   are added and deleted, the same list as sorting them again;
 * - the builder's "are this document's results incomplete" without a set per document
 *   (acct-document-builder.ts): what Langium's findMissingValidationCategories says, for every
 *   document, built, updated or changed, and every kind of build options.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentState, URI, type BuildOptions, type LangiumDocument } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { commitFileSystem } from '../../server/src/node/commit-plans.js';
import { sameAsJson } from '../../server/src/contract/same-json.js';
import { AcctLangiumDocuments } from '../../server/src/language/workspace/acct-documents.js';
import { compareText } from '../../server/src/contract/findings.js';
import { uriOf } from './helpers.js';

const odd = { withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, maxDepth: 3 };
/** Two values: unrelated, the same, a copy, or a copy with one key's value made undefined or a function added. */
const pair = fc.oneof(
    fc.tuple(fc.anything(odd), fc.anything(odd)),
    fc.anything(odd).map(a => [a, a] as const),
    fc.anything(odd).map(a => [a, structuredClone(a)] as const),
    fc.tuple(fc.dictionary(fc.string({ maxLength: 2 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), fc.nat(4), fc.boolean()).map(([a, at, fn]) => {
        const b: Record<string, unknown> = { ...a };
        const key = Object.keys(b)[at] ?? 'k';
        if (fn) b[key] = () => 1;
        else b[key] = undefined;
        return [a, b] as const;
    }),
);

describe("the shortcuts of acct history's steps", () => {
    it('compares two values as their JSON texts compare, whenever it answers', () => {
        fc.assert(
            fc.property(pair, ([a, b]) => {
                const answer = sameAsJson(a, b);
                if (answer !== undefined) expect(answer).toBe(JSON.stringify(a) === JSON.stringify(b));
            }),
            { seed: 20261206, numRuns: 3000 },
        );
        // what the plan's JSON is made of: always answered
        expect(sameAsJson({ code: 'stale-contact', subject: 'contact:c/wang' }, { code: 'stale-contact', subject: 'contact:c/wang' })).toBe(true);
        expect(sameAsJson({ code: 'stale-contact', subject: undefined }, { code: 'stale-contact' })).toBe(true);
        expect(sameAsJson({ subject: 'x', code: 'y' }, { code: 'y', subject: 'x' })).toBe(false);
        expect(sameAsJson({ chain: [{ id: 'wang', support: 2 }], tags: [] }, { chain: [{ id: 'wang', support: 2 }], tags: [] })).toBe(true);
        expect(sameAsJson({ chain: [{ id: 'wang', support: 2 }] }, { chain: [{ id: 'wang', support: 3 }] })).toBe(false);
    });

    it('keeps the documents sorted by URI, and the build’s view of which results are incomplete, as the long ways give them', async () => {
        const fileSystem = commitFileSystem();
        const { shared } = createAcctServices({ fileSystemProvider: () => fileSystem });
        const documents = shared.workspace.LangiumDocuments as AcctLangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        const factory = shared.workspace.LangiumDocumentFactory;
        const add = (file: string, text: string) => {
            const uri = URI.parse(uriOf(file));
            fileSystem.texts.set(uri.toString(), text);
            const document = factory.fromString(text, uri);
            documents.addDocument(document);
            return document;
        };
        const customer = (id: string) => `customer ${id} "${id.toUpperCase()}" {\n    owner alice\n}\n`;
        const sorted = () =>
            documents.all
                .toArray()
                .sort((a, b) => compareText(a.uri.toString(), b.uri.toString()))
                .map(doc => doc.uri.toString());
        const inOrder = () => documents.byUri().map(doc => doc.uri.toString());
        const optionsList: Array<BuildOptions | undefined> = [
            undefined,
            {},
            { validation: true },
            { validation: false },
            { validation: { categories: ['built-in', 'fast'] } },
            { validation: { categories: ['slow'] } },
            { validation: {} },
        ];
        type Internals = {
            resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean;
            findMissingValidationCategories(document: LangiumDocument, options: BuildOptions | undefined): unknown[];
        };
        const internals = builder as unknown as Internals;
        const agree = () => {
            for (const document of documents.all) {
                for (const options of optionsList) {
                    expect(internals.resultsAreIncomplete(document, options)).toBe(internals.findMissingValidationCategories(document, options).length >= 1);
                }
            }
        };

        const first = [add('team.acct', 'member alice "Alice Chen"\n'), add('b.acct', customer('beta')), add('a.acct', customer('acme'))];
        agree(); // nothing built yet
        await builder.build(first, { validation: { categories: ['built-in', 'fast'] } });
        expect(inOrder()).toEqual(sorted());
        agree();
        await builder.build(first, { validation: true });
        agree();
        const added = add('c d.acct', customer('gamma'));
        expect(inOrder()).toEqual(sorted());
        agree(); // one document not built
        await builder.update([added.uri], []);
        agree();
        builder.resetToState(first[1]!, DocumentState.IndexedReferences);
        agree(); // one document to validate again
        await builder.update([], [first[1]!.uri]);
        expect(inOrder()).toEqual(sorted());
        expect(inOrder()).toHaveLength(3);
        agree();
    });
});
