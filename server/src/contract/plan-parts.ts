/**
 * The plan in parts, for views that draw one customer at a time. The outline holds every customer
 * in the few fields the workspace-wide views read (the tier quadrant, the sandbox, the choice of
 * the element shown); a customer's part holds all the power map, the fishbone and the intimacy
 * view draw of that customer. The server cuts a plan into parts (`acct/planParts`), the webview
 * assembles them back into a `ViewedPlan` and draws it as it draws a whole plan: both use the
 * functions here, so that the picture of a part is the picture of the plan.
 */
import type { CompetitorJson, CustomerJson, DiagnosticJson, OpportunityJson } from './plan-types.js';
import type { FindingSubject, PlanView } from './findings.js';
import { parseSubjectKey } from './subject-key.js';

/** An opportunity as the sandbox ranks it and the choice of the element shown names it. */
export type OpportunityOutline = Pick<OpportunityJson, 'id' | 'name' | 'stage' | 'horizon' | 'amount' | 'sandbox' | 'maturity'>;

/** A customer as the workspace-wide views read it: without its people and activities. */
export interface CustomerOutline extends Pick<CustomerJson, 'id' | 'name' | 'industry' | 'standing' | 'cooperation' | 'tier' | 'suggestedTier'> {
    opportunities: OpportunityOutline[];
}

/** Findings as the views receive them: the diagnostics, and at the same index what each is about. */
export interface FindingsPart {
    diagnostics: DiagnosticJson[];
    subjects: (FindingSubject | null)[];
}

/** The workspace's part: every customer in outline, and the findings about the customers themselves. */
export interface PlanOutline extends FindingsPart {
    today: string;
    competitors: CompetitorJson[];
    /** Every customer declaration in plan order; on duplicate ids the first wins, as everywhere. */
    customers: CustomerOutline[];
    /** The plan has errors (a view drawing it says so). */
    hasErrors: boolean;
}

/** One customer's part: its first declaration in full, and every finding about it or anything of it. */
export interface CustomerPart extends FindingsPart {
    customer: CustomerJson;
}

/**
 * A plan as the views read it: a whole `PlanView`, or one assembled from parts (`assemblePlan`),
 * which holds the customer shown in full and the others in outline.
 */
export interface ViewedPlan {
    plan: {
        today: string;
        competitors: CompetitorJson[];
        customers: Array<CustomerJson | CustomerOutline>;
        diagnostics: DiagnosticJson[];
    };
    /** `subjects[i]` is what `plan.diagnostics[i]` is about. */
    subjects: (FindingSubject | null)[];
    hasErrors: boolean;
}

/** A part named by its stamp (`stampOf` its content); `value` is left out when the asker holds that stamp already. */
export interface Stamped<T> {
    stamp: string;
    value?: T;
}

/** Whether a customer of a viewed plan is there in full (the one shown) or in outline. */
export function isInFull(customer: CustomerJson | CustomerOutline): customer is CustomerJson {
    return 'contacts' in customer;
}

/** A plan cut into parts; each part is cut once, when first asked for. */
export interface PlanCut {
    readonly outline: PlanOutline;
    /** The part of the customer `id` (its first declaration); null when the plan has none. */
    part(id: string): CustomerPart | null;
}

/** The customers a finding is about (through its subject, and the contact it names). */
function customersOf(about: FindingSubject): string[] {
    const subject = parseSubjectKey(about.subject)?.customer ?? null;
    const contact = about.contact ? (parseSubjectKey(about.contact)?.customer ?? null) : null;
    return [subject, contact !== subject ? contact : null].filter((id): id is string => id !== null);
}

const isAboutACustomer = (about: FindingSubject | null): boolean => !!about && parseSubjectKey(about.subject)?.kind === 'customer';

