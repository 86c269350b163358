/**
 * Which files and folders under a searched folder are part of the workspace (contract 7.5): a
 * folder may hold an `.acctignore` file with the patterns of `.gitignore`, read by the `ignore`
 * package (the matcher of eslint and globby), never by a hand-written one. Patterns are relative
 * to the folder of their `.acctignore`; a deeper file may re-include what a shallower one
 * excluded (`!pattern`), as in git. An excluded folder is not entered. Pure: the CLI
 * (node/plan-files.ts) and the editor's workspace (acct-workspace-manager.ts) read the folders
 * their own way and ask the same rules, so that they see the same workspace.
 */
import ignore, { type Ignore } from 'ignore';

/** The name of the file that holds the patterns. */
export const ACCT_IGNORE_FILE = '.acctignore';

/** Folders a search for plans never enters: dependencies and dot-folders (.git, .vscode-test, …). */
export function isSkippedFolder(name: string): boolean {
    return name === 'node_modules' || name.startsWith('.');
}

interface Layer {
    /** The folder of the `.acctignore`, relative to the searched folder, with `/` and no trailing `/` ('' for the root). */
    base: string;
    rules: Ignore;
}

/** The `.acctignore` files in force in one folder of a search: its own and those of the folders above it, up to the searched one. */
export class AcctIgnore {
    private constructor(private readonly layers: readonly Layer[]) {}

    /** At the searched folder, before its own `.acctignore` is read. */
    static none(): AcctIgnore {
        return new AcctIgnore([]);
    }

    /**
     * The rules inside the folder at `base` (relative to the searched folder, `/`-separated, ''
     * for the root), given the text of its `.acctignore` (undefined when it has none).
     */
    inFolder(base: string, text: string | undefined): AcctIgnore {
        if (text === undefined || text.trim() === '') return this;
        return new AcctIgnore([...this.layers, { base: trimSlashes(base), rules: ignore().add(text.replace(/^\uFEFF/, '')) }]);
    }

    /** Whether the entry at `relative` (to the searched folder, `/`-separated) is left out of the workspace. */
    ignores(relative: string, isFolder: boolean): boolean {
        let ignored = false;
        const path = trimSlashes(relative);
        for (const { base, rules } of this.layers) {
            if (base !== '' && !path.startsWith(base + '/')) continue;
            const inside = base === '' ? path : path.slice(base.length + 1);
            if (inside === '') continue;
            const result = rules.test(isFolder ? inside + '/' : inside);
            if (result.ignored) ignored = true;
            else if (result.unignored) ignored = false;
        }
        return ignored;
    }
}

function trimSlashes(path: string): string {
    return path
        .replace(/\\/g, '/')
        .replace(/^\.\/?/, '')
        .replace(/^\/+|\/+$/g, '');
}

/**
 * The files of a listing that the `.acctignore` files of the listing keep (for a folder read
 * from another source than the disk, such as a git commit): `files` and the keys of `ignoreTexts`
 * (the folders holding an `.acctignore`, '' for the searched folder) are relative to the searched
 * folder, `/`-separated.
 */
export function keptFiles(files: readonly string[], ignoreTexts: ReadonlyMap<string, string>): string[] {
    const inFolder = new Map<string, AcctIgnore>();
    const rulesOf = (folder: string): AcctIgnore => {
        let rules = inFolder.get(folder);
        if (!rules) {
            const parent = folder === '' ? undefined : folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '';
            rules = (parent === undefined ? AcctIgnore.none() : rulesOf(parent)).inFolder(folder, ignoreTexts.get(folder));
            inFolder.set(folder, rules);
        }
        return rules;
    };
    return files.filter(file => {
        const parts = trimSlashes(file).split('/');
        // Each folder on the way must be kept by the rules above it, then the file by its folder's.
        for (let i = 1; i < parts.length; i++) {
            const folder = parts.slice(0, i).join('/');
            const parent = parts.slice(0, i - 1).join('/');
            if (rulesOf(parent).ignores(folder, true)) return false;
        }
        return !rulesOf(parts.slice(0, -1).join('/')).ignores(parts.join('/'), false);
    });
}

/** Whether `name` (a path with `/`) is an `.acctignore` file. */
export function isAcctIgnoreFile(name: string): boolean {
    return name === ACCT_IGNORE_FILE || name.endsWith('/' + ACCT_IGNORE_FILE);
}

/** The folder of an `.acctignore` file named `name` ('' for the root). */
export function ignoreFileFolder(name: string): string {
    return name.slice(0, -ACCT_IGNORE_FILE.length).replace(/\/$/, '');
}

/**
 * The plan files of a listing that a search of `searched` reads (a commit read by `acct diff` or
 * `acct history`): each searched folder applies the `.acctignore` files inside it, not those
 * above it; a searched path that is a plan file is always read. All paths are relative to one
 * root, `/`-separated, `.` for the root; `ignoreTexts` by the folder holding the file ('' for the root).
 */
export function keptInSearches(searched: readonly string[], plans: ReadonlySet<string>, ignoreTexts: ReadonlyMap<string, string>): Set<string> {
    const kept = new Set<string>();
    for (const spec of searched) {
        if (plans.has(spec)) {
            kept.add(spec);
            continue;
        }
        const base = spec === '.' ? '' : spec.replace(/\/+$/, '');
        const under = [...plans].filter(name => base === '' || name.startsWith(base + '/'));
        const inside = (name: string) => (base === '' ? name : name.slice(base.length + 1));
        const texts = new Map(
            [...ignoreTexts]
                .filter(([folder]) => base === '' || folder === base || folder.startsWith(base + '/'))
                .map(([folder, text]) => [folder === base ? '' : inside(folder), text]),
        );
        for (const name of keptFiles(under.map(inside), texts)) kept.add(base === '' ? name : `${base}/${name}`);
    }
    return kept;
}
