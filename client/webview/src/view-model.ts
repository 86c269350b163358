/**
 * Plan → view models for the three views. Pure functions over the message data
 * (`PlanView` + `PlanFocus`); no DOM here, so every rule is unit-testable.
 */
import type { Finding, PlanFocus, PlanView, SubjectKey } from '../../../server/src/protocol.js';
import type {
    ContactJson, CustomerJson, OpportunityJson, Role, Support, Tier,
} from '../../../server/src/model/plan-types.js';
import { isScore, suggestedTierFor, suggestedTiers } from '../../../server/src/model/tier-table.js';

export type { Finding, PlanFocus, PlanView, SubjectKey };
export type { ContactJson, CustomerJson, OpportunityJson, Role, Support, Tier };

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const ROLES: readonly Role[] = ['approver', 'decision-maker', 'sponsor', 'evaluator', 'influencer', 'coach'];

export const ROLE_LETTER: Readonly<Record<Role, string>> = {
    approver: 'A',
    'decision-maker': 'D',
    sponsor: 'S',
    evaluator: 'E',
    influencer: 'I',
    coach: 'C',
};

export const ROLE_LABEL: Readonly<Record<Role, string>> = {
    approver: 'approver',
    'decision-maker': 'decision-maker',
    sponsor: 'sponsor',
    evaluator: 'evaluator',
    influencer: 'influencer',
    coach: 'coach',
};

/** Support levels in display order, unknown last. */
export const SUPPORT_LEVELS: readonly Support[] = [-1, 0, 1, 2, 3, null];

export function supportText(s: Support): string {
    return s === null ? '?' : String(s);
}

export function supportMeaning(s: Support): string {
    switch (s) {
        case -1: return 'opposes';
        case 0: return 'neutral';
        case 1: return 'supports, not exclusively';
        case 2: return 'supports us, excludes others';
        case 3: return 'coach-level, actively guides us';
        default: return 'unknown, not yet contacted';
    }
}

/** CSS class token for a support value (`s-neg`, `s0` … `s3`, `s-unknown`). */
export function supportClass(s: Support): string {
    if (s === null) return 's-unknown';
    if (s === -1) return 's-neg';
    return `s${s}`;
}

export function signed(n: number): string {
    return n > 0 ? `+${n}` : String(n);
}

export function intimacyText(i: number | null): string {
    return i === null ? '?' : signed(i);
}

export const TIERS: readonly Tier[] = ['excellent', 'strategic', 'core', 'value', 'commercial'];

/** Suggested tier, contract section 3: `SUGGESTED_TIER[standing - 1][cooperation - 1]` (the checker's table). */
export const SUGGESTED_TIER = suggestedTiers;
export { isScore };

