/** Aligned text tables for the terminal: columns padded by display width (CJK names take two cells). */
import stringWidth from 'string-width';

export interface Column<T> {
    title: string;
    value: (row: T) => string;
    align?: 'left' | 'right';
    /** Wider values are cut with an ellipsis. */
    max?: number;
}

/** Printable ASCII only: one cell per character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The display width of a text: its length when it is printable ASCII (most cells), string-width's answer otherwise. */
export function displayWidth(text: string): number {
    return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
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
