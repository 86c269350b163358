/**
 * Hover explains the plan in the method's words: a role, a support or intimacy value, a tier,
 * a property; on a customer its suggested tier and why; on a contact or deal its summary.
 */
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { HoverProvider, LangiumServices } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    isActivity,
    isCompetitor,
    isContact,
    isCustomer,
    isMember,
    isOpportunity,
    isSeverityRule,
    isSupportValue,
    isWaiver,
    type Contact,
    type Customer,
    type Opportunity,
} from '../language/generated/ast.js';
import { generalLayer, isActiveOpportunity, isQualified, maturity, supportOf } from '../language/ast/ast-rules.js';
import { isIdAlternative, meaningOfKeyword } from './acct-completion.js';
import { describeSeverityRule, describeWaiver } from './waiver-descriptions.js';
import type { AcctLanguageAddedServices } from '../language/acct-language-services.js';
import { historyCaches } from './history-cache.js';
import { SubjectKeys } from '../contract/subject-key.js';
import { stageDays } from '../contract/stage-age.js';
import { roleMeanings, suggestedTierFor, tierReason, type IntimacyKey, type PropertyKeyword, type SupportKey, type Texts } from '../method/index.js';

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
        if (!text) return undefined;
        const target = this.declarationAt(leaf);
        if (isOpportunity(target) && isActiveOpportunity(target)) {
            // an open deal: since when it has held its stage, from the plan's history (when it is read)
            return this.stageAge(document, target).then(age => ({
                contents: { kind: 'markdown', value: age ? `${text}\n\n${age}` : text },
                range: leaf.range,
            }));
        }
        return { contents: { kind: 'markdown', value: text }, range: leaf.range };
    }

    /** "bid since 2026-09-14, 83 days", from the history the server keeps; undefined while it is not read (or there is none). */
    protected async stageAge(document: LangiumDocument, opportunity: Opportunity): Promise<string | undefined> {
        const settings = this.language.workspace.AcctSettings;
        const cache = historyCaches.get(settings);
        const customer = AstUtils.getContainerOfType(opportunity, isCustomer);
        if (!cache || !customer?.name || !opportunity.stage) return undefined;
        const folder = this.language.workspace.FilePlaces.baseOf(document.uri) ?? document.uri;
        const { ages } = await cache.stageAges(folder.fsPath, settings.locale);
        const age = ages?.of(SubjectKeys.opportunity(customer.name, opportunity.name), opportunity.stage);
        if (!age) return undefined;
        const texts = settings.texts();
        return texts.t('hover.opportunity.stageAge', {
            stage: texts.term('stages', opportunity.stage),
            since: age.since,
            days: stageDays(age, settings.today()),
        });
    }

    protected describeLeaf(leaf: import('langium').CstNode): string | undefined {
        const node = leaf.astNode;
        const texts = this.language.workspace.AcctSettings.texts();
        if (isWaiver(node) && !isUntil(leaf)) {
            return describeWaiver(node, this.language.validation.FindingPolicy, this.language.workspace.AcctSettings.today(), texts);
        }
        if (isSeverityRule(node)) return describeSeverityRule(node, this.language.workspace.WorkspaceFacts, texts);
        if (GrammarAST.isKeyword(leaf.grammarSource) && !isIdAlternative(leaf.grammarSource)) {
            const keyword = leaf.grammarSource.value;
            if (keyword === 'tier' && isCustomer(node)) return describeCustomer(node, texts);
            const value = meaningOfKeyword(leaf.grammarSource, texts);
            if (value) {
                const extra = isCustomer(node) && node.tier === keyword ? '\n\n' + tierAdvice(node, texts) : '';
                const letter = roleMeanings[keyword as keyof typeof roleMeanings]?.letter;
                return (
                    (letter
                        ? texts.t('hover.keywordLetter', { keyword, letter, meaning: value.meaning })
                        : texts.t('hover.keyword', { keyword, meaning: value.meaning })) + extra
                );
            }
            if (keyword === '?' && isSupportValue(node)) return supportText('?', texts);
            if (keyword === '-' && isSupportValue(node)) return supportText(String(supportOf(node)), texts);
            const property = texts.vocabulary.properties[keyword as PropertyKeyword];
            if (property) return texts.t('hover.keyword', { keyword, meaning: property });
            return undefined;
        }
        if (isSupportValue(node)) {
            return supportText(String(supportOf(node)), texts);
        }
        const assignment = GrammarUtils.findAssignment(leaf);
        const property = assignment?.feature;
        if (property === 'intimacy' && isContact(node) && node.intimacy !== undefined) {
            const meaning = texts.vocabulary.intimacy[String(node.intimacy) as IntimacyKey];
            return meaning ? texts.t('hover.intimacy', { value: node.intimacy, meaning: meaning.meaning }) : undefined;
        }
        if ((property === 'standing' || property === 'cooperation') && isCustomer(node)) {
            return describeCustomer(node, texts);
        }
        const target = this.declarationAt(leaf);
        return target ? describeDeclaration(target, texts) : undefined;
    }

    protected declarationAt(leaf: import('langium').CstNode): AstNode | undefined {
        return this.references.findDeclarations(leaf)[0];
    }
}

/** The `until` keyword and its date explain themselves as a keyword, not as the whole waiver. */
function isUntil(leaf: import('langium').CstNode): boolean {
    return GrammarAST.isKeyword(leaf.grammarSource) && leaf.grammarSource.value === 'until';
}

function supportText(value: string, texts: Texts): string | undefined {
    const meaning = texts.vocabulary.support[value as SupportKey];
    return meaning ? texts.t('hover.support', { value, label: meaning.label, meaning: meaning.meaning }) : undefined;
}

