/**
 * Support that is not known, said so: an absent support declared as `support ?` on the contact
 * (unknown-support: the method marks an uncontacted person `?`, never a guess), and support counted
 * without evidence marked `?` until contact is recorded (unfounded-support, the message's advice).
 */
import { GrammarUtils } from 'langium';
import { isDecisionChainEntry } from '../../language/generated/ast.js';
import { whoIs } from '../../language/ast/ast-rules.js';
import { insertAfter, insertAtBlockEnd } from '../../language/editing/text-placement.js';
import { fixTitles } from '../editor-messages.js';
import { insertionFix, nodeAtFinding, replacementFix, type QuickFixBuilder } from './fix-context.js';

export const declareUnknownSupport: QuickFixBuilder = context => {
    const entry = nodeAtFinding(context, isDecisionChainEntry);
    const contact = entry?.contact.ref;
    if (!entry || entry.support || !contact?.$cstNode || contact.support) return [];
    const role = GrammarUtils.findNodeForProperty(contact.$cstNode, 'role');
    const insertion = role ? insertAfter(context.document, role, 'support ?') : insertAtBlockEnd(context.document, contact.$cstNode, 'support ?');
    return insertionFix(context, fixTitles.declareUnknownSupport(context.texts, whoIs(contact, context.texts)), insertion);
};

export const markSupportUnknown: QuickFixBuilder = context => {
    const entry = nodeAtFinding(context, isDecisionChainEntry);
    const contact = entry?.contact.ref;
    if (!entry || !contact) return [];
    // The support the entry counts: its own when it writes one, else the contact's.
    const value = GrammarUtils.findNodeForProperty(entry.support ? entry.$cstNode : contact.$cstNode, 'support');
    return value ? replacementFix(context, fixTitles.markSupportUnknown(context.texts, whoIs(contact, context.texts)), value.range, '?') : [];
};
