/**
 * The Changes Since… page (client/webview/src/changes/main.ts) from a real `acct diff` report
 * (changes-fixture.ts): the power map of each changed deal with what moved marked on the right
 * cards, the people removed, the changes and findings listed with links to their declarations —
 * in a side panel of 480 px and a full editor, light, dark and high contrast, English and Chinese.
 * Screenshots: test-results/webview/changes-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { ChangesPicture } from '@acct/contract';
import { changesFixture } from './changes-fixture.js';
import { clone } from './fixture.js';
import { installGeometry } from './geometry.js';
import type { WebviewPage } from './harness.js';
import { browserSuite, hoverText, T } from './shared.js';

const suite = browserSuite();

async function show(p: WebviewPage, changes: ChangesPicture): Promise<void> {
    await p.page.evaluate(() => {
        delete document.documentElement.dataset.drawn;
    });
    await p.send({ type: 'changes', changes });
    await p.page.waitForFunction(() => document.documentElement.dataset.drawn !== undefined, undefined, { timeout: 60_000 });
}

/** The marks drawn on each card, by the card's subject key: what each says when the pointer is on it. */
async function marks(p: WebviewPage, opportunity: string): Promise<Record<string, string>> {
    const placed = await p.page.evaluate(o => {
        const figure = document.querySelector(`figure.map[data-opportunity="${o}"]`)!;
        const out: Record<string, string> = {};
        const cards = Array.from(figure.querySelectorAll<SVGGElement>('[data-key].changed'));
        const rings = Array.from(figure.querySelectorAll('.change-ring'));
        const labels = Array.from(figure.querySelectorAll('.change-mark'));
        cards.forEach((card, i) => {
            // the label sits on the card's lower edge, inside its width
            const c = card.querySelector('.card-bg')!.getBoundingClientRect();
            const m = labels[i]!.getBoundingClientRect();
            const r = rings[i]!.getBoundingClientRect();
            const onCard = m.left >= c.left && m.right <= c.right && m.top < c.bottom && m.bottom > c.bottom - 12 && r.left < c.left && r.right > c.right;
            out[card.dataset.key!] = onCard ? String(i) : `misplaced: ${labels[i]!.textContent}`;
        });
        return out;
    }, opportunity);
    const out: Record<string, string> = {};
    for (const [key, at] of Object.entries(placed))
        out[key] = at.startsWith('misplaced') ? at : await hoverText(p.page, `figure.map[data-opportunity="${opportunity}"] .change-mark >> nth=${at}`);
    return out;
}

