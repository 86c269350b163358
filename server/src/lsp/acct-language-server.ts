/**
 * The capabilities the server announces: Langium's, with the kinds of code action it offers
 * (quick fixes only), so that an editor does not ask it for refactorings or source actions on
 * save.
 */
import { DefaultLanguageServer } from 'langium/lsp';
import { CodeActionKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';

export class AcctLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        if (result.capabilities.codeActionProvider) {
            result.capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix] };
        }
        return result;
    }
}
