// Bundles the language server, the CLI, the VS Code extension and the webview.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const node = {
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
    { ...node, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'out' },
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
