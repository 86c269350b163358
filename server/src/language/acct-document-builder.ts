/**
 * Re-checks only what an edit affects. Langium relinks every document that refers to a changed
 * one — an edit of `team.acct`, which every plan refers to, relinked and re-checked the whole
 * workspace. Here the changed documents are built first; then what the others depend on in them
 * (workspace-dependencies.ts) is compared with what it was, and only the documents concerned are
 * linked again (a reference whose name's declarations changed) or checked again (the policy, a
 * duplicate id's place, a competitor's name in a message). An edit that changes none of these — a
 * comment, a member's display name, anything in a customer — re-checks nothing else. The
 * incremental parse keeps an edited member or competitor the same node, so references to it stay.
 */
import { DefaultDocumentBuilder, DocumentState, isReference, type LangiumDocument, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Workspace } from './generated/ast.js';
import { changeBetween, dependenciesOf, isEmptyChange, type Change, type Dependencies } from './workspace-dependencies.js';

export class AcctDocumentBuilder extends DefaultDocumentBuilder {
    /** What the other documents depended on in each changed document before its change (until compared). */
    private readonly before = new Map<string, Dependencies>();
    /** While the changed documents are built, no other is marked for relinking: that is decided afterwards. */
    private deferring = false;

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        for (const uri of [...changed, ...deleted]) {
            const key = uri.toString();
            if (!this.before.has(key)) this.before.set(key, dependenciesOf(this.langiumDocuments.getDocument(uri)));
        }
        this.deferring = true;
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.deferring = false;
        }
        // The changed documents are built: compare, and mark the others concerned, before anything can cancel.
        const changes = [...this.before].map(([key, before]) => ({ key, change: changeBetween(before, dependenciesOf(this.documentOf(key))) }));
        this.before.clear();
        const concerned = this.concerned(changes.filter(c => !isEmptyChange(c.change)));
        if (concerned.length) await this.build(concerned, this.updateBuildOptions, cancelToken);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return !this.deferring && super.shouldRelink(document, changedUris);
    }

    /** Marks the documents an edit concerns for linking or checking again; returns them. */
    private concerned(changes: Array<{ key: string; change: Change }>): LangiumDocument[] {
        if (changes.length === 0) return [];
        const changedKeys = new Set(changes.map(c => c.key));
        const relink = new Set<string>(changes.flatMap(c => [...c.change.relink]));
        const shown = new Set<string>(changes.flatMap(c => [...c.change.shown]));
        const places = new Set<string>(changes.flatMap(c => [...c.change.places]));
        const everything = changes.some(c => c.change.policy);
        const policies = changes.some(c => c.change.policyPlace);
        const result: LangiumDocument[] = [];
        for (const document of this.langiumDocuments.all) {
            if (changedKeys.has(document.uri.toString())) continue;
            const names = this.namesReferredBy(document);
            const declarations = (document.parseResult?.value as Workspace | undefined)?.declarations ?? [];
            if (names.some(name => relink.has(name))) {
                this.resetToState(document, DocumentState.ComputedScopes);
            } else if (everything || names.some(name => shown.has(name))
                || (policies && declarations.some(d => d.$type === 'Policy'))
                || declarations.some(d => d.$type !== 'Policy' && places.has(d.name))) {
                if (document.state >= DocumentState.Validated) this.resetToState(document, DocumentState.IndexedReferences);
            } else {
                continue;
            }
            result.push(document);
        }
        return result;
    }

    /**
     * The names a document refers to, once per linking of it: its references list is a new array
     * after each unlinking, and only grows while linked (a reference resolved late is pushed).
     */
    private readonly names = new WeakMap<object, { length: number; names: readonly string[] }>();
    private namesReferredBy(document: LangiumDocument): readonly string[] {
        const references = document.references ?? [];
        let known = this.names.get(references);
        if (!known || known.length !== references.length) {
            known = { length: references.length, names: [...new Set(references.filter(isReference).map(ref => ref.$refText))] };
            this.names.set(references, known);
        }
        return known.names;
    }

    private documentOf(key: string): LangiumDocument | undefined {
        return this.langiumDocuments.all.find(doc => doc.uri.toString() === key);
    }
}
