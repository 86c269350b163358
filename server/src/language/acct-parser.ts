/**
 * Langium's parser with its quadratic corners made linear; they are properties of the libraries,
 * fixed where the parser is built so that every service (CLI, server, tests) gets them:
 * - Chevrotain's in-repetition error recovery calls the repetition again from inside itself for
 *   each recovery in a row: 1,400 recovered errors in a row overflowed the stack (and each one
 *   recomputed its follow sets over a deeper stack). Past a depth the recovery is left to the
 *   between-rules recovery, which unwinds; the errors are still all reported.
 * - Langium's CST builder finds where to insert comments by searching a new node's siblings from
 *   the first (`indexOf`) — even when there is no comment to insert, at every token: quadratic in
 *   the size of a customer. Nothing to insert is now nothing to do, and a new node is known to be
 *   its container's last child.
 * - Langium hands each token the comments before it by splicing them off the front of the list
 *   of all comments: quadratic in the number of comments. A cursor walks the list instead.
 */
import { createLangiumParser, CstUtils, LeafCstNodeImpl, type LangiumCoreServices, type LangiumParser } from 'langium';
import type { IToken } from 'chevrotain';

/** Recoveries in a row handled inside a repetition before leaving the rest to the between-rules recovery. */
export const MAX_RECOVERY_DEPTH = 64;

interface RecoveringParser {
    tryInRepetitionRecovery(...args: unknown[]): void;
}

interface CompositeNode {
    container?: CompositeNode;
    content: unknown[] & { splice(start: number, count: number, ...items: unknown[]): unknown[] };
}

interface HiddenNodeBuilder {
    current: CompositeNode;
    rootNode: CompositeNode;
    addHiddenNodes(tokens: IToken[]): void;
}

interface HiddenTokenSource {
    lexerResult?: { hidden: IToken[] };
    extractHiddenTokens(token: IToken): IToken[];
    doParse(rule: unknown): unknown;
}

export function createAcctParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const internals = parser as unknown as { wrapper: RecoveringParser; nodeBuilder: HiddenNodeBuilder } & HiddenTokenSource;
    boundRecovery(internals.wrapper);
    insertHiddenNodesFromTheEnd(internals.nodeBuilder);
    walkHiddenTokensWithACursor(internals);
    return parser;
}

function boundRecovery(wrapper: RecoveringParser): void {
    const recover = wrapper.tryInRepetitionRecovery;
    if (typeof recover !== 'function') throw new Error('acct: the parser has no in-repetition recovery to bound (Langium or Chevrotain changed)');
    let depth = 0;
    wrapper.tryInRepetitionRecovery = function (this: RecoveringParser, ...args: unknown[]): void {
        if (depth >= MAX_RECOVERY_DEPTH) return;
        depth++;
        try {
            recover.apply(this, args);
        } finally {
            depth--;
        }
    };
}

function insertHiddenNodesFromTheEnd(builder: HiddenNodeBuilder): void {
    const add = builder.addHiddenNodes;
    if (typeof add !== 'function') throw new Error('acct: the CST builder has no addHiddenNodes (Langium changed)');
    builder.addHiddenNodes = function (this: HiddenNodeBuilder, tokens: IToken[]): void {
        if (tokens.length === 0) return;
        const current = this.current;
        const siblings = current.container?.content;
        // A node just created is its container's last child: insert the comments before it, found from the end.
        if (current.content.length > 0 || !siblings || siblings.length < 2 || siblings[siblings.length - 1] !== current) {
            add.call(this, tokens);
            return;
        }
        const nodes = tokens.map(token => {
            const leaf = new LeafCstNodeImpl(token.startOffset, token.image.length, CstUtils.tokenToRange(token), token.tokenType, true);
            leaf.root = this.rootNode as never;
            return leaf;
        });
        siblings.splice(siblings.length - 1, 0, ...nodes);
    };
}

function walkHiddenTokensWithACursor(parser: HiddenTokenSource): void {
    const { extractHiddenTokens, doParse } = parser;
    if (typeof extractHiddenTokens !== 'function' || typeof doParse !== 'function') {
        throw new Error('acct: the parser has no extractHiddenTokens/doParse (Langium changed)');
    }
    // How many of the current parse's hidden tokens were handed out already.
    let cursor = 0;
    parser.extractHiddenTokens = function (this: HiddenTokenSource, token: IToken): IToken[] {
        const hidden = this.lexerResult?.hidden;
        if (!hidden || cursor >= hidden.length) return [];
        const start = cursor;
        while (cursor < hidden.length && hidden[cursor]!.startOffset <= token.startOffset) cursor++;
        return hidden.slice(start, cursor);
    };
    parser.doParse = function (this: HiddenTokenSource, rule: unknown): unknown {
        cursor = 0;
        try {
            return doParse.call(this, rule);
        } finally {
            // Langium adds the hidden tokens still in the list after the last token: leave only those.
            this.lexerResult?.hidden.splice(0, cursor);
            cursor = 0;
        }
    };
}
