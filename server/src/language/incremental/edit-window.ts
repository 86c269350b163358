/**
 * What an edit changed (the one range where the old and the new text differ) and the window of
 * syntax around it that the incremental parser (incremental-parse.ts) parses again.
 */
import type { CompositeCstNode } from 'langium';
import type { TextEdit } from './tree-splice.js';

export interface Edit extends TextEdit {
    oldText: string;
}

/** A window: `container.content[from, to)` covers old text [start, end); the nodes there are syntax of `kind`. */
export interface Window {
    container: CompositeCstNode;
    from: number;
    to: number;
    start: number;
    end: number;
}

/** Characters compared at once (native string comparison) before the character-wise search. */
const BLOCK = 1024;

export function diff(oldText: string, newText: string): Edit {
    const max = Math.min(oldText.length, newText.length);
    let start = 0;
    while (start + BLOCK <= max && oldText.substring(start, start + BLOCK) === newText.substring(start, start + BLOCK)) start += BLOCK;
    while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    let suffix = 0;
    const room = max - start;
    while (
        suffix + BLOCK <= room &&
        oldText.substring(oldText.length - suffix - BLOCK, oldText.length - suffix) ===
            newText.substring(newText.length - suffix - BLOCK, newText.length - suffix)
    )
        suffix += BLOCK;
    while (suffix < room && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
    const oldEnd = oldText.length - suffix;
    const newEnd = newText.length - suffix;
    const breaks = /[\r\n]/;
    return {
        oldText,
        newText,
        start,
        oldEnd,
        newEnd,
        delta: newText.length - oldText.length,
        linesMoved: breaks.test(oldText.slice(start, oldEnd)) || breaks.test(newText.slice(start, newEnd)),
    };
}

/** A place where the window may start or end: `container.content[index]`, which starts at `offset`. */
export interface Anchor {
    index: number;
    offset: number;
}

/** The window of `container.content` around the edit: from the last anchor before it to the first after. */
export function windowIn(container: CompositeCstNode, anchors: Anchor[], edit: Edit, textEnd: number): Window | undefined {
    let first: Anchor | undefined;
    for (const anchor of anchors) {
        // the text's start is a start for an edit there too; another anchor's first character must be unchanged
        if (anchor.offset < edit.start || anchor.offset === 0) first = anchor;
        else break;
    }
    if (!first) return undefined;
    const next = anchors.find(anchor => anchor.offset > first!.offset && anchor.offset > edit.oldEnd);
    return next === undefined
        ? { container, from: first.index, to: container.content.length, start: first.offset, end: textEnd }
        : { container, from: first.index, to: next.index, start: first.offset, end: next.offset };
}
