/**
 * acct's own scanner: the tokens, comments and lexing errors Chevrotain's lexer makes from acct's
 * vocabulary, read in one pass. Chevrotain tries the patterns that may start at a character in
 * turn: a word is tried against every keyword beginning with its letter before it is taken for
 * a name (a word beginning with `s` against nine), about four regular-expression tests per token.
 * Here a word is read once and looked up, a number once for a date, an amount, a decimal or an
 * integer, and nothing is tried twice.
 *
 * It is Chevrotain's lexer for exactly this vocabulary: `AcctScanner.of` checks that every
 * terminal is the one it implements (the same pattern, group and order, acct.langium) and every
 * keyword of a shape it knows; for any other vocabulary it declines and acct-lexer.ts uses
 * Chevrotain's. test/unit/acct-scanner.test.ts compares the two on random and hostile texts.
 */
import { Lexer, type ILexerErrorMessageProvider, type ILexingError, type IToken, type TokenType, type TokenTypeDictionary } from 'chevrotain';
import { LazyToken, type TokenLines } from './lazy-token.js';
import { lineEndAt, skipStringOrComment } from '../text/text-scan.js';

/** The terminals in the order Chevrotain tries them (after every keyword), each with its pattern's source and group. */
const TERMINALS: ReadonlyArray<readonly [name: string, source: string | undefined, group: string | undefined]> = [
    ['WS', String.raw`\s+`, Lexer.SKIPPED],
    ['ML_COMMENT', String.raw`\/\*[\s\S]*?\*\/`, 'hidden'],
    ['SL_COMMENT', String.raw`\/\/[^\n\r]*`, 'hidden'],
    ['DATE', String.raw`[0-9]{4}-[0-9]{2}-[0-9]{2}`, undefined],
    // (万 and 亿 escaped: the bundles are ASCII; the other `\u` are the pattern's own text)
    ['AMOUNT', '[0-9]+(\\.[0-9]+)?([kMB\u4e07\u4ebf]|[KmbG])(?![_a-zA-Z0-9\\u00C0-\\u4DFF\\u9FA0-\\uFFFF])', undefined],
    ['DECIMAL', String.raw`[0-9]+\.[0-9]+`, undefined],
    ['INT', String.raw`[0-9]+`, undefined],
    ['ID', String.raw`[_a-zA-Z\u00C0-\uFFFF][_a-zA-Z0-9\u00C0-\uFFFF]*`, undefined],
    ['WORD', undefined, undefined], // a category, never lexed (Lexer.NA)
    ['STRING', String.raw`"(\\.|[^"\\\r\n])*"?`, undefined],
];

const WORD_SHAPED = /^[_a-zA-Z][_a-zA-Z0-9]*$/;
const HYPHENATED = /^[_a-zA-Z][_a-zA-Z0-9]*(-[_a-zA-Z0-9]+)+$/;

// Classes of the ASCII characters (the ID terminal's, `\s`'s, digits); above 127 they are computed.
const ID_PART = 1;
const ID_START = 2;
const SPACE = 4;
const DIGIT = 8;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
    const char = String.fromCharCode(c);
    if (/[_a-zA-Z0-9]/.test(char)) ASCII[c]! |= ID_PART;
    if (/[_a-zA-Z]/.test(char)) ASCII[c]! |= ID_START;
    if (/[0-9]/.test(char)) ASCII[c]! |= DIGIT;
    if (/[\t\n\v\f\r ]/.test(char)) ASCII[c]! |= SPACE;
}

const QUOTE = 34;
const STAR = 42;
const HYPHEN = 45;
const DOT = 46;
const SLASH = 47;

/** `\s` above ASCII (JavaScript's white space and line terminators). */
export function isWideSpace(c: number): boolean {
    return (
        c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff
    );
}

/** The ID terminal's `[_a-zA-Z0-9\u00C0-\uFFFF]` (the NaN past a text's end is none). */
export function isIdPart(c: number): boolean {
    return c < 128 ? (ASCII[c]! & ID_PART) !== 0 : c >= 0xc0;
}

/** What may not follow an amount's suffix (AMOUNT's look-ahead): an id's character, CJK ideographs excepted (`30万元`). */
export function stopsAmount(c: number): boolean {
    return c < 128 ? (ASCII[c]! & ID_PART) !== 0 : c >= 0xc0 && (c < 0x4e00 || c > 0x9f9f);
}

/** AMOUNT's suffixes: k M B 万 亿, and K m b G (lexed so that the check can say which was meant). */
function isSuffix(c: number): boolean {
    return c === 107 || c === 77 || c === 66 || c === 0x4e07 || c === 0x4ebf || c === 75 || c === 109 || c === 98 || c === 71;
}

const isDigit = (c: number): boolean => c < 128 && (ASCII[c]! & DIGIT) !== 0;

/** The end of the digits from `at`. */
function digitsEnd(text: string, at: number): number {
    while (isDigit(text.charCodeAt(at))) at++;
    return at;
}

/** A token type with the index the parser knows it by (given once the parser or Chevrotain's lexer has seen the types). */
interface Kind {
    readonly type: TokenType;
    readonly idx: number;
    readonly image: string;
}

