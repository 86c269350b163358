/**
 * Fewer and smaller objects for each rule called and each error recovered by the parser (acct-parser.ts
 * and recovery-speedups.ts use these): the same fields, the same prototypes, the same errors.
 */
import type { IToken } from 'chevrotain';
import { replaceMethod, type RecognizerInternals } from '../langium-internals.js';

/**
 * The tokens an error's recovery skipped, when it skipped none (or once parsed: nothing in Langium
 * or acct reads them, acct-parser.ts): one list for all, frozen (Chevrotain replaces the list, never adds to it).
 */
export const NO_TOKENS: IToken[] = Object.freeze([]) as unknown as IToken[];

/**
 * A recognition exception as Chevrotain's constructor makes it (its prototype, name, message,
 * token, resynced tokens and previous token), without running `Error`'s constructor: the parser
 * catches it to recover and reads only these fields (1 µs instead of 3 to 8). Made by a plain
 * constructor whose prototype is the exception's, with every field set in it (and SAVE_ERROR's
 * `context`, set right after): the fields stay inside the object, where `Object.create` and fields
 * added one by one put them in a second array (75 bytes more for each of 60,000 errors).
 */
export function recognitionError<E extends Error>(
    type: new (message: string, token: IToken, previousToken: IToken) => E,
    name: string,
    message: string,
    token: IToken,
    previousToken: IToken,
): E {
    let make = errorMakers.get(type);
    if (!make) errorMakers.set(type, (make = errorMaker(type.prototype as object)));
    return new make(message, token, previousToken, name) as unknown as E;
}

type ErrorMaker = new (message: string, token: IToken, previousToken: IToken, name: string) => object;
const errorMakers = new Map<unknown, ErrorMaker>();

function errorMaker(prototype: object): ErrorMaker {
    function RecognitionError(
        this: { message: string; token: IToken; resyncedTokens: IToken[]; previousToken: IToken; name: string; context: unknown },
        message: string,
        token: IToken,
        previousToken: IToken,
        name: string,
    ): void {
        this.message = message;
        this.token = token;
        this.resyncedTokens = NO_TOKENS;
        this.previousToken = previousToken;
        this.name = name;
        this.context = undefined;
    }
    RecognitionError.prototype = prototype;
    return RecognitionError as unknown as ErrorMaker;
}

/**
 * Langium calls each rule through `wrapSubrule`, which makes new options for Chevrotain's `subrule`
 * (an object and a list holding the arguments) on every call: two objects per rule called, 16 MB
 * for a megabyte of unclosed customers. Chevrotain only reads them, and acct's rules are called
 * with one frozen arguments object (rule-builder.ts): the options made once per arguments object.
 */
export function shareSubruleOptions(wrapper: RecognizerInternals): void {
    let lastArgs: unknown = undefined;
    let lastOptions: { ARGS: unknown[] } | undefined;
    replaceMethod(
        wrapper,
        'chevrotain Parser',
        'wrapSubrule',
        () =>
            function (this: RecognizerInternals, idx: number, rule: unknown, args: unknown): unknown {
                if (lastOptions === undefined || args !== lastArgs) {
                    lastArgs = args;
                    lastOptions = Object.freeze({ ARGS: Object.freeze([args]) as unknown[] });
                }
                return this.subrule(idx, rule, lastOptions);
            },
    );
}
