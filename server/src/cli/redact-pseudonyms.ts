/**
 * The pseudonyms of `acct export --redact` (cli/redact.ts): numbered per kind in the order first
 * met, made once however often an element is referred to, and the pseudonym of each original
 * name, id, text and path that a finding's message may quote (by the whole value: a message's
 * arguments are redacted, never its wording).
 */

export type Kind = 'member' | 'competitor' | 'customer' | 'contact' | 'opportunity' | 'activity';
const label: Record<Kind, string> = {
    member: 'Member',
    competitor: 'Competitor',
    customer: 'Customer',
    contact: 'Contact',
    opportunity: 'Opportunity',
    activity: 'Activity',
};

export type Pseudonym = { id: string; name: string };

/** Original value → pseudonym; the first one given for a value stays. */
export type Replacements = Map<string, string>;

const add = (into: Replacements, original: string | null | undefined, pseudonym: string): void => {
    if (original && !into.has(original)) into.set(original, pseudonym);
};

export class Redactor {
    /** How many elements of each kind, texts of each label and files have been numbered. */
    private readonly counts = new Map<string, number>();
    /** Names and texts global to the workspace. */
    readonly global: Replacements = new Map();
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
            add(this.global, value, pseudonym);
        }
        return pseudonym;
    }

    file(path: string): string {
        let pseudonym = this.files.get(path);
        if (pseudonym === undefined) {
            this.files.set(path, (pseudonym = `plan-${this.next('file')}.acct`));
            add(this.global, path, pseudonym);
            add(this.global, path.split('/').pop(), pseudonym);
        }
        return pseudonym;
    }

    /** Declares an element: its id and name become pseudonyms in messages too. */
    declare(kind: Kind, id: string, name: string, customer?: string, into = customer === undefined ? this.global : this.localOf(customer)): void {
        const pseudonyms = this.pseudonyms(kind, id, customer);
        add(into, name, pseudonyms.name);
        add(into, id, pseudonyms.id);
    }

    localOf(customer: string): Replacements {
        let replacements = this.local.get(customer);
        if (!replacements) this.local.set(customer, (replacements = new Map()));
        return replacements;
    }
}
