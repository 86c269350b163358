/**
 * The power map's model: one card per contact of the shown customer, with the role and support
 * the shown deal gives them (its decision chain), who reports to whom, the key and general
 * layers, and the findings on each card. Pure: no DOM.
 */
import { SubjectKeys, type ContactJson, type Finding, type ViewedPlan, type Role, type SubjectKey, type Support } from '@acct/contract';
import { intimacyText, supportText } from '@acct/method';
import { POWER_MAP } from '../labels.js';
import { contactAriaLabel, contactHead, firstById, shownTitle, supportLine, type Shown } from './common.js';
import { competitorLine, competitorMarks, type CompetitorMark } from './competitors.js';
import { findingsAbout, findingsText, indexFindings, sortFindings, type FindingIndex } from './findings.js';
import { influenceLines, influenceText, type InfluenceEnd, type InfluenceLine } from './influence.js';
import { chainManagers, foldCounts, peopleWhoMatter } from './power-map-fold.js';
import { moveLine, movesSummary, threeMoves, type MoveMark } from './moves.js';
import { texts } from '../texts.js';

export type CardGroup = 'key' | 'general';

/** A contact as its card shows it: the contact's own facts plus what the shown deal makes of them. */
export interface CardModel extends Pick<ContactJson, 'id' | 'name' | 'title' | 'department' | 'intimacy' | 'lastContact' | 'kpis' | 'pains'> {
    key: SubjectKey;
    /** Effective role: for a deal, the decision-chain entry's; else the contact's. */
    role: Role | null;
    /** Effective support: for a deal, the decision-chain entry's; else the contact's. */
    support: Support;
    /** The contact's own role/support when a deal overrides them. */
    contactRole: Role | null;
    contactSupport: Support;
    /** Manager's id inside the same group (the org-chart parent), cycles, missing and folded managers removed. */
    parent: string | null;
    /** People of the organisation folded under this card: outside the deal's decision chain, in branches that hang here (0: none). */
    foldedBelow: number;
    /** Declared manager's display name, if the manager exists. */
    reportsToName: string | null;
    group: CardGroup;
    /** In the shown opportunity's decision chain (always true when no opportunity is shown). */
    inChain: boolean;
    /**
     * Drawn only so that a folded deal map's reporting lines read (the method, §3: they matter for
     * the lines, not as actors of the deal): a manager above a chain member, outside the chain,
     * influencing no member. A light card: name and title, muted; the rest on hover.
     */
    context: boolean;
    dimmed: boolean;
    stale: boolean;
    findings: Finding[];
    /** Competitors this person supports at least as much as us. */
    competitors: CompetitorMark[];
    /** The three moves, for an opposed key person (a finding `opposed-key-person`); else null. */
    moves: MoveMark[] | null;
    ariaLabel: string;
    /** Said when first read (see `lazyTooltip`). */
    tooltip: string;
}

/** `card.tooltip` made by `say` when it is first read, then kept: most cards' tooltips are never read. */
function lazyTooltip(card: CardModel, say: () => string): void {
    let said: string | undefined;
    Object.defineProperty(card, 'tooltip', {
        enumerable: true,
        configurable: true,
        get: () => (said ??= say()),
        set: (value: string) => {
            said = value;
        },
    });
}

export interface PowerMapModel {
    shown: Shown;
    heading: string;
    subheading: string;
    cards: CardModel[];
    /** Influence lines beyond `reports-to`, between cards. */
    influences: InfluenceLine[];
    /** Findings on the customer and, for a deal, on the opportunity. */
    headerFindings: Finding[];
    /** Decision-chain entries naming no contact of the customer. */
    unknownChainEntries: string[];
    /**
     * A deal with a decision chain: how its map is drawn — the people who matter to it (`whole`
     * false: the others folded, `folded` of them, `loose` by group where no one of their branch is
     * shown) or the whole organisation; null for a customer, or a deal without a chain (drawn whole).
     */
    fold: { whole: boolean; folded: number; loose: Partial<Record<CardGroup, number>> } | null;
}

/** Removes `reports-to` cycles: the first contact (in order) found on a cycle becomes a root. */
export function breakCycles(parentOf: Map<string, string | null>, order: readonly string[]): Map<string, string | null> {
    const result = new Map(parentOf);
    const state = new Map<string, 1 | 2>(); // 1 visiting, 2 done
    for (const start of order) {
        if (state.get(start) === 2) continue;
        const path: string[] = [];
        let cur: string | null | undefined = start;
        while (cur != null && state.get(cur) !== 2) {
            if (state.get(cur) === 1) {
                // cycle: from cur back to cur along path; cut the member that comes first in `order`
                const idx = path.indexOf(cur);
                const cycle = path.slice(idx);
                const cut = cycle.reduce((best, id) => (order.indexOf(id) < order.indexOf(best) ? id : best), cycle[0]!);
                result.set(cut, null);
                break;
            }
            state.set(cur, 1);
            path.push(cur);
            cur = result.get(cur) ?? null;
        }
        for (const id of path) state.set(id, 2);
    }
    return result;
}

