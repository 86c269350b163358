/**
 * Quick fixes. The validator puts each fix in the diagnostic's `data` (see `FindingData.fix`),
 * so this provider only turns them into edits: the rule that knows the fix is the one that
 * found the problem.
 */
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command } from 'vscode-languageserver';
import type { FindingData } from '../language/finding-data.js';

export class AcctCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const fix = (diagnostic.data as FindingData | undefined)?.fix;
            if (!fix) continue;
            actions.push({
                title: fix.title,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                isPreferred: true,
                edit: { changes: { [document.textDocument.uri]: [{ range: fix.range, newText: fix.newText }] } },
            });
        }
        return actions;
    }
}
