/**
 * The method's vocabulary (docs/language.md, "The method"): every value of every scale and
 * enumeration, with one short form and one long meaning each. Completion, hover, outline,
 * messages, the legends and the views all read these tables, so a word changes in one place.
 * The grammar's own value lists are checked against these at compile time
 * (server/src/language/validation/vocabulary-check.ts).
 */

/** Short form (a legend entry, a completion detail) and the one-line meaning in the method's words. */
export interface Meaning {
    label: string;
    meaning: string;
}

export interface RoleMeaning extends Meaning {
    /** The letter in the top-left corner of a power-map box. */
    letter: string;
}

export const ROLES = ['approver', 'decision-maker', 'sponsor', 'evaluator', 'influencer', 'coach'] as const;
export type Role = (typeof ROLES)[number];

export const TIERS = ['excellent', 'strategic', 'core', 'value', 'commercial'] as const;
export type Tier = (typeof TIERS)[number];

export const ORGANIZATIONS = ['none', 'communicate', 'match', 'joint', 'identify'] as const;
export type Organization = (typeof ORGANIZATIONS)[number];

export const STAGES = ['lead', 'opportunity', 'bid', 'won', 'lost'] as const;
export type Stage = (typeof STAGES)[number];

export const ACTIVITY_KINDS = [
    'visit',
    'exchange',
    'site-visit',
    'team-event',
    'joint-launch',
    'executive-letter',
    'hq-visit',
    'executive-visit',
    'exhibition',
    'summit',
    'dinner',
    'greeting',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const HORIZONS = ['short', 'mid', 'long'] as const;
export type Horizon = (typeof HORIZONS)[number];

/** The fishbone's bones, from the commercial evaluation to the final decision. */
export const GROUPS = ['commercial', 'technical', 'selection', 'final'] as const;
export type Group = (typeof GROUPS)[number];

/** Seed 004's classes of customers (1.2): S strategic, A partner, then B and C. */
export const CLASSES = ['S', 'A', 'B', 'C'] as const;
export type CustomerClass = (typeof CLASSES)[number];

/** A lead's maturity (1.2): preliminary → credible → qualified (an opportunity lead). */
export const MATURITIES = ['preliminary', 'credible', 'qualified'] as const;
export type Maturity = (typeof MATURITIES)[number];

/** -1..3; null means unknown (`?` or absent): never guessed as 0. */
export type Support = -1 | 0 | 1 | 2 | 3 | null;
/** The support scale in display order, unknown last. */
export const SUPPORT_LEVELS: readonly Support[] = [-1, 0, 1, 2, 3, null];
/** The intimacy scale, -3..3. */
export const INTIMACY_LEVELS = [-3, -2, -1, 0, 1, 2, 3] as const;

export const roleMeanings: Readonly<Record<Role, RoleMeaning>> = {
    'approver': { letter: 'A', label: 'approver', meaning: 'Approver: the signature on contract, tender or payment; usually the most senior person.' },
    'decision-maker': {
        letter: 'D',
        label: 'decision-maker',
        meaning: 'Decision-maker: holds the final decision, may not be the one who signs (CEO, CTO, CPO...).',
    },
    'sponsor': { letter: 'S', label: 'sponsor', meaning: 'Sponsor / user / decision support: proposes the solution or will use it; advises the decision.' },
    'evaluator': {
        letter: 'E',
        label: 'evaluator',
        meaning: 'Evaluator: assesses the offer against technical, legal, security or commercial criteria; writes the report.',
    },
    'influencer': { letter: 'I', label: 'influencer', meaning: 'Influencer: outside the formal chain but trusted by those in it.' },
    'coach': { letter: 'C', label: 'coach', meaning: 'Coach: guides us, tells us whom to see and what to avoid.' },
};

/** Keyed by the value as written: `-1` … `3`, `?`. */
export const supportMeanings: Readonly<Record<string, Meaning>> = {
    '-1': { label: 'opposes', meaning: 'Opposes us.' },
    '0': { label: 'neutral', meaning: 'Neutral, or contacted without a view yet.' },
    '1': { label: 'supports', meaning: 'Supports us, not exclusively.' },
    '2': { label: 'supports us and excludes others', meaning: 'Supports us and excludes others.' },
    '3': { label: 'coach-level', meaning: 'Coach-level support: actively guides us.' },
    '?': { label: 'unknown', meaning: 'Not yet contacted, attitude unknown: never guess 0; an unknown decision-maker is a priority to reach.' },
};

export const intimacyMeanings: Readonly<Record<string, Meaning>> = {
    '-3': { label: 'hostile', meaning: 'Openly distant or hostile to us personally.' },
    '-2': { label: 'cold', meaning: 'Cold: avoids personal contact with us.' },
    '-1': { label: 'distant', meaning: 'Distant: formal contact only, and reluctant.' },
    '0': { label: 'formal', meaning: 'Formal: office meetings only.' },
    '1': { label: 'acquainted', meaning: 'Acquainted: business lunches, an easy working relationship.' },
    '2': { label: 'close', meaning: 'Close: private events together.' },
    '3': { label: 'family-level', meaning: 'Family-level closeness: the strongest personal bond.' },
};

/** The 1..5 scores of the tier quadrant (standing, cooperation). */
export const scoreMeanings: Readonly<Record<string, Meaning>> = {
    '1': { label: 'lowest', meaning: 'Score 1 of 5: lowest.' },
    '2': { label: 'low', meaning: 'Score 2 of 5.' },
    '3': { label: 'middle', meaning: 'Score 3 of 5.' },
    '4': { label: 'high', meaning: 'Score 4 of 5.' },
    '5': { label: 'highest', meaning: 'Score 5 of 5: highest (industry head, or main/sole supplier).' },
};

export const tierMeanings: Readonly<Record<Tier, Meaning>> = {
    'excellent': {
        label: 'Excellent',
        meaning: 'Industry head and the largest cooperation value; we are main or sole supplier: the "ballast stone". Best resources go here.',
    },
    'strategic': { label: 'Strategic', meaning: 'High standing, stable cooperation with potential: invest to expand; all three relationship layers expected.' },
    'core': { label: 'Core', meaning: 'Small, but buys almost everything of a kind from us (a "granary"): sticky, keep it so.' },
    'value': { label: 'Value', meaning: 'Some size and cooperation, scattered or unstable: maintain moderately.' },
    'commercial': { label: 'Commercial', meaning: 'Scattered and small: standardised, efficient service.' },
};

export const organizationMeanings: Readonly<Record<Organization, Meaning>> = {
    'none': { label: 'none', meaning: 'No organizational (company-to-company) relationship yet.' },
    'communicate': { label: 'communicate', meaning: 'Communicate: regular summits, executive dialogue, scheduled visits.' },
    'match': { label: 'match', meaning: 'Match: strategy, organisation and process aligned (their orders flow straight into our production).' },
    'joint': { label: 'joint', meaning: 'Joint: joint process optimisation, joint branding.' },
    'identify': { label: 'identify', meaning: "Identify: mutual identification with each other's culture; the highest state." },
};

export const stageMeanings: Readonly<Record<Stage, Meaning>> = {
    'lead': { label: 'lead', meaning: 'Lead: a specific customer, a potential intent to buy and a matching solution; budget or start date not yet confirmed.' },
    'opportunity': { label: 'opportunity', meaning: 'Opportunity: a lead with a clear budget and a clear start date (active).' },
    'bid': { label: 'bid', meaning: 'Bid: the tender is under way (active); 80% of the result is decided before it.' },
    'won': { label: 'won', meaning: 'Won: the contract is ours.' },
    'lost': { label: 'lost', meaning: 'Lost: the contract went elsewhere; keep the lessons.' },
};

export const activityKindMeanings: Readonly<Record<ActivityKind, Meaning>> = {
    'visit': { label: 'visit', meaning: 'Routine visit or message: keeps the relationship warm.' },
    'exchange': { label: 'exchange', meaning: 'Formal topic exchange on technology, solutions or the market.' },
    'site-visit': { label: 'site visit', meaning: 'Visit to a reference site or a demo.' },
    'team-event': { label: 'team event', meaning: 'Team-building event with the customer.' },
    'joint-launch': { label: 'joint launch', meaning: 'Joint launch or release with the customer.' },
    'executive-letter': { label: 'executive letter', meaning: 'Letter from one of our executives.' },
    'hq-visit': { label: 'headquarters visit', meaning: 'Invitation to visit our headquarters and reference sites (one of the three axes).' },
    'executive-visit': { label: 'executive visit', meaning: 'Visit by one of our executives (one of the three axes).' },
    'exhibition': { label: 'exhibition', meaning: 'Exhibition, forum or seminar invitation (one of the three axes).' },
    'summit': { label: 'summit', meaning: 'Executive summit: builds the organizational layer.' },
    'dinner': { label: 'dinner', meaning: 'Dinner: general-layer routine that builds intimacy.' },
    'greeting': { label: 'greeting', meaning: 'Greetings on birthdays and holidays: general-layer routine.' },
};

export const activityStatusMeanings: Readonly<Record<ActivityStatus, Meaning>> = {
    'planned': { label: 'planned', meaning: 'Planned: has an owner and a date; overdue once the date has passed.' },
    'done': { label: 'done', meaning: 'Done: record the outcome.' },
    'cancelled': { label: 'cancelled', meaning: 'Cancelled.' },
};

export const horizonMeanings: Readonly<Record<Horizon, Meaning>> = {
    'short': { label: 'short term', meaning: "Short-term opportunity in the strategic sandbox: this year's business." },
    'mid': { label: 'mid term', meaning: 'Mid-term opportunity in the strategic sandbox: the next one to two years.' },
    'long': { label: 'long term', meaning: 'Long-term opportunity in the strategic sandbox: where the account can grow in three years and more.' },
};

export const groupMeanings: Readonly<Record<Group, Meaning>> = {
    'commercial': { label: 'commercial evaluation', meaning: 'Commercial evaluation: price, terms and the commercial part of the tender.' },
    'technical': { label: 'technical evaluation', meaning: 'Technical evaluation: assesses the solution against the technical criteria.' },
    'selection': { label: 'selection decision', meaning: 'Selection decision: chooses among the offers that passed the evaluations.' },
    'final': { label: 'final decision', meaning: 'Final decision: decides and signs; nearest to the head of the fishbone.' },
};

export const classMeanings: Readonly<Record<CustomerClass, Meaning>> = {
    'S': {
        label: 'S strategic',
        meaning:
            'Class S, strategic customer: a key customer of the company; build a strategic partnership (organizational layer) and understand its business from its own point of view.',
    },
    'A': {
        label: 'A partner',
        meaning: 'Class A, partner customer: a key customer of the company; build a strategic partnership (organizational layer) with it, as with S.',
    },
    'B': { label: 'B', meaning: 'Class B: below the key customers S and A; served by deals and key relationships.' },
    'C': { label: 'C', meaning: 'Class C: the lowest class; standardised, efficient service.' },
};

/** Qualified with both budget and start, else credible with both intent and solution, else preliminary (contract 7.1). */
export function maturityOf(facts: { budget: boolean; start: boolean; intent: boolean; solution: boolean }): Maturity {
    if (facts.budget && facts.start) return 'qualified';
    return facts.intent && facts.solution ? 'credible' : 'preliminary';
}

export const maturityMeanings: Readonly<Record<Maturity, Meaning>> = {
    'preliminary': {
        label: 'preliminary',
        meaning: 'Preliminary lead: a specific customer, but the intent to buy or our matching solution is not yet written down.',
    },
    'credible': { label: 'credible', meaning: 'Credible lead: the intent to buy and our matching solution are known; budget or start date not yet confirmed.' },
    'qualified': {
        label: 'qualified',
        meaning: 'Opportunity lead: a clear budget and a clear start date; only what is certain can be quantified and managed.',
    },
};

/** The value as written in a plan: `-1` … `3`, or `?` for unknown. */
export function supportText(support: Support): string {
    return support === null ? '?' : String(support);
}

/** `+2`, `0`, `-1`; `?` when unknown. */
export function intimacyText(intimacy: number | null): string {
    return intimacy === null ? '?' : intimacy > 0 ? `+${intimacy}` : String(intimacy);
}
