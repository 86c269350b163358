/**
 * `acct sandbox` (contract 6.5): the strategic sandbox — every open opportunity ranked by its
 * score (market space, growth, profit, 6 − competitive intensity), the first N marked as the
 * picks the company puts its best resources on.
 */
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { sandboxRanking, type SandboxRow } from '../../contract/sandbox.js';
import { load, parseCount, refuseOnErrors, withPathsAndToday, type SetExit } from '../common.js';
import { writeStdout, writeTextStdout } from '../output.js';
import { textTable, type Column } from '../formats/table.js';
import { moneyText, type MessageKey, type Texts } from '../../method/index.js';
import { stageAges } from '../../node/plan-history.js';
import { stageDays } from '../../contract/stage-age.js';
import { SubjectKeys } from '../../contract/subject-key.js';

interface SandboxOptions {
    top?: number;
    stageAge?: boolean;
    format: 'text' | 'json' | 'csv';
    today?: string;
}

export function sandboxCommand(setExit: SetExit, texts: Texts): Command {
    return withPathsAndToday(new Command('sandbox').description(texts.t('help.sandbox')), texts)
        .option('--top <n>', texts.t('help.sandbox.top'), parseCount(texts))
        .addOption(new Option('--format <format>', texts.t('help.outputFormat')).choices(['text', 'json', 'csv']).default('text'))
        .option('--stage-age', texts.t('help.sandbox.stageAge'))
        .action(async (paths: string[], options: SandboxOptions) => setExit(await sandbox(paths, options, texts)));
}

async function sandbox(paths: string[], options: SandboxOptions, texts: Texts): Promise<number> {
    const workspace = await load(paths, options.today, texts);
    if (refuseOnErrors(workspace.diagnostics(), texts.t('cli.refused.sandbox'), texts)) return 1;
    // the opportunities alone: the rest of the plan is not converted for the ranking
    const ranked: AgedRow[] = sandboxRanking(workspace.acct.plan.PlanBuilder.sandboxPlan(workspace.base), options.top);
    const rows = options.stageAge ? await withStageAge(ranked, paths, workspace.acct.workspace.AcctSettings.today(), texts) : ranked;
    await (options.format === 'json'
        ? writeStdout(JSON.stringify(rows, null, 2) + '\n')
        : options.format === 'csv'
          ? writeStdout(sandboxCsv(rows, !!options.stageAge))
          : writeTextStdout(sandboxText(rows, options.top, texts, !!options.stageAge)));
    return 0;
}

/** A row with, under `--stage-age`, since when the opportunity has held its stage (null when the history does not show it). */
type AgedRow = SandboxRow & { stageSince?: string | null; stageDays?: number | null };

async function withStageAge(rows: SandboxRow[], paths: string[], today: string, texts: Texts): Promise<AgedRow[]> {
    const ages = await stageAges(paths, { locale: texts.locale });
    return rows.map(row => {
        const age = ages.of(SubjectKeys.opportunity(row.customer, row.opportunity), row.stage);
        return { ...row, stageSince: age?.since ?? null, stageDays: age ? stageDays(age, today) : null };
    });
}

const number = (value: number | null) => (value === null ? '—' : String(value));

/** A stage or horizon as the table says it: the keyword in English (`lead`, `long`), the method's word in another language (线索, 长期). */
function word<K extends string>(texts: Texts, keyword: K, labels: Readonly<Record<K, { label: string }>>): string {
    return texts.locale === 'en' ? keyword : (labels[keyword]?.label ?? keyword);
}

/** The text table's columns, each titled in the user's language (`#` is the rank); stage and horizon in its words (线索, 长期). */
const columns = (texts: Texts): ReadonlyArray<Omit<Column<SandboxRow>, 'title'> & { title: Extract<MessageKey, `cli.sandbox.col.${string}`> | '#' }> => [
    { title: '#', value: r => String(r.rank), align: 'right' },
    { title: 'cli.sandbox.col.pick', value: r => (r.pick ? '★' : '') },
    { title: 'cli.sandbox.col.opportunity', value: r => `${r.customer}/${r.opportunity}`, max: 32 },
    { title: 'cli.sandbox.col.name', value: r => r.name, max: 36 },
    { title: 'cli.sandbox.col.stage', value: r => word(texts, r.stage, texts.vocabulary.stages) },
    { title: 'cli.sandbox.col.horizon', value: r => (r.horizon ? word(texts, r.horizon, texts.vocabulary.horizons) : '—') },
    { title: 'cli.sandbox.col.space', value: r => number(r.space), align: 'right' },
    { title: 'cli.sandbox.col.growth', value: r => number(r.growth), align: 'right' },
    { title: 'cli.sandbox.col.profit', value: r => number(r.profit), align: 'right' },
    { title: 'cli.sandbox.col.competition', value: r => number(r.competition), align: 'right' },
    { title: 'cli.sandbox.col.score', value: r => number(r.score), align: 'right' },
    { title: 'cli.sandbox.col.amount', value: r => (r.amount ? moneyText(r.amount.value, r.amount.currency) : '—'), align: 'right' },
];

function sandboxText(rows: readonly AgedRow[], top: number | undefined, texts: Texts, aged: boolean): string {
    if (rows.length === 0) return texts.t('cli.sandbox.none') + '\n';
    const all = aged
        ? [
              ...columns(texts).slice(0, 5),
              {
                  title: 'cli.sandbox.col.stageSince' as const,
                  value: (r: AgedRow) => (r.stageSince ? texts.t('cli.sandbox.stageSince', { since: r.stageSince, days: r.stageDays ?? 0 }) : '—'),
              },
              ...columns(texts).slice(5),
          ]
        : columns(texts);
    const titled = all.map(c => ({ ...c, title: c.title === '#' ? '#' : texts.t(c.title) })) as Column<AgedRow>[];
    const [header, ...lines] = textTable(rows, titled);
    const scored = rows.filter(r => r.score !== null).length;
    // The unscored come last in the ranking: a rule sets them apart.
    const body = lines.flatMap((line, i) => (i === scored && scored > 0 ? [texts.t('cli.sandbox.unscoredRule'), line] : [line]));
    const picks = rows.filter(r => r.pick).length;
    const summary = texts.t('cli.sandbox.summary', {
        count: rows.length,
        scored,
        unscored: rows.length - scored,
        picks: top !== undefined ? texts.t('cli.sandbox.picks', { picks, top }) : texts.t('cli.sandbox.noPicks'),
    });
    return [header, ...body, summary].join('\n') + '\n';
}

function sandboxCsv(rows: readonly AgedRow[], aged: boolean): string {
    return stringify(
        rows.map(r => [
            r.rank,
            r.customer,
            r.opportunity,
            r.name,
            r.stage,
            r.horizon,
            r.space,
            r.growth,
            r.profit,
            r.competition,
            r.score,
            r.amount?.value ?? null,
            r.amount?.currency ?? null,
            r.pick,
            ...(aged ? [r.stageSince ?? null, r.stageDays ?? null] : []),
        ]),
        {
            header: true,
            columns: [
                'rank',
                'customer',
                'opportunity',
                'name',
                'stage',
                'horizon',
                'space',
                'growth',
                'profit',
                'competition',
                'score',
                'amount',
                'currency',
                'pick',
                ...(aged ? ['stageSince', 'stageDays'] : []),
            ],
            cast: { boolean: value => String(value) },
        },
    );
}
