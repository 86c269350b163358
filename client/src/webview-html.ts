/**
 * The power-map webview page. Pure: used by the VS Code panel and by the browser tests, so the
 * tests exercise the real page. Everything dynamic is drawn by the bundled script; the page
 * itself carries no plan text.
 *
 * The bundle's script and stylesheet are written into the page, under the page's nonce, rather
 * than linked: a linked file is fetched through the webview host's service worker, and a browser
 * VS Code (code-server) that opens a webview while another's worker is being replaced can lose
 * that fetch until the worker's 30 s timeout — a power map that stays blank for half a minute.
 * A page that fetches nothing cannot wait for anything.
 */
export interface WebviewHtmlOptions {
    /** The bundled `main.js`, as text. */
    script: string;
    /** The bundled `main.css`, as text. */
    style: string;
    /** Fresh random nonce for this render (base64 or hex). */
    nonce: string;
    title: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
    return s.replace(/[&<>"']/g, c => ESCAPES[c]!);
}

/** The Content-Security-Policy of the page: its own script and style (by nonce), data: images, nothing else. */
export function webviewCsp(nonce: string): string {
    return ["default-src 'none'", 'img-src data:', `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
}

/**
 * The text of an inline element, kept from ending it early: `</script` (or `</style`) inside it
 * becomes `<\/script`, and in a script `<!--` (which would let a later `<script` swallow the
 * closing tag) becomes `\x3C!--`; JavaScript strings, templates, comments and regular
 * expressions read both as the same text. esbuild already writes its output so; this holds for
 * any bundle.
 */
function inlineText(text: string, element: 'script' | 'style'): string {
    const closed = text.replace(new RegExp(`</(${element})`, 'gi'), '<\\/$1');
    return element === 'script' ? closed.replace(/<!--/g, '\\x3C!--') : closed;
}

export function renderWebviewHtml(opts: WebviewHtmlOptions): string {
    if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(opts.nonce)) {
        throw new Error('renderWebviewHtml: the nonce must be at least 16 base64/hex characters');
    }
    const csp = escapeHtml(webviewCsp(opts.nonce));
    const nonce = escapeHtml(opts.nonce);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
${inlineText(opts.style, 'style')}
</style>
<title>${escapeHtml(opts.title)}</title>
</head>
<body>
<div id="app" class="app"><noscript>The account-plan views need scripts to be enabled.</noscript></div>
<script nonce="${nonce}">
${inlineText(opts.script, 'script')}
</script>
</body>
</html>
`;
}
