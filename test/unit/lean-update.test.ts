/**
 * The builder's update looks only at the documents reset or built since its last look, not at
 * every document (language/workspace/lean-update.ts), and the document list finds a document by
 * its URI's text before Langium's trie (acct-documents.ts). Random sequences of edits, new files,
 * deletions, resets, builds and cancelled updates (fast-check, fixed seed): at every update the
 * documents it builds are those Langium's walk of every document would choose, in the same order,
 * every look-up by URI is the trie's, and after each step the findings are those of a fresh build
 * of the same texts.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { Cancellation, DefaultLangiumDocuments, DocumentState, URI, type LangiumDocument } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { commitFileSystem } from '../../server/src/node/commit-plans.js';
import type { LeanUpdateBuilder } from '../../server/src/language/workspace/lean-update.js';
import { TODAY, uriOf } from './helpers.js';

const FILES = ['team.acct', 'a.acct', 'b.acct', 'c.acct', 'd.acct'];
const IDS = ['acme', 'beta', 'gamma'];
const MEMBERS = ['alice', 'bob'];

const text = fc
    .tuple(fc.constantFrom(...IDS), fc.constantFrom(...MEMBERS, 'nobody'), fc.boolean(), fc.integer({ min: 0, max: 3 }))
    .map(([id, owner, member, noise]) =>
        member ? `member ${owner} "${owner.toUpperCase()}"\n` : `customer ${id} "${id.toUpperCase()}" {\n    owner ${owner}\n}\n${'// note\n'.repeat(noise)}`,
    );

type Step =
    | { kind: 'edit'; files: string[]; text: string }
    | { kind: 'delete'; file: string }
    | { kind: 'reset'; file: string; state: DocumentState }
    | { kind: 'build'; file: string }
    | { kind: 'cancelled'; file: string; text: string; after: number };

const file = fc.constantFrom(...FILES);
const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), files: fc.uniqueArray(file, { minLength: 1, maxLength: 3 }), text }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), file }) },
    {
        weight: 1,
        arbitrary: fc.record({
            kind: fc.constant('reset' as const),
            file,
            state: fc.constantFrom(DocumentState.Changed, DocumentState.ComputedScopes, DocumentState.IndexedReferences),
        }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('build' as const), file }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelled' as const), file, text, after: fc.integer({ min: 0, max: 12 }) }) },
);

/** A token that says it is cancelled from its `after`-th question on. */
function cancelledAfter(after: number): Cancellation.CancellationToken {
    let asked = 0;
    return {
        get isCancellationRequested() {
            return ++asked > after;
        },
        onCancellationRequested: () => ({ dispose: () => undefined }),
    };
}

function workspace() {
    const fileSystem = commitFileSystem();
    const services = createAcctServices({ fileSystemProvider: () => fileSystem });
    services.Acct.workspace.AcctSettings.todayOverride = TODAY;
    return { fileSystem, ...services };
}

const findingsOf = (documents: Iterable<LangiumDocument>) =>
    new Map([...documents].map(doc => [doc.uri.toString(), (doc.diagnostics ?? []).map(d => `${d.range.start.line}:${d.code}:${d.message}`).sort()]));

