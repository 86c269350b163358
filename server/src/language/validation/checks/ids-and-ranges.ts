/**
 * Errors in what is written, before any method rule: ids declared twice, values outside their
 * range, dates that are not dates, properties written twice (contract sections 2 and 3).
 */
import { AstUtils, isCompositeCstNode, type AstNode, type CompositeCstNode, type CstNode, type GrammarAST, type ValidationAcceptor } from 'langium';
import type { Activity, Contact, Customer, DecisionChainEntry, Money, Opportunity, Policy, SupportValue, Waiver } from '../../generated/ast.js';
import {
    amountMeant,
    currencyMeant,
    dayNumber,
    isChineseUnitAmount,
    IssueCodes,
    isCurrencyCode,
    isSupport,
    thresholdRules,
    type DeclarationKind,
    type Texts,
    type Thresholds,
} from '../../../method/index.js';
import { supportOf } from '../../ast/ast-rules.js';
import { assignedProperty, nodeForProperty } from '../../ast/cst-search.js';
import { singleValuedProperties } from '../../parser/grammar-expectations.js';
import type { AcctSettings } from '../../workspace/acct-settings.js';
import type { FilePlaces } from '../../workspace/file-places.js';
import { replaceValue, report } from './report.js';

/** Keywords of properties whose AST name differs from the keyword. */
const propertyKeywords: Record<string, string> = {
    ...Object.fromEntries(Object.entries(thresholdRules).map(([property, rule]) => [property, rule.keyword])),
    reportsTo: 'reports-to',
    lastContact: 'last-contact',
    decisionChain: 'decision-chain',
    valueProposition: 'value-proposition',
    uniqueValue: 'unique-value',
};

export class IdAndRangeChecks {
    /** Properties that hold one value, per AST type, read from the grammar (lists such as `with` may repeat). */
    readonly singleValued: ReadonlyMap<string, readonly string[]>;

    constructor(
        private readonly settings: AcctSettings,
        private readonly places: FilePlaces,
        grammar: GrammarAST.Grammar,
    ) {
        this.singleValued = singleValuedProperties(grammar);
    }

    /** Per AST type, each grammar element of its block: the index of the single-valued property it gives a value (-1: none). */
    private readonly slots = new Map<string, Map<GrammarAST.AbstractElement | undefined, number>>();

    /**
     * Whether the block's own syntax writes one of `properties` twice. Nothing is made for a block
     * whose properties are each written once (nearly all): the properties met are bits of one
     * number, each child's property is found by its grammar element (one map a type).
     */
    private writtenTwice(type: string, properties: readonly string[], content: readonly CstNode[]): boolean {
        let slots = this.slots.get(type);
        if (!slots) this.slots.set(type, (slots = new Map()));
        if (properties.length > 31) return this.writtenTwiceBySearch(properties, content);
        let met = 0;
        for (const child of content) {
            const source = child.grammarSource;
            let slot = slots.get(source);
            if (slot === undefined) {
                const property = assignedProperty(source);
                slot = property === undefined ? -1 : properties.indexOf(property);
                slots.set(source, slot);
            }
            if (slot < 0) continue;
            const bit = 1 << slot;
            if (met & bit) return true;
            met |= bit;
        }
        return false;
    }

    private writtenTwiceBySearch(properties: readonly string[], content: readonly CstNode[]): boolean {
        const met: string[] = [];
        for (const child of content) {
            const property = assignedProperty(child.grammarSource);
            if (property === undefined || !properties.includes(property)) continue;
            if (met.includes(property)) return true;
            met.push(property);
        }
        return false;
    }

