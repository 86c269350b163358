/**
 * Diagnostics as the export and the views see them: 1-based positions relative to the base
 * folder (contract section 4), and what each finding is about, from the data the check carried.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FindingSubject } from '../contract/findings.js';
import type { DiagnosticJson, Severity } from '../contract/plan-types.js';
import type { SubjectKey } from '../contract/subject-key.js';
import { messageText, type FindingData } from '../language/validation/finding-data.js';

export function severityName(diagnostic: Diagnostic): Severity {
    switch (diagnostic.severity) {
        case 1:
            return 'error';
        case 2:
            return 'warning';
        default:
            return 'info';
    }
}

/** `subject`: the declaration the finding's range starts in (contract 7.3). */
export function diagnosticJson(file: string, diagnostic: Diagnostic, subject: SubjectKey | null): DiagnosticJson {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        severity: severityName(diagnostic),
        code: String(diagnostic.code ?? (diagnostic.data as FindingData | undefined)?.code ?? 'syntax'),
        message: messageText(diagnostic.message),
        subject,
    };
}

/**
 * A finding with what the export does not carry (its keys are fixed by the contract): where its
 * range ends (1-based, the column after its last character) and the plan element it is about.
 * For SARIF regions, stable fingerprints and redaction.
 */
export interface LocatedFinding {
    diagnostic: DiagnosticJson;
    endLine: number;
    endColumn: number;
    about: FindingSubject | null;
}

export function locatedFinding(diagnostic: DiagnosticJson, source: Diagnostic): LocatedFinding {
    const end = source.range.end;
    return { diagnostic, endLine: end.line + 1, endColumn: end.character + 1, about: subjectOfDiagnostic(source) };
}

/** The plan element a diagnostic is about, or null (a syntax error is about no element). */
export function subjectOfDiagnostic(diagnostic: Diagnostic): FindingSubject | null {
    const data = diagnostic.data as FindingData | undefined;
    if (!data?.subject) return null;
    return data.contact ? { subject: data.subject, contact: data.contact } : { subject: data.subject };
}
