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
import type { AcctPlanDocument, DiagnosticJson, WaivedJson } from '../contract/plan-types.js';
import type { FindingSubject } from '../contract/findings.js';
import { parseSubjectKey, SubjectKeys, type SubjectKey } from '../contract/subject-key.js';
import { redactCustomer, withheldValues } from './redact-parts.js';
import { Redactor } from './redact-pseudonyms.js';
import { replaceAll, Replacements, withholdNumbers } from './redact-text.js';

/** What each diagnostic and waived finding is about, at the same indexes as in the plan. */
export interface RedactionSubjects {
    diagnostics: readonly (FindingSubject | null)[];
    waived: readonly (FindingSubject | null)[];
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
