/**
 * incomplete-iron-triangle: one fix per missing role (AR, SR, FR) and candidate member, inside the
 * deal's `team { }` or in a new one. Candidates: the customer's owner first, then the members who
 * already work on this customer (owners of its contacts and activities, teams of its other deals),
 * then the other members; nobody who already holds a role in this team.
 */
import type { Reference } from 'langium';
import { isOpportunity, type Customer, type Member } from '../../language/generated/ast.js';
import { whoIs } from '../../language/ast/ast-rules.js';
import { insertAtBlockEnd } from '../../language/editing/text-placement.js';
import { fixTitles } from '../editor-messages.js';
import { insertionFix, nodeAtFinding, type QuickFixBuilder } from './fix-context.js';

const ROLES = ['ar', 'sr', 'fr'] as const;
/** Enough choices for a deal team; any other member is one completion away (`sr ` completes members). */
const CANDIDATES_PER_ROLE = 10;

export const completeIronTriangle: QuickFixBuilder = context => {
    const opportunity = nodeAtFinding(context, isOpportunity);
    const block = opportunity?.team?.$cstNode ?? opportunity?.$cstNode;
    if (!opportunity || !block) return [];
    const team = opportunity.team;
    const missing = ROLES.filter(role => !team?.[role]);
    const inTeam = new Set(ROLES.map(role => team?.[role]?.$refText));
    const customer = opportunity.$container;
    const owner = customer.owner?.ref;
    const candidates = candidatesFor(customer, context.members())
        .filter(member => !inTeam.has(member.name))
        .slice(0, CANDIDATES_PER_ROLE);
    return missing.flatMap(role =>
        candidates.flatMap(member => {
            const line = `${role} ${member.name}`;
            const insertion = insertAtBlockEnd(context.document, block, team ? line : `team { ${line} }`);
            const isOwner = member === owner;
            return insertionFix(context, fixTitles.addToTeam(context.texts, role, whoIs(member, context.texts), isOwner), insertion, isOwner && role === 'ar');
        }),
    );
};

/** The owner, then the members at work on this customer in text order, then every other member. */
function candidatesFor(customer: Customer, members: readonly Member[]): Member[] {
    const involved: Array<Reference<Member> | undefined> = [customer.owner];
    for (const contact of customer.contacts) involved.push(contact.owner);
    for (const deal of customer.opportunities) involved.push(deal.team?.ar, deal.team?.sr, deal.team?.fr);
    for (const activity of customer.activities) involved.push(activity.owner);
    const ordered = new Set<Member>();
    for (const reference of involved) if (reference?.ref) ordered.add(reference.ref);
    for (const member of members) ordered.add(member);
    return [...ordered].filter(member => member.name);
}
