/**
 * Langium's `DocumentBuilder.update` (langium 4.4, workspace/document-builder.js), the same steps
 * in the same order, without its two walks of every document. An update is asked for at every
 * edit, and `acct history` asks for one at each commit with 1–3 files changed of 200: Langium went
 * through a stream of every document twice per update — a URI string, a `Set` lookup and a call
 * to `shouldRelink` each (though acct's builder decides the relinking itself, after the build),
 * then a build state and its validation categories each, to find the documents to build — about
 * 0.3 s of a 500-commit history, for the 1–3 documents it had just reset itself.
 *
 * The documents to build are those not validated, not finished, or missing a category of checks.
 * A document can only come to that by being reset (resetToState), given to a build (`build`,
 * `buildDocuments`: a cancelled build leaves it unfinished), or added. So the documents are looked
 * at all when the list of documents or the update's options are not those of the last look, and
 * otherwise only those reset or built since — each asked the same question, in the same order.
 */
import {
    Cancellation,
    DefaultDocumentBuilder,
    DocumentState,
    interruptAndCheck,
    type AstNode,
    type BuildOptions,
    type LangiumDocument,
    type URI,
} from 'langium';
import { AcctLangiumDocuments, documentList } from './acct-documents.js';

export abstract class LeanUpdateBuilder extends DefaultDocumentBuilder {
    /** The documents reset or given to a build since the last look for the documents to build. */
    private readonly touched = new Set<LangiumDocument>();
    /** The list of documents and the options of the last look, and each document's place in that list. */
    private looked: { list: readonly LangiumDocument[]; options: BuildOptions; places?: Map<LangiumDocument, number> } | undefined;
    /** Tests: how many documents the last look asked (documentsToBuild). */
    lastLook = 0;

    /**
     * Whether `shouldRelink` may say yes for a document not changed in this update; when not,
     * the documents are not walked to ask it (the answer would be no for each).
     */
    protected abstract relinksOthers(): boolean;

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        this.touched.add(document);
        super.resetToState(document, state);
    }

    override async build<T extends AstNode>(
        documents: Array<LangiumDocument<T>>,
        options?: BuildOptions,
        cancelToken?: Cancellation.CancellationToken,
    ): Promise<void> {
        for (const document of documents) this.touched.add(document);
        return super.build(documents, options, cancelToken);
    }

    protected override buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        for (const document of documents) this.touched.add(document);
        return super.buildDocuments(documents, options, cancelToken);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.currentState = DocumentState.Changed;
        // the documents reported deleted (a folder: every document in it) lose their metadata
        const deletedUris: URI[] = [];
        for (const deletedUri of deleted) {
            for (const doc of this.langiumDocuments.deleteDocuments(deletedUri)) {
                deletedUris.push(doc.uri);
                this.cleanUpDeleted(doc);
            }
        }
        // a changed URI may be a folder: each of its documents is changed
        const changedUris = (await Promise.all(changed.map(uri => this.findChangedUris(uri)))).flat();
        for (const changedUri of changedUris) {
            let changedDocument = this.langiumDocuments.getDocument(changedUri);
            if (changedDocument === undefined) {
                // an unparsed document, parsed in the build's first phase (where it can be cancelled)
                changedDocument = this.langiumDocumentFactory.fromModel({ $type: 'INVALID' } as never, changedUri);
                changedDocument.state = DocumentState.Changed;
                this.langiumDocuments.addDocument(changedDocument);
            }
            this.resetToState(changedDocument, DocumentState.Changed);
        }
        if (this.relinksOthers()) {
            const allChangedUris = new Set<string>();
            for (const uri of changedUris) allChangedUris.add(uri.toString());
            for (const uri of deletedUris) allChangedUris.add(uri.toString());
            for (const doc of documentList(this.langiumDocuments)) {
                if (!allChangedUris.has(doc.uri.toString()) && this.shouldRelink(doc, allChangedUris)) this.resetToState(doc, DocumentState.ComputedScopes);
            }
        }
        await this.emitUpdate(changedUris, deletedUris);
        // interrupted only once every state change is done
        await interruptAndCheck(cancelToken);
        await this.buildDocuments(this.sortDocuments(this.documentsToBuild()), this.updateBuildOptions, cancelToken);
    }

    /** Those reported changed, those marked for relinking, and any left unfinished before, in the documents' order. */
    protected documentsToBuild(): LangiumDocument[] {
        const list = documentList(this.langiumDocuments);
        const options = this.updateBuildOptions;
        const looked = this.looked;
        // (a list other than AcctLangiumDocuments' is a new array at each call: every document is looked at)
        const whole = !(this.langiumDocuments instanceof AcctLangiumDocuments) || looked?.list !== list || looked.options !== options;
        let candidates: readonly LangiumDocument[] = list;
        if (!whole) {
            const places = (looked.places ??= new Map(list.map((doc, i) => [doc, i])));
            candidates = [...this.touched].filter(doc => places.has(doc)).sort((a, b) => places.get(a)! - places.get(b)!);
        } else {
            this.looked = { list, options };
        }
        this.touched.clear();
        this.lastLook = candidates.length;
        return candidates.filter(
            doc => doc.state < DocumentState.Validated || !this.buildState.get(doc.uri.toString())?.completed || this.resultsAreIncomplete(doc, options),
        );
    }
}
