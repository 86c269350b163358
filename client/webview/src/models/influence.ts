/**
 * Influence beyond the org chart (`influences`, contract 1.1): one line per influencer and person
 * influenced, both contacts of the shown customer. A line from someone who opposes us (the
 * support their card shows: for a deal, the decision chain's) is an opposed influence. Pure: no DOM.
 */
import type { ContactJson, Support } from '@acct/contract';
import { texts } from '../texts.js';

export interface InfluenceLine {
    /** Contact ids: the influencer and the person influenced. */
    from: string;
    to: string;
    opposed: boolean;
    /** Both ends are outside the shown deal's decision chain. */
    dimmed: boolean;
    tooltip: string;
}

export interface InfluenceEnd {
    id: string;
    name: string;
    support: Support;
    dimmed: boolean;
}

/** The influence lines among `cards` (unknown, self and repeated targets left out), in declaration order. */
export function influenceLines(contacts: readonly Pick<ContactJson, 'id' | 'influences'>[], cards: ReadonlyMap<string, InfluenceEnd>): InfluenceLine[] {
    const lines: InfluenceLine[] = [];
    for (const c of contacts) {
        const from = cards.get(c.id);
        if (!from) continue;
        const seen = new Set<string>();
        for (const t of c.influences ?? []) {
            const to = cards.get(t);
            if (!to || t === c.id || seen.has(t)) continue;
            seen.add(t);
            const opposed = from.support === -1;
            lines.push({
                from: c.id,
                to: t,
                opposed,
                dimmed: from.dimmed && to.dimmed,
                tooltip: texts().t(opposed ? 'view.influence.opposedLine' : 'view.influence.line', { from: from.name, to: to.name }),
            });
        }
    }
    return lines;
}

/** For a card's tooltip and label: `Influences: Lu Ping` and `Influenced by: He Wei (opposes us)`. */
export function influenceText(id: string, lines: readonly InfluenceLine[], names: ReadonlyMap<string, string>): string[] {
    const t = texts();
    const out = lines.filter(l => l.from === id).map(l => names.get(l.to) ?? l.to);
    const inn = lines
        .filter(l => l.to === id)
        .map(l => {
            const name = names.get(l.from) ?? l.from;
            return l.opposed ? t.t('view.influence.opposes', { name }) : name;
        });
    return [
        ...(out.length ? [t.t('view.influence.out', { names: out.join(', ') })] : []),
        ...(inn.length ? [t.t('view.influence.in', { names: inn.join(', ') })] : []),
    ];
}