describe('the lean update', () => {
    it('builds at each update the documents a walk of every document would, and finds each document by its URI', async () => {
        await fc.assert(
            fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async steps => {
                const { fileSystem, shared } = workspace();
                const documents = shared.workspace.LangiumDocuments;
                const builder = shared.workspace.DocumentBuilder as unknown as LeanUpdateBuilder;
                const internals = builder as unknown as {
                    documentsToBuild(): LangiumDocument[];
                    buildState: Map<string, { completed: boolean }>;
                    resultsAreIncomplete(doc: LangiumDocument, options: unknown): boolean;
                    updateBuildOptions: unknown;
                };
                // the oracle: Langium's filter of every document, asked just before each look
                const lean = internals.documentsToBuild.bind(builder);
                const looks: number[] = [];
                internals.documentsToBuild = () => {
                    const whole = documents.all
                        .filter(
                            doc =>
                                doc.state < DocumentState.Validated ||
                                !internals.buildState.get(doc.uri.toString())?.completed ||
                                internals.resultsAreIncomplete(doc, internals.updateBuildOptions),
                        )
                        .toArray();
                    const chosen = lean();
                    expect(chosen).toEqual(whole);
                    looks.push(builder.lastLook);
                    return chosen;
                };
                const uri = (name: string) => URI.parse(uriOf(name));
                const write = (name: string, content: string) => {
                    fileSystem.texts.set(uri(name).toString(), content);
                    if (!documents.hasDocument(uri(name))) {
                        const document = shared.workspace.LangiumDocumentFactory.fromModel({ $type: 'INVALID' } as never, uri(name));
                        (document as { state: DocumentState }).state = DocumentState.Changed;
                        documents.addDocument(document);
                    }
                };
                write('team.acct', 'member alice "Alice"\n');
                await builder.build(documents.all.toArray(), { validation: true });
                for (const s of steps) {
                    if (s.kind === 'edit') {
                        for (const name of s.files) write(name, s.text);
                        await builder.update(s.files.map(uri), []);
                    } else if (s.kind === 'delete') {
                        fileSystem.texts.delete(uri(s.file).toString());
                        await builder.update([], [uri(s.file)]);
                    } else if (s.kind === 'reset') {
                        const document = documents.getDocument(uri(s.file));
                        if (document && document.state > s.state) builder.resetToState(document, s.state);
                        await builder.update([], []);
                    } else if (s.kind === 'build') {
                        const document = documents.getDocument(uri(s.file));
                        if (document) await builder.build([document], { validation: true });
                    } else {
                        write(s.file, s.text);
                        await builder.update([uri(s.file)], [], cancelledAfter(s.after)).catch(() => undefined);
                    }
                    // every look-up by URI is the trie's, for present and absent documents alike
                    for (const name of FILES) {
                        const found = documents.getDocument(uri(name));
                        expect(found).toBe(DefaultLangiumDocuments.prototype.getDocument.call(documents, uri(name)));
                        expect(documents.hasDocument(uri(name))).toBe(found !== undefined);
                    }
                }
                // whatever a cancelled update left: the next update finishes it, as a fresh build of the texts does
                await builder.update([], []);
                const fresh = workspace();
                for (const [key, content] of fileSystem.texts) {
                    fresh.fileSystem.texts.set(key, content);
                    fresh.shared.workspace.LangiumDocuments.addDocument(fresh.shared.workspace.LangiumDocumentFactory.fromString(content, URI.parse(key)));
                }
                await fresh.shared.workspace.DocumentBuilder.build(fresh.shared.workspace.LangiumDocuments.all.toArray(), { validation: true });
                expect(findingsOf(documents.all)).toEqual(findingsOf(fresh.shared.workspace.LangiumDocuments.all));
                return looks.length > 0;
            }),
            { seed: 20261207, numRuns: 60 },
        );
    });

    it('looks at the changed documents only (and those the update before built), when only documents are edited', async () => {
        const { fileSystem, shared } = workspace();
        const documents = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder as unknown as LeanUpdateBuilder;
        for (let i = 0; i < 40; i++) {
            const key = uriOf(`f${i}.acct`);
            fileSystem.texts.set(key, `customer c${i} "C${i}" {\n    owner alice\n}\n`);
            documents.addDocument(shared.workspace.LangiumDocumentFactory.fromString(fileSystem.texts.get(key)!, URI.parse(key)));
        }
        await builder.build(documents.all.toArray(), { validation: true });
        await builder.update([], []); // the first look after the build: every document
        expect(builder.lastLook).toBe(40);
        for (const i of [3, 17, 29]) {
            fileSystem.texts.set(uriOf(`f${i}.acct`), `customer c${i} "C${i}" {\n    owner bob\n}\n`);
            await builder.update([URI.parse(uriOf(`f${i}.acct`))], []);
            // the edited one, and the one the update before built (it could have been left unfinished)
            expect(builder.lastLook).toBeLessThanOrEqual(2);
        }
    });
});
