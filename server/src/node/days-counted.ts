/**
 * Which files a history must check again when today moves to another day: those whose findings
 * (or waived findings) hold one that counts days (checks/date-driven.ts).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DAY_COUNTING_CODES } from '../language/validation/checks/date-driven.js';
import type { WaivedFinding } from '../language/validation/finding-policy.js';

/** Whether each list of findings (or of waived findings) holds one that counts days, by list: a file's lists stay the same objects while its findings do. */
const daysCounted = new WeakMap<readonly unknown[], { length: number; counts: boolean }>();

/**
 * Whether `findings` holds a finding that counts days (checks/date-driven.ts). Asked of every file
 * at every commit, of lists that mostly did not change since: each list is searched once (and
 * again if it grew: the builder appends a second validation's findings to a document's list).
 */
export function countsDays(findings: readonly Diagnostic[] | readonly WaivedFinding[]): boolean {
    const known = daysCounted.get(findings);
    if (known?.length === findings.length) return known.counts;
    const counts = findings.some(f => DAY_COUNTING_CODES.has(String(('diagnostic' in f ? f.diagnostic : f).code)));
    daysCounted.set(findings, { length: findings.length, counts });
    return counts;
}
