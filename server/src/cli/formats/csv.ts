/**
 * CSV as spreadsheets and BI tools read it (RFC 4180), written by csv-stringify: a header row,
 * CRLF between records, fields quoted when they hold a comma, a quote or a line break (embedded
 * line breaks kept), empty for null, `true`/`false` for booleans, and an optional UTF-8 byte
 * order mark so that spreadsheet programs read non-ASCII text as UTF-8.
 */
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null;

export interface CsvOptions {
    /** Begin with a UTF-8 byte order mark (for spreadsheet programs). */
    bom?: boolean;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
    return stringify([header, ...rows] as Cell[][], {
        bom: options.bom ?? false,
        record_delimiter: 'windows',
        cast: { boolean: value => (value ? 'true' : 'false') },
    });
}
