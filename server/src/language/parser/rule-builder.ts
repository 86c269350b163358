/**
 * The parser's rules built from the grammar, as Langium's `createParser` builds them, but with
 * every choice's alternatives and every repetition's options made once, when the rules are built.
 * Langium makes them anew at every call, for rules that take parameters: at each choice an object
 * and two closures per alternative and a list, at each repetition an object and a closure, at
 * each rule call an object for its arguments — a fifth of what a parse allocates (72 of 360 MB for
 * a megabyte of plan), for a grammar that has no parameters.
 *
 * Used for a grammar without parameters, guards, unordered groups and infix rules (acct's); any
 * other grammar gets Langium's own builder. The same rules in the same order with the same
 * numbers per rule (`consume`, `subrule`, `or`, `many`, `optional` in Langium's order), so
 * Chevrotain records the same grammar: test/unit/parser-equivalence.test.ts compares the trees,
 * ASTs and errors with Langium's parser.
 */
import { EOF, type IOrAlt, type TokenType, type TokenTypeDictionary } from 'chevrotain';
import { AstUtils, createParser, GrammarAST, GrammarUtils, type LangiumParser } from 'langium';
import { checkLangiumInternals, type ParserInternals } from '../langium-internals.js';

/** What a rule receives and passes on: nothing, in a grammar without parameters (one object for every call). */
const NO_ARGS = Object.freeze({});

type Method = () => void;

interface Context {
    parser: LangiumParser;
    /** The one-shot parser's direct consume of a one-token value rule's token (`oneTokenValueRule`), else undefined. */
    direct: DirectConsume | undefined;
    tokens: TokenTypeDictionary;
    consume: number;
    optional: number;
    subrule: number;
    many: number;
    or: number;
}

/**
 * The rules whose whole body is one choice (`Role: 'approver' | 'sponsor' | …`), by the name the
 * parser gives each rule, with that choice's number in the rule: when no alternative fits, the
 * rule has nothing after the choice to run (recovery-speedups.ts `recoverChoicesWithoutThrowing`).
 */
export type WholeRuleChoices = ReadonlyMap<string, number>;

/**
 * Langium's `createParser` for `grammar`, with the rules built once per choice when the grammar
 * allows it; `choices` gets the rules whose body is one choice (none with Langium's builder).
 */
export function buildRules(
    grammar: GrammarAST.Grammar,
    parser: LangiumParser,
    tokens: TokenTypeDictionary,
    choices: Map<string, number> = new Map(),
    direct?: DirectConsume,
): LangiumParser {
    const reachable = GrammarUtils.getAllReachableRules(grammar, false);
    const rules = grammar.rules.filter(rule => reachable.has(rule));
    if (!rules.every(rule => GrammarAST.isTerminalRule(rule) || (GrammarAST.isParserRule(rule) && isPlain(rule)))) {
        return createParser(grammar, parser, tokens);
    }
    for (const rule of rules) {
        if (!GrammarAST.isParserRule(rule)) continue;
        const ctx: Context = { parser, tokens, direct, consume: 1, optional: 1, subrule: 1, many: 1, or: 1 };
        const method = buildElement(ctx, rule.definition);
        // the rule's arguments are never read: it has no parameters
        const built = parser.rule(rule, method) as { ruleName?: unknown };
        const body = rule.definition;
        // the body's own choice is numbered last (its alternatives' choices are built first)
        if (GrammarAST.isAlternatives(body) && body.elements.length > 1 && !body.cardinality && typeof built.ruleName === 'string') {
            choices.set(built.ruleName, ctx.or - 1);
        }
    }
    return parser;
}

/** A rule without parameters whose elements have no guard, no argument and no unordered group. */
function isPlain(rule: GrammarAST.ParserRule): boolean {
    if (rule.parameters.length > 0) return false;
    const elements = [rule.definition, ...AstUtils.streamAllContents(rule.definition)];
    return elements.every(
        element =>
            !GrammarAST.isUnorderedGroup(element) &&
            !(GrammarAST.isGroup(element) && element.guardCondition) &&
            !(GrammarAST.isRuleCall(element) && element.arguments.length > 0),
    );
}

