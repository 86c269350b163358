/**
 * Cross-references that cost a tenth of Langium's. Langium builds each reference as an object
 * literal with three getters: three closures, a context, and, once `unlink` deletes a property,
 * a dictionary of properties — 650 bytes a reference, 20 MB in a 100k-line workspace. Here a
 * reference is an instance of one class; it resolves exactly as Langium's does (same order,
 * same errors, same lazy resolution when `ref` is read before linking).
 */
import {
    AstUtils, Cancellation, DefaultLinker, interruptAndCheck, DocumentState, isAstNode, isAstNodeDescription, isLinkingError, RefResolving,
    type AstNode, type AstNodeDescription, type CstNode, type DefaultReference, type LangiumDocument, type LinkingError,
    type Reference, type ReferenceInfo,
} from 'langium';
import { forEachReference, nodesOf } from '../ast/ast-walk.js';

/** The linker's steps a reference needs (protected in Langium's linker, public here). */
interface Resolver {
    loadAstNode(description: AstNodeDescription): AstNode | undefined;
    createLinkingError(info: ReferenceInfo, description?: AstNodeDescription): LinkingError;
    getLinkedNode(info: ReferenceInfo): { node?: AstNode; descr?: AstNodeDescription; error?: LinkingError };
    throwCyclicReferenceError(node: AstNode, property: string, refText: string): never;
}

class LeanReference implements DefaultReference {
    _ref: AstNode | LinkingError | typeof RefResolving | undefined = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;

    constructor(
        readonly $refNode: CstNode | undefined,
        readonly $refText: string,
        private readonly resolver: Resolver,
        private readonly container: AstNode,
        private readonly property: string,
    ) {}

    get ref(): AstNode | undefined {
        if (isAstNode(this._ref)) {
            return this._ref;
        } else if (isAstNodeDescription(this._nodeDescription)) {
            const linked = this.resolver.loadAstNode(this._nodeDescription);
            this._ref = linked ?? this.resolver.createLinkingError(this.info(), this._nodeDescription);
        } else if (this._ref === undefined) {
            this._ref = RefResolving;
            const document = AstUtils.findRootNode(this.container).$document;
            const found = this.resolver.getLinkedNode(this.info());
            if (found.error && document && document.state < DocumentState.ComputedScopes) {
                return this._ref = undefined;
            }
            this._ref = found.node ?? found.error;
            this._nodeDescription = found.descr;
            document?.references.push(this);
        } else if (this._ref === RefResolving) {
            this.resolver.throwCyclicReferenceError(this.container, this.property, this.$refText);
        }
        return isAstNode(this._ref) ? this._ref : undefined;
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }

    private info(): ReferenceInfo {
        return { reference: this, container: this.container, property: this.property };
    }
}

/** Nodes linked between two looks at cancellation. */
const CHECK_CANCEL_EVERY = 256;

export class AcctLinker extends DefaultLinker {
    /** Langium's linking in Langium's order, without its streams and a promise per node (ast-walk.ts). */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const nodes = nodesOf(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if (i % CHECK_CANCEL_EVERY === 0) await interruptAndCheck(cancelToken);
            forEachReference(nodes[i]!, info => this.doLink(info, document));
        }
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new LeanReference(refNode, refText, this as unknown as Resolver, node, property);
    }

    /** As Langium's, without deleting a property (which turns every reference into a dictionary). */
    override unlink(document: LangiumDocument): void {
        const others = document.references.filter(ref => !(ref instanceof LeanReference));
        for (const ref of document.references) {
            if (ref instanceof LeanReference) {
                ref._ref = undefined;
                ref._nodeDescription = undefined;
            }
        }
        document.references = others;
        super.unlink(document);
    }
}
