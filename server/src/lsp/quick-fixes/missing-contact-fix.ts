/**
 * unresolved-reference to a contact (in a decision chain, `reports-to`, `influences` or `with`):
 * declare the person in the customer, after its last contact, named by the id until the author
 * writes the real name.
 */
import { isCustomer } from '../../language/generated/ast.js';
import { insertAfter, insertAtBlockEnd } from '../../language/editing/text-placement.js';
import { fixTitles } from '../editor-messages.js';
import { insertionFix, nodeAtFinding, type QuickFixBuilder } from './fix-context.js';

/** The properties whose references name a contact of the same customer (grammar: `[Contact:Name]`). */
const CONTACT_PROPERTIES: ReadonlySet<string> = new Set(['contact', 'reportsTo', 'influences', 'with']);

export const createMissingContact: QuickFixBuilder = context => {
    const { property, refText: id } = (context.diagnostic.data ?? {}) as { property?: string; refText?: string };
    if (!property || !CONTACT_PROPERTIES.has(property) || !id) return [];
    const customer = nodeAtFinding(context, isCustomer);
    if (!customer?.$cstNode || customer.contacts.some(contact => contact.name === id)) return [];
    const declaration = `contact ${id} "${id}" { }`;
    const last = customer.contacts[customer.contacts.length - 1]?.$cstNode;
    const insertion = last ? insertAfter(context.document, last, declaration) : insertAtBlockEnd(context.document, customer.$cstNode, declaration);
    return insertionFix(context, fixTitles.createContact(context.texts, id, customer.name), insertion, true);
};
