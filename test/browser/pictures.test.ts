/**
 * Pictures that read well, in Chromium on the plan of `examples/`: after Fit no text is smaller
 * than 10 px, in a 500 px side panel as in a wide window (the picture fits the width and scrolls);
 * the legend sits under the drawing, collapses and stays collapsed; what is cut can be read on
 * hover; header and group titles count alike; the chips speak words.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABS } from '../../client/webview/src/state.js';
import { ROOT, type WebviewPage } from './harness.js';
import { installGeometry } from './geometry.js';
import { boxOf, browserSuite, T, type Rect } from './shared.js';

const suite = browserSuite();
const READABLE_PX = 10;
const DONGHAI = { customer: 'donghai', opportunity: null };
const RAN27 = { customer: 'donghai', opportunity: 'ran27' };

/** The smallest text on screen in the drawing, as rendered (font size × zoom). */
async function smallestText(p: WebviewPage): Promise<{ px: number; text: string; count: number }> {
    await installGeometry(p.page);
    return p.page.evaluate(() => {
        const stage = document.querySelector('.canvas')!.getBoundingClientRect();
        let best = { px: Infinity, text: '', count: 0 };
        for (const t of window.acctGeometry.texts(document, '.viewport text')) {
            if (t.box.right < stage.left || t.box.left > stage.right || t.box.bottom < stage.top || t.box.top > stage.bottom) continue;
            best.count++;
            if (t.px < best.px) best = { px: t.px, text: t.text, count: best.count };
        }
        return best;
    });
}

async function showTab(p: WebviewPage, tab: string): Promise<void> {
    const selector = `[role=tab][data-tab=${tab}]`;
    if ((await p.page.getAttribute(selector, 'aria-selected')) === 'true') return;
    // another tab: the page draws it at the click
    await p.afterRender(() => p.page.click(selector));
    expect(await p.page.getAttribute(selector, 'aria-selected')).toBe('true');
}

const apart = (a: Rect, b: Rect): boolean =>
    a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5;

