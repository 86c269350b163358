/**
 * The plan as the power-map panel holds it, in parts (contract/plan-parts.ts): the outline of the
 * plan drawn and the parts of the customers shown lately, each under the stamp the server gave
 * it. A part is asked for only when it is missing or of another build than the outline, and then
 * with the stamp held, so that a part the build left alone comes back as its stamp alone; so are
 * the latest plan's error lines (the banner), held under their stamp.
 */
import type { CustomerPart, PlanFocus, PlanOutline } from '@acct/contract';
import type { PlanPartsRequest } from '@acct/contract/protocol';

/** Where parts come from: the language server's `acct/planParts`, or the whole plan cut in the extension. */
export interface PartsSource {
    /** `fresh`: the plan changed since the last question, or it is another folder's. */
    ask(params: PlanPartsRequest.Params, fresh: boolean): Promise<PlanPartsRequest.Result>;
}

/** How many customers' parts are held: a move back to one of them costs nothing while its build is drawn. */
const HELD_PARTS = 32;

interface Held<T> {
    stamp: string;
    value: T;
}

/** One build's outline, the element chosen from it and that customer's part. */
export interface PlanInParts {
    outline: Held<PlanOutline>;
    part: Held<CustomerPart> | null;
    shown: PlanFocus;
    /** The latest plan's errors (the banner), under their stamp. */
    errors: Held<string[]>;
}

export class HeldPlan {
    /** The document whose folder's plan is held (it names the folder to the server), and the folder. */
    private uri: string | undefined;
    private heldFolder: string | undefined;
    private plan: { revision: number; outline: Held<PlanOutline>; errors: Held<string[]> } | undefined;
    /** Parts by customer id, with the build they are known to be of; least recently used first. */
    private readonly parts = new Map<string, Held<CustomerPart> & { revision: number }>();
    private asked = 0;
    private answered = 0;

    constructor(private readonly source: PartsSource) {}

    /** The outline of the plan held. */
    get outline(): PlanOutline | undefined {
        return this.plan?.outline.value;
    }

    /** The workspace folder of the plan held. */
    get folder(): string | undefined {
        return this.heldFolder;
    }

    /** Asks again for the plan of `uri`'s folder (it changed, or is another folder's), with the part of `customer`. */
    async refresh(uri: string, folder: string | undefined, customer: string | null, keepGood: boolean): Promise<void> {
        if (folder !== this.heldFolder || !this.uri) {
            this.plan = undefined;
            this.parts.clear();
        }
        this.uri = uri;
        this.heldFolder = folder;
        await this.fetch(customer, keepGood, true);
    }

    /**
     * The outline held and the part of the customer `choose` picks from it, of one build: a part
     * held of that build is used as it is, another is asked for; when the answer is of another
     * build (the plan changed meanwhile), the choice is made again on its outline.
     */
    async choose(choose: (outline: PlanOutline) => PlanFocus, keepGood: boolean): Promise<PlanInParts | undefined> {
        for (let attempt = 0; attempt < 3 && this.plan; attempt++) {
            const { revision, outline, errors } = this.plan;
            const shown = choose(outline.value);
            const part = shown.customer === null ? undefined : this.parts.get(shown.customer);
            if (shown.customer === null || part?.revision === revision) {
                if (part) this.touch(shown.customer!, part);
                return { outline, part: part ? { stamp: part.stamp, value: part.value } : null, shown, errors };
            }
            await this.fetch(shown.customer, keepGood, false);
        }
        return undefined;
    }

    private async fetch(customer: string | null, keepGood: boolean, fresh: boolean): Promise<void> {
        const uri = this.uri;
        if (!uri) return;
        const question = ++this.asked;
        const outline = this.plan?.outline;
        const errors = this.plan?.errors;
        const part = customer === null ? undefined : this.parts.get(customer);
        const answer = await this.source.ask(
            { uri, customer, known: { outline: outline?.stamp, customer: part?.stamp, errors: errors?.stamp }, keepGood },
            fresh,
        );
        // the answer to a later question (or about another folder) came first: it holds
        if (question < this.answered || uri !== this.uri) return;
        this.answered = question;
        const outlineValue = answer.outline.value ?? (answer.outline.stamp === outline?.stamp ? outline.value : undefined);
        const errorLines = answer.errors.value ?? (answer.errors.stamp === errors?.stamp ? errors.value : undefined);
        if (!outlineValue || !errorLines) return;
        this.plan = {
            revision: answer.revision,
            outline: { stamp: answer.outline.stamp, value: outlineValue },
            errors: { stamp: answer.errors.stamp, value: errorLines },
        };
        if (customer === null || !answer.customer) return;
        const value = answer.customer.value ?? (answer.customer.stamp === part?.stamp ? part.value : undefined);
        if (value) this.touch(customer, { stamp: answer.customer.stamp, value, revision: answer.revision });
    }

    /** Holds `part` as the most recently used, letting the least recently used go beyond `HELD_PARTS`. */
    private touch(customer: string, part: Held<CustomerPart> & { revision: number }): void {
        this.parts.delete(customer);
        this.parts.set(customer, part);
        for (const oldest of this.parts.keys()) {
            if (this.parts.size <= HELD_PARTS) break;
            this.parts.delete(oldest);
        }
    }
}
