/**
 * Langium's index of the symbols each document exports, counting per type how many times the
 * symbols of that type changed: a document indexed again, or taken out, while it exported some
 * of that type (before or after). A global scope — every member, every competitor of the
 * workspace — is what it was while that count stays the same (acct-scope.ts keeps it): an edit
 * of a plan re-indexes a file of customers, which no reference names, so the scopes of members
 * and competitors need not be made again from the 200 files' symbols at every update, as
 * Langium's cache (cleared at every update) made them.
 */
import { DefaultIndexManager, type AstNodeDescription, type LangiumDocument, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

export class AcctIndexManager extends DefaultIndexManager {
    /** Per exported type, how many times its symbols changed. */
    private readonly changesOfType = new Map<string, number>();
    /** How many times any symbols changed: while it stays, each type's count below does too. */
    private changes = 0;
    private readonly counted = new Map<string, { changes: number; count: number }>();

    /** How many times the symbols of `type` or of a subtype of it changed (the same number: the same symbols, in the same order). */
    symbolChanges(type: string): number {
        const known = this.counted.get(type);
        if (known?.changes === this.changes) return known.count;
        let count = 0;
        for (const [exported, n] of this.changesOfType) if (exported === type || this.astReflection.isSubtype(exported, type)) count += n;
        this.counted.set(type, { changes: this.changes, count });
        return count;
    }

    override removeContent(uri: URI): void {
        this.noteChanged(this.symbolIndex.get(uri.toString()));
        super.removeContent(uri);
    }

    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const key = document.uri.toString();
        // before (a scope made while the new symbols are worked out holds the old ones) and after
        this.noteChanged(this.symbolIndex.get(key));
        await super.updateContent(document, cancelToken);
        this.noteChanged(this.symbolIndex.get(key));
    }

    /** Each type among `descriptions` changed once. */
    private noteChanged(descriptions: readonly AstNodeDescription[] | undefined): void {
        if (!descriptions?.length) return;
        let last: string | undefined;
        const noted = new Set<string>();
        for (const { type } of descriptions) {
            if (type === last || noted.has(type)) continue;
            noted.add((last = type));
            this.changesOfType.set(type, (this.changesOfType.get(type) ?? 0) + 1);
        }
        this.changes++;
    }
}
