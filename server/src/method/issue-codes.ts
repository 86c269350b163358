/**
 * Every finding carries one of these codes (contract section 3): in the editor's problems, the
 * CLI's lines, the export and the views. Each code has its default severity and a one-line
 * summary in the method's words (the checks table of the README and docs/language.md).
 */

export type Severity = 'error' | 'warning' | 'info';
/** A severity a policy may give a check, or `off`. */
export type SeverityLevel = Severity | 'off';
export const SEVERITY_LEVELS: readonly SeverityLevel[] = ['error', 'warning', 'info', 'off'];

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
    export const CompetitorAhead = 'competitor-ahead';
    export const OpposedInfluence = 'opposed-influence';
    export const UnfoundedSupport = 'unfounded-support';
    export const UncoveredKeyPerson = 'uncovered-key-person';
    export const UnusedWaiver = 'unused-waiver';
    export const ExpiredWaiver = 'expired-waiver';
    export const InvalidCode = 'invalid-code';
    export const RipeLead = 'ripe-lead';
    export const NoValueProposition = 'no-value-proposition';
    export const ClassWithoutPartnership = 'class-without-partnership';
    export const UnverifiedOpportunity = 'unverified-opportunity';
    export const UnknownNeeds = 'unknown-needs';
    export const AimlessActivity = 'aimless-activity';
    /** Extension of the contract (1.2): an amount in 万 or 亿 without a currency. */
    export const MissingCurrency = 'missing-currency';
    /** Extension of the contract: a single-valued property written twice. */
    export const DuplicateProperty = 'duplicate-property';
    /** Extension of the contract: a check failed on this element (a fault of acct, not of the plan). */
    export const InternalError = 'internal-error';
}

export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];

export interface IssueInfo {
    /** The default severity; `off` checks report nothing unless the policy turns them on. */
    severity: SeverityLevel;
    /** One line: when the check fires, in the method's words. */
    summary: string;
}

export const issueCatalog: Readonly<Record<IssueCode, IssueInfo>> = {
    'syntax': { severity: 'error', summary: 'The text does not parse.' },
    'unresolved-reference': { severity: 'error', summary: 'A name refers to nothing in its scope.' },
    'duplicate-id': { severity: 'error', summary: 'Two declarations share an id in one scope (or a second policy).' },
    'out-of-range': { severity: 'error', summary: 'A number or a date is outside its range.' },
    'unqualified-opportunity': { severity: 'warning', summary: 'An active opportunity lacks a budget or a start: it is still a lead.' },
    'no-power-map': { severity: 'warning', summary: 'An active opportunity has no decision-chain (no power map).' },
    'no-decision-maker': { severity: 'warning', summary: "An active opportunity's decision chain has no decision-maker and no approver." },
    'unknown-support': { severity: 'warning', summary: 'An approver or decision-maker in an active decision chain has unknown support (?).' },
    'opposed-key-person': { severity: 'warning', summary: 'An approver, decision-maker or evaluator in an active chain opposes us: use the three axes.' },
    'incomplete-iron-triangle': { severity: 'warning', summary: "An active opportunity's team lacks AR, SR or FR." },
    'tier-mismatch': { severity: 'warning', summary: 'The declared tier differs from the one standing × cooperation suggest.' },
    'stale-tier-review': { severity: 'warning', summary: 'A tiered customer has no review date, or it is older than tier-review-days.' },
    'missing-layer': { severity: 'warning', summary: 'An excellent or strategic customer lacks the organizational layer or general coverage.' },
    'single-threaded': { severity: 'warning', summary: 'A customer with an active opportunity has at most one supporter.' },
    'stale-contact': { severity: 'warning', summary: 'Someone in an active decision chain was last contacted more than stale-contact-days ago.' },
    'rational-turn-risk': { severity: 'warning', summary: 'Support 2-3 with intimacy -1 or lower: they like the product, not us.' },
    'friendly-but-unsupportive': { severity: 'info', summary: 'Intimacy 2+ with support 0 or -1: re-examine what they need.' },
    'reports-to-cycle': { severity: 'error', summary: 'Following reports-to comes back to the same contact.' },
    'overdue-activity': { severity: 'warning', summary: "A planned activity's date has passed." },
    'competitor-ahead': { severity: 'warning', summary: 'In an active deal, a key person supports a competitor of that deal more than us.' },
    'opposed-influence': { severity: 'warning', summary: 'Someone who opposes us influences an approver or decision-maker of an active deal.' },
    'unfounded-support': { severity: 'info', summary: 'Support counted in an active deal with no recorded contact: what is the basis?' },
    'uncovered-key-person': { severity: 'off', summary: 'An approver, decision-maker or evaluator of an active deal has no owner on our side.' },
    'unused-waiver': { severity: 'warning', summary: 'A waiver in force waives no finding.' },
    'expired-waiver': { severity: 'warning', summary: 'A waiver is past its until date: it waives nothing any more.' },
    'invalid-code': { severity: 'error', summary: 'waive or severity names a code that does not exist or cannot be changed.' },
    'ripe-lead': { severity: 'info', summary: 'A lead has both a budget and a start: it meets the opportunity criteria; move it to stage opportunity.' },
    'no-value-proposition': { severity: 'info', summary: 'A bid has no value proposition: 80 % of the result is decided before the tender.' },
    'class-without-partnership': {
        severity: 'warning',
        summary: 'An S or A customer has no organizational relationship beyond communicate: build a strategic partnership.',
    },
    'unverified-opportunity': { severity: 'off', summary: 'An active opportunity lacks the intent or the solution: a lead that skipped the lead criteria.' },
    'unknown-needs': { severity: 'off', summary: 'An approver or decision-maker of an active deal has no KPI and no pain on record.' },
    'aimless-activity': { severity: 'off', summary: 'A planned activity has no objective: what must this meeting achieve?' },
    'missing-currency': { severity: 'info', summary: 'An amount in 万 or 亿 has no currency.' },
    'duplicate-property': { severity: 'warning', summary: 'A property is written twice in one block; only the last counts.' },
    'internal-error': { severity: 'error', summary: 'A check failed on this element: a fault of acct, not of the plan. Please report it.' },
};

/** Codes that no policy may change and no waiver may waive: the plan is wrong, not a judgement call. */
export const FIXED_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
    'syntax',
    'unresolved-reference',
    'duplicate-id',
    'out-of-range',
    'reports-to-cycle',
    'invalid-code',
    'internal-error',
]);

/** Codes a waiver may name: not the fixed ones, and not the waivers' own findings. */
export function isWaivable(code: IssueCode): boolean {
    return !FIXED_CODES.has(code) && code !== 'unused-waiver' && code !== 'expired-waiver';
}

/** Codes a policy `severity` may change. */
export function isAdjustable(code: IssueCode): boolean {
    return !FIXED_CODES.has(code);
}

export const ISSUE_CODES: readonly IssueCode[] = Object.keys(issueCatalog) as IssueCode[];

export function isIssueCode(value: unknown): value is IssueCode {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(issueCatalog, value);
}

/** Worst first: for sorting findings and comparing with `--fail-on-new`. */
export const severityRank: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
