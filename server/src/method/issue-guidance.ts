/**
 * Why each check matters and what to do about a finding, in the method's words: the full
 * description and the help of the rules that SARIF (code scanning) shows beside a finding. The
 * one-line summary stays in the issue catalog; a new code fails to compile until it is here too.
 */
import type { IssueCode } from './issue-codes.js';

export interface IssueGuidance {
    /** Why the method cares: one or two sentences after the summary. */
    why: string;
    /** What to do about a finding. */
    help: string;
}

export const issueGuidance: Readonly<Record<IssueCode, IssueGuidance>> = {
    'syntax': {
        why: 'A declaration that does not parse cannot be checked: its content is unreliable until it does.',
        help: 'Fix the text where the message points; the checks of the declaration come back once it parses.',
    },
    'unresolved-reference': {
        why: 'Contacts are local to their customer; members, competitors and customers are global to the workspace.',
        help: 'Declare the name, correct its spelling, or check that it is declared in the right customer.',
    },
    'duplicate-id': {
        why: 'An id names one element: two declarations with one id make every reference to it ambiguous.',
        help: 'Rename one of the declarations (and its references), or merge them.',
    },
    'out-of-range': {
        why: 'Support runs from -1 to 3 (or ? for unknown), intimacy from -3 to 3, standing, cooperation and the sandbox scores from 1 to 5.',
        help: 'Write a value inside its scale, or ? for an unknown support.',
    },
    'unqualified-opportunity': {
        why: 'A lead becomes an opportunity only with a confirmed budget and a confirmed start date; anything else is hope.',
        help: "Confirm the customer's budget and start date and record them, or set the stage back to lead.",
    },
    'no-power-map': {
        why: 'Every deal needs a power map: who approves, decides, evaluates and influences, and where each of them stands.',
        help: 'Add a decision-chain to the opportunity with the people of the deal and their roles.',
    },
    'no-decision-maker': {
        why: 'A power map without the person who decides and the person who signs misses the two people the deal depends on.',
        help: 'Find out who holds the final decision and who signs, and add them to the decision-chain.',
    },
    'unknown-support': {
        why: 'Support is never guessed: an unknown approver or decision-maker is the first person to reach.',
        help: 'Plan a meeting, learn where they stand, and record their support (-1 to 3).',
    },
    'opposed-key-person': {
        why: 'An approver, decision-maker or evaluator who opposes us can sink the deal. The method answers with three moves: an executive visit, an exhibition invitation and a headquarters visit.',
        help: 'Plan the moves not yet under way (activities of kind executive-visit, exhibition, hq-visit with them) and follow them up until their support changes.',
    },
    'incomplete-iron-triangle': {
        why: 'Each deal is run by an iron triangle: the account responsible (AR), the solution responsible (SR) and the fulfilment responsible (FR).',
        help: 'Name the missing members in the team block (ar, sr, fr).',
    },
    'tier-mismatch': {
        why: 'Customers are tiered by their standing and the value of cooperation to us, so that the best resources go to the best customers.',
        help: 'Review the tier or the scores; the quick fix sets the suggested tier.',
    },
    'stale-tier-review': {
        why: 'Tiering is not a one-off: customers move, and an old tier table sends resources to the wrong places.',
        help: 'Review the tier and record the date with reviewed.',
    },
    'missing-layer': {
        why: 'An excellent or strategic customer needs all three relationship layers: organizational (company to company), key (the people who decide) and general (broad coverage).',
        help: 'Set the organizational relationship, or add general-layer contacts (contacts without a role) until the coverage the policy expects.',
    },
    'single-threaded': {
        why: 'A relationship that rests on one supporter is lost when that person moves, changes their mind or loses influence.',
        help: 'Win support from more people at the customer (support 1 or more).',
    },
    'stale-contact': {
        why: 'Relationships decay when neglected: the people of an active deal need regular contact.',
        help: 'Plan a contact; record it with last-contact or as a done activity with them.',
    },
    'rational-turn-risk': {
        why: 'Support without closeness is rational: they like the product, not us, and may turn to a competitor at the first good offer.',
        help: 'Build the personal relationship (intimacy) alongside the technical case.',
    },
    'friendly-but-unsupportive': {
        why: 'Closeness is not support: a friendly person who does not support us may need something we have not offered.',
        help: 'Re-examine what they really need (career, company policy) and answer it.',
    },
    'reports-to-cycle': {
        why: 'An org chart needs a head: a reporting line that comes back to itself cannot be drawn or reasoned about.',
        help: 'Fix one reports-to in the loop.',
    },
    'overdue-activity': {
        why: 'A planned activity whose date has passed is either done and unrecorded, or forgotten.',
        help: 'Record it as done with its outcome, cancel it, or move the date.',
    },
    'competitor-ahead': {
        why: 'Relationships are relative: good support for us means little if the person supports a competitor of the deal more.',
        help: 'Find out what the competitor offers them and answer it.',
    },
    'opposed-influence': {
        why: 'Influence runs beyond the org chart: an opponent with the ear of the approver or decision-maker can sink the deal.',
        help: "Win the opponent over, or strengthen the decision-maker's support through the people they trust.",
    },
    'unfounded-support': {
        why: 'Support is evidence, not impression: support with no recorded contact has no basis.',
        help: 'Record the last contact, or a done activity with them, or revise the support.',
    },
    'uncovered-key-person': {
        why: "A key person nobody owns is nobody's job: every approver, decision-maker and evaluator needs an owner on our side.",
        help: 'Name the member who owns the relationship (owner on the contact).',
    },
    'unused-waiver': {
        why: 'A waiver that waives nothing hides nothing today but would silently hide a future finding.',
        help: 'Remove the waiver.',
    },
    'expired-waiver': {
        why: 'A waiver past its until date waives nothing any more: the team agreed to look again by then.',
        help: 'Look at the findings again: renew the waiver with a new reason and date, or remove it.',
    },
    'invalid-code': {
        why: 'waive and severity name a check by its code; some codes say the plan is wrong and cannot be waived or changed.',
        help: 'Use a code as the diagnostics show it, one that may be waived or changed.',
    },
    'ripe-lead': {
        why: 'A lead with a clear budget and a clear start date is an opportunity: only what is certain can be quantified, and only what is quantified can be managed.',
        help: 'Set its stage to opportunity, and give it a power map and an iron triangle.',
    },
    'no-value-proposition': {
        why: '80 % of the result is decided before the tender: the value proposition must exist before the bid.',
        help: 'Write the value-proposition: our unique strengths, the unique value of the solution, how fully it meets the need, the difference from competitors.',
    },
    'class-without-partnership': {
        why: "S and A customers are the company's key customers: the organizational relationship aims at a strategic partnership with them.",
        help: 'Build the organizational layer (summits, executive dialogue, aligned processes) and record it with organization match, joint or identify; or review the class.',
    },
    'unverified-opportunity': {
        why: 'A lead has three criteria: a specific customer, an intent to buy and our matching solution. An opportunity that skipped them rests on nothing.',
        help: 'Write the intent (and what shows it) and our matching solution.',
    },
    'unknown-needs': {
        why: 'Find the right people, speak with them, get it done: speaking with a key person starts with knowing what they are measured on and what hurts them.',
        help: 'Find out their KPIs and pains and record them with kpi and pain on the contact.',
    },
    'aimless-activity': {
        why: 'Every visit is planned: whom to see and what to achieve.',
        help: 'Write the objective of the activity.',
    },
    'missing-currency': {
        why: '万 and 亿 are units, not a currency: an amount without a currency cannot be added up with the others.',
        help: 'Write the currency after the amount, e.g. 3000万 CNY.',
    },
    'duplicate-property': {
        why: 'A property written twice in one block is ambiguous to readers: only the last one counts.',
        help: 'Remove the other occurrences.',
    },
    'internal-error': {
        why: 'A check met something acct did not expect and stopped on this element; the other checks ran.',
        help: 'Report it with the plan (or the smallest part of it that shows the error); the message names what failed.',
    },
};
