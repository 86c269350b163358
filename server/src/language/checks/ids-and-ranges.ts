/**
 * Errors in what is written, before any method rule: ids declared twice, values outside their
 * range, dates that are not dates, properties written twice (contract sections 2 and 3).
 */
import type { AstNode, CompositeCstNode, CstNode, ValidationAcceptor } from 'langium';
import type { Activity, Contact, Customer, DecisionChainEntry, Money, Opportunity, Policy, SupportValue, Waiver } from '../generated/ast.js';
import { dayNumber, IssueCodes, isCurrencyCode, isSupport, thresholdRules, type Thresholds } from '../../method/index.js';
import { supportOf } from '../ast-rules.js';
import { placeOf } from '../workspace-facts.js';
import { assignedProperty } from '../cst-search.js';
import { report } from './report.js';

/** Properties that hold one value, per declaration type (lists such as `with` may repeat). */
const singleValued: Record<string, readonly string[]> = {
    Policy: ['staleContactDays', 'tierReviewDays', 'generalCoverage'],
    Customer: ['industry', 'standing', 'cooperation', 'tier', 'reviewed', 'owner', 'organization'],
    Contact: ['title', 'department', 'role', 'support', 'intimacy', 'reportsTo', 'lastContact', 'owner'],
    Opportunity: ['stage', 'amount', 'budget', 'start', 'team', 'decisionChain', 'horizon', 'space', 'growth', 'profit', 'competition'],
    IronTriangle: ['ar', 'sr', 'fr'],
    Activity: ['kind', 'date', 'owner', 'status', 'outcome'],
};

/** Keywords of properties whose AST name differs from the keyword. */
const propertyKeywords: Record<string, string> = {
    ...Object.fromEntries(Object.entries(thresholdRules).map(([property, rule]) => [property, rule.keyword])),
    reportsTo: 'reports-to', lastContact: 'last-contact', decisionChain: 'decision-chain',
};

export class IdAndRangeChecks {
    /** A property written twice keeps only its last value: say so rather than lose one silently. */
    readonly propertyWrittenOnce = (node: AstNode, accept: ValidationAcceptor): void => {
        const properties = singleValued[node.$type];
        const content = (node.$cstNode as CompositeCstNode | undefined)?.content;
        if (!properties || !content) return;
        // One pass over the block's own syntax (not its nested blocks): an overwritten value is
        // no longer in the AST, but its text still is.
        const written = new Map<string, CstNode[]>();
        for (const child of content) {
            const property = assignedProperty(child.grammarSource);
            if (!property || !properties.includes(property)) continue;
            const nodes = written.get(property);
            if (nodes) nodes.push(child); else written.set(property, [child]);
        }
        for (const [property, nodes] of written) {
            if (nodes.length < 2) continue;
            const keyword = propertyKeywords[property] ?? property;
            const last = nodes[nodes.length - 1]!.text;
            const shown = last.length > 40 ? last.slice(0, 37) + '...' : last;
            for (const extra of nodes.slice(0, -1)) {
                report(accept, {
                    code: IssueCodes.DuplicateProperty, node, where: { range: extra.range },
                    message: `'${keyword}' is written more than once here; only the last one (${shown}) counts. Remove the others.`,
                });
            }
        }
    };

    readonly policyRanges = (policy: Policy, accept: ValidationAcceptor): void => {
        for (const [property, rule] of Object.entries(thresholdRules) as Array<[keyof Thresholds, { minimum: number }]>) {
            const value = policy[property];
            if (value !== undefined && value < rule.minimum) {
                report(accept, {
                    code: IssueCodes.OutOfRange, node: policy, where: { property },
                    message: `${value} is out of range: the threshold must be ${rule.minimum} or more.`,
                });
            }
        }
    };

    readonly customerRanges = (customer: Customer, accept: ValidationAcceptor): void => {
        for (const property of ['standing', 'cooperation'] as const) {
            const value = customer[property];
            if (value !== undefined && (value < 1 || value > 5)) {
                report(accept, {
                    code: IssueCodes.OutOfRange, node: customer, where: { property },
                    message: `${property} ${value} is out of range: it is a score from 1 to 5.`,
                });
            }
        }
        checkDate(customer.reviewed, customer, 'reviewed', accept);
    };

