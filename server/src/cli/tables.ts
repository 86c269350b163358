/**
 * `acct export --format csv --table NAME`: the plan as flat tables for pivot tables and BI tools,
 * one row per element, the customer id first, the export's fields flattened (`amount.value`,
 * `team.ar`, `sandbox.score`); a list is one cell, its items joined with `; `.
 */
import type { AcctPlanDocument, CustomerJson, MoneyJson, Support } from '../contract/plan-types.js';
import type { FindingSubject } from '../contract/findings.js';
import { parseSubjectKey } from '../contract/subject-key.js';
import type { Cell } from './formats/csv.js';

export const TABLES = ['contacts', 'opportunities', 'decision-chain', 'activities', 'findings'] as const;
export type TableName = (typeof TABLES)[number];

export interface Table {
    header: string[];
    rows: Cell[][];
}

/** What each diagnostic and waived finding of the plan is about, at the same indexes. */
export interface TableSubjects {
    diagnostics: readonly (FindingSubject | null)[];
    waived: readonly (FindingSubject | null)[];
}

/** How a table shows what `--redact` withholds: never `?`, which says "unknown" in the method. */
export const WITHHELD = 'withheld';

/** Options of a table: a redacted plan's nulls for intimacy and competitor support are withheld values, not absent ones. */
export interface TableOptions {
    redacted?: boolean;
}

const list = (items: readonly string[]): string => items.join('; ');
const support = (value: Support): string | null => (value === null ? null : String(value));
const money = (value: MoneyJson | null): Cell[] => [value?.value ?? null, value?.currency ?? null];

type PerCustomer = (customer: CustomerJson, options: TableOptions) => Cell[][];

const perCustomer: Record<Exclude<TableName, 'findings'>, { header: string[]; rows: PerCustomer }> = {
    'contacts': {
        header: [
            'customer',
            'id',
            'name',
            'title',
            'department',
            'role',
            'support',
            'intimacy',
            'reportsTo',
            'lastContact',
            'owner',
            'competitorSupport',
            'influences',
            'kpis',
            'pains',
        ],
        rows: (customer, { redacted }) =>
            customer.contacts.map(c => [
                customer.id,
                c.id,
                c.name,
                c.title,
                c.department,
                c.role,
                support(c.support),
                redacted ? WITHHELD : c.intimacy,
                c.reportsTo,
                c.lastContact,
                c.owner,
                list(c.competitorSupport.map(s => `${s.competitor} ${redacted ? WITHHELD : (s.support ?? '?')}`)),
                list(c.influences),
                list(c.kpis),
                list(c.pains),
            ]),
    },
    'opportunities': {
        header: [
            'customer',
            'id',
            'name',
            'stage',
            'amount.value',
            'amount.currency',
            'budget.value',
            'budget.currency',
            'start',
            'qualified',
            'team.ar',
            'team.sr',
            'team.fr',
            'decisionChain',
            'competitors',
            'horizon',
            'sandbox.space',
            'sandbox.growth',
            'sandbox.profit',
            'sandbox.competition',
            'sandbox.score',
            'maturity',
            'intent',
            'solution',
            'valueProposition.strengths',
            'valueProposition.uniqueValue',
            'valueProposition.fit',
            'valueProposition.difference',
        ],
        rows: customer =>
            customer.opportunities.map(o => [
                customer.id,
                o.id,
                o.name,
                o.stage,
                ...money(o.amount),
                ...money(o.budget),
                o.start,
                o.qualified,
                o.team?.ar ?? null,
                o.team?.sr ?? null,
                o.team?.fr ?? null,
                list(o.decisionChain.map(e => e.contact)),
                list(o.competitors),
                o.horizon,
                o.sandbox.space,
                o.sandbox.growth,
                o.sandbox.profit,
                o.sandbox.competition,
                o.sandbox.score,
                o.maturity,
                o.intent,
                o.solution,
                o.valueProposition?.strengths ?? null,
                o.valueProposition?.uniqueValue ?? null,
                o.valueProposition?.fit ?? null,
                o.valueProposition?.difference ?? null,
            ]),
    },
    'decision-chain': {
        header: ['customer', 'opportunity', 'contact', 'role', 'support', 'group'],
        rows: customer => customer.opportunities.flatMap(o => o.decisionChain.map(e => [customer.id, o.id, e.contact, e.role, support(e.support), e.group])),
    },
    'activities': {
        header: ['customer', 'id', 'name', 'kind', 'date', 'with', 'owner', 'status', 'outcome', 'objective'],
        rows: customer => customer.activities.map(a => [customer.id, a.id, a.name, a.kind, a.date, list(a.with), a.owner, a.status, a.outcome, a.objective]),
    },
};

const findingsHeader = ['customer', 'element', 'id', 'file', 'line', 'column', 'severity', 'code', 'message', 'waived', 'reason', 'until'];

export function table(name: TableName, plan: AcctPlanDocument, subjects: TableSubjects, options: TableOptions = {}): Table {
    if (name === 'findings') return findingsTable(plan, subjects);
    const { header, rows } = perCustomer[name];
    return { header, rows: plan.customers.flatMap(customer => rows(customer, options)) };
}

/** Every finding, the waived ones too (`waived` true, with the waiver's reason and date), each with the element it is about. */
function findingsTable(plan: AcctPlanDocument, subjects: TableSubjects): Table {
    const about = (subject: FindingSubject | null | undefined): Cell[] => {
        const parsed = subject ? parseSubjectKey(subject.subject) : undefined;
        return parsed ? [parsed.customer, parsed.kind, parsed.id] : [null, null, null];
    };
    const rows: Cell[][] = [
        ...plan.diagnostics.map((d, i) => [...about(subjects.diagnostics[i]), d.file, d.line, d.column, d.severity, d.code, d.message, false, null, null]),
        ...plan.waived.map((w, i) => [...about(subjects.waived[i]), w.file, w.line, w.column, w.severity, w.code, w.message, true, w.reason, w.until]),
    ];
    return { header: findingsHeader, rows };
}
