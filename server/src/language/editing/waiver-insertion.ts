/**
 * Where and how a waiver for a finding is written: `waive CODE "" until <today + 30 days>` as the
 * last line of the innermost declaration (customer, contact, opportunity or activity) its range
 * starts in — the declaration the waiver then covers.
 */
import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { addDays } from '../../method/index.js';
import { insertAtBlockEnd, positionInInsertion } from './text-placement.js';

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
    const offset = document.textDocument.offsetAt(start);
    let holder: AstNode | undefined = CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
    while (holder && !(Array.isArray((holder as { waivers?: unknown }).waivers) && holder.$cstNode && offset >= holder.$cstNode.offset)) {
        holder = holder.$container;
    }
    const insertion = holder?.$cstNode && insertAtBlockEnd(document, holder.$cstNode, `waive ${code} "" until ${addDays(today, WAIVER_DAYS)}`);
    if (!insertion) return undefined;
    return { ...insertion, reason: positionInInsertion(insertion, insertion.text.indexOf('""') + 1) };
}
