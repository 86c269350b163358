/**
 * Diagnostics as the views and the export see them: 1-based positions relative to the base
 * folder (contract section 4), and findings attached to the plan element they are about.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FindingData } from '../language/issue-codes.js';
import type { Finding } from '../protocol.js';
import type { DiagnosticJson, Severity } from './plan-types.js';
import { comparePaths } from './plan.js';

export function severityName(diagnostic: Diagnostic): Severity {
    switch (diagnostic.severity) {
        case 1: return 'error';
        case 2: return 'warning';
        default: return 'info';
    }
}

export function codeOf(diagnostic: Diagnostic): string {
    return String(diagnostic.code ?? (diagnostic.data as FindingData | undefined)?.code ?? 'syntax');
}

export function diagnosticJson(file: string, diagnostic: Diagnostic): DiagnosticJson {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        severity: severityName(diagnostic),
        code: codeOf(diagnostic),
        message: diagnostic.message,
    };
}

/** Sorted by file, line, column (then code, for a stable order on the same spot). */
export function sortDiagnostics(diagnostics: DiagnosticJson[]): DiagnosticJson[] {
    return [...diagnostics].sort((a, b) => comparePaths(a.file, b.file) || a.line - b.line || a.column - b.column
        || comparePaths(a.code, b.code) || comparePaths(a.message, b.message));
}

export function findingOf(diagnostic: Diagnostic): Finding | undefined {
    const data = diagnostic.data as FindingData | undefined;
    if (!data?.subject) return undefined;
    return {
        code: codeOf(diagnostic),
        severity: severityName(diagnostic),
        message: diagnostic.message,
        subject: data.subject,
        ...(data.contact ? { contact: data.contact } : {}),
    };
}
