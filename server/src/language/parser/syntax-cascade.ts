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
import type { CstNode, LangiumDocument } from 'langium';
import type { Workspace } from '../generated/ast.js';
import { nodesOf } from '../ast/ast-walk.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { closingBraces, inSpans, mergeSpans, type Span } from '../text/spans.js';
import { lowerBound } from '../text/text-scan.js';

/** A declaration keyword at the start of a line: where a cascade stops at the latest. */
export const TOP_LEVEL = /^(?:member|competitor|customer|policy)\b/gm;

/**
 * TOP_LEVEL's matches, each found as a look-ahead at a line's start: `test` makes no match object
 * (60,000 unclosed customers made 60,000) and leaves `lastIndex` at the match's start. The
 * expression engine finds the line starts; a loop over every character of a megabyte ran
 * unoptimised for most of it, three times as long.
 */
const TOP_LEVEL_AT = new RegExp(`(?=${TOP_LEVEL.source})`, 'gm');

/** Where TOP_LEVEL matches. */
export function topLevelStarts(text: string): number[] {
    const starts: number[] = [];
    TOP_LEVEL_AT.lastIndex = 0;
    while (TOP_LEVEL_AT.test(text)) {
        starts.push(TOP_LEVEL_AT.lastIndex);
        // an empty match leaves lastIndex where it is: the next search starts after it
        TOP_LEVEL_AT.lastIndex++;
    }
    return starts;
}

/**
 * A document's parse errors as its findings see them: the parse errors that are not cascades of an
 * earlier error, and the top-level declarations holding a lexing or parse error (containment: only
 * the findings that say the plan is wrong survive there, finding-policy.ts). One pass for both: the
 * errors' offsets found and sorted once, each declaration's closing brace and first error searched
 * once (a megabyte of unclosed customers did each twice, once here and once in the policy).
 */
export interface SyntaxErrors {
    kept: Diagnostic[];
    /** Sorted and merged. */
    muted: Span[];
}

/**
 * `parsedAt`: where each of `parsing` starts, when the caller knows it (pushParseErrors: the
 * offset of its token, which is what `offsetAt(range.start)` gives); else it is found from the
 * text's lines — a line table of the whole text and a look-up per error.
 */
export function syntaxErrors(
    document: LangiumDocument,
    lexing: readonly Diagnostic[],
    parsing: readonly Diagnostic[],
    parsedAt: readonly number[] = parsing.map(d => document.textDocument.offsetAt(d.range.start)),
): SyntaxErrors {
    if (lexing.length === 0 && parsing.length === 0) return { kept: [], muted: [] };
    const text = document.textDocument.getText();
    const offsetOf = (d: Diagnostic) => document.textDocument.offsetAt(d.range.start);
    // each error's offset, found once (a megabyte of errors looked each up four times)
    const lexedAt = lexing.map(offsetOf);
    const lexed = new Set(lexedAt);
    const errors = new Float64Array(lexedAt.length + parsedAt.length);
    errors.set(lexedAt);
    errors.set(parsedAt, lexedAt.length);
    errors.sort();
    const { windows, muted } = errorSpans(document, text, errors);
    // The first error on a line is the first of all errors at or after the line's start: an error
    // of another line has its offset on that line (offsetAt keeps it before the line's end), so
    // the sorted offsets answer without a map of every line with an error. A parse error starts
    // where its token does, within its line: the line starts `character` before its offset.
    const firstOnLine = (d: Diagnostic, offset: number) => errors[lowerBound(errors, offset - d.range.start.character)]!;
    const kept = parsing.filter((d, i) => {
        const offset = parsedAt[i]!;
        return !lexed.has(offset) && !inSpans(windows, offset) && firstOnLine(d, offset) >= offset;
    });
    if (kept.length === 0 && lexing.length === 0) {
        // a file that does not parse keeps its first error, whatever the rules above say (the first
        // in the text; of errors at the same place, the first found, as a stable sort gives)
        let first = 0;
        for (let i = 1; i < parsing.length; i++) if (parsedAt[i]! < parsedAt[first]!) first = i;
        return { kept: [parsing[first]!], muted };
    }
    return { kept, muted };
}

/**
 * The containment spans alone, of a parse whose errors are known (`acct history`'s date-only
 * re-check): the declarations of syntaxErrors' `muted`, without a walk of every node.
 */
export function containment(document: LangiumDocument, parseErrors: readonly Diagnostic[]): Span[] {
    if (parseErrors.length === 0) return [];
    const braces = closingBraces(document.textDocument.getText());
    // sorted as numbers without a comparison function (60,000 errors in a megabyte of unclosed customers)
    const errors = Float64Array.from(parseErrors, d => document.textDocument.offsetAt(d.range.start)).sort();
    const muted: Span[] = [];
    for (const declaration of (document.parseResult.value as Partial<Workspace>).declarations ?? []) {
        const cst = declaration.$cstNode;
        if (cst) pushMuted(muted, cst, braces.blockEnd(cst.offset, cst.end), errors, lowerBound(errors, cst.offset));
    }
    // merged, since an unclosed declaration runs over the next ones
    return mergeSpans(muted);
}

/**
 * A top-level declaration holding an error mutes its text from its keyword to the brace that
 * closes its first `{` (matched in the text, since the parser's recovery may cut it short), or to
 * its last token when it has no block (a member); `first` is the index of its first error at or
 * after its start.
 */
function pushMuted(muted: Span[], cst: CstNode, blockEnd: number | undefined, errors: Float64Array, first: number): void {
    const end = blockEnd ?? cst.end;
    if (first >= errors.length || errors[first]! >= end) return;
    // Merged with the span before as mergeSpans would (the declarations come in the text's order):
    // 60,000 unclosed customers are one span, not 60,000 kept beside the cascade windows until merged.
    const last = muted[muted.length - 1];
    if (last && cst.offset >= last[0] && cst.offset <= last[1]) last[1] = Math.max(last[1], end);
    else muted.push([cst.offset, end]);
}

/**
 * The cascade windows — after the first error of each block the parser did not read to its closing
 * brace: up to that brace — and the containment spans, in one walk of the nodes.
 */
function errorSpans(document: LangiumDocument, text: string, errors: Float64Array): { windows: Span[]; muted: Span[] } {
    const braces = closingBraces(text);
    const declarations = topLevelStarts(text);
    const root = document.parseResult.value;
    const windows: Span[] = [];
    const muted: Span[] = [];
    // every node but the root (the walk that linking and validation made already; the spans are sorted after)
    for (const node of nodesOf(root)) {
        const cst = node.$cstNode;
        if (!cst || node.$container === undefined) continue;
        const realEnd = braces.blockEnd(cst.offset, cst.end);
        const k = lowerBound(errors, cst.offset);
        if (node.$container === root) pushMuted(muted, cst, realEnd, errors, k);
        // (indices compared before reading: a read past a typed array's end undid TurboFan's code of this loop)
        if (realEnd === undefined || realEnd === cst.end || k === errors.length) continue;
        const first = errors[k]!;
        if (first >= realEnd) continue;
        const next = lowerBound(declarations, first + 1);
        const end = Math.min(realEnd, next < declarations.length ? declarations[next]! : text.length);
        if (end > first + 1) windows.push([first + 1, end]);
    }
    return { windows: mergeSpans(windows), muted: mergeSpans(muted) };
}
