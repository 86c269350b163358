/**
 * File paths as a plan's reader sees them: relative to the base folder (the current directory
 * for the CLI, the workspace folder in the editor), with `/` — in the export, in `acct check`'s
 * lines and in the messages that point to another file (`also member at plans/team.acct:2`), so
 * that two files of one name in different folders are never confused.
 */
import { AstUtils, URI, type AstNode, type LangiumSharedCoreServices } from 'langium';
import type { AcctSettings } from './acct-settings.js';

/** Path of `uri` relative to `base` (a folder URI); `../` when outside it; the file name when there is no base. */
export function relativePath(uri: URI, base: URI | undefined): string {
    if (!base) return uri.path.split('/').pop() ?? uri.path;
    const from = base.path.replace(/\/+$/, '').split('/');
    const to = uri.path.split('/');
    let common = 0;
    while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
    return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export class FilePlaces {
    constructor(
        private readonly shared: LangiumSharedCoreServices,
        private readonly settings: AcctSettings,
    ) {}

    /**
     * The base folder of a file: the innermost workspace folder holding it (else the first one),
     * else the folder the CLI runs in; none in a bare in-memory workspace (paths are then file names).
     */
    baseOf(uri: URI): URI | undefined {
        const folders = this.shared.workspace.WorkspaceManager.workspaceFolders ?? [];
        const text = uri.toString();
        const match =
            folders
                .map(folder => folder.uri.replace(/\/+$/, ''))
                .filter(folder => text.startsWith(folder + '/'))
                .sort((a, b) => b.length - a.length)[0] ?? folders[0]?.uri;
        return match ? URI.parse(match) : this.settings.baseFolder;
    }

    /** Where a node is declared, as `path/file.acct:LINE`, for a message shown in the file `from`. */
    placeOf(node: AstNode, from: URI): string {
        const document = AstUtils.getDocument(node);
        const line = (node.$cstNode?.range.start.line ?? 0) + 1;
        return `${relativePath(document.uri, this.baseOf(from))}:${line}`;
    }
}