/** Cuts `view` into its outline and its customers' parts. Linear in the plan's size, once. */
export function cutPlan(view: PlanView): PlanCut {
    const { plan, subjects } = view;
    const findingsOf = (indexes: number[]): FindingsPart => ({
        diagnostics: indexes.map(i => plan.diagnostics[i]!),
        subjects: indexes.map(i => subjects[i] ?? null),
    });
    const aboutCustomers = subjects.flatMap((about, i) => (isAboutACustomer(about) ? [i] : []));
    const outline: PlanOutline = {
        today: plan.today,
        competitors: plan.competitors,
        hasErrors: view.hasErrors,
        customers: plan.customers.map(c => ({
            id: c.id,
            name: c.name,
            industry: c.industry,
            standing: c.standing,
            cooperation: c.cooperation,
            tier: c.tier,
            suggestedTier: c.suggestedTier,
            opportunities: c.opportunities.map(o => ({
                id: o.id,
                name: o.name,
                stage: o.stage,
                horizon: o.horizon,
                amount: o.amount,
                sandbox: o.sandbox,
                maturity: o.maturity,
            })),
        })),
        ...findingsOf(aboutCustomers),
    };
    let byCustomer: Map<string, number[]> | undefined;
    let firstDeclaration: Map<string, CustomerJson> | undefined;
    const parts = new Map<string, CustomerPart | null>();
    return {
        outline,
        part(id) {
            if (!parts.has(id)) {
                if (!byCustomer || !firstDeclaration) {
                    byCustomer = new Map();
                    subjects.forEach((about, i) => {
                        for (const customer of about ? customersOf(about) : []) {
                            const list = byCustomer!.get(customer);
                            if (list) list.push(i);
                            else byCustomer!.set(customer, [i]);
                        }
                    });
                    firstDeclaration = new Map();
                    for (const c of plan.customers) if (!firstDeclaration.has(c.id)) firstDeclaration.set(c.id, c);
                }
                const customer = firstDeclaration.get(id);
                parts.set(id, customer ? { customer, ...findingsOf(byCustomer.get(id) ?? []) } : null);
            }
            return parts.get(id)!;
        },
    };
}

/** The parts of one cut as an asker gets them: each stamped once, and left out when the asker holds that stamp. */
export interface StampedCut {
    outline(known?: string): Stamped<PlanOutline>;
    part(id: string, known?: string): Stamped<CustomerPart> | null;
}

export function stampCut(cut: PlanCut): StampedCut {
    const stamps = new Map<unknown, string>();
    const stamped = <T>(value: T, known: string | undefined): Stamped<T> => {
        let stamp = stamps.get(value);
        if (stamp === undefined) stamps.set(value, (stamp = stampOf(value)));
        return stamp === known ? { stamp } : { stamp, value };
    };
    return {
        outline: known => stamped(cut.outline, known),
        part: (id, known) => {
            const part = cut.part(id);
            return part ? stamped(part, known) : null;
        },
    };
}

/**
 * The plan the views draw from an outline and the part of the customer shown: that customer in
 * full in the outline's place, the findings about the others' customers as the outline has them,
 * and all of the shown customer's from its part.
 */
export function assemblePlan(outline: PlanOutline, part: CustomerPart | null): ViewedPlan {
    const id = part?.customer.id;
    let placed = false;
    const customers = outline.customers.map((c): CustomerJson | CustomerOutline => {
        if (placed || c.id !== id) return c;
        placed = true;
        return part!.customer;
    });
    const diagnostics: DiagnosticJson[] = [];
    const subjects: (FindingSubject | null)[] = [];
    outline.diagnostics.forEach((d, i) => {
        const about = outline.subjects[i] ?? null;
        if (id !== undefined && about && customersOf(about).includes(id)) return;
        diagnostics.push(d);
        subjects.push(about);
    });
    if (part) {
        for (const d of part.diagnostics) diagnostics.push(d);
        for (const s of part.subjects) subjects.push(s);
    }
    return { plan: { today: outline.today, competitors: outline.competitors, customers, diagnostics }, subjects, hasErrors: outline.hasErrors };
}

/**
 * A stamp of a part's content: 64 bits of a hash of its JSON (two 32-bit lanes of a multiply-xor
 * hash), so that the same content has the same stamp in the server and in the extension.
 */
export function stampOf(value: unknown): string {
    const text = JSON.stringify(value) ?? '';
    let h1 = 0xdeadbeef ^ text.length;
    let h2 = 0x41c6ce57 ^ text.length;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
