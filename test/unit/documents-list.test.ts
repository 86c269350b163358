/**
 * The workspace's document list is kept between reads (language/workspace/acct-documents.ts):
 * a document added or deleted after the list was read is in it, or gone from it, at the next read,
 * and a build after either sees the workspace as it is (a duplicate id appears and goes away).
 */
import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { commitFileSystem } from '../../server/src/node/commit-plans.js';
import { uriOf } from './helpers.js';

const customer = (id: string) => `customer ${id} "${id.toUpperCase()}" {\n    owner alice\n}\n`;
const TEAM = 'member alice "Alice Chen"\n';

describe('the workspace document list', () => {
    it('follows documents added and deleted after it was read, and the build with it', async () => {
        const fileSystem = commitFileSystem();
        const { shared } = createAcctServices({ fileSystemProvider: () => fileSystem });
        const documents = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        const factory = shared.workspace.LangiumDocumentFactory;
        const add = (file: string, text: string) => {
            fileSystem.texts.set(uriOf(file), text);
            const document = factory.fromString(text, URI.parse(uriOf(file)));
            documents.addDocument(document);
            return document;
        };
        const names = () =>
            documents.all
                .map(doc => doc.uri.path.split('/').pop())
                .toArray()
                .sort();
        const duplicates = (file: string) =>
            (documents.getDocument(URI.parse(uriOf(file)))?.diagnostics ?? []).filter(d => String(d.code).includes('duplicate')).length;

        const first = [add('team.acct', TEAM), add('a.acct', customer('acme'))];
        await builder.build(first, { validation: true });
        expect(names()).toEqual(['a.acct', 'team.acct']);
        expect(names()).toEqual(['a.acct', 'team.acct']); // read twice: the same list
        expect(duplicates('a.acct')).toBe(0);

        // a second file declaring the same customer: in the list at once, and the build finds the duplicate
        const second = add('b.acct', customer('acme'));
        expect(names()).toEqual(['a.acct', 'b.acct', 'team.acct']);
        await builder.update([second.uri], []);
        expect(duplicates('a.acct') + duplicates('b.acct')).toBeGreaterThan(0);

        // deleted: gone from the list, and the duplicate with it
        await builder.update([], [second.uri]);
        expect(names()).toEqual(['a.acct', 'team.acct']);
        expect(duplicates('a.acct')).toBe(0);
    });
});