interface Effective {
    role: Role | null;
    support: Support;
    inChain: boolean;
}

function subheadingOf(shown: Shown, total: number, cards: readonly CardModel[], chainSize: number, folded: number): string {
    const { opportunity } = shown;
    const t = texts();
    if (opportunity) {
        const chain =
            opportunity.decisionChain.length === 0
                ? t.t('view.power.noChain', { stage: opportunity.stage ? t.name('stages', opportunity.stage) : '', count: total })
                : folded
                  ? POWER_MAP.chainFolded(chainSize, total, folded)
                  : POWER_MAP.chainHeader(chainSize, total);
        return chain + valuePropositionText(opportunity);
    }
    const keyCount = cards.filter(c => c.group === 'key').length;
    return t.t('view.power.customer', { key: keyCount, general: cards.length - keyCount });
}

/** The deal header's value proposition (1.2): its parts, or that a bid has none. */
function valuePropositionText(opportunity: NonNullable<Shown['opportunity']>): string {
    const t = texts();
    const proposition = opportunity.valueProposition;
    const parts = proposition
        ? [proposition.strengths, proposition.uniqueValue, proposition.fit, proposition.difference].filter((part): part is string => !!part)
        : [];
    if (parts.length) return t.t('view.power.valueProposition', { parts: parts.join(' · ') });
    return opportunity.stage === 'bid' ? t.t('view.power.noValueProposition') : '';
}

/**
 * The power map of `shown`: for a deal with a decision chain, the people who matter to it and the
 * rest of the organisation folded, or with `whole` every contact of the customer (dimmed outside
 * the chain); for a customer, every contact.
 */
