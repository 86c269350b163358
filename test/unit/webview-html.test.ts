import { describe, expect, it } from 'vitest';
import { renderWebviewHtml, webviewCsp } from '../../client/src/webview-html.js';

const opts = {
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/main.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/main.css',
    cspSource: 'https://*.vscode-cdn.net',
    nonce: 'abcdefghijklmnop0123456789==',
    title: 'Power <Map> & "more"',
};

describe('webview page', () => {
    it('carries the strict nonce-based CSP', () => {
        const html = renderWebviewHtml(opts);
        const csp = webviewCsp(opts.cspSource, opts.nonce);
        expect(csp).toBe("default-src 'none'; img-src https://*.vscode-cdn.net data:; style-src https://*.vscode-cdn.net 'nonce-abcdefghijklmnop0123456789=='; "
            + "script-src 'nonce-abcdefghijklmnop0123456789=='; font-src https://*.vscode-cdn.net");
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${csp.replace(/'/g, '&#39;')}">`);
        expect(html).toContain(`<script nonce="${opts.nonce}" src="${opts.scriptUri}"></script>`);
        expect(html).toContain(`<link rel="stylesheet" href="${opts.styleUri}"`);
    });

    it('has no inline script, style or handler and escapes the title', () => {
        const html = renderWebviewHtml(opts);
        expect(html).not.toMatch(/style=|<style|\son\w+=/i);
        expect(html.match(/<script/g)).toHaveLength(1);
        expect(html).toContain('<title>Power &lt;Map&gt; &amp; &quot;more&quot;</title>');
    });

    it('refuses a weak or malformed nonce', () => {
        expect(() => renderWebviewHtml({ ...opts, nonce: 'short' })).toThrow();
        expect(() => renderWebviewHtml({ ...opts, nonce: 'abcdefghijklmnop" onload="x' })).toThrow();
    });
});
