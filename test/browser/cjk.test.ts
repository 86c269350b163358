/**
 * Chinese names render as Chinese, not as empty boxes ("tofu"): each character of a Chinese name
 * on a card, drawn in the card's own font, must differ from the box Chromium draws for a
 * character that no font has, and from the other characters. `.ci/setup.sh --tests` installs the
 * font (Debian's fonts-wqy-zenhei). The check proves itself on every run: in a Chromium that sees
 * no CJK font (fontconfig pointed at DejaVu only) it must find the boxes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openWebview, type WebviewPage } from './harness.js';
import { browserSuite, T } from './shared.js';

const suite = browserSuite();

/** Per character of the `.card-name` of `key`: drawn as a glyph (true) or as the missing-glyph box (false). */
async function glyphsOf(p: WebviewPage, key: string): Promise<{ name: string; font: string; drawn: boolean[] }> {
    return p.page.$eval(`.card[data-key="${key}"] .card-name`, el => {
        const cs = getComputedStyle(el);
        const font = `${cs.fontWeight} 32px ${cs.fontFamily}`;
        const canvas = document.createElement('canvas');
        canvas.width = 48;
        canvas.height = 48;
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        const pixels = (ch: string): string => {
            ctx.clearRect(0, 0, 48, 48);
            ctx.font = font;
            ctx.fillStyle = '#000';
            ctx.fillText(ch, 4, 38);
            return Array.from(ctx.getImageData(0, 0, 48, 48).data.filter((_, i) => i % 4 === 3)).join(',');
        };
        // U+0378 is unassigned: every font lacks it, so it shows what a missing glyph looks like
        const box = pixels('\u0378');
        const blank = Array(48 * 48)
            .fill(0)
            .join(',');
        const name = el.textContent ?? '';
        const seen = new Map<string, string>();
        const drawn = Array.from(name).map(ch => {
            if (/\s/.test(ch)) return true;
            const img = pixels(ch);
            const distinct = [...seen.entries()].every(([other, o]) => other === ch || o !== img);
            seen.set(ch, img);
            return img !== box && img !== blank && distinct;
        });
        return { name, font, drawn };
    });
}

const CHINESE = [
    { customer: 'donghai', contact: '郑晓峰' },
    { customer: 'jlbank', contact: '周敏' },
];

describe('Chinese names', () => {
    it(
        'render as glyphs on the cards, not as empty boxes',
        async () => {
            const p = await suite.page({ theme: 'light' });
            for (const { customer, contact } of CHINESE) {
                await p.sendPlan(suite.view(), { customer, opportunity: null });
                const g = await glyphsOf(p, `contact:${customer}/${contact}`);
                expect(g.name).toBe(contact);
                expect(g.drawn, `${contact} in ${g.font}: install a CJK font (fonts-wqy-zenhei, bash .ci/setup.sh --tests)`).toEqual(
                    Array.from(contact).map(() => true),
                );
            }
            await p.screenshot('cjk-names-light');
        },
        T,
    );

    describe('the check itself', () => {
        let bare: Browser | undefined;
        let dir = '';
        afterAll(async () => {
            await bare?.close();
            if (dir) await rm(dir, { recursive: true, force: true });
        });

        it(
            'finds the empty boxes in a Chromium that has no CJK font',
            async () => {
                dir = await mkdtemp(path.join(tmpdir(), 'acct-fonts-'));
                const conf = path.join(dir, 'fonts.conf');
                await writeFile(
                    conf,
                    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
                        `  <dir>/usr/share/fonts/truetype/dejavu</dir>\n  <cachedir>${dir}/cache</cachedir>\n</fontconfig>\n`,
                );
                bare = await launch({ ...(process.env as Record<string, string>), FONTCONFIG_FILE: conf });
                const p = await openWebview(bare, { theme: 'light' });
                try {
                    await p.sendPlan(suite.view(), { customer: 'donghai', opportunity: null });
                    const g = await glyphsOf(p, 'contact:donghai/郑晓峰');
                    expect(g.drawn).toEqual([false, false, false]);
                    // Latin names still draw: the check tells a box from a glyph
                    expect((await glyphsOf(p, 'contact:donghai/liu')).drawn.every(Boolean)).toBe(true);
                    await p.screenshot('cjk-names-without-font');
                } finally {
                    await p.page.context().close();
                }
            },
            T,
        );
    });
});
