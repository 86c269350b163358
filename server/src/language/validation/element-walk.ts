/**
 * The checks of a document whose elements' findings are kept for reuse (element-findings.ts), in
 * Langium's walk and order: an element (a customer's contact, opportunity or activity) whose key
 * is the one of kept findings gets them — as they are when they were made today; made on another
 * day, those of the checks that do not read today as they are and the checks that read today
 * (checks/date-driven.ts) run again on the element's nodes, their findings where theirs were —
 * and every other node is checked. The same findings, in the same order, as checking every node.
 */
import { interruptAndCheck, type AstNode, type ValidationAcceptor, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { forEachNode, nodesBelow } from '../ast/ast-walk.js';
import type { AcctValidationRegistry } from './acct-validation-registry.js';
import { isElement, type Element, type Kept, type ReuseRound } from './element-findings.js';
import { movedBy } from './finding-diagnostics.js';
import { CHECK_CANCEL_EVERY } from './node-checks.js';

/** Makes a finding of what a check reported (the validator's toDiagnostic). */
export type MakeFinding = (...args: Parameters<ValidationAcceptor>) => Diagnostic;

export class ElementWalk {
    /** Where the findings reported go now. */
    private sink: Diagnostic[] = [];
    private checked = 0;
    private readonly acceptor: ValidationAcceptor = (severity, message, info) => {
        this.sink.push(this.make(severity, message, info));
    };

    constructor(
        private readonly registry: AcctValidationRegistry,
        private readonly options: ValidationOptions,
        private readonly make: MakeFinding,
        private readonly cancelToken: CancellationToken,
    ) {}

    /** The findings of every node below `root` (not `root`'s own: validateAstBefore and After are the validator's). */
    async findings(root: AstNode, round: ReuseRound): Promise<Diagnostic[]> {
        const items: Diagnostic[] = [];
        // the nodes in the walk's order, an element standing for its whole subtree
        const steps: AstNode[] = [];
        forEachNode(root, node => {
            steps.push(node);
            return !isElement(node);
        });
        for (const node of steps) {
            if (!isElement(node)) {
                this.sink = items;
                await this.check(node, 0, null);
                continue;
            }
            const key = round.keyOf(node);
            const reused = key === undefined ? undefined : round.take(key, node);
            if (reused) {
                for (const diagnostic of reused) items.push(diagnostic);
                continue;
            }
            const earlier = key === undefined ? undefined : round.madeOnAnotherDay(key);
            const found: Diagnostic[] = [];
            const marks: number[] = [];
            this.sink = found;
            if (earlier) await this.againToday(node, earlier, found, marks);
            else {
                const nodes = nodesBelow(node);
                for (let i = 0; i < nodes.length; i++) await this.check(nodes[i]!, i, marks);
            }
            for (const diagnostic of found) items.push(diagnostic);
            if (key !== undefined) round.keep(key, node, found, marks);
        }
        this.sink = items;
        return items;
    }

    /**
     * Runs the checks of `node` (the `index`th of its element's nodes). `marks`: where the findings
     * of its checks that read today go among the element's (Kept.marks), pushed there.
     */
    private async check(node: AstNode, index: number, marks: number[] | null): Promise<void> {
        if (this.checked++ % CHECK_CANCEL_EVERY === 0) await interruptAndCheck(this.cancelToken);
        // indexed: a for-of in an async function made an iterator result per check and node
        const runs = this.registry.checksFor(node.$type, this.options.categories);
        const dated = marks && this.registry.readsToday(runs);
        for (let r = 0; r < runs.length; r++) {
            const at = this.sink.length;
            const pending = runs[r]!(node, this.acceptor, this.cancelToken);
            if (pending) await pending;
            if (dated?.[r]) marks!.push(at, this.sink.length - at, index, r);
        }
    }

    /**
     * The findings of `element` today from those `earlier` made on another day: the findings of
     * the checks that do not read today as they were (moved with the element's line), the checks
     * that read today run again where they ran.
     */
    private async againToday(element: Element, earlier: Kept, found: Diagnostic[], marks: number[]): Promise<void> {
        if (this.checked++ % CHECK_CANCEL_EVERY === 0) await interruptAndCheck(this.cancelToken);
        const lines = element.$cstNode!.range.start.line - earlier.line;
        const kept = earlier.found;
        const copy = (from: number, to: number) => {
            for (let i = from; i < to; i++) found.push(lines === 0 ? kept[i]! : movedBy(kept[i]!, lines));
        };
        const nodes = nodesBelow(element);
        const was = earlier.marks!;
        let next = 0;
        for (let m = 0; m < was.length; m += 4) {
            copy(next, was[m]!);
            next = was[m]! + was[m + 1]!;
            const node = nodes[was[m + 2]!]!;
            const check = was[m + 3]!;
            const at = found.length;
            const pending = this.registry.checksFor(node.$type, this.options.categories)[check]!(node, this.acceptor, this.cancelToken);
            if (pending) await pending;
            marks.push(at, found.length - at, was[m + 2]!, check);
        }
        copy(next, kept.length);
    }
}
