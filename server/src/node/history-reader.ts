/**
 * The history reader the language server is given (lsp/history-cache.ts): HEAD of the
 * repository holding a workspace folder, and the commits of its plans as `acct history` reads
 * them (plan-history.ts: git in bulk, each blob parsed once, git with repository commands off).
 */
import type { HistoryReader } from '../lsp/history-cache.js';
import { resolveRevision, workTree } from './git.js';
import { readPlanHistory } from './plan-history.js';

export const gitHistoryReader: HistoryReader = {
    async head(folder) {
        try {
            return await resolveRevision(await workTree(folder), 'HEAD');
        } catch {
            return null;
        }
    },
    async *commits(folder, locale, giveWay) {
        // the server's own checks go first: the reading waits for them and gives way every few milliseconds
        const history = await readPlanHistory(['.'], { cwd: folder, locale, giveWay });
        for await (const commit of history.commits) {
            const { plan, ...entry } = commit;
            yield { entry, plan };
        }
    },
};
