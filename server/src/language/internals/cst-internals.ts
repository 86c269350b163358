/** The fields of Langium's CST nodes that acct writes (the incremental parser's splice, lean leaves), typed and checked. */
import type { TokenType } from 'chevrotain';
import { CompositeCstNodeImpl, LeafCstNodeImpl, RootCstNodeImpl, type AstNode, type CompositeCstNode, type CstNode } from 'langium';
import { expectMember, LangiumInternalsError } from './member-checks.js';

export interface CompositeInternals {
    _rangeCache: unknown;
    _astNode: AstNode | undefined;
}

export interface RootInternals extends CompositeInternals {
    _text: string;
}

/**
 * A composite node whose children acct moves (the parser's builder, a splice): `content` and
 * `container` are read-only in Langium's interfaces, plain fields of its classes (since Langium 4.4
 * a node's root is found through its containers, so setting `container` is all a move needs).
 */
export interface MutableCompositeCstNode {
    container?: MutableCompositeCstNode;
    content: CstNode[];
}

/** A node that acct gives a container (read-only in Langium's interface). */
export interface MutableCstNode {
    container?: CompositeCstNode | MutableCompositeCstNode;
}

export const mutableComposite = (node: CompositeCstNode | MutableCompositeCstNode): MutableCompositeCstNode => node as MutableCompositeCstNode;
export const mutableNode = (node: CstNode): MutableCstNode => node as MutableCstNode;

export const compositeInternals = (node: CstNode): CompositeInternals => node as unknown as CompositeInternals;
export const rootInternals = (node: CstNode): RootInternals => node as unknown as RootInternals;

/**
 * Checks the CST fields acct writes, on nodes made by Langium's own classes, and the order of the
 * leaf constructor's arguments (public, but acct makes comment leaves with it: a reordering
 * would compile and misplace every comment).
 */
export function checkCstNodes(): void {
    const leaf = new LeafCstNodeImpl(7, 2, 2, 1, 3, 0, { name: 'X' } as TokenType, true);
    const { start, end } = leaf.range;
    if (leaf.offset !== 7 || leaf.end !== 9 || start.line !== 2 || start.character !== 1 || end.line !== 3 || end.character !== 0 || !leaf.hidden) {
        throw new LangiumInternalsError('LeafCstNodeImpl', 'constructor', '(offset, length, startLine, startColumn, endLine, endColumn, tokenType, hidden)');
    }
    const composite = new CompositeCstNodeImpl();
    expectMember(composite, 'CompositeCstNodeImpl', '_rangeCache', 'present');
    expectMember(composite, 'CompositeCstNodeImpl', '_astNode', 'present');
    const ast = { $type: 'X' } as AstNode;
    compositeInternals(composite)._astNode = ast;
    if (composite.astNode !== ast) throw new LangiumInternalsError('CompositeCstNodeImpl', '_astNode', 'what astNode reads');
    const root = new RootCstNodeImpl('old');
    rootInternals(root)._text = 'new';
    if (root.fullText !== 'new') throw new LangiumInternalsError('RootCstNodeImpl', '_text', 'what fullText reads');
}
