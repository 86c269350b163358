/** How `acct check` prints findings: text, json (the diagnostics array) or GitHub annotations. */
import type { DiagnosticJson } from '../contract/plan-types.js';
import { findingLine } from '../contract/findings.js';
import type { Texts } from '../method/index.js';

export type OutputFormat = 'text' | 'json' | 'github';

export function formatText(diagnostics: DiagnosticJson[]): string {
    return diagnostics.map(findingLine).join('\n');
}

export function summaryLine(diagnostics: DiagnosticJson[], fileCount: number, texts: Texts): string {
    const count = (severity: string) => diagnostics.filter(d => d.severity === severity).length;
    if (diagnostics.length === 0) return texts.t('cli.summary.none', { files: fileCount });
    return texts.t('cli.summary', {
        count: diagnostics.length,
        files: fileCount,
        errors: count('error'),
        warnings: count('warning'),
        infos: count('info'),
    });
}

export function formatJson(diagnostics: DiagnosticJson[]): string {
    return JSON.stringify(diagnostics, null, 2);
}

/** GitHub workflow commands: `::warning file=…,line=…,col=…,title=CODE::MESSAGE`. */
export function formatGithub(diagnostics: DiagnosticJson[]): string {
    const command: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };
    return diagnostics
        .map(
            d =>
                `::${command[d.severity]} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.code)}::${escapeData(d.message)}`,
        )
        .join('\n');
}

function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
