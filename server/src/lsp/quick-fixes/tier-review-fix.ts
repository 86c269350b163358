/**
 * stale-tier-review for a tier with no review date: record today's review after the `tier`
 * (an old date already carries its fix in the finding: replace it by today).
 */
import { GrammarUtils } from 'langium';
import { isCustomer } from '../../language/generated/ast.js';
import { insertAfter } from '../../language/editing/text-placement.js';
import { fixTitles } from '../editor-messages.js';
import { insertionFix, nodeAtFinding, type QuickFixBuilder } from './fix-context.js';

export const recordTierReview: QuickFixBuilder = context => {
    const customer = nodeAtFinding(context, isCustomer);
    if (!customer?.tier || customer.reviewed !== undefined) return [];
    const tier = GrammarUtils.findNodeForProperty(customer.$cstNode, 'tier');
    if (!tier) return [];
    return insertionFix(
        context,
        fixTitles.markReviewedToday(context.texts, context.today),
        insertAfter(context.document, tier, `reviewed ${context.today}`),
        true,
    );
};
