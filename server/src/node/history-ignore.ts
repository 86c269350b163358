/**
 * The `.acctignore` files of each commit applied to the history (contract 7.5 and 7.6): each
 * commit's side is the workspace `acct diff` reads at that commit, so a file an `.acctignore`
 * leaves out is no part of it. The log is rewritten, before the history engine reads it, into the
 * changes of the files the workspace holds: a file that a changed `.acctignore` takes out is
 * deleted there, one it lets in is added, and a file changed while left out is no change at all.
 * The engine (history-engine.ts) then steps from workspace to workspace as it always does.
 * Without any `.acctignore` in the range, the log is given back as it is: nothing to pay.
 */
import { ignoreFileFolder, isAcctIgnoreFile, keptInSearches } from '../language/workspace/acct-ignore.js';
import { blobText } from './commit-plans.js';
import type { CommitRecord, FileChange } from './git-history.js';

export interface IgnoredHistory {
    /** The plan files of the tree the range starts from that its workspace holds: path → blob. */
    initial: Map<string, string>;
    log: CommitRecord[];
}

/**
 * `tree`: every file under `searched` at the start of the range (path → blob); `log`: the commits
 * after it. `isPlan` says which names are plan files; `readTexts` reads `.acctignore` blobs by id.
 */
export async function applyIgnores(
    searched: readonly string[],
    tree: ReadonlyMap<string, string>,
    log: readonly CommitRecord[],
    isPlan: (name: string) => boolean,
    readTexts: (ids: readonly string[]) => Promise<Map<string, Buffer>>,
): Promise<IgnoredHistory> {
    const plans = new Map([...tree].filter(([name]) => isPlan(name)));
    const ignores = new Map([...tree].filter(([name]) => isAcctIgnoreFile(name)));
    const ignoreBlobs = new Set(ignores.values());
    for (const record of log) for (const f of record.files) if (f.blob && isAcctIgnoreFile(f.to ?? f.path)) ignoreBlobs.add(f.blob);
    if (ignoreBlobs.size === 0) return { initial: plans, log: [...log] };
    const bytes = await readTexts([...ignoreBlobs]);
    const texts = new Map([...ignoreBlobs].map(id => [id, blobText(bytes.get(id))]));
    // which plans the rules keep is asked again only when a rule or the set of names changed, not for a changed content
    let kept = new Set<string>();
    let stale = true;
    const workspace = () => {
        if (stale) {
            const rules = new Map([...ignores].map(([name, blob]) => [ignoreFileFolder(name), texts.get(blob)!]));
            kept = keptInSearches(searched, new Set(plans.keys()), rules);
            stale = false;
        }
        return new Map([...plans].filter(([name]) => kept.has(name)));
    };
    const initial = workspace();
    let before = initial;
    const rewritten = log.map(record => {
        for (const change of record.files) {
            const to = change.to ?? change.path;
            if (change.status === 'R' || change.status === 'D' || change.blob === null) {
                stale = plans.delete(change.path) || ignores.delete(change.path) || stale;
            }
            if (change.status === 'D' || change.blob === null) continue;
            const files = isPlan(to) ? plans : isAcctIgnoreFile(to) ? ignores : undefined;
            if (!files) continue;
            stale ||= files === ignores || !files.has(to);
            files.set(to, change.blob);
        }
        const after = workspace();
        const files = changesBetween(before, after, record.files);
        before = after;
        return { ...record, files };
    });
    return { initial, log: rewritten };
}

/** The changes that take the workspace `was` to `is` (path → blob); a rename in `original` inside the workspace stays one (acct diff follows it). */
function changesBetween(was: ReadonlyMap<string, string>, is: ReadonlyMap<string, string>, original: readonly FileChange[]): FileChange[] {
    const changes: FileChange[] = [];
    const done = new Set<string>();
    for (const change of original) {
        if (change.status === 'R' && was.has(change.path) && !is.has(change.path) && is.get(change.to!) === change.blob) {
            changes.push(change);
            done.add(change.path).add(change.to!);
        }
    }
    for (const name of was.keys()) if (!is.has(name) && !done.has(name)) changes.push({ status: 'D', path: name, blob: null });
    for (const [name, blob] of is) {
        if (done.has(name) || was.get(name) === blob) continue;
        changes.push({ status: was.has(name) ? 'M' : 'A', path: name, blob });
    }
    return changes;
}
