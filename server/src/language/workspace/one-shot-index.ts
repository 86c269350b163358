/**
 * For a one-shot check (the CLI, an export, a git revision in `acct diff`): nothing asks who
 * references what — that index serves find-references, rename and relinking after an edit in
 * the editor — so it is not built. About a seventh of a cold check of a large plan.
 */
import { DefaultIndexManager, type LangiumDocument, type LangiumSharedCoreServices, type Module, type PartialLangiumSharedCoreServices } from 'langium';

export class OneShotIndexManager extends DefaultIndexManager {
    override async updateReferences(_document: LangiumDocument): Promise<void> {
        // nothing reads the references of a workspace that is checked once
    }
}

export const OneShotSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        IndexManager: services => new OneShotIndexManager(services),
    },
};
