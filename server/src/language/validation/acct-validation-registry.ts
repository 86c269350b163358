/**
 * The checks, called without Langium's per-call wrapping: Langium turns every check into an
 * async function (two promises per check and node) and builds a stream of the checks for each
 * node — on a 10k-line plan that machinery cost more than the checks. Here a check is called
 * directly; an exception becomes the same finding Langium makes of it (the other checks still
 * run), and a check that returns a promise is awaited.
 */
import {
    isOperationCancelled,
    ValidationRegistry,
    type AstNode,
    type MaybePromise,
    type ValidationAcceptor,
    type ValidationCategory,
    type ValidationCheck,
    type ValidationChecks,
} from 'langium';

const CONTEXT = 'An error occurred during validation';
const NONE: readonly ValidationCheck[] = [];

export class AcctValidationRegistry extends ValidationRegistry {
    /** The checks by the categories asked (joined), then by node type. */
    private readonly checksByType = new Map<string, Map<string, ValidationCheck[]>>();
    /** The checks that read today (checks/date-driven.ts), by node type: run again alone when only the date moves. */
    private readonly dateDriven = new Map<string, ValidationCheck[]>();

    /**
     * Names, among the checks registered, those that read today: `acct history` re-runs only these on a
     * file whose text and links did not change when the next commit's date differs (they must report
     * only codes of DATE_DRIVEN_CODES, and be registered in the main table too, in the same order).
     */
    registerDateDriven<T>(checks: ValidationChecks<T>, thisObj: unknown = this): void {
        for (const [type, value] of Object.entries(checks as Record<string, ValidationCheck | ValidationCheck[] | undefined>)) {
            const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
            this.dateDriven.set(type, [...(this.dateDriven.get(type) ?? []), ...list.map(check => this.wrapValidationException(check, thisObj))]);
            for (const check of list) this.dateDrivenChecks.add(check);
        }
    }

    /** The date-driven checks of a node type (registerDateDriven), in their order. */
    dateChecksFor(type: string): readonly ValidationCheck[] {
        return this.dateDriven.get(type) ?? NONE;
    }

    /** The checks named by registerDateDriven, as registered (not wrapped). */
    private readonly dateDrivenChecks = new Set<unknown>();
    /** Each wrapped check (wrapValidationException) → the check it wraps. */
    private readonly wrapped = new WeakMap<ValidationCheck, unknown>();
    /** Per list of checksFor: which of its checks read today; null when none does. */
    private readonly dateFlags = new WeakMap<readonly ValidationCheck[], readonly boolean[] | null>();

    /**
     * Which checks of `checks` (a list checksFor gave) read today (registerDateDriven), by index;
     * null when none does. Found once per list.
     */
    readsToday(checks: readonly ValidationCheck[]): readonly boolean[] | null {
        let flags = this.dateFlags.get(checks);
        if (flags === undefined) {
            const list = checks.map(check => this.dateDrivenChecks.has(this.wrapped.get(check)));
            flags = list.includes(true) ? list : null;
            this.dateFlags.set(checks, flags);
        }
        return flags;
    }

    /**
     * A plan no editor shows (the CLI's runs and `acct history`, acct-language-module.ts `AcctOneShotChecksModule`): a
     * check whose every code the policy turns off is not run, since the finding policy would drop
     * all it says (half of the findings of a large plan are of codes off by default). Elsewhere
     * every check runs, so that the findings kept for reuse (an edit's, history's) hold for any
     * policy.
     */
    skipChecksTurnedOff = false;
    /** The codes a check can report, for the checks that may be skipped (skipWhenOff). */
    private readonly codesOf = new Map<unknown, { type: string; codes: readonly string[] }>();
    private turnedOff: (code: string) => boolean = () => false;

