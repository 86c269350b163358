/**
 * `acct export`: the JSON document of the workspace (contract sections 4 and 6.4), or one table
 * of it as CSV; either redacted for sharing outside the team.
 */
import { Command, Option } from 'commander';
import { serializePlan } from '../../plan/plan-json.js';
import { checkTarget } from '../../files/safe-write.js';
import { load, refuseOnErrors, UsageError, withPathsAndToday, writeOutput, type SetExit } from '../common.js';
import { redactPlan, type RedactionSubjects } from '../redact.js';
import { messageRedaction } from '../redact-messages.js';
import { table, TABLES, type TableName } from '../tables.js';
import { toCsv } from '../formats/csv.js';
import { markingTexts, type Texts } from '../../method/index.js';

interface ExportOptions {
    output?: string;
    today?: string;
    format: 'json' | 'csv';
    table?: TableName;
    bom?: boolean;
    redact?: boolean;
}

export function exportCommand(setExit: SetExit, texts: Texts): Command {
    return withPathsAndToday(new Command('export').description(texts.t('help.export')), texts)
        .option('-o, --output <file>', texts.t('help.export.output'))
        .addOption(new Option('--format <format>', texts.t('help.export.format')).choices(['json', 'csv']).default('json'))
        .addOption(new Option('--table <name>', texts.t('help.export.table')).choices([...TABLES]))
        .option('--bom', texts.t('help.export.bom'))
        .option('--redact', texts.t('help.export.redact'))
        .addHelpText('after', texts.t('help.export.after', { tables: TABLES.join(', ') }))
        .action(async (paths: string[], options: ExportOptions) => setExit(await exportPlan(paths, options, texts)));
}

async function exportPlan(paths: string[], options: ExportOptions, texts: Texts): Promise<number> {
    if (options.format === 'csv' && !options.table) throw new UsageError(texts.t('cli.export.needsTable', { tables: TABLES.join(', ') }));
    if (options.format !== 'csv' && options.table) throw new UsageError(texts.t('cli.export.tableNeedsCsv'));
    if (options.format !== 'csv' && options.bom) throw new UsageError(texts.t('cli.export.bomNeedsCsv'));
    const what = options.format === 'csv' ? texts.t('write.what.table', { table: options.table! }) : texts.t('write.what.json');
    if (options.output) checkTarget(options.output, what);
    // with --redact, the checks keep how each message was made: its arguments are redacted, not its
    // wording; and a message is said only in the form asked for (direct), redacted in the document
    const marking = options.redact ? markingTexts(texts, { direct: true }) : undefined;
    const workspace = await load(paths, options.today, texts, marking);
    let plan = workspace.plan();
    // The findings table is the check's report as a table: written whatever the plan holds, errors
    // included, with the check's exit status (as `acct check --format sarif -o FILE`).
    const findingsTable = options.format === 'csv' && options.table === 'findings';
    const errors = plan.diagnostics.some(d => d.severity === 'error');
    // a refusal shows the errors as the check does: their messages said plainly (a few findings)
    const shown = errors && marking ? plan.diagnostics.map(d => (d.severity === 'error' ? { ...d, message: marking.plain(d.message) } : d)) : plan.diagnostics;
    if (!findingsTable && refuseOnErrors(shown, texts.t('cli.refused.export'), texts)) return 1;
    const located = workspace.located();
    let subjects: RedactionSubjects = { diagnostics: located.diagnostics.map(f => f.about), waived: located.waived.map(f => f.about) };
    // the plan is not read again: redacted where it stands, no second plan kept alive while it is written
    if (marking) ({ plan, subjects } = redactPlan(plan, subjects, messageRedaction(marking, texts), { inPlace: true }));
    const text =
        options.format === 'csv'
            ? (({ header, rows }) => toCsv(header, rows, { bom: options.bom }))(table(options.table!, plan, subjects, { redacted: options.redact }))
            : serializePlan(plan);
    await writeOutput(options.output, text, '-o', what, texts);
    return findingsTable && errors ? 1 : 0;
}
