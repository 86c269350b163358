/**
 * Message templates: `{name}` is replaced by a parameter; `{name:one|other}` chooses a word by
 * the number `name` (English plurals: `{days} {days:day|days}`). A language without plurals
 * simply writes `{days}`. `}}` writes a `}` and `{{` a `{`. The parameters of a template are read from its text, at compile time
 * (`TemplateParams`) and at run time (`placeholdersOf`), so that every translation can be
 * checked against its English source.
 */

/** The parameter names of a template, as a union of string literal types. */
export type PlaceholderNames<S extends string> = S extends `${string}{${infer Body}}${infer Rest}`
    ? (Body extends `${infer Name}:${string}` ? Name : Body) | PlaceholderNames<Rest>
    : never;

export type ParamValue = string | number;

/** The arguments a template takes: none, or one object naming each of its parameters. */
export type TemplateParams<S extends string> = [PlaceholderNames<S>] extends [never] ? [] : [params: { readonly [P in PlaceholderNames<S>]: ParamValue }];

const PLACEHOLDER = /\{\{|\}\}|\{([A-Za-z][A-Za-z0-9]*)(?::([^{}|]*)\|([^{}|]*))?\}/g;

/** A template cut once into its text and its placeholders (`formatMessage` fills thousands of findings a build). */
type Piece = string | { whole: string; name: string; one?: string; other?: string };
const compiled = new Map<string, Piece[]>();

function piecesOf(template: string): Piece[] {
    let pieces = compiled.get(template);
    if (pieces) return pieces;
    pieces = [];
    let text = '';
    let at = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
        text += template.slice(at, m.index);
        at = m.index + m[0].length;
        // `{{` and `}}` write one brace
        if (m[1] === undefined) {
            text += m[0][0]!;
            continue;
        }
        if (text) pieces.push(text);
        text = '';
        pieces.push(m[2] === undefined ? { whole: m[0], name: m[1] } : { whole: m[0], name: m[1], one: m[2], other: m[3] });
    }
    text += template.slice(at);
    if (text) pieces.push(text);
    // the catalogs' templates, and a few more: never grows without bound
    if (compiled.size >= 4096) compiled.clear();
    compiled.set(template, pieces);
    return pieces;
}

/** Fills a template. A parameter not given stays visible as `{name}` rather than vanishing. */
export function formatMessage(
    template: string,
    params: Readonly<Record<string, ParamValue>> = {},
    /** The numbers a plural form is chosen by, when `params` prints other values (a redacted message's marked arguments). */
    chooseBy: Readonly<Record<string, ParamValue>> = params,
): string {
    // most templates have no placeholder: said as they are
    if (!template.includes('{') && !template.includes('}')) return template;
    let out = '';
    for (const piece of piecesOf(template)) {
        if (typeof piece === 'string') {
            out += piece;
            continue;
        }
        const value = params[piece.name];
        if (value === undefined) out += piece.whole;
        else if (piece.one !== undefined) out += Number(chooseBy[piece.name]) === 1 ? piece.one : piece.other!;
        else out += String(value);
    }
    return out;
}

/**
 * The parameters of a template, sorted: those whose value it prints, and those it only uses to
 * choose a plural form. A translation prints every parameter its source prints; a language
 * without plural forms may leave out a parameter its source only chooses by.
 */
export function placeholdersOf(template: string): { printed: string[]; choosers: string[] } {
    const printed = new Set<string>();
    const choosers = new Set<string>();
    for (const m of template.matchAll(PLACEHOLDER)) if (m[1] !== undefined) (m[2] === undefined ? printed : choosers).add(m[1]);
    return { printed: [...printed].sort(), choosers: [...choosers].filter(name => !printed.has(name)).sort() };
}

/** Braces that do not form a placeholder: a typo in a template. */
export function strayBraces(template: string): boolean {
    return /[{}]/.test(template.replace(PLACEHOLDER, ''));
}

/** A Chinese character (CJK ideographs, with the extension A block). */
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const HAN_THEN_LATIN = new RegExp(`([${HAN}]) *([A-Za-z0-9])`, 'g');
const LATIN_THEN_HAN = new RegExp(`([A-Za-z0-9]) *([${HAN}])`, 'g');

/**
 * The one spacing rule of Chinese text: one space between a Chinese character and a Latin letter
 * or digit, either way round (“Qian Hong 是 3 个”); none beside full-width punctuation (“（qian）”),
 * which needs none. Applied to every Chinese message as it is said, whatever its template wrote.
 */
export function spaceChineseLatin(text: string): string {
    return text.replace(HAN_THEN_LATIN, '$1 $2').replace(LATIN_THEN_HAN, '$1 $2');
}