    /** Contact, opportunity and activity ids are unique within their customer. */
    readonly localIdsUnique = (customer: Customer, accept: ValidationAcceptor): void => {
        const seen = new Map<string, AstNode & { name: string }>();
        for (const element of [...customer.contacts, ...customer.opportunities, ...customer.activities]) {
            if (!element.name) continue;
            const first = seen.get(element.name);
            if (!first) {
                seen.set(element.name, element);
                continue;
            }
            report(accept, {
                code: IssueCodes.DuplicateId, node: element, where: { property: 'name' },
                message: `Id '${element.name}' is already used by ${kindOf(first)} at ${placeOf(first)} in customer '${customer.name}': contact, opportunity and activity ids must be unique within their customer. Rename one.`,
            });
        }
    };

    readonly contactRanges = (contact: Contact, accept: ValidationAcceptor): void => {
        checkSupport(contact.support, contact, accept);
        if (contact.intimacy !== undefined && (contact.intimacy < -3 || contact.intimacy > 3)) {
            report(accept, {
                code: IssueCodes.OutOfRange, node: contact, where: { property: 'intimacy' },
                message: `intimacy ${contact.intimacy} is out of range: it goes from -3 (hostile) to 3 (family-level closeness).`,
            });
        }
        checkDate(contact.lastContact, contact, 'lastContact', accept);
        const seen = new Set<string>();
        for (const line of [...contact.competitorSupport].reverse()) {
            checkSupport(line.support, line, accept);
            // One line per competitor: the last one counts, like any property written twice.
            const competitor = line.competitor?.$refText;
            if (competitor === undefined) continue;
            if (seen.has(competitor)) {
                report(accept, {
                    code: IssueCodes.DuplicateProperty, node: line, where: { keyword: 'competitor-support' },
                    message: `'competitor-support ${competitor}' is written more than once here; only the last one counts. Remove the others.`,
                });
            }
            seen.add(competitor);
        }
    };

    readonly entryRanges = (entry: DecisionChainEntry, accept: ValidationAcceptor): void => {
        checkSupport(entry.support, entry, accept);
    };

    readonly opportunityValues = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        checkDate(opportunity.start, opportunity, 'start', accept);
        for (const property of ['space', 'growth', 'profit', 'competition'] as const) {
            const value = opportunity[property];
            if (value !== undefined && (value < 1 || value > 5)) {
                report(accept, {
                    code: IssueCodes.OutOfRange, node: opportunity, where: { property },
                    message: `${property} ${value} is out of range: the strategic sandbox scores from 1 to 5${property === 'competition' ? ' (5 = fiercest)' : ''}.`,
                });
            }
        }
        for (const property of ['amount', 'budget'] as const) {
            const money: Money | undefined = opportunity[property];
            if (money && !isCurrencyCode(money.currency)) {
                report(accept, {
                    code: IssueCodes.Syntax, node: money, where: { property: 'currency' },
                    message: `'${money.currency}' is not a currency code: write a three-letter code such as CNY, EUR or USD.`,
                });
            }
        }
    };

    readonly activityDate = (activity: Activity, accept: ValidationAcceptor): void => {
        checkDate(activity.date, activity, 'date', accept);
    };

    readonly waiverDate = (waiver: Waiver, accept: ValidationAcceptor): void => {
        checkDate(waiver.until, waiver, 'until', accept);
    };
}

export function kindOf(node: AstNode): string {
    return node.$type.toLowerCase();
}

function checkSupport(value: SupportValue | undefined, node: AstNode, accept: ValidationAcceptor): void {
    const support = supportOf(value);
    if (!isSupport(support)) {
        report(accept, {
            code: IssueCodes.OutOfRange, node, where: { property: 'support' },
            message: `support ${support} is out of range: use -1 (opposes), 0 (neutral), 1 (supports), 2 (supports exclusively), 3 (coach-level) or ? (unknown).`,
        });
    }
}

function checkDate(value: string | undefined, node: AstNode, property: string, accept: ValidationAcceptor): void {
    if (value !== undefined && dayNumber(value) === undefined) {
        report(accept, {
            code: IssueCodes.OutOfRange, node, where: { property },
            message: `${value} is not a calendar date: write a real date as YYYY-MM-DD.`,
        });
    }
}
