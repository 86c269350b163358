/**
 * Checks on a deal: qualification (lead vs opportunity), its power map and the iron triangle.
 * They apply to active opportunities (stage `opportunity` or `bid`) only.
 */
import type { ValidationAcceptor } from 'langium';
import type { DecisionChainEntry, Opportunity } from '../generated/ast.js';
import { decidingRoles, IssueCodes, keyRoles } from '../../method/index.js';
import { effectiveRole, effectiveSupport, isActiveOpportunity, whoIs } from '../ast-rules.js';
import { subjectOf } from '../subject.js';
import { joinAnd, replaceValue, report } from './report.js';

const ironTriangleRoles = {
    ar: 'an account responsible (ar)',
    sr: 'a solution responsible (sr)',
    fr: 'a fulfilment responsible (fr)',
} as const;

export class OpportunityChecks {
    readonly qualified = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        if (!isActiveOpportunity(opportunity)) return;
        const missing = [
            opportunity.budget === undefined ? 'no confirmed budget' : undefined,
            opportunity.start === undefined ? 'no start date' : undefined,
        ].filter((m): m is string => m !== undefined);
        if (missing.length === 0) return;
        report(accept, {
            code: IssueCodes.UnqualifiedOpportunity, node: opportunity, where: 'head',
            message: `Opportunity '${opportunity.name}' has ${missing.join(' and ')}: it is still a lead. Confirm the customer's budget and start date, or set its stage to lead.`,
            fix: replaceValue(opportunity, 'stage', 'lead', 'Set the stage to lead'),
        });
    };

    readonly hasPowerMap = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        if (!isActiveOpportunity(opportunity) || opportunity.decisionChain) return;
        report(accept, {
            code: IssueCodes.NoPowerMap, node: opportunity, where: 'head',
            message: `Opportunity '${opportunity.name}' has no power map: add a decision-chain with who approves, decides, evaluates and influences this deal.`,
        });
    };

    readonly hasDecisionMaker = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        const chain = opportunity.decisionChain;
        if (!isActiveOpportunity(opportunity) || !chain) return;
        if (chain.entries.some(entry => decidingRoles.has(effectiveRole(entry)!))) return;
        report(accept, {
            code: IssueCodes.NoDecisionMaker, node: chain, where: { keyword: 'decision-chain' },
            message: `The power map of '${opportunity.name}' has no decision-maker and no approver: find out who holds the final decision and who signs, and add them to the decision-chain.`,
        });
    };

    readonly fullIronTriangle = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        if (!isActiveOpportunity(opportunity)) return;
        const team = opportunity.team;
        const missing = (['ar', 'sr', 'fr'] as const).filter(role => !team?.[role]);
        if (missing.length === 0) return;
        report(accept, {
            code: IssueCodes.IncompleteIronTriangle, node: team ?? opportunity, where: team ? { keyword: 'team' } : 'head',
            subject: subjectOf(opportunity),
            message: `Opportunity '${opportunity.name}' has no ${joinAnd(missing.map(r => r.toUpperCase()))} in its iron triangle: the deal is understaffed. Name ${joinAnd(missing.map(r => ironTriangleRoles[r]))} in its team.`,
        });
    };

    /** An unknown decision-maker is a priority to reach. */
    readonly knownDecidingSupport = (entry: DecisionChainEntry, accept: ValidationAcceptor): void => {
        const key = keyPerson(entry);
        if (!key || !decidingRoles.has(key.role) || effectiveSupport(entry) !== null) return;
        report(accept, {
            ...key.about, code: IssueCodes.UnknownSupport, node: entry, where: { property: 'contact' },
            message: `${whoIs(key.contact)}, the ${key.role} of '${key.opportunity.name}', has unknown support (?): an unknown ${key.role} is a priority to reach. Plan a meeting and record their support.`,
        });
    };

    /** A hostile key person: the three axes (executive visit, exhibition, headquarters visit). */
    readonly noOpposedKeyPerson = (entry: DecisionChainEntry, accept: ValidationAcceptor): void => {
        const key = keyPerson(entry);
        if (!key || !keyRoles.has(key.role) || effectiveSupport(entry) !== -1) return;
        report(accept, {
            ...key.about, code: IssueCodes.OpposedKeyPerson, node: entry, where: { property: 'contact' },
            message: `${whoIs(key.contact)}, the ${key.role} of '${key.opportunity.name}', opposes us (support -1). Use the three axes: an executive visit from our side, an invitation to an exhibition or event, a visit to our headquarters and reference sites.`,
        });
    };
}

/** The entry's contact, deal and role when the deal is active and the contact and role are known. */
function keyPerson(entry: DecisionChainEntry) {
    const opportunity = entry.$container.$container;
    const contact = entry.contact.ref;
    const role = effectiveRole(entry);
    if (!isActiveOpportunity(opportunity) || !contact || !role) return undefined;
    return { opportunity, contact, role, about: { subject: subjectOf(opportunity), contact: subjectOf(contact) } };
}
