import { lowerBound, skipStringOrComment } from './text-scan.js';

/**
 * Which `}` closes which `{`, read from the text as the lexer reads it (text-scan.ts: strings end
 * at their closing quote or at the end of their line; comments hold no braces), independently of the
 * parser: where the parser's recovery closed a block at the wrong brace, the text still says
 * where the block really ends (syntax-error containment, cascades of one mistake).
 */

/** What closingBraces found last: the two callers (cascades, containment) read the same text in a row. */
let last: { text: string; braces: ClosingBraces } | undefined;

export interface ClosingBraces {
    /**
     * The end of the `}` that closes the first `{` in [start, end) (the text's end when none
     * does), or undefined when there is no `{` there: one search (60,000 blocks of a megabyte).
     */
    blockEnd(start: number, end: number): number | undefined;
}

/** Every `{` of the text (outside strings and comments) and the end of the `}` that closes it (the text's end when none does). */
export function closingBraces(text: string): ClosingBraces {
    if (last?.text === text) return last.braces;
    // Plain arrays of small integers, not a map: a megabyte of `{` is a million entries.
    const opens: number[] = [];
    const closes: number[] = [];
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE || c === SLASH) {
            const end = skipStringOrComment(text, i);
            if (end >= 0) i = end - 1;
        } else if (c === OPEN) {
            stack.push(opens.length);
            opens.push(i);
            closes.push(text.length);
        } else if (c === CLOSE && stack.length) {
            closes[stack.pop()!] = i + 1;
        }
    }
    const braces: ClosingBraces = {
        blockEnd(start, end) {
            const k = lowerBound(opens, start);
            const open = opens[k];
            return open !== undefined && open < end ? closes[k]! : undefined;
        },
    };
    last = { text, braces };
    return braces;
}

const QUOTE = 34,
    SLASH = 47,
    OPEN = 123,
    CLOSE = 125;

/** [start, end) of a stretch of text. */
export type Span = [start: number, end: number];

/**
 * The spans sorted and merged where they overlap, so that a lookup is a binary search (`inSpans`).
 * The spans given are the caller's own, made for this: they are sorted and reused (a merged span
 * is the first of its run, extended), not copied — a megabyte of unclosed customers has 60,000.
 */
export function mergeSpans(spans: Span[]): Span[] {
    spans.sort((a, b) => a[0] - b[0]);
    const merged: Span[] = [];
    for (const span of spans) {
        const last = merged[merged.length - 1];
        if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
        else merged.push(span);
    }
    return merged;
}

/** Whether `offset` lies in one of the sorted, disjoint spans. */
export function inSpans(spans: readonly Span[], offset: number): boolean {
    let low = 0;
    let high = spans.length;
    while (low < high) {
        const mid = (low + high) >> 1;
        if (spans[mid]![1] <= offset) low = mid + 1;
        else high = mid;
    }
    return low < spans.length && spans[low]![0] <= offset;
}
