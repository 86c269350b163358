import type { BuildContext, BuildResult } from 'esbuild';

export interface BuildWebviewOptions {
    minify?: boolean;
    sourcemap?: boolean | 'inline' | 'linked' | 'external';
    watch?: boolean;
}

/** Bundles the webview into `outdir/main.js` and `outdir/main.css`; with `watch`, returns the esbuild context. */
export function buildWebview(outdir: string, options?: BuildWebviewOptions): Promise<BuildResult | BuildContext>;
