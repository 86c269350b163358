/**
 * `acct export --redact`: the same document, valid against the same schema, for sharing outside
 * the team. Every id, name, title, department, industry, outcome, waiver reason and file path,
 * and the free texts of 1.2 (intent, solution, the four parts of a value proposition, KPIs, pains,
 * objectives),
 * becomes a pseudonym (`contact_7` / `Contact 7`, `Title 2`, `plan-3.acct`), consistently
 * everywhere it is referenced and quoted in messages; intimacy and the support for competitors
 * are withheld (`null`). What stays: the structure, roles, our support, stages, tiers, scores,
 * amounts, dates and the codes of the findings.
 *
 * Pseudonyms are numbered in document order (files by path, then declaration order), per kind.
 * The same plan gives the same pseudonyms on every run, and they reveal nothing of the names:
 * a hash of an id would be stable across edits too, but ids are short words (`zhang`) that
 * anyone can hash and compare. Adding an element renumbers those after it of its kind.
 */
import type {
    AcctPlanDocument,
    ActivityJson,
    CompetitorSupportJson,
    ContactJson,
    CustomerJson,
    DecisionChainEntryJson,
    DiagnosticJson,
    OpportunityJson,
    WaivedJson,
} from '../contract/plan-types.js';
import type { FindingSubject } from '../contract/findings.js';
import { parseSubjectKey, SubjectKeys, type SubjectKey } from '../contract/subject-key.js';
import { replaceAll, Replacements, withholdNumbers } from './redact-text.js';

/** What each diagnostic and waived finding is about, at the same indexes as in the plan. */
export interface RedactionSubjects {
    diagnostics: readonly (FindingSubject | null)[];
    waived: readonly (FindingSubject | null)[];
}

type Kind = 'member' | 'competitor' | 'customer' | 'contact' | 'opportunity' | 'activity';
const label: Record<Kind, string> = {
    member: 'Member',
    competitor: 'Competitor',
    customer: 'Customer',
    contact: 'Contact',
    opportunity: 'Opportunity',
    activity: 'Activity',
};

type Pseudonym = { id: string; name: string };

class Redactor {
    /** How many elements of each kind, texts of each label and files have been numbered. */
    private readonly counts = new Map<string, number>();
    /** Names and texts global to the workspace. */
    readonly global = new Replacements();
    /** The texts local to each customer (its contacts, opportunities, activities). */
    readonly local = new Map<string, Replacements>();

    /** The pseudonyms by kind, customer and id: made once, however often they are referred to. */
    private readonly ids: Record<Kind, Map<string, Map<string, Pseudonym>>> = {
        member: new Map(),
        competitor: new Map(),
        customer: new Map(),
        contact: new Map(),
        opportunity: new Map(),
        activity: new Map(),
    };
    /** The free texts' pseudonyms by label and text. */
    private readonly texts = new Map<string, Map<string, string>>();
    private readonly files = new Map<string, string>();

    private next(counter: string): number {
        const number = (this.counts.get(counter) ?? 0) + 1;
        this.counts.set(counter, number);
        return number;
    }

    /** The pseudonyms of one customer's elements of a kind (of the workspace's: customer ''), by id. */
    of(kind: Kind, customer: string): Map<string, Pseudonym> {
        const ofKind = this.ids[kind];
        let ofCustomer = ofKind.get(customer);
        if (!ofCustomer) ofKind.set(customer, (ofCustomer = new Map()));
        return ofCustomer;
    }

    /** Numbered per kind in the order first met: `contact_7` / `Contact 7`. */
    pseudonyms(kind: Kind, id: string, customer = '', within = this.of(kind, customer)): Pseudonym {
        let pseudonyms = within.get(id);
        if (pseudonyms === undefined) {
            const number = this.next(kind);
            within.set(id, (pseudonyms = { id: `${kind}_${number}`, name: `${label[kind]} ${number}` }));
        }
        return pseudonyms;
    }

