// Bundles the language server, the CLI, the VS Code extension and the webview.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

/**
 * A bundle in ASCII only. esbuild escapes the non-ASCII characters of strings but keeps those of
 * regular expressions and of the comments it keeps (in object literals and class bodies): one
 * such character and V8 holds the whole source as a two-byte string, 4.4 MB instead of 2.2 MB of
 * every process's heap. Here they are escaped as `\uXXXX` too (valid in a comment, a string, a
 * template and a regular expression; only the columns after one on its line move in the map).
 */
const asciiOnly = {
    name: 'ascii-only',
    setup(build) {
        build.onEnd(result => {
            for (const file of result.outputFiles ?? []) {
                let contents = file.contents;
                if (file.path.endsWith('.js')) {
                    // String.raw would keep `\uXXXX` as six characters
                    if (/String\.raw`[^`]*[^\x00-\x7f]/.test(file.text)) throw new Error(`${file.path}: a non-ASCII character in a String.raw template`);
                    contents = file.text.replace(/[^\x00-\x7f]/g, char => '\\u' + char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
                }
                mkdirSync(dirname(file.path), { recursive: true });
                // as esbuild writes it: a script with a hashbang is executable
                writeFileSync(file.path, contents, { mode: file.text.startsWith('#!') ? 0o755 : 0o644 });
            }
        });
    },
};

const node = {
    write: false,
    plugins: [asciiOnly],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    minify,
    logLevel: 'warning',
    // Langium is ESM; the bundles are CommonJS for VS Code and plain `node`.
    mainFields: ['module', 'main'],
    // Chevrotain 13 calls Object.groupBy, which Node 20 (and VS Code 1.100's code-server) lacks.
    banner: { js: readFileSync('server/polyfills/object-group-by.js', 'utf8') },
};

const builds = [
    { ...node, entryPoints: { server: 'server/src/main.ts' }, outdir: 'out' },
    // `acct` is a small launcher (out/cli.js) that lets Node 22.1+ keep the compiled command line
    // (out/cli-main.js) in a per-user cache before loading it (server/src/cli-launcher.ts)
    { ...node, entryPoints: { cli: 'server/src/cli-launcher.ts' }, outdir: 'out', banner: {} },
    { ...node, entryPoints: { 'cli-main': 'server/src/cli.ts' }, outdir: 'out' },
    { ...node, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'out', external: ['vscode'] },
    // The benchmark runs the real power-map panel over a fake of the `vscode` API.
    { ...node, entryPoints: { bench: 'test/bench/bench.ts' }, outdir: 'out', alias: { vscode: './test/bench/fake-vscode.ts' }, external: ['playwright-core'] },
    { ...node, entryPoints: { fuzz: 'test/fuzz/run.ts' }, outdir: 'out' },
    { ...node, entryPoints: { 'worst-case': 'test/worst-case/report.ts' }, outdir: 'out' },
].filter(options => Object.values(options.entryPoints).every(file => existsSync(file)));

const contexts = await Promise.all(builds.map(options => esbuild.context(options)));
if (watch) {
    await Promise.all(contexts.map(context => context.watch()));
} else {
    await Promise.all(contexts.map(context => context.rebuild()));
    await Promise.all(contexts.map(context => context.dispose()));
    if (existsSync('client/webview/build.mjs')) {
        const { buildWebview, buildReportPage } = await import('./client/webview/build.mjs');
        await buildWebview('out/webview', { minify });
        await buildReportPage('out/report');
    }
}
