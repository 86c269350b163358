/**
 * Checks of contract 1.1 on the key layer: a relationship is relative (competitor support), power
 * runs beyond the org chart (influence), support is a claim until contact is recorded, and every
 * key person is someone's job.
 */
import type { ValidationAcceptor } from 'langium';
import type { Contact, DecisionChainEntry, Opportunity, Role } from '../../generated/ast.js';
import { decidingRoles, IssueCodes, keyRoles } from '../../../method/index.js';
import { competitorSupportOf, effectiveRole, effectiveSupport, isActiveOpportunity, lastContactOf, supportOf, whoIs } from '../../ast/ast-rules.js';
import type { AcctSettings } from '../../workspace/acct-settings.js';
import type { CustomerIndex } from '../customer-index.js';
import { subjectOf } from '../../ast/subject.js';
import { report } from './report.js';

export class RelationshipChecks {
    constructor(
        private readonly settings: AcctSettings,
        private readonly index: CustomerIndex,
    ) {}

    /** A key person who supports a competitor of the deal more than us is a loss in the making. */
    readonly competitorNotAhead = (entry: DecisionChainEntry, accept: ValidationAcceptor): void => {
        const deal = activeEntry(entry);
        if (!deal || deal.contact.competitorSupport.length === 0) return;
        const ours = effectiveSupport(entry);
        for (const reference of deal.opportunity.competitors) {
            const competitor = reference.ref;
            if (!competitor) continue;
            const theirs = competitorSupportOf(deal.contact, competitor);
            // A competitor's `?` never fires; our `?` counts as 0; out-of-range values count for nothing.
            if (theirs === null || theirs === undefined || theirs < -1 || theirs > 3 || (ours !== null && (ours < -1 || ours > 3))) continue;
            if (theirs <= (ours ?? 0)) continue;
            const texts = this.settings.texts();
            report(accept, {
                code: IssueCodes.CompetitorAhead,
                node: entry,
                where: { property: 'contact' },
                ...aboutOf(deal),
                message: texts.t('check.competitorAhead', {
                    who: whoIs(deal.contact, texts),
                    competitor: competitor.displayName,
                    theirs,
                    ours: ours ?? '?',
                    opportunity: deal.opportunity.name,
                }),
            });
        }
    };

    /** An opponent with the ear of a decision-maker can sink a deal the chain itself would win. */
    readonly noOpposedInfluence = (contact: Contact, accept: ValidationAcceptor): void => {
        if (supportOf(contact.support) !== -1) return;
        contact.influences.forEach((reference, index) => {
            const influenced = reference.ref;
            if (!influenced || influenced === contact) return;
            const roles = this.decidingRolesOf(influenced);
            if (roles.length === 0) return;
            const texts = this.settings.texts();
            const deals = new Map<Role, string[]>();
            for (const { role, deal } of roles) {
                const list = deals.get(role) ?? [];
                const quoted = texts.quote(deal.name);
                if (!list.includes(quoted)) list.push(quoted);
                deals.set(role, list);
            }
            const where = texts.and(
                [...deals].map(([role, names]) => texts.t('check.opposedInfluence.roleOf', { role: texts.term('roles', role), deals: texts.and(names) })),
            );
            report(accept, {
                code: IssueCodes.OpposedInfluence,
                node: contact,
                where: { property: 'influences', index },
                message: texts.t('check.opposedInfluence', {
                    who: whoIs(contact, texts),
                    influenced: whoIs(influenced, texts),
                    where,
                    name: contact.displayName,
                    influencedName: influenced.displayName,
                }),
            });
        });
    };

    /** "My relationship with the customer is good" — what is the basis? */
    readonly supportFounded = (entry: DecisionChainEntry, accept: ValidationAcceptor): void => {
        const deal = activeEntry(entry);
        const support = effectiveSupport(entry);
        if (!deal || support === null || support < 1 || support > 3) return;
        if (lastContactOf(deal.contact, this.index.activitiesWith(deal.contact), this.settings.today())) return;
        const texts = this.settings.texts();
        report(accept, {
            code: IssueCodes.UnfoundedSupport,
            node: entry,
            where: { property: 'contact' },
            ...aboutOf(deal),
            message: texts.t('check.unfoundedSupport', { who: whoIs(deal.contact, texts), support, opportunity: deal.opportunity.name }),
        });
    };

    readonly keyPersonCovered = (entry: DecisionChainEntry, accept: ValidationAcceptor): void => {
        const deal = activeEntry(entry);
        const role = effectiveRole(entry);
        if (!deal || !role || !keyRoles.has(role) || deal.contact.owner) return;
        const texts = this.settings.texts();
        report(accept, {
            code: IssueCodes.UncoveredKeyPerson,
            node: entry,
            where: { property: 'contact' },
            ...aboutOf(deal),
            message: texts.t('check.uncoveredKeyPerson', {
                who: whoIs(deal.contact, texts),
                role: texts.term('roles', role),
                opportunity: deal.opportunity.name,
            }),
        });
    };

    /** The active deals in which `contact` is an approver or decision-maker, with that role. */
    private decidingRolesOf(contact: Contact): Array<{ role: Role; deal: Opportunity }> {
        const found: Array<{ role: Role; deal: Opportunity }> = [];
        for (const deal of this.index.activeDealsOf(contact)) {
            for (const entry of deal.decisionChain?.entries ?? []) {
                const role = entry.contact.ref === contact ? effectiveRole(entry) : undefined;
                if (role && decidingRoles.has(role)) found.push({ role, deal });
            }
        }
        return found;
    }
}

/** The entry's contact and deal when the deal is active and the contact resolves. */
function activeEntry(entry: DecisionChainEntry) {
    const opportunity = entry.$container.$container;
    const contact = entry.contact.ref;
    if (!isActiveOpportunity(opportunity) || !contact) return undefined;
    return { opportunity, contact };
}

/** What a finding about an entry is about: the deal, and the contact it names (made for a finding only). */
function aboutOf(deal: { opportunity: Opportunity; contact: Contact }) {
    return { subject: subjectOf(deal.opportunity), contact: subjectOf(deal.contact) };
}