    id(kind: Kind, id: string, customer = ''): string {
        return this.pseudonyms(kind, id, customer).id;
    }

    name(kind: Kind, id: string, customer = ''): string {
        return this.pseudonyms(kind, id, customer).name;
    }

    /** A free text by its value: the same text, the same pseudonym (`Title 2`). */
    text(kind: string, value: string | null): string | null {
        if (value === null) return null;
        let ofKind = this.texts.get(kind);
        if (!ofKind) this.texts.set(kind, (ofKind = new Map()));
        let pseudonym = ofKind.get(value);
        if (pseudonym === undefined) {
            ofKind.set(value, (pseudonym = `${kind} ${this.next(`text ${kind}`)}`));
            this.global.add(value, pseudonym);
        }
        return pseudonym;
    }

    file(path: string): string {
        let pseudonym = this.files.get(path);
        if (pseudonym === undefined) {
            this.files.set(path, (pseudonym = `plan-${this.next('file')}.acct`));
            this.global.add(path, pseudonym);
            this.global.add(path.split('/').pop(), pseudonym);
        }
        return pseudonym;
    }

    /** Declares an element: its id and name become pseudonyms in messages too. */
    declare(kind: Kind, id: string, name: string, customer?: string, into = customer === undefined ? this.global : this.localOf(customer)): void {
        const pseudonyms = this.pseudonyms(kind, id, customer);
        into.add(name, pseudonyms.name);
        into.add(id, pseudonyms.id);
    }

    localOf(customer: string): Replacements {
        let replacements = this.local.get(customer);
        if (!replacements) this.local.set(customer, (replacements = new Replacements()));
        return replacements;
    }
}

export interface Redacted {
    plan: AcctPlanDocument;
    /** The subjects, with the pseudonymous keys. */
    subjects: RedactionSubjects;
}

