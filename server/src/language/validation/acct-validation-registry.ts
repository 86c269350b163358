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
    private readonly checksByType = new Map<string, ValidationCheck[]>();
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
        }
    }

    /** The date-driven checks of a node type (registerDateDriven), in their order. */
    dateChecksFor(type: string): readonly ValidationCheck[] {
        return this.dateDriven.get(type) ?? NONE;
    }

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
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

    /** The checks of a node type in the given categories, as an array computed once. */
    checksFor(type: string, categories: readonly ValidationCategory[] | undefined): ValidationCheck[] {
        const key = `${type} ${categories?.join(',') ?? '*'}`;
        let checks = this.checksByType.get(key);
        if (!checks) {
            checks = this.getChecks(type, categories as ValidationCategory[] | undefined).toArray();
            this.checksByType.set(key, checks);
        }
        return checks;
    }

    /** The categories that have checks registered (`fast` and `slow`; never `built-in`, which Langium's own processing is). */
    private readonly categoriesInUse = new Set<string>();

    protected override addEntry(...args: Parameters<ValidationRegistry['addEntry']>): void {
        this.checksByType.clear();
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
