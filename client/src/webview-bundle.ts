/**
 * The webview pages' bundles (out/webview/<entry>.js and .css), read once per extension host:
 * each panel writes its page's script and style into the page (webview-html.ts), so that the
 * page fetches nothing through the webview host's service worker.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type WebviewEntry = 'main' | 'changes';

const WEBVIEW_DIR = ['out', 'webview'] as const;
const read = new Map<string, { script: string; style: string }>();

export function webviewBundle(extensionPath: string, entry: WebviewEntry): { script: string; style: string } {
    const dir = path.join(extensionPath, ...WEBVIEW_DIR);
    const key = path.join(dir, entry);
    let bundle = read.get(key);
    if (!bundle) {
        bundle = { script: fs.readFileSync(`${key}.js`, 'utf8'), style: fs.readFileSync(`${key}.css`, 'utf8') };
        read.set(key, bundle);
    }
    return bundle;
}
