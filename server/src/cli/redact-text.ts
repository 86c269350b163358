/**
 * Rewriting the findings' messages for a redacted export: every original name, id, title, path
 * or other text of the plan that a message quotes becomes its pseudonym, and the values the
 * redacted document withholds (intimacy, support for competitors) leave the messages too.
 */

/**
 * A character that continues a word written with spaces between words (Latin, Cyrillic, digits…).
 * Chinese and Japanese write no spaces: a name right after `只有` is still a name, so a CJK
 * character never joins a word, and an original that begins or ends with one is replaced wherever
 * it stands.
 */
const LETTER = /[\p{L}\p{N}_]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const isWordPart = (c: string | undefined) => c !== undefined && LETTER.test(c) && !UNSPACED.test(c);

/**
 * isWordPart of each code unit, by table (0: not asked yet, 1: no, 2: yes): the character before
 * each position of a message is asked, and the two patterns above are slow on every CJK character.
 */
const WORD_PART = new Uint8Array(0x10000);
const wordPartAt = (text: string, at: number): boolean => {
    const code = text.charCodeAt(at);
    if (code !== code) return false; // before the start or past the end
    let known = WORD_PART[code]!;
    if (known === 0) WORD_PART[code] = known = isWordPart(text[at]) ? 2 : 1;
    return known === 2;
};

/**
 * Original text → pseudonym. Text that begins or ends like an identifier is replaced only as a
 * whole word there: the id `li` is not the `li` of "relationship".
 */
export class Replacements {
    private readonly map = new Map<string, string>();
    /** Made when a message is first looked at (most customers' texts are never quoted). */
    private index: Index | undefined;

    add(original: string | null | undefined, pseudonym: string): void {
        if (original && !this.map.has(original)) {
            this.map.set(original, pseudonym);
            this.index = undefined;
        }
    }

    /**
     * The longest original that stands at `at` in `text`, if any. `afterWordPart`: whether the
     * character before `at` continues a word (then only an original that does not begin like one can stand there).
     */
    longestAt(text: string, at: number, afterWordPart = wordPartAt(text, at - 1)): string | undefined {
        const index = this.indexed();
        const first = text.charCodeAt(at);
        if (!(afterWordPart ? index.loose : index.firsts)[first & FILTER]) return undefined;
        const second = at + 1 < text.length ? text.charCodeAt(at + 1) : -1;
        const lengths = second >= 0 && index.pairs[hashed(first, second)] ? index.lengths.get(pair(first, second)) : undefined;
        if (lengths)
            for (const length of lengths) {
                if (at + length > text.length) continue;
                const original = text.slice(at, at + length);
                if (this.map.has(original) && standsAlone(text, at, original)) return original;
            }
        return index.lengths.has(pair(first, -1)) && standsAlone(text, at, text[at]!) ? text[at] : undefined;
    }

    /** The look-up index of the originals (made when a message is first looked at). */
    indexed(): Index {
        return (this.index ??= indexOf(this.map.keys()));
    }

    pseudonym(original: string): string {
        return this.map.get(original)!;
    }

    /**
     * One set that replaces as `replaceAll` with these layers does: the longest original of any
     * layer, and for the same original the earlier layer's pseudonym. Built once, it spares a
     * message about no customer a look-up in every customer's layer at each position.
     */
    static merged(layers: Iterable<Replacements>): Replacements {
        const merged = new Replacements();
        for (const layer of layers) for (const [original, pseudonym] of layer.map) merged.add(original, pseudonym);
        return merged;
    }
}

/**
 * The lengths of the originals by their first two code units, longest first (at a position, one
 * look-up per length, however many originals begin alike), and filters that answer "none" at most
 * positions in one array read.
 */
export interface Index {
    lengths: Map<number, number[]>;
    /** 1 at the hash of a code unit that begins an original. */
    firsts: Uint8Array;
    /** The same, of the originals that do not begin like a word (they may stand right after a letter). */
    loose: Uint8Array;
    /** 1 at the hash of the first two code units of an original (of two units or more). */
    pairs: Uint8Array;
}

