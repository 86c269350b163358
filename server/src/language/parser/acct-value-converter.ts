/**
 * Values of terminals: a string left open at the end of its line keeps its last character. A
 * string without escapes is a slice of the text: Langium builds every string one character at a
 * time, a tree of pieces that took 12 MB in a 100k-line workspace. Which rule converts a value
 * is found once per place of the grammar: Langium asks the grammar element its type twice and
 * walks a data type rule's definition for each value (a tenth of the CPU of a megabyte of
 * `member a "A"`).
 */
import { DefaultValueConverter, GrammarAST, GrammarUtils, ValueConverter, type CstNode, type ValueType } from 'langium';
import { sharedString } from './one-shot-tree.js';

/** How Langium's `runConverter` converts a rule's value: by the rule's name, else by its type. */
type Conversion = 'INT' | 'STRING' | 'ID' | 'number' | 'boolean' | 'bigint' | 'date' | 'as written';

export class AcctValueConverter extends DefaultValueConverter {
    /**
     * A one-shot parser's table of the load's strings (acct-parser.ts): each value converted is the
     * one string of that value in it — the parser copies each token's text, and the same names come
     * back thousands of times (30,000 references to 1,000 names in the benchmark's workspace).
     */
    sharedStrings: Map<string, string> | undefined;
    /** The rule that converts a value parsed by each grammar element (null: the value as written). */
    private readonly ruleOf = new Map<GrammarAST.AbstractElement | undefined, GrammarAST.AbstractRule | null>();
    private readonly conversionOf = new Map<GrammarAST.AbstractRule, Conversion>();

    // Langium's convert, the rule found once per grammar element
    override convert(input: string, cstNode: CstNode): ValueType {
        const feature = cstNode.grammarSource;
        let rule = this.ruleOf.get(feature);
        if (rule === undefined) {
            rule = converterRule(feature);
            this.ruleOf.set(feature, rule);
        }
        const value = rule === null ? input : this.runConverter(rule, input, cstNode);
        const strings = this.sharedStrings;
        return strings === undefined || typeof value !== 'string' ? value : sharedString(value, strings);
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, _cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') return stringValue(input);
        let conversion = this.conversionOf.get(rule);
        if (conversion === undefined) {
            conversion = conversionOf(rule);
            this.conversionOf.set(rule, conversion);
        }
        // Langium's runConverter (langium 4.4.2, value-converter.js), its choice made once per rule
        switch (conversion) {
            case 'INT':
                return ValueConverter.convertInt(input);
            case 'STRING':
                return ValueConverter.convertString(input);
            case 'ID':
                return ValueConverter.convertID(input);
            case 'number':
                return ValueConverter.convertNumber(input);
            case 'boolean':
                return ValueConverter.convertBoolean(input);
            case 'bigint':
                return ValueConverter.convertBigint(input);
            case 'date':
                return ValueConverter.convertDate(input);
            default:
                return input;
        }
    }
}

/** The rule Langium's convert runs for a value parsed by `feature` (a cross-reference's terminal's), or null. */
function converterRule(feature: GrammarAST.AbstractElement | undefined): GrammarAST.AbstractRule | null {
    const terminal = GrammarAST.isCrossReference(feature) ? GrammarUtils.getCrossReferenceTerminal(feature) : feature;
    if (!GrammarAST.isRuleCall(terminal)) return null;
    const rule = terminal.rule.ref;
    if (!rule) throw new Error('This cst node was not parsed by a rule.');
    return rule;
}

function conversionOf(rule: GrammarAST.AbstractRule): Conversion {
    const name = rule.name.toUpperCase();
    if (name === 'INT' || name === 'STRING' || name === 'ID') return name;
    const type = GrammarUtils.getRuleType(rule)?.toLowerCase();
    return type === 'number' || type === 'boolean' || type === 'bigint' || type === 'date' ? type : 'as written';
}

/** A STRING's value: unterminated (the lexer reports it), what was written after the quote. */
export function stringValue(input: string): string {
    const closed = isClosedString(input) ? input : input + '"';
    const inner = closed.slice(1, -1);
    return inner.includes('\\') ? ValueConverter.convertString(closed) : inner;
}

/** `"…"` with its closing quote (not an escaped one). */
export function isClosedString(image: string): boolean {
    if (image.length < 2 || !image.endsWith('"')) return false;
    let backslashes = 0;
    for (let i = image.length - 2; i > 0 && image[i] === '\\'; i--) backslashes++;
    return backslashes % 2 === 0;
}
