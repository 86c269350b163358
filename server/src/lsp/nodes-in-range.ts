/**
 * The AST nodes whose text overlaps a range, for the range requests (inlay hints, semantic tokens).
 * Langium 4.2.1's `streamAst(root, { range })` skips the property after a single-valued child that
 * lies outside the range (an opportunity's `decisionChain` after a `team` above the range), so the
 * tree is walked here, and every subtree outside the range is pruned: a request costs what its
 * range holds, plus one look at the direct children of each node it enters.
 */
import { AstUtils, CstUtils, type AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

export function* nodesInRange(root: AstNode, range: Range | undefined): Generator<AstNode> {
    const iterator = AstUtils.streamAst(root).iterator();
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
        const node = next.value;
        const cst = node.$cstNode;
        if (range && (!cst || !CstUtils.inRange(cst.range, range))) {
            iterator.prune();
            continue;
        }
        yield node;
    }
}
