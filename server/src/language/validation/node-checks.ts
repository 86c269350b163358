/**
 * The checks of every node of a document, in Langium's walk and order, without a stream and a
 * promise per node and check (acct-validation-registry.ts): the nodes a validator's
 * validateSingleNodeOptions turns off are skipped, with their children when it says so;
 * cancellation is looked at every few hundred nodes.
 */
import { Cancellation, interruptAndCheck, type AstNode, type ValidationAcceptor, type ValidationOptions } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { forEachNode, nodesOf } from '../ast/ast-walk.js';
import type { AcctValidationRegistry } from './acct-validation-registry.js';

/** Nodes validated between two looks at cancellation. */
export const CHECK_CANCEL_EVERY = 256;

/** What a validator's validateSingleNodeOptions says of one node: check it, walk into its children. */
export type SingleNodeOptions = (node: AstNode, options: ValidationOptions) => { validateNode: boolean; validateChildren: boolean };

/**
 * Runs the registry's checks on `root` and every node below it. `singleNode` undefined: every
 * node is checked (Langium's default); else the walk it asks for.
 */
export async function checkNodes(
    registry: AcctValidationRegistry,
    root: AstNode,
    options: ValidationOptions,
    acceptor: ValidationAcceptor,
    cancelToken: CancellationToken = Cancellation.CancellationToken.None,
    singleNode?: SingleNodeOptions,
): Promise<void> {
    const skipped = new Set<AstNode>();
    const nodes: readonly AstNode[] = singleNode
        ? (() => {
              const list: AstNode[] = [];
              forEachNode(root, node => {
                  list.push(node);
                  const nodeOptions = singleNode(node, options);
                  if (!nodeOptions.validateNode) skipped.add(node);
                  return nodeOptions.validateChildren;
              });
              return list;
          })()
        : nodesOf(root);
    for (let i = 0; i < nodes.length; i++) {
        if (i % CHECK_CANCEL_EVERY === 0) await interruptAndCheck(cancelToken);
        const node = nodes[i]!;
        if (skipped.has(node)) continue;
        // indexed: a for-of in an async function made an iterator result per check and node
        const checks = registry.checksFor(node.$type, options.categories);
        for (let c = 0; c < checks.length; c++) {
            const pending = checks[c]!(node, acceptor, cancelToken);
            if (pending) await pending;
        }
    }
}
