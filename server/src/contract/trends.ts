/**
 * The plan over time as the Trends view draws it (issue 20 item 2): for each contact, opportunity
 * and customer, the values the view follows at every commit of the history that changed them —
 * a contact's support for us and for each competitor, intimacy, role and last contact; an
 * opportunity's stage, amount, qualification and the support of each person of its decision
 * chain; a customer's findings by severity, tier and how many key people support us (≥ 1).
 *
 * Pure: fed the commits of `acct history` oldest first (each with its whole plan), it keeps per
 * subject only the points where its values or its text changed, so that a long history of a big
 * workspace costs what changed; `of(subject)` answers one subject's trend from what it holds.
 */
import type { Texts } from '../method/index.js';
import type { HistoryEntry } from './history-report.js';
import type { PlanChange } from './plan-diff.js';
import { changeText } from './diff-report.js';
import type { AcctPlanDocument, CustomerJson } from './plan-types.js';
import { parseSubjectKey, SubjectKeys, type SubjectKey } from './subject-key.js';

export type TrendKind = 'contact' | 'opportunity' | 'customer';
/** How a series' values read: the view draws each on its own scale. */
export type TrendScale = 'support' | 'intimacy' | 'role' | 'date' | 'stage' | 'amount' | 'qualified' | 'count' | 'tier';
export type TrendValue = number | string | boolean | null;

/** One line of the view. */
export interface TrendSeries {
    /** `support`, `competitor:ID`, `intimacy`, `role`, `lastContact`; `stage`, `amount`, `qualified`, `chain:CONTACT`; `error`, `warning`, `info`, `tier`, `keyPeople`. */
    key: string;
    scale: TrendScale;
    /** Whose line it is (a competitor's or a contact's name); null for the subject's own values. */
    label: string | null;
}

/** A commit of the history that changed the subject (or first held it). */
export interface TrendPoint {
    commit: string;
    /** `YYYY-MM-DD` (committer date, UTC). */
    date: string;
    author: string;
    message: string;
    /** What the commit changed of the subject and what lies in it, as `acct history` says it (at most `MAX_CHANGES`, then a count). */
    changes: string[];
    /** The subject's values after the commit, by series key (a series absent here had no value: null). */
    values: Record<string, TrendValue>;
}

export interface SubjectTrend {
    subject: SubjectKey;
    kind: TrendKind;
    name: string;
    /** The date of the last commit of the history: the step lines run to it. */
    until: string;
    series: TrendSeries[];
    /** Oldest first. */
    points: TrendPoint[];
}

/** Lines of changes a point's tooltip lists before "… and N more". */
export const MAX_CHANGES = 8;

interface Commit {
    commit: string;
    date: string;
    author: string;
    message: string;
    changes: readonly PlanChange[];
}

interface Held {
    kind: TrendKind;
    name: string;
    /** Series labels by key, as last seen. */
    labels: Map<string, string | null>;
    points: Array<{ at: number; values: Record<string, TrendValue> }>;
    /** The values last pushed, as JSON (a commit that changes nothing of them and says nothing of the subject adds no point). */
    last: string;
}

/** The history of every subject, built commit by commit. */
export class TrendHistory {
    private readonly commits: Commit[] = [];
    private readonly subjects = new Map<SubjectKey, Held>();

    /** The date of the last commit added, or null before any. */
    get until(): string | null {
        return this.commits.at(-1)?.date ?? null;
    }

    get size(): number {
        return this.commits.length;
    }

