/**
 * When some of a repository's plans are checked alone (`acct check cmgd.acct`), the members and
 * competitors they name are declared in another file (`team.acct`) and every use is an unknown
 * id. This finds, for the unknown members and competitors of a loaded workspace, the plans
 * nearby that declare them, so that the CLI can say where they are: the `.acct` files under the
 * repository of the plans checked (the folder holding `.git`), else under the current folder when
 * it holds them, else beside them — never reading more than MAX_FILES files. It reads only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { IssueCodes } from '../method/index.js';
import { findAcctFiles, readPlanText } from './plan-files.js';

/** Files read at most to look for the declarations: a hint must stay cheap. */
const MAX_FILES = 2000;

/** References whose target is global to the workspace: members and competitors. */
const GLOBAL_PROPERTIES = new Set(['owner', 'ar', 'sr', 'fr', 'competitors', 'competitor']);

export interface Declared {
    /** The plan that declares them, absolute. */
    file: string;
    /** The unknown ids it declares, in the order first used. */
    ids: string[];
}

/** The unknown member and competitor ids of the documents, in the order first used. */
export function unknownGlobalIds(documents: readonly LangiumDocument[]): string[] {
    const ids = new Set<string>();
    for (const document of documents) {
        for (const diagnostic of document.diagnostics ?? []) {
            const data = diagnostic.data as { code?: string; property?: string; refText?: string } | undefined;
            if (data?.code === IssueCodes.UnresolvedReference && data.refText && GLOBAL_PROPERTIES.has(data.property ?? '')) ids.add(data.refText);
        }
    }
    return [...ids];
}

/** The folder whose plans belong with `file`'s: the repository's top, else `cwd` when it holds the file, else the file's folder. */
export function planRoot(file: string, cwd: string): string {
    for (let folder = path.dirname(file); ; folder = path.dirname(folder)) {
        if (fs.existsSync(path.join(folder, '.git'))) return folder;
        if (path.dirname(folder) === folder) break;
    }
    const relative = path.relative(cwd, file);
    return !relative.startsWith('..') && !path.isAbsolute(relative) ? cwd : path.dirname(file);
}

/**
 * The plans not loaded that declare the unknown `ids` as a member or a competitor, with the folder
 * that holds them and the plans checked: the nearest such folder, from the plans' own folder up to
 * their root (planRoot).
 */
export async function declaredNearby(loaded: readonly string[], ids: readonly string[], cwd: string): Promise<{ folder: string; found: Declared[] }> {
    if (ids.length === 0 || loaded.length === 0) return { folder: cwd, found: [] };
    const wanted = new Set(ids);
    const skip = new Set(loaded.map(file => path.resolve(file)));
    const first = path.resolve(loaded[0]!);
    const top = planRoot(first, cwd);
    const seen = new Set<string>();
    let read = 0;
    for (let folder = path.dirname(first); ; folder = path.dirname(folder)) {
        const files = (await findAcctFiles([folder], cwd, { missingIsEmpty: true }).catch(() => [] as string[])).filter(
            file => !skip.has(file) && !seen.has(file),
        );
        const found: Declared[] = [];
        for (const file of files) {
            seen.add(file);
            if (read++ >= MAX_FILES) return { folder, found };
            const text = await readPlanText(file, file).catch(() => undefined);
            if (text === undefined) continue;
            const declared = new Set<string>();
            for (const match of text.matchAll(/(?:^|[\s}])(?:member|competitor)\s+([^\s"{}/]+)/gu)) {
                if (wanted.has(match[1]!)) declared.add(match[1]!);
            }
            if (declared.size > 0) found.push({ file, ids: ids.filter(id => declared.has(id)) });
        }
        if (found.length > 0 || folder === top || path.dirname(folder) === folder || !isInside(folder, top)) return { folder, found };
    }
}

function isInside(folder: string, top: string): boolean {
    const relative = path.relative(top, folder);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
}
