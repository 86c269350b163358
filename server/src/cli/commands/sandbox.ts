/**
 * `acct sandbox` (contract 6.5): the strategic sandbox — every open opportunity ranked by its
 * score (market space, growth, profit, 6 − competitive intensity), the first N marked as the
 * picks the company puts its best resources on.
 */
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { sandboxRanking, type SandboxRow } from '../../contract/sandbox.js';
import { load, parseCount, refuseOnErrors, withPathsAndToday, type SetExit } from '../common.js';
import { writeStdout } from '../output.js';
import { textTable, type Column } from '../formats/table.js';
import { moneyText } from '../../method/index.js';

interface SandboxOptions {
    top?: number;
    format: 'text' | 'json' | 'csv';
    today?: string;
}

export function sandboxCommand(setExit: SetExit): Command {
    return withPathsAndToday(new Command('sandbox')
        .description('Rank every open opportunity by its strategic sandbox score; mark the first N as the picks.'))
        .option('--top <n>', 'mark the first N opportunities as the picks', parseCount)
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
        .action(async (paths: string[], options: SandboxOptions) => setExit(await sandbox(paths, options)));
}

async function sandbox(paths: string[], options: SandboxOptions): Promise<number> {
    const workspace = await load(paths, options.today);
    const plan = workspace.plan();
    if (refuseOnErrors(plan.diagnostics, 'no sandbox')) return 1;
    const rows = sandboxRanking(plan, options.top);
    await writeStdout(options.format === 'json' ? JSON.stringify(rows, null, 2) + '\n'
        : options.format === 'csv' ? sandboxCsv(rows)
        : sandboxText(rows, options.top));
    return 0;
}

const number = (value: number | null) => value === null ? '—' : String(value);

const columns: readonly Column<SandboxRow>[] = [
    { title: '#', value: r => String(r.rank), align: 'right' },
    { title: 'pick', value: r => r.pick ? '★' : '' },
    { title: 'opportunity', value: r => `${r.customer}/${r.opportunity}`, max: 32 },
    { title: 'name', value: r => r.name, max: 36 },
    { title: 'stage', value: r => r.stage },
    { title: 'horizon', value: r => r.horizon ?? '—' },
    { title: 'space', value: r => number(r.space), align: 'right' },
    { title: 'growth', value: r => number(r.growth), align: 'right' },
    { title: 'profit', value: r => number(r.profit), align: 'right' },
    { title: 'competition', value: r => number(r.competition), align: 'right' },
    { title: 'score', value: r => number(r.score), align: 'right' },
    { title: 'amount', value: r => r.amount ? moneyText(r.amount.value, r.amount.currency) : '—', align: 'right' },
];

function sandboxText(rows: readonly SandboxRow[], top: number | undefined): string {
    if (rows.length === 0) return 'No open opportunity (stage lead, opportunity or bid) in the workspace.\n';
    const [header, ...lines] = textTable(rows, columns);
    const scored = rows.filter(r => r.score !== null).length;
    // The unscored come last in the ranking: a rule sets them apart.
    const body = lines.flatMap((line, i) => i === scored && scored > 0 ? ['— not scored: give space, growth, profit and competition —', line] : [line]);
    const picks = rows.filter(r => r.pick).length;
    const summary = `${rows.length} open opportunit${rows.length === 1 ? 'y' : 'ies'}: ${scored} scored, ${rows.length - scored} not scored`
        + (top !== undefined ? `; ${picks} pick${picks === 1 ? '' : 's'} (★, --top ${top})` : '; --top N marks the picks') + '.';
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
