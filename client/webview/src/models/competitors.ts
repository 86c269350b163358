/**
 * A person's support for a competitor, on their card, when it is at least their support for us
 * (the relationship is relative: seed 000). For a deal, "us" is the support in that deal's
 * decision chain and only the deal's own competitors count, as for `competitor-ahead`; our `?`
 * counts as 0 and a competitor's `?` is never shown. Pure: no DOM.
 */
import type { CompetitorJson, ContactJson, OpportunityJson, Support } from '@acct/contract';
import { supportText } from '@acct/method';
import { texts } from '../texts.js';

export interface CompetitorMark {
    competitor: string;
    name: string;
    support: Exclude<Support, null>;
}

/** The competitors `contact` supports at least as much as us (`ours`), strongest first, then in declaration order. */
export function competitorMarks(
    contact: Pick<ContactJson, 'competitorSupport'>,
    ours: Support,
    competitors: ReadonlyMap<string, CompetitorJson>,
    opportunity: Pick<OpportunityJson, 'competitors'> | null,
): CompetitorMark[] {
    const base = ours ?? 0;
    const onDeal = opportunity ? new Set(opportunity.competitors) : null;
    const marks: CompetitorMark[] = [];
    for (const cs of contact.competitorSupport ?? []) {
        if (cs.support === null || cs.support < base) continue;
        if (onDeal && !onDeal.has(cs.competitor)) continue;
        if (marks.some(m => m.competitor === cs.competitor)) continue;
        marks.push({ competitor: cs.competitor, name: competitors.get(cs.competitor)?.name ?? cs.competitor, support: cs.support });
    }
    return marks.sort((a, b) => b.support - a.support);
}

/** `supports ZTE 2 (us: 0)`, for a tooltip or an ARIA label. */
export function competitorLine(marks: readonly CompetitorMark[], ours: Support): string {
    return texts().t('view.competitorLine', { list: marks.map(m => `${m.name} ${supportText(m.support)}`).join(', '), ours: supportText(ours) });
}
