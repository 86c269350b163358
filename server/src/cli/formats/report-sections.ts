/**
 * The sections of `acct report` after its title page: the summary, the changes since a revision,
 * and a section per customer — every plan text escaped (report-parts.ts).
 */
import { byPlace, byWorstFirst } from '../../contract/findings.js';
import { changeLine, findingText } from '../../contract/diff-report.js';
import type { AcctPlanDocument, CustomerJson, DiagnosticJson, OpportunityJson } from '../../contract/plan-types.js';
import { sandboxRanking } from '../../contract/sandbox.js';
import { isActive, moneyText, supportText, TIERS, type Texts } from '../../method/index.js';
import { escapeHtml, firstById, Html, isOpen, SEVERITIES, totalValue, type ReportContext, type ReportInput } from './report-parts.js';

/** The sandbox's picks, as the sandbox view shows them unless the user changes it. */
export const REPORT_PICKS = 3;

/** The summary: customers by tier, open value, the sandbox's ranking, findings by severity, the workspace's own findings. */
export function summarySection(body: Html, cx: ReportContext): void {
    const { plan, tx, customers, errors } = cx;
    body.add('<section class="summary" id="summary">\n').text('h2', tx.t('report.summary'));
    if (errors) body.text('p', tx.t('report.errors', { count: errors }), ' class="errors-banner" role="alert"');
    body.text('h3', tx.t('report.byTier')).add(
        `<table><thead><tr><th>${escapeHtml(tx.t('report.col.tier'))}</th><th class="num">#</th><th>${escapeHtml(tx.t('report.col.customers'))}</th></tr></thead><tbody>\n`,
    );
    for (const tier of [...TIERS, null]) {
        const of = customers.map((c, i) => ({ c, i })).filter(({ c }) => c.tier === tier);
        if (!of.length) continue;
        body.add(
            `<tr><td>${escapeHtml(cx.tierName(tier))}</td><td class="num">${of.length}</td><td>`,
            of.map(({ c, i }) => `<a href="#${cx.sectionId(i)}">${escapeHtml(c.name)}</a>`).join(', '),
            '</td></tr>\n',
        );
    }
    body.add('</tbody></table>\n');
    const open = customers.flatMap(c => firstById(c.opportunities).filter(isOpen));
    body.text('h3', tx.t('report.open')).text(
        'p',
        open.length ? tx.t('report.openTotal', { count: open.length, value: totalValue(open.map(o => o.amount)) }) : tx.t('report.noOpen'),
    );
    const ranking = sandboxRanking({ customers: customers.map(c => ({ id: c.id, opportunities: firstById(c.opportunities) })) }, REPORT_PICKS);
    if (ranking.length) {
        const nameOf = new Map(customers.map(c => [c.id, c.name]));
        body.text('h3', tx.t('report.sandbox'))
            .text('p', tx.t('report.sandboxPicks', { picks: Math.min(REPORT_PICKS, ranking.length) }), ' class="muted"')
            .add(
                '<table class="sandbox"><thead><tr>',
                ...(
                    [
                        'report.col.rank',
                        'report.col.pick',
                        'report.col.customer',
                        'report.col.opportunity',
                        'report.col.stage',
                        'report.col.score',
                        'report.col.amount',
                    ] as const
                ).map((k, i) => `<th${i === 0 || i >= 5 ? ' class="num"' : ''}>${escapeHtml(tx.t(k))}</th>`),
                '</tr></thead><tbody>\n',
            );
        for (const r of ranking) {
            body.add(
                `<tr><td class="num">${r.rank}</td><td>${r.pick ? '★' : ''}</td><td>${escapeHtml(nameOf.get(r.customer) ?? r.customer)}</td>`,
                `<td>${escapeHtml(r.name)}</td><td>${escapeHtml(tx.name('stages', r.stage))}</td>`,
                `<td class="num">${r.score ?? '—'}</td><td class="num">${escapeHtml(r.amount ? moneyText(r.amount.value, r.amount.currency) : '—')}</td></tr>\n`,
            );
        }
        body.add('</tbody></table>\n');
    }
    body.text('h3', tx.t('report.findingsBySeverity')).add(
        `<table class="severities"><thead><tr><th>${escapeHtml(tx.t('report.col.severity'))}</th><th class="num">${escapeHtml(tx.t('report.col.count'))}</th></tr></thead><tbody>\n`,
    );
    for (const s of SEVERITIES) {
        body.add(
            `<tr><td><span class="severity ${s}">${cx.severityText(s)}</span></td><td class="num">${plan.diagnostics.filter(d => d.severity === s).length}</td></tr>\n`,
        );
    }
    body.add('</tbody></table>\n').text('p', tx.t('report.findingsTotal', { count: plan.diagnostics.length, waived: plan.waived.length }), ' class="muted"');
    const outside = cx.findingsBy.get(null) ?? [];
    const outsideWaived = cx.waivedBy.get(null) ?? [];
    if (outside.length || outsideWaived.length) {
        body.text('h3', tx.t('report.workspaceFindings')).add(cx.findingList(outside));
        if (outsideWaived.length) body.text('h4', tx.t('report.waived')).add(cx.waivedList(outsideWaived));
    }
    body.add('</section>\n');
}

