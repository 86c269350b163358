/** A parse's AST and errors written out for comparing two parsers (test/unit/*parser-equivalence.test.ts). */
import type { AstNode, ParseResult } from 'langium';

/** The AST as written: references by their text (a parsed, unlinked reference resolves lazily: never followed here). */
export function astAsWritten(root: AstNode): string {
    return JSON.stringify(root, (key, value) =>
        key.startsWith('$') && key !== '$type'
            ? undefined
            : value && typeof value === 'object' && '$refText' in value
              ? `ref:${(value as { $refText: string }).$refText}`
              : value,
    );
}

/** Each error as Chevrotain makes it: its kind, tokens, message and the rule stack it was found in (its context). */
export function errorsAsMade(result: ParseResult): string[] {
    return result.parserErrors.map(
        e =>
            `${e.name} ${e.token.startOffset} ${(e as { previousToken?: { startOffset: number } }).previousToken?.startOffset} ${JSON.stringify(e.context)} ${e.message}`,
    );
}