/** `withheld`: the word that stands for a withheld value in a message, in the messages' language. */
export function redactPlan(plan: AcctPlanDocument, subjects: RedactionSubjects, withheld = 'withheld'): Redacted {
    const r = new Redactor();
    // Every id first, in document order, so that a reference to a later element has its number.
    const files = plan.files.map(file => r.file(file));
    plan.members.forEach(m => r.declare('member', m.id, m.name));
    plan.competitors.forEach(c => r.declare('competitor', c.id, c.name));
    for (const customer of plan.customers) {
        r.declare('customer', customer.id, customer.name);
        const local = r.localOf(customer.id);
        for (const c of customer.contacts) r.declare('contact', c.id, c.name, customer.id, local);
        for (const o of customer.opportunities) r.declare('opportunity', o.id, o.name, customer.id, local);
        for (const a of customer.activities) r.declare('activity', a.id, a.name, customer.id, local);
    }
    // The withheld values a message may quote: those of the contacts it is about (of every contact when it is about none).
    const { secretsOf, contactCustomer } = withheldValues(plan);
    const customers = plan.customers.map(customer => redactCustomer(r, customer));
    const reasons = plan.waived.map(w => r.text('Reason', w.reason) ?? '');
    // What a message may quote: the texts of the customer it is about (every customer's when it
    // is about none), then the workspace's. Local names win: a message about a contact means it.
    const keys = new Map<SubjectKey, SubjectKey>();
    const redactedKey = (original: SubjectKey): SubjectKey => {
        let key = keys.get(original);
        if (key === undefined) keys.set(original, (key = redactedKeyOf(original)));
        return key;
    };
    const redactedKeyOf = (original: SubjectKey): SubjectKey => {
        const parsed = parseSubjectKey(original)!;
        if (parsed.kind === 'member' || parsed.kind === 'competitor' || parsed.kind === 'customer')
            return SubjectKeys.of(parsed.kind, r.id(parsed.kind, parsed.id));
        return SubjectKeys.of(parsed.kind, r.id(parsed.kind, parsed.id, parsed.customer!), r.id('customer', parsed.customer!));
    };
    // Those of every contact of a customer, and of the workspace, gathered once (not per finding).
    const customerSecrets = new Map<string, Set<number>>();
    const allSecrets = new Set<number>();
    for (const [key, values] of secretsOf) {
        const customer = contactCustomer.get(key)!;
        let set = customerSecrets.get(customer);
        if (!set) customerSecrets.set(customer, (set = new Set()));
        for (const value of values) {
            set.add(value);
            allSecrets.add(value);
        }
    }
    let allLocals: Replacements | undefined;
    // the customer a finding is about, by its subject key; the numbers a message withholds, by the set they come from
    const customerOf = new Map<SubjectKey, string | null>();
    const withholding = new Map<ReadonlySet<number>, (gap: string) => string>();
    const noSecrets = withholdNumbers(new Set(), withheld);
    const withholdingOf = (secrets: ReadonlySet<number>) => {
        let between = withholding.get(secrets);
        if (!between) withholding.set(secrets, (between = withholdNumbers(secrets, withheld)));
        return between;
    };
    const redactMessage = (message: string, about: FindingSubject | null | undefined): string => {
        let customer: string | null = null;
        if (about) {
            customer = customerOf.get(about.subject) ?? null;
            if (customer === null && !customerOf.has(about.subject))
                customerOf.set(about.subject, (customer = parseSubjectKey(about.subject)?.customer ?? null));
        }
        const layers = [customer !== null ? r.localOf(customer) : (allLocals ??= Replacements.merged(r.local.values())), r.global];
        const contact = about?.contact ? secretsOf.get(about.contact) : undefined;
        const subject = about ? secretsOf.get(about.subject) : undefined;
        let between: (gap: string) => string;
        if (contact || subject) {
            // about a contact: its own values
            const own = new Set<number>(contact);
            for (const value of subject ?? []) own.add(value);
            between = withholdNumbers(own, withheld);
        } else {
            // about a customer, an opportunity or nothing: the values of the contacts it may name
            const secrets = customer === null ? allSecrets : customerSecrets.get(customer);
            between = secrets ? withholdingOf(secrets) : noSecrets;
        }
        return replaceAll(message, layers, between);
    };
    /** A finding's redacted copy, field by field in the document's order (a new field does not compile until it is named here). */
    const finding = (d: DiagnosticJson, about: FindingSubject | null | undefined): DiagnosticJson => ({
        file: r.file(d.file),
        line: d.line,
        column: d.column,
        severity: d.severity,
        code: d.code,
        message: redactMessage(d.message, about),
        subject: d.subject === null ? null : redactedKey(d.subject),
    });
    const waived = plan.waived.map((w, i): WaivedJson => ({ ...finding(w, subjects.waived[i]), reason: reasons[i]!, until: w.until }));
    const document: AcctPlanDocument = {
        format: plan.format,
        version: plan.version,
        today: plan.today,
        files,
        members: plan.members.map(m => ({ id: r.id('member', m.id), name: r.name('member', m.id) })),
        competitors: plan.competitors.map(c => ({ id: r.id('competitor', c.id), name: r.name('competitor', c.id) })),
        customers,
        diagnostics: plan.diagnostics.map((d, i) => finding(d, subjects.diagnostics[i])),
        waived,
    };
    const subject = (about: FindingSubject | null): FindingSubject | null => {
        if (!about) return null;
        const key = redactedKey;
        return about.contact ? { subject: key(about.subject), contact: key(about.contact) } : { subject: key(about.subject) };
    };
    return { plan: document, subjects: { diagnostics: subjects.diagnostics.map(subject), waived: subjects.waived.map(subject) } };
}

const member = (r: Redactor, members: Map<string, Pseudonym>, id: string | null): string | null =>
    id === null ? null : r.pseudonyms('member', id, '', members).id;

/**
 * A customer's redacted copy. Each part is written out field by field in the document's order of
 * keys, and typed as the part: a field added to the export does not compile until it is written
 * here, so a free text added to the plan cannot pass through `--redact` unseen (and a field this
 * does not name is left out, never copied). The free texts are numbered in the order of the
 * document (a customer's contacts, opportunities and activities before its industry).
 */
