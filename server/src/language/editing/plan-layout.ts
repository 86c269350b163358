/**
 * The layout of a plan, as the formatter gives it: only the white space between tokens changes,
 * never a token nor a comment (not even the indentation of a block comment's later lines), so the
 * parsed plan stays the same (and a file with syntax errors is laid out as safely as a clean one).
 *   - Each line is indented by its depth in braces (4 spaces by default), at most MAX_INDENT_DEPTH
 *     levels deep (a plan nests four; thousands of unclosed blocks would otherwise make the output
 *     grow with the square of the text); a comment spanning
 *     lines has its first line indented, its other lines kept as the author wrote them.
 *   - A block that spans lines has its `{` end a line and its `}` begin one; a block on one line
 *     stays on one line. Everything else keeps the author's line breaks.
 *   - At most one blank line between groups; none after `{`, before `}`, or at the start of the
 *     file; the file ends with one line break. No white space at the end of a line.
 *   - On a line, spaces are the author's (aligned columns stay aligned, and nothing is aligned
 *     by the formatter, so editing one line never changes another), except: one space around
 *     braces, none before a comma, one after it.
 * Linear in the size of the text; idempotent (formatting twice is formatting once).
 */

import type { Lexer } from 'langium';
import { firstLineBreak } from '../text/text-scan.js';

/** A line break as the lexer and the editor see one: CR LF, CR or LF. */
const LINE_BREAK = /\r\n?|\n/;
const LINE_BREAKS = /\r\n?|\n/g;

/** A token or a comment: what the layout never changes. */
export interface Piece {
    start: number;
    end: number;
    /** `{`, `}`, `,`, `comment` (either kind) or `word` (anything else). */
    kind: '{' | '}' | ',' | 'comment' | 'word';
}

/** Replace [start, end) of the text by `text`. */
export interface LayoutEdit {
    start: number;
    end: number;
    text: string;
}

export interface LayoutOptions {
    /** One level of indentation (default four spaces). */
    indent?: string;
}

/** The tokens and comments of a text, in order, as the plan's lexer reads them. */
export function layoutPieces(lexer: Lexer, text: string): Piece[] {
    const result = lexer.tokenize(text);
    const all = [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset);
    return all.map(token => {
        const name = token.tokenType.name;
        const kind = name === '{' || name === '}' || name === ',' ? name : name.endsWith('COMMENT') ? 'comment' : 'word';
        return { start: token.startOffset, end: token.startOffset + token.image.length, kind };
    });
}

/** The deepest indentation the layout writes: far past any plan's nesting, and the output stays linear in the text. */
export const MAX_INDENT_DEPTH = 32;

/** The edits that lay the text out, one per stretch of white space that changes, in text order. */
export function layoutEdits(text: string, pieces: readonly Piece[], options: LayoutOptions = {}): LayoutEdit[] {
    const indent = options.indent ?? '    ';
    const eol = firstLineBreak(text);
    const multiLine = multiLineBlocks(text, pieces);
    const edits: LayoutEdit[] = [];
    let depth = 0;
    for (let i = 0; i <= pieces.length; i++) {
        const previous = pieces[i - 1];
        const piece = pieces[i];
        const start = previous?.end ?? 0;
        const end = piece?.start ?? text.length;
        const gap = text.slice(start, end);
        if (piece?.kind === '}') depth = Math.max(0, depth - 1);
        const wanted = /\S/.test(gap) ? gap : spaceBetween(previous, piece, gap, multiLine, eol, indent.repeat(Math.min(depth, MAX_INDENT_DEPTH)));
        // A comment is never touched, its continuation lines included: they are the author's
        // (an ASCII drawing, a quoted mail), and the lexer's tokens stay exactly the same.
        if (wanted !== gap) edits.push({ start, end, text: wanted });
        if (piece?.kind === '{') depth++;
    }
    return edits;
}

/** The text with the edits applied. */
export function applyLayout(text: string, edits: readonly LayoutEdit[]): string {
    const parts: string[] = [];
    let at = 0;
    for (const edit of edits) {
        parts.push(text.slice(at, edit.start), edit.text);
        at = edit.end;
    }
    parts.push(text.slice(at));
    return parts.join('');
}

/** The white space wanted between two pieces (either may be absent: start or end of the text). */
function spaceBetween(
    previous: Piece | undefined,
    piece: Piece | undefined,
    gap: string,
    multiLine: ReadonlySet<Piece>,
    eol: string,
    indentation: string,
): string {
    if (!piece) return previous ? eol : '';
    if (!previous) return indentation;
    const breaks = (gap.match(LINE_BREAKS) ?? []).length;
    const opensBlockOfLines = previous.kind === '{' && multiLine.has(previous);
    const closesBlockOfLines = piece.kind === '}' && multiLine.has(piece);
    const afterBlockOfLines = previous.kind === '}' && multiLine.has(previous);
    const trailingComment = piece.kind === 'comment' && breaks === 0;
    let lines = breaks;
    if ((opensBlockOfLines || closesBlockOfLines || afterBlockOfLines) && !trailingComment) lines = Math.max(lines, 1);
    if (lines === 0) return spaceOnLine(previous, piece, gap);
    // a blank line separates groups inside a block, never a block from its own braces
    const blank = lines > 1 && !opensBlockOfLines && !closesBlockOfLines;
    return (blank ? eol + eol : eol) + indentation;
}

function spaceOnLine(previous: Piece, piece: Piece, gap: string): string {
    if (piece.kind === 'comment') return gap || ' ';
    if (piece.kind === ',') return '';
    if (previous.kind === ',' || previous.kind === '{' || piece.kind === '{' || piece.kind === '}') return ' ';
    if (previous.kind === '}') return gap || ' ';
    return gap;
}

/** The `{` and `}` of every block whose text spans lines (an unclosed block: when text follows on another line). */
function multiLineBlocks(text: string, pieces: readonly Piece[]): Set<Piece> {
    const blocks = new Set<Piece>();
    const open: Piece[] = [];
    for (const piece of pieces) {
        if (piece.kind === '{') open.push(piece);
        else if (piece.kind === '}') {
            const opening = open.pop();
            if (opening && LINE_BREAK.test(text.slice(opening.end, piece.start))) blocks.add(opening).add(piece);
        }
    }
    const last = pieces[pieces.length - 1];
    if (last && open.length > 0) {
        // An unclosed block spans lines when a line break stands between it and the last piece:
        // after the last line break before that piece (found once, not once per unclosed block).
        let lastBreak = last.start - 1;
        while (lastBreak >= 0 && text[lastBreak] !== '\n' && text[lastBreak] !== '\r') lastBreak--;
        for (const opening of open) if (last !== opening && lastBreak >= opening.end) blocks.add(opening);
    }
    return blocks;
}
