/** Values of terminals: a string left open at the end of its line keeps its last character. */
import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

export class AcctValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING' && !isClosedString(input)) {
            // the lexer reports it as unterminated; the value is what was written after the quote
            return ValueConverter.convertString(input + '"');
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
