/**
 * Contract §2 defines an id by its characters only, so a keyword written like an id (`lead`,
 * `core`, `done`) is still a valid id. Rather than a grammar rule that lists every such keyword
 * as an alternative to ID (a 61-way choice at every id and every reference, the hottest frame of
 * the parser), the WORD terminal of acct.langium is made a token category: ID and every keyword
 * shaped like an id belong to it, so the `Name` rule (WORD) matches any of them in one
 * comparison. ID itself stays a plain id: `amount 1 team { … }` is not a currency named `team`.
 */
import { DefaultTokenBuilder, isRegExpTokenType, RegExpUtils, type GrammarAST, type Stream } from 'langium';
import { Lexer, type TokenType, type TokenVocabulary } from 'chevrotain';

/** The characters of an id (the ID terminal of acct.langium, anchored). */
const ID_SHAPED = /^[_a-zA-Z\u00C0-\uFFFF][_a-zA-Z0-9\u00C0-\uFFFF]*$/;

export const WORD_CATEGORY = 'WORD';

export class AcctTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: GrammarAST.Grammar, options?: { caseInsensitive?: boolean }): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        const word = tokens.find(token => token.name === WORD_CATEGORY);
        if (!word) throw new Error(`acct: the grammar has no ${WORD_CATEGORY} terminal`);
        for (const token of tokens) {
            if (token.name === 'ID' || (token !== word && typeof token.PATTERN === 'string' && ID_SHAPED.test(token.PATTERN))) {
                token.CATEGORIES = [...(token.CATEGORIES ?? []), word];
            }
        }
        return tokens;
    }

    /** Each terminal's partial expression (Langium's findLongerAlt builds it again for every keyword). */
    private readonly partials = new Map<TokenType, RegExp>();

    /**
     * Langium's rule, its partial expressions made once per terminal: the terminals that a keyword
     * could be the start of (a partial match that is not empty) or that a matching function matches.
     */
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const found: TokenType[] = [];
        for (const token of terminalTokens) {
            const pattern = token.PATTERN instanceof RegExp ? token.PATTERN : isRegExpTokenType(token) ? token.regex : token.PATTERN;
            if (pattern instanceof RegExp) {
                let partial = this.partials.get(token);
                if (!partial) this.partials.set(token, (partial = RegExpUtils.partialRegExp(new RegExp('^' + pattern.source + '$', pattern.flags))));
                partial.lastIndex = 0;
                const match = keyword.value.match(partial);
                if (match && match[0].length > 0) found.push(token);
            } else if (typeof pattern === 'function' && pattern(keyword.value, 0, [], {}) !== null) {
                found.push(token);
            }
        }
        return found;
    }

    protected override buildTerminalTokens(rules: Stream<GrammarAST.AbstractRule>): TokenType[] {
        const tokens = super.buildTerminalTokens(rules);
        // A category only: never lexed itself, never a longer alternative of a keyword.
        for (const token of tokens) if (token.name === WORD_CATEGORY) token.PATTERN = Lexer.NA;
        return tokens;
    }
}
