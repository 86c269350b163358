/** Outline: customer → contacts, opportunities, activities (and their waivers), each with a short detail. */
import { DefaultDocumentSymbolProvider, DefaultNodeKindProvider, type LangiumServices } from 'langium/lsp';
import { GrammarUtils, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument } from 'langium';
import { CompletionItemKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { isActivity, isContact, isCustomer, isOpportunity, isWaiver } from '../language/generated/ast.js';
import { roleMeanings, type Texts } from '../method/index.js';
import type { AcctLanguageAddedServices } from '../language/acct-language-services.js';
import type { AcctSettings } from '../language/workspace/acct-settings.js';

const symbolKinds: Record<string, SymbolKind> = {
    Customer: SymbolKind.Class,
    Contact: SymbolKind.Field,
    Opportunity: SymbolKind.Event,
    Activity: SymbolKind.Method,
    Member: SymbolKind.Variable,
    Competitor: SymbolKind.Constant,
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
    protected readonly settings: AcctSettings;

    constructor(services: LangiumServices) {
        super(services);
        this.settings = (services as LangiumServices & AcctLanguageAddedServices).workspace.AcctSettings;
    }

    /** A waiver has no name of its own: it is shown by what it waives. */
    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        if (!isWaiver(astNode) || !astNode.$cstNode) return super.getSymbol(document, astNode);
        const code = GrammarUtils.findNodeForProperty(astNode.$cstNode, 'code') ?? astNode.$cstNode;
        return [
            {
                kind: SymbolKind.Key,
                name: `waive ${astNode.code}`,
                detail: [astNode.until ? this.settings.texts().t('symbol.until', { until: astNode.until }) : undefined, astNode.reason]
                    .filter(Boolean)
                    .join(' · '),
                range: astNode.$cstNode.range,
                selectionRange: code.range,
            },
        ];
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        symbol.detail = detailOf(astNode, this.settings.texts());
        return symbol;
    }
}

function detailOf(node: AstNode, texts: Texts): string | undefined {
    if (isCustomer(node)) return [node.displayName, node.tier && texts.name('tiers', node.tier)].filter(Boolean).join(' · ');
    if (isContact(node)) return [node.displayName, node.role ? roleMeanings[node.role].letter : texts.t('symbol.generalLayer')].join(' · ');
    if (isOpportunity(node)) return [node.displayName, node.stage && texts.name('stages', node.stage)].filter(Boolean).join(' · ');
    if (isActivity(node)) return [node.displayName, node.date, node.status && texts.name('activityStatuses', node.status)].filter(Boolean).join(' · ');
    return (node as { displayName?: string }).displayName;
}
