/**
 * Quick fixes. The checks put each fix in the diagnostic's `data` (see `FindingData.fix`), so this
 * provider only turns them into edits: the rule that knows the fix is the one that found the
 * problem. Every waivable finding also gets **Waive this finding…** (contract 1.1, 6.3).
 */
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { FindingData } from '../language/finding-data.js';
import type { AcctSettings } from '../language/acct-settings.js';
import { waiverInsertion } from '../language/waiver-insertion.js';
import { isIssueCode, isWaivable } from '../method/index.js';
import { EditorCommands } from '../contract/commands.js';


export class AcctCodeActionProvider implements CodeActionProvider {
    constructor(private readonly settings: AcctSettings) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        const uri = document.textDocument.uri;
        for (const diagnostic of params.context.diagnostics) {
            const fix = (diagnostic.data as FindingData | undefined)?.fix;
            if (fix) {
                actions.push({
                    title: fix.title,
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    isPreferred: true,
                    edit: { changes: { [uri]: [{ range: fix.range, newText: fix.newText }] } },
                });
            }
            const waive = this.waiveAction(document, diagnostic);
            if (waive) actions.push(waive);
        }
        return actions;
    }

    private waiveAction(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
        const code = diagnostic.code;
        if (!isIssueCode(code) || !isWaivable(code)) return undefined;
        const insertion = waiverInsertion(document, diagnostic.range.start, code, this.settings.today());
        if (!insertion) return undefined;
        const uri = document.textDocument.uri;
        const texts = this.settings.texts();
        return {
            title: texts.t('fix.waive'),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [uri]: [{ range: { start: insertion.at, end: insertion.at }, newText: insertion.text }] } },
            command: { title: texts.t('fix.waive.reason'), command: EditorCommands.editWaiverReason, arguments: [uri, insertion.reason] },
        };
    }
}
