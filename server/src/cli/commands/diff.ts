/**
 * `acct diff` (contract 6.5): what moved in the plan between two git revisions, or a revision
 * and the files on disk — elements added, removed and changed, findings new and resolved — as
 * text, JSON or a markdown pull-request comment. `--fail-on-new` gates CI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { URI } from 'langium';
import { diffPlans, worsened, type PlanDiff } from '../../contract/plan-diff.js';
import { formatDiffMarkdown, formatDiffText } from '../../contract/diff-report.js';
import { message, severityRank, resolveToday, type Severity, type Texts } from '../../method/index.js';
import { loadTexts, loadTextsThen, loadWorkspace, type LoadedWorkspace } from '../../node/workspace-loader.js';
import { existsAt, GitError, isRevision, pathInTree, plansAt, plansAtBoth, renames, resolveRevision, workTree, type GitWorkTree } from '../../node/git.js';
import { relativePath } from '../../language/workspace/file-places.js';
import type { AcctPlanDocument } from '../../contract/plan-types.js';
import { hintDeclaredElsewhere, withPathsAndToday, type SetExit } from '../common.js';
import { writePieces, writeTextStdout } from '../output.js';
import { jsonDocumentPieces } from '../formats/json-pieces.js';
import { findingJson } from '../format.js';

interface DiffOptions {
    from: string;
    to?: string;
    format: 'text' | 'json' | 'markdown';
    today?: string;
    failOnNew?: 'warning' | 'error';
}

export function diffCommand(setExit: SetExit, texts: Texts): Command {
    return withPathsAndToday(new Command('diff').description(texts.t('help.diff')), texts)
        .option('--from <rev>', texts.t('help.diff.from'), 'HEAD')
        .option('--to <rev>', texts.t('help.diff.to'))
        .addOption(new Option('--format <format>', texts.t('help.outputFormat')).choices(['text', 'json', 'markdown']).default('text'))
        .addOption(new Option('--fail-on-new <severity>', texts.t('help.diff.failOnNew')).choices(['warning', 'error']))
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
    // a path outside the work tree is a usage error before anything is read from disk
    for (const file of paths) pathInTree(tree, file, cwd);
    // On disk, a path that no longer exists or holds no plan is an empty side: everything was removed.
    let report: PlanDiff;
    let after: LoadedWorkspace | undefined;
    if (to) {
        // two revisions: one workspace, the files that differ checked again (each distinct content checked once)
        const [first, then] = await plansAtBoth(tree, [from, to], paths, cwd);
        // (renamed files are asked for before the check: git is started from a small process; a
        // plan renamed or moved is gone from its old path, so with every plan still there git is not asked)
        const stay = new Set(then.map(plan => plan.file));
        const moved = first.every(plan => stay.has(plan.file)) ? new Map<string, string>() : await renames(tree, from, to);
        // the elements of the files that did not change are the same on both sides: not converted
        const { before, after: later, byFile } = (await loadTextsThen(first, then, load)).compared();
        report = diffOf(moved, [options.from, from], [options.to!, to], before, later, load, byFile);
    } else {
        after = await loadWorkspace(paths, { ...load, missingIsEmpty: true });
        ({ diff: report } = await diffWith(tree, paths, [options.from, from], undefined, after.plan(), load));
    }
    await (options.format === 'json'
        ? // the new findings (every line of a plan full of mistakes) written in pieces, the same bytes as JSON.stringify
          writePieces(diffJsonPieces(report))
        : writeTextStdout(options.format === 'markdown' ? formatDiffMarkdown(report, texts) : formatDiffText(report, texts)));
    // the files on disk (or at --to): where the unknown members and competitors of the plans compared are declared
    if (after) await hintDeclaredElsewhere('diff', after.documents, texts, cwd);
    const gate = options.failOnNew;
    const atLeast = (severity: string) => severityRank[severity as Severity] <= severityRank[gate!];
    return gate && (report.newFindings.some(d => atLeast(d.severity)) || report.changedFindings.some(c => worsened(c) && atLeast(c.to.severity))) ? 1 : 0;
}

/** Where a side of the diff is read from, and in which language its findings speak. */
export interface DiffLoad {
    today: string;
    cwd: string;
    locale: Texts['locale'];
}

/**
 * The diff from `from` (as named, and its commit) to the plan `after` (of the revision `to`, or
 * of the files on disk without it), and the plan at `from`: `acct diff` and `acct report --since`.
 */
export async function diffWith(
    tree: GitWorkTree,
    paths: string[],
    from: [string, string],
    to: [string, string] | undefined,
    after: AcctPlanDocument,
    load: DiffLoad,
): Promise<{ diff: PlanDiff; before: AcctPlanDocument }> {
    const before = (await loadTexts(await plansAt(tree, from[1], paths, load.cwd), load)).plan();
    return { diff: diffOf(await renames(tree, from[1], to?.[1]), from, to, before, after, load), before };
}

/** The diff of two plans of the revisions (or the files on disk, `to` undefined), renamed files followed (`renamed`: absolute paths, as `renames` gives them). */
function diffOf(
    renamed: ReadonlyMap<string, string>,
    from: [string, string],
    to: [string, string] | undefined,
    before: AcctPlanDocument,
    after: AcctPlanDocument,
    load: DiffLoad,
    byFile?: Parameters<typeof diffPlans>[4],
): PlanDiff {
    const relative = (file: string) => relativePath(URI.file(file), URI.file(load.cwd));
    const moved = new Map([...renamed].map(([was, is]) => [relative(was), relative(is)]));
    return diffPlans(before, after, { from: from[0], to: to?.[0] ?? null }, moved, byFile);
}

/**
 * A path may be missing on one side (a plan deleted or added since), but a path on neither side
 * is a mistake — often a revision given where a path goes (`acct diff main`): say so, exit 2.
 */
export async function everyPathSomewhere(
    tree: GitWorkTree,
    paths: string[],
    from: [string, string],
    to: [string, string] | undefined,
    cwd: string,
): Promise<void> {
    for (const file of paths) {
        const onTo = to ? await existsAt(tree, to[1], file, cwd) : fs.existsSync(path.resolve(cwd, file));
        if (onTo || (await existsAt(tree, from[1], file, cwd))) continue;
        if (await isRevision(tree, file)) throw new GitError(message('git.pathIsRevision', { path: file }));
        throw new GitError(
            to ? message('git.pathNowhereBetween', { path: file, from: from[0], to: to[0] }) : message('git.pathNowhere', { path: file, from: from[0] }),
        );
    }
}

/** `JSON.stringify(report, null, 2)` and a line feed, in pieces. */
function* diffJsonPieces(report: PlanDiff): Generator<string> {
    yield* jsonDocumentPieces(report, ['newFindings'], report.newFindings, undefined, findingJson());
    yield '\n';
}
