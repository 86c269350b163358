/**
 * A long JSON list written in pieces: the same bytes as `JSON.stringify(value, null, 2)`, without
 * the whole text (42 MB for a megabyte of plan whose every line is a finding) or an object per
 * item held at once. Each item is written alone and moved in by the list's depth (a JSON text
 * holds no raw line feed but its own).
 */

/** About how many characters a piece holds before it is handed out. */
export const PIECE_CHARS = 1 << 18;

/**
 * `JSON.stringify(items, null, 2)` for a list standing `depth` levels deep in a document indented
 * by two spaces (0: the document is the list), in pieces of about PIECE_CHARS characters; `item`
 * turns each element into the value written (by default, the element itself).
 */
export function* jsonListPieces<T>(
    items: Iterable<T>,
    depth = 0,
    item: (element: T) => unknown = element => element,
    /**
     * The element's value as JSON.stringify(value, null, 2) writes it, each line after the first
     * moved in by `inner` (the line feed and the spaces of the list's items), when the caller
     * writes it quicker than the default.
     */
    json: (element: T, inner: string) => string = (element, inner) => {
        const text = JSON.stringify(item(element), null, 2) ?? 'null';
        return text.includes('\n') ? text.replace(/\n/g, inner) : text;
    },
): Generator<string> {
    const outer = '\n' + '  '.repeat(depth);
    const inner = outer + '  ';
    // the texts of a piece joined at once: a flat string, which standard output encodes without first flattening a rope of thousands
    let parts: string[] = [];
    let size = 0;
    let first = true;
    for (const element of items) {
        const text = json(element, inner);
        parts.push(first ? '[' : ',', inner, text);
        size += text.length;
        first = false;
        if (size >= PIECE_CHARS) {
            yield parts.join('');
            parts = [];
            size = 0;
        }
    }
    if (first) yield '[]';
    else {
        parts.push(outer, ']');
        yield parts.join('');
    }
}

/** A document with one list in it, written as `JSON.stringify(document, null, 2)`: the text around the list (`head`, `tail`), the list in pieces. */
export function* jsonDocumentPieces<T>(
    document: object,
    list: readonly string[],
    items: Iterable<T>,
    item?: (element: T) => unknown,
    json?: (element: T, inner: string) => string,
): Generator<string> {
    // The list replaced by a marker string, found again in the text with its key on a line of its
    // own at the list's depth: a line feed never stands in a JSON string, so plan text cannot fake it.
    const marker = JSON.stringify('\u0000acct-list\u0000');
    const placed = JSON.stringify(withAt(document, list, JSON.parse(marker)), null, 2);
    const keyed = '\n' + '  '.repeat(list.length) + JSON.stringify(list[list.length - 1]) + ': ';
    const at = placed.indexOf(keyed + marker);
    if (at < 0) throw new Error(`no list at ${list.join('.')}`);
    yield placed.slice(0, at + keyed.length);
    yield* jsonListPieces(items, list.length, item, json);
    yield placed.slice(at + keyed.length + marker.length);
}

function withAt(value: unknown, path: readonly string[], leaf: unknown): unknown {
    if (path.length === 0) return leaf;
    const [key, ...rest] = path;
    if (Array.isArray(value)) return value.map((v, i) => (String(i) === key ? withAt(v, rest, leaf) : v));
    return { ...(value as object), [key!]: withAt((value as Record<string, unknown>)[key!], rest, leaf) };
}
