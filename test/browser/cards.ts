/**
 * The power map's cards as a person sees them, read from the page: each card's key, role letter,
 * support badge, name, label, box, texts, marks and opacity; whether two cards overlap; the
 * letter of each role and the badge of each support as the cards draw them.
 */
import type { Role, Support } from '@acct/contract';
import type { WebviewPage } from './harness.js';

export const LETTER: Record<Role, string> = {
    approver: 'A',
    'decision-maker': 'D',
    sponsor: 'S',
    evaluator: 'E',
    influencer: 'I',
    coach: 'C',
};
export const badge = (s: Support): string => (s === null ? '?' : String(s));

export interface CardInfo {
    key: string;
    role: string | null;
    badge: string | null;
    name: string;
    aria: string;
    cls: string;
    box: { x: number; y: number; width: number; height: number };
    texts: Array<{ text: string; x: number; right: number; y: number; bottom: number }>;
    /** A finding marker on the card (what it says on hover: `hoverText`). */
    marker: boolean;
    stale: boolean;
    opacity: number;
}

export async function cards(p: WebviewPage): Promise<CardInfo[]> {
    return p.page.$$eval('.card', els =>
        els.map(el => {
            const r = el.querySelector('.card-bg')!.getBoundingClientRect();
            return {
                key: el.getAttribute('data-key')!,
                role: el.querySelector('.role-letter')?.textContent ?? null,
                badge: el.querySelector('.badge-text')?.textContent ?? null,
                name: el.querySelector('.card-name')?.textContent ?? '',
                aria: el.getAttribute('aria-label') ?? '',
                cls: el.getAttribute('class') ?? '',
                box: { x: r.x, y: r.y, width: r.width, height: r.height },
                texts: Array.from(el.querySelectorAll('text'))
                    .filter(t => t.getClientRects().length > 0)
                    .map(t => {
                        const b = t.getBoundingClientRect();
                        return { text: t.textContent ?? '', x: b.x, right: b.right, y: b.y, bottom: b.bottom };
                    }),
                marker: !!el.querySelector('.finding-marker'),
                stale: !!el.querySelector('.stale-marker'),
                opacity: (() => {
                    let o = 1;
                    for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
                    return o;
                })(),
            };
        }),
    );
}

export function overlaps(a: CardInfo['box'], b: CardInfo['box']): boolean {
    const e = 0.5;
    return a.x < b.x + b.width - e && b.x < a.x + a.width - e && a.y < b.y + b.height - e && b.y < a.y + a.height - e;
}
