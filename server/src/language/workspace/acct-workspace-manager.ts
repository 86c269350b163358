/**
 * The editor's workspace: every `.acct` file under its folders, less what their `.acctignore`
 * files match (contract 7.5), and skipping the same folders as the CLI (dependencies and
 * dot-folders), so that the editor and `acct check` see the same workspace.
 */
import { DefaultWorkspaceManager, UriUtils, type URI } from 'langium';
import { ACCT_IGNORE_FILE, AcctIgnore, isSkippedFolder } from './acct-ignore.js';

export class AcctWorkspaceManager extends DefaultWorkspaceManager {
    protected override async traverseFolder(folderPath: URI, uris: URI[]): Promise<void> {
        await this.walk(folderPath, '', AcctIgnore.none(), uris);
    }

    /**
     * Whether `uri` lies in a workspace folder and is left out of the workspace: under a skipped
     * folder, or matched by the `.acctignore` files on its way down (for files that appear after
     * the start, reported by the file watcher).
     */
    async isIgnored(uri: URI): Promise<boolean> {
        for (const folder of this.workspaceFolders ?? []) {
            const root = this.getRootFolder(folder);
            const relative = UriUtils.relative(root, uri);
            if (!relative || relative.startsWith('..') || relative.startsWith('/')) continue;
            const parts = relative.split('/');
            let rules = AcctIgnore.none();
            for (let i = 0; i < parts.length; i++) {
                const here = parts.slice(0, i).join('/');
                const text = await this.fileSystemProvider.readFile(UriUtils.joinPath(root, ...parts.slice(0, i), ACCT_IGNORE_FILE)).catch(() => undefined);
                rules = rules.inFolder(here, text);
                const last = i === parts.length - 1;
                if ((!last && isSkippedFolder(parts[i]!)) || rules.ignores(parts.slice(0, i + 1).join('/'), !last)) return true;
            }
            return false;
        }
        return false;
    }

    private async walk(folder: URI, relative: string, above: AcctIgnore, uris: URI[]): Promise<void> {
        let content;
        try {
            content = await this.fileSystemProvider.readDirectory(folder);
        } catch (error) {
            console.error(`acct: cannot read the folder ${folder.toString(true)}`, error);
            return;
        }
        const ignoreFile = content.find(entry => entry.isFile && UriUtils.basename(entry.uri) === ACCT_IGNORE_FILE);
        const text = ignoreFile ? await this.fileSystemProvider.readFile(ignoreFile.uri).catch(() => undefined) : undefined;
        const rules = above.inFolder(relative, text);
        await Promise.all(
            content.map(async entry => {
                const name = UriUtils.basename(entry.uri);
                const inside = relative ? `${relative}/${name}` : name;
                if (entry.isDirectory) {
                    if (!isSkippedFolder(name) && !rules.ignores(inside, true)) await this.walk(entry.uri, inside, rules, uris);
                } else if (entry.isFile && this.serviceRegistry.hasServices(entry.uri) && !rules.ignores(inside, false)) {
                    uris.push(entry.uri);
                }
            }),
        );
    }
}
