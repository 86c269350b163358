/**
 * For a one-shot parse (the CLI's check, export, sandbox, report): Langium's `construct` (a rule's
 * AST node closed as the rule returns) without its last step, `assignMandatoryProperties`, which
 * reads the type's metadata and goes over every property of the node again to give the defaults —
 * the one-shot builder's `fillDefaults` (one-shot-tree.ts) gave each of them already, in the same
 * order, when the builder closed the node a moment before. 61,681 customers of a megabyte went
 * over their fifteen properties twice for nothing (about 3 % of the main thread's time, issue 17).
 * Only for a grammar without infix rules (container-links.ts: then `constructInfix` is never
 * called) and only with the one-shot builder, whose `construct` fills the defaults.
 */
import { DatatypeSymbol, type LangiumParser } from 'langium';
import { expectMember, replaceMethod } from '../langium-internals.js';

/** The members of Langium's parser that its `construct` reads (Langium 4.4.2). */
interface ConstructInternals {
    isRecording(): boolean;
    stack: Array<{ $type: string | symbol; value?: string; $cstNode?: unknown }>;
    nodeBuilder: { construct(item: object): void };
    converter: { convert(input: string, cstNode: unknown): unknown };
    construct(): unknown;
}

/**
 * Replaces the one-shot `parser`'s `construct`: the node popped and handed to the builder (which
 * fills its defaults), a data-type rule's text converted, every other node returned as it is.
 */
export function constructWithBuilderDefaults(parser: LangiumParser): void {
    const internals = parser as unknown as ConstructInternals;
    expectMember(internals, 'LangiumParser', 'stack', 'array');
    expectMember(internals, 'LangiumParser', 'isRecording', 'function');
    expectMember(internals, 'LangiumParser', 'nodeBuilder', 'object');
    expectMember(internals, 'LangiumParser', 'converter', 'object');
    replaceMethod(
        internals,
        'LangiumParser',
        'construct',
        () =>
            function (this: ConstructInternals): unknown {
                if (this.isRecording()) return undefined;
                const item = this.stack.pop()!;
                this.nodeBuilder.construct(item);
                // a data-type rule's node (a name, a number): its value is the converted text, as Langium's
                if (item.$type === DatatypeSymbol) return this.converter.convert(item.value!, item.$cstNode);
                return item;
            },
    );
}