/** The key of an original's first two code units (`second` -1: a one-unit original). */
const pair = (first: number, second: number): number => first * 0x10001 + second + 1;
/** The filters' size less one: small, as a customer's texts are a few hundred. */
const FILTER = 0x3ff;
const hashed = (first: number, second: number): number => (first * 31 + second) & FILTER;

function indexOf(originals: Iterable<string>): Index {
    const index: Index = { lengths: new Map(), firsts: new Uint8Array(FILTER + 1), loose: new Uint8Array(FILTER + 1), pairs: new Uint8Array(FILTER + 1) };
    for (const original of originals) {
        const [first, second] = [original.charCodeAt(0), original.length > 1 ? original.charCodeAt(1) : -1];
        index.firsts[first & FILTER] = 1;
        if (!wordPartAt(original, 0)) index.loose[first & FILTER] = 1;
        if (second >= 0) index.pairs[hashed(first, second)] = 1;
        const key = pair(first, second);
        const list = index.lengths.get(key);
        if (!list) index.lengths.set(key, [original.length]);
        else if (!list.includes(original.length)) list.push(original.length);
    }
    for (const list of index.lengths.values()) if (list.length > 1) list.sort((a, b) => b - a);
    return index;
}

function standsAlone(text: string, at: number, original: string): boolean {
    const end = at + original.length;
    if (wordPartAt(original, 0) && wordPartAt(text, at - 1)) return false;
    if (wordPartAt(original, original.length - 1) && wordPartAt(text, end)) return false;
    return true;
}

/**
 * Replaces, in one pass from left to right, the longest original of any of `layers` found at
 * each position by its pseudonym; for the same original, the earlier layer wins (a customer's
 * own names before the workspace's). The text between is kept as it is.
 */
export function replaceAll(text: string, layers: readonly Replacements[], between: (gap: string) => string = gap => gap): string {
    let out = '';
    let gapStart = 0;
    let i = 0;
    // the layers' first filters, read here: at most positions no layer has an original that begins there
    const indexes = layers.map(layer => layer.indexed());
    while (i < text.length) {
        let best: string | undefined;
        let bestLayer: Replacements | undefined;
        const afterWordPart = i > 0 && wordPartAt(text, i - 1);
        const first = text.charCodeAt(i) & FILTER;
        for (let l = 0; l < layers.length; l++) {
            const index = indexes[l]!;
            if (!(afterWordPart ? index.loose : index.firsts)[first]) continue;
            const layer = layers[l]!;
            const original = layer.longestAt(text, i, afterWordPart);
            if (original && (!best || original.length > best.length)) {
                best = original;
                bestLayer = layer;
            }
        }
        if (best) {
            out += between(text.slice(gapStart, i)) + bestLayer!.pseudonym(best);
            i += best.length;
            gapStart = i;
        } else {
            i++;
        }
    }
    return out + between(text.slice(gapStart));
}

/**
 * The values a redacted document withholds — a contact's intimacy, its support for competitors —
 * taken out of a message whatever its language: every number of the message (outside the names,
 * which are pseudonyms by then) equal to one of them becomes `word` ("withheld", "保密"). The
 * values come from the plan, not from the wording: `亲密度只有 -2` and `intimacy is -2` lose the
 * same `-2`. A number that merely equals a withheld one is withheld too: that hides nothing of the
 * plan that is not already in the document.
 */
const ANY_DIGIT = /\d/;

export function withholdNumbers(values: ReadonlySet<number>, word: string): (gap: string) => string {
    if (values.size === 0) return gap => gap;
    return gap =>
        !ANY_DIGIT.test(gap)
            ? gap
            : gap.replace(/(?<![\p{L}\p{N}_.])[-−]?\d+(?:\.\d+)?(?![\p{L}\p{N}_]|\.\d)/gu, number => {
                  const value = Number(number.replace('−', '-'));
                  return values.has(value) ? word : number;
              });
}
