/**
 * The incremental parse under hostile edits: each mutation of a fuzz case is one edit, re-parsed
 * from the previous result as the language server does on a keystroke (maxShare 1: every window
 * it finds is tried), and the result must be the full parse of the same text — tree, values,
 * references and errors (test/support/parse-snapshot.ts). The property test of the incremental
 * parse uses an editor's edits; these are the fuzzer's (NUL, lone surrogates, BOMs, splices).
 */
import { isDeepStrictEqual } from 'node:util';
import { EmptyFileSystem, type ParseResult } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import type { Workspace } from '../../server/src/language/generated/ast.js';
import { IncrementalParser } from '../../server/src/language/incremental/incremental-parse.js';
import { snapshotOf, type ParseSnapshot } from '../support/parse-snapshot.js';
import { examples } from './invariants.js';
import { mutate, type FuzzCase } from './mutations.js';

let parsers: { full(text: string): ParseResult<Workspace>; incremental: IncrementalParser } | undefined;

/** Throws with a description when an incremental re-parse differs from the full parse; returns how many steps were incremental. */
export function checkIncrementalParse(fuzz: FuzzCase): number {
    if (!parsers) {
        const { Acct } = createAcctServices(EmptyFileSystem);
        parsers = { full: text => Acct.parser.LangiumParser.parse<Workspace>(text), incremental: new IncrementalParser(Acct, 1) };
    }
    const { full, incremental } = parsers;
    const others = examples.filter((_, i) => i !== fuzz.example);
    let text = examples[fuzz.example]!;
    let previous = full(text);
    let partial = 0;
    for (const [step, mutation] of fuzz.mutations.entries()) {
        const edited = mutate(text, mutation, others);
        if (edited === text) continue;
        text = edited;
        const reference = full(text);
        const result = incremental.parse(previous, text);
        if (result) {
            partial++;
            const mine = snapshotOf(result);
            const expected = snapshotOf(reference);
            if (mine.problems.length) throw new Error(`incremental parse, step ${step + 1} (${mutation.kind}): ${mine.problems.slice(0, 3).join('; ')}`);
            if (!isDeepStrictEqual(mine, expected))
                throw new Error(`incremental parse, step ${step + 1} (${mutation.kind}): ${firstDifference(mine, expected)}`);
        }
        previous = result ?? reference;
    }
    return partial;
}

/** The first place two snapshots differ, for the failure message. */
function firstDifference(mine: ParseSnapshot, expected: ParseSnapshot): string {
    for (const key of ['cst', 'lexerErrors', 'parserErrors'] as const) {
        const a = mine[key];
        const b = expected[key];
        const i = a.findIndex((x, n) => !isDeepStrictEqual(x, b[n]));
        if (i >= 0 || a.length !== b.length) {
            const at = i >= 0 ? i : Math.min(a.length, b.length);
            return `${key}[${at}]: ${JSON.stringify(a[at])} instead of ${JSON.stringify(b[at])}`;
        }
    }
    return 'the syntax trees agree, the values or references differ';
}
