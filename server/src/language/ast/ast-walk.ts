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
 * A customer's contact, opportunity or activity: its subtree never changes once parsed (an edit
 * re-parses an element as a new node, and leaves the others as they are), so that its nodes and
 * references are walked once, not at every edit of its document.
 */
function isElement(node: AstNode): boolean {
    const type = node.$type;
    return (type === 'Contact' || type === 'Opportunity' || type === 'Activity') && node.$container?.$type === 'Customer';
}

const elementNodes = new WeakMap<AstNode, readonly AstNode[]>();

/**
 * Roots made by an edit's partial re-parse (incremental-parse.ts): only their walks keep each
 * element's, so that a document read once (the CLI) keeps no more than its walk.
 */
const edited = new WeakSet<AstNode>();

/** `root` is the tree of an edited document, re-parsed around the edit: its elements' walks are kept. */
export function markEdited(root: AstNode): void {
    edited.add(root);
}

/**
 * Per root made by a partial re-parse: the names declared in what the re-parses since the
 * document was last linked took out and put in (incremental-parse.ts). A reference of an
 * untouched node whose name is not among them resolves as before (acct-linker.ts).
 */
const redeclared = new WeakMap<AstNode, ReadonlySet<string>>();

/** `root` was made from `old` by re-parsing a window: `names` were declared in what it took out or put in. */
export function noteRedeclared(old: AstNode, root: AstNode, names: Iterable<string>): void {
    const all = new Set(redeclared.get(old));
    for (const name of names) all.add(name);
    redeclared.set(root, all);
}

/** The names `root`'s re-parses (since its document was last linked) declared or removed; undefined: not a partial re-parse. Once. */
export function takeRedeclared(root: AstNode): ReadonlySet<string> | undefined {
    const names = redeclared.get(root);
    redeclared.delete(root);
    return names;
}

/** `node` and every node below it, in the walk's order (an element's walked once). */
export function nodesBelow(node: AstNode): readonly AstNode[] {
    if (isElement(node)) return nodesOfElement(node);
    const list: AstNode[] = [];
    forEachNode(node, inner => {
        list.push(inner);
    });
    return list;
}

/** An element's nodes in the walk's order (walked once per element). */
function nodesOfElement(element: AstNode): readonly AstNode[] {
    let nodes = elementNodes.get(element);
    if (!nodes) {
        const list: AstNode[] = [];
        forEachNode(element, node => {
            list.push(node);
        });
        elementNodes.set(element, (nodes = list));
    }
    return nodes;
}

/**
 * Every node of the document whose root is `root`, in the walk's order. Linking, indexing and
 * validation of one build walk the same tree (a parse gives a new root): walked once, kept with the
 * root; the elements an edit did not re-parse are not walked again.
 */
export function nodesOf(root: AstNode): readonly AstNode[] {
    let nodes = allNodes.get(root);
    if (!nodes) {
        const list: AstNode[] = [];
        const keep = edited.has(root);
        forEachNode(root, node => {
            if (!keep || !isElement(node)) {
                list.push(node);
                return true;
            }
            for (const inner of nodesOfElement(node)) list.push(inner);
            return false;
        });
        allNodes.set(root, (nodes = list));
    }
    return nodes;
}

const elementMatches = new WeakMap<(node: AstNode) => boolean, WeakMap<AstNode, readonly AstNode[]>>();

/**
 * The nodes of `root`'s document for which `test` holds, in the walk's order: `nodesOf(root).filter(test)`,
 * but in an edited document the elements an edit did not re-parse give the matches kept with them,
 * and no list of every node is made (the finding policy looks for waivers at every edit).
 */
export function nodesWhere<T extends AstNode>(root: AstNode, test: (node: AstNode) => node is T): T[] {
    const all = allNodes.get(root);
    if (all || !edited.has(root)) return (all ?? nodesOf(root)).filter(test);
    let kept = elementMatches.get(test);
    if (!kept) elementMatches.set(test, (kept = new WeakMap()));
    const perElement = kept;
    const found: T[] = [];
    forEachNode(root, node => {
        if (!isElement(node)) {
            if (test(node)) found.push(node);
            return true;
        }
        let matches = perElement.get(node);
        if (!matches) perElement.set(node, (matches = nodesOfElement(node).filter(test)));
        for (const match of matches) found.push(match as T);
        return false;
    });
    return found;
}

type HeldReference = ReferenceInfo & { reference: Reference };
const allReferences = new WeakMap<AstNode, readonly HeldReference[]>();
const elementReferences = new WeakMap<AstNode, readonly HeldReference[]>();
/** How many times the references of a root read once (not markEdited) were walked. */
const referenceWalks = new WeakMap<AstNode, number>();

/**
 * Every reference held in the document whose root is `root`, in the order of `forEachReference`
 * over `nodesOf(root)` (Langium's `streamReferences` of each node of `streamAst`): for an edited
 * document's root (markEdited), kept with the root, and each element's with the element.
 */
export function referencesOf(root: AstNode): readonly HeldReference[] {
    let references = allReferences.get(root);
    if (!references) {
        const list: HeldReference[] = [];
        const push = (info: HeldReference) => {
            list.push(info);
        };
        const keep = edited.has(root);
        if (!keep) {
            // a document read once: its nodes as validation walks them (nodesOf, walked once for both)
            for (const node of nodesOf(root)) forEachReference(node, push);
            // Linked and indexed once, a document's walk is let go (the CLI builds it once); walked
            // a third time, the document is being linked again in an editor — an edit elsewhere
            // relinked it, as the next will — and its list is kept with it.
            const walks = (referenceWalks.get(root) ?? 0) + 1;
            if (walks < 3) referenceWalks.set(root, walks);
            else allReferences.set(root, list);
            return list;
        }
        forEachNode(root, node => {
            if (!isElement(node)) {
                forEachReference(node, push);
                return true;
            }
            let held = elementReferences.get(node);
            if (!held) {
                const own: HeldReference[] = [];
                for (const inner of nodesOfElement(node)) forEachReference(inner, info => own.push(info));
                elementReferences.set(node, (held = own));
            }
            for (const info of held) list.push(info);
            return false;
        });
        allReferences.set(root, (references = list));
    }
    return references;
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
