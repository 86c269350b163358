/** Aligned text tables for the terminal: columns padded by display width (CJK names take two cells). */
import stringWidth from 'string-width';

export interface Column<T> {
    title: string;
    value: (row: T) => string;
    align?: 'left' | 'right';
    /** Wider values are cut with an ellipsis. */
    max?: number;
}

export function textTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string[] {
    const cells = rows.map(row => columns.map(column => fit(column.value(row), column.max)));
    const widths = columns.map((column, i) => Math.max(stringWidth(column.title), ...cells.map(c => stringWidth(c[i]!))));
    const line = (values: string[]) => values.map((value, i) => pad(value, widths[i]!, columns[i]!.align)).join('  ').trimEnd();
    return [line(columns.map(c => c.title)), ...cells.map(line)];
}

function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
    const space = ' '.repeat(Math.max(0, width - stringWidth(text)));
    return align === 'right' ? space + text : text + space;
}

function fit(text: string, max: number | undefined): string {
    if (max === undefined || stringWidth(text) <= max) return text;
    let out = '';
    for (const char of text) {
        if (stringWidth(out + char) > max - 1) break;
        out += char;
    }
    return out + '…';
}
