/**
 * `acct report`: the account review as one self-contained HTML file. The text — title page,
 * contents, summary, per customer its verdict, findings and waivers, the changes since a
 * revision — is written here, every plan text escaped; the pictures are drawn in the page by
 * the webview's own models, layouts and renderers (client/webview/src/report/main.ts), from the
 * plan embedded as JSON. Script and style are inline, allowed by their hashes in a strict
 * Content-Security-Policy: the file makes no request. The same input gives the same bytes.
 */
import { createHash } from 'node:crypto';
import type { FindingSubject } from '../../contract/findings.js';
import { byPlace, byWorstFirst } from '../../contract/findings.js';
import { changeLine, findingText } from '../../contract/diff-report.js';
import type { PlanDiff } from '../../contract/plan-diff.js';
import type { AcctPlanDocument, CustomerJson, DiagnosticJson, MoneyJson, OpportunityJson, WaivedJson } from '../../contract/plan-types.js';
import { sandboxRanking } from '../../contract/sandbox.js';
import { parseSubjectKey } from '../../contract/subject-key.js';
import {
    isActive, moneyText, supportText, TIERS, viewStrings, type IssueCode, type Severity, type Texts, type Tier,
} from '../../method/index.js';
import type { SupportTimeline } from '../support-history.js';