const kindOf = (type: TokenType): Kind => ({ type, idx: type.tokenTypeIdx!, image: typeof type.PATTERN === 'string' ? type.PATTERN : '' });

export interface Scanned {
    tokens: IToken[];
    hidden: IToken[];
    errors: ILexingError[];
}

export class AcctScanner {
    /** Word keywords (`customer`, `S`): a word equal to one is that keyword, else a name (their longer alternative is ID). */
    private readonly words = new Map<string, Kind>();
    private longestWord = 0;
    /** Hyphenated keywords (`site-visit`) by their first word, longest first: no longer alternative, so `site-visits` is `site-visit` `s`. */
    private readonly hyphenated = new Map<string, Kind[]>();
    /** Keywords of one ASCII character (`{`, `-`, `?`), by code. */
    private readonly punctuation: Array<Kind | undefined> = new Array<Kind | undefined>(128).fill(undefined);
    private readonly terminals: Record<string, Kind> = {};
    /** Where a search for `*` `/` found none in this text: none after it either (an unclosed `/*` is searched once). */
    private noCloseFrom = Infinity;

    /**
     * The scanner of `definition` (in the lexer's order, each type with its index), or undefined
     * when it holds a terminal, a keyword, a group or an order this scanner does not implement.
     */
    static of(definition: TokenTypeDictionary, messages: ILexerErrorMessageProvider): AcctScanner | undefined {
        const types = Object.values(definition);
        if (types.some(type => type.tokenTypeIdx === undefined || type.PUSH_MODE !== undefined || type.POP_MODE !== undefined)) return undefined;
        const keywords = types.slice(0, types.length - TERMINALS.length);
        const terminals = types.slice(keywords.length);
        const known = TERMINALS.every(([name, source, group], i) => {
            const type = terminals[i]!;
            const pattern = type.PATTERN;
            if (type.name !== name || type.GROUP !== group || type.LONGER_ALT !== undefined) return false;
            return source === undefined ? pattern === Lexer.NA : pattern instanceof RegExp && pattern.source === source && pattern.flags === '';
        });
        if (!known) return undefined;
        const scanner = new AcctScanner(messages, terminals);
        // Chevrotain takes the first keyword that matches: longest first, so the longest one that does
        let previous = Infinity;
        for (const type of keywords) {
            const pattern = type.PATTERN;
            if (typeof pattern !== 'string' || pattern.length > previous || type.GROUP !== undefined) return undefined;
            previous = pattern.length;
            if (!scanner.add(type, pattern)) return undefined;
        }
        return scanner;
    }

    private constructor(
        private readonly messages: ILexerErrorMessageProvider,
        terminals: TokenType[],
    ) {
        for (const type of terminals) this.terminals[type.name] = kindOf(type);
    }

    /** Adds a keyword; false for one of a shape this scanner does not implement. */
    private add(type: TokenType, pattern: string): boolean {
        const longer = type.LONGER_ALT === undefined ? [] : Array.isArray(type.LONGER_ALT) ? type.LONGER_ALT : [type.LONGER_ALT];
        if (WORD_SHAPED.test(pattern)) {
            if (longer.length !== 1 || longer[0] !== this.terminals['ID']!.type || this.words.has(pattern)) return false;
            this.words.set(pattern, kindOf(type));
            this.longestWord = Math.max(this.longestWord, pattern.length);
        } else if (HYPHENATED.test(pattern)) {
            if (longer.length !== 0) return false;
            const first = pattern.slice(0, pattern.indexOf('-'));
            const list = this.hyphenated.get(first) ?? [];
            list.push(kindOf(type));
            this.hyphenated.set(first, list);
        } else {
            // one character that starts no terminal (not a space, an id's, a digit, a quote or a slash)
            const c = pattern.charCodeAt(0);
            if (pattern.length !== 1 || c >= 128 || ASCII[c] !== 0 || c === QUOTE || c === SLASH || this.punctuation[c] || longer.length !== 0) return false;
            this.punctuation[c] = kindOf(type);
        }
        return true;
    }

