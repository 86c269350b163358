/**
 * The quick fixes computed on request, by the finding's code (`data.code`). Fixes that need
 * nothing but the finding's own node travel in the finding instead (`FindingData.fix`).
 */
import type { CodeAction } from 'vscode-languageserver';
import { isIssueCode, IssueCodes, type IssueCode } from '../../method/index.js';
import type { FixContext, QuickFixBuilder } from './fix-context.js';
import { scaffoldDecisionChain } from './power-map-fix.js';
import { completeIronTriangle } from './iron-triangle-fix.js';
import { createMissingContact } from './missing-contact-fix.js';
import { recordTierReview } from './tier-review-fix.js';
import { declareUnknownSupport, markSupportUnknown } from './support-fixes.js';
import { addObjective, addValueProposition } from './lead-fixes.js';

export type { FixContext } from './fix-context.js';

const builders: Partial<Record<IssueCode, QuickFixBuilder>> = {
    [IssueCodes.NoPowerMap]: scaffoldDecisionChain,
    [IssueCodes.IncompleteIronTriangle]: completeIronTriangle,
    [IssueCodes.UnresolvedReference]: createMissingContact,
    [IssueCodes.StaleTierReview]: recordTierReview,
    [IssueCodes.UnknownSupport]: declareUnknownSupport,
    [IssueCodes.UnfoundedSupport]: markSupportUnknown,
    [IssueCodes.NoValueProposition]: addValueProposition,
    [IssueCodes.AimlessActivity]: addObjective,
};

export function quickFixes(context: FixContext): CodeAction[] {
    const code = (context.diagnostic.data as { code?: unknown } | undefined)?.code;
    return isIssueCode(code) ? (builders[code]?.(context) ?? []) : [];
}
