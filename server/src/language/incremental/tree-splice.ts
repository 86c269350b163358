/**
 * Putting a re-parsed window into the syntax tree of a document: its nodes replace the old ones,
 * the nodes after it move by the change of length (offsets; the ranges of comments, which
 * Langium stores; the ranges composite nodes cache), and every node gets the document's root.
 * The AST gets a new root, and a new customer when the window is inside one: caches keyed by
 * these nodes (scopes of contacts, anchors of completion) see the change.
 */
import {
    isAstNode,
    isCompositeCstNode,
    isReference,
    LeafCstNodeImpl,
    type AstNode,
    type AstReflection,
    type CompositeCstNode,
    type CstNode,
    type Linker,
    type RootCstNode,
} from 'langium';
import { assignedProperty } from '../ast/cst-search.js';
import { compositeInternals, mutableComposite, mutableNode } from '../langium-internals.js';
import { LeanLeafCstNode, positionIn, retext } from '../parser/lean-cst.js';

/** The edit of the text, as incremental-parse.ts computed it. */
export interface TextEdit {
    newText: string;
    start: number;
    oldEnd: number;
    newEnd: number;
    delta: number;
    /** The changed text held or holds a line break. */
    linesMoved: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableNode = Mutable<AstNode> & Record<string, unknown>;

/** `node` and everything in it moved by `delta` characters in the new text of `root`: the node itself, or its replacement. */
function shift(node: CstNode, delta: number, root: RootCstNode): CstNode {
    if (node instanceof LeanLeafCstNode) {
        node.moveBy(delta);
        return node;
    }
    if (isCompositeCstNode(node)) {
        compositeInternals(node)._rangeCache = undefined;
        const content = mutableComposite(node).content;
        for (let i = 0; i < content.length; i++) content[i] = shift(content[i]!, delta, root);
        return node;
    }
    if (!(node instanceof LeafCstNodeImpl)) throw new Error('acct: unknown kind of CST leaf');
    // a comment: Langium's leaf (its position fields are private), made again at its new place
    const offset = node.offset + delta;
    const start = positionIn(root, offset);
    const end = positionIn(root, offset + node.length);
    const moved = new LeafCstNodeImpl(offset, node.length, start.line, start.character, end.line, end.character, node.tokenType, node.hidden);
    moved.grammarSource = node.grammarSource;
    mutableNode(moved).container = node.container;
    return moved;
}

/**
 * Replaces `container.content[from, to)` by `nodes`, moves what follows in the tree by the
 * edit's change of length (and to other lines when it broke lines), and gives the root the new
 * text. Composite nodes around the window forget their cached range.
 */
export function spliceCst(root: RootCstNode, container: CompositeCstNode, from: number, to: number, nodes: CstNode[], edit: TextEdit): void {
    const { delta, newText: text, linesMoved } = edit;
    retext(root, text, edit);
    // not splice(from, n, ...nodes): a pasted window of 200,000 nodes is more arguments than a call takes
    const content = mutableComposite(container).content;
    const tail = content.splice(from, content.length - from).slice(to - from);
    // each node gets its container, and with it the document's root (the window was parsed under another)
    for (const node of nodes) {
        mutableNode(node).container = container;
        content.push(node);
    }
    for (const node of tail) content.push(node);
    // Nothing after the window moves when the edit kept the length and broke no line (a digit changed).
    const move = delta !== 0 || linesMoved;
    let parent: CompositeCstNode | undefined = container;
    let after = from + nodes.length;
    while (parent) {
        compositeInternals(parent)._rangeCache = undefined;
        if (move) {
            const siblings = mutableComposite(parent).content;
            for (let i = after; i < siblings.length; i++) siblings[i] = shift(siblings[i]!, delta, root);
        }
        const above: CompositeCstNode | undefined = parent.container;
        if (above) after = above.content.indexOf(parent) + 1;
        parent = above;
    }
}

/** Points the composite nodes of `from`'s CST that name it as their AST node to `to`. */
export function repointCst(start: CstNode | undefined, from: AstNode, to: AstNode): void {
    const visit = (node: CstNode) => {
        const internals = compositeInternals(node);
        if (internals._astNode === from) internals._astNode = to;
        if (isCompositeCstNode(node))
            for (const child of node.content) if (isCompositeCstNode(child) && compositeInternals(child)._astNode === from) visit(child);
    };
    if (start) visit(start);
}

/**
 * Where `property` is first written in `node`'s text (undefined: not written, a default): a list's
 * first item; a single value's first writing, which a later one may have overwritten. `written`
 * gives the first writing of each property (firstWritings), worked out once per node.
 */
function firstOffset(node: MutableNode, property: string, written: () => Map<string, number>): number | undefined {
    const value = node[property];
    if (Array.isArray(value)) {
        const first: unknown = value[0];
        return isAstNode(first) ? first.$cstNode?.offset : isReference(first) ? first.$refNode?.offset : written().get(property);
    }
    return value === undefined ? undefined : written().get(property);
}

/**
 * The offset of each property's first writing in `node`'s CST: what `nodeForProperty(cst, property)?.offset`
 * gives for every property, in one walk (a customer's CST has a child per element, and one walk
 * per property made a walk of the whole customer for each of its single values at each edit).
 */
function firstWritings(cst: CstNode | undefined): Map<string, number> {
    const found = new Map<string, number>();
    if (!cst) return found;
    const element = cst.astNode;
    const visit = (current: CstNode, first: boolean): void => {
        const property = first ? undefined : assignedProperty(current.grammarSource);
        if (property !== undefined && !found.has(property)) found.set(property, current.offset);
        // a node that writes one property is looked into for the others (nodesForProperty does the same per property)
        if (isCompositeCstNode(current) && current.astNode === element) for (const child of current.content) visit(child, false);
    };
    visit(cst, true);
    return found;
}

/**
 * `node`'s properties in the order a parse gives them: `$type`, the properties in the order the
 * text writes them, `$cstNode`, the defaults of what is not written (in the order of the type's
 * metadata), then the rest. A node's key order is its children's order in Langium's walks (the
 * outline, the order of findings): a contact moved before the first activity puts `contacts` first.
 */
function inParseOrder(node: MutableNode, reflection: AstReflection): MutableNode {
    const written: Array<[string, number]> = [];
    const unwritten = new Set<string>();
    let writings: Map<string, number> | undefined;
    const firsts = () => (writings ??= firstWritings(node.$cstNode));
    for (const key of Object.keys(node)) {
        if (key.startsWith('$')) continue;
        const at = firstOffset(node, key, firsts);
        if (at === undefined) unwritten.add(key);
        else written.push([key, at]);
    }
    written.sort((a, b) => a[1] - b[1]);
    const ordered = { $type: node.$type } as MutableNode;
    for (const [key] of written) ordered[key] = node[key];
    if ('$cstNode' in node) ordered.$cstNode = node.$cstNode;
    for (const property of Object.values(reflection.getTypeMetaData(node.$type).properties)) {
        if (unwritten.delete(property.name)) ordered[property.name] = node[property.name];
    }
    for (const key of unwritten) ordered[key] = node[key];
    for (const key of Object.keys(node)) if (!(key in ordered)) ordered[key] = node[key];
    return ordered;
}

/**
 * A copy of `node` with `changes`, its properties in the order a parse of the new text gives,
 * whose children are re-attached to it and whose own references are built again for it (a
 * reference knows the node that holds it).
 */
export function copyNode<T extends AstNode>(node: T, linker: Linker, reflection: AstReflection, changes: Partial<Record<string, unknown>> = {}): T {
    const copy = inParseOrder({ ...node, ...changes } as unknown as MutableNode, reflection);
    for (const [property, value] of Object.entries(copy)) {
        if (property.startsWith('$')) continue;
        if (isReference(value)) {
            copy[property] = linker.buildReference(copy, property, value.$refNode, value.$refText);
        } else if (Array.isArray(value)) {
            value.forEach((item, index) => {
                if (isReference(item)) throw new Error('acct: a list of references on a re-parsed container');
                if (isAstNode(item)) attach(item, copy, property, index);
            });
        } else if (isAstNode(value)) {
            (value as MutableNode).$container = copy;
        }
    }
    repointCst(node.$cstNode, node, copy as unknown as AstNode);
    return copy as unknown as T;
}

/** Makes `child` the `index`-th item of `container[property]`. */
export function attach(child: AstNode, container: AstNode, property: string, index: number): void {
    const node = child as MutableNode;
    node.$container = container;
    node.$containerProperty = property;
    node.$containerIndex = index;
}

/**
 * Keeps `old` (a member or competitor other files refer to) for the re-parsed `fresh` with the same
 * type and id: it takes `fresh`'s properties and syntax node, so references to it stay valid.
 */
export function keepIdentity(old: AstNode, fresh: AstNode): AstNode {
    const target = old as MutableNode;
    const placement = new Set(['$container', '$containerIndex', '$containerProperty', '$document']);
    for (const property of Object.keys(target)) {
        if (!placement.has(property) && !(property in fresh)) delete target[property];
    }
    for (const [property, value] of Object.entries(fresh)) {
        if (!placement.has(property)) target[property] = value;
    }
    repointCst(fresh.$cstNode, fresh, old);
    return old;
}
