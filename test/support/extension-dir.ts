/**
 * An installed extension's folder for the panels' unit tests: the webview bundles a panel reads
 * and writes into its page (client/src/webview-bundle.ts), with a recognisable text each.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const BUNDLE_SCRIPT = 'window.acctBundle = 1;';
export const BUNDLE_STYLE = '.app { color: inherit }';

/** Makes the folder; returns its path. */
export function fakeExtensionDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-ext-'));
    fs.mkdirSync(path.join(dir, 'out', 'webview'), { recursive: true });
    for (const entry of ['main', 'changes']) {
        fs.writeFileSync(path.join(dir, 'out', 'webview', `${entry}.js`), BUNDLE_SCRIPT);
        fs.writeFileSync(path.join(dir, 'out', 'webview', `${entry}.css`), BUNDLE_STYLE);
    }
    return dir;
}