describe('pictures in a 500 px side panel', () => {
    it(
        'Fit keeps every text at 10 px or more in every view: the power map becomes a list that fits the width and scrolls',
        async () => {
            const p = await suite.page({ theme: 'dark', width: 500, height: 900 });
            await p.sendPlan(suite.view(), DONGHAI);
            await p.page.click('button:has-text("Fit")');
            const small = await smallestText(p);
            expect(small.count).toBeGreaterThan(20);
            expect(small.px, `"${small.text}"`).toBeGreaterThanOrEqual(READABLE_PX - 0.01);
            // the list fits the panel's width: no card is cut at either side
            const cards = await p.page.$$eval('.card .card-bg', els => els.map(e => e.getBoundingClientRect().toJSON() as Rect));
            for (const c of cards) {
                expect(c.x).toBeGreaterThanOrEqual(0);
                expect(c.x + c.width).toBeLessThanOrEqual(500);
            }
            // a report sits below its manager and further right
            const heBox = await boxOf(p, '.card[data-key="contact:donghai/he"] .card-bg');
            const liuBox = await boxOf(p, '.card[data-key="contact:donghai/liu"] .card-bg');
            expect(heBox.y).toBeGreaterThan(liuBox.y);
            expect(heBox.x).toBeGreaterThan(liuBox.x);
            await p.page.screenshot({ path: path.join(ROOT, 'test-results', 'pictures-after-500.png') });
            // the wheel scrolls down to the general layer, without zooming
            const luo = '.card[data-key="contact:donghai/luo"] .card-bg';
            const stage = await boxOf(p, '.canvas');
            expect((await boxOf(p, luo)).y).toBeGreaterThan(stage.y + stage.height);
            const k = await p.page.$eval('.viewport', el => el.getAttribute('transform')!.replace(/.*scale\(/, ''));
            await p.page.mouse.move(250, 400);
            for (let i = 0; i < 12; i++) await p.page.mouse.wheel(0, 200);
            // the wheel events are handled as they come: wait until luo's card is in the stage
            await expect
                .poll(async () => {
                    const seen = await boxOf(p, luo);
                    return seen.y > stage.y && seen.y + seen.height <= stage.y + stage.height;
                })
                .toBe(true);
            expect(await p.page.$eval('.viewport', el => el.getAttribute('transform')!.replace(/.*scale\(/, ''))).toBe(k);
            await p.screenshot('pictures-500-scrolled');
            // the other views: readable after Fit too (the wide charts scroll sideways)
            await p.sendPlan(suite.view(), RAN27);
            for (const tab of TABS) {
                await showTab(p, tab);
                await p.page.click('button:has-text("Fit")');
                const s = await smallestText(p);
                expect(s.px, `${tab}: "${s.text}"`).toBeGreaterThanOrEqual(READABLE_PX - 0.01);
                await p.screenshot(`pictures-500-${tab}`);
            }
        },
        T,
    );

    it(
        'keeps the legend under the drawing, never over it; collapsing it is remembered',
        async () => {
            const p = await suite.page({ theme: 'light', width: 500, height: 900 });
            await p.sendPlan(suite.view(), RAN27);
            // in a side panel the legend starts folded: the drawing gets the room; its heading opens it
            expect(await p.page.getAttribute('.legend-toggle', 'aria-expanded')).toBe('false');
            await p.page.click('.legend-toggle');
            const legend = await boxOf(p, '.legend-panel');
            const canvas = await boxOf(p, '.canvas');
            expect(apart(legend, canvas)).toBe(true);
            expect(legend.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 0.5);
            // dragged or zoomed, the drawing shows only inside the canvas, above the legend
            await p.page.click('button[aria-label="Zoom in"]');
            for (const c of await p.page.$$eval('.card .card-bg', els => els.map(e => e.getBoundingClientRect().toJSON() as Rect))) {
                const inside = {
                    x: c.x,
                    y: Math.max(c.y, canvas.y),
                    width: c.width,
                    height: Math.min(c.y + c.height, canvas.y + canvas.height) - Math.max(c.y, canvas.y),
                };
                if (inside.height > 0) expect(apart(inside, legend)).toBe(true);
            }
            expect(await p.page.evaluate(() => getComputedStyle(document.querySelector('.stage')!).overflow)).toBe('hidden');
            // collapse: the heading stays, the drawing gets the room
            const toggle = '.legend-toggle';
            expect(await p.page.getAttribute(toggle, 'aria-expanded')).toBe('true');
            await p.page.click(toggle);
            expect(await p.page.getAttribute(toggle, 'aria-expanded')).toBe('false');
            expect(await p.page.isVisible('.legend-svg')).toBe(false);
            expect((await boxOf(p, '.canvas')).height).toBeGreaterThan(canvas.height + 100);
            expect((await boxOf(p, '.legend-panel')).height).toBeLessThan(40);
            await p.screenshot('pictures-legend-collapsed-500');
            // kept in the saved state across a reload, and for every view
            await p.waitForSaved({ legend: false });
            await p.reload();
            expect(await p.page.getAttribute(toggle, 'aria-expanded')).toBe('false');
            await showTab(p, 'quadrant');
            expect(await p.page.isVisible('.legend-svg')).toBe(false);
            await p.page.focus(toggle);
            await p.page.keyboard.press('Enter');
            expect(await p.page.getAttribute(toggle, 'aria-expanded')).toBe('true');
            expect(await p.page.isVisible('.legend-svg')).toBe(true);
        },
        T,
    );
});

describe('words and counts', () => {
    it(
        'the header chip speaks words, the header and the group titles count the same contacts',
        async () => {
            const p = await suite.page({ theme: 'light' });
            await p.sendPlan(suite.view(), RAN27);
            const chip = await p.page.$eval('.chip', el => ({ text: el.textContent, title: el.getAttribute('title') }));
            expect(chip.text).toBe('opposed key person');
            expect(chip.title).toMatch(/^opposed-key-person: /);
            const numbers = (s: string | null): number[] => (s ?? '').match(/\d+/g)!.map(Number);
            const groups = await p.page.$$eval('.group-label', els => els.map(e => e.textContent));
            // "Decision chain: 6 of 12 contacts": 6 in the chain across the groups, 12 in them
            const [chain, total] = numbers(await p.page.textContent('.subheading'));
            const counts = groups.map(g => numbers(g));
            expect(counts.reduce((s, c) => s + c[0]!, 0)).toBe(total);
            expect(counts.reduce((s, c) => s + (c[1] ?? 0), 0)).toBe(chain);
            expect(await p.page.$$eval('.card:not(.dimmed)', els => els.length)).toBe(chain);
            // without a deal: "8 key-layer and 4 general-layer contacts", as the groups say
            await p.sendPlan(suite.view(), DONGHAI);
            const [key, general] = numbers(await p.page.textContent('.subheading'));
            expect((await p.page.$$eval('.group-label', els => els.map(e => e.textContent))).map(g => numbers(g)[0])).toEqual([key, general]);
        },
        T,
    );

    it(
        "the legend says what support means in the method's words and explains every mark drawn",
        async () => {
            const p = await suite.page({ theme: 'dark' });
            await p.sendPlan(suite.view(), RAN27);
            await p.page.click('.legend-toggle');
            const legend = () => p.page.$$eval('.legend .legend-text', els => els.map(e => e.textContent!));
            const said = await legend();
            for (const t of ['opposes', 'neutral', 'supports', 'supports us and excludes others', 'coach-level', 'unknown']) expect(said).toContain(t);
            // every kind of finding marker drawn has its own in the legend (Zhou Jian's is an info)
            const drawn = await p.page.$$eval('.viewport .finding-marker', els => [...new Set(els.map(e => /sev-(\w+)/.exec(e.getAttribute('class')!)![1]))]);
            expect(drawn).toContain('info');
            for (const sev of drawn) expect(await p.page.$$eval(`.legend .finding-marker.sev-${sev}`, els => els.length), sev).toBe(1);
            expect(said).toEqual(expect.arrayContaining(['warning', 'error', 'info', 'stale contact']));
            expect(await p.page.$$eval('.legend .intimacy', els => els.length)).toBe(1);
            // intimacy × support: the shaded row, the hatched lane and the deal's mark are explained
            await showTab(p, 'intimacy');
            expect(await p.page.$$eval('.viewport .i-zero', els => els.length)).toBe(1);
            const words = await legend();
            expect(words).toEqual(expect.arrayContaining(['shaded row: intimacy 0 (formal)', 'hatched lane: unknown (?)']));
            expect(await p.page.$$eval('.legend .i-zero, .legend .i-unknown-bg, .legend .deal-tag', els => els.length)).toBe(3);
        },
        T,
    );
});

describe('names and marks readable', () => {
    it(
        'whatever is cut short can be read whole on hover, in every view',
        async () => {
            const p = await suite.page({ theme: 'light', width: 900, height: 1000 });
            const v = structuredClone(suite.view());
            // a name and a title much longer than a card, a customer name longer than its cell
            const dh = v.plan.customers.find(c => c.id === 'donghai')!;
            dh.contacts.find(c => c.id === 'he')!.name = 'He Ming Alexander Constantine Montgomery-Featherstonehaugh';
            dh.contacts.find(c => c.id === 'he')!.title = 'Deputy General Manager for Network Planning, Construction, Operations and Long-Term Strategy';
            v.plan.customers.find(c => c.id === 'jlbank')!.name = 'Jinlan City Commercial Bank of the Lower Yangtze Delta Economic Cooperation Zone Holdings';
            await p.sendPlan(v, RAN27);
            let cut = 0;
            for (const tab of TABS) {
                await showTab(p, tab);
                await p.page.click('button:has-text("Fit")');
                const texts = await p.page.$$('.viewport text');
                for (const t of texts) {
                    // its lines as drawn, without the <title> a cut text carries
                    const lines = await t.evaluate(el =>
                        el.querySelector('tspan')
                            ? Array.from(el.querySelectorAll('tspan')).map(x => x.textContent ?? '')
                            : [
                                  Array.from(el.childNodes)
                                      .filter(n => n.nodeType === Node.TEXT_NODE)
                                      .map(n => n.textContent)
                                      .join(''),
                              ],
                    );
                    if (!lines.some(l => l.endsWith('…'))) continue;
                    cut++;
                    // its own hover text, or the tooltip of the item it belongs to (both made on hover)
                    const owner = await t.evaluateHandle(el => (el.hasAttribute('data-tip') ? el : (el.closest('[data-key]') ?? el)));
                    await owner
                        .asElement()!
                        .hover({ force: true })
                        .catch(() => undefined);
                    const title = await owner.evaluate(el => el.querySelector(':scope > title')?.textContent ?? '');
                    for (const l of lines) expect(title.replace(/\s+/g, ' '), `${tab}: "${l}"`).toContain(l.replace(/…$/, '').trim());
                }
            }
            expect(cut).toBeGreaterThan(2);
        },
        T,
    );

    it(
        'the tier quadrant names each tier once, in its region; long customer names wrap',
        async () => {
            const p = await suite.page({ theme: 'light' });
            await p.sendPlan(suite.view(), DONGHAI);
            await showTab(p, 'quadrant');
            const labels = await p.page.$$eval('.q-region-label', els => els.map(e => e.textContent));
            expect([...labels].sort()).toEqual(['COMMERCIAL', 'CORE', 'EXCELLENT', 'STRATEGIC', 'VALUE']);
            expect(await p.page.$$eval('.q-cell-label', els => els.length)).toBe(0);
            // each name sits in a cell of its own tier
            for (const l of await p.page.$$('.q-region')) {
                const { tier, box } = await l.evaluate(g => ({
                    tier: g.getAttribute('data-tier'),
                    box: g.querySelector('text')!.getBoundingClientRect().toJSON(),
                }));
                const cell = await p.page.$$eval(
                    `.q-cell[data-tier="${tier}"] .q-cell-bg`,
                    (els, b) =>
                        els.some(e => {
                            const r = e.getBoundingClientRect();
                            return b.x >= r.x && b.x + b.width <= r.right + 0.5 && b.y >= r.y && b.y + b.height <= r.bottom + 0.5;
                        }),
                    box as Rect,
                );
                expect(cell, tier!).toBe(true);
            }
            // Huaxia Grid — Eastern Province Power Company: whole, on three lines
            const huaxia = await p.page.$$eval('.point-label', els =>
                els
                    .map(e =>
                        Array.from(e.querySelectorAll('tspan'))
                            .map(t => t.textContent)
                            .join(' '),
                    )
                    .find(t => t.startsWith('Huaxia')),
            );
            expect(huaxia).toBe('Huaxia Grid — Eastern Province Power Company');
            await p.screenshot('pictures-quadrant-light');
        },
        T,
    );

    it(
        'intimacy × support says when a deal gives a person another support than their own, and sizes the ? lanes to what they hold',
        async () => {
            const p = await suite.page({ theme: 'light', height: 1100 });
            // Luo Jia's intimacy known: nobody's is unknown any more; his support still is
            const v = structuredClone(suite.view());
            v.plan.customers.find(c => c.id === 'donghai')!.contacts.find(c => c.id === 'luo')!.intimacy = 1;
            await p.sendPlan(v, RAN27);
            await showTab(p, 'intimacy');
            // Qian Hong: 0 on the contact, -1 in the deal
            const qian = '.i-point[data-key="contact:donghai/qian"]';
            expect(await p.page.textContent(`${qian} .deal-tag`)).toBe('deal: -1');
            expect(await p.page.getAttribute(qian, 'aria-label')).toContain('their support is -1; this chart plots their own support, 0');
            expect(await p.page.$$eval('.i-point .deal-tag', els => els.length)).toBe(1);
            const note = await p.page.$eval('.viewport .view-note', el =>
                Array.from(el.querySelectorAll('tspan'))
                    .map(t => t.textContent)
                    .join(' '),
            );
            expect(note).toContain('1 person has another support in 5G-Advanced RAN expansion 2027, phase 1');
            // role letters inside the dots, at a readable size
            const letter = await p.page.$eval(`${qian} .dot-letter`, el => parseFloat(getComputedStyle(el).fontSize));
            expect(letter).toBeGreaterThanOrEqual(11);
            // Luo Jia's support is unknown: that lane is a full column; nobody's intimacy is: that lane is narrow
            const lane = (which: string) => boxOf(p, `.i-unknown[data-lane="${which}"] .i-unknown-bg`);
            const cell = await boxOf(p, '.i-cell[data-support="0"][data-intimacy="0"]');
            expect(Math.round((await lane('support')).width)).toBe(Math.round(cell.width));
            expect((await lane('intimacy')).height).toBeLessThan(cell.height / 2);
            await p.screenshot('pictures-intimacy-deal-light');
            // without a deal: no deal marks
            await p.sendPlan(suite.view(), DONGHAI);
            expect(await p.page.$$eval('.deal-tag', els => els.filter(e => e.closest('.viewport')).length)).toBe(0);
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
