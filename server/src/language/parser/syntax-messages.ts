/**
 * Syntax errors in the plan author's words: what was expected, where, what was found, and
 * "Did you mean `contact`?" when the word found is close to one that may stand there. The parser
 * asks this provider for every message (Langium's `ParserErrorMessageProvider` service), with the
 * rule it was in and the tokens it expected; what may begin an item of each block is read from
 * the grammar (grammar-expectations.ts). Every text a user reads is built in `syntaxText`, from the
 * message catalog in the session's language.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import type { GrammarAST } from 'langium';
import type { MessageKey, Texts } from '../../method/index.js';
import type { AcctSettings } from '../workspace/acct-settings.js';
import { blockStarts, type Starts } from './grammar-expectations.js';
import { closestWord } from '../text/spelling.js';

/** The texts of syntax messages, in the language of `texts`. */
export function syntaxText(texts: Texts) {
    const words = {
        /** "In a customer, expected …, but found `contcat`. Did you mean `contact`?" */
        expectedIn: (where: string, expected: string, found: string, meant: string | undefined, hint = '') =>
            texts.t('syntax.expectedIn', {
                where,
                expected,
                found,
                meant: meant ? texts.t('syntax.didYouMean', { word: meant }) : '',
                hint,
            }),
        /** After a word that begins an item of another block: the block before it was not closed. */
        missingClose: texts.t('syntax.missingClose'),
        /** Where a value was due: "After `tier`" (then: ", expected a tier (…), but found `strategc`"). */
        after: (previous: string) => texts.t('syntax.after', { previous }),
        startOfFile: texts.t('syntax.startOfFile'),
        endOfFile: texts.t('syntax.endOfFile'),
        word: (image: string) => texts.t('syntax.word', { image }),
        quotedName: (image: string) => texts.t('syntax.quotedName', { image }),
        oneOf: (items: readonly string[]) => texts.or(items),
        /** A kind of value and its possible words: "a tier (excellent, strategic, core, value or commercial)". */
        valueOf: (noun: string, list: readonly string[]) => (list.length ? texts.t('syntax.valueOf', { noun, words: texts.or(list) }) : noun),
        unterminatedString: texts.t('syntax.unterminatedString'),
        unclosedComment: texts.t('syntax.unclosedComment'),
        unexpectedCharacters: (shown: string, count: number) => texts.t(count > 1 ? 'syntax.unexpectedCharacters' : 'syntax.unexpectedCharacter', { shown }),
        place: (rule: string) => {
            const key = blockPlaces[rule];
            return key ? texts.t(key) : texts.t('syntax.place.other', { rule });
        },
        noun: (rule: string) => {
            const key = valueNouns[rule];
            return key && texts.t(key);
        },
        terminal: (name: string) => {
            const key = terminalWords[name];
            return key && texts.t(key);
        },
    };
    return words;
}

type SyntaxWords = ReturnType<typeof syntaxText>;
/** The catalog's keys that start with `P`. */
type KeysOf<P extends string> = Extract<MessageKey, `${P}${string}`>;

/** Where each block is, as the message says it. */
export const blockPlaces: Readonly<Record<string, Exclude<KeysOf<'syntax.place.'>, 'syntax.place.other'>>> = {
    Workspace: 'syntax.place.workspace',
    Customer: 'syntax.place.customer',
    Contact: 'syntax.place.contact',
    Opportunity: 'syntax.place.opportunity',
    Activity: 'syntax.place.activity',
    Policy: 'syntax.place.policy',
    IronTriangle: 'syntax.place.team',
    DecisionChain: 'syntax.place.decisionChain',
    ValueProposition: 'syntax.place.valueProposition',
};

/** Each kind of value, by the rule that reads it. */
const valueNouns: Readonly<Record<string, KeysOf<'syntax.noun.'>>> = {
    Name: 'syntax.noun.id',
    Code: 'syntax.noun.code',
    CodeWord: 'syntax.noun.code',
    Money: 'syntax.noun.amount',
    MoneyValue: 'syntax.noun.moneyValue',
    SupportValue: 'syntax.noun.support',
    SignedInt: 'syntax.noun.wholeNumber',
    Role: 'syntax.noun.role',
    Tier: 'syntax.noun.tier',
    Organization: 'syntax.noun.organization',
    Stage: 'syntax.noun.stage',
    ActivityKind: 'syntax.noun.activityKind',
    ActivityStatus: 'syntax.noun.status',
    Horizon: 'syntax.noun.horizon',
    Group: 'syntax.noun.group',
    CustomerClass: 'syntax.noun.class',
    SeverityLevel: 'syntax.noun.severity',
};

