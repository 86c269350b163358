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
import { Lexer as ChevrotainLexer, type TokenType, type TokenTypeDictionary } from 'chevrotain';
import { lineStarts, skipStringOrComment } from '../text/text-scan.js';
import { AcctScanner, type Scanned } from './acct-scanner.js';
import { LazyToken, TokenLines } from './lazy-token.js';
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

/** How a lexer reads a text: with acct's scanner where it knows the vocabulary (always, for acct's grammar), else with Chevrotain's lexer. */
export type Scanning = 'acct' | 'chevrotain';

/**
 * Langium's `Lexer` (what its `DefaultLexer` is, without the Chevrotain lexer it makes and acct
 * never used: a second analysis of every token pattern at each start).
 */
export class AcctLexer implements Lexer {
    private readonly services: AcctLanguageServices;
    /** The token types, by name, as Langium's `DefaultLexer` gives them (the parser is built from them). */
    readonly definition: TokenTypeDictionary;

    constructor(
        services: AcctLanguageServices,
        private readonly scanning: Scanning = 'acct',
    ) {
        this.services = services;
        const built = services.parser.TokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        this.definition = isTokenTypeDictionary(built) ? built : byName(isIMultiModeLexerDefinition(built) ? Object.values(built.modes).flat() : built);
        // Outside production Chevrotain's lexer checks the vocabulary (the editor, the tests): made now for that.
        if (services.LanguageMetaData.mode !== 'production') this.chevrotain();
    }

    /** The lines of the text being lexed, for its tokens. */
    private lines = new TokenLines(new Uint32Array(1));
    private linesOfLast: TokenLines | undefined;

    /** The line starts of the text `tokenize` lexed last (none when it was handed a window's tokens): the parser gives them to the text's tree. */
    get lastLineStarts(): Uint32Array | undefined {
        return this.linesOfLast?.starts;
    }

    /** Made when first needed: never by a one-shot check, whose scanner knows acct's vocabulary. */
    private chevrotainLexer: ChevrotainLexer | undefined;

    private chevrotain(): ChevrotainLexer {
        if (this.chevrotainLexer) return this.chevrotainLexer;
        // Chevrotain's line and column tracking costs a third of the lexing, and its tokens keep
        // their positions as boxed numbers: positions are computed from the offsets instead
        // (`LazyToken`), by a Chevrotain lexer of the token types in their order (no token's name
        // is an array index) and Langium's settings.
        const lexer = new ChevrotainLexer(Object.values(this.definition), {
            positionTracking: 'onlyOffset',
            skipValidations: this.services.LanguageMetaData.mode === 'production',
            errorMessageProvider: this.services.parser.LexerErrorMessageProvider,
        });
        // Chevrotain makes each token as acct keeps it (`LazyToken`), with the lines of the text being lexed.
        replaceMethod(lexerInternals(lexer), 'chevrotain Lexer', 'createTokenInstance', () => (image, startOffset, tokenTypeIdx, tokenType) => {
            return new LazyToken(image, startOffset, tokenTypeIdx, tokenType, this.lines);
        });
        return (this.chevrotainLexer = lexer);
    }

    /** Undefined until the first text; null when Chevrotain's lexer reads the texts. */
    private scanner: AcctScanner | null | undefined;

    private scannerOf(): AcctScanner | null {
        if (this.scanner === undefined) {
            // The types are given their indexes by the parser built from them, or by Chevrotain's
            // lexer: a text lexed before any parser (`acct format`) has the lexer give them.
            if (Object.values(this.definition).some(type => type.tokenTypeIdx === undefined)) this.chevrotain();
            this.scanner = this.scanning === 'acct' ? (AcctScanner.of(this.definition, this.services.parser.LexerErrorMessageProvider) ?? null) : null;
        }
        return this.scanner;
    }

    /** Whether texts are read by acct's scanner (false: by Chevrotain's lexer, for a vocabulary the scanner does not know). */
    get scans(): boolean {
        return this.scannerOf() !== null;
    }

    /** The tokens, comments and errors of `text` with its runs of invalid characters squashed (see above), and the runs. */
    private lex(text: string): { lexed: Scanned; runs: Array<[number, number]> } {
        const scanner = this.scannerOf();
        if (scanner) {
            // acct's scanner reads a run of invalid characters in one step: a text it reads without
            // an error has none (every character outside strings and comments is then a token's),
            // so the runs are looked for, and the text read again, only when it finds an error.
            const lexed = scanner.scan(text, this.lines);
            const runs = lexed.errors.length === 0 ? [] : invalidRuns(text);
            return { lexed: runs.length ? scanner.scan(squash(text, runs), this.lines) : lexed, runs };
        }
        const runs = invalidRuns(text);
        const lexed = this.chevrotain().tokenize(runs.length ? squash(text, runs) : text);
        return { lexed: { tokens: lexed.tokens, hidden: lexed.groups.hidden ?? [], errors: lexed.errors }, runs };
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
        const lines = (this.lines = this.linesOfLast = new TokenLines(lineStarts(text)));
        const { lexed, runs } = this.lex(text);
        // what Langium's DefaultLexer.tokenize gives
        const result: LexerResult = {
            tokens: lexed.tokens,
            errors: lexed.errors,
            hidden: lexed.hidden,
            report: this.services.parser.TokenBuilder.flushLexingReport?.(text),
        };
        const endOf = new Map(runs);
        for (const error of result.errors) {
            const line = lines.lineOf(error.offset);
            error.line = line + 1;
            error.column = error.offset - lines.startOf(line) + 1;
            const end = endOf.get(error.offset);
            const run = end === undefined ? undefined : ([error.offset, end] as const);
            if (run) error.length = run[1] - run[0];
            // every error in the session's language: none keeps Chevrotain's English ("unexpected character: ->/<-")
            error.message = text.startsWith('/*', error.offset)
                ? say.unclosedComment
                : say.unexpectedCharacters(
                      `${printable(text.slice(error.offset, Math.min(error.offset + error.length, error.offset + 12)))}${error.length > 12 ? '…' : ''}`,
                      error.length,
                  );
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
