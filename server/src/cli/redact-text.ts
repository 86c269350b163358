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
 * Original text → pseudonym. Text that begins or ends like an identifier is replaced only as a
 * whole word there: the id `li` is not the `li` of "relationship".
 */
export class Replacements {
    private readonly map = new Map<string, string>();
    /** The originals in a trie by their UTF-16 code units: the candidates at a position cost what the longest match costs, whatever their number. */
    private readonly trie: TrieNode = { next: new Map() };

    add(original: string | null | undefined, pseudonym: string): void {
        if (original && !this.map.has(original)) {
            this.map.set(original, pseudonym);
            let node = this.trie;
            for (let i = 0; i < original.length; i++) {
                const unit = original.charCodeAt(i);
                let child = node.next.get(unit);
                if (!child) node.next.set(unit, (child = { next: new Map() }));
                node = child;
            }
            node.original = original;
        }
    }

    /** The longest original that stands at `at` in `text`, if any. */
    longestAt(text: string, at: number): string | undefined {
        let longest: string | undefined;
        let node: TrieNode | undefined = this.trie;
        for (let i = at; i < text.length;) {
            node = node.next.get(text.charCodeAt(i++));
            if (!node) break;
            if (node.original && standsAlone(text, at, node.original)) longest = node.original;
        }
        return longest;
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

interface TrieNode {
    next: Map<number, TrieNode>;
    original?: string;
}

function standsAlone(text: string, at: number, original: string): boolean {
    const end = at + original.length;
    if (isWordPart(original[0]) && isWordPart(text[at - 1])) return false;
    if (isWordPart(original.at(-1)) && isWordPart(text[end])) return false;
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
    while (i < text.length) {
        let best: string | undefined;
        let bestLayer: Replacements | undefined;
        for (const layer of layers) {
            const original = layer.longestAt(text, i);
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
export function withholdNumbers(values: ReadonlySet<number>, word: string): (gap: string) => string {
    if (values.size === 0) return gap => gap;
    return gap =>
        gap.replace(/(?<![\p{L}\p{N}_.])[-−]?\d+(?:\.\d+)?(?![\p{L}\p{N}_]|\.\d)/gu, number => {
            const value = Number(number.replace('−', '-'));
            return values.has(value) ? word : number;
        });
}
