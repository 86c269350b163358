/**
 * The plan as plain data: the `acct-plan` JSON document, version 1 (contract section 4; the
 * JSON Schema is schema/acct-plan.schema.json). Every view (CLI, export, webview) reads these
 * types, never the AST. The value types come from the method core, and the grammar is checked
 * against them (server/src/language/vocabulary-check.ts).
 */
import type { ActivityKind, ActivityStatus, Organization, Role, Severity, Stage, Support, Tier } from '../method/index.js';

export type { ActivityKind, ActivityStatus, Organization, Role, Severity, Stage, Support, Tier };

export interface MoneyJson {
    value: number;
    currency: string | null;
}

export interface MemberJson { id: string; name: string }
export interface CompetitorJson { id: string; name: string }

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
}

export interface DecisionChainEntryJson {
    contact: string;
    role: Role | null;
    support: Support;
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
}

export interface AcctPlanDocument {
    format: 'acct-plan';
    version: 1;
    files: string[];
    members: MemberJson[];
    competitors: CompetitorJson[];
    customers: CustomerJson[];
    diagnostics: DiagnosticJson[];
}
