/**
 * The method's vocabulary (../shared/domain.md): one-line meanings used by completion, hover and
 * messages, so that the editor teaches the method in its own words.
 */
import type { ActivityKind, ActivityStatus, Organization, Role, Stage, Tier } from './generated/ast.js';

export interface Meaning {
    /** Short label, e.g. the role letter of the power map. */
    label: string;
    /** One line: what the value means in the method. */
    meaning: string;
}

export const roleMeanings: Record<Role, Meaning> = {
    'approver': { label: 'A', meaning: 'Approver: the signature on contract, tender or payment; usually the most senior person.' },
    'decision-maker': { label: 'D', meaning: 'Decision-maker: holds the final decision, may not be the one who signs (CEO, CTO, CPO...).' },
    'sponsor': { label: 'S', meaning: 'Sponsor / user / decision support: proposes the solution or will use it; advises the decision.' },
    'evaluator': { label: 'E', meaning: 'Evaluator: assesses the offer against technical, legal, security or commercial criteria; writes the report.' },
    'influencer': { label: 'I', meaning: 'Influencer: outside the formal chain but trusted by those in it.' },
    'coach': { label: 'C', meaning: 'Coach: guides us, tells us whom to see and what to avoid.' },
};

export const supportMeanings: Record<string, Meaning> = {
    '-1': { label: 'opposes', meaning: 'Opposes us.' },
    '0': { label: 'neutral', meaning: 'Neutral, or contacted without a view yet.' },
    '1': { label: 'supports', meaning: 'Supports us, not exclusively.' },
    '2': { label: 'supports exclusively', meaning: 'Supports us and excludes others.' },
    '3': { label: 'coach-level', meaning: 'Coach-level support: actively guides us.' },
    '?': { label: 'unknown', meaning: 'Not yet contacted, attitude unknown: never guess 0; an unknown decision-maker is a priority to reach.' },
};

export const intimacyMeanings: Record<string, Meaning> = {
    '-3': { label: 'hostile', meaning: 'Openly distant or hostile to us personally.' },
    '-2': { label: 'cold', meaning: 'Cold: avoids personal contact with us.' },
    '-1': { label: 'distant', meaning: 'Distant: formal contact only, and reluctant.' },
    '0': { label: 'formal', meaning: 'Formal: office meetings only.' },
    '1': { label: 'acquainted', meaning: 'Acquainted: business lunches, an easy working relationship.' },
    '2': { label: 'close', meaning: 'Close: private events together.' },
    '3': { label: 'family-level', meaning: 'Family-level closeness: the strongest personal bond.' },
};

export const tierMeanings: Record<Tier, Meaning> = {
    'excellent': { label: 'Excellent', meaning: 'Industry head and the largest cooperation value; we are main or sole supplier: the "ballast stone". Best resources go here.' },
    'strategic': { label: 'Strategic', meaning: 'High standing, stable cooperation with potential: invest to expand; all three relationship layers expected.' },
    'core': { label: 'Core', meaning: 'Small, but buys almost everything of a kind from us (a "granary"): sticky, keep it so.' },
    'value': { label: 'Value', meaning: 'Some size and cooperation, scattered or unstable: maintain moderately.' },
    'commercial': { label: 'Commercial', meaning: 'Scattered and small: standardised, efficient service.' },
};

export const organizationMeanings: Record<Organization, Meaning> = {
    'none': { label: 'none', meaning: 'No organizational (company-to-company) relationship yet.' },
    'communicate': { label: 'communicate', meaning: 'Communicate: regular summits, executive dialogue, scheduled visits.' },
    'match': { label: 'match', meaning: 'Match: strategy, organisation and process aligned (their orders flow straight into our production).' },
    'joint': { label: 'joint', meaning: 'Joint: joint process optimisation, joint branding.' },
    'identify': { label: 'identify', meaning: "Identify: mutual identification with each other's culture; the highest state." },
};

export const stageMeanings: Record<Stage, Meaning> = {
    'lead': { label: 'lead', meaning: 'Lead: a specific customer, a potential intent to buy and a matching solution; budget or start date not yet confirmed.' },
    'opportunity': { label: 'opportunity', meaning: 'Opportunity: a lead with a clear budget and a clear start date (active).' },
    'bid': { label: 'bid', meaning: 'Bid: the tender is under way (active); 80% of the result is decided before it.' },
    'won': { label: 'won', meaning: 'Won: the contract is ours.' },
    'lost': { label: 'lost', meaning: 'Lost: the contract went elsewhere; keep the lessons.' },
};

