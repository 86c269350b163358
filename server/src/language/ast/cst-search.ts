/**
 * Finding the syntax of a property in a node's CST, as Langium's `GrammarUtils.findNodeForProperty`
 * does (same nodes, same order), for the hundreds of findings a large plan gets per check:
 * Langium looks up the grammar assignment of every node it passes (climbing the grammar) and
 * builds an array per level; the assignment of a grammar element is looked up once here.
 */
import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';

const assignedBy = new WeakMap<GrammarAST.AbstractElement, string | null>();

/** The property a grammar element assigns (the feature of the assignment that contains it). */
export function assignedProperty(element: GrammarAST.AbstractElement | undefined): string | undefined {
    if (!element) return undefined;
    let property = assignedBy.get(element);
    if (property === undefined) {
        property = AstUtils.getContainerOfType(element, GrammarAST.isAssignment)?.feature ?? null;
        assignedBy.set(element, property);
    }
    return property ?? undefined;
}

/** The CST nodes of `node` (not of nested AST nodes) that give `property` a value, in text order. */
export function nodesForProperty(node: CstNode | undefined, property: string | undefined): CstNode[] {
    const found: CstNode[] = [];
    if (!node || !property) return found;
    const element: AstNode | undefined = node.astNode;
    const visit = (current: CstNode, first: boolean): void => {
        if (!first && assignedProperty(current.grammarSource) === property) {
            found.push(current);
        } else if (isCompositeCstNode(current) && current.astNode === element) {
            for (const child of current.content) visit(child, false);
        }
    };
    visit(node, true);
    return found;
}

/** The `index`-th of those nodes (the first without an index; the last past the end). */
export function nodeForProperty(node: CstNode | undefined, property: string | undefined, index?: number): CstNode | undefined {
    const nodes = nodesForProperty(node, property);
    if (nodes.length === 0) return undefined;
    return nodes[index === undefined ? 0 : Math.max(0, Math.min(index, nodes.length - 1))];
}

/**
 * The leaf that stands for `node` in the tree when the one-shot parser put a value rule's single
 * leaf in its node's place (parser/lean-cst.ts `putValueLeafInPlace`: the node still holds the leaf,
 * which no longer has it as its container); otherwise `node` itself. Same grammar source, text and
 * range: a reference keeps the leaf, and the node is dropped.
 */
export function valueLeafOf(node: CstNode): CstNode {
    if (isCompositeCstNode(node) && node.content.length === 1) {
        const only = node.content[0]!;
        if (!isCompositeCstNode(only) && only.container !== node) return only;
    }
    return node;
}
