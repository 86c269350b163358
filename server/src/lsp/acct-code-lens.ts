/** A code lens above each customer and each active opportunity opens its power map. */
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isCustomer, type Workspace } from '../language/generated/ast.js';
import { effectiveSupport, isActiveOpportunity } from '../language/ast-rules.js';

export const openPowerMapCommand = 'acct.openPowerMap';

export class AcctCodeLensProvider implements CodeLensProvider {
    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[] | undefined> {
        const lenses: CodeLens[] = [];
        const uri = document.uri.toString();
        for (const customer of (document.parseResult.value as Workspace).declarations.filter(isCustomer)) {
            if (!customer.$cstNode) continue;
            const key = customer.contacts.filter(c => c.role).length;
            lenses.push(lens(customer.$cstNode.range, `Power map · ${customer.contacts.length} contacts, ${key} key people`,
                { uri, customer: customer.name }));
            for (const opportunity of customer.opportunities) {
                if (!isActiveOpportunity(opportunity) || !opportunity.$cstNode) continue;
                const entries = opportunity.decisionChain?.entries ?? [];
                const supporters = entries.filter(e => (effectiveSupport(e) ?? -Infinity) >= 1).length;
                const title = entries.length
                    ? `Power map · ${supporters} of ${entries.length} in the decision chain support us`
                    : 'Power map · no decision chain yet';
                lenses.push(lens(opportunity.$cstNode.range, title, { uri, customer: customer.name, opportunity: opportunity.name }));
            }
        }
        return lenses;
    }
}

function lens(range: CodeLens['range'], title: string, args: { uri: string; customer: string; opportunity?: string }): CodeLens {
    return { range: { start: range.start, end: range.start }, command: { title, command: openPowerMapCommand, arguments: [args] } };
}
