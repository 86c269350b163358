/**
 * The power-map webview page. Pure: used by the VS Code panel and by the browser tests, so the
 * tests exercise the real page. Everything dynamic is drawn by the bundled script; the page
 * itself carries no plan text.
 */
export interface WebviewHtmlOptions {
    /** URI of the bundled `main.js` as the webview sees it (`webview.asWebviewUri`). */
    scriptUri: string;
    /** URI of the bundled `main.css`. */
    styleUri: string;
    /** `webview.cspSource`. */
    cspSource: string;
    /** Fresh random nonce for this render (base64 or hex). */
    nonce: string;
    title: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
    return s.replace(/[&<>"']/g, c => ESCAPES[c]!);
}

/** The Content-Security-Policy of the page: nothing but our own script, stylesheet and fonts. */
export function webviewCsp(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `img-src ${cspSource} data:`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`,
        `font-src ${cspSource}`,
    ].join('; ');
}

export function renderWebviewHtml(opts: WebviewHtmlOptions): string {
    if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(opts.nonce)) {
        throw new Error('renderWebviewHtml: the nonce must be at least 16 base64/hex characters');
    }
    const csp = escapeHtml(webviewCsp(opts.cspSource, opts.nonce));
    const nonce = escapeHtml(opts.nonce);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(opts.styleUri)}" nonce="${nonce}">
<title>${escapeHtml(opts.title)}</title>
</head>
<body>
<div id="app" class="app"><noscript>The account-plan views need scripts to be enabled.</noscript></div>
<script nonce="${nonce}" src="${escapeHtml(opts.scriptUri)}"></script>
</body>
</html>
`;
}
