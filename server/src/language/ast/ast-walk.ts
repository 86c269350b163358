/**
 * Walking the AST in the order of Langium's `streamAst` and `streamReferences` (pre-order, the
 * properties in their order, list items in theirs), without their stream objects: linking,
 * indexing references and validation walk every node of a document on every edit, and Langium's
 * iterators (objects and closures per node and per property) cost as much as the work done.
 */
import { isAstNode, isReference, type AstNode, type Reference, type ReferenceInfo } from 'langium';

type Indexable = AstNode & Record<string, unknown>;

/** Calls `visit` for `root` and every node below it; `visit` returning false skips a node's children. */
export function forEachNode(root: AstNode, visit: (node: AstNode) => boolean | void): void {
    if (visit(root) === false) return;
    const node = root as Indexable;
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = node[property];
        if (Array.isArray(value)) {
            for (const item of value) if (isAstNode(item)) forEachNode(item, visit);
        } else if (isAstNode(value)) {
            forEachNode(value, visit);
        }
    }
}

const allNodes = new WeakMap<AstNode, readonly AstNode[]>();

/**
 * Every node of the document whose root is `root`, in the walk's order. Linking, indexing and
 * validation of one build walk the same tree (a parse gives a new root): walked once, kept with the root.
 */
export function nodesOf(root: AstNode): readonly AstNode[] {
    let nodes = allNodes.get(root);
    if (!nodes) {
        const list: AstNode[] = [];
        forEachNode(root, node => {
            list.push(node);
        });
        allNodes.set(root, (nodes = list));
    }
    return nodes;
}

/** Calls `visit` for each (single) reference held by `node` itself, as `streamReferences` gives them. */
export function forEachReference(container: AstNode, visit: (info: ReferenceInfo & { reference: Reference }) => void): void {
    const node = container as Indexable;
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = node[property];
        if (isReference(value)) {
            visit({ reference: value, container, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReference(item)) visit({ reference: item, container, property, index });
            }
        }
    }
}
