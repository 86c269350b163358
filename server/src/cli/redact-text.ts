/**
 * Rewriting the findings' messages for a redacted export: every original name, id, title, path
 * or other text of the plan that a message quotes becomes its pseudonym, and the values the
 * redacted document withholds (intimacy, support for competitors) leave the messages too.
 */

/** Original text → pseudonym, applied in one pass, longest original first. */
export class Replacements {
    private readonly map = new Map<string, string>();

    add(original: string | null | undefined, pseudonym: string): void {
        if (original && !this.map.has(original)) this.map.set(original, pseudonym);
    }

    /** A copy with the entries of `other` added (ours win). */
    with(other: Replacements): Replacements {
        const merged = new Replacements();
        for (const [original, pseudonym] of this.map) merged.add(original, pseudonym);
        for (const [original, pseudonym] of other.map) merged.add(original, pseudonym);
        return merged;
    }

    apply(text: string): string {
        if (this.map.size === 0) return text;
        return text.replace(this.pattern(), match => this.map.get(match) ?? match);
    }

    private compiled: RegExp | undefined;

    /**
     * One alternation, longest first, so that `Zhang Wei` is replaced before `zhang`. Text that
     * begins or ends like an identifier matches only as a whole word: the id `li` is not the
     * `li` of "relationship".
     */
    private pattern(): RegExp {
        if (!this.compiled) {
            const word = /[\p{L}\p{N}_]/u;
            const alternatives = [...this.map.keys()]
                .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
                .map(original => {
                    const escaped = original.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
                    const before = word.test(original[0]!) ? '(?<![\\p{L}\\p{N}_])' : '';
                    const after = word.test(original.at(-1)!) ? '(?![\\p{L}\\p{N}_])' : '';
                    return `${before}${escaped}${after}`;
                });
            this.compiled = new RegExp(alternatives.join('|'), 'gu');
        }
        return this.compiled;
    }
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
