/**
 * The checks of contract section 3, one method per rule, in the method's words
 * (../shared/domain.md). Every diagnostic carries its code from `IssueCodes` and says what is
 * wrong and what to do.
 */
import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type CompositeCstNode, type CstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { AcctServices } from './acct-module.js';
import type { AcctAstType, Activity, Contact, Customer, DecisionChainEntry, Money, Opportunity, Policy, SupportValue, Workspace } from './generated/ast.js';
import { IssueCodes, type FindingData, type IssueCode, type QuickFix } from './issue-codes.js';
import {
    daysBetween, dayNumber, decidingRoles, effectiveRole, effectiveSupport, generalLayer, isActive,
    isCurrencyCode, keyRoles, suggestedTier, supportOf, tierReason, whoIs,
} from './method.js';
import type { AcctSettings } from './acct-settings.js';
import { placeOf, type WorkspaceFacts } from './workspace-facts.js';

export function registerValidationChecks(services: AcctServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.AcctValidator;
    const checks: ValidationChecks<AcctAstType> = {
        Workspace: [validator.checkDuplicateGlobalIds, validator.checkSinglePolicy],
        Policy: [validator.checkPolicyRanges, validator.checkPropertyWrittenOnce],
        IronTriangle: [validator.checkPropertyWrittenOnce],
        Customer: [
            validator.checkPropertyWrittenOnce, validator.checkCustomerRanges, validator.checkDuplicateLocalIds, validator.checkTierMatchesScores,
            validator.checkTierReview, validator.checkRelationshipLayers, validator.checkSingleThreaded,
        ],
        Contact: [
            validator.checkPropertyWrittenOnce, validator.checkContactRanges, validator.checkReportsToCycle, validator.checkRationalTurnRisk,
            validator.checkFriendlyButUnsupportive, validator.checkStaleContact,
        ],
        Opportunity: [
            validator.checkPropertyWrittenOnce, validator.checkOpportunityValues, validator.checkQualified, validator.checkPowerMap,
            validator.checkDecisionMaker, validator.checkIronTriangle,
        ],
        DecisionChainEntry: [validator.checkEntryRanges, validator.checkUnknownSupport, validator.checkOpposedKeyPerson],
        Activity: [validator.checkPropertyWrittenOnce, validator.checkActivityDate, validator.checkOverdueActivity],
    };
    registry.register(checks, validator);
    registry.registerBeforeDocument(() => validator.resetCaches());
}

export class AcctValidator {
    protected readonly facts: WorkspaceFacts;
    protected readonly settings: AcctSettings;
    private activeDeals = new WeakMap<Customer, Map<Contact, Opportunity[]>>();

    constructor(services: AcctServices) {
        this.facts = services.workspace.WorkspaceFacts;
        this.settings = services.workspace.AcctSettings;
    }

    // --- ids and ranges (errors) --------------------------------------------------------------

