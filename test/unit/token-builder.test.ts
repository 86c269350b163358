/**
 * acct's token builder (parser/acct-token-builder.ts) makes each terminal's partial expression once
 * (issue 23: Langium's findLongerAlt made it again for every keyword, a sixth of building the
 * parser). Every keyword gets the longer alternatives Langium gives it, in the same order, and the
 * lexer reads the same tokens.
 */
import { describe, expect, it } from 'vitest';
import { DefaultTokenBuilder, EmptyFileSystem, type GrammarAST } from 'langium';
import type { TokenType } from 'chevrotain';
import { createAcctServices } from '../../server/src/acct-module.js';
import { AcctTokenBuilder } from '../../server/src/language/parser/acct-token-builder.js';

/** Langium's own rule, reached through a subclass. */
class LangiumRule extends DefaultTokenBuilder {
    longerAlt(keyword: GrammarAST.Keyword, terminals: TokenType[]): TokenType[] {
        return this.findLongerAlt(keyword, terminals);
    }
}

class AcctRule extends AcctTokenBuilder {
    longerAlt(keyword: GrammarAST.Keyword, terminals: TokenType[]): TokenType[] {
        return this.findLongerAlt(keyword, terminals);
    }
}

describe('the token builder', () => {
    it('gives every keyword the longer alternatives Langium gives it', () => {
        const { Acct } = createAcctServices(EmptyFileSystem);
        const tokens = Acct.parser.TokenBuilder.buildTokens(Acct.Grammar) as TokenType[];
        const keywords = tokens.filter(token => typeof token.PATTERN === 'string');
        const terminals = tokens.filter(token => typeof token.PATTERN !== 'string');
        expect(keywords.length).toBeGreaterThan(50);
        const langium = new LangiumRule();
        const acct = new AcctRule();
        const names = (list: TokenType[]) => list.map(token => token.name);
        let withLongerAlt = 0;
        // twice over: the partial expressions kept from the first keywords give the same answers later
        for (let round = 0; round < 2; round++) {
            for (const token of keywords) {
                const keyword = { value: token.PATTERN as string } as GrammarAST.Keyword;
                const expected = names(langium.longerAlt(keyword, terminals));
                expect(names(acct.longerAlt(keyword, terminals))).toEqual(expected);
                if (expected.length) withLongerAlt++;
            }
            for (const word of ['9', '2026-01-01', '3.5', '12k', '"x', 'a_b', '王', '-']) {
                const keyword = { value: word } as GrammarAST.Keyword;
                expect(names(acct.longerAlt(keyword, terminals))).toEqual(names(langium.longerAlt(keyword, terminals)));
            }
        }
        // the comparison is not of empty lists: id-shaped keywords may continue as an ID
        expect(withLongerAlt).toBeGreaterThan(40);
    });
});
