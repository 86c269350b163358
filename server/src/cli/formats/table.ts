/** Aligned text tables for the terminal: columns padded by display width (CJK names take two cells). */
import stringWidth from 'string-width';

export interface Column<T> {
    title: string;
    value: (row: T) => string;
    align?: 'left' | 'right';
    /** Wider values are cut with an ellipsis. */
    max?: number;
}

/**
 * The width of each code unit that needs no string-width: 1 for printable ASCII and for the
 * narrow symbols a table shows (`—` for none, `★` for a pick, `…`, `–`, `·`), 2 for CJK ideographs
 * and the full-width punctuation Chinese is written with; 0 for any other (then string-width
 * measures the whole text). None of these joins a neighbour into one grapheme, so a text made
 * only of them is as wide as the sum (test/unit/text-table.test.ts checks every one against
 * string-width, which builds its emoji pattern again for every character it looks at).
 */
const WIDTH = new Uint8Array(0x10000);
WIDTH.fill(1, 0x20, 0x7f);
for (const narrow of '—–★…·') WIDTH[narrow.charCodeAt(0)] = 1;
WIDTH.fill(2, 0x4e00, 0xa000); // CJK Unified Ideographs
WIDTH.fill(2, 0x3001, 0x3004); // 、。〃
WIDTH.fill(2, 0x3008, 0x3012); // 〈〉《》「」『』【】
WIDTH.fill(2, 0xff01, 0xff5f); // full-width ！ to ～ (，：（）…)

/** The display width of a text: by the table above when every character is in it (most cells), string-width's answer otherwise. */
export function displayWidth(text: string): number {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
        const cells = WIDTH[text.charCodeAt(i)]!;
        if (cells === 0) return stringWidth(text);
        width += cells;
    }
    return width;
}

export function textTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string[] {
    const cells = rows.map(row => columns.map(column => fit(column.value(row), column.max)));
    const cellWidths = cells.map(c => c.map(displayWidth));
    const widths = columns.map((column, i) => {
        let width = displayWidth(column.title);
        for (const row of cellWidths) if (row[i]! > width) width = row[i]!;
        return width;
    });
    const line = (values: string[], valueWidths: number[]) =>
        values
            .map((value, i) => pad(value, valueWidths[i]!, widths[i]!, columns[i]!.align))
            .join('  ')
            .trimEnd();
    const titles = columns.map(c => c.title);
    return [line(titles, titles.map(displayWidth)), ...cells.map((c, r) => line(c, cellWidths[r]!))];
}

function pad(text: string, textWidth: number, width: number, align: 'left' | 'right' = 'left'): string {
    const space = ' '.repeat(Math.max(0, width - textWidth));
    return align === 'right' ? space + text : text + space;
}

function fit(text: string, max: number | undefined): string {
    if (max === undefined || displayWidth(text) <= max) return text;
    // Cut at the last whole character (grapheme) that leaves room for the ellipsis.
    let out = '';
    for (const char of text) {
        if (displayWidth(out + char) > max - 1) break;
        out += char;
    }
    return out + '…';
}
