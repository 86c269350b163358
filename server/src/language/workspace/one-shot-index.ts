/**
 * For a one-shot check (the CLI, an export, a git revision in `acct diff`): nothing asks who
 * references what — that index serves find-references, rename and relinking after an edit in
 * the editor — so it is not built. About a seventh of a cold check of a large plan.
 */
import { DefaultServiceRegistry, type LangiumDocument, type LangiumSharedCoreServices, type Module, type PartialLangiumSharedCoreServices } from 'langium';
import { AcctIndexManager } from './acct-index-manager.js';

export class OneShotIndexManager extends AcctIndexManager {
    override async updateReferences(_document: LangiumDocument): Promise<void> {
        // nothing reads the references of a workspace that is checked once
    }
}

/**
 * The language of a document by its file name alone: Langium asks the editor's open documents
 * first (a normalised copy of the URI, parsed and printed again, at every phase of every
 * document's build), and a one-shot check has no editor, so that none is ever open there.
 */
export class OneShotServiceRegistry extends DefaultServiceRegistry {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        (this as unknown as { textDocuments?: unknown }).textDocuments = undefined;
    }
}

export const OneShotSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    ServiceRegistry: services => new OneShotServiceRegistry(services),
    workspace: {
        IndexManager: services => new OneShotIndexManager(services),
    },
};