function describeDeclaration(node: AstNode, texts: Texts): string | undefined {
    if (isCustomer(node)) return describeCustomer(node, texts);
    if (isContact(node)) return describeContact(node, texts);
    if (isOpportunity(node)) return describeOpportunity(node, texts);
    if (isMember(node)) return texts.t('hover.member', { name: node.displayName, id: node.name });
    if (isCompetitor(node)) return texts.t('hover.competitor', { name: node.displayName, id: node.name });
    if (isActivity(node)) {
        return texts.t('hover.activity', {
            name: node.displayName,
            id: node.name,
            kind: node.kind ? texts.term('activityKinds', node.kind) : texts.t('hover.activity.kind'),
            date: node.date ? texts.t('hover.activity.date', { date: node.date }) : '',
            status: node.status ? texts.t('hover.activity.status', { status: texts.term('activityStatuses', node.status) }) : '',
        });
    }
    return undefined;
}

function describeCustomer(customer: Customer, texts: Texts): string {
    const lines = [
        texts.t('hover.customer', {
            name: customer.displayName,
            id: customer.name,
            industry: customer.industry ? texts.t('hover.customer.industry', { industry: customer.industry }) : '',
        }),
    ];
    lines.push(tierAdvice(customer, texts));
    const general = generalLayer(customer).length;
    lines.push(
        texts.t('hover.customer.counts', {
            contacts: customer.contacts.length,
            key: customer.contacts.length - general,
            general,
            active: customer.opportunities.filter(isActiveOpportunity).length,
            organization: customer.organization ? texts.term('organizations', customer.organization) : texts.t('hover.notSet'),
        }),
    );
    return lines.join('\n\n');
}

function tierAdvice(customer: Customer, texts: Texts): string {
    const suggested = suggestedTierFor(customer.standing, customer.cooperation);
    if (!suggested) {
        return texts.t('hover.tier.noScores', { tier: customer.tier ? texts.term('tiers', customer.tier) : texts.t('hover.tier.none') });
    }
    const reason = tierReason(customer.standing!, customer.cooperation!, texts);
    const verdict =
        customer.tier === undefined
            ? texts.t('hover.tier.undeclared', { suggested: texts.term('tiers', suggested) })
            : customer.tier === suggested
              ? texts.t('hover.tier.asSuggested', { tier: texts.term('tiers', customer.tier) })
              : texts.t('hover.tier.differs', { tier: texts.term('tiers', customer.tier), suggested: texts.term('tiers', suggested) });
    return texts.t('hover.tier.advice', { verdict, reason, meaning: texts.vocabulary.tiers[suggested].meaning });
}

function describeContact(contact: Contact, texts: Texts): string {
    const role = contact.role ? `${roleMeanings[contact.role].letter} · ${texts.term('roles', contact.role)}` : texts.t('hover.contact.generalLayer');
    const support = supportOf(contact.support);
    const supportLine = texts.vocabulary.support[(support === null ? '?' : String(support)) as SupportKey];
    const parts = [
        texts.t('hover.contact.head', {
            name: contact.displayName,
            id: contact.name,
            title: contact.title ? texts.t('hover.contact.title', { title: contact.title }) : '',
            department: contact.department ? texts.t('hover.contact.department', { department: contact.department }) : '',
        }),
        texts.t('hover.contact.facts', {
            role,
            support: support === null ? '?' : support,
            label: supportLine ? texts.t('hover.contact.supportLabel', { label: supportLine.label }) : '',
            intimacy: contact.intimacy ?? texts.t('hover.notSet'),
        }),
    ];
    if (contact.reportsTo?.ref) parts.push(texts.t('hover.contact.reportsTo', { name: contact.reportsTo.ref.displayName }));
    if (contact.lastContact) parts.push(texts.t('hover.contact.lastContact', { date: contact.lastContact }));
    const customer = contact.$container;
    const deals = customer.opportunities.filter(o => o.decisionChain?.entries.some(e => e.contact.ref === contact)).map(o => o.name);
    if (deals.length) parts.push(texts.t('hover.contact.deals', { deals: texts.list(deals) }));
    return parts.join('\n\n');
}

function describeOpportunity(opportunity: Opportunity, texts: Texts): string {
    const qualified = isQualified(opportunity) ? texts.t('hover.opportunity.qualified') : texts.t('hover.opportunity.unqualified');
    const team = opportunity.team;
    const triangle = ['ar', 'sr', 'fr']
        .map(r => `${r.toUpperCase()} ${(team as never as Record<string, { $refText: string } | undefined>)?.[r]?.$refText ?? '—'}`)
        .join(', ');
    const customer = AstUtils.getContainerOfType(opportunity, isCustomer);
    return [
        texts.t('hover.opportunity.head', {
            name: opportunity.displayName,
            id: opportunity.name,
            stage: opportunity.stage ? texts.term('stages', opportunity.stage) : texts.t('hover.opportunity.noStage'),
            customer: customer ? texts.t('hover.opportunity.at', { customer: customer.displayName }) : '',
        }),
        texts.t('hover.opportunity.facts', {
            qualified,
            triangle,
            powerMap: opportunity.decisionChain
                ? texts.t('hover.opportunity.people', { count: opportunity.decisionChain.entries.length })
                : texts.t('hover.opportunity.noPowerMap'),
        }),
        texts.t('hover.opportunity.maturity', { maturity: texts.vocabulary.maturities[maturity(opportunity)].meaning }),
    ].join('\n\n');
}
