/**
 * Values of terminals: a string left open at the end of its line keeps its last character. A
 * string without escapes is a slice of the text: Langium builds every string one character at a
 * time, a tree of pieces that took 12 MB in a 100k-line workspace.
 */
import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { sharedString } from './one-shot-tree.js';

export class AcctValueConverter extends DefaultValueConverter {
    /**
     * A one-shot parser's table of the load's strings (acct-parser.ts): each value converted is the
     * one string of that value in it — the parser copies each token's text, and the same names come
     * back thousands of times (30,000 references to 1,000 names in the benchmark's workspace).
     */
    sharedStrings: Map<string, string> | undefined;

    override convert(input: string, cstNode: CstNode): ValueType {
        const value = super.convert(input, cstNode);
        const strings = this.sharedStrings;
        return strings === undefined || typeof value !== 'string' ? value : sharedString(value, strings);
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            // unterminated (the lexer reports it): the value is what was written after the quote
            const closed = isClosedString(input) ? input : input + '"';
            const inner = closed.slice(1, -1);
            return inner.includes('\\') ? ValueConverter.convertString(closed) : inner;
        }
        return super.runConverter(rule, input, cstNode);
    }
}

/** `"…"` with its closing quote (not an escaped one). */
export function isClosedString(image: string): boolean {
    if (image.length < 2 || !image.endsWith('"')) return false;
    let backslashes = 0;
    for (let i = image.length - 2; i > 0 && image[i] === '\\'; i--) backslashes++;
    return backslashes % 2 === 0;
}
