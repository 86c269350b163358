/**
 * The words of the navigation features and quick fixes (titles of the quick fixes, inlay hint
 * labels and their tooltips), from the message catalog in the session's language.
 */
import type { Role, Texts } from '../method/index.js';

/** `: decision-maker, support 2` after a decision-chain entry: what the entry takes from its contact. */
export function takenFromContactLabel(texts: Texts, role: Role | undefined, support: string | undefined): string {
    const parts = [role && texts.name('roles', role), support === undefined ? undefined : texts.t('hint.taken.support', { value: support })];
    return texts.t('hint.taken', { parts: texts.list(parts.filter((p): p is string => !!p)) });
}

export function takenFromContactTooltip(texts: Texts, contact: string): string {
    return texts.t('hint.taken.tooltip', { contact });
}

/** After `last-contact DATE`: how long ago, counted from today as the checks count it. */
export function daysSinceLabel(texts: Texts, days: number): string {
    if (days === 0) return texts.t('hint.days.today');
    return days > 0 ? texts.t('hint.days.ago', { days }) : texts.t('hint.days.ahead', { days: -days });
}

export function daysSinceTooltip(texts: Texts, today: string): string {
    return texts.t('hint.days.tooltip', { today });
}

export const fixTitles = {
    /** no-power-map */
    scaffoldDecisionChain: (texts: Texts, count: number, customer: string) =>
        count === 1 ? texts.t('fix.scaffoldDecisionChain.one', { customer }) : texts.t('fix.scaffoldDecisionChain', { count, customer }),
    /** incomplete-iron-triangle */
    addToTeam: (texts: Texts, role: string, member: string, isOwner: boolean) =>
        texts.t(isOwner ? 'fix.addOwnerToTeam' : 'fix.addToTeam', { member, role: role.toUpperCase() }),
    /** unresolved-reference to a contact */
    createContact: (texts: Texts, id: string, customer: string) => texts.t('fix.createContact', { id, customer }),
    /** stale-tier-review without a review date */
    markReviewedToday: (texts: Texts, today: string) => texts.t('fix.markReviewedToday', { today }),
    /** unknown-support when no support is written */
    declareUnknownSupport: (texts: Texts, contact: string) => texts.t('fix.declareUnknownSupport', { contact }),
    /** unfounded-support: the message's own advice */
    markSupportUnknown: (texts: Texts, contact: string) => texts.t('fix.markSupportUnknown', { contact }),
    /** no-value-proposition: the skeleton of its four parts */
    addValueProposition: (texts: Texts) => texts.t('fix.addValueProposition'),
    /** aimless-activity */
    addObjective: (texts: Texts) => texts.t('fix.addObjective'),
} as const;