/** The sandbox's picks, as the sandbox view shows them unless the user changes it. */
export const REPORT_PICKS = 3;
/** The width the views are drawn for: an A4 landscape page at 96 px per inch, less its margins. */
export const REPORT_WIDTH = 1030;

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

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Text for an HTML element or a quoted attribute value. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a `<script>` block: nothing in it can end the block or open a comment. */
export function scriptJson(value: unknown): string {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function hash(text: string): string {
    return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Adds up amounts by currency: `30M CNY + 2M USD`, in the order the currencies first appear. */
function totalValue(amounts: ReadonlyArray<MoneyJson | null>): string {
    const sums = new Map<string | null, number>();
    for (const a of amounts) if (a) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.value);
    return sums.size ? [...sums].map(([currency, value]) => moneyText(value, currency)).join(' + ') : '—';
}

function firstById<T extends { id: string }>(items: readonly T[]): T[] {
    const seen = new Set<string>();
    return items.filter(item => !seen.has(item.id) && !!seen.add(item.id));
}

const isOpen = (o: OpportunityJson): boolean => o.stage === 'lead' || o.stage === 'opportunity' || o.stage === 'bid';

/** The customer a finding is about (null: the workspace — a member, a competitor, the policy, a syntax error). */
function customerOf(about: FindingSubject | null | undefined): string | null {
    const parsed = about ? parseSubjectKey(about.subject) : undefined;
    return parsed && parsed.kind !== 'member' && parsed.kind !== 'competitor' ? parsed.customer : null;
}

class Html {
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

interface Figure {
    tab: 'power' | 'fishbone' | 'quadrant' | 'intimacy';
    focus: { customer: string; opportunity: string | null };
}

/** The report's HTML; `errors` true when the plan has errors (the exit status is 1). */
export function reportHtml(input: ReportInput): { html: string; errors: number } {
    const { plan, texts: tx } = input;
    const figures: Figure[] = [];
    const customers = firstById(plan.customers);
    const sectionId = (i: number) => `customer-${i + 1}`;
    const errors = plan.diagnostics.filter(d => d.severity === 'error').length;

    const findingsBy = new Map<string | null, Array<DiagnosticJson>>();
    plan.diagnostics.forEach((d, i) => {
        const key = customerOf(input.subjects[i]);
        const list = findingsBy.get(key);
        if (list) list.push(d); else findingsBy.set(key, [d]);
    });
    const waivedBy = new Map<string | null, WaivedJson[]>();
    plan.waived.forEach((w, i) => {
        const key = customerOf(input.waivedSubjects[i]);
        const list = waivedBy.get(key);
        if (list) list.push(w); else waivedBy.set(key, [w]);
    });

    const severityClass = (s: string) => escapeHtml(s);
    const severityText = (s: string) => escapeHtml(SEVERITIES.includes(s as Severity) ? tx.t(`view.legend.severity.${s as Severity}`) : s);
    const issueOf = (code: string) => tx.vocabulary.issues[code as IssueCode] as { title: string; help: string } | undefined;
    const tierName = (tier: Tier | null) => tier ? tx.name('tiers', tier) : tx.t('report.noTier');
    const figure = (f: Figure): string => {
        figures.push(f);
        const chart = f.tab === 'quadrant' || f.tab === 'intimacy' ? ' chart' : '';
        return `<div class="figure${chart}" data-figure="${figures.length - 1}"><button type="button" class="reset">${escapeHtml(tx.t('report.resetZoom'))}</button></div>\n`;
    };

    const findingList = (list: readonly DiagnosticJson[]): string => {
        const out = new Html().add('<ul class="findings">\n');
        for (const d of [...list].sort((a, b) => byWorstFirst(a, b) || byPlace(a, b))) {
            const help = issueOf(d.code)?.help;
            out.add(`<li><span class="severity ${severityClass(d.severity)}">${severityText(d.severity)}</span> <code>${escapeHtml(d.code)}</code> `,
                `${escapeHtml(d.message)} <span class="muted">${escapeHtml(`${d.file}:${d.line}:${d.column}`)}</span>`,
                help ? `<br><span class="finding-help">${escapeHtml(tx.t('report.guidance', { help }))}</span>` : '', '</li>\n');
        }
        return out.add('</ul>\n').toString();
    };
    const waivedList = (list: readonly WaivedJson[]): string => {
        const out = new Html().add('<ul class="findings waived">\n');
        for (const w of list) {
            const why = w.until ? tx.t('report.waivedUntil', { date: w.until, reason: w.reason }) : tx.t('report.waivedReason', { reason: w.reason });
            out.add(`<li><span class="severity ${severityClass(w.severity)}">${severityText(w.severity)}</span> <code>${escapeHtml(w.code)}</code> `,
                `${escapeHtml(w.message)} <span class="muted">${escapeHtml(`${w.file}:${w.line}:${w.column}`)}</span>`,
                `<br><span class="finding-help">${escapeHtml(why)}</span></li>\n`);
        }
        return out.add('</ul>\n').toString();
    };

    const body = new Html();
    // title page
    body.add('<header class="title-page">\n').text('h1', tx.t('report.title'))
        .add('<dl>\n')
        .text('dt', tx.t('report.workspace')).text('dd', input.workspace)
        .text('dt', tx.t('report.date')).text('dd', plan.today)
        .text('dt', tx.t('report.since')).text('dd', input.since ? input.since.revision : tx.t('report.sinceNone'))
        .add('</dl>\n')
        .text('p', tx.t('report.files', { count: plan.files.length }), ' class="muted"');
    // contents
    body.add(`<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(tx.t('report.contents'))}</h2><ol>\n`)
        .add(`<li><a href="#summary">${escapeHtml(tx.t('report.summary'))}</a></li>\n`);
    if (input.since) body.add(`<li><a href="#changes">${escapeHtml(tx.t('report.changes', { since: input.since.revision }))}</a></li>\n`);
    customers.forEach((c, i) => body.add(`<li><a href="#${sectionId(i)}">${escapeHtml(c.name)}</a></li>\n`));
    body.add('</ol></nav>\n</header>\n');

    // summary
    body.add('<section class="summary" id="summary">\n').text('h2', tx.t('report.summary'));
    if (errors) body.text('p', tx.t('report.errors', { count: errors }), ' class="errors-banner" role="alert"');
    body.text('h3', tx.t('report.byTier'))
        .add(`<table><thead><tr><th>${escapeHtml(tx.t('report.col.tier'))}</th><th class="num">#</th><th>${escapeHtml(tx.t('report.col.customers'))}</th></tr></thead><tbody>\n`);
    for (const tier of [...TIERS, null]) {
        const of = customers.map((c, i) => ({ c, i })).filter(({ c }) => c.tier === tier);
        if (!of.length) continue;
        body.add(`<tr><td>${escapeHtml(tierName(tier))}</td><td class="num">${of.length}</td><td>`,
            of.map(({ c, i }) => `<a href="#${sectionId(i)}">${escapeHtml(c.name)}</a>`).join(', '), '</td></tr>\n');
    }
    body.add('</tbody></table>\n');
    const open = customers.flatMap(c => firstById(c.opportunities).filter(isOpen));
    body.text('h3', tx.t('report.open'))
        .text('p', open.length ? tx.t('report.openTotal', { count: open.length, value: totalValue(open.map(o => o.amount)) }) : tx.t('report.noOpen'));
    const ranking = sandboxRanking({ customers: customers.map(c => ({ id: c.id, opportunities: firstById(c.opportunities) })) }, REPORT_PICKS);
    if (ranking.length) {
        const nameOf = new Map(customers.map(c => [c.id, c.name]));
        body.text('h3', tx.t('report.sandbox')).text('p', tx.t('report.sandboxPicks', { picks: Math.min(REPORT_PICKS, ranking.length) }), ' class="muted"')
            .add('<table class="sandbox"><thead><tr>',
                ...(['report.col.rank', 'report.col.pick', 'report.col.customer', 'report.col.opportunity', 'report.col.stage', 'report.col.score', 'report.col.amount'] as const)
                    .map((k, i) => `<th${i === 0 || i >= 5 ? ' class="num"' : ''}>${escapeHtml(tx.t(k))}</th>`),
                '</tr></thead><tbody>\n');
        for (const r of ranking) {
            body.add(`<tr><td class="num">${r.rank}</td><td>${r.pick ? '★' : ''}</td><td>${escapeHtml(nameOf.get(r.customer) ?? r.customer)}</td>`,
                `<td>${escapeHtml(r.name)}</td><td>${escapeHtml(tx.name('stages', r.stage))}</td>`,
                `<td class="num">${r.score ?? '—'}</td><td class="num">${escapeHtml(r.amount ? moneyText(r.amount.value, r.amount.currency) : '—')}</td></tr>\n`);
        }
        body.add('</tbody></table>\n');
    }
    body.text('h3', tx.t('report.findingsBySeverity'))
        .add(`<table class="severities"><thead><tr><th>${escapeHtml(tx.t('report.col.severity'))}</th><th class="num">${escapeHtml(tx.t('report.col.count'))}</th></tr></thead><tbody>\n`);
    for (const s of SEVERITIES) {
        body.add(`<tr><td><span class="severity ${s}">${severityText(s)}</span></td><td class="num">${plan.diagnostics.filter(d => d.severity === s).length}</td></tr>\n`);
    }
    body.add('</tbody></table>\n').text('p', tx.t('report.findingsTotal', { count: plan.diagnostics.length, waived: plan.waived.length }), ' class="muted"');
    const outside = findingsBy.get(null) ?? [];
    const outsideWaived = waivedBy.get(null) ?? [];
    if (outside.length || outsideWaived.length) {
        body.text('h3', tx.t('report.workspaceFindings')).add(findingList(outside));
        if (outsideWaived.length) body.text('h4', tx.t('report.waived')).add(waivedList(outsideWaived));
    }
    body.add('</section>\n');

    // changes since
    if (input.since) {
        const { diff, revision } = input.since;
        body.add('<section class="changes" id="changes">\n').text('h2', tx.t('report.changes', { since: revision }));
        const none = !diff.changes.length && !diff.newFindings.length && !diff.resolvedFindings.length;
        if (none) body.text('p', tx.t('report.noChanges', { since: revision }));
        if (input.since.detailed) {
            if (diff.changes.length) body.add('<ul class="changes">\n', ...diff.changes.map(c => `<li>${escapeHtml(changeLine(c, tx))}</li>\n`), '</ul>\n');
            const list = (title: 'report.newFindings' | 'report.resolvedFindings', items: readonly DiagnosticJson[]) => {
                if (items.length) body.text('h3', tx.t(title)).add('<ul class="findings">\n', ...items.map(d => `<li>${escapeHtml(findingText(d))}</li>\n`), '</ul>\n');
            };
            list('report.newFindings', diff.newFindings);
            list('report.resolvedFindings', diff.resolvedFindings);
            // contract 7.4: a finding of the same subject and code whose message or severity changed
            const changed = (diff as { changedFindings?: ReadonlyArray<{ from: DiagnosticJson; to: DiagnosticJson }> }).changedFindings ?? [];
            if (changed.length) {
                body.text('h3', tx.t('report.changedFindings'))
                    .add('<ul class="findings">\n', ...changed.map(c => `<li>${escapeHtml(findingText(c.from))} → ${escapeHtml(findingText(c.to))}</li>\n`), '</ul>\n');
            }
        } else if (!none) {
            body.text('p', [tx.t('report.changes', { since: revision }), String(diff.changes.length)].join(': '))
                .text('p', `${tx.t('report.newFindings')}: ${diff.newFindings.length} · ${tx.t('report.resolvedFindings')}: ${diff.resolvedFindings.length}`);
        }
        body.add('</section>\n');
    }

    // customers
    customers.forEach((customer, i) => {
        const findings = findingsBy.get(customer.id) ?? [];
        const waived = waivedBy.get(customer.id) ?? [];
        const opportunities = firstById(customer.opportunities);
        const deals = opportunities.filter(o => isActive(o.stage) && o.decisionChain.length > 0);
        body.add(`<section class="customer" id="${sectionId(i)}">\n`).text('h2', customer.name)
            .add(`<p class="verdict">${escapeHtml(verdict(customer, opportunities, findings, tx, tierName, issueOf))}</p>\n`);
        if (opportunities.length) {
            body.text('h3', tx.t('report.opportunities'))
                .add('<table class="opportunities"><thead><tr>',
                    ...(['report.col.opportunity', 'report.col.stage', 'report.col.amount', 'report.col.score'] as const)
                        .map((k, n) => `<th${n >= 2 ? ' class="num"' : ''}>${escapeHtml(tx.t(k))}</th>`),
                    '</tr></thead><tbody>\n');
            for (const o of opportunities) {
                body.add(`<tr><td>${escapeHtml(o.name)}</td><td>${escapeHtml(o.stage ? tx.name('stages', o.stage) : '—')}</td>`,
                    `<td class="num">${escapeHtml(o.amount ? moneyText(o.amount.value, o.amount.currency) : '—')}</td><td class="num">${o.sandbox.score ?? '—'}</td></tr>\n`);
            }
            body.add('</tbody></table>\n');
        }
        body.text('h3', tx.t('report.customerFindings'));
        if (findings.length) body.add(findingList(findings)); else body.text('p', tx.t('report.noFindings'), ' class="muted"');
        if (waived.length) body.text('h4', tx.t('report.waived')).add(waivedList(waived));
        body.text('h3', tx.t('report.quadrant')).add(figure({ tab: 'quadrant', focus: { customer: customer.id, opportunity: null } }));
        body.text('h3', tx.t('report.intimacy')).add(figure({ tab: 'intimacy', focus: { customer: customer.id, opportunity: null } }));
        if (input.since) supportHistory(body, input.since, plan, i, tx);
        body.text('h3', tx.t('report.deals'));
        if (!deals.length) body.text('p', tx.t('report.noDeals'), ' class="muted"');
        deals.forEach((o, j) => {
            const id = `${sectionId(i)}-deal-${j + 1}`;
            body.add(`<div class="deal">\n`).text('h4', `${o.name} · ${o.stage ? tx.name('stages', o.stage) : ''}${o.amount ? ` · ${moneyText(o.amount.value, o.amount.currency)}` : ''}`)
                .add(`<div role="tablist" aria-label="${escapeHtml(o.name)}">`,
                    `<button type="button" role="tab" id="${id}-tab-power" aria-controls="${id}-power" aria-selected="true">${escapeHtml(tx.t('report.powerMap'))}</button>`,
                    `<button type="button" role="tab" id="${id}-tab-fishbone" aria-controls="${id}-fishbone" aria-selected="false">${escapeHtml(tx.t('report.fishbone'))}</button></div>\n`)
                .add(`<div class="panel" role="tabpanel" id="${id}-power" aria-labelledby="${id}-tab-power">`)
                .text('p', tx.t('report.powerMap'), ' class="figure-caption"')
                .add(figure({ tab: 'power', focus: { customer: customer.id, opportunity: o.id } }), '</div>\n')
                .add(`<div class="panel" role="tabpanel" id="${id}-fishbone" aria-labelledby="${id}-tab-fishbone">`)
                .text('p', tx.t('report.fishbone'), ' class="figure-caption"')
                .add(figure({ tab: 'fishbone', focus: { customer: customer.id, opportunity: o.id } }), '</div>\n</div>\n');
        });
        body.add('</section>\n');
    });

    const data = {
        view: {
            plan: { today: plan.today, competitors: plan.competitors, customers: plan.customers, diagnostics: plan.diagnostics },
            subjects: input.subjects, hasErrors: errors > 0,
        },
        strings: viewStrings(tx.locale), picks: REPORT_PICKS, figures, width: REPORT_WIDTH,
    };
    const { script, style } = input.assets;
    const csp = [
        "default-src 'none'", `script-src ${hash(script)}`, `style-src ${hash(style)}`,
        "img-src 'none'", "font-src 'none'", "connect-src 'none'", "base-uri 'none'", "form-action 'none'",
    ].join('; ');
    const html = [
        '<!DOCTYPE html>\n',
        `<html lang="${tx.locale === 'zh-CN' ? 'zh-CN' : 'en'}">\n<head>\n<meta charset="utf-8">\n`,
        `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">\n`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="color-scheme" content="light dark">\n',
        '<meta name="generator" content="acct report">\n',
        `<title>${escapeHtml(`${tx.t('report.title')} — ${input.workspace} — ${plan.today}`)}</title>\n`,
        `<style>${style}</style>\n</head>\n<body>\n<main>\n`,
        body.toString(),
        '</main>\n',
        `<script type="application/json" id="acct-report-data">${scriptJson(data)}</script>\n`,
        `<script>${script}</script>\n</body>\n</html>\n`,
    ].join('');
    return { html, errors };
}

/** The one-line verdict of a customer: tier, open value, key people by support, top findings. */
function verdict(
    customer: CustomerJson, opportunities: readonly OpportunityJson[], findings: readonly DiagnosticJson[], tx: Texts,
    tierName: (tier: Tier | null) => string, issueOf: (code: string) => { title: string } | undefined,
): string {
    const open = opportunities.filter(isOpen);
    // the key people: every contact of an active opportunity's decision chain, with their support there (the first deal's)
    const support = new Map<string, number | null>();
    for (const o of opportunities) {
        if (!isActive(o.stage)) continue;
        for (const entry of o.decisionChain) if (!support.has(entry.contact)) support.set(entry.contact, entry.support);
    }
    const values = [...support.values()];
    const top = [...findings].sort((a, b) => byWorstFirst(a, b) || byPlace(a, b))
        .map(d => issueOf(d.code)?.title ?? d.code)
        .filter((title, i, all) => all.indexOf(title) === i)
        .slice(0, 3);
    return tx.t('report.verdict', {
        tier: tierName(customer.tier),
        value: totalValue(open.map(o => o.amount)),
        supporting: values.filter(v => v !== null && v >= 1).length,
        neutral: values.filter(v => v === 0).length,
        opposed: values.filter(v => v !== null && v < 0).length,
        unknown: values.filter(v => v === null).length,
        top: top.length ? tx.t('report.verdictFindings', { findings: tx.list(top) }) : tx.t('report.verdictNoFindings'),
    });
}

/** The support of the key people of this customer's active opportunities since the revision. */
function supportHistory(body: Html, since: NonNullable<ReportInput['since']>, plan: AcctPlanDocument, index: number, tx: Texts): void {
    const mine = since.timelines.filter(t => t.at[0] === index);
    body.text('h3', tx.t('report.supportHistory', { since: since.revision }));
    if (!mine.length) {
        body.text('p', tx.t('report.noSupportHistory'), ' class="muted"');
        return;
    }
    body.add(`<table class="support-history"><thead><tr><th>${escapeHtml(tx.t('report.col.person'))}</th><th>${escapeHtml(tx.t('report.col.opportunity'))}</th>`,
        `<th>${escapeHtml(tx.t('report.col.support'))}</th><th>${escapeHtml(tx.t('report.col.now'))}</th></tr></thead><tbody>\n`);
    const customer = plan.customers[index]!;
    for (const t of mine) {
        const opportunity = customer.opportunities[t.at[1]]!;
        const entry = opportunity.decisionChain[t.at[2]]!;
        const person = customer.contacts.find(c => c.id === entry.contact)?.name ?? entry.contact;
        const points = t.points.map(p => `${supportText(p.support)} (${p.date}${p.commit ? ` ${p.commit.slice(0, 7)}` : ''})`).join(' → ');
        body.add(`<tr><td>${escapeHtml(person)}</td><td>${escapeHtml(opportunity.name)}</td><td class="points">${escapeHtml(points)}</td>`,
            `<td>${escapeHtml(supportText(entry.support))}</td></tr>\n`);
    }
    body.add('</tbody></table>\n');
}
