/**
 * Where and how a waiver for a finding is written: `waive CODE "" until <today + 30 days>` as the
 * last line of the innermost declaration (customer, contact, opportunity or activity) its range
 * starts in — the declaration the waiver then covers.
 */
import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { addDays } from '../method/index.js';

export interface WaiverInsertion {
    /** Where the text goes (0-based). */
    at: Position;
    text: string;
    /** Between the quotes of the reason, once the text is inserted (0-based). */
    reason: Position;
}

/** How long a new waiver holds by default: long enough to act, short enough to be looked at again. */
export const WAIVER_DAYS = 30;

export function waiverInsertion(document: LangiumDocument, start: Position, code: string, today: string): WaiverInsertion | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const text = document.textDocument.getText();
    const offset = document.textDocument.offsetAt(start);
    let holder: AstNode | undefined = CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
    while (holder && !(Array.isArray((holder as { waivers?: unknown }).waivers) && holder.$cstNode && offset >= holder.$cstNode.offset)) {
        holder = holder.$container;
    }
    const cst = holder?.$cstNode;
    if (!cst || text[cst.end - 1] !== '}') return undefined;
    const close = cst.end - 1;
    const waiver = `waive ${code} "" until ${addDays(today, WAIVER_DAYS)}`;
    const lineStart = text.lastIndexOf('\n', close - 1) + 1;
    const beforeClose = text.slice(lineStart, close);
    const position = (at: number) => document.textDocument.positionAt(at);
    if (text.slice(cst.offset, close).includes('\n') && /^\s*$/.test(beforeClose)) {
        // A block over several lines: a line of its own, indented one step more than the brace.
        const indent = beforeClose + (beforeClose.includes('\t') ? '\t' : '    ');
        const inserted = `${indent}${waiver}\n`;
        const at = position(lineStart);
        // the reason is on the inserted line, which takes the place of the brace's
        return { at, text: inserted, reason: { line: at.line, character: inserted.indexOf('""') + 1 } };
    }
    // A block on one line (or a brace after content): inside it, before the brace.
    const inserted = `${/\s$/.test(text[close - 1] ?? '') ? '' : ' '}${waiver} `;
    const at = position(close);
    return { at, text: inserted, reason: { line: at.line, character: at.character + inserted.indexOf('""') + 1 } };
}
