#!/usr/bin/env node
/**
 * The `acct` command (out/cli.js): it asks Node to keep the compiled code of the command line
 * (out/cli-main.js, 2.2 MB) in a per-user cache, then runs it. Compiling that bundle is most of
 * what `acct --version` costs (about 150 ms of CPU against 50 ms for `node -e ''`), and it is paid
 * again by every `acct` a CI job or a git hook runs. Node 22.1 and later keep V8's code in the
 * folder (`module.enableCompileCache`) and check it against the bundle's text, Node's and V8's
 * versions: a stale or foreign entry is recompiled, never run. The folder holds acct's code only,
 * never a plan. On an older Node (20, VS Code's), or with NODE_DISABLE_COMPILE_CACHE=1, nothing
 * is kept and the bundle compiles as before. docs/cli.md says where the folder is.
 */
import { createRequire } from 'node:module';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

/** The user's own cache folder for acct (not the shared temporary folder, which another user could fill first). */
function cacheFolder(): string | undefined {
    const xdg = process.env.XDG_CACHE_HOME;
    if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'acct', 'compile-cache');
    if (process.platform === 'win32' && process.env.LOCALAPPDATA) return path.join(process.env.LOCALAPPDATA, 'acct', 'compile-cache');
    let home: string;
    try {
        home = os.homedir();
    } catch {
        return undefined;
    }
    if (!home) return undefined;
    return process.platform === 'darwin' ? path.join(home, 'Library', 'Caches', 'acct', 'compile-cache') : path.join(home, '.cache', 'acct', 'compile-cache');
}

const enable = (nodeModule as { enableCompileCache?: (folder?: string) => unknown }).enableCompileCache;
if (typeof enable === 'function') {
    const folder = cacheFolder();
    // a folder that cannot be made or written is reported by Node as a status, not thrown: the bundle then compiles as before
    if (folder) {
        try {
            enable(folder);
        } catch {
            // never a reason not to run the command
        }
    }
}

createRequire(__filename)('./cli-main.js');
