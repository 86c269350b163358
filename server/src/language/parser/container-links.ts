/**
 * For a one-shot parse (the CLI's check, export, sandbox, report): each AST node gets its parent
 * links (`$container`, `$containerProperty`, `$containerIndex`) when the parser assigns it to its
 * container, instead of Langium's walk of the whole tree after the parse (`linkContentToContainer`,
 * a `for … in` over every property of every node: 12–16 ms for the benchmark's workspace, more in
 * a cold process). The links and the keys of every node are Langium's, in Langium's order (a node
 * is complete when it is assigned, so its links are its last keys, as the walk adds them):
 * - `assign` links a node assigned with `=` or `+=` (its index: its place in the list);
 * - `assignWithoutOverride` (a rule called without an assignment: the node being built is merged
 *   into the called rule's node) links the merged properties' nodes to the node that holds them now
 *   (`mergeLinked`: only the properties the merge moved or joined; the others were linked to it
 *   when they were assigned);
 * - a node replaced by a second `=` (a property written twice) is not in the tree: as after
 *   Langium's walk, it and the nodes under it have no links.
 * A grammar with infix rules (whose nodes Langium rebuilds after they are assigned) keeps the walk.
 */
import { AstUtils, GrammarAST, isAstNode, type AstNode, type LangiumParser, type ParseResult, type ParserOptions } from 'langium';
import { expectMember, replaceMethod } from '../langium-internals.js';

/** The members of Langium's parser that a parse without the walk reads (Langium's `parse`, less its last step). */
interface ParseInternals {
    nodeBuilder: { buildRootNode(input: string): unknown; addHiddenNodes(tokens: unknown[]): void };
    lexer: { tokenize(text: string): { tokens: unknown[]; hidden: unknown[]; errors: unknown[]; report?: unknown } };
    wrapper: { input: unknown[]; errors: unknown[] };
    allRules: Map<string, unknown>;
    mainRule: unknown;
    lexerResult?: unknown;
    unorderedGroups: Map<string, unknown>;
    doParse(rule: unknown): AstNode;
    assign(operator: string, feature: string, value: unknown, cstNode: unknown, crossRef: unknown): void;
    assignWithoutOverride(target: AstNode, source: AstNode): AstNode;
    current: AstNode;
}

type Linked = AstNode & { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };

/**
 * Makes `parser` link each node as it is assigned; returns false (nothing changed) for a grammar
 * with infix rules. Then `parseLinked` parses without Langium's walk.
 */
export function linkWhenAssigned(parser: LangiumParser, grammar: GrammarAST.Grammar): boolean {
    if (grammar.rules.some(GrammarAST.isInfixRule)) return false;
    const internals = parser as unknown as ParseInternals;
    for (const member of ['lexer', 'allRules', 'nodeBuilder', 'wrapper'] as const) expectMember(internals, 'LangiumParser', member, 'object');
    expectMember(internals, 'LangiumParser', 'mainRule', 'present');
    expectMember(internals, 'LangiumParser', 'unorderedGroups', 'object');
    replaceMethod(
        internals,
        'LangiumParser',
        'assign',
        assign =>
            function (this: ParseInternals, operator: string, feature: string, value: unknown, cstNode: unknown, crossRef: unknown): void {
                const obj = this.current as unknown as Record<string, unknown>;
                const before = operator === '=' ? obj[feature] : undefined;
                assign.call(this, operator, feature, value, cstNode, crossRef);
                if (!isAstNode(value)) return;
                const node = value as Linked;
                node.$container = obj as unknown as AstNode;
                node.$containerProperty = feature;
                if (operator === '+=') node.$containerIndex = (obj[feature] as unknown[]).length - 1;
                // the node this one replaced is out of the tree: unlinked, as Langium's walk leaves it
                if (before !== value && isAstNode(before)) unlinkAll(before);
            },
    );
    replaceMethod(
        internals,
        'LangiumParser',
        'assignWithoutOverride',
        () =>
            function (this: ParseInternals, target: AstNode, source: AstNode): AstNode {
                return mergeLinked(target, source);
            },
    );
    return true;
}

/** Langium's `parse`, without the walk that links every node (done as they are assigned: `linkWhenAssigned`). */
export function parseLinked<T extends AstNode>(parser: LangiumParser, input: string, options: ParserOptions = {}): ParseResult<T> {
    const internals = parser as unknown as ParseInternals;
    internals.nodeBuilder.buildRootNode(input);
    const lexerResult = (internals.lexerResult = internals.lexer.tokenize(input));
    internals.wrapper.input = lexerResult.tokens;
    const ruleMethod = options.rule ? internals.allRules.get(options.rule) : internals.mainRule;
    if (!ruleMethod) throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
    const result = internals.doParse(ruleMethod);
    internals.nodeBuilder.addHiddenNodes(lexerResult.hidden);
    internals.unorderedGroups.clear();
    internals.lexerResult = undefined;
    return {
        value: result as T,
        lexerErrors: lexerResult.errors,
        lexerReport: lexerResult.report,
        parserErrors: internals.wrapper.errors,
    } as ParseResult<T>;
}

/**
 * Langium's `assignWithoutOverride` (each property of `source` that `target` lacks is moved into
 * it; two lists are joined, `source`'s first; `target` then has no CST node until it is closed),
 * with the nodes of the properties it moved or joined linked to `target` — only those: the
 * rest of `target`'s nodes were linked to it when they were assigned, and their places did not
 * change. Langium reads `Object.entries(source)` (an array a property, for each declaration of a
 * plan) and its walk, before, went over every property of `target` (a customer's fifteen).
 */
export function mergeLinked(target: AstNode, source: AstNode): AstNode {
    const into = target as unknown as Record<string, unknown>;
    const from = source as unknown as Record<string, unknown>;
    for (const name in from) {
        if (!Object.prototype.hasOwnProperty.call(from, name)) continue;
        const existing = from[name];
        const value = into[name];
        if (value === undefined) into[name] = existing;
        else if (Array.isArray(value) && Array.isArray(existing)) {
            // (Langium spreads the list into one call: a loop takes a list of any length)
            for (const item of value) existing.push(item);
            into[name] = existing;
        } else continue;
        if (name.charCodeAt(0) !== 36 /* '$' */) linkProperty(target, name);
    }
    (into as { $cstNode?: unknown }).$cstNode = undefined;
    return target;
}

/** Links the nodes of `node`'s property `name` to it (their index: their place in the list). */
function linkProperty(node: AstNode, name: string): void {
    const value = (node as unknown as Record<string, unknown>)[name];
    if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
            const item = value[index] as Linked;
            if (!isAstNode(item)) continue;
            item.$container = node;
            item.$containerProperty = name;
            item.$containerIndex = index;
        }
    } else if (isAstNode(value)) {
        (value as Linked).$container = node;
        (value as Linked).$containerProperty = name;
    }
}

/** Removes the links of `node` and of every node under it. */
function unlinkAll(node: AstNode): void {
    for (const item of AstUtils.streamAst(node)) {
        const linked = item as Linked;
        delete linked.$container;
        delete linked.$containerProperty;
        delete linked.$containerIndex;
    }
}
