/**
 * Where new text goes when acct writes into a plan (a waiver, a quick fix), so that the result
 * reads as if the author had typed it: in a block written over several lines, a line of its own
 * indented one step deeper than the block's closing brace; in a block written on one line, inline
 * before the brace; after a property, on the next line when nothing but a comment follows it.
 */
import type { CstNode, LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { firstLineBreak, hasLineBreak, lineEndAt, lineStartAt, lineStarts } from '../text/text-scan.js';

/** A text to insert at a position (0-based). */
export interface TextInsertion {
    at: Position;
    text: string;
}

/** What to write: one line (`reviewed 2026-11-22`) or a block with one line per item (`decision-chain { … }`). */
export type Snippet = string | { head: string; lines: readonly string[] };

/** As the last line(s) of `block`, before its closing brace; undefined when the brace is missing (a syntax error). */
export function insertAtBlockEnd(document: LangiumDocument, block: CstNode, snippet: Snippet): TextInsertion | undefined {
    const text = document.textDocument.getText();
    const close = block.end - 1;
    if (text[close] !== '}') return undefined;
    const lineStart = lineStartAt(text, close);
    const beforeClose = text.slice(lineStart, close);
    if (hasLineBreak(text.slice(block.offset, close)) && /^\s*$/.test(beforeClose)) {
        // The inserted lines take the place of the brace's line, which follows them.
        const indent = beforeClose + stepOf(beforeClose);
        return { at: positionAt(document, lineStart), text: renderLines(snippet, indent, stepOf(beforeClose), eolOf(text)) + eolOf(text) };
    }
    const space = /\s/.test(text[close - 1] ?? '') ? '' : ' ';
    return { at: positionAt(document, close), text: `${space}${renderInline(snippet)} ` };
}

/** Right after `node` (a property or a declaration): on a new line when only blanks or a comment follow it on its line. */
export function insertAfter(document: LangiumDocument, node: CstNode, snippet: Snippet): TextInsertion {
    const text = document.textDocument.getText();
    const lineEnd = lineEndAt(text, node.end);
    const rest = text.slice(node.end, lineEnd);
    if (/^\s*(\/\/.*)?$/.test(rest)) {
        const lineStart = lineStartAt(text, node.end);
        const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
        return { at: positionAt(document, lineEnd), text: eolOf(text) + renderLines(snippet, indent, stepOf(indent), eolOf(text)) };
    }
    return { at: positionAt(document, node.end), text: ` ${renderInline(snippet)}` };
}

/** The position of `index` (0-based offset into `insertion.text`) once the insertion is applied. */
export function positionInInsertion(insertion: TextInsertion, index: number): Position {
    const starts = lineStarts(insertion.text.slice(0, index));
    const line = starts.length - 1;
    if (line === 0) return { line: insertion.at.line, character: insertion.at.character + index };
    return { line: insertion.at.line + line, character: index - starts[line]! };
}

function renderLines(snippet: Snippet, indent: string, step: string, eol: string): string {
    if (typeof snippet === 'string') return indent + snippet;
    return [`${indent}${snippet.head} {`, ...snippet.lines.map(line => indent + step + line), `${indent}}`].join(eol);
}

function renderInline(snippet: Snippet): string {
    return typeof snippet === 'string' ? snippet : `${snippet.head} { ${snippet.lines.join(' ')} }`;
}

/** One indentation step, as the file writes them. */
function stepOf(indent: string): string {
    return indent.includes('\t') ? '\t' : '    ';
}

/** The file's own line break (its first one), so that a CR file stays a CR file. */
function eolOf(text: string): string {
    return firstLineBreak(text);
}

function positionAt(document: LangiumDocument, offset: number): Position {
    return document.textDocument.positionAt(offset);
}
