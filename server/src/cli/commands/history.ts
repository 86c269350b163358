/**
 * `acct history` (contract 7.6): how the plan changed, commit by commit, along the first-parent
 * history — each commit checked with its own date as today, commits that change nothing left
 * out — as a story (text), JSON, CSV (one row per change) or markdown. `--subject` follows one
 * customer, contact, deal or activity. The engine is node/plan-history.ts.
 */
import { setFlagsFromString } from 'node:v8';
import { Command, Option } from 'commander';
import { message, type Texts } from '../../method/index.js';
import { readPlanHistory } from '../../node/plan-history.js';
import { GitError } from '../../node/git.js';
import {
    filterStep,
    formatHistoryMarkdown,
    formatHistoryText,
    historyEntryText,
    historyJsonOpening,
    historyJsonPieces,
    HISTORY_JSON_CLOSING,
    subjectFilter,
    type HistoryReport,
    type HistoryStep,
} from '../../contract/history-report.js';
import { withPathsAndToday, type SetExit } from '../common.js';
import { toCsv } from '../formats/csv.js';
import { writeStderr, writeStdout } from '../output.js';

interface HistoryOptions {
    since?: string;
    until: string;
    subject?: string;
    format: 'text' | 'json' | 'csv' | 'markdown';
    today?: string;
}

export function historyCommand(setExit: SetExit, texts: Texts): Command {
    return withPathsAndToday(new Command('history').description(texts.t('help.history')), texts)
        .option('--since <date|rev>', texts.t('help.history.since'))
        .option('--until <rev>', texts.t('help.history.until'), 'HEAD')
        .option('--subject <key>', texts.t('help.history.subject'))
        .addOption(new Option('--format <format>', texts.t('help.outputFormat')).choices(['text', 'json', 'csv', 'markdown']).default('text'))
        .action(async (paths: string[], options: HistoryOptions) => setExit(await history(paths, options, texts)));
}

/**
 * How much V8 lets the heap grow past what a full collection kept before the next one (percent).
 * A history run makes, day after day, findings and plan parts that live for a few commits; V8's
 * own growth (up to about 3×) let them pile up to 2.6–3.4× the peak memory of `acct check`.
 * 20 until the date re-checks made less and the entries stopped being kept: then 40 cost 10–15 %
 * less CPU for a few MB (1.8× check's peak); 80 went past 2×. 30 since the young generation stays
 * at its start-up size (below): a few MB less, for no CPU the runs could tell (docs/benchmark.md,
 * seventh pass); 20 cost CPU.
 */
const HEAP_GROWING_PERCENT = 30;

/**
 * V8 doubles its young generation (8 MB when the history starts, as `v8.getHeapSpaceStatistics()`
 * counts it) up to 32 MB when much of what it allocates survives a scavenge, as a history run's
 * re-checks do: ~25 MB more at the peak, for no CPU the runs could tell. `--max-semi-space-size`
 * cannot be changed once the process runs, but the growth factor is read at each growth: 1 keeps
 * the young generation at its size.
 */
const YOUNG_GENERATION_GROWTH = 1;

async function history(paths: string[], options: HistoryOptions, texts: Texts): Promise<number> {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    setFlagsFromString(`--semi-space-growth-factor=${YOUNG_GENERATION_GROWTH}`);
    const keep = options.subject === undefined ? undefined : subjectFilter(options.subject);
    if (options.subject !== undefined && !keep) throw new GitError(message('history.badSubject', { subject: options.subject }));
    const read = await readPlanHistory(paths, { since: options.since, until: options.until, today: options.today, locale: texts.locale });
    const commits: HistoryStep[] = [];
    const report: HistoryReport = { since: options.since ?? null, until: options.until, commits };
    // known before the first commit: a shallow history read from its boundary, or none at all
    if (read.shallow) report.shallow = read.boundary ?? '';
    const { commits: _none, ...head } = report;
    // JSON: each entry written when it comes and let go (a long history is kept neither as objects nor as text)
    let written = 0;
    for await (const commit of read.commits) {
        const step: HistoryStep = { ...commit }; // without its plan (not enumerable): assembled only when read below
        const kept = keep ? filterStep(step, keep) : step;
        if (!kept) continue;
        if (keep) {
            const count = (severity: string) => commit.plan.diagnostics.filter(d => d.severity === severity && keep(d.subject)).length;
            kept.counts = { error: count('error'), warning: count('warning'), info: count('info') };
        }
        if (options.format !== 'json') commits.push(kept);
        else await writeStdout((written++ ? ',\n' : historyJsonOpening(head)) + historyEntryText(kept));
    }
    if (options.format === 'json') {
        await writeStdout(written ? HISTORY_JSON_CLOSING : historyJsonPieces(head, [])[0]!);
        await writeStdout('\n');
    } else if (options.format === 'csv') {
        if (read.shallow) writeStderr(`acct: ${texts.t('history.shallow', { commit: (report.shallow ?? '').slice(0, 7) })}\n`);
        const rows = commits.flatMap(c =>
            c.changes.map(change => [
                c.commit,
                c.date,
                c.author,
                change.customer,
                change.element,
                change.id,
                change.field,
                JSON.stringify(change.from),
                JSON.stringify(change.to),
            ]),
        );
        await writeStdout(toCsv(['commit', 'date', 'author', 'customer', 'element', 'id', 'field', 'from', 'to'], rows));
    } else {
        await writeStdout(options.format === 'markdown' ? formatHistoryMarkdown(report, texts) : formatHistoryText(report, texts));
    }
    return 0;
}
