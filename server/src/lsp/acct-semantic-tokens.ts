/**
 * Semantic highlighting of ids: what an id names (a contact, a member, a competitor, a customer,
 * an opportunity, an activity) and whether it declares it or refers to it, which the TextMate
 * grammar cannot know (`owner` names a member, `reports-to` a contact). The token types are the
 * standard ones the outline uses for the same elements (Class, Field, Event, Method, Variable,
 * Constant), so every theme colours them; declarations carry the `declaration` modifier.
 * One visit per AST node, each looking at its own name and references only: linear in the file.
 */
import { AstUtils, interruptAndCheck, type AstNode, type AstReflection, type LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, type LangiumServices, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes, type CancellationToken } from 'vscode-languageserver';
import { nodesInRange } from './nodes-in-range.js';

/** The token type of each kind of element, for its declaration and for every reference to it. */
export const tokenTypeOf: Readonly<Record<string, SemanticTokenTypes>> = {
    Customer: SemanticTokenTypes.class,
    Contact: SemanticTokenTypes.property,
    Opportunity: SemanticTokenTypes.event,
    Activity: SemanticTokenTypes.method,
    Member: SemanticTokenTypes.variable,
    Competitor: SemanticTokenTypes.enumMember,
};

export class AcctSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private readonly reflection: AstReflection;

    constructor(services: LangiumServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    /** As Langium's, over the nodes that overlap the requested range (see nodes-in-range.ts). */
    protected override async computeHighlighting(document: LangiumDocument, acceptor: SemanticTokenAcceptor, cancelToken: CancellationToken): Promise<void> {
        for (const node of nodesInRange(document.parseResult.value, this.currentRange)) {
            await interruptAndCheck(cancelToken);
            this.highlightElement(node, acceptor);
        }
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = tokenTypeOf[node.$type];
        if (declared && (node as { name?: string }).name) {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        for (const { reference, container, property } of AstUtils.streamReferences(node)) {
            const cst = reference.$refNode;
            const type = tokenTypeOf[this.reflection.getReferenceType({ container, property, reference })];
            if (cst && type) acceptor({ cst, type });
        }
    }
}
