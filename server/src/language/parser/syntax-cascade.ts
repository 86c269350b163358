/**
 * One mistake, one syntax error. The parser's recovery skips what it cannot read, up to a token
 * it can go on with — sometimes the `}` of a block nested in the skipped text, which it then
 * takes for the end of the enclosing block, or a keyword that ends the enclosing declarations.
 * `contcat wang "Wang" { … }` in a customer ends the customer at the contact's brace, and the
 * rest of the customer is read as top-level text: a second error for the same typo. Cascades:
 *   - in a block that the parser did not read up to the brace that closes it in the text, every
 *     error after its first, up to that brace (or up to the next top-level declaration written
 *     at the start of a line, whichever comes first: a missing `}` must not hide the errors of
 *     the next customer);
 *   - an error on the same line as an earlier one, after it (`compteitor-support nokia 1` is
 *     read as a misspelt `compteitor`, then `support` with the value `nokia`);
 *   - a parse error on a token that the lexer already reported (an unterminated string).
 * The first error of a file is always kept: a file that does not parse has a `syntax` finding.
 * Linear: one walk over the nodes, one over the text, a binary search per node and per error.
 */
import type { LangiumDocument } from 'langium';
import { nodesOf } from '../ast/ast-walk.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { closingBraces, inSpans, mergeSpans, type Span } from '../text/spans.js';
import { lowerBound } from '../text/text-scan.js';

/** A declaration keyword at the start of a line: where a cascade stops at the latest. */
export const TOP_LEVEL = /^(?:member|competitor|customer|policy)\b/gm;

const KEYWORDS = ['member', 'competitor', 'customer', 'policy'];
/** The first letters of KEYWORDS. */
const M = 109,
    C = 99,
    P = 112;

/**
 * Where TOP_LEVEL matches, found without the regular expression: a keyword at the text's start or
 * after a line terminator (\n, \r, U+2028, U+2029, as `^` reads them), not followed by a word character
 * (`\b`). 60,000 unclosed customers made 60,000 match objects.
 */
export function topLevelStarts(text: string): number[] {
    const starts: number[] = [];
    for (let at = 0; at < text.length;) {
        // (a line that cannot start with one is passed over without a search: 60,000 lines of a megabyte)
        const c = text.charCodeAt(at);
        if ((c === M || c === C || c === P) && KEYWORDS.some(word => text.startsWith(word, at) && !isWordCharacter(text.charCodeAt(at + word.length))))
            starts.push(at);
        // the next line's start
        let i = at;
        while (i < text.length && !isLineTerminator(text.charCodeAt(i))) i++;
        at = i + 1;
    }
    return starts;
}

const isLineTerminator = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
/** `\w` without the `u` flag (NaN past the text's end: no word character). */
const isWordCharacter = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** The parse errors that are not cascades of an earlier error. */
export function withoutCascades(document: LangiumDocument, lexing: readonly Diagnostic[], parsing: readonly Diagnostic[]): Diagnostic[] {
    if (parsing.length === 0) return [];
    const text = document.textDocument.getText();
    const offsetOf = (d: Diagnostic) => document.textDocument.offsetAt(d.range.start);
    // each error's offset, found once (a megabyte of errors looked each up four times)
    const lexedAt = lexing.map(offsetOf);
    const parsedAt = parsing.map(offsetOf);
    const lexed = new Set(lexedAt);
    const errors = new Float64Array(lexedAt.length + parsedAt.length);
    errors.set(lexedAt);
    errors.set(parsedAt, lexedAt.length);
    errors.sort();
    const windows = cascadeWindows(document, text, errors);
    // The first error on a line is the first of all errors at or after the line's start: an error
    // of another line has its offset on that line (offsetAt keeps it before the line's end), so
    // the sorted offsets answer without a map of every line with an error.
    const firstOnLine = (d: Diagnostic) => errors[lowerBound(errors, document.textDocument.offsetAt({ line: d.range.start.line, character: 0 }))]!;
    const kept = parsing.filter((d, i) => {
        const offset = parsedAt[i]!;
        return !lexed.has(offset) && !inSpans(windows, offset) && firstOnLine(d) >= offset;
    });
    if (kept.length === 0 && lexing.length === 0) {
        // a file that does not parse keeps its first error, whatever the rules above say
        return [[...parsing].sort((a, b) => offsetOf(a) - offsetOf(b))[0]!];
    }
    return kept;
}

/** After the first error of each block the parser did not read to its closing brace: up to that brace. */
function cascadeWindows(document: LangiumDocument, text: string, errors: ArrayLike<number>): Span[] {
    const braces = closingBraces(text);
    const declarations = topLevelStarts(text);
    const windows: Span[] = [];
    // every node but the root (the walk that linking and validation made already; the windows are sorted after)
    for (const node of nodesOf(document.parseResult.value)) {
        const cst = node.$cstNode;
        if (!cst || node.$container === undefined) continue;
        const realEnd = braces.blockEnd(cst.offset, cst.end);
        if (realEnd === undefined || realEnd === cst.end) continue;
        const first = errors[lowerBound(errors, cst.offset)];
        if (first === undefined || first >= realEnd) continue;
        const nextDeclaration = declarations[lowerBound(declarations, first + 1)] ?? text.length;
        const end = Math.min(realEnd, nextDeclaration);
        if (end > first + 1) windows.push([first + 1, end]);
    }
    return mergeSpans(windows);
}