    /** A property written twice keeps only its last value: say so rather than lose one silently. */
    checkPropertyWrittenOnce(node: AstNode, accept: ValidationAcceptor): void {
        const properties = singleValued[node.$type];
        const content = (node.$cstNode as CompositeCstNode | undefined)?.content;
        if (!properties || !content) return;
        // One pass over the block's own syntax (not its nested blocks): an overwritten value is
        // no longer in the AST, but its text still is.
        const written = new Map<string, CstNode[]>();
        for (const child of content) {
            const property = child.grammarSource && AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment)?.feature;
            if (property && properties.includes(property)) {
                written.set(property, [...written.get(property) ?? [], child]);
            }
        }
        for (const [property, nodes] of written) {
            if (nodes.length < 2) continue;
            const keyword = propertyKeywords[property] ?? property;
            const last = nodes[nodes.length - 1].text;
            for (const extra of nodes.slice(0, -1)) {
                report(accept, 'warning', IssueCodes.DuplicateProperty,
                    `'${keyword}' is written more than once here; only the last one (${last.length > 40 ? last.slice(0, 37) + '...' : last}) counts. Remove the others.`,
                    node, { range: extra.range }, subjectOf(node));
            }
        }
    }

    checkDuplicateGlobalIds(workspace: Workspace, accept: ValidationAcceptor): void {
        const globals = this.facts.globalDeclarations();
        for (const declaration of workspace.declarations) {
            if (declaration.$type === 'Policy' || !declaration.name) continue;
            const same = globals.get(declaration.name) ?? [];
            if (same.length > 1) {
                const others = same.filter(d => d !== declaration).map(d => `${kindOf(d)} at ${placeOf(d)}`).join(', ');
                report(accept, 'error', IssueCodes.DuplicateId,
                    `Id '${declaration.name}' is declared more than once in the workspace (also ${others}): member, competitor and customer ids must be unique. Rename one.`,
                    declaration, { property: 'name' }, subjectOf(declaration));
            }
        }
    }

    checkSinglePolicy(workspace: Workspace, accept: ValidationAcceptor): void {
        const [inForce, ...extra] = this.facts.policies();
        for (const policy of extra) {
            if (policy.$container === workspace) {
                report(accept, 'error', IssueCodes.DuplicateId,
                    `A workspace has at most one policy block; the one at ${placeOf(inForce)} is in force. Merge the thresholds into it.`,
                    policy, { keyword: 'policy' });
            }
        }
    }

    checkPolicyRanges(policy: Policy, accept: ValidationAcceptor): void {
        for (const property of ['staleContactDays', 'tierReviewDays', 'generalCoverage'] as const) {
            const value = policy[property];
            const minimum = property === 'generalCoverage' ? 0 : 1;
            if (value !== undefined && value < minimum) {
                report(accept, 'error', IssueCodes.OutOfRange,
                    `${value} is out of range: the threshold must be ${minimum} or more.`, policy, { property });
            }
        }
    }

    checkCustomerRanges(customer: Customer, accept: ValidationAcceptor): void {
        for (const property of ['standing', 'cooperation'] as const) {
            const value = customer[property];
            if (value !== undefined && (value < 1 || value > 5)) {
                report(accept, 'error', IssueCodes.OutOfRange,
                    `${property} ${value} is out of range: it is a score from 1 to 5.`, customer, { property }, subjectOf(customer));
            }
        }
        checkDate(customer.reviewed, customer, 'reviewed', accept);
    }

    checkDuplicateLocalIds(customer: Customer, accept: ValidationAcceptor): void {
        const seen = new Map<string, AstNode & { name: string }>();
        for (const element of [...customer.contacts, ...customer.opportunities, ...customer.activities]) {
            if (!element.name) continue;
            const first = seen.get(element.name);
            if (first) {
                report(accept, 'error', IssueCodes.DuplicateId,
                    `Id '${element.name}' is already used by ${kindOf(first)} at ${placeOf(first)} in customer '${customer.name}': contact, opportunity and activity ids must be unique within their customer. Rename one.`,
                    element, { property: 'name' }, subjectOf(element));
            } else {
                seen.set(element.name, element);
            }
        }
    }

    checkContactRanges(contact: Contact, accept: ValidationAcceptor): void {
        checkSupport(contact.support, contact, accept);
        if (contact.intimacy !== undefined && (contact.intimacy < -3 || contact.intimacy > 3)) {
            report(accept, 'error', IssueCodes.OutOfRange,
                `intimacy ${contact.intimacy} is out of range: it goes from -3 (hostile) to 3 (family-level closeness).`,
                contact, { property: 'intimacy' }, subjectOf(contact));
        }
        checkDate(contact.lastContact, contact, 'lastContact', accept);
    }

    checkEntryRanges(entry: DecisionChainEntry, accept: ValidationAcceptor): void {
        checkSupport(entry.support, entry, accept);
    }

    checkOpportunityValues(opportunity: Opportunity, accept: ValidationAcceptor): void {
        checkDate(opportunity.start, opportunity, 'start', accept);
        for (const property of ['amount', 'budget'] as const) {
            const money: Money | undefined = opportunity[property];
            if (money && !isCurrencyCode(money.currency)) {
                report(accept, 'error', IssueCodes.Syntax,
                    `'${money.currency}' is not a currency code: write a three-letter code such as CNY, EUR or USD.`,
                    money, { property: 'currency' }, subjectOf(opportunity));
            }
        }
    }

    checkActivityDate(activity: Activity, accept: ValidationAcceptor): void {
        checkDate(activity.date, activity, 'date', accept);
    }

    checkReportsToCycle(contact: Contact, accept: ValidationAcceptor): void {
        const path: Contact[] = [contact];
        let current = contact.reportsTo?.ref;
        while (current && !path.includes(current)) {
            path.push(current);
            current = current.reportsTo?.ref;
        }
        if (current === contact) {
            const cycle = [...path, contact].map(c => c.name).join(' → ');
            report(accept, 'error', IssueCodes.ReportsToCycle,
                `Reporting line loops back to '${contact.name}' (${cycle}): an org chart needs a head. Fix one reports-to.`,
                contact, { property: 'reportsTo' }, subjectOf(contact));
        }
    }

    // --- opportunities: qualification, power map, iron triangle ---------------------------------

    checkQualified(opportunity: Opportunity, accept: ValidationAcceptor): void {
        if (!isActive(opportunity.stage)) return;
        const missing = [
            opportunity.budget === undefined ? 'no confirmed budget' : undefined,
            opportunity.start === undefined ? 'no start date' : undefined,
        ].filter(Boolean);
        if (missing.length > 0) {
            report(accept, 'warning', IssueCodes.UnqualifiedOpportunity,
                `Opportunity '${opportunity.name}' has ${missing.join(' and ')}: it is still a lead. Confirm the customer's budget and start date, or set its stage to lead.`,
                opportunity, declarationHead, subjectOf(opportunity), undefined,
                replaceValue(opportunity, 'stage', 'lead', 'Set the stage to lead'));
        }
    }

    checkPowerMap(opportunity: Opportunity, accept: ValidationAcceptor): void {
        if (isActive(opportunity.stage) && !opportunity.decisionChain) {
            report(accept, 'warning', IssueCodes.NoPowerMap,
                `Opportunity '${opportunity.name}' has no power map: add a decision-chain with who approves, decides, evaluates and influences this deal.`,
                opportunity, declarationHead, subjectOf(opportunity));
        }
    }

    checkDecisionMaker(opportunity: Opportunity, accept: ValidationAcceptor): void {
        const chain = opportunity.decisionChain;
        if (!isActive(opportunity.stage) || !chain) return;
        if (!chain.entries.some(entry => decidingRoles.has(effectiveRole(entry)!))) {
            report(accept, 'warning', IssueCodes.NoDecisionMaker,
                `The power map of '${opportunity.name}' has no decision-maker and no approver: find out who holds the final decision and who signs, and add them to the decision-chain.`,
                chain, { keyword: 'decision-chain' }, subjectOf(opportunity));
        }
    }

    checkUnknownSupport(entry: DecisionChainEntry, accept: ValidationAcceptor): void {
        const opportunity = entry.$container.$container;
        const contact = entry.contact.ref;
        const role = effectiveRole(entry);
        if (!isActive(opportunity.stage) || !contact || !role || !decidingRoles.has(role)) return;
        if (effectiveSupport(entry) === null) {
            report(accept, 'warning', IssueCodes.UnknownSupport,
                `${whoIs(contact)}, the ${role} of '${opportunity.name}', has unknown support (?): an unknown ${role} is a priority to reach. Plan a meeting and record their support.`,
                entry, { property: 'contact' }, subjectOf(opportunity), subjectOf(contact));
        }
    }

    checkOpposedKeyPerson(entry: DecisionChainEntry, accept: ValidationAcceptor): void {
        const opportunity = entry.$container.$container;
        const contact = entry.contact.ref;
        const role = effectiveRole(entry);
        if (!isActive(opportunity.stage) || !contact || !role || !keyRoles.has(role)) return;
        if (effectiveSupport(entry) === -1) {
            report(accept, 'warning', IssueCodes.OpposedKeyPerson,
                `${whoIs(contact)}, the ${role} of '${opportunity.name}', opposes us (support -1). Use the three axes: an executive visit from our side, an invitation to an exhibition or event, a visit to our headquarters and reference sites.`,
                entry, { property: 'contact' }, subjectOf(opportunity), subjectOf(contact));
        }
    }

    checkIronTriangle(opportunity: Opportunity, accept: ValidationAcceptor): void {
        if (!isActive(opportunity.stage)) return;
        const team = opportunity.team;
        const missing = (['ar', 'sr', 'fr'] as const).filter(role => !team?.[role]);
        if (missing.length === 0) return;
        const names = missing.map(role => role.toUpperCase());
        const list = joinAnd(names);
        const roles: Record<string, string> = { ar: 'an account responsible (ar)', sr: 'a solution responsible (sr)', fr: 'a fulfilment responsible (fr)' };
        report(accept, 'warning', IssueCodes.IncompleteIronTriangle,
            `Opportunity '${opportunity.name}' has no ${list} in its iron triangle: the deal is understaffed. Name ${joinAnd(missing.map(r => roles[r]))} in its team.`,
            team ?? opportunity, team ? { keyword: 'team' } : declarationHead, subjectOf(opportunity));
    }

    // --- customers: tiers and relationship layers ----------------------------------------------

    checkTierMatchesScores(customer: Customer, accept: ValidationAcceptor): void {
        const suggested = suggestedTier(customer.standing, customer.cooperation);
        if (!customer.tier || !suggested || suggested === customer.tier) return;
        report(accept, 'warning', IssueCodes.TierMismatch,
            `Customer '${customer.name}' is declared ${customer.tier}, but ${tierReason(customer.standing!, customer.cooperation!)} suggest ${suggested}. Review the tier or the scores: the best resources go to the best customers.`,
            customer, { property: 'tier' }, subjectOf(customer), undefined,
            replaceValue(customer, 'tier', suggested, `Change the tier to ${suggested}`));
    }

    checkTierReview(customer: Customer, accept: ValidationAcceptor): void {
        if (!customer.tier) return;
        const limit = this.facts.policy().tierReviewDays;
        if (customer.reviewed === undefined) {
            report(accept, 'warning', IssueCodes.StaleTierReview,
                `Customer '${customer.name}' has a tier but no review date: tiering is not a one-off. Review the tier and record the date with 'reviewed'.`,
                customer, { property: 'tier' }, subjectOf(customer));
            return;
        }
        const age = daysBetween(customer.reviewed, this.settings.today());
        if (age !== undefined && age > limit) {
            report(accept, 'warning', IssueCodes.StaleTierReview,
                `The tier of '${customer.name}' was last reviewed ${customer.reviewed}, ${age} days ago (policy: every ${limit} days): an old tier table is worthless. Review it.`,
                customer, { property: 'reviewed' }, subjectOf(customer), undefined,
                replaceValue(customer, 'reviewed', this.settings.today(), `Mark the tier as reviewed today (${this.settings.today()})`));
        }
    }

    checkRelationshipLayers(customer: Customer, accept: ValidationAcceptor): void {
        if (customer.tier !== 'excellent' && customer.tier !== 'strategic') return;
        const coverage = this.facts.policy().generalCoverage;
        const general = generalLayer(customer).length;
        const missing: string[] = [];
        if (!customer.organization || customer.organization === 'none') {
            missing.push('no organizational relationship (the roof: summits, executive dialogue)');
        }
        if (general < coverage) {
            missing.push(`only ${general} general-layer contact${general === 1 ? '' : 's'} where ${coverage} are expected (the foundation: broad coverage of engineers, buyers, operations)`);
        }
        if (missing.length === 0) return;
        report(accept, 'warning', IssueCodes.MissingLayer,
            `${capitalize(customer.tier)} customer '${customer.name}' needs all three relationship layers but has ${missing.join(', and ')}.`,
            customer, declarationHead, subjectOf(customer));
    }

    checkSingleThreaded(customer: Customer, accept: ValidationAcceptor): void {
        if (!customer.opportunities.some(o => isActive(o.stage))) return;
        // Out-of-range values are reported as errors and count for nothing here.
        const supporters = customer.contacts.filter(c => { const v = supportOf(c.support); return v !== null && v >= 1 && v <= 3; });
        if (supporters.length > 1) return;
        const who = supporters.length === 1 ? `only ${whoIs(supporters[0])} supports us` : 'nobody supports us yet';
        report(accept, 'warning', IssueCodes.SingleThreaded,
            `Customer '${customer.name}' has active opportunities but ${who}: a relationship that rests on one person is a risk. Win support from more people.`,
            customer, declarationHead, subjectOf(customer));
    }

    // --- contacts over time ---------------------------------------------------------------------

    checkStaleContact(contact: Contact, accept: ValidationAcceptor): void {
        if (!contact.lastContact) return;
        const deals = this.activeDealsOf(contact);
        if (deals.length === 0) return;
        const limit = this.facts.policy().staleContactDays;
        const age = daysBetween(contact.lastContact, this.settings.today());
        if (age !== undefined && age > limit) {
            report(accept, 'warning', IssueCodes.StaleContact,
                `${whoIs(contact)} is in the power map of ${deals.map(d => `'${d.name}'`).join(', ')} but was last contacted ${contact.lastContact}, ${age} days ago (policy: ${limit}): relationships decay when neglected. Plan a contact.`,
                contact, { property: 'lastContact' }, subjectOf(contact));
        }
    }

    /**
     * The active opportunities whose decision chain names `contact`, in declaration order. Built
     * once per customer and validation run (scanning every chain for every contact was quadratic
     * in the size of the customer: 25 ms of a 10k-line file's 43 ms validation).
     */
    protected activeDealsOf(contact: Contact): Opportunity[] {
        const customer = contact.$container;
        let byContact = this.activeDeals.get(customer);
        if (!byContact) {
            byContact = new Map();
            for (const opportunity of customer.opportunities) {
                if (!isActive(opportunity.stage)) continue;
                for (const entry of opportunity.decisionChain?.entries ?? []) {
                    const named = entry.contact.ref;
                    if (!named) continue;
                    const deals = byContact.get(named);
                    if (!deals) byContact.set(named, [opportunity]);
                    else if (deals[deals.length - 1] !== opportunity) deals.push(opportunity);
                }
            }
            this.activeDeals.set(customer, byContact);
        }
        return byContact.get(contact) ?? [];
    }

    /** Forgets what was computed for the previous document (its links may have changed since). */
    resetCaches(): void {
        this.activeDeals = new WeakMap();
    }

    checkRationalTurnRisk(contact: Contact, accept: ValidationAcceptor): void {
        const support = supportOf(contact.support);
        if (support !== null && support >= 2 && support <= 3 && contact.intimacy !== undefined && contact.intimacy <= -1 && contact.intimacy >= -3) {
            report(accept, 'warning', IssueCodes.RationalTurnRisk,
                `${whoIs(contact)} supports us (${support}) but intimacy is ${contact.intimacy}: they like the product, not us, and may turn rationally to a competitor at the first good offer. Build the personal relationship.`,
                contact, { property: 'intimacy' }, subjectOf(contact));
        }
    }

    checkFriendlyButUnsupportive(contact: Contact, accept: ValidationAcceptor): void {
        const support = supportOf(contact.support);
        if ((support === 0 || support === -1) && contact.intimacy !== undefined && contact.intimacy >= 2 && contact.intimacy <= 3) {
            report(accept, 'info', IssueCodes.FriendlyButUnsupportive,
                `${whoIs(contact)} is close to us (intimacy ${contact.intimacy}) but ${support === 0 ? 'neutral' : 'opposed'} (support ${support}): do not misread the friendship. Re-examine what they really need (career, company policy).`,
                contact, { property: 'support' }, subjectOf(contact));
        }
    }

    checkOverdueActivity(activity: Activity, accept: ValidationAcceptor): void {
        if (activity.status !== 'planned' || !activity.date) return;
        const late = daysBetween(activity.date, this.settings.today());
        if (late !== undefined && late > 0) {
            report(accept, 'warning', IssueCodes.OverdueActivity,
                `Activity '${activity.name}' was planned for ${activity.date}, ${late} day${late === 1 ? '' : 's'} ago, and is still planned: record it as done with its outcome, cancel it, or move the date.`,
                activity, { property: 'date' }, subjectOf(activity), undefined,
                replaceValue(activity, 'status', 'done', 'Mark the activity as done'));
        }
    }
}

