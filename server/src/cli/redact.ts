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
    IronTriangleJson,
    MoneyJson,
    OpportunityJson,
    SandboxJson,
    ValuePropositionJson,
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

/** Numbers per kind, in the order things are first seen. */
class Numbering {
    private readonly numbers = new Map<string, Map<string, number>>();

    of(kind: string, key: string): number {
        let numbers = this.numbers.get(kind);
        if (!numbers) this.numbers.set(kind, (numbers = new Map()));
        let number = numbers.get(key);
        if (number === undefined) numbers.set(key, (number = numbers.size + 1));
        return number;
    }
}

class Redactor {
    private readonly numbers = new Numbering();
    /** Names and texts global to the workspace. */
    readonly global = new Replacements();
    /** The texts local to each customer (its contacts, opportunities, activities). */
    readonly local = new Map<string, Replacements>();

    /** The pseudonyms by kind, customer and id: made once, however often they are referred to. */
    private readonly ids = new Map<Kind, Map<string, Map<string, { id: string; name: string }>>>();

    private pseudonyms(kind: Kind, id: string, customer: string): { id: string; name: string } {
        let ofKind = this.ids.get(kind);
        if (!ofKind) this.ids.set(kind, (ofKind = new Map()));
        let ofCustomer = ofKind.get(customer);
        if (!ofCustomer) ofKind.set(customer, (ofCustomer = new Map()));
        let pseudonyms = ofCustomer.get(id);
        if (pseudonyms === undefined) {
            const number = this.numbers.of(kind, `${customer}/${id}`);
            ofCustomer.set(id, (pseudonyms = { id: `${kind}_${number}`, name: `${label[kind]} ${number}` }));
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
        const pseudonym = `${kind} ${this.numbers.of(kind, value)}`;
        this.global.add(value, pseudonym);
        return pseudonym;
    }

    file(path: string): string {
        const pseudonym = `plan-${this.numbers.of('file', path)}.acct`;
        this.global.add(path, pseudonym);
        this.global.add(path.split('/').pop(), pseudonym);
        return pseudonym;
    }

    /** Declares an element: its id and name become pseudonyms in messages too. */
    declare(kind: Kind, id: string, name: string, customer?: string): void {
        const into = customer === undefined ? this.global : this.localOf(customer);
        into.add(name, this.name(kind, id, customer));
        into.add(id, this.id(kind, id, customer));
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
        customer.contacts.forEach(c => r.declare('contact', c.id, c.name, customer.id));
        customer.opportunities.forEach(o => r.declare('opportunity', o.id, o.name, customer.id));
        customer.activities.forEach(a => r.declare('activity', a.id, a.name, customer.id));
    }
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
    // The withheld values a message may quote: those of the contacts it is about (of every contact when it is about none).
    const { secretsOf, contactCustomer } = withheldValues(plan);
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
    const noSecrets: ReadonlySet<number> = new Set();
    let allLocals: Replacements | undefined;
    const findingRules = (about: FindingSubject | null | undefined): Redaction<DiagnosticJson> => ({
        file: file => r.file(file),
        line: keep,
        column: keep,
        severity: keep,
        code: keep,
        message: message => redactMessage(message, about),
        subject: key => (key === null ? null : redactedKey(key)),
    });
    const redactMessage = (message: string, about: FindingSubject | null | undefined): string => {
        const customer = about ? (parseSubjectKey(about.subject)?.customer ?? null) : null;
        const layers = [customer !== null ? r.localOf(customer) : (allLocals ??= Replacements.merged(r.local.values())), r.global];
        const keys = about ? [about.contact, about.subject].filter((k): k is SubjectKey => Boolean(k)) : [];
        let secrets: ReadonlySet<number>;
        if (keys.some(key => secretsOf.has(key))) {
            const own = new Set<number>();
            for (const key of keys) for (const value of secretsOf.get(key) ?? []) own.add(value);
            secrets = own;
        } else {
            // about a customer, an opportunity or nothing: the values of the contacts it may name
            secrets = customer === null ? allSecrets : (customerSecrets.get(customer) ?? noSecrets);
        }
        return replaceAll(message, layers, withholdNumbers(secrets, withheld));
    };
    const waived = plan.waived.map((w, i): WaivedJson =>
        redactFields<WaivedJson>(w, {
            ...findingRules(subjects.waived[i]),
            reason: () => reasons[i]!,
            until: keep,
        }),
    );
    const document: AcctPlanDocument = {
        format: plan.format,
        version: plan.version,
        today: plan.today,
        files,
        members: plan.members.map(m => ({ id: r.id('member', m.id), name: r.name('member', m.id) })),
        competitors: plan.competitors.map(c => ({ id: r.id('competitor', c.id), name: r.name('competitor', c.id) })),
        customers,
        diagnostics: plan.diagnostics.map((d, i) => redactFields(d, findingRules(subjects.diagnostics[i]))),
        waived,
    };
    const subject = (about: FindingSubject | null): FindingSubject | null => {
        if (!about) return null;
        const key = redactedKey;
        return about.contact ? { subject: key(about.subject), contact: key(about.contact) } : { subject: key(about.subject) };
    };
    return { plan: document, subjects: { diagnostics: subjects.diagnostics.map(subject), waived: subjects.waived.map(subject) } };
}

/**
 * How each field of a part of the export is redacted: a pseudonym, withheld, or kept. Every field
 * is named (`-?`: optional ones too), so that a new field of the export does not compile until
 * it is classified here: a free text added to the plan cannot pass through `--redact` unseen.
 */
type Redaction<T> = { readonly [K in keyof T]-?: (value: T[K], whole: T) => T[K] };

/** A field that says nothing of who or what: structure, roles, our support, stages, scores, dates. */
const keep = <V>(value: V): V => value;
const withhold = (): null => null;

/**
 * The redacted copy of `value`: every field through its rule, in the document's order of keys.
 * `first`: fields to redact before the others (pseudonyms are numbered in the order met).
 */
function redactFields<T extends object>(value: T, rules: Redaction<T>, first: readonly (keyof T)[] = []): T {
    const keys = Object.keys(value) as Array<keyof T>;
    if (first.length === 0) {
        // in the document's order: the order of the rules' calls too
        const out: Partial<T> = {};
        for (const key of keys) {
            const rule = rules[key];
            if (!rule) throw new Error(`redact: the field '${String(key)}' is not classified (redact.ts)`);
            out[key] = rule(value[key], value);
        }
        return out as T;
    }
    const redacted = new Map<keyof T, unknown>();
    for (const key of [...first, ...keys]) {
        if (redacted.has(key)) continue;
        const rule = rules[key];
        if (!rule) throw new Error(`redact: the field '${String(key)}' is not classified (redact.ts)`);
        redacted.set(key, rule(value[key], value));
    }
    const out: Partial<T> = {};
    for (const key of keys) out[key] = redacted.get(key) as T[keyof T];
    return out as T;
}

const moneyRules: Redaction<MoneyJson> = { value: keep, currency: keep };
const money = (value: MoneyJson | null): MoneyJson | null => value && redactFields(value, moneyRules);
const sandboxRules: Redaction<SandboxJson> = { space: keep, growth: keep, profit: keep, competition: keep, score: keep };

function redactCustomer(r: Redactor, customer: CustomerJson): CustomerJson {
    const member = (id: string | null) => (id === null ? null : r.id('member', id));
    const contact = (id: string) => r.id('contact', id, customer.id);
    const competitorSupportRules: Redaction<CompetitorSupportJson> = {
        competitor: id => r.id('competitor', id),
        support: withhold,
    };
    const contactRules: Redaction<ContactJson> = {
        id: contact,
        name: (_, c) => r.name('contact', c.id, customer.id),
        title: title => r.text('Title', title),
        department: department => r.text('Department', department),
        role: keep,
        support: keep,
        intimacy: withhold,
        reportsTo: id => (id === null ? null : contact(id)),
        lastContact: keep,
        owner: member,
        competitorSupport: list => list.map(s => redactFields(s, competitorSupportRules)),
        influences: list => list.map(contact),
        kpis: list => list.map(kpi => r.text('KPI', kpi)!),
        pains: list => list.map(pain => r.text('Pain', pain)!),
    };
    const teamRules: Redaction<IronTriangleJson> = { ar: member, sr: member, fr: member };
    const entryRules: Redaction<DecisionChainEntryJson> = { contact, role: keep, support: keep, group: keep };
    const valuePropositionRules: Redaction<ValuePropositionJson> = {
        strengths: text => r.text('Strengths', text),
        uniqueValue: text => r.text('Unique value', text),
        fit: text => r.text('Fit', text),
        difference: text => r.text('Difference', text),
    };
    const opportunityRules: Redaction<OpportunityJson> = {
        id: (_, o) => r.id('opportunity', o.id, customer.id),
        name: (_, o) => r.name('opportunity', o.id, customer.id),
        stage: keep,
        amount: money,
        budget: money,
        start: keep,
        qualified: keep,
        team: team => team && redactFields(team, teamRules),
        decisionChain: entries => entries.map(entry => redactFields(entry, entryRules)),
        competitors: list => list.map(c => r.id('competitor', c)),
        horizon: keep,
        sandbox: sandbox => redactFields(sandbox, sandboxRules),
        intent: text => r.text('Intent', text),
        solution: text => r.text('Solution', text),
        valueProposition: vp => vp && redactFields(vp, valuePropositionRules),
        maturity: keep,
    };
    const activityRules: Redaction<ActivityJson> = {
        id: (_, a) => r.id('activity', a.id, customer.id),
        name: (_, a) => r.name('activity', a.id, customer.id),
        kind: keep,
        date: keep,
        with: list => list.map(contact),
        owner: member,
        status: keep,
        outcome: text => r.text('Outcome', text),
        objective: text => r.text('Objective', text),
    };
    const customerRules: Redaction<CustomerJson> = {
        id: id => r.id('customer', id),
        name: (_, c) => r.name('customer', c.id),
        industry: text => r.text('Industry', text),
        standing: keep,
        cooperation: keep,
        tier: keep,
        suggestedTier: keep,
        reviewed: keep,
        owner: member,
        organization: keep,
        class: keep,
        contacts: list => list.map(c => redactFields(c, contactRules)),
        opportunities: list => list.map(o => redactFields(o, opportunityRules)),
        activities: list => list.map(a => redactFields(a, activityRules)),
    };
    // the texts of its contacts, opportunities and activities are numbered before its industry
    return redactFields(customer, customerRules, ['contacts', 'opportunities', 'activities']);
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
