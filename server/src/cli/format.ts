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
    return [...jsonPieces(diagnostics)].join('');
}

/** `formatJson` in pieces, for standard output: the 42 MB of a megabyte of findings is never one text. */
export function jsonPieces(diagnostics: DiagnosticJson[]): Iterable<string> {
    return jsonListPieces(diagnostics, 0, undefined, findingJson());
}

/**
 * A finding as `JSON.stringify(d, null, 2)` writes it in the list, made from its fields directly:
 * the file, the code, the message and the subject of the finding before are quoted once (the
 * findings of one file, or of one mistake repeated, share them). A finding that is not the
 * contract's seven fields, in their order and of their types, is written by JSON.stringify.
 */
export function findingJson(): (d: DiagnosticJson, inner: string) => string {
    // The texts of the last two findings with their JSON: findings of two mistakes in turn (a `}`
    // missing and a duplicate id on every line) quote two messages, each once, not once a line.
    // (A map of the last 64 texts made a report of distinct messages a fifth slower: a hash of each.)
    const field = () => ({ value: '', text: '""', before: '', beforeText: '""' });
    const said = { file: field(), severity: field(), code: field(), message: field(), subject: field() };
    const quoted = (name: keyof typeof said, value: string) => {
        const last = said[name];
        if (last.value === value) return last.text;
        const text = last.before === value ? last.beforeText : JSON.stringify(value);
        last.before = last.value;
        last.beforeText = last.text;
        last.value = value;
        last.text = text;
        return text;
    };
    return (d, inner) => {
        if (!isPlainFinding(d)) return JSON.stringify(d, null, 2).replace(/\n/g, inner);
        const at = inner + '  ';
        return (
            `{${at}"file": ${quoted('file', d.file)},${at}"line": ${d.line},${at}"column": ${d.column},${at}"severity": ${quoted('severity', d.severity)},` +
            `${at}"code": ${quoted('code', d.code)},${at}"message": ${quoted('message', d.message)},${at}"subject": ${d.subject === null ? 'null' : quoted('subject', d.subject)}${inner}}`
        );
    };
}

const FINDING_KEYS = ['file', 'line', 'column', 'severity', 'code', 'message', 'subject'];

/** The contract's seven fields in their order, strings and finite numbers (and a null subject): what findingJson writes as JSON.stringify would. */
function isPlainFinding(d: DiagnosticJson): boolean {
    if (
        typeof d.file !== 'string' ||
        !Number.isFinite(d.line) ||
        !Number.isFinite(d.column) ||
        typeof d.severity !== 'string' ||
        typeof d.code !== 'string' ||
        typeof d.message !== 'string' ||
        (d.subject !== null && typeof d.subject !== 'string') ||
        Object.getPrototypeOf(d) !== Object.prototype
    )
        return false;
    let i = 0;
    for (const key in d) if (FINDING_KEYS[i++] !== key) return false;
    return i === FINDING_KEYS.length;
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
