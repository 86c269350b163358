/**
 * Descriptions of symbols and of references that keep what they describe and compute the rest
 * when asked. Langium stores, for each of the 30,000 references of a 100k-line workspace, two
 * paths built by concatenation (trees of string pieces) and a range of three objects, and
 * indexes them with an `await` per syntax node; for each contact in a scope, a path and a range.
 * Here a description holds its node (or reference) and derives its path and segments from it,
 * which gives the same values: the nodes they are computed from are the ones indexed.
 */
import {
    AstUtils,
    Cancellation,
    CstUtils,
    interruptAndCheck,
    UriUtils,
    type AstNode,
    type AstNodeDescription,
    type AstNodeDescriptionProvider,
    type AstNodeLocator,
    type DocumentSegment,
    type LangiumCoreServices,
    type LangiumDocument,
    type NameProvider,
    type Reference,
    type ReferenceDescription,
    type ReferenceDescriptionProvider,
    type URI,
} from 'langium';
import { referencesOf } from '../ast/ast-walk.js';

class LeanNodeDescription implements AstNodeDescription {
    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        private readonly locator: AstNodeLocator,
        private readonly names: NameProvider,
    ) {}

    get type(): string {
        return this.node.$type;
    }
    get path(): string {
        return this.locator.getAstNodePath(this.node);
    }
    get nameSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode);
    }
    get selectionSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}

export class AcctNodeDescriptionProvider implements AstNodeDescriptionProvider {
    private readonly locator: AstNodeLocator;
    private readonly names: NameProvider;

    constructor(services: LangiumCoreServices) {
        this.locator = services.workspace.AstNodeLocator;
        this.names = services.references.NameProvider;
    }

    createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        name ??= this.names.getName(node);
        if (!name) throw new Error(`Node at path ${this.locator.getAstNodePath(node)} has no name.`);
        return new LeanNodeDescription(node, name, (document ?? AstUtils.getDocument(node)).uri, this.locator, this.names);
    }
}

class LeanReferenceDescription implements ReferenceDescription {
    constructor(
        readonly sourceUri: URI,
        readonly local: boolean,
        private readonly container: AstNode,
        private readonly reference: Reference,
        private readonly target: AstNodeDescription,
        private readonly locator: AstNodeLocator,
    ) {}

    get sourcePath(): string {
        return this.locator.getAstNodePath(this.container);
    }
    get targetUri(): URI {
        return this.target.documentUri;
    }
    get targetPath(): string {
        return this.target.path;
    }
    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.reference.$refNode!);
    }
}

/** Nodes between two checks for cancellation while indexing references. */
const CHECK_EVERY = 256;

export class AcctReferenceDescriptionProvider implements ReferenceDescriptionProvider {
    private readonly locator: AstNodeLocator;

    constructor(services: LangiumCoreServices) {
        this.locator = services.workspace.AstNodeLocator;
    }

    async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const sourceUri = document.uri;
        const references = referencesOf(document.parseResult.value);
        for (let i = 0; i < references.length; i++) {
            if (i % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            const { reference, container } = references[i]!;
            // Langium indexes resolved references with a syntax node (acct has no multi-references)
            if (reference.error || !reference.$refNode) continue;
            const target = reference.$nodeDescription;
            if (!target) continue;
            descriptions.push(
                new LeanReferenceDescription(sourceUri, UriUtils.equals(target.documentUri, sourceUri), container, reference, target, this.locator),
            );
        }
        return descriptions;
    }
}
