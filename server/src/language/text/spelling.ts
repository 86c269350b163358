/**
 * "Did you mean `contact`?": the word a user most likely meant, among the words that may stand
 * where they typed. Close means an edit distance (Damerau–Levenshtein, adjacent swaps counting
 * one) small for the word's length: one edit for words of up to four letters, two beyond.
 */

/** Edits a word of this length may be from the one meant. */
function allowedEdits(length: number): number {
    return length <= 4 ? 1 : 2;
}

/**
 * The candidate closest to `word` within the allowed edits (the first of equals, so the order of
 * the candidates decides ties), or none. A hyphenated candidate also matches its first part, so
 * that `reprots-to`, read as `reprots`, suggests `reports-to`. Case is ignored: `Customer` means
 * `customer`. Time: the candidates' total length times the allowed edits.
 */
export function closestWord(word: string, candidates: Iterable<string>): string | undefined {
    const typed = word.toLowerCase();
    const limit = allowedEdits(typed.length);
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
        if (candidate === word) continue;
        const forms = candidate.includes('-') ? [candidate, candidate.slice(0, candidate.indexOf('-'))] : [candidate];
        for (const form of forms) {
            const distance = editDistance(typed, form.toLowerCase(), Math.min(limit, bestDistance - 1));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
    }
    return best;
}

/**
 * Optimal-string-alignment distance between `a` and `b`, or `limit + 1` as soon as it is known to
 * exceed `limit` (only a band of width 2·limit+1 around the diagonal is computed).
 */
export function editDistance(a: string, b: string, limit: number): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    const width = b.length + 1;
    let before = new Array<number>(width).fill(limit + 1);
    let previous = Array.from({ length: width }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = new Array<number>(width).fill(limit + 1);
        current[0] = i;
        let rowBest = current[0]!;
        const from = Math.max(1, i - limit);
        const to = Math.min(b.length, i + limit);
        for (let j = from; j <= to; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, before[j - 2]! + 1);
            current[j] = distance;
            rowBest = Math.min(rowBest, distance);
        }
        if (rowBest > limit) return limit + 1;
        before = previous;
        previous = current;
    }
    return Math.min(previous[b.length]!, limit + 1);
}
