/**
 * Every diagnostic the checker emits carries one of these codes (contract section 3), both as
 * the LSP diagnostic `code` and in its `data`, so that quick fixes and views can find them.
 */
export namespace IssueCodes {
    export const Syntax = 'syntax';
    export const UnresolvedReference = 'unresolved-reference';
    export const DuplicateId = 'duplicate-id';
    export const OutOfRange = 'out-of-range';
    export const UnqualifiedOpportunity = 'unqualified-opportunity';
    export const NoPowerMap = 'no-power-map';
    export const NoDecisionMaker = 'no-decision-maker';
    export const UnknownSupport = 'unknown-support';
    export const OpposedKeyPerson = 'opposed-key-person';
    export const IncompleteIronTriangle = 'incomplete-iron-triangle';
    export const TierMismatch = 'tier-mismatch';
    export const StaleTierReview = 'stale-tier-review';
    export const MissingLayer = 'missing-layer';
    export const SingleThreaded = 'single-threaded';
    export const StaleContact = 'stale-contact';
    export const RationalTurnRisk = 'rational-turn-risk';
    export const FriendlyButUnsupportive = 'friendly-but-unsupportive';
    export const ReportsToCycle = 'reports-to-cycle';
    export const OverdueActivity = 'overdue-activity';
    /** Extension of the contract: a single-valued property written twice. */
    export const DuplicateProperty = 'duplicate-property';
}

export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];

/** What a finding is about, carried in the diagnostic's `data` for the views (see protocol.ts `Finding`). */
export interface FindingData {
    code: IssueCode;
    /** `customer:ID`, `contact:CUSTOMER/ID`, `opportunity:CUSTOMER/ID`, `activity:CUSTOMER/ID`, ... */
    subject?: string;
    /** For decision-chain findings: the contact they name. */
    contact?: string;
    /** A quick fix: replace the text at `range` (LSP, 0-based) with `newText`. */
    fix?: QuickFix;
}

export interface QuickFix {
    title: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
}