    /** A property written twice keeps only its last value: say so rather than lose one silently. */
    readonly propertyWrittenOnce = (node: AstNode, accept: ValidationAcceptor): void => {
        const properties = this.singleValued.get(node.$type);
        let content = (node.$cstNode as CompositeCstNode | undefined)?.content;
        // A rule reached through another (`Declaration: … | Policy`) wraps the block in one more node.
        while (content?.length === 1 && isCompositeCstNode(content[0]) && content[0].astNode === node) content = content[0].content;
        if (!properties || !content) return;
        // One pass over the block's own syntax (not its nested blocks): an overwritten value is
        // no longer in the AST, but its text still is.
        if (!this.writtenTwice(node.$type, properties, content)) return;
        const written = new Map<string, CstNode[]>();
        for (const child of content) {
            const property = assignedProperty(child.grammarSource);
            if (!property || !properties.includes(property)) continue;
            const nodes = written.get(property);
            if (nodes) nodes.push(child);
            else written.set(property, [child]);
        }
        for (const [property, nodes] of written) {
            if (nodes.length < 2) continue;
            const keyword = propertyKeywords[property] ?? property;
            const last = nodes[nodes.length - 1]!.text;
            const shown = last.length > 40 ? last.slice(0, 37) + '...' : last;
            for (const extra of nodes.slice(0, -1)) {
                report(accept, {
                    code: IssueCodes.DuplicateProperty,
                    node,
                    where: { range: extra.range },
                    message: this.settings.texts().t('check.duplicateProperty', { keyword, last: shown }),
                });
            }
        }
    };

    readonly policyRanges = (policy: Policy, accept: ValidationAcceptor): void => {
        for (const [property, rule] of Object.entries(thresholdRules) as Array<[keyof Thresholds, { minimum: number }]>) {
            const value = policy[property];
            if (value !== undefined && value < rule.minimum) {
                report(accept, {
                    code: IssueCodes.OutOfRange,
                    node: policy,
                    where: { property },
                    message: this.settings.texts().t('check.range.threshold', { value, minimum: rule.minimum }),
                });
            }
        }
    };

    readonly customerRanges = (customer: Customer, accept: ValidationAcceptor): void => {
        for (const property of ['standing', 'cooperation'] as const) {
            const value = customer[property];
            if (value !== undefined && (value < 1 || value > 5)) {
                report(accept, {
                    code: IssueCodes.OutOfRange,
                    node: customer,
                    where: { property },
                    message: this.settings.texts().t('check.range.score', { property, value }),
                });
            }
        }
        checkDate(customer.reviewed, customer, 'reviewed', accept, this.settings.texts());
    };

    /** Contact, opportunity and activity ids are unique within their customer. */
    readonly localIdsUnique = (customer: Customer, accept: ValidationAcceptor): void => {
        // fewer than two elements: nothing to compare (no map and no list for each of 60,000 unclosed customers)
        if (customer.contacts.length + customer.opportunities.length + customer.activities.length < 2) return;
        const seen = new Map<string, AstNode & { name: string }>();
        for (const element of [...customer.contacts, ...customer.opportunities, ...customer.activities]) {
            if (!element.name) continue;
            const first = seen.get(element.name);
            if (!first) {
                seen.set(element.name, element);
                continue;
            }
            report(accept, {
                code: IssueCodes.DuplicateId,
                node: element,
                where: { property: 'name' },
                message: this.settings.texts().t('check.duplicateLocal', {
                    id: element.name,
                    kind: kindOf(first, this.settings.texts()),
                    place: this.places.placeOf(first, AstUtils.getDocument(customer).uri),
                    customer: customer.name,
                }),
            });
        }
    };

    readonly contactRanges = (contact: Contact, accept: ValidationAcceptor): void => {
        const texts = this.settings.texts();
        checkSupport(contact.support, contact, accept, texts);
        if (contact.intimacy !== undefined && (contact.intimacy < -3 || contact.intimacy > 3)) {
            report(accept, {
                code: IssueCodes.OutOfRange,
                node: contact,
                where: { property: 'intimacy' },
                message: texts.t('check.range.intimacy', { value: contact.intimacy }),
            });
        }
        checkDate(contact.lastContact, contact, 'lastContact', accept, texts);
        const seen = new Set<string>();
        for (const line of [...contact.competitorSupport].reverse()) {
            checkSupport(line.support, line, accept, texts);
            // One line per competitor: the last one counts, like any property written twice.
            const competitor = line.competitor?.$refText;
            if (competitor === undefined) continue;
            if (seen.has(competitor)) {
                report(accept, {
                    code: IssueCodes.DuplicateProperty,
                    node: line,
                    where: { keyword: 'competitor-support' },
                    message: texts.t('check.duplicateCompetitorSupport', { competitor }),
                });
            }
            seen.add(competitor);
        }
    };

