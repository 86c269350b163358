/**
 * Leaves of the syntax tree that cost a quarter of Langium's. Langium keeps, for every token, a
 * leaf with its range as three objects (a range and two positions) whose numbers V8 boxes
 * (Chevrotain's tokens start with NaN placeholders, so the fields hold doubles): 270 bytes a
 * token, a third of the heap of a loaded workspace. Here a leaf keeps its offset and length as
 * small integers and computes its range when asked, from the line starts of its text (computed
 * once per text, on the first request). Ranges are the same as Chevrotain's: lines end at
 * `\n`, `\r\n` or `\r`, columns count UTF-16 code units.
 */
import type { IToken, TokenType } from 'chevrotain';
import { AstUtils, CstNodeBuilder, type AstNode, type CompositeCstNode, type CstNode, type GrammarAST, type LeafCstNode, type RootCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';
import { mutableComposite, rootInternals } from '../langium-internals.js';
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

/** The position of `offset` in the text of `root`. */
export function positionIn(root: RootCstNode, offset: number): Position {
    let starts = lineStartsOf.get(root);
    if (!starts) {
        starts = lineStarts(root.fullText);
        lineStartsOf.set(root, starts);
    }
    const line = lineOf(starts, offset);
    return { line, character: offset - starts[line]! };
}

/**
 * A token of the grammar (not a comment): it never holds a line break, so its range is on one
 * line. Five fields (80 bytes of Langium's leaf and 200 of its range become 64): the root is its
 * container's, and a leaf is never given an AST node of its own by the parser.
 */
export class LeanLeafCstNode implements LeafCstNode {
    container?: CompositeCstNode = undefined;
    /** The token's place in the grammar; a value's rule call when it stands for its rule's node (see `putValueLeafInPlace`). */
    grammarSource?: GrammarAST.AbstractElement;
    private start: number;
    private readonly size: number;
    private readonly type: TokenType;

    constructor(start: number, size: number, type: TokenType, grammarSource: GrammarAST.AbstractElement | undefined) {
        this.grammarSource = grammarSource;
        this.start = start | 0;
        this.size = size | 0;
        this.type = type;
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
        return this.type;
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

/**
 * For a one-shot check (the CLI's check, export, sandbox, report; contract 5): a value
 * rule (a data-type rule: a name, a number, a role word, a reference's name) that matched one
 * token keeps that token's leaf in its node's place — the leaf takes the rule call as its grammar
 * source — instead of a composite node holding one leaf: 69,000 of the 103,000 composite nodes
 * of the benchmark's workspace, 120 bytes each and three allocations. What the checks, the export
 * and the messages read of the tree is unchanged: a property's node (`nodesForProperty`, Langium's
 * `findNodeForProperty`) has the same grammar source, text and range, and a node's range, offset
 * and text are its tokens'. The editor keeps Langium's tree (its completion, semantic tokens and
 * incremental parse read a leaf's own grammar source). Called by the one-shot builder after
 * Langium's own `construct` (acct-parser.ts).
 */
export function putValueLeafInPlace(node: CompositeCstNode | undefined, item: { $type?: unknown }): void {
    const content = node?.content;
    const only = content?.length === 1 ? content[0] : undefined;
    const container = node?.container;
    // A value rule's node is Langium's data-type node, whose type is a symbol, not a name.
    if (!(only instanceof LeanLeafCstNode) || typeof item.$type !== 'symbol' || !container) return;
    const siblings = mutableComposite(container).content;
    // the node was just built: its container's last child
    const index = siblings.lastIndexOf(node as CstNode);
    if (index < 0) return;
    siblings[index] = only;
    only.container = container;
    only.grammarSource = node!.grammarSource;
    // the node keeps its container, so that the parser (and a reference built with it, see
    // ast/cst-search.ts valueLeafOf) still reads its range and text until it is dropped
}

/** The one empty list of a plan parsed once (`shareEmptyLists`): frozen, so that a change to it fails loudly. */
const NO_ITEMS: readonly never[] = Object.freeze([]);

/**
 * For a one-shot check: every empty list of the AST (Langium gives each node an array for each
 * list property of its type, most of them empty: a contact's `kpis`, `pains`, `influences`,
 * `competitorSupport`, `waivers`) becomes one shared, frozen empty array — 32 bytes a list,
 * 70,000 lists of the benchmark's workspace. Called once the parse is done (acct-parser.ts): the
 * parser fills its lists while it builds them; nothing changes an AST's lists afterwards.
 */
export function shareEmptyLists(root: AstNode): void {
    for (const node of AstUtils.streamAst(root)) {
        const fields = node as unknown as Record<string, unknown>;
        for (const key in fields) {
            const value = fields[key];
            if (Array.isArray(value) && value.length === 0 && key.charCodeAt(0) !== 36 /* $ */) fields[key] = NO_ITEMS;
        }
    }
}
