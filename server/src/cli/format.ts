/** How `acct check` prints findings: text, json (the diagnostics array) or GitHub annotations. */
import type { DiagnosticJson } from '../contract/plan-types.js';
import { findingLine } from '../contract/findings.js';
import type { Texts } from '../method/index.js';
import { PIECE_CHARS } from './formats/json-pieces.js';
import { findingListBytes, isPlainFinding, lastTwoQuoted } from './formats/finding-json.js';

export type OutputFormat = 'text' | 'json' | 'github';

export function formatText(diagnostics: DiagnosticJson[]): string {
    return [...linePieces(diagnostics, findingLine)].join('');
}

/** `items.map(line).join('\n')` in pieces of about PIECE_CHARS characters (nothing for no items). */
export function* linePieces<T>(items: Iterable<T>, line: (item: T) => string): Generator<string> {
    // joined at once, as in jsonListPieces: a flat string
    let parts: string[] = [];
    let size = 0;
    let first = true;
    for (const item of items) {
        const text = line(item);
        if (!first) parts.push('\n');
        parts.push(text);
        size += text.length + 1;
        first = false;
        if (size >= PIECE_CHARS) {
            yield parts.join('');
            parts = [];
            size = 0;
        }
    }
    const piece = parts.join('');
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
    return Buffer.concat([...findingListBytes(diagnostics)]).toString('utf8');
}

/**
 * `formatJson` in pieces, for standard output: the 42 MB of a megabyte of findings is never one
 * text, and each piece is the bytes written (formats/finding-json.ts), never a text encoded again.
 * A piece holds until the next is asked for: write it (or copy it) first.
 */
export function jsonPieces(diagnostics: DiagnosticJson[]): Iterable<Uint8Array> {
    return findingListBytes(diagnostics, { reuse: true });
}

/**
 * A finding as `JSON.stringify(d, null, 2)` writes it in a list (`acct diff`'s new findings),
 * made from its fields directly: the file, the code, the message and the subject of the finding
 * before are quoted once (the findings of one file, or of one mistake repeated, share them). A
 * finding that is not the contract's seven fields, in their order and of their types, is written
 * by JSON.stringify.
 */
export function findingJson(): (d: DiagnosticJson, inner: string) => string {
    // the texts of the last two findings with their JSON: findings of two mistakes in turn quote two messages
    const quoted = lastTwoQuoted();
    return (d, inner) => {
        if (!isPlainFinding(d)) return JSON.stringify(d, null, 2).replace(/\n/g, inner);
        const at = inner + '  ';
        return (
            `{${at}"file": ${quoted('file', d.file)},${at}"line": ${d.line},${at}"column": ${d.column},${at}"severity": ${quoted('severity', d.severity)},` +
            `${at}"code": ${quoted('code', d.code)},${at}"message": ${quoted('message', d.message)},${at}"subject": ${d.subject === null ? 'null' : quoted('subject', d.subject)}${inner}}`
        );
    };
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
        d =>
            `::${githubCommand[d.severity]} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.code)}::${escapeData(d.message)}`,
    );
}

function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
