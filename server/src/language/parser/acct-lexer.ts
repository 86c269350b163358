/**
 * The lexer, made linear in the worst case and plain-spoken about two mistakes:
 * - A run of characters that can start no token (a pasted NUL, `%%%`, control characters) is one
 *   error. Chevrotain skips such a run one character at a time, trying every token pattern at
 *   each (about 2 s per MB of NULs); the run's tail is handed to it as spaces instead, and the
 *   error is given the run's real length.
 * - A string left open at the end of its line is one token (the STRING terminal allows it,
 *   see acct.langium) and one error, "unterminated string", instead of a string retried at every
 *   quote of the line (quadratic in the line's length) and errors cascading through the file.
 */
import { isIMultiModeLexerDefinition, isTokenTypeDictionary, type Lexer, type LexerResult, type TokenizeOptions } from 'langium';
import { Lexer as ChevrotainLexer, type IToken, type TokenType, type TokenTypeDictionary } from 'chevrotain';
import { lineOfOffset, lineStarts, skipStringOrComment } from '../text/text-scan.js';
import { isClosedString } from './acct-value-converter.js';
import { syntaxText } from './syntax-messages.js';
import type { AcctLanguageServices } from '../acct-language-services.js';
import { lexerInternals, replaceMethod } from '../langium-internals.js';

/** Token types by name (Langium's `DefaultLexer.toTokenTypeDictionary`). */
function byName(types: readonly TokenType[]): TokenTypeDictionary {
    const dictionary: TokenTypeDictionary = {};
    for (const type of types) dictionary[type.name] = type;
    return dictionary;
}