describe('Changes Since… as pictures', () => {
    it(
        'marks what moved on the cards of each changed deal, and lists the changes and findings with links (1280 × 800, dark)',
        async () => {
            const changes = await changesFixture('en');
            const p = await suite.page({ width: 1280, height: 800, theme: 'dark', entry: 'changes' });
            await show(p, changes);
            expect(await p.page.textContent('h1')).toBe('Changes since HEAD');
            // He Ming is in both open deals' chains: both are changed deals
            const deals = await p.page.$$eval('figure.map', els => els.map(e => `${e.getAttribute('data-customer')}/${e.getAttribute('data-opportunity')}`));
            expect(deals).toEqual(['donghai/ran27', 'donghai/transport']);
            expect(await marks(p, 'ran27')).toEqual({
                'contact:donghai/he': 'support 0 → 2',
                'contact:donghai/luo': 'added',
                'contact:donghai/gao': 'joined the chain',
                'contact:donghai/qian': 'support 0 → -1',
            });
            expect(await marks(p, 'transport')).toEqual({ 'contact:donghai/he': 'support 0 → 2', 'contact:donghai/luo': 'added' });
            // the map is the panel's power map, in its tree form at this width
            const people = (changes.view.plan.customers.find(c => c.id === 'donghai') as { contacts: unknown[] }).contacts.length;
            expect(await p.page.$$eval('figure.map[data-opportunity=ran27] [data-key^="contact:"]', els => els.length)).toBe(people);
            expect(await p.page.textContent('section.customer .removed')).toBe('Removed: sun');
            // the changes in words, each still declared a link; the removed one is not
            const lines = await p.page.$$eval('section.customer li.change', els =>
                els.map(e => `${e.querySelector('a.decl') ? 'link' : 'text'} ${e.textContent}`),
            );
            expect(lines).toContain('link donghai/he: support 0 → 2');
            expect(lines).toContain('link donghai/luo: contact added');
            expect(lines).toContain('text donghai/sun: contact removed');
            expect(lines.find(l => l.startsWith('link donghai/ran27: decisionChain'))).toBeTruthy();
            // the findings: new and resolved, each linking to its declaration
            const found = await p.page.$$eval('section.findings li', els =>
                els.map(e => ({
                    kind: e.closest('section')!.className,
                    subject: e.getAttribute('data-subject'),
                    link: !!e.querySelector('a.decl'),
                })),
            );
            expect(found.length).toBe(changes.diff.newFindings.length + changes.diff.resolvedFindings.length + changes.diff.changedFindings.length);
            expect(found.length).toBeGreaterThan(0);
            expect(found.filter(f => f.subject).every(f => f.link)).toBe(true);
            // a click on a change, a finding, a card: the extension is asked to open the declaration
            await p.page.click('li.change a.decl >> text="donghai/he: support 0 → 2"');
            await p.page.click('section.findings a.decl >> nth=0');
            await p.page.click('figure.map[data-opportunity=ran27] [data-key="contact:donghai/gao"]');
            await p.page.click('button.markdown');
            const posted = (await p.posted()).filter(m => m.type !== 'ready' && m.type !== 'drawn');
            expect(posted).toEqual([
                { type: 'reveal', subject: 'contact:donghai/he' },
                { type: 'reveal', subject: found.find(f => f.link)!.subject },
                { type: 'reveal', subject: 'contact:donghai/gao' },
                { type: 'markdown' },
            ]);
            const drawn = (await p.posted()).filter(m => m.type === 'drawn').at(-1)!;
            expect(drawn.maps).toBe(2);
            expect(drawn.marks).toContain('contact:donghai/he: support 0 → 2');
            await p.page.mouse.move(1279, 1);
            await p.screenshot('changes-1280-dark-en');
            await p.page.screenshot({ path: 'test-results/webview/changes-1280-dark-en-full.png', fullPage: true });
        },
        2 * T,
    );

    it(
        'fits a side panel of 480 px: the maps become lists, nothing wider than the panel, no text under 11 px (light and high contrast)',
        async () => {
            const changes = await changesFixture('en');
            const p = await suite.page({ width: 480, height: 640, theme: 'light', entry: 'changes' });
            await show(p, changes);
            await installGeometry(p.page);
            const figures = await p.page.evaluate(() => {
                const texts = Array.from(document.querySelectorAll('main text, main h1, main h2, main h3, main li, main p, main button'));
                const smallest = Math.min(...texts.filter(t => (t.textContent ?? '').trim()).map(t => window.acctGeometry.textPx(t)));
                return {
                    // the body scrolls (changes.css): nothing wider than it
                    scrollWidth: document.body.scrollWidth,
                    width: document.body.clientWidth,
                    svgs: Array.from(document.querySelectorAll('figure.map svg')).map(s => [s.getBoundingClientRect().width, s.parentElement!.clientWidth]),
                    smallest,
                };
            });
            expect(figures.scrollWidth).toBeLessThanOrEqual(figures.width);
            for (const [svg, room] of figures.svgs) expect(svg).toBeLessThanOrEqual(room! + 0.5);
            expect(figures.smallest).toBeGreaterThanOrEqual(11);
            expect(await marks(p, 'ran27')).toMatchObject({ 'contact:donghai/he': 'support 0 → 2', 'contact:donghai/gao': 'joined the chain' });
            await p.page.mouse.move(479, 1);
            await p.screenshot('changes-480-light-en');
            await p.page.screenshot({ path: 'test-results/webview/changes-480-light-en-full.png', fullPage: true });
            await p.setTheme('high-contrast');
            await p.screenshot('changes-480-high-contrast-en');
        },
        2 * T,
    );

    it(
        'speaks Chinese: the title, the marks and the lists',
        async () => {
            const changes = await changesFixture('zh-CN');
            const p = await suite.page({ width: 640, height: 900, theme: 'dark', entry: 'changes' });
            await show(p, changes);
            expect(await p.page.textContent('h1')).toBe('自 HEAD 以来的变化');
            expect(await p.page.getAttribute('html', 'lang')).toBe('zh-CN');
            expect(await marks(p, 'ran27')).toEqual({
                'contact:donghai/he': '支持度 0 → 2',
                'contact:donghai/luo': '新增',
                'contact:donghai/gao': '进入决策链',
                'contact:donghai/qian': '支持度 0 → -1',
            });
            expect(await p.page.textContent('section.customer .removed')).toBe('已删除：sun');
            expect(await p.page.textContent('section.findings h2')).toMatch(/^(新增问题|有变化的问题|已解决的问题)（\d+）$/);
            await p.page.mouse.move(639, 1);
            await p.screenshot('changes-640-dark-zh-CN');
        },
        2 * T,
    );

    it(
        'shows plan text as text: a name holding markup is never markup',
        async () => {
            const changes = clone(await changesFixture('en'));
            const donghai = changes.view.plan.customers.find(c => c.id === 'donghai')!;
            (donghai as { name: string }).name = '<img src=x onerror="window.__pwned=1">Donghai';
            const p = await suite.page({ width: 1280, height: 800, entry: 'changes' });
            await show(p, changes);
            expect(await p.page.$$eval('main img', els => els.length)).toBe(0);
            expect(await p.page.textContent('section.customer h2')).toBe('<img src=x onerror="window.__pwned=1">Donghai');
            expect(await p.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        },
        T,
    );
});