    /**
     * Says that `check` reports only `codes` (each call of `report` in it names one of them), so that
     * it can be skipped when the policy turns them all off (`turnedOff`: the finding policy's rule).
     * Called before the check is registered.
     */
    skipWhenOff<N extends AstNode>(
        type: N['$type'],
        check: (node: N, accept: ValidationAcceptor) => void,
        codes: readonly string[],
        turnedOff: (code: string) => boolean,
    ): void {
        this.codesOf.set(check, { type, codes });
        this.turnedOff = turnedOff;
    }

    /** The checks declared with skipWhenOff, the type they check and their codes (for the tests). */
    skippableChecks(): Array<{ type: string; check: (node: AstNode, accept: ValidationAcceptor) => void; codes: readonly string[] }> {
        return [...this.codesOf].map(([check, { type, codes }]) => ({ type, check: check as (node: AstNode, accept: ValidationAcceptor) => void, codes }));
    }

    /** The codes of the skippable checks that are skipped now (part of what a validation's findings depend on). */
    skippedCodes(): string[] {
        if (!this.skipChecksTurnedOff) return [];
        const skipped = new Set<string>();
        for (const { codes } of this.codesOf.values()) for (const code of codes) if (this.turnedOff(code)) skipped.add(code);
        return [...skipped].sort();
    }

    private allOff(codes: readonly string[]): boolean {
        for (const code of codes) if (!this.turnedOff(code)) return false;
        return true;
    }

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        const run = this.guarded(check, thisObj);
        const codes = this.codesOf.get(check)?.codes;
        const wrapped: ValidationCheck = !codes
            ? run
            : (node, accept, cancelToken) => (this.skipChecksTurnedOff && this.allOff(codes) ? undefined : run(node, accept, cancelToken));
        this.wrapped.set(wrapped, check);
        return wrapped;
    }

    /** The check, its exception a finding. */
    private guarded(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            let result: MaybePromise<void>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                return failed(error, accept, node);
            }
            return result instanceof Promise ? result.catch(error => failed(error, accept, node)) : undefined;
        };
    }

    /** The categories of the last call of checksFor and their table (a validation asks with the same list for every node). */
    private lastCategories: readonly ValidationCategory[] | undefined | null = null;
    private lastTable: Map<string, ValidationCheck[]> | undefined;

    /** The checks of a node type in the given categories, as an array computed once. */
    checksFor(type: string, categories: readonly ValidationCategory[] | undefined): ValidationCheck[] {
        // (no key made per node: the table of the categories asked, then the type)
        let table = this.lastTable;
        if (categories !== this.lastCategories || !table) {
            const key = categories?.join(',') ?? '*';
            table = this.checksByType.get(key);
            if (!table) this.checksByType.set(key, (table = new Map()));
            this.lastCategories = categories;
            this.lastTable = table;
        }
        let checks = table.get(type);
        if (!checks) {
            checks = this.getChecks(type, categories as ValidationCategory[] | undefined).toArray();
            table.set(type, checks);
        }
        return checks;
    }

    /** The categories that have checks registered (`fast` and `slow`; never `built-in`, which Langium's own processing is). */
    private readonly categoriesInUse = new Set<string>();

    protected override addEntry(...args: Parameters<ValidationRegistry['addEntry']>): void {
        this.checksByType.clear();
        this.lastTable = undefined;
        this.categoriesInUse.add(args[1].category);
        super.addEntry(...args);
    }

    /** Which checks validation with `categories` runs, as a key: the same key, the same checks. */
    checksKey(categories: readonly ValidationCategory[] | undefined): string {
        return [...this.categoriesInUse]
            .filter(c => !categories || categories.includes(c as ValidationCategory))
            .sort()
            .join(',');
    }
}

/** What Langium does with a check that throws: log it, and report it on the node (acct-document-validator.ts names it). */
function failed(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
    if (isOperationCancelled(error)) throw error;
    console.error(`${CONTEXT}:`, error);
    if (error instanceof Error && error.stack) console.error(error.stack);
    accept('error', `${CONTEXT}: ${error instanceof Error ? error.message : String(error)}`, { node });
}
