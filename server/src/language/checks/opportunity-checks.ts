/**
 * Checks on a deal: qualification (lead vs opportunity), its power map and the iron triangle.
 * They apply to active opportunities (stage `opportunity` or `bid`) only.
 */
import type { ValidationAcceptor } from 'langium';
import type { Activity, ActivityKind, DecisionChainEntry, Opportunity } from '../generated/ast.js';
import { activityKindMeanings, decidingRoles, isMoveUnderWay, IssueCodes, keyRoles, THREE_AXES } from '../../method/index.js';
import { effectiveRole, effectiveSupport, isActiveOpportunity, whoIs } from '../ast-rules.js';
import type { AcctSettings } from '../acct-settings.js';
import type { CustomerIndex } from '../customer-index.js';
import { subjectOf } from '../subject.js';
import { joinAnd, replaceValue, report } from './report.js';

const ironTriangleRoles = {
    ar: 'an account responsible (ar)',
    sr: 'a solution responsible (sr)',
    fr: 'a fulfilment responsible (fr)',
} as const;

/** The three moves for a hostile key person, as the message proposes them. */
const axisMoves: Record<string, string> = {
    'executive-visit': 'an executive visit from our side',
    'exhibition': 'an invitation to an exhibition or event',
    'hq-visit': 'a visit to our headquarters and reference sites',
};

export class OpportunityChecks {
    constructor(private readonly settings: AcctSettings, private readonly index: CustomerIndex) {}

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

    /**
     * A hostile key person: the three axes (executive visit, exhibition, headquarters visit). Moves
     * already under way (done, or planned and not overdue) are named, and only the others proposed.
     */
    readonly noOpposedKeyPerson = (entry: DecisionChainEntry, accept: ValidationAcceptor): void => {
        const key = keyPerson(entry);
        if (!key || !keyRoles.has(key.role) || effectiveSupport(entry) !== -1) return;
        const today = this.settings.today();
        const underWay = this.index.activitiesWith(key.contact)
            .filter(a => a.kind && (THREE_AXES as readonly string[]).includes(a.kind) && isMoveUnderWay(a.status, a.date, today));
        const started = new Set(underWay.map(a => a.kind as ActivityKind));
        const remaining = THREE_AXES.filter(kind => !started.has(kind)).map(kind => axisMoves[kind]!);
        const advice = underWay.length === 0
            ? `Use the three axes: ${remaining.join(', ')}.`
            : `The three axes are under way: ${underWay.map(describeMove).join(', ')}. `
                + (remaining.length ? `Still to do: ${joinAnd(remaining)}.` : 'Follow them up until their support changes.');
        report(accept, {
            ...key.about, code: IssueCodes.OpposedKeyPerson, node: entry, where: { property: 'contact' },
            message: `${whoIs(key.contact)}, the ${key.role} of '${key.opportunity.name}', opposes us (support -1). ${advice}`,
        });
    };
}

function describeMove(activity: Activity): string {
    const what = activityKindMeanings[activity.kind!]?.label ?? activity.kind;
    const when = activity.status === 'done' ? 'done' : `planned${activity.date ? ` for ${activity.date}` : ''}`;
    return `${what} '${activity.name}' (${when})`;
}

/** The entry's contact, deal and role when the deal is active and the contact and role are known. */
function keyPerson(entry: DecisionChainEntry) {
    const opportunity = entry.$container.$container;
    const contact = entry.contact.ref;
    const role = effectiveRole(entry);
    if (!isActiveOpportunity(opportunity) || !contact || !role) return undefined;
    return { opportunity, contact, role, about: { subject: subjectOf(opportunity), contact: subjectOf(contact) } };
}