/** Characters that may start a token: whitespace, ids, numbers, strings, `{`, `}`, `,`, `-`, `?`. */
const MAY_START = /[\s\w"{},\-?\u00C0-\uFFFF]/;

/** What `invalidRuns` looks at: a quote or a slash (a string or a comment may start there), a `.`, any character outside MAY_START. */
const NEEDS_A_LOOK = /[^\s\w{},\-?\u00C0-\uFFFF]/g;

/** Whether the character at `i` may be part of a token: also a `.` in a number and the `/` of a comment. */
function mayStart(text: string, i: number): boolean {
    const c = text[i]!;
    if (c === '.') return i > 0 && /\d/.test(text[i - 1]!);
    if (c === '/') return text[i + 1] === '/' || text[i + 1] === '*';
    return MAY_START.test(c);
}

/**
 * Langium's `Lexer` (what its `DefaultLexer` is, without the Chevrotain lexer it makes and acct
 * never used: a second analysis of every token pattern at each start).
 */
export class AcctLexer implements Lexer {
    private readonly services: AcctLanguageServices;
    /** The token types, by name, as Langium's `DefaultLexer` gives them (the parser is built from them). */
    readonly definition: TokenTypeDictionary;

    constructor(services: AcctLanguageServices) {
        this.services = services;
        const built = services.parser.TokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        this.definition = isTokenTypeDictionary(built) ? built : byName(isIMultiModeLexerDefinition(built) ? Object.values(built.modes).flat() : built);
        // Chevrotain's line and column tracking costs a third of the lexing, and its tokens keep
        // their positions as boxed numbers: positions are computed from the offsets instead
        // (`LazyToken`), by a Chevrotain lexer of the token types in their order (no token's name
        // is an array index) and Langium's settings.
        this.chevrotainLexer = new ChevrotainLexer(Object.values(this.definition), {
            positionTracking: 'onlyOffset',
            skipValidations: services.LanguageMetaData.mode === 'production',
            errorMessageProvider: services.parser.LexerErrorMessageProvider,
        });
        // Chevrotain makes each token as acct keeps it (`LazyToken`), with the lines of the text being lexed.
        replaceMethod(lexerInternals(this.chevrotainLexer), 'chevrotain Lexer', 'createTokenInstance', () => (image, startOffset, tokenTypeIdx, tokenType) => {
            return new LazyToken(image, startOffset, tokenTypeIdx, tokenType, this.lines);
        });
    }

    /** The lines of the text being lexed, for its tokens. */
    private lines = new TokenLines(new Uint32Array(1));
    private linesOfLast: TokenLines | undefined;

    /** The line starts of the text `tokenize` lexed last (none when it was handed a window's tokens): the parser gives them to the text's tree. */
    get lastLineStarts(): Uint32Array | undefined {
        return this.linesOfLast?.starts;
    }

    private readonly chevrotainLexer: ChevrotainLexer;

    /** What Langium's DefaultLexer.tokenize gives, from acct's Chevrotain lexer. */
    private lex(text: string): LexerResult {
        const lexed = this.chevrotainLexer.tokenize(text);
        return {
            tokens: lexed.tokens,
            errors: lexed.errors,
            hidden: lexed.groups.hidden ?? [],
            report: this.services.parser.TokenBuilder.flushLexingReport?.(text),
        };
    }

    /** Tokens lexed already, for the next parse only (set by `tokenizeAs`). */
    private given: LexerResult | undefined;

    /**
     * The next `tokenize` gives `result`, whatever the text: the incremental parser hands the
     * parser a window it lexed itself (incremental/incremental-parse.ts). Undone by `tokenizeAs(undefined)`.
     */
    tokenizeAs(result: LexerResult | undefined): void {
        this.given = result;
    }

    tokenize(text: string, _options?: TokenizeOptions): LexerResult {
        const given = this.given;
        if (given) {
            this.given = undefined;
            this.linesOfLast = undefined;
            return given;
        }
        // the settings are read when a text is lexed: the lexer is made before they are
        const say = syntaxText(this.services.workspace.AcctSettings.texts());
        const runs = invalidRuns(text);
        const lines = (this.lines = this.linesOfLast = new TokenLines(lineStarts(text)));
        const result = this.lex(runs.length ? squash(text, runs) : text);
        const endOf = new Map(runs);
        for (const error of result.errors) {
            const line = lines.lineOf(error.offset);
            error.line = line + 1;
            error.column = error.offset - lines.startOf(line) + 1;
            const end = endOf.get(error.offset);
            const run = end === undefined ? undefined : ([error.offset, end] as const);
            if (run) {
                error.length = run[1] - run[0];
                error.message = say.unexpectedCharacters(
                    `${printable(text.slice(run[0], Math.min(run[1], run[0] + 12)))}${error.length > 12 ? '…' : ''}`,
                    error.length,
                );
            }
        }
        // indexed: a for-of here made an iterator result per token (the loop runs once per text, rarely optimized)
        for (let i = 0; i < result.tokens.length; i++) {
            const token = result.tokens[i]!;
            if (token.tokenType.name === 'STRING' && !isClosedString(token.image)) {
                result.errors.push({
                    offset: token.startOffset,
                    length: token.image.length,
                    line: token.startLine,
                    column: token.startColumn,
                    message: say.unterminatedString,
                });
            }
        }
        return result;
    }
}

/**
 * The lines of a lexed text, for its tokens' positions: each answer moves forward from the last
 * (tokens are mostly asked in order), and an offset before it is found by binary search.
 */
class TokenLines {
    /** The last line found, in the lexed text. */
    private line = 0;

    /** `origin`: where the lexed text starts in a whole text, whose lines and offsets the answers are in (the text's own: none). */
    constructor(
        readonly starts: Uint32Array,
        readonly origin: TextOrigin = NO_ORIGIN,
    ) {}

    /** The 0-based line holding `offset`. */
    lineOf(offset: number): number {
        const starts = this.starts;
        const local = offset - this.origin.offset;
        let line = this.line;
        if (starts[line]! > local) line = lineOfOffset(starts, local);
        else while (line + 1 < starts.length && starts[line + 1]! <= local) line++;
        this.line = line;
        return line + this.origin.line;
    }

    startOf(line: number): number {
        const { origin } = this;
        const local = line - origin.line;
        // the lexed text's first line starts, in the whole text, `column` characters before it
        return local === 0 ? origin.offset - origin.column : this.starts[local]! + origin.offset;
    }
}

/** Where a text lexed alone starts in a whole text: its offset, and 0-based line and column. */
export interface TextOrigin {
    readonly offset: number;
    readonly line: number;
    readonly column: number;
}

const NO_ORIGIN: TextOrigin = { offset: 0, line: 0, column: 0 };

/**
 * The tokens of a text lexed alone (a window of the incremental parse), placed where the text
 * starts in a whole text — the same tokens at the whole text's offsets, their lines and columns
 * still computed only when asked (a copy of each with its positions cost more than the lexing of
 * the window). Undefined when a token is not one this lexer made from a text of its own.
 */
export function placedTokens(tokens: readonly IToken[], origin: TextOrigin): IToken[] | undefined {
    const placed: IToken[] = [];
    let from: TokenLines | undefined;
    let to: TokenLines | undefined;
    for (const token of tokens) {
        if (!(token instanceof LazyToken) || token.lines.origin !== NO_ORIGIN) return undefined;
        if (token.lines !== from) [from, to] = [token.lines, new TokenLines(token.lines.starts, origin)];
        placed.push(new LazyToken(token.image, token.startOffset + origin.offset, token.tokenTypeIdx, token.tokenType, to!));
    }
    return placed;
}

/**
 * A token as Chevrotain makes it with offsets only, its lines and columns computed when asked
 * (1-based, the end the last character's, as Chevrotain's: lines end at `\n`, `\r\n` or `\r`).
 * Chevrotain's line tracking cost a third of the lexing and kept the positions as boxed numbers;
 * a copy of every token with its positions cost more than the lexing of its text: only the
 * tokens of syntax errors and comments are ever asked (acct's leaves keep offsets).
 */
class LazyToken implements IToken {
    constructor(
        readonly image: string,
        readonly startOffset: number,
        readonly tokenTypeIdx: number,
        readonly tokenType: TokenType,
        readonly lines: TokenLines,
    ) {}

    get endOffset(): number {
        return this.startOffset + this.image.length - 1;
    }
    get startLine(): number {
        return this.lines.lineOf(this.startOffset) + 1;
    }
    get startColumn(): number {
        const lines = this.lines;
        return this.startOffset - lines.startOf(lines.lineOf(this.startOffset)) + 1;
    }
    /** Only a block comment spans lines: a token of one character (or none) ends on the line it starts on. */
    private endLine0(): number {
        return this.lines.lineOf(this.image.length > 1 ? this.endOffset : this.startOffset);
    }
    get endLine(): number {
        return this.endLine0() + 1;
    }
    get endColumn(): number {
        return this.endOffset - this.lines.startOf(this.endLine0()) + 1;
    }
}

/** [start, end) of each run of characters outside strings and comments that can start no token. */
function invalidRuns(text: string): Array<[number, number]> {
    const runs: Array<[number, number]> = [];
    for (let i = 0; i < text.length;) {
        // Characters that may start a token and start no string or comment are passed over in one search.
        NEEDS_A_LOOK.lastIndex = i;
        if (!NEEDS_A_LOOK.test(text)) break;
        i = NEEDS_A_LOOK.lastIndex - 1;
        const end = skipStringOrComment(text, i);
        if (end >= 0) {
            i = end;
        } else if (!mayStart(text, i)) {
            const start = i;
            for (i++; i < text.length && !mayStart(text, i); i++);
            runs.push([start, i]);
        } else {
            i++;
        }
    }
    return runs;
}

/** The text with each run's tail replaced by spaces: offsets, lines and columns stay as they were. */
function squash(text: string, runs: ReadonlyArray<[number, number]>): string {
    const parts: string[] = [];
    let at = 0;
    for (const [start, end] of runs) {
        parts.push(text.slice(at, start + 1), ' '.repeat(end - start - 1));
        at = end;
    }
    parts.push(text.slice(at));
    return parts.join('');
}

/** Invisible characters named, so that a message shows what is there. */
function printable(text: string): string {
    return text.replace(/[\u0000-\u001f\u007f]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
