/**
 * `acct report` (contract 7.7): the account review as one self-contained HTML file — summary,
 * then per customer its verdict, findings and waivers, and its pictures drawn by the webview's
 * own renderers in the page; `--since REV` adds the changes since a revision and the support of
 * the key people since; `--redact` the pseudonyms of `acct export --redact`; `--pdf` prints it
 * with a local Chromium. Errors in the plan are shown in the report and the exit status is 1.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { checkTarget, UnsafeTargetError } from '../../files/safe-write.js';
import { markingTexts, resolveToday, type Texts } from '../../method/index.js';
import { commitDate, resolveRevision, workTree } from '../../node/git.js';
import { load, UsageError, withPathsAndToday, writeOutput, type SetExit } from '../common.js';
import { diffWith, everyPathSomewhere } from './diff.js';
import { reportHtml, type ReportAssets, type ReportInput } from '../formats/report-html.js';
import { redactPlan, type RedactionSubjects } from '../redact.js';
import { messageRedaction } from '../redact-messages.js';
import { supportOverTime, type CommitChanges } from '../support-history.js';
import { readPlanHistory } from '../../node/plan-history.js';
import { writeStderr } from '../output.js';
import { formatText } from '../format.js';

interface ReportOptions {
    output?: string;
    since?: string;
    redact?: boolean;
    today?: string;
    pdf?: string;
}

export function reportCommand(setExit: SetExit, texts: Texts): Command {
    return withPathsAndToday(new Command('report').description(texts.t('help.report')), texts)
        .requiredOption('-o, --output <file>', texts.t('help.report.output'))
        .option('--since <rev>', texts.t('help.report.since'))
        .option('--redact', texts.t('help.report.redact'))
        .option('--pdf <file>', texts.t('help.report.pdf'))
        .addHelpText('after', texts.t('help.report.after'))
        .action(async (paths: string[], options: ReportOptions) => setExit(await report(paths, options, texts)));
}

/** The page's script and style, bundled by esbuild (client/webview/build.mjs, buildReportPage) next to the CLI. */
export function reportAssets(texts: Texts): ReportAssets {
    const candidates = [path.join(__dirname, 'report'), path.resolve(__dirname, '..', '..', '..', '..', 'out', 'report')];
    const folder = candidates.find(dir => fs.existsSync(path.join(dir, 'report.js'))) ?? candidates[0]!;
    const file = (name: string) => {
        const at = path.join(folder, name);
        if (!fs.existsSync(at)) throw new UsageError(texts.t('report.notBuilt', { path: at }));
        return fs.readFileSync(at, 'utf8').trim();
    };
    return { script: file('report.js'), style: file('report.css') };
}

async function report(paths: string[], options: ReportOptions, texts: Texts): Promise<number> {
    const what = texts.t('write.what.report');
    checkTarget(options.output!, what);
    if (options.pdf) checkTarget(options.pdf, what);
    const assets = reportAssets(texts);
    const cwd = process.cwd();
    const today = resolveToday(options.today, process.env.ACCT_TODAY);
    const marking = options.redact ? markingTexts(texts) : undefined;
    const workspace = await load(paths, today, texts, marking);
    const original = workspace.plan();
    const located = workspace.located();
    let plan = original;
    let subjects: RedactionSubjects = { diagnostics: located.diagnostics.map(f => f.about), waived: located.waived.map(f => f.about) };
    let since: ReportInput['since'] = null;
    if (options.since !== undefined) {
        const tree = await workTree(cwd);
        const from = await resolveRevision(tree, options.since);
        await everyPathSomewhere(tree, paths, [options.since, from], undefined, cwd);
        const load = { today: original.today, cwd, locale: texts.locale };
        const { diff, before } = await diffWith(tree, paths, [options.since, from], undefined, original, load);
        // every commit after REV up to HEAD, as the history engine reads them (one bulk read of git, each blob parsed once)
        const history = await readPlanHistory(paths, { since: from, cwd, locale: texts.locale, today: original.today });
        const commits: CommitChanges[] = [];
        for await (const commit of history.commits) commits.push({ commit: commit.commit, date: commit.date.slice(0, 10), changes: commit.changes });
        const timelines = supportOverTime(before, { commit: from, date: await commitDate(tree, from) }, commits, original, original.today);
        since = { revision: options.since, diff, timelines, detailed: !options.redact };
    }
    if (marking) ({ plan, subjects } = redactPlan(plan, subjects, messageRedaction(marking, texts)));
    // the workspace as the reader knows it: the folder's name for `.`
    const label = options.redact
        ? texts.t('report.files', { count: plan.files.length })
        : (paths.length ? paths : ['.']).map(p => (path.resolve(cwd, p) === cwd ? path.basename(cwd) : p)).join(', ');
    const { html, errors } = reportHtml({
        plan,
        subjects: subjects.diagnostics,
        waivedSubjects: subjects.waived,
        workspace: label,
        since,
        texts,
        assets,
    });
    await writeOutput(options.output, html, '-o', what, texts);
    if (options.pdf) await printPdf(options.output!, options.pdf, texts);
    // the errors are in the report; a pipeline's log shows them too
    const errorLines = original.diagnostics.filter(d => d.severity === 'error');
    if (errorLines.length) writeStderr(formatText(errorLines) + '\n');
    writeStderr(`acct: ${texts.t('report.written', { target: options.output!, customers: plan.customers.length, findings: plan.diagnostics.length })}\n`);
    return errors ? 1 : 0;
}

/** Prints the HTML report to `target` with the local Chromium, through a file beside it renamed into place. */
async function printPdf(html: string, target: string, texts: Texts): Promise<void> {
    const chromium = process.env.ACCT_CHROMIUM ?? '/usr/bin/chromium';
    if (!fs.existsSync(chromium)) throw new UsageError(texts.t('report.pdfNoChromium', { path: chromium }));
    const absolute = path.resolve(target);
    const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${process.pid}.tmp`);
    const args = [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-pdf-header-footer',
        '--virtual-time-budget=60000',
        `--print-to-pdf=${temporary}`,
        pathToFileURL(path.resolve(html)).href,
    ];
    const detail = await new Promise<string | null>(resolve => {
        const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
            stderr += chunk.toString('utf8');
        });
        child.on('error', error => resolve(error.message));
        child.on('close', code => resolve(code === 0 && fs.existsSync(temporary) ? null : `exit ${code}: ${stderr.trim().split('\n').pop() ?? ''}`));
    });
    if (detail !== null) {
        fs.rmSync(temporary, { force: true });
        throw new UsageError(texts.t('report.pdfFailed', { target, detail }));
    }
    try {
        fs.renameSync(temporary, absolute);
    } catch (error) {
        fs.rmSync(temporary, { force: true });
        if (error instanceof UnsafeTargetError) throw error;
        throw new UsageError(texts.t('cli.cannotWrite', { flag: '--pdf', target, code: (error as NodeJS.ErrnoException).code ?? 'error' }));
    }
}