function redactCustomer(r: Redactor, customer: CustomerJson): CustomerJson {
    const members = r.of('member', '');
    const competitors = r.of('competitor', '');
    const contacts = r.of('contact', customer.id);
    const opportunities = r.of('opportunity', customer.id);
    const activities = r.of('activity', customer.id);
    const contact = (id: string): string => r.pseudonyms('contact', id, customer.id, contacts).id;
    const competitor = (id: string): string => r.pseudonyms('competitor', id, '', competitors).id;
    const contactsOut = customer.contacts.map((c): ContactJson => {
        const pseudonyms = r.pseudonyms('contact', c.id, customer.id, contacts);
        return {
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
            competitorSupport: c.competitorSupport.map((s): CompetitorSupportJson => ({ competitor: competitor(s.competitor), support: null })),
            influences: c.influences.map(contact),
            kpis: c.kpis.map(kpi => r.text('KPI', kpi)!),
            pains: c.pains.map(pain => r.text('Pain', pain)!),
        };
    });
    const opportunitiesOut = customer.opportunities.map((o): OpportunityJson => {
        const pseudonyms = r.pseudonyms('opportunity', o.id, customer.id, opportunities);
        const { team, valueProposition: vp } = o;
        return {
            id: pseudonyms.id,
            name: pseudonyms.name,
            stage: o.stage,
            // money and the sandbox's scores say nothing of who: the same objects
            amount: o.amount,
            budget: o.budget,
            start: o.start,
            qualified: o.qualified,
            team: team && { ar: member(r, members, team.ar), sr: member(r, members, team.sr), fr: member(r, members, team.fr) },
            decisionChain: o.decisionChain.map((entry): DecisionChainEntryJson => ({
                contact: contact(entry.contact),
                role: entry.role,
                support: entry.support,
                group: entry.group,
            })),
            competitors: o.competitors.map(competitor),
            horizon: o.horizon,
            sandbox: o.sandbox,
            intent: r.text('Intent', o.intent),
            solution: r.text('Solution', o.solution),
            valueProposition: vp && {
                strengths: r.text('Strengths', vp.strengths),
                uniqueValue: r.text('Unique value', vp.uniqueValue),
                fit: r.text('Fit', vp.fit),
                difference: r.text('Difference', vp.difference),
            },
            maturity: o.maturity,
        };
    });
    const activitiesOut = customer.activities.map((a): ActivityJson => {
        const pseudonyms = r.pseudonyms('activity', a.id, customer.id, activities);
        return {
            id: pseudonyms.id,
            name: pseudonyms.name,
            kind: a.kind,
            date: a.date,
            with: a.with.map(contact),
            owner: member(r, members, a.owner),
            status: a.status,
            outcome: r.text('Outcome', a.outcome),
            objective: r.text('Objective', a.objective),
        };
    });
    const pseudonyms = r.pseudonyms('customer', customer.id);
    return {
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
    };
}

/** Each contact's withheld values (its intimacy, its support for each competitor), by the contact's subject key. */
function withheldValues(plan: AcctPlanDocument): { secretsOf: Map<SubjectKey, number[]>; contactCustomer: Map<SubjectKey, string> } {
    const secretsOf = new Map<SubjectKey, number[]>();
    const contactCustomer = new Map<SubjectKey, string>();
    for (const customer of plan.customers) {
        for (const contact of customer.contacts) {
            const values: number[] = [];
            if (contact.intimacy !== null) values.push(contact.intimacy);
            for (const s of contact.competitorSupport) if (s.support !== null) values.push(s.support);
            const key = SubjectKeys.of('contact', contact.id, customer.id);
            contactCustomer.set(key, customer.id);
            if (values.length) secretsOf.set(key, values);
        }
    }
    return { secretsOf, contactCustomer };
}
