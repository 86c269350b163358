/**
 * Findings as the views see them: each diagnostic of the plan document, once, joined with the
 * plan element it is about. The server ships the diagnostics in the plan and, beside them, only
 * which element each is about (`PlanView.subjects`); `findingsOf` joins the two.
 */
import { severityRank } from '../method/index.js';
import type { AcctPlanDocument, DiagnosticJson } from './plan-types.js';
import type { SubjectKey } from './subject-key.js';

/** What a finding is about: the element, and for a decision-chain finding the contact it names. */
export interface FindingSubject {
    subject: SubjectKey;
    contact?: SubjectKey;
}

/** A diagnostic with what it is about (its `subject` is the element the check names, the export's is where it stands). */
export interface Finding extends Omit<DiagnosticJson, 'subject'>, FindingSubject {}

/** What the views draw: the section-4 document and what each of its diagnostics is about. */
export interface PlanView {
    plan: AcctPlanDocument;
    /** `subjects[i]` is what `plan.diagnostics[i]` is about (null: nothing in the plan, e.g. a syntax error). */
    subjects: (FindingSubject | null)[];
    /** True when some file of the workspace does not parse or link: the views keep the last good picture. */
    hasErrors: boolean;
}

/** The findings of a view (a whole plan, or one assembled from parts) that are about a plan element. */
export function findingsOf(view: { plan: { diagnostics: readonly DiagnosticJson[] }; subjects: readonly (FindingSubject | null)[] }): Finding[] {
    const findings: Finding[] = [];
    view.plan.diagnostics.forEach((diagnostic, i) => {
        const about = view.subjects[i];
        if (about) findings.push({ ...diagnostic, ...about });
    });
    return findings;
}

/** One finding as one line: `FILE:LINE:COLUMN: SEVERITY CODE: MESSAGE` (contract section 5). */
export function findingLine(d: DiagnosticJson): string {
    return `${filePlace(d.file)}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${oneLine(d.message)}`;
}

/** A file name as a line shows it: quoted when it holds a line break or another control character. */
export function filePlace(file: string): string {
    return /[\u0000-\u001f\u007f]/.test(file) ? JSON.stringify(file) : file;
}

/** Messages quote plan text, which may hold line breaks: a line stays one line. */
function oneLine(text: string): string {
    return text.replace(/\r\n?|\n/g, ' ');
}

/** Worst severity first, then code: for stable display. */
export function byWorstFirst(a: DiagnosticJson, b: DiagnosticJson): number {
    return (severityRank[a.severity] ?? 3) - (severityRank[b.severity] ?? 3) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Plain code-unit order, so that results do not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order of the CLI and the export: file, line, column, then code and message. `said`: the
 * message as it reads, for messages that stand for their text until read (`acct export --redact`:
 * said only for findings that tie on everything before it).
 */
export function byPlace(a: DiagnosticJson, b: DiagnosticJson, said?: (message: string) => string): number {
    return (
        compareText(a.file, b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        compareText(a.code, b.code) ||
        (said ? compareText(said(a.message), said(b.message)) : compareText(a.message, b.message))
    );
}
