/**
 * Finding the syntax of a property in a node's CST, as Langium's `GrammarUtils.findNodeForProperty`
 * does (same nodes, same order), for the hundreds of findings a large plan gets per check:
 * Langium looks up the grammar assignment of every node it passes (climbing the grammar) and
 * builds an array per level; the assignment of a grammar element is looked up once here.
 */
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode, type LeafCstNode, type RootCstNode } from 'langium';

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
    // the first: found without a list and a closure (a megabyte of duplicate ids asks 60,000 times)
    if (index === undefined || index <= 0) return node && property ? firstForProperty(node, property, node.astNode, true) : undefined;
    const nodes = nodesForProperty(node, property);
    if (nodes.length === 0) return undefined;
    return nodes[index === undefined ? 0 : Math.max(0, Math.min(index, nodes.length - 1))];
}

/** The first of `nodesForProperty`, in the same order (depth first). */
function firstForProperty(current: CstNode, property: string, element: AstNode | undefined, first: boolean): CstNode | undefined {
    if (!first && assignedProperty(current.grammarSource) === property) return current;
    if (isCompositeCstNode(current) && current.astNode === element) {
        for (const child of current.content) {
            const found = firstForProperty(child, property, element, false);
            if (found) return found;
        }
    }
    return undefined;
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

/**
 * The keywords and punctuation that a one-shot tree keeps in a table instead of as leaves
 * (parser/lean-cst.ts `OneShotKeywords`): each is made a leaf when asked, in the node it belongs to.
 */
export interface DroppedKeywords {
    /** The dropped keyword that covers `offset`, if any. */
    leafAt(root: RootCstNode, offset: number): LeafCstNode | undefined;
    /** The dropped keywords in `[start, end)`, in text order. */
    leavesIn(root: RootCstNode, start: number, end: number): LeafCstNode[];
}

const droppedKeywords = new WeakMap<RootCstNode, DroppedKeywords>();

/** Called by the one-shot parser once a tree is built. */
export function keepDroppedKeywords(root: RootCstNode, table: DroppedKeywords): void {
    droppedKeywords.set(root, table);
}

/** Langium's `CstUtils.findLeafNodeAtOffset`, also in a one-shot tree (a keyword there is a leaf when asked). */
export function leafAtOffset(node: CstNode, offset: number): LeafCstNode | undefined {
    const root = node.root;
    return CstUtils.findLeafNodeAtOffset(node, offset) ?? droppedKeywords.get(root)?.leafAt(root, offset);
}

/** Langium's `GrammarUtils.findNodeForKeyword` (the same node, the same index rule), also in a one-shot tree. */
export function nodeForKeyword(node: CstNode | undefined, keyword: string, index?: number): CstNode | undefined {
    if (!node) return undefined;
    const table = droppedKeywords.get(node.root);
    if (!table) return GrammarUtils.findNodeForKeyword(node, keyword, index);
    const element = node.astNode;
    const nodes: CstNode[] = [];
    // Langium's walk (the node's own syntax, not nested AST nodes), where a value leaf (a value
    // rule's single token in its node's place) is the keyword it was written as
    const walk = CstUtils.streamCst(node).iterator();
    for (let next = walk.next(); !next.done; next = walk.next()) {
        const child = next.value;
        if (child.astNode !== element) walk.prune();
        else if (isCompositeCstNode(child)) continue;
        else if (
            GrammarAST.isKeyword(child.grammarSource)
                ? child.grammarSource.value === keyword
                : child.text === keyword && mayBeKeyword(child.grammarSource, keyword)
        )
            nodes.push(child);
    }
    for (const leaf of table.leavesIn(node.root, node.offset, node.end)) {
        if (GrammarAST.isKeyword(leaf.grammarSource) && leaf.grammarSource.value === keyword && leaf.astNode === element) nodes.push(leaf);
    }
    if (nodes.length === 0) return undefined;
    nodes.sort((a, b) => a.offset - b.offset);
    return nodes[index === undefined ? 0 : Math.max(0, Math.min(index, nodes.length - 1))];
}

const keywordsOfRule = new WeakMap<GrammarAST.AbstractRule, Set<string>>();

/** Whether a value leaf's rule call (`Stage`, `Code`) can be written as `keyword`: a value rule with that keyword, through the value rules it calls. */
function mayBeKeyword(source: GrammarAST.AbstractElement | undefined, keyword: string): boolean {
    const rule = GrammarAST.isRuleCall(source) ? source.rule.ref : undefined;
    return GrammarAST.isParserRule(rule) && GrammarUtils.isDataTypeRule(rule) && keywordsOf(rule).has(keyword);
}

function keywordsOf(rule: GrammarAST.AbstractRule, seen = new Set<GrammarAST.AbstractRule>()): Set<string> {
    let keywords = keywordsOfRule.get(rule);
    if (keywords) return keywords;
    keywords = new Set();
    seen.add(rule);
    for (const element of AstUtils.streamAllContents(rule)) {
        if (GrammarAST.isKeyword(element)) keywords.add(element.value);
        const called = GrammarAST.isRuleCall(element) ? element.rule.ref : undefined;
        if (called && !seen.has(called) && GrammarAST.isParserRule(called)) for (const keyword of keywordsOf(called, seen)) keywords.add(keyword);
    }
    keywordsOfRule.set(rule, keywords);
    return keywords;
}