export const activityKindMeanings: Record<ActivityKind, Meaning> = {
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

export const activityStatusMeanings: Record<ActivityStatus, Meaning> = {
    'planned': { label: 'planned', meaning: 'Planned: has an owner and a date; overdue once the date has passed.' },
    'done': { label: 'done', meaning: 'Done: record the outcome.' },
    'cancelled': { label: 'cancelled', meaning: 'Cancelled.' },
};

/** Meanings of every enumeration keyword, for completion and hover on a keyword. */
export const keywordMeanings: Record<string, Meaning> = {
    ...roleMeanings, ...tierMeanings, ...organizationMeanings, ...stageMeanings,
    ...activityKindMeanings, ...activityStatusMeanings,
};

/** Meanings of property keywords, for hover and completion on the keyword itself. */
export const propertyMeanings: Record<string, string> = {
    'member': 'A person on our side; ids are global to the workspace.',
    'competitor': 'A known competitor; relationships are only good or bad compared with competitors.',
    'customer': 'One customer account: its tier, its people (contacts), its deals (opportunities) and relationship activities.',
    'policy': 'Workspace thresholds for the checks (at most one policy per workspace).',
    'contact': 'A person at the customer: role in the decision, support for us, intimacy.',
    'opportunity': 'A deal. Active at stage opportunity or bid; qualified only with a confirmed budget and start date.',
    'activity': 'A relationship activity: each has an owner, a date and an outcome.',
    'industry': "The customer's industry.",
    'standing': "The customer's own industry standing, 1..5 (tier quadrant: vertical axis).",
    'cooperation': 'The value of cooperation to us, 1..5 (tier quadrant: horizontal axis).',
    'tier': 'Declared tier: excellent | strategic | core | value | commercial. Review it continuously.',
    'reviewed': 'Date of the last tier review (YYYY-MM-DD).',
    'owner': 'The member of our team who owns this.',
    'organization': 'Maturity of the organizational layer: none | communicate | match | joint | identify.',
    'title': "The contact's job title.",
    'department': "The contact's department.",
    'role': 'Role in the decision (power map): approver | decision-maker | sponsor | evaluator | influencer | coach. No role: a general-layer contact.',
    'support': 'Support for us: -1 opposes, 0 neutral, 1 supports, 2 supports exclusively, 3 coach-level, ? unknown.',
    'intimacy': 'Closeness of the personal relationship, -3..3.',
    'reports-to': "The contact's manager (a contact of the same customer).",
    'last-contact': 'Date of the last contact (YYYY-MM-DD); stale after the policy\'s stale-contact-days.',
    'stage': 'lead | opportunity | bid | won | lost. Opportunity and bid are active.',
    'amount': 'Expected contract value, e.g. 30M CNY (suffixes k, M, B).',
    'budget': "The customer's confirmed budget: one of the two facts that make a lead an opportunity.",
    'start': 'Confirmed start date: the other fact that makes a lead an opportunity.',
    'team': 'The iron triangle: ar (account), sr (solution) and fr (fulfilment) responsible.',
    'ar': 'AR, account responsible: relationship, planning, customer satisfaction.',
    'sr': 'SR, solution responsible: products, solutions, requirements.',
    'fr': 'FR, fulfilment responsible: delivery, contract quality, risk.',
    'decision-chain': 'The power map of this deal: CONTACT [ROLE] [support VALUE] per entry.',
    'competitors': 'Competitors on this deal.',
    'kind': 'Kind of relationship activity.',
    'date': 'Date of the activity (YYYY-MM-DD).',
    'with': 'The contacts the activity is with.',
    'status': 'planned | done | cancelled.',
    'outcome': 'What the activity achieved.',
    'stale-contact-days': 'A key person not contacted for more than this many days is stale (default 90).',
    'tier-review-days': 'A tier not reviewed for more than this many days is stale (default 365).',
    'general-coverage': 'Contacts without a role that a strategic or excellent customer should have (default 3).',
};
