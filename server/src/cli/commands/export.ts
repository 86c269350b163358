/** `acct export`: the JSON document of the workspace (contract sections 4 and 6.4). */
import { Command } from 'commander';
import { serializePlan } from '../../plan/plan-json.js';
import { checkTarget } from '../../files/safe-write.js';
import { load, refuseOnErrors, withPathsAndToday, writeOutput, type SetExit } from '../common.js';

interface ExportOptions {
    output?: string;
    today?: string;
}

export function exportCommand(setExit: SetExit): Command {
    return withPathsAndToday(new Command('export')
        .description('Write the plan as one JSON document (format acct-plan, version 1).'))
        .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
        .action(async (paths: string[], options: ExportOptions) => setExit(await exportPlan(paths, options)));
}

async function exportPlan(paths: string[], options: ExportOptions): Promise<number> {
    if (options.output) checkTarget(options.output, 'the JSON export');
    const workspace = await load(paths, options.today);
    const plan = workspace.plan();
    if (refuseOnErrors(plan.diagnostics, 'nothing exported')) return 1;
    await writeOutput(options.output, serializePlan(plan), '-o', 'the JSON export');
    return 0;
}
