/**
 * Checks of contract 1.1 on the key layer: a relationship is relative (competitor support), power
 * runs beyond the org chart (influence), support is a claim until contact is recorded, and every
 * key person is someone's job.
 */
import type { ValidationAcceptor } from 'langium';
import type { Contact, DecisionChainEntry, Opportunity, Role } from '../generated/ast.js';
import { decidingRoles, IssueCodes, keyRoles } from '../../method/index.js';
import {
    competitorSupportOf, effectiveRole, effectiveSupport, isActiveOpportunity, lastContactOf, supportOf, whoIs,
} from '../ast-rules.js';
import type { AcctSettings } from '../acct-settings.js';
import type { CustomerIndex } from '../customer-index.js';
import { subjectOf } from '../subject.js';
import { joinAnd, report } from './report.js';

export class RelationshipChecks {
    constructor(private readonly settings: AcctSettings, private readonly index: CustomerIndex) {}

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
            report(accept, {
                code: IssueCodes.CompetitorAhead, node: entry, where: { property: 'contact' }, ...deal.about,
                message: `${whoIs(deal.contact)} supports ${competitor.displayName} (${theirs}) more than us (${ours ?? '?'}) in '${deal.opportunity.name}': the relationship is relative; find out what ${competitor.displayName} offers them and answer it.`,
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
            const deals = new Map<Role, string[]>();
            for (const { role, deal } of roles) {
                const list = deals.get(role) ?? [];
                if (!list.includes(`'${deal.name}'`)) list.push(`'${deal.name}'`);
                deals.set(role, list);
            }
            const where = joinAnd([...deals].map(([role, names]) => `the ${role} of ${joinAnd(names)}`));
            report(accept, {
                code: IssueCodes.OpposedInfluence, node: contact, where: { property: 'influences', index },
                message: `${whoIs(contact)} opposes us and influences ${whoIs(influenced)}, ${where}: an opponent with the ear of the decision can sink the deal. Win ${contact.displayName} over, or strengthen ${influenced.displayName}'s support through the people they trust.`,
            });
        });
    };

    /** "My relationship with the customer is good" — what is the basis? */
    readonly supportFounded = (entry: DecisionChainEntry, accept: ValidationAcceptor): void => {
        const deal = activeEntry(entry);
        const support = effectiveSupport(entry);
        if (!deal || support === null || support < 1 || support > 3) return;
        if (lastContactOf(deal.contact, this.index.activitiesWith(deal.contact), this.settings.today())) return;
        report(accept, {
            code: IssueCodes.UnfoundedSupport, node: entry, where: { property: 'contact' }, ...deal.about,
            message: `${whoIs(deal.contact)} is counted as support ${support} in the power map of '${deal.opportunity.name}', but no contact is recorded: no last-contact and no done activity with them. You say the relationship is good: what is the basis? Record the last contact, or mark the support ? until you know.`,
        });
    };

    readonly keyPersonCovered = (entry: DecisionChainEntry, accept: ValidationAcceptor): void => {
        const deal = activeEntry(entry);
        const role = effectiveRole(entry);
        if (!deal || !role || !keyRoles.has(role) || deal.contact.owner) return;
        report(accept, {
            code: IssueCodes.UncoveredKeyPerson, node: entry, where: { property: 'contact' }, ...deal.about,
            message: `${whoIs(deal.contact)}, the ${role} of '${deal.opportunity.name}', has no owner on our side: a key person nobody owns is nobody's job. Name the member who owns the relationship (owner).`,
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
    return { opportunity, contact, about: { subject: subjectOf(opportunity), contact: subjectOf(contact) } };
}
