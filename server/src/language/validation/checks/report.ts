/**
 * How a check reports a finding: its code (with the code's default severity from the method
 * core), where it points, what it is about and its quick fix, all carried in the diagnostic so
 * that the editor, the CLI, the export, the views and the quick fixes read the same finding.
 */
import type { AstNode, CstNode, ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { issueCatalog, type IssueCode } from '../../../method/index.js';
import type { SubjectKey } from '../../../contract/subject-key.js';
import type { FindingData, QuickFix } from '../finding-data.js';
import { subjectOf } from '../../ast/subject.js';
import { nodeForProperty } from '../../ast/cst-search.js';

/** Where on the node the finding points: a property's value, a keyword, or an explicit range. */
export type Where =
    | { property: string; index?: number }
    | { keyword: string }
    | { range: Range }
    /** The declaration's keyword and id (`opportunity oss`): for findings about the whole element. */
    | 'head';

export interface Report {
    code: IssueCode;
    message: string;
    node: AstNode;
    where: Where;
    /** The element the finding is about; by default the node's own element. */
    subject?: SubjectKey;
    /** The contact a decision-chain finding names. */
    contact?: SubjectKey;
    fix?: QuickFix;
}

export function report(accept: ValidationAcceptor, finding: Report): void {
    const { code, message, node, where, fix } = finding;
    const data: FindingData = fix
        ? { code, subject: finding.subject ?? subjectOf(node), contact: finding.contact, fix }
        : { code, subject: finding.subject ?? subjectOf(node), contact: finding.contact };
    // A check that is off by default still reports: the workspace policy may turn it on, and the
    // document validator gives every finding its effective severity (finding-policy.ts).
    const severity = issueCatalog[code].severity;
    // the details in one object, without a copy of `where` (a megabyte of findings made 100,000 of each)
    const info =
        where === 'head'
            ? { node, code, data, range: headRange(node) }
            : 'property' in where
              ? { node, code, data, property: where.property, index: where.index }
              : 'keyword' in where
                ? { node, code, data, keyword: where.keyword }
                : { node, code, data, range: where.range };
    accept(severity === 'off' ? 'info' : severity, message, info as never);
}

/** From the declaration's keyword to the end of its id. */
function headRange(node: AstNode): Range | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const name = nodeForProperty(cst, 'name');
    return { start: cst.range.start, end: (name ?? cst).range.end };
}

/** A quick fix that replaces the value of `property` on `node`, if it is written. */
export function replaceValue(node: AstNode, property: string, newText: string, title: string): QuickFix | undefined {
    const cst: CstNode | undefined = nodeForProperty(node.$cstNode, property);
    return cst ? { title, range: cst.range, newText } : undefined;
}