// --- helpers -------------------------------------------------------------------------------------

/** Properties that hold one value, per declaration type (lists such as `with` may repeat). */
const singleValued: Record<string, string[]> = {
    Policy: ['staleContactDays', 'tierReviewDays', 'generalCoverage'],
    Customer: ['industry', 'standing', 'cooperation', 'tier', 'reviewed', 'owner', 'organization'],
    Contact: ['title', 'department', 'role', 'support', 'intimacy', 'reportsTo', 'lastContact', 'owner'],
    Opportunity: ['stage', 'amount', 'budget', 'start', 'team', 'decisionChain'],
    IronTriangle: ['ar', 'sr', 'fr'],
    Activity: ['kind', 'date', 'owner', 'status', 'outcome'],
};

const propertyKeywords: Record<string, string> = {
    staleContactDays: 'stale-contact-days', tierReviewDays: 'tier-review-days', generalCoverage: 'general-coverage',
    reportsTo: 'reports-to', lastContact: 'last-contact', decisionChain: 'decision-chain',
};

type Where = { property?: string; keyword?: string; range?: import('vscode-languageserver-types').Range };

/** Element-level findings point at the declaration's keyword and id (`opportunity oss`). */
const declarationHead: Where = {};

function report(accept: ValidationAcceptor, severity: 'error' | 'warning' | 'info', code: IssueCode, message: string,
    node: AstNode, where: Where, subject?: string, contact?: string, fix?: QuickFix): void {
    const data: FindingData = { code, subject, contact, ...(fix ? { fix } : {}) };
    const range = where === declarationHead ? headRange(node) : undefined;
    accept(severity, message, { node, code, data, ...where, ...(range ? { range } : {}) } as never);
}

