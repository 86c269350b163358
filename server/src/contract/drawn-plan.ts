/**
 * The plan as the views draw it: a `ViewedPlan` without the fields no view reads. `acct report`
 * embeds this in its file for the page that draws every picture (client/webview/src/report): the
 * browser reads, parses and keeps a fifth less (the benchmark's report: 5.45 → 4.37 MB of JSON),
 * and the file holds less of the plan. The fields are left out by name, the rest kept as they are,
 * so a field added to the plan later is drawn from unless it is named here;
 * test/unit/drawn-plan.test.ts holds every view's model of the examples drawn from this plan to the
 * models drawn from the whole.
 */
import type { ActivityJson, ContactJson, CustomerJson, DiagnosticJson, OpportunityJson } from './plan-types.js';
import type { FindingSubject } from './findings.js';
import type { ViewedPlan } from './plan-parts.js';

/** A contact without its owner on our side. */
export type DrawnContact = Omit<ContactJson, 'owner'>;
/** A deal without what qualifies it (budget, start, intent, solution) and its iron triangle. */
export type DrawnOpportunity = Omit<OpportunityJson, 'budget' | 'start' | 'qualified' | 'team' | 'intent' | 'solution'>;
/** An activity without its owner, objective and outcome (the three moves read its kind, date, status and people). */
export type DrawnActivity = Omit<ActivityJson, 'owner' | 'objective' | 'outcome'>;
/** A finding without its place in the files (the views say what it is about, not where it is written). */
export type DrawnFinding = Omit<DiagnosticJson, 'file' | 'line' | 'column' | 'subject'>;

/** A customer without its owner, the date of its tier review, its organization level and class. */
export interface DrawnCustomer extends Omit<CustomerJson, 'owner' | 'reviewed' | 'organization' | 'class' | 'contacts' | 'opportunities' | 'activities'> {
    contacts: DrawnContact[];
    opportunities: DrawnOpportunity[];
    activities: DrawnActivity[];
}

export interface DrawnPlan {
    plan: { today: string; competitors: ViewedPlan['plan']['competitors']; customers: DrawnCustomer[]; diagnostics: DrawnFinding[] };
    /** What each finding is about (`findingsOf` takes a finding's subject from here, not from the finding). */
    subjects: readonly (FindingSubject | null)[];
    hasErrors: boolean;
}

/** `view` with only what the views read; every customer in full (a plan in parts holds some in outline only). */
export function drawnPlan(view: {
    plan: Omit<ViewedPlan['plan'], 'customers'> & { customers: readonly CustomerJson[] };
    subjects: readonly (FindingSubject | null)[];
    hasErrors: boolean;
}): DrawnPlan {
    const { plan } = view;
    return {
        plan: {
            today: plan.today,
            competitors: plan.competitors,
            customers: plan.customers.map(({ owner, reviewed, organization, class: _class, contacts, opportunities, activities, ...customer }) => ({
                ...customer,
                contacts: contacts.map(({ owner, ...contact }) => contact),
                opportunities: opportunities.map(({ budget, start, qualified, team, intent, solution, ...opportunity }) => opportunity),
                activities: activities.map(({ owner, objective, outcome, ...activity }) => activity),
            })),
            diagnostics: plan.diagnostics.map(({ file, line, column, subject, ...finding }) => finding),
        },
        subjects: view.subjects,
        hasErrors: view.hasErrors,
    };
}
