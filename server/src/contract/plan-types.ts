/**
 * The plan as plain data: the `acct-plan` JSON document, version 1 (contract section 4; the
 * JSON Schema is schema/acct-plan.schema.json). Every view (CLI, export, webview) reads these
 * types, never the AST. The value types come from the method core, and the grammar is checked
 * against them (server/src/language/validation/vocabulary-check.ts).
 */
import type { SubjectKey } from './subject-key.js';
import type {
    ActivityKind,
    ActivityStatus,
    CustomerClass,
    Group,
    Horizon,
    Maturity,
    Organization,
    Role,
    Severity,
    Stage,
    Support,
    Tier,
} from '../method/index.js';

export type { ActivityKind, ActivityStatus, CustomerClass, Group, Horizon, Maturity, Organization, Role, Severity, Stage, Support, Tier };

export interface MoneyJson {
    value: number;
    currency: string | null;
}

export interface MemberJson {
    id: string;
    name: string;
}
export interface CompetitorJson {
    id: string;
    name: string;
}

export interface ContactJson {
    id: string;
    name: string;
    title: string | null;
    department: string | null;
    role: Role | null;
    support: Support;
    intimacy: number | null;
    reportsTo: string | null;
    lastContact: string | null;
    owner: string | null;
    /** This person's support for competitors, in declaration order (1.1). */
    competitorSupport: CompetitorSupportJson[];
    /** Contacts this person influences beyond `reports-to` (1.1). */
    influences: string[];
    /** What this person is measured on, in declaration order (1.2). */
    kpis: string[];
    /** What hurts this person, in declaration order (1.2). */
    pains: string[];
}

export interface CompetitorSupportJson {
    competitor: string;
    support: Support;
}

export interface DecisionChainEntryJson {
    contact: string;
    role: Role | null;
    support: Support;
    /** The fishbone's bone (1.1). */
    group: Group | null;
}

/** The strategic sandbox's scores of an opportunity, each 1..5; `score` = space + growth + profit + (6 − competition). */
export interface SandboxJson {
    space: number | null;
    growth: number | null;
    profit: number | null;
    competition: number | null;
    score: number | null;
}

export interface IronTriangleJson {
    ar: string | null;
    sr: string | null;
    fr: string | null;
}

export interface OpportunityJson {
    id: string;
    name: string;
    stage: Stage | null;
    amount: MoneyJson | null;
    budget: MoneyJson | null;
    start: string | null;
    qualified: boolean;
    team: IronTriangleJson | null;
    /** Empty when the opportunity has no `decision-chain` (no power map). */
    decisionChain: DecisionChainEntryJson[];
    competitors: string[];
    horizon: Horizon | null;
    sandbox: SandboxJson;
    /** The customer's intent to buy and what shows it (1.2). */
    intent: string | null;
    /** Our matching solution (1.2). */
    solution: string | null;
    /** Null when the opportunity has no `value-proposition` block (1.2). */
    valueProposition: ValuePropositionJson | null;
    /** qualified (budget and start), else credible (intent and solution), else preliminary (1.2). */
    maturity: Maturity;
}

/** The four parts of a value proposition, each null when not written (1.2). */
export interface ValuePropositionJson {
    strengths: string | null;
    uniqueValue: string | null;
    fit: string | null;
    difference: string | null;
}

export interface ActivityJson {
    id: string;
    name: string;
    kind: ActivityKind | null;
    date: string | null;
    with: string[];
    owner: string | null;
    status: ActivityStatus | null;
    outcome: string | null;
    /** What this meeting must achieve (1.2). */
    objective: string | null;
}

export interface CustomerJson {
    id: string;
    name: string;
    industry: string | null;
    standing: number | null;
    cooperation: number | null;
    tier: Tier | null;
    suggestedTier: Tier | null;
    reviewed: string | null;
    owner: string | null;
    organization: Organization | null;
    /** Seed 004's S/A/B/C (1.2). */
    class: CustomerClass | null;
    contacts: ContactJson[];
    opportunities: OpportunityJson[];
    activities: ActivityJson[];
}

/** A finding as the export and the CLI print it. Lines and columns are 1-based. */
export interface DiagnosticJson {
    file: string;
    line: number;
    column: number;
    severity: Severity;
    code: string;
    message: string;
    /**
     * The key of the innermost declaration the finding's range starts in (`contact:cmgd/wang`),
     * or null (the `policy` block, text outside any declaration) (1.2).
     */
    subject: SubjectKey | null;
}

/** A finding a waiver took out (1.1): not in `diagnostics`, listed here with the waiver's reason. */
export interface WaivedJson extends DiagnosticJson {
    reason: string;
    until: string | null;
}

export interface AcctPlanDocument {
    format: 'acct-plan';
    version: 1;
    /** The date the checks used (1.1). */
    today: string;
    files: string[];
    members: MemberJson[];
    competitors: CompetitorJson[];
    customers: CustomerJson[];
    diagnostics: DiagnosticJson[];
    waived: WaivedJson[];
}