/** Terminals as a user writes them. */
const terminalWords: Readonly<Record<string, KeysOf<'syntax.token.'>>> = {
    ID: 'syntax.token.id',
    WORD: 'syntax.token.id',
    STRING: 'syntax.token.string',
    DATE: 'syntax.token.date',
    INT: 'syntax.token.number',
    DECIMAL: 'syntax.token.number',
    AMOUNT: 'syntax.token.amount',
};

/** Rules whose alternatives list their own words (the others say only their noun). */
const listsItsWords = new Set(['Role', 'Tier', 'Organization', 'Stage', 'ActivityKind', 'ActivityStatus', 'Horizon', 'Group', 'SeverityLevel']);

export class AcctSyntaxMessages implements IParserErrorMessageProvider {
    private readonly blocks: Map<string, Starts>;
    /** Every keyword that begins an item of some block. */
    private readonly itemWords: Set<string>;
    /** The same word out of place in the same block, again and again (a pasted block, a lost brace): one message. */
    private readonly inBlockMessages = new Map<string, Map<string, Map<TokenType, Map<string, string>>>>();
    /** The messages of each place where one of several values was expected (its paths), by the words found. */
    private readonly alternativeMessages = new WeakMap<object, Map<string, string>>();

    constructor(
        grammar: GrammarAST.Grammar,
        private readonly settings: AcctSettings,
    ) {
        this.blocks = blockStarts(grammar);
        this.itemWords = new Set([...this.blocks.values()].flatMap(starts => starts.keywords));
    }

    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const { expected, actual, previous } = options;
        const ruleName = plain(options.ruleName);
        const block = this.blocks.get(ruleName);
        if (block && (expected.name === '}' || expected.name === 'EOF')) return this.inBlock(ruleName, block, actual);
        const s = this.words();
        return s.expectedIn(after(s, previous), tokenWord(s, expected), found(s, actual), undefined);
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return this.inBlock('Workspace', this.blocks.get('Workspace') ?? { keywords: [], id: false }, options.firstRedundant);
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const { expectedPathsPerAlt, previous, ruleName } = options;
        const actual = options.actual[0]!;
        // The parser hands the same paths at the same place of the grammar (acct-parser.ts remembers
        // them): the same word after the same word there is the same message (100,000 `role user`
        // in a row were 100,000 messages built, 15 µs each).
        if (actual.image.length > MEMO_IMAGE || (previous && previous.image.length > MEMO_IMAGE)) {
            return this.alternatives(expectedPathsPerAlt.flat(), actual, previous, plain(ruleName));
        }
        let said = this.alternativeMessages.get(expectedPathsPerAlt);
        if (!said) this.alternativeMessages.set(expectedPathsPerAlt, (said = new Map()));
        // the language is part of the key: the same word is said again in another language
        const key = `${this.settings.locale}\u0000${ruleName}\u0000${tokenKey(actual)}\u0000${tokenKey(previous)}`;
        let message = said.get(key);
        if (message === undefined) {
            if (said.size >= 10_000) said.clear();
            message = this.alternatives(expectedPathsPerAlt.flat(), actual, previous, plain(ruleName));
            said.set(key, message);
        }
        return message;
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        return this.alternatives(options.expectedIterationPaths, options.actual[0]!, options.previous, plain(options.ruleName));
    }

    private words(): SyntaxWords {
        const texts = this.settings.texts();
        let words = wordsOf.get(texts);
        if (!words) wordsOf.set(texts, (words = syntaxText(texts)));
        return words;
    }

    /** A word that cannot stand in a block: what may, and the closest of its keywords. */
    private inBlock(ruleName: string, starts: Starts, actual: IToken): string {
        // the language is part of the key: the same word is said again in another language. Maps by
        // language, block and kind of token (all few), keyed last by the word: no key made per error.
        const locale = this.settings.locale;
        let byRule = this.inBlockMessages.get(locale);
        if (!byRule) this.inBlockMessages.set(locale, (byRule = new Map()));
        let byKind = byRule.get(ruleName);
        if (!byKind) byRule.set(ruleName, (byKind = new Map()));
        let said = byKind.get(actual.tokenType);
        if (!said) byKind.set(actual.tokenType, (said = new Map()));
        let message = said.get(actual.image);
        if (message === undefined) {
            if (said.size >= 10_000) said.clear();
            message = this.describeInBlock(ruleName, starts, actual);
            said.set(actual.image, message);
        }
        return message;
    }

    private describeInBlock(ruleName: string, starts: Starts, actual: IToken): string {
        const s = this.words();
        const expected = [...starts.keywords, ...(starts.id ? [s.terminal('ID')!] : []), ...(ruleName === 'Workspace' ? [] : ['`}`'])];
        const meant = isWord(actual) ? closestWord(actual.image, starts.keywords) : undefined;
        // `contact` inside a contact, `customer` inside a customer: the block before it is still open
        const misplaced = ruleName !== 'Workspace' && this.itemWords.has(actual.image) && !starts.keywords.includes(actual.image);
        return s.expectedIn(s.place(ruleName), s.oneOf(expected), found(s, actual), meant, misplaced ? s.missingClose : '');
    }

    /** One of several values was expected after the previous word. */
    private alternatives(paths: TokenType[][], actual: IToken, previous: IToken, ruleName: string): string {
        const s = this.words();
        const firsts = [...new Set(paths.map(path => path[0]).filter((t): t is TokenType => t !== undefined))];
        const keywords = firsts.filter(t => !(t.name in terminalWords) && /^[\p{L}_]/u.test(t.name)).map(t => t.name);
        const idPossible = firsts.some(t => t.name === 'ID' || t.name === 'WORD');
        const noun = s.noun(ruleName);
        let expected: string;
        if (noun) {
            expected = listsItsWords.has(ruleName) ? s.valueOf(noun, keywords) : noun;
        } else {
            // Where an id may stand, every keyword may too (a keyword is a valid id): say "an id" once.
            const words = firsts.filter(t => !(idPossible && keywords.includes(t.name))).map(t => tokenWord(s, t));
            expected = s.oneOf([...new Set(words)]);
        }
        const meant = isWord(actual) && !idPossible ? closestWord(actual.image, keywords) : undefined;
        return s.expectedIn(after(s, previous), expected, found(s, actual), meant);
    }
}

