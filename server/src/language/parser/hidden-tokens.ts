/**
 * Langium hands each token the comments before it by splicing them off the front of the parse's
 * list of hidden tokens — every splice shifts the rest of the list (quadratic in a plan's comments)
 * and a token without comments still gets a new empty list. Here a cursor moves through the list
 * once per parse, and the list keeps only what is left after the last token, as Langium expects.
 */
import type { IToken } from 'chevrotain';
import { checkParsing, replaceMethod, type ParserInternals } from '../langium-internals.js';
import { NO_TOKENS } from './recovery-speedups.js';

export function walkHiddenTokensWithACursor(parser: ParserInternals): void {
    // How many of the current parse's hidden tokens were handed out already.
    let cursor = 0;
    let checked = false;
    replaceMethod(
        parser,
        'LangiumParser',
        'extractHiddenTokens',
        () =>
            function (this: ParserInternals, token: IToken): IToken[] {
                const hidden = this.lexerResult?.hidden;
                // most tokens have no comment before them: one shared empty list (Langium only hands it to addHiddenNodes)
                if (!hidden || cursor >= hidden.length || hidden[cursor]!.startOffset > token.startOffset) return NO_TOKENS;
                const start = cursor;
                while (cursor < hidden.length && hidden[cursor]!.startOffset <= token.startOffset) cursor++;
                return hidden.slice(start, cursor);
            },
    );
    replaceMethod(
        parser,
        'LangiumParser',
        'doParse',
        doParse =>
            function (this: ParserInternals, rule: unknown): unknown {
                if (!checked) {
                    checkParsing(this);
                    checked = true;
                }
                cursor = 0;
                try {
                    return doParse.call(this, rule);
                } finally {
                    // Langium adds the hidden tokens still in the list after the last token: leave only those.
                    this.lexerResult?.hidden.splice(0, cursor);
                    cursor = 0;
                }
            },
    );
}
