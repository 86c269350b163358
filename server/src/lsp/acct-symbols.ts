/** Outline: customer → contacts, opportunities, activities, each with a short detail. */
import { DefaultDocumentSymbolProvider, DefaultNodeKindProvider } from 'langium/lsp';
import type { AstNode, AstNodeDescription, CstNode, LangiumDocument } from 'langium';
import { CompletionItemKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { isActivity, isContact, isCustomer, isOpportunity } from '../language/generated/ast.js';
import { roleMeanings } from '../method/index.js';

const symbolKinds: Record<string, SymbolKind> = {
    Customer: SymbolKind.Class, Contact: SymbolKind.Field, Opportunity: SymbolKind.Event,
    Activity: SymbolKind.Method, Member: SymbolKind.Variable, Competitor: SymbolKind.Constant,
};

export class AcctNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return symbolKinds[(node as { $type?: string }).$type ?? (node as AstNodeDescription).type] ?? SymbolKind.Field;
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        const type = (node as { $type?: string }).$type ?? (node as AstNodeDescription).type;
        return type === 'Contact' ? CompletionItemKind.Field : type === 'Member' ? CompletionItemKind.Variable : CompletionItemKind.Reference;
    }
}

export class AcctDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        symbol.detail = detailOf(astNode);
        return symbol;
    }
}

function detailOf(node: AstNode): string | undefined {
    if (isCustomer(node)) return [node.displayName, node.tier].filter(Boolean).join(' · ');
    if (isContact(node)) return [node.displayName, node.role ? roleMeanings[node.role].letter : 'general'].join(' · ');
    if (isOpportunity(node)) return [node.displayName, node.stage].filter(Boolean).join(' · ');
    if (isActivity(node)) return [node.displayName, node.date, node.status].filter(Boolean).join(' · ');
    return (node as { displayName?: string }).displayName;
}
