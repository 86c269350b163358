/**
 * no-power-map: a first power map for the deal, with the customer's key people (the contacts
 * that have a role). Each entry names the contact only, so it takes the contact's role and
 * support (the inlay hints show them) until the team writes what differs for this deal.
 */
import { isOpportunity } from '../../language/generated/ast.js';
import { insertAtBlockEnd } from '../../language/editing/text-placement.js';
import { fixTitles } from '../editor-messages.js';
import { insertionFix, nodeAtFinding, type QuickFixBuilder } from './fix-context.js';

export const scaffoldDecisionChain: QuickFixBuilder = context => {
    const opportunity = nodeAtFinding(context, isOpportunity);
    if (!opportunity?.$cstNode || opportunity.decisionChain) return [];
    const customer = opportunity.$container;
    const keyPeople = [...new Set(customer.contacts.filter(contact => contact.role && contact.name).map(contact => contact.name))];
    if (keyPeople.length === 0) return [];
    const insertion = insertAtBlockEnd(context.document, opportunity.$cstNode, { head: 'decision-chain', lines: keyPeople });
    return insertionFix(context, fixTitles.scaffoldDecisionChain(context.texts, keyPeople.length, customer.name), insertion, true);
};