export function buildPowerMap(view: ViewedPlan, shown: Shown, index: FindingIndex = indexFindings(view), whole = false): PowerMapModel {
    const { customer, opportunity } = shown;
    if (!customer) {
        return {
            shown,
            heading: texts().t('view.noCustomer'),
            subheading: texts().t('view.noCustomerInWorkspace'),
            cards: [],
            influences: [],
            headerFindings: [],
            unknownChainEntries: [],
            fold: null,
        };
    }
    const contacts = firstById(customer.contacts);
    const byId = new Map(contacts.map(c => [c.id, c]));
    const chain = new Map<string, { role: Role | null; support: Support }>();
    const unknownChainEntries: string[] = [];
    if (opportunity) {
        for (const e of opportunity.decisionChain) {
            if (!byId.has(e.contact)) unknownChainEntries.push(e.contact);
            else if (!chain.has(e.contact)) chain.set(e.contact, { role: e.role, support: e.support });
        }
    }
    const effective = (c: ContactJson): Effective => {
        const e = chain.get(c.id);
        if (opportunity && e) return { role: e.role, support: e.support, inChain: true };
        return { role: c.role, support: c.support, inChain: !opportunity };
    };
    // a deal with a chain: the people its members report to stand in the key layer with them, so that the reporting lines are drawn
    const foldable = !!opportunity && chain.size > 0;
    const chainIds = new Set(chain.keys());
    const managers = foldable ? chainManagers(contacts, chainIds) : new Set<string>();
    const groupOf = new Map<string, CardGroup>();
    for (const c of contacts) groupOf.set(c.id, effective(c).role || managers.has(c.id) ? 'key' : 'general');

    const declaredParent = new Map<string, string | null>();
    for (const c of contacts) {
        const p = c.reportsTo;
        declaredParent.set(c.id, p && p !== c.id && byId.has(p) && groupOf.get(p) === groupOf.get(c.id) ? p : null);
    }
    const parents = breakCycles(
        declaredParent,
        contacts.map(c => c.id),
    );
    // a deal with a chain shows the people who matter to it, the rest folded (unless the whole organisation is asked for)
    const matter = foldable && !whole ? peopleWhoMatter(contacts, chainIds, managers) : null;
    const drawnContacts = matter ? contacts.filter(c => matter.has(c.id)) : contacts;
    const counts = matter
        ? foldCounts(
              contacts.map(c => c.id),
              parents,
              groupOf,
              matter,
          )
        : null;

    const competitors = new Map(view.plan.competitors.map(c => [c.id, c]));
    const today = view.plan.today ?? '';
    const cards: CardModel[] = drawnContacts.map(c => {
        const key = SubjectKeys.contact(customer.id, c.id);
        const eff = effective(c);
        const findings = findingsAbout(index, key);
        const stale = findings.some(f => f.code === 'stale-contact');
        const dimmed = !!opportunity && !eff.inChain;
        const manager = c.reportsTo ? byId.get(c.reportsTo) : undefined;
        return {
            key,
            id: c.id,
            name: c.name,
            title: c.title,
            department: c.department,
            role: eff.role,
            support: eff.support,
            intimacy: c.intimacy,
            contactRole: c.role,
            contactSupport: c.support,
            parent: (p => (p && (!matter || matter.has(p)) ? p : null))(parents.get(c.id)),
            foldedBelow: counts?.below.get(c.id) ?? 0,
            reportsToName: manager ? manager.name : null,
            group: groupOf.get(c.id)!,
            inChain: eff.inChain,
            context: !!matter && !eff.inChain && managers.has(c.id) && !c.influences?.some(to => chainIds.has(to)),
            dimmed,
            stale,
            lastContact: c.lastContact,
            findings,
            kpis: c.kpis ?? [],
            pains: c.pains ?? [],
            competitors: competitorMarks(c, eff.support, competitors, opportunity),
            moves: findings.some(f => f.code === 'opposed-key-person') ? threeMoves(customer, c.id, today) : null,
            ariaLabel: '',
            tooltip: '',
        };
    });
    // every line of the organisation is said on the cards; the lines between the people drawn are drawn
    const ends = new Map<string, InfluenceEnd>(cards.map(c => [c.id, c]));
    if (matter)
        for (const c of contacts) {
            if (ends.has(c.id)) continue;
            const eff = effective(c);
            ends.set(c.id, { id: c.id, name: c.name, support: eff.support, dimmed: !eff.inChain });
        }
    const allInfluences = influenceLines(contacts, ends);
    const influences = matter ? allInfluences.filter(l => matter.has(l.from) && matter.has(l.to)) : allInfluences;
    const names = new Map(contacts.map(c => [c.id, c.name]));
    const t = texts();
    for (const card of cards) {
        const c = byId.get(card.id)!;
        const forDeal = !!opportunity && card.inChain;
        // the tooltip lists the moves one per line; the label says them in one phrase
        const competitor = card.competitors.length ? [t.t('view.line.competitor', { line: competitorLine(card.competitors, card.support) })] : [];
        const influence = influenceText(card.id, allInfluences, names);
        // what this person is measured on and what hurts them (1.2): before speaking with them
        const needs = [
            ...(card.kpis.length ? [t.t('view.line.kpis', { kpis: t.list(card.kpis) })] : []),
            ...(card.pains.length ? [t.t('view.line.pains', { pains: t.list(card.pains) })] : []),
        ];
        // the tooltip is said when it is first read (a hover, a focus): the report draws 33,000 cards
        lazyTooltip(card, () => {
            const tipLines = contactHead(c, card.role);
            if (forDeal && card.role !== c.role)
                tipLines[tipLines.length - 1] += t.t('view.power.forDeal', { value: c.role ? t.name('roles', c.role) : t.t('view.none') });
            tipLines.push(
                supportLine(card.support) + (forDeal && card.support !== c.support ? t.t('view.power.forDeal', { value: supportText(c.support) }) : ''),
            );
            tipLines.push(...competitor, ...influence);
            if (card.moves) tipLines.push(t.t('view.movesTitle'), ...card.moves.map(m => `  ${moveLine(m)}`));
            tipLines.push(...needs);
            tipLines.push(t.t('view.line.intimacy', { value: intimacyText(c.intimacy) }));
            if (card.reportsToName) tipLines.push(t.t('view.line.reportsTo', { name: card.reportsToName }));
            if (c.lastContact) tipLines.push(t.t(card.stale ? 'view.line.lastContactStale' : 'view.line.lastContact', { date: c.lastContact }));
            if (card.dimmed) tipLines.push(t.t('view.power.notInChain'));
            if (card.findings.length) tipLines.push('', findingsText(card.findings));
            return tipLines.join('\n');
        });
        const moves = card.moves ? [t.t('view.movesSummary', { summary: movesSummary(card.moves) })] : [];
        card.ariaLabel = [
            contactAriaLabel({ ...c, role: card.role, support: card.support, stale: card.stale, findings: card.findings, dimmed: card.dimmed }),
            ...competitor,
            ...moves,
            ...influence,
            ...needs,
        ].join('; ');
    }

    const headerFindings = sortFindings([
        ...(index.get(SubjectKeys.customer(customer.id)) ?? []),
        ...(opportunity ? (index.get(SubjectKeys.opportunity(customer.id, opportunity.id)) ?? []) : []),
    ]);
    return {
        shown,
        heading: shownTitle(shown),
        subheading: subheadingOf(shown, contacts.length, cards, chain.size, counts ? contacts.length - cards.length : 0).replace(/\s+/g, ' '),
        cards,
        influences,
        headerFindings,
        unknownChainEntries,
        fold: foldable ? { whole: !matter, folded: matter ? contacts.length - cards.length : 0, loose: Object.fromEntries(counts?.loose ?? []) } : null,
    };
}
