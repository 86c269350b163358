/**
 * Hover explains the plan in the method's words: a role, a support or intimacy value, a tier,
 * a property; on a customer its suggested tier and why; on a contact or deal its summary.
 */
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { HoverProvider, LangiumServices } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    isActivity, isCompetitor, isContact, isCustomer, isMember, isOpportunity, isSeverityRule, isSupportValue, isWaiver,
    type Contact, type Customer, type Opportunity,
} from '../language/generated/ast.js';
import { generalLayer, isActiveOpportunity, isQualified, supportOf } from '../language/ast-rules.js';
import { isIdAlternative, meaningOfKeyword } from './acct-completion.js';
import { describeSeverityRule, describeWaiver } from './waiver-descriptions.js';
import type { AcctLanguageAddedServices } from '../language/acct-language-services.js';
import {
    intimacyMeanings, propertyMeanings, roleMeanings, suggestedTierFor, supportMeanings, tierMeanings, tierReason,
} from '../method/index.js';

export class AcctHoverProvider implements HoverProvider {
    protected readonly references;
    protected readonly language: AcctLanguageAddedServices;

    constructor(services: LangiumServices) {
        this.references = services.references.References;
        this.language = services as LangiumServices & AcctLanguageAddedServices;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        if (!leaf || leaf.hidden) return undefined;
        const text = this.describeLeaf(leaf);
        return text ? { contents: { kind: 'markdown', value: text }, range: leaf.range } : undefined;
    }

    protected describeLeaf(leaf: import('langium').CstNode): string | undefined {
        const node = leaf.astNode;
        if (isWaiver(node) && !isUntil(leaf)) {
            return describeWaiver(node, this.language.validation.FindingPolicy, this.language.workspace.AcctSettings.today());
        }
        if (isSeverityRule(node)) return describeSeverityRule(node, this.language.workspace.WorkspaceFacts);
        if (GrammarAST.isKeyword(leaf.grammarSource) && !isIdAlternative(leaf.grammarSource)) {
            const keyword = leaf.grammarSource.value;
            if (keyword === 'tier' && isCustomer(node)) return describeCustomer(node);
            const value = meaningOfKeyword(leaf.grammarSource);
            if (value) {
                const extra = isCustomer(node) && node.tier === keyword ? '\n\n' + tierAdvice(node) : '';
                const letter = roleMeanings[keyword as keyof typeof roleMeanings]?.letter;
                return `**${keyword}**${letter ? ` (${letter})` : ''} — ${value.meaning}${extra}`;
            }
            if (keyword === '?' && isSupportValue(node)) return supportText('?');
            if (keyword === '-' && isSupportValue(node)) return supportText(String(supportOf(node)));
            const property = propertyMeanings[keyword];
            if (property) return `**${keyword}** — ${property}`;
            return undefined;
        }
        if (isSupportValue(node)) {
            return supportText(String(supportOf(node)));
        }
        const assignment = GrammarUtils.findAssignment(leaf);
        const property = assignment?.feature;
        if (property === 'intimacy' && isContact(node) && node.intimacy !== undefined) {
            const meaning = intimacyMeanings[String(node.intimacy)];
            return meaning ? `**intimacy ${node.intimacy}** — ${meaning.meaning}` : undefined;
        }
        if ((property === 'standing' || property === 'cooperation') && isCustomer(node)) {
            return describeCustomer(node);
        }
        const target = this.declarationAt(leaf);
        return target ? describeDeclaration(target) : undefined;
    }

    protected declarationAt(leaf: import('langium').CstNode): AstNode | undefined {
        return this.references.findDeclarations(leaf)[0];
    }
}

/** The `until` keyword and its date explain themselves as a keyword, not as the whole waiver. */
function isUntil(leaf: import('langium').CstNode): boolean {
    return GrammarAST.isKeyword(leaf.grammarSource) && leaf.grammarSource.value === 'until';
}

function supportText(value: string): string | undefined {
    const meaning = supportMeanings[value];
    return meaning ? `**support ${value}** (${meaning.label}) — ${meaning.meaning}` : undefined;
}