function buildElement(ctx: Context, element: GrammarAST.AbstractElement): Method {
    let method: Method;
    if (GrammarAST.isKeyword(element)) method = buildKeyword(ctx, element);
    else if (GrammarAST.isAction(element)) {
        const type = GrammarUtils.getTypeName(element);
        method = () => ctx.parser.action(type, element);
    } else if (GrammarAST.isAssignment(element)) method = buildElement(ctx, element.terminal);
    else if (GrammarAST.isCrossReference(element)) method = buildCrossReference(ctx, element);
    else if (GrammarAST.isRuleCall(element)) method = buildRuleCall(ctx, element);
    else if (GrammarAST.isAlternatives(element)) method = buildAlternatives(ctx, element);
    else if (GrammarAST.isGroup(element)) method = buildGroup(ctx, element);
    else if (GrammarAST.isEndOfFile(element)) {
        const idx = ctx.consume++;
        method = () => ctx.parser.consume(idx, EOF, element);
    } else throw new Error(`Unexpected element type: ${element.$type}`);
    return repeated(ctx, method, element.cardinality);
}

function buildRuleCall(ctx: Context, call: GrammarAST.RuleCall): Method {
    const rule = call.rule.ref;
    if (GrammarAST.isParserRule(rule)) {
        const idx = ctx.subrule++;
        const fragment = rule.fragment;
        let called: ReturnType<LangiumParser['getRule']>;
        const single = ctx.direct && GrammarAST.isAssignment(call.$container) ? oneTokenValueRule(ctx, rule) : undefined;
        if (single && ctx.direct) {
            const direct = ctx.direct;
            return () => {
                if (direct(single, call)) return;
                called ??= ruleOf(ctx, rule);
                ctx.parser.subrule(idx, called, fragment, call, NO_ARGS);
            };
        }
        return () => {
            called ??= ruleOf(ctx, rule);
            ctx.parser.subrule(idx, called, fragment, call, NO_ARGS);
        };
    }
    if (GrammarAST.isTerminalRule(rule)) {
        const idx = ctx.consume++;
        const token = tokenOf(ctx, rule.name);
        return () => ctx.parser.consume(idx, token, call);
    }
    throw new Error(`Undefined rule: ${call.rule.$refText}`);
}

/**
 * For the one-shot parser: consumes `token` as the value of the rule call `call`, without the
 * call, when the next token is one and the parser is not recording; false when it did nothing.
 */
export type DirectConsume = (token: TokenType, call: GrammarAST.RuleCall) => boolean;

/**
 * The token type of a value rule that is one terminal and converts as written (`Name returns
 * string: WORD`): its value is the token's text, whichever rule call converts it.
 */
function oneTokenValueRule(ctx: Context, rule: GrammarAST.ParserRule): TokenType | undefined {
    const body = rule.definition;
    if (!GrammarUtils.isDataTypeRule(rule) || rule.fragment || !GrammarAST.isRuleCall(body) || body.cardinality) return undefined;
    const terminal = body.rule.ref;
    if (!GrammarAST.isTerminalRule(terminal) || terminal.fragment) return undefined;
    const asWritten = (r: GrammarAST.AbstractRule) => !['INT', 'STRING', 'ID'].includes(r.name.toUpperCase()) && GrammarUtils.getRuleType(r) === 'string';
    return asWritten(terminal) && asWritten(rule) ? tokenOf(ctx, terminal.name) : undefined;
}

function buildAlternatives(ctx: Context, alternatives: GrammarAST.Alternatives): Method {
    if (alternatives.elements.length === 1) return buildElement(ctx, alternatives.elements[0]!);
    const choices: Array<IOrAlt<unknown>> = alternatives.elements.map(element => ({ ALT: buildElement(ctx, element) }));
    const idx = ctx.or++;
    return () => ctx.parser.alternatives(idx, choices);
}

