/** The element under the cursor: the one place the views' focus is decided from a position. */
import { AstUtils, CstUtils, type LangiumDocument } from 'langium';
import { isCustomer, isOpportunity } from '../language/generated/ast.js';
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
