/**
 * The findings of a document without its cascades: the parse errors that follow from a first
 * mistake (parser/syntax-cascade.ts chooses which to keep; the document validator drops the rest).
 */
import type { Diagnostic } from 'vscode-languageserver';

/**
 * `diagnostics` without the parse errors of `parsing` that are not in `kept`. `parsing` stands in
 * `diagnostics` in its order, and so, almost always, does `kept` in `parsing` (a filter of it):
 * then both are walked side by side, without a set of 100,000 findings; else by a set.
 */
export function withoutErrors(diagnostics: readonly Diagnostic[], parsing: readonly Diagnostic[], kept: readonly Diagnostic[]): Diagnostic[] {
    const cascade = new Uint8Array(parsing.length).fill(1);
    let k = 0;
    for (let p = 0; p < parsing.length && k < kept.length; p++) {
        if (parsing[p] === kept[k]) {
            cascade[p] = 0;
            k++;
        }
    }
    const found: Diagnostic[] = [];
    let p = 0;
    for (const d of diagnostics) {
        if (p < parsing.length && d === parsing[p]) {
            if (!cascade[p++]) found.push(d);
        } else found.push(d);
    }
    if (k === kept.length && p === parsing.length) return found;
    const cascades = new Set(parsing);
    for (const error of kept) cascades.delete(error);
    return diagnostics.filter(d => !cascades.has(d));
}
