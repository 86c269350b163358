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
    DocumentState,
    interruptAndCheck,
    isAstNode,
    type LangiumCoreServices,
    type AstNode,
    type CstNode,
    type DefaultReference,
    type LangiumDocument,
    type Reference,
} from 'langium';
import { referencesOf, takeRedeclared } from '../ast/ast-walk.js';
import { valueLeafOf } from '../ast/cst-search.js';

/** References linked between two looks at cancellation. */
const CHECK_CANCEL_EVERY = 256;

export class AcctLinker extends DefaultLinker {
    /** The builder (looked up when first needed: it is made after the linker). */
    private readonly builderOf: () => { otherChanges?(document: LangiumDocument): number };
    /** The document whose next unlinking keeps its references resolved (keepOnNextUnlink). */
    private keepNext: LangiumDocument | undefined;
    /** Per document: the references its unlinkings kept resolved since it was last linked. */
    private readonly kept = new WeakMap<LangiumDocument, DefaultReference[]>();
    /** Per document: the builder's count of other documents' changes when it was last linked. */
    private readonly linkedAt = new WeakMap<LangiumDocument, number>();
    /** Per document: the only names whose references its next linking resolves again (relinkOnly). */
    private readonly relinkNames = new WeakMap<LangiumDocument, Set<string>>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.builderOf = () => services.shared.workspace.DocumentBuilder as unknown as { otherChanges?(document: LangiumDocument): number };
    }

    /**
     * The next unlinking of `document` (its text changed: it is parsed again) leaves its
     * references resolved; its next linking decides which of them still hold (link).
     */
    keepOnNextUnlink(document: LangiumDocument | undefined): void {
        this.keepNext = document;
    }

    /**
     * `document` is linked again because other documents declared, renamed or removed `names`
     * (acct-document-builder.ts): its references to other names keep their targets — a name
     * resolves to the first declaration of that name in scope, and no other name's declarations
     * changed. A rename of the member 139 files of the benchmark's workspace refer to linked
     * every reference of those files again, for the 228 that name it. Only a document whose
     * every reference is as its last linking left them (linked, not reset since) is linked in
     * part; names added before that linking are kept (an update cancelled before it); any other
     * reset of the document drops them (forgetRelinkOnly).
     */
    relinkOnly(document: LangiumDocument, names: ReadonlySet<string>): void {
        const pending = this.relinkNames.get(document);
        if (pending) for (const name of names) pending.add(name);
        else if (document.state >= DocumentState.Linked) this.relinkNames.set(document, new Set(names));
    }

    /** `document` is reset for another reason than relinkOnly's (its text changed): it is linked as it would be without. */
    forgetRelinkOnly(document: LangiumDocument): void {
        this.relinkNames.delete(document);
    }

    /**
     * Langium's linking in Langium's order, without its streams and a promise per node (ast-walk.ts).
     * After a partial re-parse (incremental-parse.ts), a reference of an untouched node that was
     * resolved keeps its target when no re-parsed window declared or removed its name and no other
     * document changed since the last linking: on a 10k-line plan an edit links a few references
     * again, not all of them. The targets are those a full linking finds: a name resolves to the
     * first declaration of that name in scope, and none of those moved in or out.
     */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const root = document.parseResult.value;
        const references = referencesOf(root);
        const kept = this.kept.get(document);
        this.kept.delete(document);
        const redeclared = takeRedeclared(root);
        const only = this.relinkNames.get(document);
        this.relinkNames.delete(document);
        // (NaN with a builder that does not count changes: never the same)
        const stamp = this.builderOf().otherChanges?.(document) ?? NaN;
        const trusted =
            kept !== undefined && (only !== undefined ? redeclared === undefined : redeclared !== undefined && this.linkedAt.get(document) === stamp);
        const names = only ?? redeclared ?? new Set<string>();
        this.linkedAt.set(document, stamp);
        if (kept && !trusted) for (const reference of kept) forget(reference);
        // the references in the order of a full linking (a reference resolved before, when asked, is listed again here)
        if (trusted) document.references = [];
        for (let i = 0; i < references.length; i++) {
            if (i % CHECK_CANCEL_EVERY === 0) await interruptAndCheck(cancelToken);
            const info = references[i]!;
            const reference = info.reference;
            if (trusted && '_ref' in reference) {
                const resolved = (reference as DefaultReference)._ref;
                if (isAstNode(resolved) && !names.has(reference.$refText)) {
                    document.references.push(reference);
                    continue;
                }
                if (resolved !== undefined) forget(reference);
            }
            this.doLink(info, document);
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

    /** As Langium's, without deleting a property (which turns every reference into a dictionary); or keeping them (keepOnNextUnlink, relinkOnly). */
    override unlink(document: LangiumDocument): void {
        const keep = this.keepNext === document || this.relinkNames.has(document);
        this.keepNext = undefined;
        const others = [];
        const kept = keep ? (this.kept.get(document) ?? []) : undefined;
        for (const ref of document.references) {
            if ('_ref' in ref) {
                if (kept) kept.push(ref as DefaultReference);
                else forget(ref as DefaultReference);
            } else {
                others.push(ref);
            }
        }
        if (kept) this.kept.set(document, kept);
        document.references = others;
        super.unlink(document);
    }
}

/** A reference made unresolved again. */
function forget(reference: Reference | DefaultReference): void {
    const single = reference as DefaultReference;
    single._ref = undefined;
    single._nodeDescription = undefined;
}
