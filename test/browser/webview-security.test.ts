/**
 * The webview's defences, in Chromium: plan text (hostile input) is drawn as text — no markup, no
 * script, no dialog; the page is served under a strict nonce-based Content-Security-Policy with
 * one script and one style, no inline handler, nothing fetched. (Each page is also checked after
 * its test for CSP violations, script errors and remote loads: shared.ts.)
 */
import { describe, expect, it } from 'vitest';
import { examplesSuite, focus, view } from './examples-suite.js';
import { clone } from './fixture.js';
import { T } from './shared.js';

const suite = examplesSuite();
const page = suite.page;

describe('security', () => {
    it(
        'renders plan text as text: no markup, no script, no dialog',
        async () => {
            const p = await page();
            const v = clone(view);
            const cid = focus.customer.customer!;
            const c = v.plan.customers.find(x => x.id === cid)!;
            const evil = '<img src=x onerror=alert(1)>';
            c.name = '<script>alert(2)</script>';
            c.contacts[0]!.name = evil;
            c.contacts[0]!.title = '"><svg onload=alert(3)>';
            v.plan.diagnostics.push({
                file: 'x.acct',
                line: 1,
                column: 1,
                code: 'x',
                severity: 'warning',
                message: '<b onmouseover=alert(4)>hover</b>',
                subject: null,
            });
            v.subjects.push({ subject: `contact:${cid}/${c.contacts[0]!.id}` });
            await p.sendPlan(v, focus.customer);
            const key = `contact:${cid}/${c.contacts[0]!.id}`;
            expect(await p.page.getAttribute(`.card[data-key="${key}"]`, 'aria-label')).toContain(evil);
            await p.page.hover(`.card[data-key="${key}"] .card-bg`);
            expect(await p.page.textContent(`.card[data-key="${key}"] > title`)).toContain(evil);
            expect(await p.page.textContent('.heading')).toBe('<script>alert(2)</script>');
            await p.page.hover(`.card[data-key="${key}"] .finding-marker`);
            await p.page.click('[role=tab][data-tab=intimacy]');
            await p.page.click('[role=tab][data-tab=quadrant]');
            expect(await p.page.$$('img, b, foreignObject')).toHaveLength(0);
            // the page's own script, and no other
            expect(await p.page.$$('script')).toHaveLength(1);
            expect(await p.page.$$('svg svg')).toHaveLength(0);
            expect(p.dialogs).toEqual([]);
        },
        T,
    );

    it(
        'serves a page with a strict nonce-based Content-Security-Policy',
        async () => {
            const p = await page();
            const csp = await p.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
            expect(csp).toMatch(/default-src 'none'/);
            expect(csp).toMatch(/script-src 'nonce-[^']+'(;|$)/);
            expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
            // the served page itself, the bundle it holds aside: one script and one style, both under the
            // nonce, no inline handler or style attribute, nothing fetched (no src, no href)
            const shell = p.html.replace(/(<script nonce="[^"]+">)[\s\S]*?(<\/script>)/, '$1$2').replace(/(<style nonce="[^"]+">)[\s\S]*?(<\/style>)/, '$1$2');
            expect(shell).not.toMatch(/style=|\son\w+=|<script(?![^>]*\snonce=)[^>]*>|<style(?![^>]*\snonce=)[^>]*>|\ssrc=|\shref=/i);
            expect(shell.match(/<script/g)).toHaveLength(1);
            expect(shell.match(/<style/g)).toHaveLength(1);
            await p.sendPlan(view, focus.deal);
            // inline event handler attributes anywhere?
            const handlers = await p.page.evaluate(() =>
                Array.from(document.querySelectorAll('*')).flatMap(el =>
                    Array.from(el.attributes)
                        .filter(a => a.name.startsWith('on'))
                        .map(a => `${el.tagName}[${a.name}]`),
                ),
            );
            expect(handlers).toEqual([]);
        },
        T,
    );
});