function describeDeclaration(node: AstNode): string | undefined {
    if (isCustomer(node)) return describeCustomer(node);
    if (isContact(node)) return describeContact(node);
    if (isOpportunity(node)) return describeOpportunity(node);
    if (isMember(node)) return `**${node.displayName}** (\`${node.name}\`) — member of our team`;
    if (isCompetitor(node)) return `**${node.displayName}** (\`${node.name}\`) — competitor`;
    if (isActivity(node)) {
        return `**${node.displayName}** (\`${node.name}\`) — ${node.kind ?? 'activity'}${node.date ? ` on ${node.date}` : ''}${node.status ? `, ${node.status}` : ''}`;
    }
    return undefined;
}

function describeCustomer(customer: Customer): string {
    const lines = [`**${customer.displayName}** (\`${customer.name}\`) — customer${customer.industry ? `, ${customer.industry}` : ''}`];
    lines.push(tierAdvice(customer));
    const general = generalLayer(customer).length;
    lines.push(`${customer.contacts.length} contacts (${customer.contacts.length - general} key, ${general} general layer), ` +
        `${customer.opportunities.filter(isActiveOpportunity).length} active opportunities; organization: ${customer.organization ?? 'not set'}.`);
    return lines.join('\n\n');
}

function tierAdvice(customer: Customer): string {
    const suggested = suggestedTierFor(customer.standing, customer.cooperation);
    if (!suggested) {
        return `Declared tier: ${customer.tier ?? 'none'}. Set standing and cooperation (1..5) to get a suggested tier.`;
    }
    const why = `${tierReason(customer.standing!, customer.cooperation!)}`;
    const verdict = customer.tier === undefined ? `No tier declared; suggested **${suggested}**`
        : customer.tier === suggested ? `Declared **${customer.tier}**, as suggested`
        : `Declared **${customer.tier}**, but suggested **${suggested}**`;
    return `${verdict}: ${why}. ${tierMeanings[suggested].meaning}`;
}

function describeContact(contact: Contact): string {
    const role = contact.role ? `${roleMeanings[contact.role].letter} · ${contact.role}` : 'general layer (no role)';
    const support = supportOf(contact.support);
    const supportLine = supportMeanings[support === null ? '?' : String(support)];
    const parts = [
        `**${contact.displayName}** (\`${contact.name}\`)${contact.title ? ` — ${contact.title}` : ''}${contact.department ? `, ${contact.department}` : ''}`,
        `Role: ${role}. Support: ${support === null ? '?' : support}${supportLine ? ` (${supportLine.label})` : ''}. Intimacy: ${contact.intimacy ?? 'not set'}.`,
    ];
    if (contact.reportsTo?.ref) parts.push(`Reports to ${contact.reportsTo.ref.displayName}.`);
    if (contact.lastContact) parts.push(`Last contact: ${contact.lastContact}.`);
    const customer = contact.$container;
    const deals = customer.opportunities.filter(o => o.decisionChain?.entries.some(e => e.contact.ref === contact)).map(o => o.name);
    if (deals.length) parts.push(`In the power map of: ${deals.join(', ')}.`);
    return parts.join('\n\n');
}

function describeOpportunity(opportunity: Opportunity): string {
    const qualified = isQualified(opportunity) ? 'qualified (budget and start confirmed)' : 'not qualified: still a lead until budget and start are confirmed';
    const team = opportunity.team;
    const triangle = ['ar', 'sr', 'fr'].map(r => `${r.toUpperCase()} ${(team as never as Record<string, { $refText: string } | undefined>)?.[r]?.$refText ?? '—'}`).join(', ');
    const customer = AstUtils.getContainerOfType(opportunity, isCustomer);
    return [
        `**${opportunity.displayName}** (\`${opportunity.name}\`) — ${opportunity.stage ?? 'no stage'}${customer ? ` at ${customer.displayName}` : ''}`,
        `${qualified}. Iron triangle: ${triangle}. Power map: ${opportunity.decisionChain ? `${opportunity.decisionChain.entries.length} people` : 'none'}.`,
    ].join('\n\n');
}
