/**
 * AST → the `acct-plan` document (contract section 4). Pure: it reads parsed, linked workspaces
 * and their diagnostics and returns plain data, so that the CLI export, the editor's export
 * command and the views all see the same computed plan.
 */
import type { Activity, Contact, Customer, Money, Opportunity, Workspace } from '../language/generated/ast.js';
import { isCompetitor, isCustomer, isMember } from '../language/generated/ast.js';
import { effectiveRole, effectiveSupport, isQualified, maturity, moneyValue, supportOf } from '../language/ast/ast-rules.js';
import { sandboxScore, suggestedTierFor, type Support } from '../method/index.js';
import { compareText } from '../contract/findings.js';
import type {
    AcctPlanDocument,
    ActivityJson,
    ContactJson,
    CustomerJson,
    DiagnosticJson,
    MoneyJson,
    OpportunityJson,
    SandboxJson,
    WaivedJson,
} from '../contract/plan-types.js';

/** One parsed file of the workspace. */
export interface PlanFile {
    /** Path relative to the base folder, with `/`. */
    path: string;
    root: Workspace;
}

/** What the checks found: the diagnostics, and the findings waivers took out. */
export interface PlanFindings {
    today: string;
    diagnostics: DiagnosticJson[];
    waived: WaivedJson[];
}

export function computePlan(files: PlanFile[], findings: PlanFindings): AcctPlanDocument {
    const sorted = [...files].sort((a, b) => compareText(a.path, b.path));
    const declarations = sorted.flatMap(file => file.root.declarations ?? []);
    return {
        format: 'acct-plan',
        version: 1,
        today: findings.today,
        files: sorted.map(file => file.path),
        members: declarations.filter(isMember).map(m => ({ id: m.name, name: m.displayName })),
        competitors: declarations.filter(isCompetitor).map(c => ({ id: c.name, name: c.displayName })),
        customers: declarations.filter(isCustomer).map(customerJson),
        diagnostics: findings.diagnostics,
        waived: findings.waived,
    };
}

/** The document as written by `acct export`: two-space indentation and a final newline. */
export function serializePlan(plan: AcctPlanDocument): string {
    return JSON.stringify(plan, null, 2) + '\n';
}

function customerJson(customer: Customer): CustomerJson {
    return {
        id: customer.name,
        name: customer.displayName,
        industry: customer.industry ?? null,
        standing: customer.standing ?? null,
        cooperation: customer.cooperation ?? null,
        tier: customer.tier ?? null,
        suggestedTier: suggestedTierFor(customer.standing, customer.cooperation) ?? null,
        reviewed: customer.reviewed ?? null,
        owner: customer.owner?.$refText ?? null,
        organization: customer.organization ?? null,
        class: customer.class ?? null,
        contacts: customer.contacts.map(contactJson),
        opportunities: customer.opportunities.map(opportunityJson),
        activities: customer.activities.map(activityJson),
    };
}

/** Support as the document carries it; an out-of-range value (already an error) as written. */
const supportJson = (value: number | null) => value as Support;

function contactJson(contact: Contact): ContactJson {
    return {
        id: contact.name,
        name: contact.displayName,
        title: contact.title ?? null,
        department: contact.department ?? null,
        role: contact.role ?? null,
        support: supportJson(supportOf(contact.support)),
        intimacy: contact.intimacy ?? null,
        reportsTo: contact.reportsTo?.$refText ?? null,
        lastContact: contact.lastContact ?? null,
        owner: contact.owner?.$refText ?? null,
        competitorSupport: contact.competitorSupport
            .filter(line => line.competitor)
            .map(line => ({
                competitor: line.competitor.$refText,
                support: supportJson(supportOf(line.support)),
            })),
        influences: contact.influences.map(c => c.$refText),
        kpis: [...contact.kpis],
        pains: [...contact.pains],
    };
}

function opportunityJson(opportunity: Opportunity): OpportunityJson {
    const team = opportunity.team;
    const proposition = opportunity.valueProposition;
    return {
        id: opportunity.name,
        name: opportunity.displayName,
        stage: opportunity.stage ?? null,
        amount: moneyJson(opportunity.amount),
        budget: moneyJson(opportunity.budget),
        start: opportunity.start ?? null,
        qualified: isQualified(opportunity),
        team: team ? { ar: team.ar?.$refText ?? null, sr: team.sr?.$refText ?? null, fr: team.fr?.$refText ?? null } : null,
        decisionChain: (opportunity.decisionChain?.entries ?? []).map(entry => ({
            contact: entry.contact.$refText,
            role: effectiveRole(entry) ?? null,
            support: supportJson(effectiveSupport(entry)),
            group: entry.group ?? null,
        })),
        competitors: opportunity.competitors.map(c => c.$refText),
        horizon: opportunity.horizon ?? null,
        sandbox: sandboxJson(opportunity),
        intent: opportunity.intent ?? null,
        solution: opportunity.solution ?? null,
        valueProposition: proposition
            ? {
                  strengths: proposition.strengths ?? null,
                  uniqueValue: proposition.uniqueValue ?? null,
                  fit: proposition.fit ?? null,
                  difference: proposition.difference ?? null,
              }
            : null,
        maturity: maturity(opportunity),
    };
}

function activityJson(activity: Activity): ActivityJson {
    return {
        id: activity.name,
        name: activity.displayName,
        kind: activity.kind ?? null,
        date: activity.date ?? null,
        with: activity.with.map(c => c.$refText),
        owner: activity.owner?.$refText ?? null,
        status: activity.status ?? null,
        outcome: activity.outcome ?? null,
        objective: activity.objective ?? null,
    };
}

/** An opportunity's four sandbox scores and their total (also what `acct sandbox` ranks by, plan/sandbox-plan.ts). */
export function sandboxJson(opportunity: Opportunity): SandboxJson {
    return {
        space: opportunity.space ?? null,
        growth: opportunity.growth ?? null,
        profit: opportunity.profit ?? null,
        competition: opportunity.competition ?? null,
        score: sandboxScore(opportunity.space, opportunity.growth, opportunity.profit, opportunity.competition),
    };
}

export function moneyJson(money: Money | undefined): MoneyJson | null {
    return money ? { value: moneyValue(money), currency: money.currency ?? null } : null;
}
