/**
 * Leaves of the syntax tree that cost a quarter of Langium's. Langium keeps, for every token, a
 * leaf with its range as three objects (a range and two positions) whose numbers V8 boxes
 * (Chevrotain's tokens start with NaN placeholders, so the fields hold doubles): 270 bytes a
 * token, a third of the heap of a loaded workspace. Here a leaf keeps its offset and length as
 * small integers and computes its range when asked, from the line starts of its text (computed
 * once per text, on the first request). Ranges are the same as Chevrotain's: lines end at
 * `\n`, `\r\n` or `\r`, columns count UTF-16 code units. The one-shot tree's parts: one-shot-tree.ts.
 */
import type { IToken, TokenType } from 'chevrotain';
import { CstNodeBuilder, GrammarAST, type AstNode, type CompositeCstNode, type LeafCstNode, type RootCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';
import { rootInternals } from '../langium-internals.js';
import { lineOfOffset as lineOf, lineStarts, lowerBound, startsLine } from '../text/text-scan.js';

const lineStartsOf = new WeakMap<RootCstNode, Uint32Array>();

/**
 * Gives `root` (Langium's root node, which keeps its text in `_text`) a new text. After an edit
 * that changed old `[start, oldEnd)` into new `[start, newEnd)`, the line starts are derived from
 * the old ones: whether a line starts at `s` depends on the characters at `s - 1` and `s` only.
 */
export function retext(root: RootCstNode, text: string, edit?: { start: number; oldEnd: number; newEnd: number }): void {
    const old = lineStartsOf.get(root);
    rootInternals(root)._text = text;
    lineStartsOf.delete(root);
    if (!old || !edit) return;
    const delta = edit.newEnd - edit.oldEnd;
    const head = lowerBound(old, Math.max(1, edit.start));
    const tail = lowerBound(old, edit.oldEnd + 1);
    const middle: number[] = [];
    for (let s = Math.max(1, edit.start); s <= edit.newEnd && s <= text.length; s++) if (startsLine(text, s)) middle.push(s);
    const starts = new Uint32Array(head + middle.length + old.length - tail);
    starts.set(old.subarray(0, head));
    starts.set(middle, head);
    for (let i = tail, j = head + middle.length; i < old.length; i++, j++) starts[j] = old[i]! + delta;
    lineStartsOf.set(root, starts);
}

/** The line starts of the text of `root` (computed once per text, on the first request). */
export function lineStartsIn(root: RootCstNode): Uint32Array {
    let starts = lineStartsOf.get(root);
    if (!starts) {
        starts = lineStarts(root.fullText);
        lineStartsOf.set(root, starts);
    }
    return starts;
}

/** `root`'s text has these line starts (the lexer's, computed as it lexed the text): not computed again. */
export function giveLineStarts(root: RootCstNode, starts: Uint32Array): void {
    if (!lineStartsOf.has(root)) lineStartsOf.set(root, starts);
}

/** The position of `offset` in the text of `root`. */
export function positionIn(root: RootCstNode, offset: number): Position {
    const starts = lineStartsIn(root);
    const line = lineOf(starts, offset);
    return { line, character: offset - starts[line]! };
}

/**
 * A token of the grammar (not a comment): it never holds a line break, so its range is on one
 * line. Four fields (80 bytes of Langium's leaf and 200 of its range become 56): the root is its
 * container's, a leaf is never given an AST node of its own by the parser, and its grammar source
 * and token type are one shared pair (`LeafKind`: a few hundred in a grammar).
 */
export class LeanLeafCstNode implements LeafCstNode {
    container?: CompositeCstNode = undefined;
    private kind: LeafKind;
    private start: number;
    private readonly size: number;

    constructor(start: number, size: number, type: TokenType, grammarSource: GrammarAST.AbstractElement | undefined) {
        this.kind = leafKind(grammarSource, type);
        this.start = start | 0;
        this.size = size | 0;
    }

    /** The token's place in the grammar; a value's rule call when it stands for its rule's node (see `putValueLeafInPlace`). */
    get grammarSource(): GrammarAST.AbstractElement | undefined {
        return this.kind.grammarSource;
    }
    set grammarSource(source: GrammarAST.AbstractElement | undefined) {
        this.kind = leafKind(source, this.kind.type);
    }

    get root(): RootCstNode {
        return this.container!.root;
    }

    /** Moves the leaf by `delta` characters (an edit before it, see incremental/tree-splice.ts). */
    moveBy(delta: number): void {
        this.start = (this.start + delta) | 0;
    }

    get offset(): number {
        return this.start;
    }
    get length(): number {
        return this.size;
    }
    get end(): number {
        return this.start + this.size;
    }
    get tokenType(): TokenType {
        return this.kind.type;
    }
    get hidden(): boolean {
        return this.grammarSource === undefined;
    }
    get text(): string {
        return this.root.fullText.substring(this.start, this.start + this.size);
    }

    get range(): Range {
        const start = positionIn(this.root, this.start);
        return { start, end: { line: start.line, character: start.character + this.size } };
    }

    get astNode(): AstNode {
        const node = this.container?.astNode;
        if (!node) throw new Error('This node has no associated AST element');
        return node;
    }
}

/** A leaf's grammar source and token type, one object for every leaf of the same pair. */
interface LeafKind {
    readonly grammarSource: GrammarAST.AbstractElement | undefined;
    readonly type: TokenType;
}

const leafKinds = new WeakMap<TokenType, Map<GrammarAST.AbstractElement | undefined, LeafKind>>();

function leafKind(grammarSource: GrammarAST.AbstractElement | undefined, type: TokenType): LeafKind {
    let bySource = leafKinds.get(type);
    if (!bySource) leafKinds.set(type, (bySource = new Map()));
    let kind = bySource.get(grammarSource);
    if (!kind) bySource.set(grammarSource, (kind = { grammarSource, type }));
    return kind;
}

/** Langium's CST builder making lean leaves for the tokens of the grammar (hidden ones, comments, stay Langium's). */
export class LeanCstNodeBuilder extends CstNodeBuilder {
    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const leaf = new LeanLeafCstNode(token.startOffset, token.image.length, token.tokenType, feature);
        const current = this.current;
        leaf.container = current;
        current.content.push(leaf);
        return leaf;
    }
}
