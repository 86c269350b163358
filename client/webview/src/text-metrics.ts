/**
 * Text metrics for the layouts and renderers: a deterministic, conservative width estimate (no DOM
 * measurement, so the same in every browser, in the tests and in an exported SVG), and fitting
 * text into a width with an ellipsis.
 */

/** Estimated advance of one character, in em, for common UI sans-serif fonts (conservative). */
export function charWidthEm(ch: string): number {
    const cp = ch.codePointAt(0)!;
    if (
        cp >= 0x1100 &&
        (cp <= 0x115f ||
            (cp >= 0x2e80 && cp <= 0xa4cf) ||
            (cp >= 0xac00 && cp <= 0xd7a3) ||
            (cp >= 0xf900 && cp <= 0xfaff) ||
            (cp >= 0xfe30 && cp <= 0xfe4f) ||
            (cp >= 0xff00 && cp <= 0xff60) ||
            (cp >= 0xffe0 && cp <= 0xffe6) ||
            (cp >= 0x1f300 && cp <= 0x1faff) ||
            (cp >= 0x20000 && cp <= 0x3fffd))
    ) {
        return 1.05;
    }
    if (" .,:;'|!il".includes(ch)) return 0.34;
    if ('fjrtI()[]{}-/"`'.includes(ch)) return 0.45;
    if ('mwMW@%'.includes(ch)) return 0.98;
    if (ch >= 'A' && ch <= 'Z') return 0.74;
    if (ch >= '0' && ch <= '9') return 0.64;
    if (ch >= 'a' && ch <= 'z') return 0.63;
    if (cp < 0x80) return 0.66;
    if (cp < 0x0250) return 0.66; // Latin-1 / Latin extended: accented letters
    return 0.8;
}

export function estimateTextWidth(text: string, fontSizePx: number, bold = false): number {
    let em = 0;
    for (const ch of text) em += charWidthEm(ch);
    return em * fontSizePx * (bold ? 1.08 : 1);
}

/**
 * The answers of `fitText` and `wrapText`, by their arguments: the report draws the same names and
 * titles in every picture of a customer (a card per deal, a fishbone, the charts). Pure functions,
 * so the same answer; emptied when it grows large.
 */
const fitted = new Map<string, { text: string; truncated: boolean }>();
const wrapped = new Map<string, { lines: string[]; truncated: boolean }>();
const REMEMBERED = 50_000;

/** Truncates `text` with an ellipsis so its estimated width is at most `maxWidth` px. */
export function fitText(text: string, maxWidth: number, fontSizePx: number, bold = false): { text: string; truncated: boolean } {
    const key = `${maxWidth} ${fontSizePx} ${bold ? 1 : 0} ${text}`;
    let answer = fitted.get(key);
    if (!answer) {
        if (fitted.size >= REMEMBERED) fitted.clear();
        answer = fitTextOnce(text, maxWidth, fontSizePx, bold);
        fitted.set(key, answer);
    }
    return { ...answer };
}

function fitTextOnce(text: string, maxWidth: number, fontSizePx: number, bold: boolean): { text: string; truncated: boolean } {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (estimateTextWidth(clean, fontSizePx, bold) <= maxWidth) return { text: clean, truncated: clean !== text };
    const ell = '…';
    const budget = maxWidth - estimateTextWidth(ell, fontSizePx, bold);
    let used = 0;
    let out = '';
    for (const ch of clean) {
        const w = charWidthEm(ch) * fontSizePx * (bold ? 1.08 : 1);
        if (used + w > budget) break;
        used += w;
        out += ch;
    }
    return { text: out.trimEnd() + ell, truncated: true };
}

/** A piece of text that may end a line: a word, or a slice of a word longer than a line. */
interface Piece {
    text: string;
    glued: boolean;
}

/** Words, and the words longer than `width` cut into slices that fit (Chinese has no spaces to break at). */
function pieces(text: string, width: number, fontSizePx: number, bold: boolean): Piece[] {
    const out: Piece[] = [];
    for (const word of text.split(' ').filter(Boolean)) {
        if (estimateTextWidth(word, fontSizePx, bold) <= width) {
            out.push({ text: word, glued: false });
            continue;
        }
        let slice = '';
        let used = 0;
        let glued = false;
        for (const ch of word) {
            const w = charWidthEm(ch) * fontSizePx * (bold ? 1.08 : 1);
            if (slice && used + w > width) {
                out.push({ text: slice, glued });
                glued = true;
                slice = '';
                used = 0;
            }
            slice += ch;
            used += w;
        }
        out.push({ text: slice, glued });
    }
    return out;
}

/**
 * Splits `text` into at most `maxLines` lines of `maxWidth` px, breaking at spaces (inside a
 * word only when it is longer than a line); the last line is shortened with an ellipsis when
 * the text does not fit. `truncated` says whether anything was left out.
 */
export function wrapText(text: string, maxWidth: number, fontSizePx: number, maxLines: number, bold = false): { lines: string[]; truncated: boolean } {
    const key = `${maxWidth} ${fontSizePx} ${maxLines} ${bold ? 1 : 0} ${text}`;
    let answer = wrapped.get(key);
    if (!answer) {
        if (wrapped.size >= REMEMBERED) wrapped.clear();
        answer = wrapTextOnce(text, maxWidth, fontSizePx, maxLines, bold);
        wrapped.set(key, answer);
    }
    return { lines: [...answer.lines], truncated: answer.truncated };
}

function wrapTextOnce(text: string, maxWidth: number, fontSizePx: number, maxLines: number, bold: boolean): { lines: string[]; truncated: boolean } {
    const clean = text.replace(/\s+/g, ' ').trim();
    const list = pieces(clean, maxWidth, fontSizePx, bold);
    const join = (a: string, p: Piece): string => (a ? `${a}${p.glued ? '' : ' '}${p.text}` : p.text);
    const lines: string[] = [];
    let cur = '';
    for (let i = 0; i < list.length; i++) {
        const next = join(cur, list[i]!);
        if (!cur || estimateTextWidth(next, fontSizePx, bold) <= maxWidth) {
            cur = next;
            continue;
        }
        if (lines.length === maxLines - 1) {
            const rest = list.slice(i).reduce(join, cur);
            return { lines: [...lines, fitText(rest, maxWidth, fontSizePx, bold).text], truncated: true };
        }
        lines.push(cur);
        cur = list[i]!.text;
    }
    if (cur) lines.push(cur);
    return { lines, truncated: false };
}
