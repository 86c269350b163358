/** How `acct check` prints findings: text, json (the diagnostics array) or GitHub annotations. */
import type { DiagnosticJson } from '../contract/plan-types.js';
import { findingLine } from '../contract/findings.js';
import type { Texts } from '../method/index.js';
import { jsonListPieces, PIECE_CHARS } from './formats/json-pieces.js';

export type OutputFormat = 'text' | 'json' | 'github';

export function formatText(diagnostics: DiagnosticJson[]): string {
    return [...linePieces(diagnostics, findingLine)].join('');
}

/** `items.map(line).join('\n')` in pieces of about PIECE_CHARS characters (nothing for no items). */
export function* linePieces<T>(items: Iterable<T>, line: (item: T) => string): Generator<string> {
    let piece = '';
    let first = true;
    for (const item of items) {
        piece += first ? line(item) : '\n' + line(item);
        first = false;
        if (piece.length >= PIECE_CHARS) {
            yield piece;
            piece = '';
        }
    }
    if (piece) yield piece;
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
    return [...jsonPieces(diagnostics)].join('');
}

/** `formatJson` in pieces, for standard output: the 42 MB of a megabyte of findings is never one text. */
export function jsonPieces(diagnostics: DiagnosticJson[]): Iterable<string> {
    return jsonListPieces(diagnostics);
}

/** GitHub workflow commands: `::warning file=…,line=…,col=…,title=CODE::MESSAGE`. */
export function formatGithub(diagnostics: DiagnosticJson[]): string {
    return [...githubPieces(diagnostics)].join('');
}

const githubCommand: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** `formatGithub` in pieces. */
export function githubPieces(diagnostics: DiagnosticJson[]): Iterable<string> {
    return linePieces(
        diagnostics,
        d => `::${githubCommand[d.severity]} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.code)}::${escapeData(d.message)}`,
    );
}

function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
