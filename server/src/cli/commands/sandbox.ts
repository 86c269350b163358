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

interface SandboxOptions {
    top?: number;
    format: 'text' | 'json' | 'csv';
    today?: string;
}

export function sandboxCommand(setExit: SetExit, texts: Texts): Command {
    return withPathsAndToday(new Command('sandbox')
        .description('Rank every open opportunity by its strategic sandbox score; mark the first N as the picks.'), texts)
        .option('--top <n>', 'mark the first N opportunities as the picks', parseCount(texts))
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
        .action(async (paths: string[], options: SandboxOptions) => setExit(await sandbox(paths, options, texts)));
}

async function sandbox(paths: string[], options: SandboxOptions, texts: Texts): Promise<number> {
    const workspace = await load(paths, options.today, texts);
    const plan = workspace.plan();
    if (refuseOnErrors(plan.diagnostics, texts.t('cli.refused.sandbox'), texts)) return 1;
    const rows = sandboxRanking(plan, options.top);
    await (options.format === 'json' ? writeStdout(JSON.stringify(rows, null, 2) + '\n')
        : options.format === 'csv' ? writeStdout(sandboxCsv(rows))
        : writeTextStdout(sandboxText(rows, options.top, texts)));
    return 0;
}

const number = (value: number | null) => value === null ? '—' : String(value);

/** The text table's columns, each titled in the user's language (`#` is the rank). */
const columns: ReadonlyArray<Omit<Column<SandboxRow>, 'title'> & { title: Extract<MessageKey, `cli.sandbox.col.${string}`> | '#' }> = [
    { title: '#', value: r => String(r.rank), align: 'right' },
    { title: 'cli.sandbox.col.pick', value: r => r.pick ? '★' : '' },
    { title: 'cli.sandbox.col.opportunity', value: r => `${r.customer}/${r.opportunity}`, max: 32 },
    { title: 'cli.sandbox.col.name', value: r => r.name, max: 36 },
    { title: 'cli.sandbox.col.stage', value: r => r.stage },
    { title: 'cli.sandbox.col.horizon', value: r => r.horizon ?? '—' },
    { title: 'cli.sandbox.col.space', value: r => number(r.space), align: 'right' },
    { title: 'cli.sandbox.col.growth', value: r => number(r.growth), align: 'right' },
    { title: 'cli.sandbox.col.profit', value: r => number(r.profit), align: 'right' },
    { title: 'cli.sandbox.col.competition', value: r => number(r.competition), align: 'right' },
    { title: 'cli.sandbox.col.score', value: r => number(r.score), align: 'right' },
    { title: 'cli.sandbox.col.amount', value: r => r.amount ? moneyText(r.amount.value, r.amount.currency) : '—', align: 'right' },
];

function sandboxText(rows: readonly SandboxRow[], top: number | undefined, texts: Texts): string {
    if (rows.length === 0) return texts.t('cli.sandbox.none') + '\n';
    const titled = columns.map(c => ({ ...c, title: c.title === '#' ? '#' : texts.t(c.title) }));
    const [header, ...lines] = textTable(rows, titled);
    const scored = rows.filter(r => r.score !== null).length;
    // The unscored come last in the ranking: a rule sets them apart.
    const body = lines.flatMap((line, i) => i === scored && scored > 0 ? [texts.t('cli.sandbox.unscoredRule'), line] : [line]);
    const picks = rows.filter(r => r.pick).length;
    const summary = texts.t('cli.sandbox.summary', {
        count: rows.length, scored, unscored: rows.length - scored,
        picks: top !== undefined ? texts.t('cli.sandbox.picks', { picks, top }) : texts.t('cli.sandbox.noPicks'),
    });
    return [header, ...body, summary].join('\n') + '\n';
}

function sandboxCsv(rows: readonly SandboxRow[]): string {
    return stringify(rows.map(r => [
        r.rank, r.customer, r.opportunity, r.name, r.stage, r.horizon, r.space, r.growth, r.profit, r.competition, r.score,
        r.amount?.value ?? null, r.amount?.currency ?? null, r.pick,
    ]), {
        header: true,
        columns: ['rank', 'customer', 'opportunity', 'name', 'stage', 'horizon', 'space', 'growth', 'profit', 'competition', 'score', 'amount', 'currency', 'pick'],
        cast: { boolean: value => String(value) },
    });
}
