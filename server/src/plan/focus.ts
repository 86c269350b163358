/** The element under the cursor: the one place the views' focus is decided from a position. */
import { AstUtils, CstUtils, type LangiumDocument } from 'langium';
import { isContact, isCustomer, isOpportunity } from '../language/generated/ast.js';
import { SubjectKeys, type SubjectKey } from '../contract/subject-key.js';
import { NO_FOCUS, type PlanFocus } from '../contract/plan-focus.js';

/** The customer, and the opportunity if any, that `offset` is in. */
export function focusAt(document: LangiumDocument, offset: number): PlanFocus {
    const root = document.parseResult.value.$cstNode;
    if (!root) return NO_FOCUS;
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
    const node = leaf?.astNode;
    if (!node) return NO_FOCUS;
    const customer = AstUtils.getContainerOfType(node, isCustomer);
    const opportunity = AstUtils.getContainerOfType(node, isOpportunity);
    return { customer: customer?.name ?? null, opportunity: opportunity?.name ?? null };
}

/** The element the Trends view follows at `offset`: the innermost contact, opportunity or customer, with its name; null outside any. */
export function trendSubjectAt(document: LangiumDocument, offset: number): { key: SubjectKey; name: string } | null {
    const root = document.parseResult.value.$cstNode;
    if (!root) return null;
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
    const node = leaf?.astNode;
    const customer = node && AstUtils.getContainerOfType(node, isCustomer);
    if (!node || !customer?.name) return null;
    const contact = AstUtils.getContainerOfType(node, isContact);
    if (contact?.name) return { key: SubjectKeys.contact(customer.name, contact.name), name: contact.displayName ?? contact.name };
    const opportunity = AstUtils.getContainerOfType(node, isOpportunity);
    if (opportunity?.name) return { key: SubjectKeys.opportunity(customer.name, opportunity.name), name: opportunity.displayName ?? opportunity.name };
    return { key: SubjectKeys.customer(customer.name), name: customer.displayName ?? customer.name };
}
