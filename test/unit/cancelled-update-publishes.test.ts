/**
 * An update cancelled right after a document's checks ran (an edit elsewhere arrived meanwhile)
 * still publishes that document's findings and tells the plan's views and caches: the document is
 * validated, so no later update builds it again — without this, the editor never showed its
 * findings (acct-document-builder.ts; the survival test's missing diagnostics on CI).
 */
import { describe, expect, it } from 'vitest';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import { createAcctServices } from '../../server/src/acct-module.js';
import { commitFileSystem } from '../../server/src/node/commit-plans.js';
import { uriOf } from './helpers.js';

const TEAM = 'member alice "Alice Chen"\n';
// a tier review long past: one finding to publish
const PLAN = 'customer acme "Acme" {\n    owner alice\n    tier core\n    reviewed 2020-01-01\n}\n';

describe('an update cancelled after a document was checked', () => {
    it('publishes its findings and ends the phase for the documents that reached it; the next update builds the rest', async () => {
        const fileSystem = commitFileSystem();
        const { shared } = createAcctServices({ fileSystemProvider: () => fileSystem });
        const documents = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        const add = (file: string, text: string) => {
            fileSystem.texts.set(uriOf(file), text);
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uriOf(file)));
            documents.addDocument(document);
            return document;
        };
        const team = add('team.acct', TEAM);
        await builder.build([team], { validation: true });

        // what the language server listens to: a document's findings, and the end of a phase
        const published: string[] = [];
        const phases: string[][] = [];
        builder.onDocumentPhase(DocumentState.Validated, document => {
            published.push(`${document.uri.path.split('/').pop()}: ${document.diagnostics?.length ?? 'none'}`);
        });
        builder.onBuildPhase(DocumentState.Validated, docs => {
            phases.push(docs.map(d => d.uri.path.split('/').pop()!));
        });

        // the edit elsewhere arrives exactly when the first document's checks have run
        const source = new CancellationTokenSource();
        const validate = (builder as unknown as { validate(d: LangiumDocument, t: unknown): Promise<void> }).validate.bind(builder);
        let checked = 0;
        (builder as unknown as { validate(d: LangiumDocument, t: unknown): Promise<void> }).validate = async (document, token) => {
            await validate(document, token);
            if (++checked === 1) source.cancel();
        };
        add('a.acct', PLAN);
        add('b.acct', PLAN.replace('acme', 'beta').replace('Acme', 'Beta'));
        await expect(builder.update([URI.parse(uriOf('a.acct')), URI.parse(uriOf('b.acct'))], [], source.token)).rejects.toThrow();

        const first = published.map(p => p.split(':')[0]);
        expect(first).toHaveLength(1);
        const [done] = first;
        const other = done === 'a.acct' ? 'b.acct' : 'a.acct';
        expect(documents.getDocument(URI.parse(uriOf(done)))!.state).toBe(DocumentState.Validated);
        // its findings were published, not lost with the cancelled update
        expect(published).toEqual([expect.stringMatching(new RegExp(`^${done}: [1-9]`))]);
        expect(phases).toEqual([[done]]);

        // the next update (the other edit) builds what the cancelled one left, and publishes it
        await builder.update([], []);
        expect(published.map(p => p.split(':')[0])).toEqual([done, other]);
        expect(published[1]).toMatch(/: [1-9]/);
        expect(phases.at(-1)).toContain(other);
    });
});