/** The changes since `--since`'s revision, and the findings it brought and resolved. */
export function changesSection(body: Html, cx: ReportContext): void {
    const { input, tx } = cx;
    if (input.since) {
        const { diff, revision } = input.since;
        body.add('<section class="changes" id="changes">\n').text('h2', tx.t('report.changes', { since: revision }));
        const none = !diff.changes.length && !diff.newFindings.length && !diff.resolvedFindings.length;
        if (none) body.text('p', tx.t('report.noChanges', { since: revision }));
        if (input.since.detailed) {
            if (diff.changes.length) body.add('<ul class="changes">\n', ...diff.changes.map(c => `<li>${escapeHtml(changeLine(c, tx))}</li>\n`), '</ul>\n');
            const list = (title: 'report.newFindings' | 'report.resolvedFindings', items: readonly DiagnosticJson[]) => {
                if (items.length)
                    body.text('h3', tx.t(title)).add('<ul class="findings">\n', ...items.map(d => `<li>${escapeHtml(findingText(d))}</li>\n`), '</ul>\n');
            };
            list('report.newFindings', diff.newFindings);
            list('report.resolvedFindings', diff.resolvedFindings);
            // contract 7.4: a finding of the same subject and code whose message or severity changed
            const changed = (diff as { changedFindings?: ReadonlyArray<{ from: DiagnosticJson; to: DiagnosticJson }> }).changedFindings ?? [];
            if (changed.length) {
                body.text('h3', tx.t('report.changedFindings')).add(
                    '<ul class="findings">\n',
                    ...changed.map(c => `<li>${escapeHtml(findingText(c.from))} → ${escapeHtml(findingText(c.to))}</li>\n`),
                    '</ul>\n',
                );
            }
        } else if (!none) {
            body.text('p', [tx.t('report.changes', { since: revision }), String(diff.changes.length)].join(': ')).text(
                'p',
                `${tx.t('report.newFindings')}: ${diff.newFindings.length} · ${tx.t('report.resolvedFindings')}: ${diff.resolvedFindings.length}`,
            );
        }
        body.add('</section>\n');
    }
}