    /** One commit of the history (oldest first) with its plan. */
    add(
        step: Pick<HistoryEntry, 'commit' | 'date' | 'author' | 'message' | 'changes'>,
        plan: Pick<AcctPlanDocument, 'customers' | 'competitors' | 'diagnostics'>,
    ): void {
        const at = this.commits.length;
        this.commits.push({ commit: step.commit, date: step.date.slice(0, 10), author: step.author, message: step.message, changes: step.changes });
        const touched = new Set<SubjectKey>();
        for (const change of step.changes) {
            if (change.element === 'customer' || change.element === 'contact' || change.element === 'opportunity' || change.element === 'activity') {
                if (change.customer) touched.add(SubjectKeys.customer(change.customer));
                if (change.element === 'contact' || change.element === 'opportunity')
                    touched.add(SubjectKeys.of(change.element, change.id, change.customer ?? ''));
            }
        }
        const competitorName = new Map(plan.competitors.map(c => [c.id, c.name]));
        const findings = findingsByCustomer(plan.diagnostics);
        const seen = new Set<SubjectKey>();
        for (const customer of plan.customers) {
            const key = SubjectKeys.customer(customer.id);
            if (seen.has(key)) continue; // on duplicate ids the first declaration wins
            seen.add(key);
            const counts = findings.get(customer.id) ?? { error: 0, warning: 0, info: 0 };
            this.push(key, 'customer', customer.name, at, touched, [
                ['error', 'count', null, counts.error],
                ['warning', 'count', null, counts.warning],
                ['info', 'count', null, counts.info],
                ['tier', 'tier', null, customer.tier],
                ['keyPeople', 'count', null, keyPeopleWithSupport(customer)],
            ]);
            const names = new Map<string, string>();
            for (const contact of customer.contacts) {
                const contactKey = SubjectKeys.contact(customer.id, contact.id);
                if (seen.has(contactKey)) continue;
                seen.add(contactKey);
                names.set(contact.id, contact.name);
                this.push(contactKey, 'contact', contact.name, at, touched, [
                    ['support', 'support', null, contact.support],
                    ...contact.competitorSupport.map(({ competitor, support }): Row => [
                        `competitor:${competitor}`,
                        'support',
                        competitorName.get(competitor) ?? competitor,
                        support,
                    ]),
                    ['intimacy', 'intimacy', null, contact.intimacy],
                    ['role', 'role', null, contact.role],
                    ['lastContact', 'date', null, contact.lastContact],
                ]);
            }
            for (const opportunity of customer.opportunities) {
                const dealKey = SubjectKeys.opportunity(customer.id, opportunity.id);
                if (seen.has(dealKey)) continue;
                seen.add(dealKey);
                this.push(dealKey, 'opportunity', opportunity.name, at, touched, [
                    ['stage', 'stage', null, opportunity.stage],
                    ['amount', 'amount', opportunity.amount?.currency ?? null, opportunity.amount?.value ?? null],
                    ['qualified', 'qualified', null, opportunity.qualified],
                    ...opportunity.decisionChain.map((entry): Row => [
                        `chain:${entry.contact}`,
                        'support',
                        names.get(entry.contact) ?? entry.contact,
                        entry.support,
                    ]),
                ]);
            }
        }
        // a subject gone from the plan: its lines break there (a point of no values)
        for (const [key, held] of this.subjects) {
            if (!seen.has(key) && held.last !== '') {
                held.points.push({ at, values: {} });
                held.last = '';
            }
        }
    }

    /** The trend of `subject` (a contact, opportunity or customer), its change lines in `texts`' language; null when the history never held it. */
    of(subject: SubjectKey, texts: Texts): SubjectTrend | null {
        const held = this.subjects.get(subject);
        const parsed = parseSubjectKey(subject);
        if (!held || !parsed) return null;
        const series: TrendSeries[] = [];
        for (const [key, label] of held.labels) series.push({ key, scale: scaleOf(key, held.kind), label });
        const points = held.points.map(({ at, values }): TrendPoint => {
            const commit = this.commits[at]!;
            const lines = commit.changes
                .filter(change => concerns(change, parsed.kind, parsed.customer ?? '', parsed.id))
                .map(change => changeLine(change, parsed.kind, texts));
            const changes =
                lines.length > MAX_CHANGES
                    ? [...lines.slice(0, MAX_CHANGES - 1), texts.t('view.trends.moreChanges', { count: lines.length - MAX_CHANGES + 1 })]
                    : lines;
            return { commit: commit.commit, date: commit.date, author: commit.author, message: commit.message, changes, values };
        });
        return { subject, kind: held.kind, name: held.name, until: this.until ?? points.at(-1)?.date ?? '', series, points };
    }