function buildGroup(ctx: Context, group: GrammarAST.Group): Method {
    const methods = group.elements.map(element => buildElement(ctx, element));
    return () => {
        for (const method of methods) method();
    };
}

function buildCrossReference(ctx: Context, reference: GrammarAST.CrossReference, terminal = reference.terminal): Method {
    if (!terminal) {
        const type = reference.type.ref;
        if (!type) throw new Error('Could not resolve reference to type: ' + reference.type.$refText);
        const name = GrammarUtils.findNameAssignment(type)?.terminal;
        if (!name) throw new Error('Could not find name assignment for type: ' + GrammarUtils.getTypeName(type));
        return buildCrossReference(ctx, reference, name);
    }
    if (GrammarAST.isRuleCall(terminal) && GrammarAST.isParserRule(terminal.rule.ref)) {
        // a data type rule
        const rule = terminal.rule.ref;
        const idx = ctx.subrule++;
        let called: ReturnType<LangiumParser['getRule']>;
        return () => {
            called ??= ruleOf(ctx, rule);
            ctx.parser.subrule(idx, called, false, reference, NO_ARGS);
        };
    }
    if (GrammarAST.isRuleCall(terminal) && GrammarAST.isTerminalRule(terminal.rule.ref)) {
        const idx = ctx.consume++;
        const token = tokenOf(ctx, terminal.rule.ref.name);
        return () => ctx.parser.consume(idx, token, reference);
    }
    if (GrammarAST.isKeyword(terminal)) {
        const idx = ctx.consume++;
        const token = tokenOf(ctx, terminal.value);
        return () => ctx.parser.consume(idx, token, reference);
    }
    throw new Error('Could not build cross reference parser');
}

function buildKeyword(ctx: Context, keyword: GrammarAST.Keyword): Method {
    const idx = ctx.consume++;
    const token = ctx.tokens[keyword.value];
    if (!token) throw new Error('Could not find token for keyword: ' + keyword.value);
    return () => ctx.parser.consume(idx, token, keyword);
}

/** `method` with its cardinality: the repetition's options made once. */
function repeated(ctx: Context, method: Method, cardinality: GrammarAST.AbstractElement['cardinality']): Method {
    if (!cardinality) return method;
    const options = { DEF: method };
    if (cardinality === '*') {
        const idx = ctx.many++;
        return () => ctx.parser.many(idx, options);
    }
    if (cardinality === '+') {
        const idx = ctx.many++;
        return () => ctx.parser.atLeastOne(idx, options);
    }
    const idx = ctx.optional++;
    return () => ctx.parser.optional(idx, options);
}

function ruleOf(ctx: Context, rule: GrammarAST.ParserRule): NonNullable<ReturnType<LangiumParser['getRule']>> {
    const found = ctx.parser.getRule(rule.name);
    if (!found) throw new Error(`Rule "${rule.name}" not found."`);
    return found;
}

function tokenOf(ctx: Context, name: string): TokenType {
    const token = ctx.tokens[name];
    if (!token) throw new Error(`Token "${name}" not found."`);
    return token;
}

/**
 * For a one-shot parse: a call of a one-token value rule (`name=Name`, `Name returns string: WORD`)
 * whose token is next is that token consumed in the caller, with the call as its grammar source —
 * the leaf, value and place the call would give (its node is replaced by its leaf as it closes:
 * `putValueLeafInPlace`) without Chevrotain's rule call, Langium's node and its close. Any other
 * token takes the call, so that every error, its message, its rule stack and its recovery are the
 * call's; the grammar Chevrotain records (it records with the call) is the same.
 */
export function directConsume(parser: LangiumParser): DirectConsume {
    let wrapper: ParserInternals['wrapper'] | undefined;
    return (token, call) => {
        if (parser.isRecording()) return false;
        wrapper ??= checkLangiumInternals(parser).wrapper;
        if (!wrapper.tokenMatcher(wrapper.LA(1), token)) return false;
        parser.consume(1, token, call);
        return true;
    };
}
