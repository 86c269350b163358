/**
 * The workspace's documents, their list kept between the changes of it: Langium walks its URI trie
 * into a new array each time `all` is read, and a build, the date re-checks of `acct history` and
 * the builder's choice of the documents an edit concerns read it many times per update.
 */
import { DefaultLangiumDocuments, stream, type LangiumDocument, type LangiumDocuments, type Stream, type URI } from 'langium';
import { compareText } from '../../contract/findings.js';

export class AcctLangiumDocuments extends DefaultLangiumDocuments {
    /** The documents in the trie's order, until one is added or deleted. */
    private list: LangiumDocument[] | undefined;

    /** The same documents sorted by URI (the plan's file order), until one is added or deleted. */
    private sorted: LangiumDocument[] | undefined;

    override get all(): Stream<LangiumDocument> {
        return stream((this.list ??= this.documentTrie.all()));
    }

    /**
     * Every document, sorted by URI (compareText of `uri.toString()`): the plan and the workspace's
     * facts read them in this order after every update (`acct history`: at each commit).
     */
    byUri(): readonly LangiumDocument[] {
        return (this.sorted ??= sortedByUri(this.all.toArray()));
    }

    override addDocument(document: LangiumDocument): void {
        this.list = undefined;
        this.sorted = undefined;
        super.addDocument(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.list = undefined;
        this.sorted = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.list = undefined;
        this.sorted = undefined;
        return super.deleteDocuments(folder);
    }
}

/** `documents` sorted by URI; `byUri()`'s list when they are an AcctLangiumDocuments. */
export function documentsByUri(documents: LangiumDocuments): readonly LangiumDocument[] {
    return documents instanceof AcctLangiumDocuments ? documents.byUri() : sortedByUri(documents.all.toArray());
}

function sortedByUri(list: LangiumDocument[]): LangiumDocument[] {
    const keyed = list.map(doc => ({ doc, key: doc.uri.toString() }));
    keyed.sort((a, b) => compareText(a.key, b.key));
    return keyed.map(({ doc }) => doc);
}
