/**
 * The pieces of `acct report`'s HTML (report-html.ts writes the document, report-sections.ts its
 * sections): escaping, the text builder, the report's input and what every section is written
 * with — its texts, the findings and waivers by customer, the pictures it asks the page to draw.
 */
import type { FindingSubject } from '../../contract/findings.js';
import { byPlace, byWorstFirst } from '../../contract/findings.js';
import type { PlanDiff } from '../../contract/plan-diff.js';
import type { AcctPlanDocument, CustomerJson, DiagnosticJson, MoneyJson, OpportunityJson, WaivedJson } from '../../contract/plan-types.js';
import { parseSubjectKey } from '../../contract/subject-key.js';
import { moneyText, type IssueCode, type Severity, type Texts, type Tier } from '../../method/index.js';
import type { SupportTimeline } from '../support-history.js';

export interface ReportAssets {
    script: string;
    style: string;
}

export interface ReportInput {
    plan: AcctPlanDocument;
    /** What each of `plan.diagnostics` is about. */
    subjects: readonly (FindingSubject | null)[];
    /** What each of `plan.waived` is about. */
    waivedSubjects: readonly (FindingSubject | null)[];
    /** The workspace as the title page names it. */
    workspace: string;
    /** `--since`: the revision, the diff from it, the support of the key people since. */
    since: { revision: string; diff: PlanDiff; timelines: SupportTimeline[]; detailed: boolean } | null;
    texts: Texts;
    assets: ReportAssets;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Text for an HTML element or a quoted attribute value. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a `<script>` block: nothing in it can end the block or open a comment. */
export function scriptJson(value: unknown): string {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Adds up amounts by currency: `30M CNY + 2M USD`, in the order the currencies first appear. */
export function totalValue(amounts: ReadonlyArray<MoneyJson | null>): string {
    const sums = new Map<string | null, number>();
    for (const a of amounts) if (a) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.value);
    return sums.size ? [...sums].map(([currency, value]) => moneyText(value, currency)).join(' + ') : '—';
}

export function firstById<T extends { id: string }>(items: readonly T[]): T[] {
    const seen = new Set<string>();
    return items.filter(item => !seen.has(item.id) && !!seen.add(item.id));
}

export const isOpen = (o: OpportunityJson): boolean => o.stage === 'lead' || o.stage === 'opportunity' || o.stage === 'bid';

/** The customer a finding is about (null: the workspace — a member, a competitor, the policy, a syntax error). */
export function customerOf(about: FindingSubject | null | undefined): string | null {
    const parsed = about ? parseSubjectKey(about.subject) : undefined;
    return parsed && parsed.kind !== 'member' && parsed.kind !== 'competitor' ? parsed.customer : null;
}

export class Html {
    private readonly parts: string[] = [];
    add(...html: string[]): this {
        this.parts.push(...html);
        return this;
    }
    text(tag: string, text: string, attrs = ''): this {
        return this.add(`<${tag}${attrs}>${escapeHtml(text)}</${tag}>\n`);
    }
    toString(): string {
        return this.parts.join('');
    }
}

/** A picture the page draws: a view of a customer, or of one of its deals. */
export interface Figure {
    tab: 'power' | 'fishbone' | 'quadrant' | 'intimacy';
    focus: { customer: string; opportunity: string | null };
}

/** What every section of the report is written with. */
export class ReportContext {
    readonly plan: AcctPlanDocument;
    readonly tx: Texts;
    readonly customers: CustomerJson[];
    readonly errors: number;
    /** The pictures the page draws, by the index in `data-figure`. */
    readonly figures: Figure[] = [];
    /** Findings and waivers by the customer they are about (null: the workspace). */
    readonly findingsBy = new Map<string | null, DiagnosticJson[]>();
    readonly waivedBy = new Map<string | null, WaivedJson[]>();

    constructor(readonly input: ReportInput) {
        this.plan = input.plan;
        this.tx = input.texts;
        this.customers = firstById(this.plan.customers);
        this.errors = this.plan.diagnostics.filter(d => d.severity === 'error').length;
        this.plan.diagnostics.forEach((d, i) => push(this.findingsBy, customerOf(input.subjects[i]), d));
        this.plan.waived.forEach((w, i) => push(this.waivedBy, customerOf(input.waivedSubjects[i]), w));
    }

    sectionId(i: number): string {
        return `customer-${i + 1}`;
    }

    severityText(s: string): string {
        return escapeHtml(SEVERITIES.includes(s as Severity) ? this.tx.t(`view.legend.severity.${s as Severity}`) : s);
    }

    issueOf(code: string): { title: string; help: string } | undefined {
        return this.tx.vocabulary.issues[code as IssueCode] as { title: string; help: string } | undefined;
    }

    tierName(tier: Tier | null): string {
        return tier ? this.tx.name('tiers', tier) : this.tx.t('report.noTier');
    }

    /** The place of a picture, drawn by the page. */
    figure(f: Figure): string {
        this.figures.push(f);
        const chart = f.tab === 'quadrant' || f.tab === 'intimacy' ? ' chart' : '';
        return `<div class="figure${chart}" data-figure="${this.figures.length - 1}"><button type="button" class="reset">${escapeHtml(this.tx.t('report.resetZoom'))}</button></div>\n`;
    }

    findingList(list: readonly DiagnosticJson[]): string {
        const out = new Html().add('<ul class="findings">\n');
        for (const d of [...list].sort((a, b) => byWorstFirst(a, b) || byPlace(a, b))) {
            const help = this.issueOf(d.code)?.help;
            out.add(
                `<li><span class="severity ${escapeHtml(d.severity)}">${this.severityText(d.severity)}</span> <code>${escapeHtml(d.code)}</code> `,
                `${escapeHtml(d.message)} <span class="muted">${escapeHtml(`${d.file}:${d.line}:${d.column}`)}</span>`,
                help ? `<br><span class="finding-help">${escapeHtml(this.tx.t('report.guidance', { help }))}</span>` : '',
                '</li>\n',
            );
        }
        return out.add('</ul>\n').toString();
    }

    waivedList(list: readonly WaivedJson[]): string {
        const out = new Html().add('<ul class="findings waived">\n');
        for (const w of list) {
            const why = w.until ? this.tx.t('report.waivedUntil', { date: w.until, reason: w.reason }) : this.tx.t('report.waivedReason', { reason: w.reason });
            out.add(
                `<li><span class="severity ${escapeHtml(w.severity)}">${this.severityText(w.severity)}</span> <code>${escapeHtml(w.code)}</code> `,
                `${escapeHtml(w.message)} <span class="muted">${escapeHtml(`${w.file}:${w.line}:${w.column}`)}</span>`,
                `<br><span class="finding-help">${escapeHtml(why)}</span></li>\n`,
            );
        }
        return out.add('</ul>\n').toString();
    }
}

function push<T>(map: Map<string | null, T[]>, key: string | null, value: T): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}
