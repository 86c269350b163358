/**
 * What the views say in words, in Chromium on the plan of `examples/`: the header's chips speak
 * words (the code on hover); the header and the group titles count the same contacts; the legend
 * says what support means in the method's words and explains every mark drawn; whatever is cut
 * short on screen can be read whole on hover, in every view.
 */
import { describe, expect, it } from 'vitest';
import { TABS } from '../../client/webview/src/state.js';
import { DONGHAI, RAN27, showTab } from './examples-suite.js';
import { browserSuite, T } from './shared.js';

const suite = browserSuite();

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
});
