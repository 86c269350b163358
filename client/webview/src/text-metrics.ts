/**
 * Text metrics for the layouts and renderers: a deterministic, conservative width estimate (no DOM
 * measurement, so the same in every browser, in the tests and in an exported SVG), and fitting
 * text into a width with an ellipsis.
 */

/** Estimated advance of one character, in em, for common UI sans-serif fonts (conservative). */
export function charWidthEm(ch: string): number {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x1100 && (
        (cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
        || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
        || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd))) {
        return 1.05;
    }
    if (' .,:;\'|!il'.includes(ch)) return 0.34;
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

/** Truncates `text` with an ellipsis so its estimated width is at most `maxWidth` px. */
export function fitText(text: string, maxWidth: number, fontSizePx: number, bold = false): { text: string; truncated: boolean } {
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
