/**
 * Scoping (contract section 2): members, competitors and customers are global to the workspace;
 * contacts are local to their customer. Langium's default provider walks every container's
 * local symbols for each reference, which grows faster than the file; here each customer's
 * contacts become one hash map, built once per parse and shared by all its references.
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
    MultiMap,
    type LangiumDocument,
    type LocalSymbols,
    type ReferenceInfo,
    type Scope,
} from 'langium';
import { Contact, isCustomer, type Customer } from '../generated/ast.js';

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
