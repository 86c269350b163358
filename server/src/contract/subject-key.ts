/**
 * The key of a plan element, as findings name what they are about and the views name what they
 * draw: `customer:ID`, `contact:CUSTOMER/ID`, `opportunity:CUSTOMER/ID`, `activity:CUSTOMER/ID`,
 * `member:ID`, `competitor:ID`. Built and read only here.
 */

export type GlobalKind = 'member' | 'competitor' | 'customer';
export type LocalKind = 'contact' | 'opportunity' | 'activity';
export type SubjectKind = GlobalKind | LocalKind;

export type SubjectKey = `${GlobalKind}:${string}` | `${LocalKind}:${string}/${string}`;

export const SubjectKeys = {
    member: (id: string): SubjectKey => `member:${id}`,
    competitor: (id: string): SubjectKey => `competitor:${id}`,
    customer: (id: string): SubjectKey => `customer:${id}`,
    contact: (customer: string, id: string): SubjectKey => `contact:${customer}/${id}`,
    opportunity: (customer: string, id: string): SubjectKey => `opportunity:${customer}/${id}`,
    activity: (customer: string, id: string): SubjectKey => `activity:${customer}/${id}`,
    of: (kind: SubjectKind, id: string, customer?: string): SubjectKey =>
        kind === 'member' || kind === 'competitor' || kind === 'customer' ? `${kind}:${id}` : `${kind}:${customer ?? ''}/${id}`,
};

export interface ParsedSubject {
    kind: SubjectKind;
    /** The customer of a contact, opportunity or activity; the customer itself for a customer. */
    customer: string | null;
    id: string;
}

const kinds: ReadonlySet<string> = new Set<SubjectKind>(['member', 'competitor', 'customer', 'contact', 'opportunity', 'activity']);

/** Reads a key back; undefined when it is not one. */
export function parseSubjectKey(key: string): ParsedSubject | undefined {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    if (colon < 0 || !kinds.has(kind)) return undefined;
    const rest = key.slice(colon + 1);
    if (kind === 'member' || kind === 'competitor') return { kind, customer: null, id: rest };
    if (kind === 'customer') return { kind, customer: rest, id: rest };
    // Ids never contain '/', so the first one separates the customer from the element.
    const slash = rest.indexOf('/');
    if (slash < 0) return undefined;
    return { kind: kind as LocalKind, customer: rest.slice(0, slash), id: rest.slice(slash + 1) };
}

export function isSubjectKey(value: unknown): value is SubjectKey {
    return typeof value === 'string' && parseSubjectKey(value) !== undefined;
}
