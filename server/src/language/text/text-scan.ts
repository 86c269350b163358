/**
 * The one scanner of plan text outside the parser: where a string and a comment end, where lines
 * start, and the binary searches over sorted offsets. The lexer (acct-lexer.ts), the brace
 * matching (spans.ts), the lean syntax tree (parser/lean-cst.ts), the placement of new text
 * (text-placement.ts) and the layout (plan-layout.ts) all read the text through it, so that they
 * agree with the grammar (acct.langium): a line ends at `\n`, `\r\n` or a lone `\r`; a `//`
 * comment and a string left open end at the end of their line; a `/* … *\/` comment ends at its
 * first `*\/` (or the end of the text).
 */

export const LF = 10;
export const CR = 13;
const QUOTE = 34,
    BACKSLASH = 92,
    SLASH = 47,
    STAR = 42;

/** Whether the UTF-16 code `c` ends a line (`\n` or `\r`). */
export function isLineBreak(c: number): boolean {
    return c === LF || c === CR;
}

/** The index of the first line break (`\n` or `\r`) at or after `from`, or the text's length. */
export function lineEndAt(text: string, from: number): number {
    let i = from;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === LF || c === CR) return i;
        i++;
    }
    return text.length;
}

/** The offset where the line holding `offset` starts (just after a `\n` or `\r`, or 0). */
export function lineStartAt(text: string, offset: number): number {
    let i = Math.min(offset, text.length);
    while (i > 0) {
        const c = text.charCodeAt(i - 1);
        if (c === LF || c === CR) break;
        i--;
    }
    return i;
}

/** Whether `text` holds a line break of any style. */
export function hasLineBreak(text: string): boolean {
    return lineEndAt(text, 0) < text.length;
}

/** The first line break of the text (`\r\n`, `\r` or `\n`), or `fallback` when it has none. */
export function firstLineBreak(text: string, fallback = '\n'): string {
    const at = lineEndAt(text, 0);
    if (at === text.length) return fallback;
    return text.charCodeAt(at) === CR ? (text.charCodeAt(at + 1) === LF ? '\r\n' : '\r') : '\n';
}

/**
 * Where the string, `//` comment or `/* *\/` comment that starts at `i` ends (exclusive), or -1
 * when none starts there. A string ends after its closing quote or at the end of its line (a
 * backslash escapes the next character, but never a line break: the string then ends before it); a `//` comment at the end of
 * its line; a block comment after its `*\/`, or at the end of the text when it has none.
 */
export function skipStringOrComment(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
        let j = i + 1;
        while (j < text.length) {
            const d = text.charCodeAt(j);
            if (d === QUOTE) return j + 1;
            if (d === LF || d === CR) return j;
            if (d === BACKSLASH) {
                // `\.` of the STRING terminal: `.` is any character but a line terminator
                const e = text.charCodeAt(j + 1);
                if (j + 1 >= text.length || e === LF || e === CR || e === 0x2028 || e === 0x2029) return j;
                j += 2;
            } else {
                j++;
            }
        }
        return text.length;
    }
    if (c === SLASH) {
        const d = text.charCodeAt(i + 1);
        if (d === SLASH) return lineEndAt(text, i + 2);
        if (d === STAR) {
            const close = text.indexOf('*/', i + 2);
            return close < 0 ? text.length : close + 2;
        }
    }
    return -1;
}

/** Offsets where the lines of `text` start: 0, and after every `\n`, `\r\n` and lone `\r`. */
export function lineStarts(text: string): Uint32Array {
    // (a text without `\r`, nearly every one: its line feeds found by the engine's own search)
    if (text.indexOf('\r') < 0) {
        let count = 1;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
        const starts = new Uint32Array(count);
        let line = 1;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
        return starts;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === LF) starts.push(i + 1);
        else if (c === CR) {
            if (text.charCodeAt(i + 1) === LF) i++;
            starts.push(i + 1);
        }
    }
    return Uint32Array.from(starts);
}

/**
 * The offset of a 0-based line and character in `text` whose line starts are `starts`, as
 * `TextDocument.offsetAt` gives it (vscode-languageserver-textdocument): a line past the end is
 * the end, a character past its line's end stops before the line break.
 */
export function offsetOf(text: string, starts: ArrayLike<number>, line: number, character: number): number {
    if (line >= starts.length) return text.length;
    if (line < 0) return 0;
    const lineOffset = starts[line]!;
    if (character <= 0) return lineOffset;
    const next = line + 1 < starts.length ? starts[line + 1]! : text.length;
    let offset = Math.min(lineOffset + character, next);
    while (offset > lineOffset && isLineBreak(text.charCodeAt(offset - 1))) offset--;
    return offset;
}

/** Whether a line starts at `s`: after a `\n`, or after a `\r` that no `\n` follows. */
export function startsLine(text: string, s: number): boolean {
    const before = text.charCodeAt(s - 1);
    return before === LF || (before === CR && text.charCodeAt(s) !== LF);
}

/** The 0-based line holding `offset`, given the line starts: the last start at or before it. */
export function lineOfOffset(starts: ArrayLike<number>, offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= offset) low = mid;
        else high = mid - 1;
    }
    return low;
}

/** The first index of `sorted` whose value is at least `value`. */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const mid = (low + high) >> 1;
        if (sorted[mid]! < value) low = mid + 1;
        else high = mid;
    }
    return low;
}
