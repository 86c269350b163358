/**
 * `acct diff` (contract 6.5): what moved in the plan between two git revisions, or a revision
 * and the files on disk — elements added, removed and changed, findings new and resolved — as
 * text, JSON or a markdown pull-request comment. `--fail-on-new` gates CI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { URI } from 'langium';
import { diffPlans, type PlanDiff } from '../../contract/plan-diff.js';
import { formatDiffMarkdown, formatDiffText } from '../../contract/diff-report.js';
import { message, severityRank, resolveToday, type Severity, type Texts } from '../../method/index.js';
import { loadTexts, loadWorkspace } from '../../node/workspace-loader.js';
import { existsAt, GitError, isRevision, plansAt, renames, resolveRevision, workTree, type GitWorkTree } from '../../node/git.js';
import { relativePath } from '../../language/file-places.js';
import { withPathsAndToday, type SetExit } from '../common.js';
import { writeStdout, writeTextStdout } from '../output.js';

interface DiffOptions {
    from: string;
    to?: string;
    format: 'text' | 'json' | 'markdown';
    today?: string;
    failOnNew?: 'warning' | 'error';
}

export function diffCommand(setExit: SetExit, texts: Texts): Command {
    return withPathsAndToday(new Command('diff')
        .description('Show what changed in the plan between two git revisions (or a revision and the files on disk).'), texts)
        .option('--from <rev>', 'the earlier revision', 'HEAD')
        .option('--to <rev>', 'the later revision (default: the files on disk)')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
        .addOption(new Option('--fail-on-new <severity>', 'exit 1 when a new finding has this severity or worse').choices(['warning', 'error']))
        .action(async (paths: string[], options: DiffOptions) => setExit(await diff(paths, options, texts)));
}

async function diff(paths: string[], options: DiffOptions, texts: Texts): Promise<number> {
    const cwd = process.cwd();
    const today = resolveToday(options.today, process.env.ACCT_TODAY);
    const tree = await workTree(cwd);
    const from = await resolveRevision(tree, options.from);
    const to = options.to === undefined ? undefined : await resolveRevision(tree, options.to);
    await everyPathSomewhere(tree, paths, [options.from, from], options.to === undefined ? undefined : [options.to, to!], cwd);
    const load = { today, cwd, locale: texts.locale };
    const before = await loadTexts(await plansAt(tree, from, paths, cwd), load);
    // On disk, a path that no longer exists or holds no plan is an empty side: everything was removed.
    const after = to ? await loadTexts(await plansAt(tree, to, paths, cwd), load) : await loadWorkspace(paths, { ...load, missingIsEmpty: true });
    const relative = (file: string) => relativePath(URI.file(file), URI.file(cwd));
    const moved = new Map([...await renames(tree, from, to)].map(([was, is]) => [relative(was), relative(is)]));
    const report: PlanDiff = diffPlans(before.plan(), after.plan(), { from: options.from, to: options.to ?? null }, moved);
    await (options.format === 'json' ? writeStdout(JSON.stringify(report, null, 2) + '\n')
        : writeTextStdout(options.format === 'markdown' ? formatDiffMarkdown(report, texts) : formatDiffText(report, texts)));
    const gate = options.failOnNew;
    return gate && report.newFindings.some(d => severityRank[d.severity as Severity] <= severityRank[gate]) ? 1 : 0;
}

/**
 * A path may be missing on one side (a plan deleted or added since), but a path on neither side
 * is a mistake — often a revision given where a path goes (`acct diff main`): say so, exit 2.
 */
async function everyPathSomewhere(tree: GitWorkTree, paths: string[], from: [string, string], to: [string, string] | undefined, cwd: string): Promise<void> {
    for (const file of paths) {
        const onTo = to ? await existsAt(tree, to[1], file, cwd) : fs.existsSync(path.resolve(cwd, file));
        if (onTo || await existsAt(tree, from[1], file, cwd)) continue;
        if (await isRevision(tree, file)) throw new GitError(message('git.pathIsRevision', { path: file }));
        throw new GitError(to ? message('git.pathNowhereBetween', { path: file, from: from[0], to: to[0] }) : message('git.pathNowhere', { path: file, from: from[0] }));
    }
}
