/**
 * What `acct history` keeps of a document's last full validation so that, when only today moves
 * (each commit is checked with its own date), just the checks that read today run again
 * (checks/date-driven.ts): the findings that do not depend on today, the date-driven ones, and
 * the syntax errors, all before the finding policy. Used by acct-document-validator.ts.
 */
import type { AstNode, LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { nodesOf } from '../ast/ast-walk.js';
import type { AcctValidationRegistry } from './acct-validation-registry.js';
import { DATE_DRIVEN_CODES } from './checks/date-driven.js';

export interface FindingsOfADate {
    /** The parse the findings are of: another parse, and they say nothing. */
    root: AstNode;
    steady: Diagnostic[];
    dated: Diagnostic[];
    parseErrors: Diagnostic[];
}

export class FindingsForDates {
    private readonly kept = new WeakMap<LangiumDocument, FindingsOfADate>();

    /** Keeps `found` (every check ran) of `document`'s parse now. */
    keep(document: LangiumDocument, found: readonly Diagnostic[], parseErrors: Diagnostic[]): void {
        const steady: Diagnostic[] = [];
        const dated: Diagnostic[] = [];
        for (const d of found) (DATE_DRIVEN_CODES.has(String(d.code)) ? dated : steady).push(d);
        this.kept.set(document, { root: document.parseResult.value, steady, dated, parseErrors });
    }

    /** The findings kept of `document`, when its parse is the one they are of. */
    of(document: LangiumDocument): FindingsOfADate | undefined {
        const kept = this.kept.get(document);
        return kept && kept.root === document.parseResult.value ? kept : undefined;
    }

    /**
     * The date-driven findings become `found`; one equal to a finding of the last validation is
     * that same object (so that what is made of it can be reused). Returns all findings, before
     * the policy. Undefined when `found` holds a finding that does not read today (validate in full).
     */
    withDates(kept: FindingsOfADate, found: readonly Diagnostic[]): Diagnostic[] | undefined {
        if (found.some(d => !DATE_DRIVEN_CODES.has(String(d.code)))) return undefined;
        const previous = new Map<string, Diagnostic[]>();
        for (const d of kept.dated) {
            const key = sameFindingKey(d);
            const list = previous.get(key);
            if (list) list.push(d);
            else previous.set(key, [d]);
        }
        kept.dated = found.map(d => previous.get(sameFindingKey(d))?.shift() ?? d);
        return kept.steady.concat(kept.dated);
    }
}

/** Two findings alike in everything a reader or a later step sees of them (place, code, message, data; the policy gives the severity). */
function sameFindingKey(d: Diagnostic): string {
    const { start, end } = d.range;
    return `${start.line}:${start.character}-${end.line}:${end.character} ${String(d.code)} ${d.message} ${JSON.stringify(d.data)}`;
}

const datedNodes = new WeakMap<AstNode, readonly AstNode[]>();

/** The nodes of a document that a date-driven check looks at, in the walk's order (found once per parse). */
export function datedNodesOf(root: AstNode, registry: AcctValidationRegistry): readonly AstNode[] {
    let nodes = datedNodes.get(root);
    if (!nodes) datedNodes.set(root, (nodes = nodesOf(root).filter(node => registry.dateChecksFor(node.$type).length > 0)));
    return nodes;
}
