/**
 * The checks, called without Langium's per-call wrapping: Langium turns every check into an
 * async function (two promises per check and node) and builds a stream of the checks for each
 * node — on a 10k-line plan that machinery cost more than the checks. Here a check is called
 * directly; an exception becomes the same finding Langium makes of it (the other checks still
 * run), and a check that returns a promise is awaited.
 */
import {
    isOperationCancelled, ValidationRegistry, type AstNode, type MaybePromise, type ValidationAcceptor, type ValidationCategory,
    type ValidationCheck,
} from 'langium';

const CONTEXT = 'An error occurred during validation';

export class AcctValidationRegistry extends ValidationRegistry {
    private readonly checksByType = new Map<string, ValidationCheck[]>();

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

    protected override addEntry(...args: Parameters<ValidationRegistry['addEntry']>): void {
        this.checksByType.clear();
        super.addEntry(...args);
    }
}

/** What Langium does with a check that throws: log it, and report it on the node (acct-document-validator.ts names it). */
function failed(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
    if (isOperationCancelled(error)) throw error;
    console.error(`${CONTEXT}:`, error);
    if (error instanceof Error && error.stack) console.error(error.stack);
    accept('error', `${CONTEXT}: ${error instanceof Error ? error.message : String(error)}`, { node });
}