/** A section per customer: its verdict, opportunities, findings and waivers, its pictures and its deals'. */
export function customerSections(body: Html, cx: ReportContext): void {
    const { input, plan, tx } = cx;
    cx.customers.forEach((customer, i) => {
        const findings = cx.findingsBy.get(customer.id) ?? [];
        const waived = cx.waivedBy.get(customer.id) ?? [];
        const opportunities = firstById(customer.opportunities);
        const deals = opportunities.filter(o => isActive(o.stage) && o.decisionChain.length > 0);
        body.add(`<section class="customer" id="${cx.sectionId(i)}">\n`)
            .text('h2', customer.name)
            .add(`<p class="verdict">${escapeHtml(verdict(customer, opportunities, findings, cx))}</p>\n`);
        if (opportunities.length) {
            body.text('h3', tx.t('report.opportunities')).add(
                '<table class="opportunities"><thead><tr>',
                ...(['report.col.opportunity', 'report.col.stage', 'report.col.amount', 'report.col.score'] as const).map(
                    (k, n) => `<th${n >= 2 ? ' class="num"' : ''}>${escapeHtml(tx.t(k))}</th>`,
                ),
                '</tr></thead><tbody>\n',
            );
            for (const o of opportunities) {
                body.add(
                    `<tr><td>${escapeHtml(o.name)}</td><td>${escapeHtml(o.stage ? tx.name('stages', o.stage) : '—')}</td>`,
                    `<td class="num">${escapeHtml(o.amount ? moneyText(o.amount.value, o.amount.currency) : '—')}</td><td class="num">${o.sandbox.score ?? '—'}</td></tr>\n`,
                );
            }
            body.add('</tbody></table>\n');
        }
        body.text('h3', tx.t('report.customerFindings'));
        if (findings.length) body.add(cx.findingList(findings));
        else body.text('p', tx.t('report.noFindings'), ' class="muted"');
        if (waived.length) body.text('h4', tx.t('report.waived')).add(cx.waivedList(waived));
        body.text('h3', tx.t('report.quadrant')).add(cx.figure({ tab: 'quadrant', focus: { customer: customer.id, opportunity: null } }));
        body.text('h3', tx.t('report.intimacy')).add(cx.figure({ tab: 'intimacy', focus: { customer: customer.id, opportunity: null } }));
        if (input.since) supportHistory(body, input.since, plan, i, tx);
        body.text('h3', tx.t('report.deals'));
        if (!deals.length) body.text('p', tx.t('report.noDeals'), ' class="muted"');
        deals.forEach((o, j) => {
            const id = `${cx.sectionId(i)}-deal-${j + 1}`;
            body.add(`<div class="deal">\n`)
                .text('h4', `${o.name} · ${o.stage ? tx.name('stages', o.stage) : ''}${o.amount ? ` · ${moneyText(o.amount.value, o.amount.currency)}` : ''}`)
                .add(
                    `<div role="tablist" aria-label="${escapeHtml(o.name)}">`,
                    `<button type="button" role="tab" id="${id}-tab-power" aria-controls="${id}-power" aria-selected="true">${escapeHtml(tx.t('report.powerMap'))}</button>`,
                    `<button type="button" role="tab" id="${id}-tab-fishbone" aria-controls="${id}-fishbone" aria-selected="false">${escapeHtml(tx.t('report.fishbone'))}</button></div>\n`,
                )
                .add(`<div class="panel" role="tabpanel" id="${id}-power" aria-labelledby="${id}-tab-power">`)
                .text('p', tx.t('report.powerMap'), ' class="figure-caption"')
                .add(cx.figure({ tab: 'power', focus: { customer: customer.id, opportunity: o.id } }), '</div>\n')
                .add(`<div class="panel" role="tabpanel" id="${id}-fishbone" aria-labelledby="${id}-tab-fishbone">`)
                .text('p', tx.t('report.fishbone'), ' class="figure-caption"')
                .add(cx.figure({ tab: 'fishbone', focus: { customer: customer.id, opportunity: o.id } }), '</div>\n</div>\n');
        });
        body.add('</section>\n');
    });
}

/** The one-line verdict of a customer: tier, open value, key people by support, top findings. */
function verdict(customer: CustomerJson, opportunities: readonly OpportunityJson[], findings: readonly DiagnosticJson[], cx: ReportContext): string {
    const tx = cx.tx;
    const open = opportunities.filter(isOpen);
    // the key people: every contact of an active opportunity's decision chain, with their support there (the first deal's)
    const support = new Map<string, number | null>();
    for (const o of opportunities) {
        if (!isActive(o.stage)) continue;
        for (const entry of o.decisionChain) if (!support.has(entry.contact)) support.set(entry.contact, entry.support);
    }
    const values = [...support.values()];
    const top = [...findings]
        .sort((a, b) => byWorstFirst(a, b) || byPlace(a, b))
        .map(d => cx.issueOf(d.code)?.title ?? d.code)
        .filter((title, i, all) => all.indexOf(title) === i)
        .slice(0, 3);
    return tx.t('report.verdict', {
        tier: cx.tierName(customer.tier),
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
    body.add(
        `<table class="support-history"><thead><tr><th>${escapeHtml(tx.t('report.col.person'))}</th><th>${escapeHtml(tx.t('report.col.opportunity'))}</th>`,
        `<th>${escapeHtml(tx.t('report.col.support'))}</th><th>${escapeHtml(tx.t('report.col.now'))}</th></tr></thead><tbody>\n`,
    );
    const customer = plan.customers[index]!;
    for (const t of mine) {
        const opportunity = customer.opportunities[t.at[1]]!;
        const entry = opportunity.decisionChain[t.at[2]]!;
        const person = customer.contacts.find(c => c.id === entry.contact)?.name ?? entry.contact;
        const points = t.points.map(p => `${supportText(p.support)} (${p.date}${p.commit ? ` ${p.commit.slice(0, 7)}` : ''})`).join(' → ');
        body.add(
            `<tr><td>${escapeHtml(person)}</td><td>${escapeHtml(opportunity.name)}</td><td class="points">${escapeHtml(points)}</td>`,
            `<td>${escapeHtml(supportText(entry.support))}</td></tr>\n`,
        );
    }
    body.add('</tbody></table>\n');
}
