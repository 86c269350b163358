/**
 * The plan over time (contract 7.6): the workspace of `.acct` files under the given paths at
 * each commit of the first-parent history, checked with that commit's date as today, compared
 * with the commit before it as `acct diff` compares two revisions.
 *
 * The cost grows with what changed, not with commits × files (issue 20 item 4): git is read in
 * bulk (git-history.ts); one set of language services holds the workspace from commit to
 * commit, and each commit's changed files are updated in it, so that only they are parsed and
 * only what depends on them is linked and checked again (the incremental document builder); when
 * today moves to another day, the untouched files whose findings the move can change are validated
 * again too (checks/date-driven.ts), not parsed again. Each distinct content (git
 * blob) is parsed once per run: a parse is kept by blob id and given back when the same content
 * comes back (a revert, a rename, a file moved back).
 *
 * For `acct history` and `acct report --since` (per key person, their support over time: read
 * `plan` of each commit). Reads git; never writes.
 */
import * as path from 'node:path';
import { StageAges } from '../contract/stage-age.js';
import { isDate, message } from '../method/index.js';
import { isSkippedFolder } from './plan-files.js';
import { GitError, resolveRevision, workTree } from './git.js';
import { commitDate, firstParentLog, isShallow, treeAt } from './git-history.js';
import { BlobReader } from './blob-reader.js';
import { applyIgnores } from './history-ignore.js';
import { HistoryEngine, type HistoryOptions, type PlanHistory } from './history-engine.js';

export type { HistoryOptions, PlanCommit, PlanHistory } from './history-engine.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the history of the plans under `paths` (relative to `options.cwd`). Errors (no git, not a
 * work tree, an unknown revision, a revision beginning with `-`, a bad date) are `GitError`s.
 */
export async function readPlanHistory(paths: readonly string[], options: HistoryOptions = {}): Promise<PlanHistory> {
    const cwd = options.cwd ?? process.cwd();
    const tree = await workTree(cwd);
    const until = await resolveRevision(tree, options.until ?? 'HEAD');
    const specs = (paths.length ? paths : ['.']).map(p => path.relative(tree.root, path.resolve(cwd, p)) || '.');
    let since: { date: string } | { commit: string } | null = null;
    if (options.since !== undefined) {
        if (DATE.test(options.since)) {
            if (!isDate(options.since)) throw new GitError(message('history.badDate', { date: options.since }));
            since = { date: options.since };
        } else {
            since = { commit: await resolveRevision(tree, options.since) };
        }
    }
    let log = await firstParentLog(tree, until, since && 'commit' in since ? since.commit : null, specs);
    const commitsRead = log.length;
    // a date: the commits on or after it (by committer date, UTC)
    if (since && 'date' in since) {
        const first = log.findIndex(c => c.date.slice(0, 10) >= (since as { date: string }).date);
        log = first < 0 ? [] : log.slice(first);
    }
    const shallow = await isShallow(tree);
    const start = log[0]?.parent ?? (since && 'commit' in since && log.length === 0 ? null : null);
    const isPlan = (name: string) =>
        name.endsWith('.acct') &&
        name
            .split('/')
            .slice(0, -1)
            .every(folder => !isSkippedFolder(folder));
    // each side is the workspace acct diff reads: the .acctignore files of the commit applied (contract 7.5)
    // one git process reads every blob of the run (blob-reader.ts): ended once the engine read its last one
    const blobs = new BlobReader(tree);
    let engine: HistoryEngine;
    let blobIds: string[];
    try {
        const ignored = await applyIgnores(specs, start ? await treeAt(tree, start, specs) : new Map(), log, isPlan, ids => blobs.read(ids));
        const initial = ignored.initial;
        log = ignored.log;
        engine = new HistoryEngine(tree, cwd, options, initial, start ? await commitDate(tree, start) : null);
        blobIds = [...initial.values(), ...log.flatMap(c => c.files.filter(f => f.blob && isPlan(f.to ?? f.path)).map(f => f.blob!))];
        for (const blob of blobIds) engine.remaining.set(blob, (engine.remaining.get(blob) ?? 0) + 1);
        // the first tree now; the commits' blobs in batches as the reading comes to them (history-engine.ts)
        engine.blobReader = blobs;
        engine.blobs = await blobs.read([...initial.values()]);
    } catch (error) {
        blobs.close();
        throw error;
    }
    return {
        shallow,
        ...(shallow && log.length ? { boundary: log.find(c => c.parent === null)?.commit ?? log[0]!.commit } : {}),
        commits: engine.run(log, isPlan),
        stats: engine.stats(new Set(blobIds).size, commitsRead),
    };
}

/**
 * Each open opportunity's stage and since when it has held it, from the history of `HEAD` (for
 * `acct sandbox --stage-age` and the views): a stage the last commit does not hold (an edit not
 * committed yet) has no age.
 */
export async function stageAges(paths: readonly string[], options: Pick<HistoryOptions, 'cwd' | 'locale'> = {}): Promise<StageAges> {
    const ages = new StageAges();
    const history = await readPlanHistory(paths, options);
    for await (const commit of history.commits) ages.add(commit.plan, commit.date);
    return ages;
}
