/** Checks on a customer: its tier against the quadrant, tier reviews, relationship layers, threads. */
import type { ValidationAcceptor } from 'langium';
import type { Customer } from '../../generated/ast.js';
import { daysBetween, isSupporter, IssueCodes, suggestedTierFor, tierReason } from '../../../method/index.js';
import { generalLayer, isActiveOpportunity, supportOf, whoIs } from '../../ast/ast-rules.js';
import type { AcctSettings } from '../../workspace/acct-settings.js';
import type { WorkspaceFacts } from '../../workspace/workspace-facts.js';
import { replaceValue, report } from './report.js';

export class CustomerChecks {
    constructor(
        private readonly facts: WorkspaceFacts,
        private readonly settings: AcctSettings,
    ) {}

    readonly tierMatchesScores = (customer: Customer, accept: ValidationAcceptor): void => {
        const suggested = suggestedTierFor(customer.standing, customer.cooperation);
        if (!customer.tier || !suggested || suggested === customer.tier) return;
        const texts = this.settings.texts();
        report(accept, {
            code: IssueCodes.TierMismatch,
            node: customer,
            where: { property: 'tier' },
            message: texts.t('check.tierMismatch', {
                customer: customer.name,
                tier: texts.term('tiers', customer.tier),
                reason: tierReason(customer.standing!, customer.cooperation!, texts),
                suggested: texts.term('tiers', suggested),
            }),
            fix: replaceValue(customer, 'tier', suggested, texts.t('check.tierMismatch.fix', { tier: texts.term('tiers', suggested) })),
        });
    };

    readonly tierReviewed = (customer: Customer, accept: ValidationAcceptor): void => {
        if (!customer.tier) return;
        const limit = this.facts.policy().tierReviewDays;
        const today = this.settings.today();
        const texts = this.settings.texts();
        if (customer.reviewed === undefined) {
            report(accept, {
                code: IssueCodes.StaleTierReview,
                node: customer,
                where: { property: 'tier' },
                message: texts.t('check.tierNotReviewed', { customer: customer.name }),
            });
            return;
        }
        const age = daysBetween(customer.reviewed, today);
        if (age === undefined || age <= limit) return;
        report(accept, {
            code: IssueCodes.StaleTierReview,
            node: customer,
            where: { property: 'reviewed' },
            message: texts.t('check.tierReviewStale', { customer: customer.name, reviewed: customer.reviewed, age, limit }),
            fix: replaceValue(customer, 'reviewed', today, texts.t('check.tierReviewStale.fix', { today })),
        });
    };

    /** Excellent and strategic customers need all three layers: the roof, the pillars and the foundation. */
    readonly relationshipLayers = (customer: Customer, accept: ValidationAcceptor): void => {
        if (customer.tier !== 'excellent' && customer.tier !== 'strategic') return;
        const coverage = this.facts.policy().generalCoverage;
        const general = generalLayer(customer).length;
        const texts = this.settings.texts();
        const roof = !customer.organization || customer.organization === 'none' ? texts.t('check.missingLayer.roof') : undefined;
        const foundation = general < coverage ? texts.t('check.missingLayer.foundation', { general, coverage }) : undefined;
        if (!roof && !foundation) return;
        report(accept, {
            code: IssueCodes.MissingLayer,
            node: customer,
            where: 'head',
            message: texts.t('check.missingLayer', {
                tier: texts.vocabulary.tiers[customer.tier].label,
                customer: customer.name,
                missing: roof && foundation ? texts.t('check.missingLayer.both', { roof, foundation }) : (roof ?? foundation)!,
            }),
        });
    };

    /** 1.2: S and A customers are where the company builds a strategic partnership (seed 004). */
    readonly classPartnership = (customer: Customer, accept: ValidationAcceptor): void => {
        if (customer.class !== 'S' && customer.class !== 'A') return;
        const organization = customer.organization;
        if (organization && organization !== 'none' && organization !== 'communicate') return;
        const texts = this.settings.texts();
        report(accept, {
            code: IssueCodes.ClassWithoutPartnership,
            node: customer,
            where: { property: 'class' },
            message: texts.t('check.classWithoutPartnership', {
                customer: customer.name,
                class: customer.class,
                organization:
                    organization && organization !== 'none'
                        ? texts.t('check.classWithoutPartnership.level', { organization: texts.term('organizations', organization) })
                        : texts.t('check.classWithoutPartnership.absent'),
            }),
        });
    };

    readonly notSingleThreaded = (customer: Customer, accept: ValidationAcceptor): void => {
        if (!customer.opportunities.some(isActiveOpportunity)) return;
        // Out-of-range values are reported as errors and count for nothing here.
        const supporters = customer.contacts.filter(c => isSupporter(supportOf(c.support)));
        if (supporters.length > 1) return;
        const texts = this.settings.texts();
        const who = supporters.length === 1 ? texts.t('check.singleThreaded.one', { who: whoIs(supporters[0]!, texts) }) : texts.t('check.singleThreaded.none');
        report(accept, {
            code: IssueCodes.SingleThreaded,
            node: customer,
            where: 'head',
            message: texts.t('check.singleThreaded', { customer: customer.name, who }),
        });
    };
}
