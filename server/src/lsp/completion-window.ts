/**
 * Completion in large files. Langium's completion provider lexes the whole text for every
 * request and parses the text from the start of the file up to the cursor, two or three times:
 * in a 10k-line plan that is 60-250 ms per request, growing with the cursor's line. The parser
 * state at the start of a top-level declaration, and at the start of a contact, opportunity or
 * activity inside a customer, is always the same (the head of a `( ... )*` loop), so parsing
 * can start there instead: from the enclosing declaration, or from the customer's header
 * `customer id "name" {` followed directly by the enclosing contact/opportunity/activity.
 * Lexing is limited the same way, to the elements around the cursor.
 *
 * The shortcut is taken only when it gives the same result as the full parse: the document's
 * syntax tree matches the text, and the part of the file that is skipped parsed without errors.
 * Otherwise Langium's own path runs unchanged.
 */
import { GrammarUtils, type LangiumDocument, type TextDocument as LangiumTextDocument } from 'langium';
import type { CompletionBacktrackingInformation, DefaultCompletionProvider, NextFeature } from 'langium/lsp';
import type { Position } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isCustomer, type Customer, type Workspace } from '../language/generated/ast.js';

/** Where parsing may restart: a top-level declaration, or an element of a customer (with the customer's header). */
interface Anchor {
    offset: number;
    /** For an element of a customer: the header `customer id "name" {` as [start, end). */
    header?: [number, number];
}

