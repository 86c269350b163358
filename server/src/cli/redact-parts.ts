/**
 * The parts of a redacted document (cli/redact.ts), written out field by field: a customer with
 * its contacts, opportunities and activities.
 */
import type { ActivityJson, CompetitorSupportJson, ContactJson, CustomerJson, DecisionChainEntryJson, OpportunityJson } from '../contract/plan-types.js';
import type { Pseudonym, Redactor } from './redact-pseudonyms.js';

/**
 * Where a redacted part goes: `copy` keeps the redacted one (the plan stays as it was, for a caller
 * that reads it afterwards, `acct report --redact`); `inPlace` writes it into the plan's own part
 * (the same keys in the same order: only the values change), so that no second plan is kept alive
 * while it is serialized (`acct export --redact`, which never reads the plan again). In place, a
 * key the redacted part did not name would keep its original value: each part below names every
 * key of its type, and `test/unit/redact-shape.test.ts` holds that the copy has all the plan's
 * keys and that in place writes the copy's bytes.
 */
export type Put = <T extends object>(original: T, redacted: T) => T;
export const copy: Put = (_original, redacted) => redacted;
export const inPlace: Put = (original, redacted) => Object.assign(original, redacted);

const member = (r: Redactor, members: Map<string, Pseudonym>, id: string | null): string | null =>
    id === null ? null : r.pseudonyms('member', id, '', members).id;

/**
 * A customer's redacted copy. Each part is written out field by field in the document's order of
 * keys, and typed as the part: a field added to the export does not compile until it is written
 * here, so a free text added to the plan cannot pass through `--redact` unseen (and a field this
 * does not name is left out, never copied). The free texts are numbered in the order of the
 * document (a customer's contacts, opportunities and activities before its industry).
 */
export function redactCustomer(r: Redactor, customer: CustomerJson, put: Put): CustomerJson {
    const members = r.of('member', '');
    const competitors = r.of('competitor', '');
    const contacts = r.of('contact', customer.id);
    const opportunities = r.of('opportunity', customer.id);
    const activities = r.of('activity', customer.id);
    const contact = (id: string): string => r.pseudonyms('contact', id, customer.id, contacts).id;
    const competitor = (id: string): string => r.pseudonyms('competitor', id, '', competitors).id;
    const contactsOut = customer.contacts.map((c): ContactJson => {
        const pseudonyms = r.pseudonyms('contact', c.id, customer.id, contacts);
        return put(c, {
            id: pseudonyms.id,
            name: pseudonyms.name,
            title: r.text('Title', c.title),
            department: r.text('Department', c.department),
            role: c.role,
            support: c.support,
            intimacy: null,
            reportsTo: c.reportsTo === null ? null : contact(c.reportsTo),
            lastContact: c.lastContact,
            owner: member(r, members, c.owner),
            competitorSupport: c.competitorSupport.map((s): CompetitorSupportJson => put(s, { competitor: competitor(s.competitor), support: null })),
            influences: c.influences.map(contact),
            kpis: c.kpis.map(kpi => r.text('KPI', kpi)!),
            pains: c.pains.map(pain => r.text('Pain', pain)!),
        });
    });
    const opportunitiesOut = customer.opportunities.map((o): OpportunityJson => {
        const pseudonyms = r.pseudonyms('opportunity', o.id, customer.id, opportunities);
        const { team, valueProposition: vp } = o;
        return put(o, {
            id: pseudonyms.id,
            name: pseudonyms.name,
            stage: o.stage,
            // money and the sandbox's scores say nothing of who: the same objects
            amount: o.amount,
            budget: o.budget,
            start: o.start,
            qualified: o.qualified,
            team: team && put(team, { ar: member(r, members, team.ar), sr: member(r, members, team.sr), fr: member(r, members, team.fr) }),
            decisionChain: o.decisionChain.map((entry): DecisionChainEntryJson =>
                put(entry, {
                    contact: contact(entry.contact),
                    role: entry.role,
                    support: entry.support,
                    group: entry.group,
                }),
            ),
            competitors: o.competitors.map(competitor),
            horizon: o.horizon,
            sandbox: o.sandbox,
            intent: r.text('Intent', o.intent),
            solution: r.text('Solution', o.solution),
            valueProposition:
                vp &&
                put(vp, {
                    strengths: r.text('Strengths', vp.strengths),
                    uniqueValue: r.text('Unique value', vp.uniqueValue),
                    fit: r.text('Fit', vp.fit),
                    difference: r.text('Difference', vp.difference),
                }),
            maturity: o.maturity,
        });
    });
    const activitiesOut = customer.activities.map((a): ActivityJson => {
        const pseudonyms = r.pseudonyms('activity', a.id, customer.id, activities);
        return put(a, {
            id: pseudonyms.id,
            name: pseudonyms.name,
            kind: a.kind,
            date: a.date,
            with: a.with.map(contact),
            owner: member(r, members, a.owner),
            status: a.status,
            outcome: r.text('Outcome', a.outcome),
            objective: r.text('Objective', a.objective),
        });
    });
    const pseudonyms = r.pseudonyms('customer', customer.id);
    return put(customer, {
        id: pseudonyms.id,
        name: pseudonyms.name,
        industry: r.text('Industry', customer.industry),
        standing: customer.standing,
        cooperation: customer.cooperation,
        tier: customer.tier,
        suggestedTier: customer.suggestedTier,
        reviewed: customer.reviewed,
        owner: member(r, members, customer.owner),
        organization: customer.organization,
        class: customer.class,
        contacts: contactsOut,
        opportunities: opportunitiesOut,
        activities: activitiesOut,
    });
}
