/**
 * `acct report`: the account review as one self-contained HTML file. The text — title page,
 * contents, summary, per customer its verdict, findings and waivers, the changes since a
 * revision — is written here, every plan text escaped; the pictures are drawn in the page by
 * the webview's own models, layouts and renderers (client/webview/src/report/main.ts), from the
 * plan embedded as JSON. Script and style are inline, allowed by their hashes in a strict
 * Content-Security-Policy: the file makes no request. The same input gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { drawnPlan } from '../../contract/drawn-plan.js';
import { viewStrings } from '../../method/index.js';
import { escapeHtml, Html, ReportContext, scriptJson, type ReportInput } from './report-parts.js';
import { changesSection, customerSections, REPORT_PICKS, summarySection } from './report-sections.js';

export { escapeHtml, scriptJson, type ReportAssets, type ReportInput } from './report-parts.js';
export { REPORT_PICKS } from './report-sections.js';
/** The width the views are drawn for: an A4 landscape page at 96 px per inch, less its margins. */
export const REPORT_WIDTH = 1030;

function hash(text: string): string {
    return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The report's HTML; `errors` true when the plan has errors (the exit status is 1). */
export function reportHtml(input: ReportInput): { html: string; errors: number } {
    const cx = new ReportContext(input);
    const { plan, tx, customers, errors, figures } = cx;
    const body = new Html();
    // title page
    body.add('<header class="title-page">\n')
        .text('h1', tx.t('report.title'))
        .add('<dl>\n')
        .text('dt', tx.t('report.workspace'))
        .text('dd', input.workspace)
        .text('dt', tx.t('report.date'))
        .text('dd', plan.today)
        .text('dt', tx.t('report.since'))
        .text('dd', input.since ? input.since.revision : tx.t('report.sinceNone'))
        .add('</dl>\n')
        .text('p', tx.t('report.files', { count: plan.files.length }), ' class="muted"');
    // contents
    body.add(`<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(tx.t('report.contents'))}</h2><ol>\n`).add(
        `<li><a href="#summary">${escapeHtml(tx.t('report.summary'))}</a></li>\n`,
    );
    if (input.since) body.add(`<li><a href="#changes">${escapeHtml(tx.t('report.changes', { since: input.since.revision }))}</a></li>\n`);
    customers.forEach((c, i) => body.add(`<li><a href="#${cx.sectionId(i)}">${escapeHtml(c.name)}</a></li>\n`));
    body.add('</ol></nav>\n</header>\n');

    summarySection(body, cx);
    changesSection(body, cx);
    customerSections(body, cx);

    const data = {
        // only what the pictures read: a fifth less for the reader's browser to parse and keep
        view: drawnPlan({ plan, subjects: input.subjects, hasErrors: errors > 0 }),
        strings: viewStrings(tx.locale),
        picks: REPORT_PICKS,
        figures,
        width: REPORT_WIDTH,
    };
    const { script, style } = input.assets;
    const csp = [
        "default-src 'none'",
        `script-src ${hash(script)}`,
        `style-src ${hash(style)}`,
        "img-src 'none'",
        "font-src 'none'",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
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
