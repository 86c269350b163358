/**
 * What a check puts in its diagnostic's `data`: the code, the plan element the finding is about
 * (for the views), and the quick fix if the rule knows one (for the code-action provider).
 */
import type { SubjectKey } from '../../contract/subject-key.js';
import type { IssueCode } from '../../method/index.js';

export interface FindingData {
    code: IssueCode;
    subject?: SubjectKey;
    /** For decision-chain findings: the contact they name. */
    contact?: SubjectKey;
    /** A quick fix: replace the text at `range` (LSP, 0-based) with `newText`. */
    fix?: QuickFix;
}

export interface QuickFix {
    title: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
}

/** A diagnostic's message as text: acct's are plain strings, LSP 3.18 also allows markup. */
export function messageText(message: string | { value: string }): string {
    return typeof message === 'string' ? message : message.value;
}
