/**
 * Code lenses: above each customer and each active opportunity, one that opens its power map;
 * above each declaration whose findings a waiver takes out, what is waived and why.
 */
import { AstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isCustomer, type Waiver, type Workspace } from '../language/generated/ast.js';
import { effectiveSupport, isActiveOpportunity } from '../language/ast/ast-rules.js';
import type { FindingPolicy } from '../language/validation/finding-policy.js';
import type { AcctSettings } from '../language/workspace/acct-settings.js';
import { waivedSummary } from './waiver-descriptions.js';
import { EditorCommands } from '../contract/commands.js';

export class AcctCodeLensProvider implements CodeLensProvider {
    constructor(
        private readonly findingPolicy: FindingPolicy,
        private readonly settings: AcctSettings,
    ) {}

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[] | undefined> {
        const lenses: CodeLens[] = [];
        const uri = document.uri.toString();
        const root = document.parseResult.value as Workspace;
        const texts = this.settings.texts();
        for (const customer of root.declarations.filter(isCustomer)) {
            if (!customer.$cstNode) continue;
            const key = customer.contacts.filter(c => c.role).length;
            lenses.push(lens(customer.$cstNode.range, texts.t('lens.customer', { contacts: customer.contacts.length, key }), { uri, customer: customer.name }));
            for (const opportunity of customer.opportunities) {
                if (!isActiveOpportunity(opportunity) || !opportunity.$cstNode) continue;
                const entries = opportunity.decisionChain?.entries ?? [];
                const supporters = entries.filter(e => (effectiveSupport(e) ?? -Infinity) >= 1).length;
                const title = entries.length ? texts.t('lens.deal', { supporters, entries: entries.length }) : texts.t('lens.deal.noChain');
                lenses.push(lens(opportunity.$cstNode.range, title, { uri, customer: customer.name, opportunity: opportunity.name }));
            }
        }
        for (const holder of AstUtils.streamAst(root).filter(hasWaivers)) {
            const summary = holder.$cstNode && waivedSummary(holder.waivers, this.findingPolicy, texts);
            if (summary) lenses.push({ range: startOf(holder.$cstNode!.range), command: { title: summary, command: '' } });
        }
        return lenses;
    }
}

function hasWaivers(node: AstNode): node is AstNode & { waivers: Waiver[] } {
    const waivers = (node as { waivers?: Waiver[] }).waivers;
    return Array.isArray(waivers) && waivers.length > 0;
}

function startOf(range: CodeLens['range']): CodeLens['range'] {
    return { start: range.start, end: range.start };
}

function lens(range: CodeLens['range'], title: string, args: { uri: string; customer: string; opportunity?: string }): CodeLens {
    return { range: startOf(range), command: { title, command: EditorCommands.openPowerMap, arguments: [args] } };
}