    /** Chevrotain's `tokenize(text)` for this vocabulary, its tokens made as acct keeps them. */
    scan(text: string, lines: TokenLines): Scanned {
        const tokens: IToken[] = [];
        const hidden: IToken[] = [];
        const errors: ILexingError[] = [];
        const end = text.length;
        const { DATE, AMOUNT, DECIMAL, INT, STRING, ML_COMMENT, SL_COMMENT } = this.terminals as Record<string, Kind>;
        this.noCloseFrom = Infinity;
        let at = 0;
        while (at < end) {
            const c = text.charCodeAt(at);
            const ascii = c < 128 ? ASCII[c]! : 0;
            if ((ascii & SPACE) !== 0 || (c >= 128 && isWideSpace(c))) {
                at++;
                while (at < end) {
                    const d = text.charCodeAt(at);
                    if (d < 128 ? (ASCII[d]! & SPACE) === 0 : !isWideSpace(d)) break;
                    at++;
                }
            } else if ((ascii & ID_START) !== 0 || c >= 0xc0) {
                at = this.word(text, at, tokens, lines);
            } else if ((ascii & DIGIT) !== 0) {
                // the first of DATE, AMOUNT, DECIMAL and INT that matches
                let kind: Kind;
                let to: number;
                if (isDate(text, at)) {
                    kind = DATE!;
                    to = at + 10;
                } else {
                    const digits = digitsEnd(text, at + 1);
                    const fraction = text.charCodeAt(digits) === DOT && isDigit(text.charCodeAt(digits + 1)) ? digitsEnd(text, digits + 2) : digits;
                    if (isSuffix(text.charCodeAt(fraction)) && !stopsAmount(text.charCodeAt(fraction + 1))) {
                        kind = AMOUNT!;
                        to = fraction + 1;
                    } else {
                        kind = fraction > digits ? DECIMAL! : INT!;
                        to = fraction;
                    }
                }
                tokens.push(new LazyToken(text.slice(at, to), at, kind.idx, kind.type, lines));
                at = to;
            } else if (c < 128 && this.punctuation[c] !== undefined) {
                const kind = this.punctuation[c]!;
                tokens.push(new LazyToken(kind.image, at, kind.idx, kind.type, lines));
                at++;
            } else if (c === QUOTE) {
                // the STRING terminal's end: its closing quote, or the end of its line when left open
                const to = skipStringOrComment(text, at);
                tokens.push(new LazyToken(text.slice(at, to), at, STRING!.idx, STRING!.type, lines));
                at = to;
            } else {
                const to = c === SLASH ? this.commentEnd(text, at) : -1;
                if (to < 0) {
                    at = this.error(text, at, errors);
                } else {
                    const kind = text.charCodeAt(at + 1) === STAR ? ML_COMMENT! : SL_COMMENT!;
                    hidden.push(new LazyToken(text.slice(at, to), at, kind.idx, kind.type, lines));
                    at = to;
                }
            }
        }
        return { tokens, hidden, errors };
    }

    /** A word at `at`: the longest hyphenated keyword it begins, else the keyword it is, else a name. */
    private word(text: string, at: number, tokens: IToken[], lines: TokenLines): number {
        const end = text.length;
        let to = at + 1;
        while (to < end && isIdPart(text.charCodeAt(to))) to++;
        const image = text.slice(at, to);
        if (text.charCodeAt(to) === HYPHEN) {
            const joined = this.hyphenated.get(image);
            if (joined !== undefined) {
                for (const kind of joined) {
                    if (text.startsWith(kind.image, at)) {
                        tokens.push(new LazyToken(kind.image, at, kind.idx, kind.type, lines));
                        return at + kind.image.length;
                    }
                }
            }
        }
        const kind = (image.length <= this.longestWord ? this.words.get(image) : undefined) ?? this.terminals['ID']!;
        tokens.push(new LazyToken(image, at, kind.idx, kind.type, lines));
        return to;
    }

    /** The end of the comment at `at` (a slash), or -1 when none starts there (`/` alone, `/*` never closed). */
    private commentEnd(text: string, at: number): number {
        const next = text.charCodeAt(at + 1);
        if (next === STAR) {
            const close = this.closeOf(text, at + 2);
            return close < 0 ? -1 : close + 2;
        }
        return next === SLASH ? lineEndAt(text, at + 2) : -1;
    }

    private closeOf(text: string, from: number): number {
        if (from >= this.noCloseFrom) return -1;
        const close = text.indexOf('*/', from);
        if (close < 0) this.noCloseFrom = from;
        return close;
    }

    /** Chevrotain's recovery: the characters up to where some token may start again are one error. */
    private error(text: string, at: number, errors: ILexingError[]): number {
        let to = at + 1;
        while (to < text.length && !this.mayStart(text, to)) to++;
        const length = to - at;
        errors.push({
            offset: at,
            line: undefined,
            column: undefined,
            length,
            message: this.messages.buildUnexpectedCharactersMessage(text, at, length, undefined, undefined),
        });
        return to;
    }

    /** Whether some token's pattern matches at `at` (where Chevrotain's recovery stops). */
    private mayStart(text: string, at: number): boolean {
        const c = text.charCodeAt(at);
        if (c >= 128) return c >= 0xc0 || isWideSpace(c);
        if (ASCII[c] !== 0 || this.punctuation[c] !== undefined || c === QUOTE) return true;
        return c === SLASH && this.commentEnd(text, at) >= 0;
    }
}

/** DATE at `at` (a digit): `dddd-dd-dd`, whatever follows. */
function isDate(text: string, at: number): boolean {
    return (
        isDigit(text.charCodeAt(at + 1)) &&
        isDigit(text.charCodeAt(at + 2)) &&
        isDigit(text.charCodeAt(at + 3)) &&
        text.charCodeAt(at + 4) === HYPHEN &&
        isDigit(text.charCodeAt(at + 5)) &&
        isDigit(text.charCodeAt(at + 6)) &&
        text.charCodeAt(at + 7) === HYPHEN &&
        isDigit(text.charCodeAt(at + 8)) &&
        isDigit(text.charCodeAt(at + 9))
    );
}
