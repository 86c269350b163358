/**
 * The words of the navigation features and quick fixes: one function per message (titles of the
 * quick fixes, inlay hint labels and their tooltips), so that each can move into the message
 * catalog of the localisation without touching the code that uses it.
 */

/** `: decision-maker, support 2` after a decision-chain entry: what the entry takes from its contact. */
export function takenFromContactLabel(role: string | undefined, support: string | undefined): string {
    return ': ' + [role, support === undefined ? undefined : `support ${support}`].filter(Boolean).join(', ');
}

export function takenFromContactTooltip(contact: string): string {
    return `Taken from the contact ${contact}: an entry that does not write its role or support has the contact's.`;
}

/** After `last-contact DATE`: how long ago, counted from today as the checks count it. */
export function daysSinceLabel(days: number): string {
    if (days === 0) return 'today';
    if (days === 1) return '1 day ago';
    if (days === -1) return 'in 1 day';
    return days > 0 ? `${days} days ago` : `in ${-days} days`;
}

export function daysSinceTooltip(today: string): string {
    return `Counted from ${today}, the date the checks use as today (setting acct.today, else ACCT_TODAY, else the real date).`;
}

export const fixTitles = {
    /** no-power-map */
    scaffoldDecisionChain: (count: number, customer: string) =>
        `Add a decision-chain with the ${count === 1 ? 'contact' : `${count} contacts`} of ${customer} that have a role`,
    /** incomplete-iron-triangle */
    addToTeam: (role: string, member: string, isOwner: boolean) =>
        `Add ${member} as ${role.toUpperCase()}${isOwner ? " (the customer's owner)" : ''}`,
    /** unresolved-reference to a contact */
    createContact: (id: string, customer: string) => `Create contact '${id}' in ${customer}`,
    /** stale-tier-review without a review date */
    markReviewedToday: (today: string) => `Record the tier review as done today (reviewed ${today})`,
    /** unknown-support when no support is written */
    declareUnknownSupport: (contact: string) => `Declare the support of ${contact} as unknown (support ?)`,
    /** unfounded-support: the message's own advice */
    markSupportUnknown: (contact: string) => `Mark the support of ${contact} as unknown (?) until contact is recorded`,
} as const;
