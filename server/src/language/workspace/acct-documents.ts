/**
 * The workspace's documents, their list kept between the changes of it: Langium walks its URI trie
 * into a new array each time `all` is read, and a build, the date re-checks of `acct history` and
 * the builder's choice of the documents an edit concerns read it many times per update.
 */
import { DefaultLangiumDocuments, stream, type LangiumDocument, type Stream, type URI } from 'langium';

export class AcctLangiumDocuments extends DefaultLangiumDocuments {
    /** The documents in the trie's order, until one is added or deleted. */
    private list: LangiumDocument[] | undefined;

    override get all(): Stream<LangiumDocument> {
        return stream((this.list ??= this.documentTrie.all()));
    }

    override addDocument(document: LangiumDocument): void {
        this.list = undefined;
        super.addDocument(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.list = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.list = undefined;
        return super.deleteDocuments(folder);
    }
}
