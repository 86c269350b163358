/**
 * Assertions the checks' tests share: exactly one finding of a code (returned for more), none of a
 * code in a fixture that parses and links, and a finding's range at a piece of the text.
 */
import { expect } from 'vitest';
import { rangeOf, summary, type Finding, type TestWorkspace } from './helpers.js';

/** Exactly one finding of `code` in plan.acct (or `file`), returned for further assertions. */
export function one(w: TestWorkspace, code: string, file = 'plan.acct'): Finding {
    const found = w.withCode(code, file);
    expect(found, `expected exactly one ${code}, got:\n${summary(w.findings())}`).toHaveLength(1);
    return found[0];
}

/**
 * No finding of `code`. A fixture that does not parse or link would pass that for the wrong
 * reason (a declaration holding a syntax error keeps only the findings that say the plan is
 * wrong): it must parse and link cleanly first, unless the test breaks it on purpose (`broken`).
 */
export function none(w: TestWorkspace, code: string, { broken = false } = {}): void {
    if (!broken) {
        const unparsed = [...w.withCode('syntax'), ...w.withCode('unresolved-reference')];
        expect(unparsed, `the fixture does not parse or link cleanly:\n${summary(unparsed)}`).toEqual([]);
    }
    expect(w.withCode(code), `expected no ${code}, got:\n${summary(w.findings())}`).toEqual([]);
}

/** The finding starts (and, when `needle` is the whole element, ends) where `needle` is. */
export function expectAt(f: Finding, text: string, needle: string, occurrence = 0): void {
    expect(f.range).toEqual(rangeOf(text, needle, occurrence));
}