    private push(key: SubjectKey, kind: TrendKind, name: string, at: number, touched: Set<SubjectKey>, rows: Row[]): void {
        let held = this.subjects.get(key);
        if (!held) this.subjects.set(key, (held = { kind, name, labels: new Map(), points: [], last: '' }));
        held.name = name;
        const values: Record<string, TrendValue> = {};
        for (const [series, , label, value] of rows) {
            // a series keeps its first place; its label follows the plan
            held.labels.set(series, label);
            values[series] = value;
        }
        const json = JSON.stringify(values);
        if (json === held.last && !touched.has(key)) return;
        held.last = json;
        held.points.push({ at, values });
    }
}

type Row = [key: string, scale: TrendScale, label: string | null, value: TrendValue];

function scaleOf(key: string, kind: TrendKind): TrendScale {
    if (key.startsWith('competitor:') || key.startsWith('chain:') || key === 'support') return 'support';
    if (key === 'intimacy' || key === 'role' || key === 'stage' || key === 'amount' || key === 'qualified' || key === 'tier') return key;
    if (key === 'lastContact') return 'date';
    void kind;
    return 'count';
}

/** Key people: the contacts with a role in the decision, or in a decision chain. Counted when their support for us is 1 or more. */
export function keyPeopleWithSupport(customer: Pick<CustomerJson, 'contacts' | 'opportunities'>): number {
    const inChain = new Set(customer.opportunities.flatMap(o => o.decisionChain.map(e => e.contact)));
    const counted = new Set<string>();
    for (const contact of customer.contacts) {
        if ((contact.role !== null || inChain.has(contact.id)) && contact.support !== null && contact.support >= 1) counted.add(contact.id);
    }
    return counted.size;
}

function findingsByCustomer(diagnostics: AcctPlanDocument['diagnostics']): Map<string, { error: number; warning: number; info: number }> {
    const byCustomer = new Map<string, { error: number; warning: number; info: number }>();
    for (const d of diagnostics) {
        const parsed = d.subject ? parseSubjectKey(d.subject) : undefined;
        if (!parsed?.customer || parsed.kind === 'member' || parsed.kind === 'competitor') continue;
        let counts = byCustomer.get(parsed.customer);
        if (!counts) byCustomer.set(parsed.customer, (counts = { error: 0, warning: 0, info: 0 }));
        counts[d.severity]++;
    }
    return byCustomer;
}

/** Whether `change` is of the subject (a customer: of anything inside it). */
function concerns(change: PlanChange, kind: string, customer: string, id: string): boolean {
    if (change.customer !== customer || change.element === 'member' || change.element === 'competitor') return false;
    if (kind === 'customer') return true;
    return change.element === kind && change.id === id;
}

/** `support 1 → 2` for the subject itself, `wang: support 1 → 2` for what lies in a customer. */
function changeLine(change: PlanChange, kind: string, texts: Texts): string {
    const text = changeText(change, texts);
    return kind === 'customer' && change.element !== 'customer' ? `${change.id}: ${text}` : text;
}

/** What the Trends view is told: a trend to draw, or why there is none. */
export type TrendsState =
    | { status: 'ready'; trend: SubjectTrend }
    /** The history is being read (the first time, or after HEAD moved). */
    | { status: 'loading' }
    /** The workspace is not in a git repository (or it has no commit). */
    | { status: 'noGit' }
    /** acct runs git only in a trusted workspace. */
    | { status: 'untrusted' }
    | { status: 'failed'; detail: string }
    /** The cursor is on no contact, opportunity or customer. */
    | { status: 'noSubject' }
    /** The element is in no commit yet. */
    | { status: 'notInHistory'; name: string };