interface Anchors {
    /** Sorted by offset. */
    declarations: Anchor[];
    customers: Map<number, { customer: Customer; elements: Anchor[] }>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CompletionProviderClass = new (...args: any[]) => DefaultCompletionProvider;

export function withWindowedCompletion<T extends CompletionProviderClass>(Base: T) {
    class WindowedCompletionProvider extends Base {
        /** The document whose contexts are being built (set only while `buildContexts` runs synchronously). */
        private active: LangiumDocument | undefined;
        private readonly anchorCache = new WeakMap<Workspace, Anchors>();

        protected override *buildContexts(document: LangiumDocument, position: Position) {
            const contexts = super.buildContexts(document, position);
            while (true) {
                this.active = document;
                let next;
                try {
                    next = contexts.next();
                } finally {
                    this.active = undefined;
                }
                if (next.done) return;
                yield next.value;
            }
        }

        protected override findFeaturesAt(document: LangiumTextDocument, offset: number): NextFeature[] {
            const text = document.getText();
            const anchors = this.anchorsFor(text);
            if (anchors) {
                const anchor = this.lastAnchor(anchors, offset);
                if (anchor && this.parsedCleanlyBefore(anchor.offset)) {
                    const prefix = (anchor.header ? text.slice(anchor.header[0], anchor.header[1]) + '\n' : '') + text.slice(anchor.offset, offset);
                    const shortened = TextDocument.create(document.uri, document.languageId, document.version, prefix);
                    return super.findFeaturesAt(shortened, prefix.length);
                }
            }
            return super.findFeaturesAt(document, offset);
        }

        protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
            const anchors = this.anchorsFor(text);
            if (anchors) {
                // From the anchor before the last one that starts before the cursor, so that the token
                // before the cursor is inside the window, to the first anchor after the cursor.
                const all = this.anchorList(anchors, offset);
                let last = -1;
                while (last + 1 < all.length && all[last + 1] < offset) last++;
                if (last >= 1) {
                    const start = all[last - 1];
                    const end = last + 1 < all.length ? all[last + 1] : text.length;
                    const found = super.backtrackToAnyToken(text.slice(start, end), offset - start);
                    const shift = (value: number | undefined) => (value === undefined ? undefined : value + start);
                    return {
                        nextTokenStart: found.nextTokenStart + start,
                        nextTokenEnd: found.nextTokenEnd + start,
                        previousTokenStart: shift(found.previousTokenStart),
                        previousTokenEnd: shift(found.previousTokenEnd),
                    };
                }
            }
            return super.backtrackToAnyToken(text, offset);
        }

        /** The anchors of the active document, if its syntax tree was built from exactly this text. */
        private anchorsFor(text: string): Anchors | undefined {
            const document = this.active;
            const root = document?.parseResult?.value as Workspace | undefined;
            if (!root?.$cstNode || root.$cstNode.root.fullText !== text || !Array.isArray(root.declarations)) {
                return undefined;
            }
            let anchors = this.anchorCache.get(root);
            if (!anchors) {
                anchors = { declarations: [], customers: new Map() };
                for (const declaration of root.declarations) {
                    const start = declaration.$cstNode?.offset;
                    if (start === undefined || !Number.isFinite(start)) continue;
                    anchors.declarations.push({ offset: start });
                    if (isCustomer(declaration)) anchors.customers.set(start, { customer: declaration, elements: [] });
                }
                anchors.declarations.sort((a, b) => a.offset - b.offset);
                this.anchorCache.set(root, anchors);
            }
            return anchors;
        }

        /** Anchors inside a customer, computed on first use. */
        private elementsOf(entry: { customer: Customer; elements: Anchor[] }): Anchor[] {
            if (entry.elements.length === 0) {
                const customer = entry.customer;
                const brace = GrammarUtils.findNodeForKeyword(customer.$cstNode, '{');
                const start = customer.$cstNode!.offset;
                if (!brace) return entry.elements;
                const header: [number, number] = [start, brace.end];
                entry.elements = [...customer.contacts, ...customer.opportunities, ...customer.activities]
                    .map(element => element.$cstNode?.offset)
                    .filter((offset): offset is number => offset !== undefined && Number.isFinite(offset) && offset >= brace.end)
                    .sort((a, b) => a - b)
                    .map(offset => ({ offset, header }));
            }
            return entry.elements;
        }

        /** The last anchor at or before `offset`. */
        private lastAnchor(anchors: Anchors, offset: number): Anchor | undefined {
            const before = (anchor: Anchor) => anchor.offset <= offset;
            const declaration = findLast(anchors.declarations, before);
            if (!declaration) return undefined;
            const customer = anchors.customers.get(declaration.offset);
            const element = customer ? findLast(this.elementsOf(customer), before) : undefined;
            return element ?? declaration;
        }

        /**
         * Offsets of the anchors around `offset`, sorted: every declaration and, inside the customer
         * that holds `offset`, its elements (they all lie between that customer's start and the next declaration).
         */
        private anchorList(anchors: Anchors, offset: number): number[] {
            const offsets = anchors.declarations.map(anchor => anchor.offset);
            const declaration = findLast(anchors.declarations, anchor => anchor.offset <= offset);
            const customer = declaration ? anchors.customers.get(declaration.offset) : undefined;
            if (!customer) return offsets;
            const index = offsets.indexOf(declaration!.offset);
            // no spread: a customer of 200,000 contacts is more arguments than a call takes
            return offsets.slice(0, index + 1).concat(
                this.elementsOf(customer).map(anchor => anchor.offset),
                offsets.slice(index + 1),
            );
        }

        /** No lexer or parser error before `offset` in the active document (an error at the end of the file has no offset). */
        private parsedCleanlyBefore(offset: number): boolean {
            const result = this.active!.parseResult;
            const at = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? Infinity : value);
            return result.lexerErrors.every(error => at(error.offset) >= offset) && result.parserErrors.every(error => at(error.token.startOffset) >= offset);
        }
    }
    return WindowedCompletionProvider;
}

/** The last item satisfying `test` in an array sorted so that `test` holds for a prefix. */
function findLast<T>(items: T[], test: (item: T) => boolean): T | undefined {
    let low = 0;
    let high = items.length;
    while (low < high) {
        const mid = (low + high) >> 1;
        if (test(items[mid])) low = mid + 1;
        else high = mid;
    }
    return low > 0 ? items[low - 1] : undefined;
}
