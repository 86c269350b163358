/**
 * Message templates: `{name}` is replaced by a parameter; `{name:one|other}` chooses a word by
 * the number `name` (English plurals: `{days} {days:day|days}`). A language without plurals
 * simply writes `{days}`. `}}` writes a `}` and `{{` a `{`. The parameters of a template are read from its text, at compile time
 * (`TemplateParams`) and at run time (`placeholdersOf`), so that every translation can be
 * checked against its English source.
 */

/** The parameter names of a template, as a union of string literal types. */
export type PlaceholderNames<S extends string> =
    S extends `${string}{${infer Body}}${infer Rest}`
        ? (Body extends `${infer Name}:${string}` ? Name : Body) | PlaceholderNames<Rest>
        : never;

export type ParamValue = string | number;

/** The arguments a template takes: none, or one object naming each of its parameters. */
export type TemplateParams<S extends string> = [PlaceholderNames<S>] extends [never]
    ? []
    : [params: { readonly [P in PlaceholderNames<S>]: ParamValue }];

const PLACEHOLDER = /\{\{|\}\}|\{([A-Za-z][A-Za-z0-9]*)(?::([^{}|]*)\|([^{}|]*))?\}/g;

/** Fills a template. A parameter not given stays visible as `{name}` rather than vanishing. */
export function formatMessage(template: string, params: Readonly<Record<string, ParamValue>> = {}): string {
    // most templates have no placeholder: said as they are, without a regular expression run
    if (!template.includes('{') && !template.includes('}')) return template;
    return template.replace(PLACEHOLDER, (whole: string, name: string | undefined, one: string | undefined, other: string | undefined) => {
        if (name === undefined) return whole[0]!;
        const value = params[name];
        if (value === undefined) return whole;
        if (one !== undefined) return Number(value) === 1 ? one : other!;
        return String(value);
    });
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