export function suggestedTier(standing: number | null, cooperation: number | null): Tier | null {
    return suggestedTierFor(standing, cooperation) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Keys and findings

export const customerKey = (customer: string): SubjectKey => `customer:${customer}`;
export const contactKey = (customer: string, id: string): SubjectKey => `contact:${customer}/${id}`;
export const opportunityKey = (customer: string, id: string): SubjectKey => `opportunity:${customer}/${id}`;

/** Findings by subject key; a finding that names a `contact` is also filed under that contact. */
export function indexFindings(findings: readonly Finding[]): Map<SubjectKey, Finding[]> {
    const index = new Map<SubjectKey, Finding[]>();
    const add = (key: SubjectKey, f: Finding): void => {
        const list = index.get(key);
        if (list) {
            if (!list.includes(f)) list.push(f);
        } else {
            index.set(key, [f]);
        }
    };
    for (const f of findings) {
        if (!f || typeof f.subject !== 'string') continue;
        add(f.subject, f);
        if (typeof f.contact === 'string' && f.contact !== f.subject) add(f.contact, f);
    }
    return index;
}

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/** Worst severity first, then code, for stable display. */
export function sortFindings(list: readonly Finding[]): Finding[] {
    return [...list].sort((a, b) =>
        (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) || a.code.localeCompare(b.code));
}

export function worstSeverity(list: readonly Finding[]): Finding['severity'] | null {
    const sorted = sortFindings(list);
    return sorted.length ? sorted[0]!.severity : null;
}

export function findingsText(list: readonly Finding[]): string {
    return sortFindings(list).map(f => `${f.severity} ${f.code}: ${f.message}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// What is shown

export interface Shown {
    customer: CustomerJson | null;
    opportunity: OpportunityJson | null;
}

/**
 * The customer and opportunity to show: the focus if it names something in the plan, else the
 * previously shown customer (`fallback`), else the first customer.
 */
export function resolveShown(view: PlanView, focus: PlanFocus | null, fallback?: PlanFocus | null): Shown {
    const customers = view.plan.customers;
    const find = (id: string | null | undefined): CustomerJson | undefined =>
        id ? customers.find(c => c.id === id) : undefined;
    let customer = find(focus?.customer);
    let opportunityId = customer ? focus?.opportunity ?? null : null;
    if (!customer) {
        customer = find(fallback?.customer);
        opportunityId = customer ? fallback?.opportunity ?? null : null;
    }
    if (!customer) customer = customers[0];
    if (!customer) return { customer: null, opportunity: null };
    const opportunity = opportunityId ? customer.opportunities.find(o => o.id === opportunityId) ?? null : null;
    return { customer, opportunity };
}

export function shownTitle(shown: Shown): string {
    if (!shown.customer) return 'No customer';
    return shown.opportunity ? `${shown.customer.name} › ${shown.opportunity.name}` : shown.customer.name;
}

// ---------------------------------------------------------------------------------------------
// Power map

export type CardGroup = 'key' | 'general';

/** A contact as its card shows it: the contact's own facts plus what the shown deal makes of them. */
export interface CardModel extends Pick<ContactJson, 'id' | 'name' | 'title' | 'department' | 'intimacy' | 'lastContact'> {
    key: SubjectKey;
    /** Effective role: for a deal, the decision-chain entry's; else the contact's. */
    role: Role | null;
    /** Effective support: for a deal, the decision-chain entry's; else the contact's. */
    support: Support;
    /** The contact's own role/support when a deal overrides them. */
    contactRole: Role | null;
    contactSupport: Support;
    /** Manager's id inside the same group (the org-chart parent), cycles and missing managers removed. */
    parent: string | null;
    /** Declared manager's display name, if the manager exists. */
    reportsToName: string | null;
    group: CardGroup;
    /** In the shown opportunity's decision chain (always true when no opportunity is shown). */
    inChain: boolean;
    dimmed: boolean;
    stale: boolean;
    findings: Finding[];
    ariaLabel: string;
    tooltip: string;
}

export interface PowerMapModel {
    shown: Shown;
    heading: string;
    subheading: string;
    cards: CardModel[];
    /** Findings on the customer and, for a deal, on the opportunity. */
    headerFindings: Finding[];
    /** Decision-chain entries naming no contact of the customer. */
    unknownChainEntries: string[];
}

function orgLine(title: string | null, department: string | null): string {
    return [title, department].filter((s): s is string => !!s).join(' · ');
}

export function contactAriaLabel(c: {
    name: string; title: string | null; department: string | null; role: Role | null;
    support: Support; intimacy: number | null; stale: boolean; findings: readonly Finding[]; dimmed?: boolean;
}): string {
    const parts: string[] = [c.name];
    const org = [c.title, c.department].filter(Boolean).join(', ');
    if (org) parts.push(org);
    parts.push(`role ${c.role ? ROLE_LABEL[c.role] : 'none (general layer)'}`);
    parts.push(`support ${supportText(c.support)} (${supportMeaning(c.support)})`);
    parts.push(`intimacy ${intimacyText(c.intimacy)}`);
    if (c.stale) parts.push('stale contact');
    if (c.dimmed) parts.push('outside this deal\'s decision chain');
    if (c.findings.length) {
        parts.push(`${c.findings.length} finding${c.findings.length > 1 ? 's' : ''}: `
            + sortFindings(c.findings).map(f => `${f.code}: ${f.message}`).join('; '));
    } else {
        parts.push('no findings');
    }
    return parts.join('; ');
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
                const cut = cycle.reduce((best, id) => order.indexOf(id) < order.indexOf(best) ? id : best, cycle[0]!);
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

export function buildPowerMap(view: PlanView, shown: Shown, index = indexFindings(view.findings)): PowerMapModel {
    const { customer, opportunity } = shown;
    if (!customer) {
        return { shown, heading: 'No customer', subheading: 'The workspace has no customer yet.', cards: [], headerFindings: [], unknownChainEntries: [] };
    }
    // first declaration wins on duplicate ids
    const contacts: ContactJson[] = [];
    const byId = new Map<string, ContactJson>();
    for (const c of customer.contacts) {
        if (!byId.has(c.id)) {
            byId.set(c.id, c);
            contacts.push(c);
        }
    }
    const chain = new Map<string, { role: Role | null; support: Support }>();
    const unknownChainEntries: string[] = [];
    if (opportunity) {
        for (const e of opportunity.decisionChain) {
            if (!byId.has(e.contact)) unknownChainEntries.push(e.contact);
            else if (!chain.has(e.contact)) chain.set(e.contact, { role: e.role, support: e.support });
        }
    }
    const effective = (c: ContactJson): { role: Role | null; support: Support; inChain: boolean } => {
        const e = chain.get(c.id);
        if (opportunity && e) return { role: e.role, support: e.support, inChain: true };
        return { role: c.role, support: c.support, inChain: !opportunity };
    };
    const groupOf = new Map<string, CardGroup>();
    for (const c of contacts) groupOf.set(c.id, effective(c).role ? 'key' : 'general');

    const declaredParent = new Map<string, string | null>();
    for (const c of contacts) {
        const p = c.reportsTo;
        declaredParent.set(c.id, p && p !== c.id && byId.has(p) && groupOf.get(p) === groupOf.get(c.id) ? p : null);
    }
    const parents = breakCycles(declaredParent, contacts.map(c => c.id));

    const cards: CardModel[] = contacts.map(c => {
        const key = contactKey(customer.id, c.id);
        const eff = effective(c);
        const findings = sortFindings(index.get(key) ?? []);
        const stale = findings.some(f => f.code === 'stale-contact');
        const dimmed = !!opportunity && !eff.inChain;
        const manager = c.reportsTo ? byId.get(c.reportsTo) : undefined;
        const base = {
            name: c.name, title: c.title, department: c.department, role: eff.role, support: eff.support,
            intimacy: c.intimacy, stale, findings, dimmed,
        };
        const tipLines = [c.name];
        const org = orgLine(c.title, c.department);
        if (org) tipLines.push(org);
        tipLines.push(`Role: ${eff.role ? ROLE_LABEL[eff.role] : 'none (general layer)'}`
            + (opportunity && eff.inChain && eff.role !== c.role ? ` (for this deal; on the contact: ${c.role ?? 'none'})` : ''));
        tipLines.push(`Support: ${supportText(eff.support)} — ${supportMeaning(eff.support)}`
            + (opportunity && eff.inChain && eff.support !== c.support ? ` (for this deal; on the contact: ${supportText(c.support)})` : ''));
        tipLines.push(`Intimacy: ${intimacyText(c.intimacy)}`);
        if (manager) tipLines.push(`Reports to: ${manager.name}`);
        if (c.lastContact) tipLines.push(`Last contact: ${c.lastContact}${stale ? ' (stale)' : ''}`);
        if (dimmed) tipLines.push('Not in this deal\'s decision chain');
        if (findings.length) tipLines.push('', findingsText(findings));
        return {
            key, id: c.id, name: c.name, title: c.title, department: c.department,
            role: eff.role, support: eff.support, intimacy: c.intimacy,
            contactRole: c.role, contactSupport: c.support,
            parent: parents.get(c.id) ?? null,
            reportsToName: manager ? manager.name : null,
            group: groupOf.get(c.id)!,
            inChain: eff.inChain, dimmed, stale, lastContact: c.lastContact, findings,
            ariaLabel: contactAriaLabel(base),
            tooltip: tipLines.join('\n'),
        };
    });

    const headerFindings = sortFindings([
        ...(index.get(customerKey(customer.id)) ?? []),
        ...(opportunity ? index.get(opportunityKey(customer.id, opportunity.id)) ?? [] : []),
    ]);
    const keyCount = cards.filter(c => c.group === 'key').length;
    let subheading: string;
    if (opportunity) {
        const n = chain.size;
        subheading = opportunity.decisionChain.length === 0
            ? `Deal ${opportunity.stage ?? ''} — no decision chain yet; all ${cards.length} contacts shown dimmed`
            : `Decision chain of the deal: ${n} of ${cards.length} contacts (others dimmed), roles and support for this deal`;
    } else {
        subheading = `Power map: ${keyCount} key-layer and ${cards.length - keyCount} general-layer contacts`;
    }
    return {
        shown, heading: shownTitle(shown), subheading: subheading.replace(/\s+/g, ' '), cards, headerFindings, unknownChainEntries,
    };
}

// ---------------------------------------------------------------------------------------------
// Tier quadrant

export interface QuadrantPoint {
    key: SubjectKey;
    id: string;
    name: string;
    standing: number;
    cooperation: number;
    tier: Tier | null;
    suggested: Tier;
    mismatch: boolean;
    focused: boolean;
    findings: Finding[];
    /** Position of this customer among those in the same cell (ordered by name, then id). */
    slot: number;
    slotCount: number;
    ariaLabel: string;
    tooltip: string;
}

export interface QuadrantModel {
    points: QuadrantPoint[];
    /** Customers without usable standing/cooperation. */
    unplotted: { key: SubjectKey; name: string; reason: string }[];
    /** `counts[standing-1][cooperation-1]`. */
    counts: number[][];
    mismatches: number;
}

export function buildQuadrant(view: PlanView, focusedCustomer: string | null, index = indexFindings(view.findings)): QuadrantModel {
    const points: QuadrantPoint[] = [];
    const unplotted: QuadrantModel['unplotted'] = [];
    const seen = new Set<string>();
    for (const c of view.plan.customers) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        const key = customerKey(c.id);
        if (!isScore(c.standing) || !isScore(c.cooperation)) {
            const missing = [!isScore(c.standing) ? 'standing' : '', !isScore(c.cooperation) ? 'cooperation' : ''].filter(Boolean);
            unplotted.push({ key, name: c.name, reason: `no valid ${missing.join(' and ')}` });
            continue;
        }
        const suggested = c.suggestedTier ?? suggestedTier(c.standing, c.cooperation)!;
        const mismatch = c.tier !== null && c.tier !== suggested;
        const findings = sortFindings(index.get(key) ?? []);
        const label = `${c.name}; standing ${c.standing}, cooperation ${c.cooperation}; tier ${c.tier ?? 'not declared'}; `
            + `suggested ${suggested}${mismatch ? '; tier mismatch' : ''}`
            + (findings.length ? `; ${findings.length} finding${findings.length > 1 ? 's' : ''}: ${findings.map(f => f.code).join(', ')}` : '');
        const tip = [
            c.name,
            `Standing ${c.standing} · cooperation ${c.cooperation}`,
            `Tier: ${c.tier ?? 'not declared'}${mismatch ? ` — suggested ${suggested} (mismatch)` : ` (suggested ${suggested})`}`,
            ...(c.industry ? [`Industry: ${c.industry}`] : []),
            ...(findings.length ? ['', findingsText(findings)] : []),
        ].join('\n');
        points.push({
            key, id: c.id, name: c.name, standing: c.standing, cooperation: c.cooperation, tier: c.tier, suggested,
            mismatch, focused: c.id === focusedCustomer, findings, slot: 0, slotCount: 1, ariaLabel: label, tooltip: tip,
        });
    }
    const counts = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    const cells = new Map<string, QuadrantPoint[]>();
    for (const p of points) {
        const k = `${p.standing}/${p.cooperation}`;
        let list = cells.get(k);
        if (!list) cells.set(k, list = []);
        list.push(p);
        counts[p.standing - 1]![p.cooperation - 1]!++;
    }
    for (const list of cells.values()) {
        list.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        list.forEach((p, i) => { p.slot = i; p.slotCount = list.length; });
    }
    return { points, unplotted, counts, mismatches: points.filter(p => p.mismatch).length };
}

// ---------------------------------------------------------------------------------------------
// Intimacy × support

export type ZoneId = 'rational-turn' | 're-examine' | 'both-high' | 'both-low';

export interface Zone {
    id: ZoneId;
    label: string;
    reading: string;
    /** Inclusive support and intimacy ranges. */
    support: [number, number];
    intimacy: [number, number];
}

/** The method's readings (domain section 4), aligned with the checks `rational-turn-risk` and `friendly-but-unsupportive`. */
export const ZONES: readonly Zone[] = [
    { id: 'rational-turn', label: 'Rational turn risk', reading: 'High support, low intimacy: they like the product, not us — may turn to a competitor at the first good offer', support: [2, 3], intimacy: [-3, -1] },
    { id: 're-examine', label: 'Re-examine needs', reading: 'High intimacy, low support: friendly but not supportive — re-examine what they really need', support: [-1, 0], intimacy: [2, 3] },
    { id: 'both-high', label: 'Both high', reading: 'Support is likely, though never guaranteed', support: [2, 3], intimacy: [2, 3] },
    { id: 'both-low', label: 'Both low', reading: 'Support in a deal is nearly impossible', support: [-1, 0], intimacy: [-3, -1] },
];

export function zoneOf(support: Support, intimacy: number | null): Zone | null {
    if (support === null || intimacy === null) return null;
    return ZONES.find(z => support >= z.support[0] && support <= z.support[1]
        && intimacy >= z.intimacy[0] && intimacy <= z.intimacy[1]) ?? null;
}

export function isIntimacy(n: unknown): n is number {
    return typeof n === 'number' && Number.isInteger(n) && n >= -3 && n <= 3;
}

export interface IntimacyPoint {
    key: SubjectKey;
    id: string;
    name: string;
    role: Role | null;
    support: Support;
    /** null: unknown or out of range (plotted in the "?" row). */
    intimacy: number | null;
    zone: Zone | null;
    findings: Finding[];
    slot: number;
    slotCount: number;
    ariaLabel: string;
    tooltip: string;
}

export interface IntimacyModel {
    shown: Shown;
    points: IntimacyPoint[];
    unknownSupport: number;
    unknownIntimacy: number;
}

export function buildIntimacy(view: PlanView, shown: Shown, index = indexFindings(view.findings)): IntimacyModel {
    const points: IntimacyPoint[] = [];
    const customer = shown.customer;
    if (customer) {
        const seen = new Set<string>();
        for (const c of customer.contacts) {
            if (seen.has(c.id)) continue;
            seen.add(c.id);
            const key = contactKey(customer.id, c.id);
            const findings = sortFindings(index.get(key) ?? []);
            const support: Support = c.support === null || [-1, 0, 1, 2, 3].includes(c.support) ? c.support : null;
            const intimacy = isIntimacy(c.intimacy) ? c.intimacy : null;
            const zone = zoneOf(support, intimacy);
            const stale = findings.some(f => f.code === 'stale-contact');
            const aria = contactAriaLabel({ name: c.name, title: c.title, department: c.department, role: c.role, support, intimacy, stale, findings })
                + (zone ? `; zone ${zone.label}` : '');
            const tip = [
                c.name,
                ...(orgLine(c.title, c.department) ? [orgLine(c.title, c.department)] : []),
                `Role: ${c.role ? ROLE_LABEL[c.role] : 'none (general layer)'}`,
                `Support: ${supportText(support)} — ${supportMeaning(support)}`,
                `Intimacy: ${intimacyText(intimacy)}`,
                ...(zone ? [`${zone.label}: ${zone.reading}`] : []),
                ...(findings.length ? ['', findingsText(findings)] : []),
            ].join('\n');
            points.push({ key, id: c.id, name: c.name, role: c.role, support, intimacy, zone, findings, slot: 0, slotCount: 1, ariaLabel: aria, tooltip: tip });
        }
    }
    const cells = new Map<string, IntimacyPoint[]>();
    for (const p of points) {
        const k = `${p.support}/${p.intimacy}`;
        let list = cells.get(k);
        if (!list) cells.set(k, list = []);
        list.push(p);
    }
    for (const list of cells.values()) list.forEach((p, i) => { p.slot = i; p.slotCount = list.length; });
    return {
        shown, points,
        unknownSupport: points.filter(p => p.support === null).length,
        unknownIntimacy: points.filter(p => p.intimacy === null).length,
    };
}

// ---------------------------------------------------------------------------------------------
// Text fitting (deterministic, conservative width estimate; no DOM measurement needed)

/** Estimated advance of one character, in em, for common UI sans-serif fonts (conservative). */
export function charWidthEm(ch: string): number {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x1100 && (
        (cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
        || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
        || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd))) {
        return 1.05;
    }
    if (' .,:;\'|!il'.includes(ch)) return 0.34;
    if ('fjrtI()[]{}-/"`'.includes(ch)) return 0.45;
    if ('mwMW@%'.includes(ch)) return 0.98;
    if (ch >= 'A' && ch <= 'Z') return 0.74;
    if (ch >= '0' && ch <= '9') return 0.64;
    if (ch >= 'a' && ch <= 'z') return 0.63;
    if (cp < 0x80) return 0.66;
    if (cp < 0x0250) return 0.66; // Latin-1 / Latin extended: accented letters
    return 0.8;
}

export function estimateTextWidth(text: string, fontSizePx: number, bold = false): number {
    let em = 0;
    for (const ch of text) em += charWidthEm(ch);
    return em * fontSizePx * (bold ? 1.08 : 1);
}

/** Truncates `text` with an ellipsis so its estimated width is at most `maxWidth` px. */
export function fitText(text: string, maxWidth: number, fontSizePx: number, bold = false): { text: string; truncated: boolean } {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (estimateTextWidth(clean, fontSizePx, bold) <= maxWidth) return { text: clean, truncated: clean !== text };
    const ell = '…';
    const budget = maxWidth - estimateTextWidth(ell, fontSizePx, bold);
    let used = 0;
    let out = '';
    for (const ch of clean) {
        const w = charWidthEm(ch) * fontSizePx * (bold ? 1.08 : 1);
        if (used + w > budget) break;
        used += w;
        out += ch;
    }
    return { text: out.trimEnd() + ell, truncated: true };
}
