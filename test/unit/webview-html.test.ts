import { describe, expect, it } from 'vitest';
import { renderWebviewHtml, webviewCsp } from '../../client/src/webview-html.js';

const opts = {
    script: 'window.acctLoaded = "<!--<script></script><script>alert(1)</script>";',
    style: '.app { color: red } /* </style><b>bold</b> */',
    nonce: 'abcdefghijklmnop0123456789==',
    title: 'Power <Map> & "more"',
};

describe('webview page', () => {
    it('carries the strict nonce-based CSP: its own script and style, data: images, nothing to fetch', () => {
        const html = renderWebviewHtml(opts);
        const csp = webviewCsp(opts.nonce);
        expect(csp).toBe(
            "default-src 'none'; img-src data:; style-src 'nonce-abcdefghijklmnop0123456789=='; " + "script-src 'nonce-abcdefghijklmnop0123456789=='",
        );
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${csp.replace(/'/g, '&#39;')}">`);
        expect(html).not.toMatch(/\ssrc=|\shref=/i);
    });

    it('holds its bundle under the nonce, one script and one style, and nothing in the bundle ends them early', () => {
        const html = renderWebviewHtml(opts);
        expect(html.match(/<script nonce/gi)).toHaveLength(1);
        expect(html).not.toContain('<!--');
        expect(html.match(/<\/script/gi)).toHaveLength(1);
        expect(html.match(/<\/style/gi)).toHaveLength(1);
        expect(html).toContain(`<script nonce="${opts.nonce}">\nwindow.acctLoaded = "\\x3C!--<script><\\/script><script>alert(1)<\\/script>";\n</script>`);
        expect(html).toContain(`<style nonce="${opts.nonce}">\n.app { color: red } /* <\\/style><b>bold</b> */\n</style>`);
        // the escaped text means the same to JavaScript
        expect(new Function(`${'return'} "\\x3C!--<\\/script>"`)()).toBe('<!--</script>');
    });

    it('has no inline handler or style attribute and escapes the title', () => {
        const html = renderWebviewHtml(opts);
        expect(html).not.toMatch(/style=|\son\w+=/i);
        expect(html).toContain('<title>Power &lt;Map&gt; &amp; &quot;more&quot;</title>');
    });

    it('refuses a weak or malformed nonce', () => {
        expect(() => renderWebviewHtml({ ...opts, nonce: 'short' })).toThrow();
        expect(() => renderWebviewHtml({ ...opts, nonce: 'abcdefghijklmnop" onload="x' })).toThrow();
    });
});