    readonly entryRanges = (entry: DecisionChainEntry, accept: ValidationAcceptor): void => {
        checkSupport(entry.support, entry, accept, this.settings.texts());
    };

    readonly opportunityValues = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        const texts = this.settings.texts();
        checkDate(opportunity.start, opportunity, 'start', accept, texts);
        for (const property of ['space', 'growth', 'profit', 'competition'] as const) {
            const value = opportunity[property];
            if (value !== undefined && (value < 1 || value > 5)) {
                report(accept, {
                    code: IssueCodes.OutOfRange,
                    node: opportunity,
                    where: { property },
                    message: texts.t(property === 'competition' ? 'check.range.competition' : 'check.range.sandbox', { property, value }),
                });
            }
        }
        for (const property of ['amount', 'budget'] as const) {
            const money: Money | undefined = opportunity[property];
            if (money) checkMoney(money, accept, texts);
        }
    };

    readonly activityDate = (activity: Activity, accept: ValidationAcceptor): void => {
        checkDate(activity.date, activity, 'date', accept, this.settings.texts());
    };

    readonly waiverDate = (waiver: Waiver, accept: ValidationAcceptor): void => {
        checkDate(waiver.until, waiver, 'until', accept, this.settings.texts());
    };
}

/**
 * Amounts as people really type them, one finding per mistake, each with its fix: a suffix in the
 * wrong case (`30m` → `30M`), a currency that is not an upper-case code (`cny` → `CNY`, `元` →
 * `CNY`), and an amount in 万 or 亿 without a currency (1.2: a unit is not a currency).
 */
function checkMoney(money: Money, accept: ValidationAcceptor, texts: Texts): void {
    const written = String(money.value);
    const meantAmount = amountMeant(written);
    if (meantAmount !== undefined) {
        report(accept, {
            code: IssueCodes.Syntax,
            node: money,
            where: { property: 'value' },
            message: texts.t('check.amountSuffix', { written, meant: meantAmount }),
            fix: replaceValue(money, 'value', meantAmount, texts.t('check.amountSuffix.fix', { meant: meantAmount })),
        });
    }
    if (!isCurrencyCode(money.currency)) {
        const currency = String(money.currency);
        const meant = currencyMeant(currency);
        report(accept, {
            code: IssueCodes.Syntax,
            node: money,
            where: { property: 'currency' },
            message: meant ? texts.t('check.currency.meant', { currency, meant }) : texts.t('check.currency', { currency }),
            ...(meant ? { fix: replaceValue(money, 'currency', meant, texts.t('check.currency.fix', { meant })) } : {}),
        });
    } else if (money.currency === undefined && isChineseUnitAmount(written)) {
        const cst = nodeForProperty(money.$cstNode, 'value');
        report(accept, {
            code: IssueCodes.MissingCurrency,
            node: money,
            where: { property: 'value' },
            message: texts.t('check.missingCurrency', { amount: written }),
            ...(cst ? { fix: { title: texts.t('check.missingCurrency.fix'), range: cst.range, newText: `${written} CNY` } } : {}),
        });
    }
}

/** What a declaration is called in a message: `member`, `contact`… */
export function kindOf(node: AstNode, texts: Texts): string {
    const kind = node.$type.toLowerCase();
    return texts.vocabulary.declarations[kind as DeclarationKind] ?? kind;
}

function checkSupport(value: SupportValue | undefined, node: AstNode, accept: ValidationAcceptor, texts: Texts): void {
    const support = supportOf(value);
    if (!isSupport(support)) {
        report(accept, {
            code: IssueCodes.OutOfRange,
            node,
            where: { property: 'support' },
            message: texts.t('check.range.support', { value: String(support) }),
        });
    }
}

function checkDate(value: string | undefined, node: AstNode, property: string, accept: ValidationAcceptor, texts: Texts): void {
    if (value !== undefined && dayNumber(value) === undefined) {
        report(accept, {
            code: IssueCodes.OutOfRange,
            node,
            where: { property },
            message: texts.t('check.range.date', { value }),
        });
    }
}