function headRange(node: AstNode): import('vscode-languageserver-types').Range | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const nameNode = (node as { name?: string }).name !== undefined
        ? findNameNode(node)
        : undefined;
    return { start: cst.range.start, end: (nameNode ?? cst).range.end };
}

function findNameNode(node: AstNode) {
    // The second leaf of a declaration is its id: `opportunity oss "..." {`.
    const leaves = node.$cstNode ? [...iterateLeaves(node.$cstNode)] : [];
    return leaves[1];
}

function* iterateLeaves(cst: import('langium').CstNode): Generator<import('langium').CstNode> {
    const children = (cst as { content?: import('langium').CstNode[] }).content;
    if (!children) {
        if (!cst.hidden) yield cst;
        return;
    }
    for (const child of children) {
        yield* iterateLeaves(child);
    }
}

/** A quick fix that replaces the value of `property` on `node`, if it is written. */
function replaceValue(node: AstNode, property: string, newText: string, title: string): QuickFix | undefined {
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
    return cst ? { title, range: cst.range, newText } : undefined;
}

function checkSupport(value: SupportValue | undefined, node: AstNode, accept: ValidationAcceptor): void {
    const support = supportOf(value);
    if (support !== null && (support < -1 || support > 3)) {
        report(accept, 'error', IssueCodes.OutOfRange,
            `support ${support} is out of range: use -1 (opposes), 0 (neutral), 1 (supports), 2 (supports exclusively), 3 (coach-level) or ? (unknown).`,
            node, { property: 'support' }, subjectOf(node));
    }
}

function checkDate(value: string | undefined, node: AstNode, property: string, accept: ValidationAcceptor): void {
    if (value !== undefined && dayNumber(value) === undefined) {
        report(accept, 'error', IssueCodes.OutOfRange,
            `${value} is not a calendar date: write a real date as YYYY-MM-DD.`, node, { property }, subjectOf(node));
    }
}

function kindOf(node: AstNode): string {
    return node.$type.toLowerCase();
}

function joinAnd(items: string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The plan element a finding is about, as the views key it (protocol.ts `SubjectKey`). */
export function subjectOf(node: AstNode): string | undefined {
    let current: AstNode | undefined = node;
    while (current) {
        const named = current as AstNode & { name?: string };
        switch (current.$type) {
            case 'Member': return `member:${named.name}`;
            case 'Competitor': return `competitor:${named.name}`;
            case 'Customer': return `customer:${named.name}`;
            case 'Contact': case 'Opportunity': case 'Activity':
                return `${current.$type.toLowerCase()}:${(current.$container as Customer).name}/${named.name}`;
        }
        current = current.$container;
    }
    return undefined;
}

