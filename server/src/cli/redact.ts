/**
 * `acct export --redact`: the same document, valid against the same schema, for sharing outside
 * the team. Every id, name, title, department, industry, outcome, waiver reason and file path,
 * and the free texts of 1.2 (intent, solution, the four parts of a value proposition, KPIs, pains,
 * objectives),
 * becomes a pseudonym (`contact_7` / `Contact 7`, `Title 2`, `plan-3.acct`), consistently
 * everywhere it is referenced and quoted in messages (cli/redact-messages.ts); intimacy and the support for competitors
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
import { copy, inPlace, redactCustomer } from './redact-parts.js';
import { Redactor } from './redact-pseudonyms.js';
import { messageRedactor, type MessageRedaction } from './redact-messages.js';
import { withoutOptimizing } from '../node/one-shot-v8.js';

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

export interface RedactionOptions {
    /**
     * Redact the plan's own parts where they stand instead of a copy (the same document, byte for
     * byte): for a caller that never reads the plan again (`acct export --redact`). By default the
     * plan is left as it was (`acct report --redact` reads it afterwards).
     */
    inPlace?: boolean;
}

/**
 * `messages`: how the findings' messages are redacted (said again from their arguments, `messageRedaction`).
 * Run once per command, on code nothing else runs: in a one-shot run, without TurboFan (node/one-shot-v8.ts).
 */
export function redactPlan(plan: AcctPlanDocument, subjects: RedactionSubjects, messages: MessageRedaction, options: RedactionOptions = {}): Redacted {
    return withoutOptimizing(() => redacted(plan, subjects, messages, options));
}

function redacted(plan: AcctPlanDocument, subjects: RedactionSubjects, messages: MessageRedaction, options: RedactionOptions): Redacted {
    const put = options.inPlace ? inPlace : copy;
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
    const customers = plan.customers.map(customer => redactCustomer(r, customer, put));
    const reasons = plan.waived.map(w => r.text('Reason', w.reason) ?? '');
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
    const redactMessage = messageRedactor(r, messages);
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
    const waived = plan.waived.map((w, i): WaivedJson => put(w, { ...finding(w, subjects.waived[i]), reason: reasons[i]!, until: w.until }));
    const document: AcctPlanDocument = {
        format: plan.format,
        version: plan.version,
        today: plan.today,
        files,
        members: plan.members.map(m => put(m, { id: r.id('member', m.id), name: r.name('member', m.id) })),
        competitors: plan.competitors.map(c => put(c, { id: r.id('competitor', c.id), name: r.name('competitor', c.id) })),
        customers,
        diagnostics: plan.diagnostics.map((d, i) => put(d, finding(d, subjects.diagnostics[i]))),
        waived,
    };
    const subject = (about: FindingSubject | null): FindingSubject | null => {
        if (!about) return null;
        const key = redactedKey;
        return about.contact ? { subject: key(about.subject), contact: key(about.contact) } : { subject: key(about.subject) };
    };
    return { plan: document, subjects: { diagnostics: subjects.diagnostics.map(subject), waived: subjects.waived.map(subject) } };
}
