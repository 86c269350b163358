/**
 * Fewer and smaller objects for each node made and each error recovered by the parser (acct-parser.ts
 * and recovery-speedups.ts use these): the same fields, the same prototypes, the same errors.
 */
import type { IToken } from 'chevrotain';
import { expectMember, replaceMethod } from '../langium-internals.js';

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

/** The members of Langium's parser that `makeNodesWithRoom` replaces and reads. */
interface NodeStarts {
    startImplementation($type: string | symbol | undefined, infixName: string | undefined, implementation: (args: unknown) => void): (args: unknown) => unknown;
    isRecording(): boolean;
    construct(): unknown;
    stack: object[];
}

/**
 * Langium starts each node of the tree as `{ $type }`, an object with room for one field: the
 * others (a customer has ten) go to a second array, made again as it grows (a megabyte of unclosed
 * customers: 60,000 such nodes). Here each node is made by a constructor with the same one field
 * and the same prototype (Object's, as a literal has), so V8 gives it room for the fields the parse
 * adds next: the same fields in the same order. Langium's startImplementation (langium 4.4.2,
 * langium-parser.js) with that change; applied before the rules are built (they keep what it returns).
 */
export function makeNodesWithRoom(parser: object, datatype: symbol): void {
    const langium = parser as NodeStarts;
    expectMember(langium, 'LangiumParser', 'stack', 'array');
    expectMember(langium, 'LangiumParser', 'isRecording', 'function');
    expectMember(langium, 'LangiumParser', 'construct', 'function');
    replaceMethod(
        langium,
        'LangiumParser',
        'startImplementation',
        () =>
            function (this: NodeStarts, $type, infixName, implementation) {
                return (args: unknown) => {
                    // Only a rule that is not a fragment makes a node
                    const createNode = !this.isRecording() && $type !== undefined;
                    if (createNode) {
                        const node = new (AstNodeObject as unknown as new ($type: string | symbol) => Record<string, unknown>)($type);
                        this.stack.push(node);
                        if ($type === datatype) node.value = '';
                        else if (infixName !== undefined) node.$infixName = infixName;
                    }
                    implementation(args);
                    // a rule that throws has its node made by Langium's subrule
                    return createNode ? this.construct() : undefined;
                };
            },
    );
}

function AstNodeObject(this: { $type: string | symbol }, $type: string | symbol): void {
    this.$type = $type;
}
AstNodeObject.prototype = Object.prototype;
