/**
 * Whether JSON.stringify writes two values alike, without writing them: `acct history` compares, at
 * each commit, every field of the elements of the changed files, and the data of the findings
 * re-checked for the new day. True or false when the values are what the plan's JSON is made of
 * (null, strings, booleans, finite numbers, arrays and plain objects of them; an object's keys
 * in order, those whose value is undefined left out); undefined for anything JSON writes
 * otherwise (a number not finite, an undefined array element, a function, a class instance):
 * then compare the texts.
 */
export function sameAsJson(a: unknown, b: unknown): boolean | undefined {
    if (plain(a) && plain(b)) return a === b;
    if (Array.isArray(a) && Array.isArray(b)) {
        // the texts of two arrays are alike exactly when they have as many elements, each written alike
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) {
            const same = sameAsJson(a[i], b[i]);
            if (same !== true) return same;
        }
        return true;
    }
    if (!plainObject(a) || !plainObject(b)) return undefined;
    const p = Object.keys(a);
    const q = Object.keys(b);
    let i = 0;
    let j = 0;
    for (;;) {
        while (i < p.length && a[p[i]!] === undefined) i++;
        while (j < q.length && b[q[j]!] === undefined) j++;
        if (i === p.length && j === q.length) return true;
        if (i === p.length || j === q.length || p[i] !== q[j]) {
            // another key (or none) where JSON writes one: unless a value JSON leaves out is among the rest
            return rest(a, p, i) && rest(b, q, j) ? false : undefined;
        }
        const same = sameAsJson(a[p[i]!], b[q[j]!]);
        if (same !== true) return same;
        i++;
        j++;
    }
}

/** A value JSON writes as itself. */
function plain(value: unknown): boolean {
    return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** Whether JSON writes every key of `object` from `keys[from]` on whose value is not undefined (none is a function or a symbol). */
function rest(object: Record<string, unknown>, keys: readonly string[], from: number): boolean {
    for (let k = from; k < keys.length; k++) {
        const type = typeof object[keys[k]!];
        if (type === 'function' || type === 'symbol') return false;
    }
    return true;
}

function plainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const prototype = Object.getPrototypeOf(value) as unknown;
    return prototype === Object.prototype || prototype === null;
}
