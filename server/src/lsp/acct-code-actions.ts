/**
 * Quick fixes. A fix that needs only the finding's own node travels in the diagnostic's `data`
 * (see `FindingData.fix`): the rule that knows the fix is the one that found the problem. Fixes
 * that need more of the plan (the customer's key people, the members, today) are computed here on
 * request, by the finding's code (./quick-fixes). Every waivable finding also gets **Waive this
 * finding…** (contract 1.1, 6.3).
 */
import type { LangiumDocument, LangiumDocuments, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { FindingData } from '../language/validation/finding-data.js';
import type { AcctSettings } from '../language/workspace/acct-settings.js';
import { waiverInsertion } from '../language/editing/waiver-insertion.js';
import { isIssueCode, isWaivable } from '../method/index.js';
import { EditorCommands } from '../contract/commands.js';
import { isMember, type Member, type Workspace } from '../language/generated/ast.js';
import { quickFixes, type FixContext } from './quick-fixes/index.js';

export class AcctCodeActionProvider implements CodeActionProvider {
    constructor(
        private readonly settings: AcctSettings,
        private readonly documents: LangiumDocuments,
    ) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        // Every action here is a quick fix: a request for other kinds only (e.g. on save) gets none.
        const only = params.context.only;
        if (only && !only.some(kind => CodeActionKind.QuickFix.startsWith(kind))) return actions;
        const uri = document.textDocument.uri;
        const today = this.settings.today();
        let members: Member[] | undefined;
        const texts = this.settings.texts();
        const context = (diagnostic: Diagnostic): FixContext => ({
            document,
            diagnostic,
            today,
            texts,
            members: () => (members ??= this.members()),
        });
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
            actions.push(...quickFixes(context(diagnostic)));
            const waive = this.waiveAction(document, diagnostic);
            if (waive) actions.push(waive);
        }
        return actions;
    }

    /** Every member of the workspace: files by path, then declaration order. */
    private members(): Member[] {
        return this.documents.all
            .toArray()
            .map(document => ({ document, path: document.uri.toString() }))
            .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
            .map(({ document }) => document)
            .flatMap(document => (document.parseResult.value as Workspace).declarations?.filter(isMember) ?? []);
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
