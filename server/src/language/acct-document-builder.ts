/**
 * Some findings depend on other files: the workspace `policy` thresholds and severities, and duplicate global
 * ids. Langium only rebuilds documents that reference a changed one, so when a change alters
 * those workspace facts, every other document is validated again (not relinked: linking does
 * not depend on them).
 */
import { DefaultDocumentBuilder, DocumentState, type LangiumDocument, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isPolicy, type Workspace } from './generated/ast.js';

export class AcctDocumentBuilder extends DefaultDocumentBuilder {
    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        const touched = [...changed, ...deleted].map(uri => uri.toString());
        const before = new Map(touched.map(uri => [uri, this.workspaceSignature(uri)]));
        await super.update(changed, deleted, cancelToken);
        if (touched.every(uri => this.workspaceSignature(uri) === before.get(uri))) {
            return;
        }
        const others = this.langiumDocuments.all
            .filter(doc => !before.has(doc.uri.toString()) && doc.state === DocumentState.Validated)
            .toArray();
        for (const doc of others) {
            this.resetToState(doc, DocumentState.IndexedReferences);
        }
        await this.build(others, { validation: true }, cancelToken);
    }

    /** What other files' findings depend on: the policy values and the global ids declared here. */
    protected workspaceSignature(uri: string): string {
        const document = this.langiumDocuments.all.find(doc => doc.uri.toString() === uri) as LangiumDocument<Workspace> | undefined;
        const root = document?.parseResult?.value;
        if (!root || !Array.isArray(root.declarations)) {
            return '';
        }
        return root.declarations.map(d => isPolicy(d)
            ? `policy ${d.staleContactDays} ${d.tierReviewDays} ${d.generalCoverage} ${d.severities.map(r => `${r.code}=${r.level}`).join(',')}`
            : `${d.$type} ${d.name}`).join('\n');
    }
}
