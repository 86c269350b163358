// Bundles the webview (client/webview/src) into OUTDIR/main.js and OUTDIR/main.css, and the
// Changes Since… page into OUTDIR/changes.js and OUTDIR/changes.css.
// Used by the project's esbuild.mjs (`buildWebview(outdir)`) and by the browser tests.
// Run directly: `node client/webview/build.mjs [outdir] [--minify]` (default: out/webview).
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * @param {string} outdir
 * @param {{ minify?: boolean, sourcemap?: boolean | 'inline' | 'linked' | 'external', watch?: boolean }} [options]
 * @returns {Promise<import('esbuild').BuildResult | import('esbuild').BuildContext>}
 *   the build result, or with `watch` the esbuild context (dispose it to stop watching)
 */
export async function buildWebview(outdir, options = {}) {
    /** @type {import('esbuild').BuildOptions} */
    const config = {
        entryPoints: [
            { in: path.join(here, 'src', 'main.ts'), out: 'main' },
            { in: path.join(here, 'src', 'main.css'), out: 'main' },
            // the Changes Since… page (client/src/changes-panel.ts)
            { in: path.join(here, 'src', 'changes', 'main.ts'), out: 'changes' },
            { in: path.join(here, 'src', 'changes', 'changes.css'), out: 'changes' },
        ],
        outdir,
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        minify: options.minify ?? false,
        sourcemap: options.sourcemap ?? false,
        legalComments: 'none',
        logLevel: 'warning',
    };
    if (options.watch) {
        const ctx = await esbuild.context(config);
        await ctx.watch();
        return ctx;
    }
    return esbuild.build(config);
}

/**
 * Bundles the page of `acct report` (src/report) into OUTDIR/report.js and OUTDIR/report.css,
 * minified: the CLI inlines both into every report it writes.
 * @param {string} outdir
 * @returns {Promise<import('esbuild').BuildResult>}
 */
export async function buildReportPage(outdir) {
    return esbuild.build({
        entryPoints: [
            { in: path.join(here, 'src', 'report', 'main.ts'), out: 'report' },
            { in: path.join(here, 'src', 'report', 'report.css'), out: 'report' },
        ],
        outdir,
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        minify: true,
        sourcemap: false,
        legalComments: 'none',
        logLevel: 'warning',
    });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    const args = process.argv.slice(2);
    const outdir = path.resolve(args.find(a => !a.startsWith('--')) ?? path.join(here, '..', '..', 'out', 'webview'));
    await buildWebview(outdir, { minify: args.includes('--minify') });
    console.log(`webview bundled into ${outdir}`);
}