/** The texts of syntax messages, made once per language (each message built them all anew: a third of its cost). */
const wordsOf = new WeakMap<Texts, SyntaxWords>();

/** Tokens longer than this are not remembered in a message's key (a long image is rare and its message costly to key). */
const MEMO_IMAGE = 200;

/** What of a token a message says (its kind and image), as a key; a missing token or no real one says the start of the file. */
function tokenKey(token: IToken | undefined): string {
    if (!token) return '';
    const real = !Number.isNaN(token.startOffset) && token.tokenType.name !== 'EOF';
    return `${real ? '+' : '-'}${token.tokenType.name}\u0001${token.image}`;
}

/** "After `tier`", or the start of the file when nothing came before. */
function after(s: SyntaxWords, previous: IToken | undefined): string {
    const real = previous && !Number.isNaN(previous.startOffset) && previous.tokenType.name !== 'EOF';
    return real ? s.after(found(s, previous)) : s.startOfFile;
}

/** The grammar's rule name: Langium marks the parser's rule names with an invisible suffix. */
function plain(ruleName: string): string {
    let name = plainNames.get(ruleName);
    if (name === undefined) plainNames.set(ruleName, (name = ruleName.replace(/[^\p{L}\p{N}_]/gu, '')));
    return name;
}

/** Each rule's plain name, made once (a megabyte of errors replaced the same few names 60,000 times). */
const plainNames = new Map<string, string>();

/** How the message names what was found. */
function found(s: SyntaxWords, token: IToken): string {
    if (token.tokenType.name === 'EOF') return s.endOfFile;
    const image = token.image.length > 40 ? `${token.image.slice(0, 39)}…` : token.image;
    return token.tokenType.name === 'STRING' ? s.quotedName(image) : s.word(image);
}

function tokenWord(s: SyntaxWords, type: TokenType): string {
    if (type.name === 'EOF') return s.endOfFile;
    return s.terminal(type.name) ?? (/^[\p{L}_]/u.test(type.name) ? type.name : `\`${type.name}\``);
}

/** A word (an id or a keyword), which may be a misspelling of another word. */
function isWord(token: IToken): boolean {
    return token.tokenType.name === 'ID' || token.tokenType.name === 'WORD' || /^[\p{L}_][\p{L}\p{N}_-]*$/u.test(token.tokenType.name);
}
