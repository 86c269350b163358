/**
 * Rewriting the findings' messages for a redacted export: every original name, id, title, path
 * or other text of the plan that a message quotes becomes its pseudonym, and the values the
 * redacted document withholds (intimacy, support for competitors) leave the messages too.
 */

const WORD = /[\p{L}\p{N}_]/u;

/**
 * Original text → pseudonym. Text that begins or ends like an identifier is replaced only as a
 * whole word there: the id `li` is not the `li` of "relationship".
 */
export class Replacements {
    private readonly map = new Map<string, string>();
    /** The originals in a trie by their characters: the candidates at a position cost what the longest match costs, whatever their number. */
    private readonly trie: TrieNode = { next: new Map() };

    add(original: string | null | undefined, pseudonym: string): void {
        if (original && !this.map.has(original)) {
            this.map.set(original, pseudonym);
            let node = this.trie;
            for (const unit of original) {
                let child = node.next.get(unit);
                if (!child) node.next.set(unit, child = { next: new Map() });
                node = child;
            }
            node.original = original;
        }
    }

    /** The longest original that stands at `at` in `text`, if any. */
    longestAt(text: string, at: number): string | undefined {
        let longest: string | undefined;
        let node: TrieNode | undefined = this.trie;
        for (let i = at; node && i < text.length;) {
            const unit = String.fromCodePoint(text.codePointAt(i)!);
            node = node.next.get(unit);
            i += unit.length;
            if (node?.original && standsAlone(text, at, node.original)) longest = node.original;
        }
        return longest;
    }

    pseudonym(original: string): string {
        return this.map.get(original)!;
    }
}

interface TrieNode {
    next: Map<string, TrieNode>;
    original?: string;
}

function standsAlone(text: string, at: number, original: string): boolean {
    const end = at + original.length;
    if (WORD.test(original[0]!) && at > 0 && WORD.test(text[at - 1]!)) return false;
    if (WORD.test(original.at(-1)!) && end < text.length && WORD.test(text[end]!)) return false;
    return true;
}

/**
 * Replaces, in one pass from left to right, the longest original of any of `layers` found at
 * each position by its pseudonym; for the same original, the earlier layer wins (a customer's
 * own names before the workspace's). The text between is kept as it is.
 */
export function replaceAll(text: string, layers: readonly Replacements[]): string {
    let out = '';
    let i = 0;
    while (i < text.length) {
        let best: { original: string; layer: Replacements } | undefined;
        for (const layer of layers) {
            const original = layer.longestAt(text, i);
            if (original && (!best || original.length > best.original.length)) best = { original, layer };
        }
        if (best) {
            out += best.layer.pseudonym(best.original);
            i += best.original.length;
        } else {
            out += text[i];
            i++;
        }
    }
    return out;
}

/**
 * The values a redacted document withholds, as the messages of these codes quote them: the
 * intimacy of rational-turn-risk and friendly-but-unsupportive, the support for a competitor of
 * competitor-ahead (`supports Competitor 2 (3) more than us`). The tests check every code whose
 * message quotes one of them.
 */
const withheld: Readonly<Record<string, readonly [RegExp, string][]>> = {
    'rational-turn-risk': [[/intimacy is -?\d+/g, 'intimacy is withheld']],
    'friendly-but-unsupportive': [[/intimacy -?\d+/g, 'intimacy withheld']],
    'competitor-ahead': [[/^(.*? supports .+?) \(-?\d+\)( more than us)/, '$1 (withheld)$2']],
};

export function withholdValues(code: string, message: string): string {
    return (withheld[code] ?? []).reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message);
}
