/**
 * What a quick fix is computed from: the document, the finding (its range and `data`), today as
 * the checks use it, and the workspace's members. A fix is computed when the editor asks for it,
 * not when the check runs, so that a large workspace does not pay for fixes nobody looks at.
 */
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Member } from '../../language/generated/ast.js';
import type { TextInsertion } from '../../language/editing/text-placement.js';
import type { Texts } from '../../method/index.js';

export interface FixContext {
    document: LangiumDocument;
    diagnostic: Diagnostic;
    /** Today as the checks use it (`acct.today`, else ACCT_TODAY, else the real date). */
    today: string;
    /** Every member of the workspace: files by path, then declaration order. */
    members(): readonly Member[];
    /** The session's language, for the fixes' titles. */
    texts: Texts;
}

/** The fixes of one finding code: none when the plan no longer has the problem where the finding points. */
export type QuickFixBuilder = (context: FixContext) => CodeAction[];

/** The innermost node of the type `guard` accepts around the start of the finding. */
export function nodeAtFinding<T extends AstNode>(context: FixContext, guard: (node: AstNode) => node is T): T | undefined {
    const root = context.document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = context.document.textDocument.offsetAt(context.diagnostic.range.start);
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, guard) : undefined;
}

export function insertionFix(context: FixContext, title: string, insertion: TextInsertion | undefined, isPreferred = false): CodeAction[] {
    if (!insertion) return [];
    const range: Range = { start: insertion.at, end: insertion.at };
    return [fix(context, title, range, insertion.text, isPreferred)];
}

export function replacementFix(context: FixContext, title: string, range: Range, newText: string): CodeAction[] {
    return [fix(context, title, range, newText, true)];
}

function fix(context: FixContext, title: string, range: Range, newText: string, isPreferred: boolean): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [context.diagnostic],
        ...(isPreferred ? { isPreferred } : {}),
        edit: { changes: { [context.document.textDocument.uri]: [{ range, newText }] } },
    };
}
