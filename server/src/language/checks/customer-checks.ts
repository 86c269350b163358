/** Checks on a customer: its tier against the quadrant, tier reviews, relationship layers, threads. */
import type { ValidationAcceptor } from 'langium';
import type { Customer } from '../generated/ast.js';
import { daysBetween, isSupporter, IssueCodes, suggestedTierFor, tierReason } from '../../method/index.js';
import { generalLayer, isActiveOpportunity, supportOf, whoIs } from '../ast-rules.js';
import type { AcctSettings } from '../acct-settings.js';
import type { WorkspaceFacts } from '../workspace-facts.js';
import { replaceValue, report } from './report.js';

export class CustomerChecks {
    constructor(private readonly facts: WorkspaceFacts, private readonly settings: AcctSettings) {}

    readonly tierMatchesScores = (customer: Customer, accept: ValidationAcceptor): void => {
        const suggested = suggestedTierFor(customer.standing, customer.cooperation);
        if (!customer.tier || !suggested || suggested === customer.tier) return;
        report(accept, {
            code: IssueCodes.TierMismatch, node: customer, where: { property: 'tier' },
            message: `Customer '${customer.name}' is declared ${customer.tier}, but ${tierReason(customer.standing!, customer.cooperation!)} suggest ${suggested}. Review the tier or the scores: the best resources go to the best customers.`,
            fix: replaceValue(customer, 'tier', suggested, `Change the tier to ${suggested}`),
        });
    };

    readonly tierReviewed = (customer: Customer, accept: ValidationAcceptor): void => {
        if (!customer.tier) return;
        const limit = this.facts.policy().tierReviewDays;
        const today = this.settings.today();
        if (customer.reviewed === undefined) {
            report(accept, {
                code: IssueCodes.StaleTierReview, node: customer, where: { property: 'tier' },
                message: `Customer '${customer.name}' has a tier but no review date: tiering is not a one-off. Review the tier and record the date with 'reviewed'.`,
            });
            return;
        }
        const age = daysBetween(customer.reviewed, today);
        if (age === undefined || age <= limit) return;
        report(accept, {
            code: IssueCodes.StaleTierReview, node: customer, where: { property: 'reviewed' },
            message: `The tier of '${customer.name}' was last reviewed ${customer.reviewed}, ${age} days ago (policy: every ${limit} days): an old tier table is worthless. Review it.`,
            fix: replaceValue(customer, 'reviewed', today, `Mark the tier as reviewed today (${today})`),
        });
    };

    /** Excellent and strategic customers need all three layers: the roof, the pillars and the foundation. */
    readonly relationshipLayers = (customer: Customer, accept: ValidationAcceptor): void => {
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
        const tier = customer.tier.charAt(0).toUpperCase() + customer.tier.slice(1);
        report(accept, {
            code: IssueCodes.MissingLayer, node: customer, where: 'head',
            message: `${tier} customer '${customer.name}' needs all three relationship layers but has ${missing.join(', and ')}.`,
        });
    };

    readonly notSingleThreaded = (customer: Customer, accept: ValidationAcceptor): void => {
        if (!customer.opportunities.some(isActiveOpportunity)) return;
        // Out-of-range values are reported as errors and count for nothing here.
        const supporters = customer.contacts.filter(c => isSupporter(supportOf(c.support)));
        if (supporters.length > 1) return;
        const who = supporters.length === 1 ? `only ${whoIs(supporters[0]!)} supports us` : 'nobody supports us yet';
        report(accept, {
            code: IssueCodes.SingleThreaded, node: customer, where: 'head',
            message: `Customer '${customer.name}' has active opportunities but ${who}: a relationship that rests on one person is a risk. Win support from more people.`,
        });
    };
}
