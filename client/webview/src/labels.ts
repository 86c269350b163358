/**
 * The words of the pictures that are not the method's vocabulary: legends, group titles, notes,
 * the export's title. One place, so that a translation catalog can take them over; the
 * method's own terms (roles, support, tiers, zones) come from `@acct/method`.
 */

/** A finding's code as words for a person (`opposed-key-person` → `opposed key person`); the code stays in the tooltip. */
export function findingWords(code: string): string {
    return code.replace(/-/g, ' ');
}

export const FIT_TOOL = 'Fit the picture to the window, never below a readable size (scroll for the rest)';

export const LEGEND = {
    title: 'Legend',
    show: 'Show the legend',
    hide: 'Hide the legend',
    rows: {
        role: 'Role', support: 'Support', intimacy: 'Intimacy', lines: 'Lines', marks: 'Marks', moves: 'Moves',
        bones: 'Bones', score: 'Score', sandboxRows: 'Rows', tier: 'Tier', colour: 'Colour', zones: 'Zones', cells: 'Cells',
    },
    intimacyBar: (low: string, high: string): string => `closeness, ${low} … ${high}`,
    reportsTo: 'reports to',
    influences: 'influences (arrow: whom)',
    opposedInfluence: 'opposed influence: from someone who opposes us',
    severity: { warning: 'warning', error: 'error', info: 'info' },
    findings: 'a finding (hover for it)',
    stale: 'stale contact',
    dimmed: 'dimmed: outside the deal\'s chain',
    competitor: 'supports a competitor at least as much as us',
    moves: 'three moves for an opposed key person:',
    bonesNote: 'nearest the spine, the most decisive:',
    pick: 'a pick (the first N)',
    unscored: 'not scored: set apart',
    mismatch: 'declared ≠ suggested',
    noTier: 'no tier declared',
    region: 'region: the tier suggested by standing × cooperation',
    dot: 'dot: declared tier',
    roleInDot: 'letter in dot: role',
    neutralRow: 'shaded row: intimacy 0 (formal)',
    unknownLane: 'hatched lane: unknown (?)',
    dealDiffers: 'in the deal: support there differs from the person\'s own',
} as const;

/** The power map's group titles and header line, which count the same contacts. */
export const POWER_MAP = {
    keyLayer: (n: number): string => `Key layer — roles in the decision (${n})`,
    generalLayer: (n: number): string => `General layer — contacts without a role (${n})`,
    keyForDeal: (n: number, inChain: number): string => `Key layer — roles for this deal (${n}): ${inChain} in the decision chain`,
    generalForDeal: (n: number, inChain: number): string =>
        `General layer — no role for this deal (${n})${inChain ? `: ${inChain} in the decision chain` : ''}`,
    chainHeader: (chain: number, total: number): string =>
        `Decision chain: ${chain} of ${total} contacts (the others dimmed), with their roles and support for this deal`,
} as const;

/** Intimacy × support with a deal shown: the chart plots each person's own support, the deal may say otherwise. */
export const INTIMACY = {
    ownSupport: 'support and intimacy as on each contact',
    dealTag: (support: string): string => `deal: ${support}`,
    differs: (deal: string, support: string, own: string): string =>
        `In ${deal} their support is ${support}; this chart plots their own support, ${own}.`,
    differsNote: (n: number, deal: string): string =>
        `${n} ${n === 1 ? 'person has' : 'people have'} another support in ${deal} (marked “deal”)`,
    noneDiffers: (deal: string): string => `everyone's support in ${deal} is their own`,
    emptyLane: 'none',
} as const;

/** The title an exported picture carries: what, of what, as of when. */
export function exportTitle(view: string, heading: string, today: string | null): string {
    return `${heading.startsWith(view) ? heading : `${heading} — ${view}`}${today ? `, ${today}` : ''}`;
}
