/**
 * Scoping (contract section 2): members, competitors and customers are global to the workspace;
 * contacts are local to their customer. Langium's default provider walks every container's
 * local symbols for each reference, which grows faster than the file; here each customer's
 * contacts become one hash map, built once per parse and shared by all its references. A global
 * scope is kept while no symbol of its type changed (acct-index-manager.ts), not only until the
 * next update: `acct history` updates the workspace 500 times, mostly files of customers.
 */
import {
    AstUtils,
    Cancellation,
    DefaultScopeComputation,
    interruptAndCheck,
    type AstNodeDescription,
    DefaultScopeProvider,
    EMPTY_SCOPE,
    MapScope,
    MultiMapScope,
    MultiMap,
    type LangiumDocument,
    type LocalSymbols,
    type ReferenceInfo,
    type Scope,
} from 'langium';
import { Contact, isCustomer, type Customer } from '../generated/ast.js';
import { AcctIndexManager } from '../workspace/acct-index-manager.js';

export class AcctScopeProvider extends DefaultScopeProvider {
    private readonly contactScopes = new WeakMap<Customer, Scope>();

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        if (referenceType === Contact.$type) {
            const customer = AstUtils.getContainerOfType(context.container, isCustomer);
            return customer ? this.contactScope(customer) : EMPTY_SCOPE;
        }
        return this.getGlobalScope(referenceType, context);
    }

    /** Per reference type: its global scope, and the index's count of changes of its symbols it was made at. */
    private readonly globalScopes = new Map<string, { changes: number; scope: Scope }>();

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const index = this.indexManager;
        if (!(index instanceof AcctIndexManager)) return super.getGlobalScope(referenceType, context);
        const changes = index.symbolChanges(referenceType);
        let kept = this.globalScopes.get(referenceType);
        if (kept?.changes !== changes) this.globalScopes.set(referenceType, (kept = { changes, scope: new MultiMapScope(index.allElements(referenceType)) }));
        return kept.scope;
    }

    private contactScope(customer: Customer): Scope {
        let scope = this.contactScopes.get(customer);
        if (!scope) {
            scope = new MapScope(customer.contacts.filter(contact => contact.name).map(contact => this.descriptions.createDescription(contact, contact.name)));
            this.contactScopes.set(customer, scope);
        }
        return scope;
    }
}

/** Local symbols are not used by the scope provider above: skip computing them. */
export class AcctScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap();
    }

    /**
     * Langium's exports (the root and its direct children that have a name, in the same order),
     * with cancellation looked at every few hundred children instead of awaited at each: a
     * megabyte of declarations awaited 60,000 times.
     */
    override async collectExportedSymbols(
        document: LangiumDocument,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
    ): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const exported: AstNodeDescription[] = [];
        this.addExportedSymbol(root, exported, document);
        let visited = 0;
        for (const node of AstUtils.streamContents(root)) {
            if (visited++ % EXPORT_CANCEL_EVERY === 0) await interruptAndCheck(cancelToken);
            this.addExportedSymbol(node, exported, document);
        }
        return exported;
    }
}

/** Children exported between two looks at cancellation. */
const EXPORT_CANCEL_EVERY = 256;
