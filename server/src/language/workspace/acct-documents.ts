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
        return stream(this.inOrder());
    }

    /** The documents of `all`, as the kept list itself: a loop over it makes no stream. */
    inOrder(): readonly LangiumDocument[] {
        return (this.list ??= this.documentTrie.all());
    }

    /**
     * Every document, sorted by URI (compareText of `uri.toString()`): the plan and the workspace's
     * facts read them in this order after every update (`acct history`: at each commit).
     */
    byUri(): readonly LangiumDocument[] {
        return (this.sorted ??= sortedByUri(this.all.toArray()));
    }

    /**
     * The documents by their URI's text, until one is added or deleted. Langium's trie parses the
     * text of the URI asked for again to normalise it (`acct history`: 0.1 ms per look-up, some
     * for each changed file and each reference to another file it links); a URI of a document,
     * as it was added, finds it here. Exact: two documents are never under one normalised URI.
     */
    private byText: Map<string, LangiumDocument> | undefined;

    override getDocument(uri: URI): LangiumDocument | undefined {
        return this.byUriText().get(uri.toString()) ?? super.getDocument(uri);
    }

    override hasDocument(uri: URI): boolean {
        return this.byUriText().has(uri.toString()) || super.hasDocument(uri);
    }

    private byUriText(): Map<string, LangiumDocument> {
        return (this.byText ??= new Map(this.inOrder().map(doc => [doc.uri.toString(), doc])));
    }

    override addDocument(document: LangiumDocument): void {
        this.changed();
        super.addDocument(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.changed();
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.changed();
        return super.deleteDocuments(folder);
    }

    private changed(): void {
        this.list = undefined;
        this.sorted = undefined;
        this.byText = undefined;
    }
}

/** The documents of `documents.all`, in its order; the kept list when they are an AcctLangiumDocuments. */
export function documentList(documents: LangiumDocuments): readonly LangiumDocument[] {
    return documents instanceof AcctLangiumDocuments ? documents.inOrder() : documents.all.toArray();
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
