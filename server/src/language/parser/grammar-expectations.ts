/**
 * What may stand where, read from the grammar itself so that syntax messages and the grammar
 * never disagree: for each block (the file's top level, a customer, a contact, …), the keywords
 * that may begin one of its items, in the grammar's order.
 */
import { AstUtils, GrammarAST, GrammarUtils, type AstNode } from 'langium';

/** What may begin an item. */
export interface Starts {
    keywords: string[];
    /** An id may begin an item (a decision-chain entry starts with a contact). */
    id: boolean;
}

/** By parser rule name: what may begin an item of its block (`'{' (…)* '}'`, or the entry rule's repetition). */
export function blockStarts(grammar: GrammarAST.Grammar): Map<string, Starts> {
    const blocks = new Map<string, Starts>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || GrammarUtils.isDataTypeRule(rule)) continue;
        const repetition = rule.entry ? rule.definition : blockRepetition(rule.definition);
        if (repetition) blocks.set(rule.name, startsOf(repetition, new Set()));
    }
    return blocks;
}

/** The repetition just before a closing `}`, if the rule has one. */
function blockRepetition(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement | undefined {
    if (!GrammarAST.isGroup(element)) return undefined;
    const items = element.elements;
    return items.find((item, i) => {
        const next = items[i + 1];
        return item.cardinality === '*' && GrammarAST.isKeyword(next) && next.value === '}';
    });
}

function startsOf(element: GrammarAST.AbstractElement, visiting: Set<GrammarAST.AbstractRule>): Starts {
    if (GrammarAST.isKeyword(element)) return { keywords: [element.value], id: false };
    if (GrammarAST.isAssignment(element)) return startsOf(element.terminal, visiting);
    if (GrammarAST.isCrossReference(element)) return { keywords: [], id: true };
    if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (!GrammarAST.isParserRule(rule) || GrammarUtils.isDataTypeRule(rule)) return { keywords: [], id: true };
        if (visiting.has(rule)) return { keywords: [], id: false };
        visiting.add(rule);
        const starts = startsOf(rule.definition, visiting);
        visiting.delete(rule);
        return starts;
    }
    if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        return merge(element.elements.map(e => startsOf(e, visiting)));
    }
    if (GrammarAST.isGroup(element)) {
        // the first element that must be there, and every optional one before it
        const found: Starts[] = [];
        for (const item of element.elements) {
            if (GrammarAST.isAction(item)) continue;
            found.push(startsOf(item, visiting));
            if (item.cardinality !== '?' && item.cardinality !== '*') break;
        }
        return merge(found);
    }
    return { keywords: [], id: false };
}

function merge(all: Starts[]): Starts {
    return { keywords: [...new Set(all.flatMap(s => s.keywords))], id: all.some(s => s.id) };
}

/**
 * The properties that hold one value, by parser rule (= AST type) name: every `property=value`
 * assignment inside a repetition of its rule (`'{' (…)* '}'`), where the text can write it twice
 * and the last value silently wins. List assignments (`+=`) may repeat. Read from the grammar, so
 * that a new property is checked by `duplicate-property` the day it is added.
 */
export function singleValuedProperties(grammar: GrammarAST.Grammar): Map<string, string[]> {
    const found = new Map<string, string[]>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || GrammarUtils.isDataTypeRule(rule)) continue;
        const properties: string[] = [];
        for (const node of AstUtils.streamAllContents(rule.definition)) {
            if (!GrammarAST.isAssignment(node) || node.operator !== '=' || !repeated(node, rule)) continue;
            if (!properties.includes(node.feature)) properties.push(node.feature);
        }
        if (properties.length) found.set(rule.name, properties);
    }
    return found;
}

/** Whether `element` stands inside a `*` or `+` of its own rule. */
function repeated(element: GrammarAST.AbstractElement, rule: GrammarAST.ParserRule): boolean {
    for (let at: AstNode | undefined = element; at && at !== rule; at = at.$container) {
        const cardinality = (at as GrammarAST.AbstractElement).cardinality;
        if (cardinality === '*' || cardinality === '+') return true;
    }
    return false;
}
