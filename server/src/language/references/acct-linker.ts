/**
 * acct's linker: Langium's, in Langium's order, without its streams and a promise per node, and
 * undoing links without `delete`. Since Langium 4.3 a reference is an instance of one class
 * (DefaultReferenceImpl) that resolves as acct's own LeanReference did, which it replaces; but
 * Langium's `unlink` still deletes `_nodeDescription`, which turns every re-linked reference
 * into a dictionary of properties (docs/langium-internals.md).
 */
import {
    Cancellation,
    DefaultLinker,
    interruptAndCheck,
    type AstNode,
    type CstNode,
    type DefaultReference,
    type LangiumDocument,
    type Reference,
} from 'langium';
import { referencesOf } from '../ast/ast-walk.js';
import { valueLeafOf } from '../ast/cst-search.js';

/** References linked between two looks at cancellation. */
const CHECK_CANCEL_EVERY = 256;

export class AcctLinker extends DefaultLinker {
    /** Langium's linking in Langium's order, without its streams and a promise per node (ast-walk.ts). */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const references = referencesOf(document.parseResult.value);
        for (let i = 0; i < references.length; i++) {
            if (i % CHECK_CANCEL_EVERY === 0) await interruptAndCheck(cancelToken);
            this.doLink(references[i]!, document);
        }
    }

    /**
     * A reference keeps the leaf that stands for its name's node in a one-shot tree (ast/cst-search.ts
     * valueLeafOf). Its `_nodeDescription`, which Langium's constructor leaves out and the linker
     * adds later, is given at once: V8 then keeps it in the object (the first references built
     * size the class), not in a list of properties beside it — 38 bytes less a reference.
     */
    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        const reference = super.buildReference(node, property, refNode && valueLeafOf(refNode), refText);
        if ('_ref' in reference) (reference as DefaultReference)._nodeDescription = undefined;
        return reference;
    }

    /** As Langium's, without deleting a property (which turns every reference into a dictionary). */
    override unlink(document: LangiumDocument): void {
        const others = [];
        for (const ref of document.references) {
            if ('_ref' in ref) {
                const single = ref as DefaultReference;
                single._ref = undefined;
                single._nodeDescription = undefined;
            } else {
                others.push(ref);
            }
        }
        document.references = others;
        super.unlink(document);
    }
}
