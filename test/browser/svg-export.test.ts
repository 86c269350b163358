/**
 * The views exported as SVG, in Chromium: from the toolbar and on the extension's request, a
 * standalone file that renders the same picture on its own (no class, no script, no link), well
 * formed whatever a name holds, named after what it shows; with its title (customer or deal,
 * date), every hover text of the view as a <title>, and tight margins. Screenshot:
 * test-results/webview/export-standalone.png.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactsOf, DONGHAI, examplesSuite, focus, RAN27, showTab, view } from './examples-suite.js';
import { clone } from './fixture.js';
import { RESULTS } from './harness.js';
import { T } from './shared.js';

const suite = examplesSuite();
const page = suite.page;

describe('export', () => {
    it(
        'exports the current view as a standalone SVG from the toolbar and on request',
        async () => {
            const p = await page({ theme: 'light' });
            await p.sendPlan(view, focus.deal);
            await p.page.click('button:has-text("Export SVG")');
            let msg = (await p.posted()).find(m => m.type === 'exportSvg')!;
            expect(msg).toBeTruthy();
            expect(msg.suggestedName).toBe(`${focus.deal.customer}-${focus.deal.opportunity}-power-map.svg`);
            const svg = msg.svg as string;
            expect(svg.startsWith('<?xml')).toBe(true);
            expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
            expect(svg).not.toMatch(/class=|var\(--|<script|href=|https?:\/\/(?!www\.w3\.org)/);
            expect(svg).toMatch(/fill="rgb\(/);
            const contact = contactsOf(focus.deal.customer!)[0]!;
            expect(svg).toContain(contact.name.length < 15 ? contact.name : contact.name.slice(0, 6));
            // the exported file renders the same picture on its own
            const check = await suite.browser().newPage({ viewport: { width: 1300, height: 900 } });
            await check.route('**/*', r => r.abort());
            await check.setContent(svg.replace(/^<\?xml[^>]*>/, ''));
            // the people drawn (a deal's: those who matter to it) and the notes counting the others folded
            const n = await check.$$eval('g[role=button]', els => els.length);
            expect(n).toBe(await p.page.$$eval('.card', els => els.length));
            expect(n).toBeGreaterThan(0);
            expect(await check.$$eval('g[role=img]', els => els.map(el => el.textContent ?? ''))).toContainEqual(expect.stringMatching(/\+\d+ others?$/));
            await check.screenshot({ path: path.join(RESULTS, 'export-standalone.png') });
            await check.close();

            // a name holding control characters (the language accepts any string) still gives well-formed XML
            const bell = clone(view);
            const named = bell.plan.customers.find(c => c.id === focus.deal.customer)!.contacts[0]!;
            named.name = 'Bell\u0007 \u0000Null \uD800 half';
            await p.sendPlan(bell, focus.deal);
            await p.send({ type: 'requestSvg' });
            const belled = (await p.posted()).filter(m => m.type === 'exportSvg').at(-1)!.svg as string;
            const parsed = await p.page.evaluate(text => {
                const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
                return { error: doc.getElementsByTagName('parsererror').length, text: doc.documentElement.textContent ?? '' };
            }, belled);
            expect(parsed.error).toBe(0);
            expect(parsed.text).toContain('Bell\uFFFD');

            await p.sendPlan(view, focus.deal);
            await p.page.click('[role=tab][data-tab=quadrant]');
            await p.send({ type: 'requestSvg' });
            msg = (await p.posted()).filter(m => m.type === 'exportSvg').at(-1)!;
            expect(msg.suggestedName).toBe('tier-quadrant.svg');
            expect(msg.svg as string).toContain('excellent');
        },
        T,
    );
});

describe('exported pictures', () => {
    it(
        'carry their title (customer or deal, date) and tight margins',
        async () => {
            const p = await suite.page({ theme: 'light' });
            for (const [focus, tab, name] of [
                [RAN27, 'power', 'Donghai Mobile › 5G-Advanced RAN expansion 2027, phase 1'],
                [DONGHAI, 'intimacy', 'Donghai Mobile'],
                [DONGHAI, 'quadrant', 'Tier quadrant — all customers'],
            ] as const) {
                await p.sendPlan(suite.view(), focus);
                await showTab(p, tab);
                await p.send({ type: 'requestSvg' });
                const svg = (await p.posted()).filter(m => m.type === 'exportSvg').at(-1)!.svg as string;
                const title = /<title>([^<]*)<\/title>/.exec(svg)![1]!.replace(/&amp;/g, '&');
                // every hover text of the picture — made on hover in the view (`data-tip`), or drawn at once as
                // the quadrant's cells' are — is a <title> in the file, whose viewers show it on hover
                const tips = await p.page.$$eval('[data-layer="viewport"] [data-tip], [data-layer="viewport"] title', els =>
                    els.map(e => e.getAttribute('data-tip') ?? e.textContent!),
                );
                expect(tips.length, tab).toBeGreaterThan(0);
                expect(svg).not.toContain('data-tip');
                const titles = Array.from(svg.matchAll(/<title>([^<]*)<\/title>/g), m =>
                    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
                );
                for (const tip of tips) expect(titles, tab).toContain(tip);
                expect(title).toContain(name);
                expect(title).toContain(suite.view().plan.today!);
                const check = await suite.browser().newPage({ viewport: { width: 1600, height: 1400 } });
                await check.route('**/*', r => r.abort());
                await check.setContent(svg.replace(/^<\?xml[^>]*>/, ''));
                const fit = await check.evaluate(() => {
                    const root = document.querySelector('svg')!;
                    const vb = root.viewBox.baseVal;
                    // what is drawn: everything but the background
                    const at = root.getBoundingClientRect();
                    let x0 = Infinity,
                        y0 = Infinity,
                        x1 = -Infinity,
                        y1 = -Infinity;
                    const drawn = Array.from(root.children).filter(el => !['title', 'defs'].includes(el.tagName) && el.getAttribute('width') !== '100%');
                    for (const el of drawn) {
                        const b = el.getBoundingClientRect();
                        if (!b.width && !b.height) continue;
                        x0 = Math.min(x0, b.x - at.x);
                        y0 = Math.min(y0, b.y - at.y);
                        x1 = Math.max(x1, b.right - at.x);
                        y1 = Math.max(y1, b.bottom - at.y);
                    }
                    const heading = Array.from(root.querySelectorAll(':scope > text')).map(t => t.textContent);
                    return { vb: { w: vb.width, h: vb.height }, box: { x0, y0, x1, y1 }, heading };
                });
                await check.close();
                expect(fit.heading).toEqual([title]);
                expect(fit.box.x0).toBeLessThanOrEqual(12);
                expect(fit.box.y0).toBeLessThanOrEqual(12);
                expect(fit.vb.w - fit.box.x1, `${tab}: right margin`).toBeLessThanOrEqual(12);
                expect(fit.vb.h - fit.box.y1, `${tab}: bottom margin`).toBeLessThanOrEqual(12);
            }
        },
        T,
    );
});
