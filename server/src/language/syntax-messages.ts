/**
 * Syntax errors in the plan author's words: what was expected, where, what was found, and
 * "Did you mean `contact`?" when the word found is close to one that may stand there. The parser
 * asks this provider for every message (Langium's `ParserErrorMessageProvider` service), with the
 * rule it was in and the tokens it expected; what may begin an item of each block is read from
 * the grammar (grammar-expectations.ts). Every text a user reads is built in `syntaxText`, the
 * one place to translate.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import type { GrammarAST } from 'langium';
import { blockStarts, type Starts } from './grammar-expectations.js';
import { closestWord } from './spelling.js';

/** The texts of syntax messages. */
export const syntaxText = {
    /** "In a customer, expected …, but found `contcat`. Did you mean `contact`?" */
    expectedIn: (where: string, expected: string, found: string, meant: string | undefined, hint = '') =>
        `${where}, expected ${expected}, but found ${found}.${meant ? ` Did you mean \`${meant}\`?` : ''}${hint}`,
    /** After a word that begins an item of another block: the block before it was not closed. */
    missingClose: ' Is a `}` missing before it?',
    /** Where a value was due: "After `tier`" (then: ", expected a tier (…), but found `strategc`"). */
    after: (previous: string) => `After ${previous}`,
    startOfFile: 'At the start of the file',
    endOfFile: 'the end of the file',
    word: (image: string) => `\`${image}\``,
    quotedName: (image: string) => `the quoted name ${image}`,
    oneOf: (items: readonly string[]) => items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`,
    /** A kind of value and its possible words: "a tier (excellent, strategic, core, value or commercial)". */
    valueOf: (noun: string, words: readonly string[]) => words.length ? `${noun} (${syntaxText.oneOf(words)})` : noun,
    unterminatedString: 'Unterminated string: close it with " on the same line.',
    unexpectedCharacters: (shown: string, count: number) => count > 1
        ? `Unexpected characters '${shown}': no word of a plan starts with them. Remove them, or put them in a quoted name.`
        : `Unexpected character '${shown}': no word of a plan starts with it. Remove it, or put it in a quoted name.`,
};

/** Where each block is, as the message says it. */
export const blockPlaces: Readonly<Record<string, string>> = {
    Workspace: 'At the top level of the file', Customer: 'In a customer', Contact: 'In a contact',
    Opportunity: 'In an opportunity', Activity: 'In an activity', Policy: 'In the policy',
    IronTriangle: 'In a team', DecisionChain: 'In a decision chain',
};

/** Each kind of value, by the rule that reads it. */
const valueNouns: Readonly<Record<string, string>> = {
    Name: 'an id', Code: "a check's code", CodeWord: "a check's code", Money: 'an amount', MoneyValue: 'an amount (such as 12.5M)',
    SupportValue: 'a support value (-1, 0, 1, 2, 3 or ?)', SignedInt: 'a whole number', Role: 'a role', Tier: 'a tier',
    Organization: 'an organization level', Stage: 'a stage', ActivityKind: 'a kind of activity', ActivityStatus: 'a status',
    Horizon: 'a horizon', Group: 'a group', SeverityLevel: 'a severity',
};

/** Terminals as a user writes them. */
const terminalWords: Readonly<Record<string, string>> = {
    ID: 'an id', WORD: 'an id', STRING: 'a quoted name', DATE: 'a date (YYYY-MM-DD)', INT: 'a number', DECIMAL: 'a number', AMOUNT: 'an amount',
};

/** Rules whose alternatives list their own words (the others say only their noun). */
const listsItsWords = new Set(['Role', 'Tier', 'Organization', 'Stage', 'ActivityKind', 'ActivityStatus', 'Horizon', 'Group', 'SeverityLevel']);

export class AcctSyntaxMessages implements IParserErrorMessageProvider {
    private readonly blocks: Map<string, Starts>;
    /** Every keyword that begins an item of some block. */
    private readonly itemWords: Set<string>;
    /** The same word out of place in the same block, again and again (a pasted block, a lost brace): one message. */
    private readonly inBlockMessages = new Map<string, string>();

    constructor(grammar: GrammarAST.Grammar) {
        this.blocks = blockStarts(grammar);
        this.itemWords = new Set([...this.blocks.values()].flatMap(starts => starts.keywords));
    }

    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const { expected, actual, previous } = options;
        const ruleName = plain(options.ruleName);
        const block = this.blocks.get(ruleName);
        if (block && (expected.name === '}' || expected.name === 'EOF')) return this.inBlock(ruleName, block, actual);
        return syntaxText.expectedIn(after(previous), tokenWord(expected), found(actual), undefined);
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return this.inBlock('Workspace', this.blocks.get('Workspace') ?? { keywords: [], id: false }, options.firstRedundant);
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        return this.alternatives(options.expectedPathsPerAlt.flat(), options.actual[0]!, options.previous, plain(options.ruleName));
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        return this.alternatives(options.expectedIterationPaths, options.actual[0]!, options.previous, plain(options.ruleName));
    }

    /** A word that cannot stand in a block: what may, and the closest of its keywords. */
    private inBlock(ruleName: string, starts: Starts, actual: IToken): string {
        const key = `${ruleName}\u0000${actual.tokenType.name}\u0000${actual.image}`;
        let message = this.inBlockMessages.get(key);
        if (message === undefined) {
            if (this.inBlockMessages.size >= 10_000) this.inBlockMessages.clear();
            message = this.describeInBlock(ruleName, starts, actual);
            this.inBlockMessages.set(key, message);
        }
        return message;
    }

    private describeInBlock(ruleName: string, starts: Starts, actual: IToken): string {
        const expected = [...starts.keywords, ...(starts.id ? [terminalWords.ID!] : []), ...(ruleName === 'Workspace' ? [] : ['`}`'])];
        const meant = isWord(actual) ? closestWord(actual.image, starts.keywords) : undefined;
        // `contact` inside a contact, `customer` inside a customer: the block before it is still open
        const misplaced = ruleName !== 'Workspace' && this.itemWords.has(actual.image) && !starts.keywords.includes(actual.image);
        return syntaxText.expectedIn(blockPlaces[ruleName] ?? `In ${ruleName}`, syntaxText.oneOf(expected), found(actual), meant, misplaced ? syntaxText.missingClose : '');
    }

    /** One of several values was expected after the previous word. */
    private alternatives(paths: TokenType[][], actual: IToken, previous: IToken, ruleName: string): string {
        const firsts = [...new Set(paths.map(path => path[0]).filter((t): t is TokenType => t !== undefined))];
        const keywords = firsts.filter(t => !(t.name in terminalWords) && /^[\p{L}_]/u.test(t.name)).map(t => t.name);
        const idPossible = firsts.some(t => t.name === 'ID' || t.name === 'WORD');
        const noun = valueNouns[ruleName];
        let expected: string;
        if (noun) {
            expected = listsItsWords.has(ruleName) ? syntaxText.valueOf(noun, keywords) : noun;
        } else {
            // Where an id may stand, every keyword may too (a keyword is a valid id): say "an id" once.
            const words = firsts.filter(t => !(idPossible && keywords.includes(t.name))).map(tokenWord);
            expected = syntaxText.oneOf([...new Set(words)]);
        }
        const meant = isWord(actual) && !idPossible ? closestWord(actual.image, keywords) : undefined;
        return syntaxText.expectedIn(after(previous), expected, found(actual), meant);
    }
}

/** "After `tier`", or the start of the file when nothing came before. */
function after(previous: IToken | undefined): string {
    const real = previous && !Number.isNaN(previous.startOffset) && previous.tokenType.name !== 'EOF';
    return real ? syntaxText.after(found(previous)) : syntaxText.startOfFile;
}

/** The grammar's rule name: Langium marks the parser's rule names with an invisible suffix. */
function plain(ruleName: string): string {
    return ruleName.replace(/[^\p{L}\p{N}_]/gu, '');
}

/** How the message names what was found. */
function found(token: IToken): string {
    if (token.tokenType.name === 'EOF') return syntaxText.endOfFile;
    const image = token.image.length > 40 ? `${token.image.slice(0, 39)}…` : token.image;
    return token.tokenType.name === 'STRING' ? syntaxText.quotedName(image) : syntaxText.word(image);
}

function tokenWord(type: TokenType): string {
    if (type.name === 'EOF') return syntaxText.endOfFile;
    return terminalWords[type.name] ?? (/^[\p{L}_]/u.test(type.name) ? type.name : `\`${type.name}\``);
}

/** A word (an id or a keyword), which may be a misspelling of another word. */
function isWord(token: IToken): boolean {
    return token.tokenType.name === 'ID' || token.tokenType.name === 'WORD' || /^[\p{L}_][\p{L}\p{N}_-]*$/u.test(token.tokenType.name);
}
