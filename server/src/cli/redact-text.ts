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
 * The originals of a set, found at a position of a message without a copy of any part of it:
 * the lengths of the originals by the hash of their first two code units, longest first (one
 * look-up per length, however many originals begin alike), each original under the hash of its
 * whole text (the same rolling hash as the message's, so a part of the message is looked up by
 * arithmetic, then compared in place), and filters that answer "none" at most positions in one
 * array read. A hash only narrows the search: every original is compared with the text before it counts.
 */
interface Index {
    /** 1 at the hash of a code unit that begins an original. */
    firsts: Uint8Array;
    /** The same, of the originals that do not begin like a word (they may stand right after a letter). */
    loose: Uint8Array;
    /** The lengths (two units or more) of the originals whose first two units have this hash, longest first. */
    lengths: (number[] | undefined)[];
    /** The originals of two units or more, by their hash. */
    byHash: Map<number, string | string[]>;
    /** The originals of one unit, by that unit. */
    singles: Map<number, string>;
}

/** The filters' size less one: small, as a customer's texts are a few hundred. */
const FILTER = 0x3ff;
const hashed = (first: number, second: number): number => (first * 31 + second) & FILTER;

/** The rolling hash: h(s + c) = h(s) × BASE + c (mod 2³²); keys are kept to 30 bits (small integers for V8's maps). */
const BASE = 0x01000193;
const KEY = 0x3fffffff;
/** BASE to the power of each length, as far as the longest original yet. */
let powers = new Int32Array([1]);
function powersUpTo(length: number): void {
    if (length < powers.length) return;
    const more = new Int32Array(Math.max(length + 1, powers.length * 2));
    more.set(powers);
    for (let i = powers.length; i < more.length; i++) more[i] = Math.imul(more[i - 1]!, BASE);
    powers = more;
}
/** The hashes of a message's prefixes (`prefixes[i]`: of its first i units), reused from message to message. */
let prefixes = new Int32Array(1024);
function hashPrefixes(text: string): void {
    if (text.length >= prefixes.length) prefixes = new Int32Array(Math.max(text.length + 1, prefixes.length * 2));
    let h = 0;
    for (let i = 0; i < text.length; i++) prefixes[i + 1] = h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
}
function hashOf(text: string): number {
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    return h & KEY;
}

function indexOf(originals: Iterable<string>): Index {
    const index: Index = {
        firsts: new Uint8Array(FILTER + 1),
        loose: new Uint8Array(FILTER + 1),
        lengths: new Array<number[] | undefined>(FILTER + 1).fill(undefined),
        byHash: new Map(),
        singles: new Map(),
    };
    let longest = 0;
    for (const original of originals) {
        const first = original.charCodeAt(0);
        index.firsts[first & FILTER] = 1;
        if (!wordPartAt(original, 0)) index.loose[first & FILTER] = 1;
        if (original.length === 1) {
            index.singles.set(first, original);
            continue;
        }
        longest = Math.max(longest, original.length);
        const bucket = hashed(first, original.charCodeAt(1));
        const list = index.lengths[bucket];
        if (!list) index.lengths[bucket] = [original.length];
        else if (!list.includes(original.length)) list.push(original.length);
        const key = hashOf(original);
        const same = index.byHash.get(key);
        if (same === undefined) index.byHash.set(key, original);
        else if (typeof same === 'string') index.byHash.set(key, [same, original]);
        else same.push(original);
    }
    for (const list of index.lengths) if (list && list.length > 1) list.sort((a, b) => b - a);
    powersUpTo(longest);
    return index;
}

function standsAlone(text: string, at: number, original: string): boolean {
    const end = at + original.length;
    if (wordPartAt(original, 0) && wordPartAt(text, at - 1)) return false;
    if (wordPartAt(original, original.length - 1) && wordPartAt(text, end)) return false;
    return true;
}

/** The original of this length at `at` in `text` (whose prefixes are hashed), if there is one and it stands alone there. */
function originalAt(index: Index, text: string, at: number, length: number): string | undefined {
    const found = index.byHash.get((prefixes[at + length]! - Math.imul(prefixes[at]!, powers[length]!)) & KEY);
    if (found === undefined) return undefined;
    if (typeof found === 'string') return found.length === length && text.startsWith(found, at) && standsAlone(text, at, found) ? found : undefined;
    for (const original of found) if (original.length === length && text.startsWith(original, at) && standsAlone(text, at, original)) return original;
    return undefined;
}

/** The longest original of the index that stands at `at` in `text` (whose prefixes are hashed), if any. */
function longestAt(index: Index, text: string, at: number): string | undefined {
    const lengths = at + 1 < text.length ? index.lengths[hashed(text.charCodeAt(at), text.charCodeAt(at + 1))] : undefined;
    if (lengths)
        for (const length of lengths) {
            if (at + length > text.length) continue;
            const original = originalAt(index, text, at, length);
            if (original !== undefined) return original;
        }
    const single = index.singles.get(text.charCodeAt(at));
    return single !== undefined && standsAlone(text, at, single) ? single : undefined;
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
    let hashedPrefixes = false;
    // the layers' first filters, read here: at most positions no layer has an original that begins there
    const indexes = layers.map(layer => layer.indexed());
    while (i < text.length) {
        let best: string | undefined;
        let bestLayer: Replacements | undefined;
        const afterWordPart = i > 0 && wordPartAt(text, i - 1);
        const first = text.charCodeAt(i) & FILTER;
        for (let l = 0; l < indexes.length; l++) {
            const index = indexes[l]!;
            if (!(afterWordPart ? index.loose : index.firsts)[first]) continue;
            if (!hashedPrefixes) {
                hashPrefixes(text);
                hashedPrefixes = true;
            }
            const original = longestAt(index, text, i);
            if (original && (!best || original.length > best.length)) {
                best = original;
                bestLayer = layers[l];
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
