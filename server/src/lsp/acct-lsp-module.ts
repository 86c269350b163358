/** The editor features: completion, hover, outline, workspace symbols, semantic tokens, inlay hints, code lenses, quick fixes and formatting. */
import type { Module } from 'langium';
import type { LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { AcctCompletionProvider } from './acct-completion.js';
import { withWindowedCompletion } from './completion-window.js';
import { AcctHoverProvider } from './acct-hover.js';
import { AcctDocumentSymbolProvider, AcctNodeKindProvider } from './acct-symbols.js';
import { AcctCodeLensProvider } from './acct-code-lens.js';
import { AcctCodeActionProvider } from './acct-code-actions.js';
import { AcctDocumentUpdateHandler } from './acct-document-update-handler.js';
import { AcctWorkspaceSymbolProvider } from './acct-workspace-symbols.js';
import { AcctSemanticTokenProvider } from './acct-semantic-tokens.js';
import { AcctInlayHintProvider } from './acct-inlay-hints.js';
import { AcctLanguageServer } from './acct-language-server.js';
import { AcctFormatter } from './acct-formatter.js';
import type { AcctLanguageAddedServices } from '../language/acct-language-services.js';

/** Completion that parses only around the cursor in large files (see completion-window.ts). */
const WindowedAcctCompletionProvider = withWindowedCompletion(AcctCompletionProvider);

export const AcctLspModule: Module<LangiumServices & AcctLanguageAddedServices, PartialLangiumServices> = {
    lsp: {
        CompletionProvider: services => new WindowedAcctCompletionProvider(services),
        HoverProvider: services => new AcctHoverProvider(services),
        DocumentSymbolProvider: services => new AcctDocumentSymbolProvider(services),
        CodeLensProvider: services => new AcctCodeLensProvider(services.validation.FindingPolicy, services.workspace.AcctSettings),
        CodeActionProvider: services => new AcctCodeActionProvider(services.workspace.AcctSettings, services.shared.workspace.LangiumDocuments),
        SemanticTokenProvider: services => new AcctSemanticTokenProvider(services),
        InlayHintProvider: services => new AcctInlayHintProvider(services.workspace.AcctSettings),
        Formatter: services => new AcctFormatter(services.parser.Lexer),
    },
};

export const AcctLspSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new AcctNodeKindProvider(),
        DocumentUpdateHandler: services => new AcctDocumentUpdateHandler(services),
        WorkspaceSymbolProvider: services => new AcctWorkspaceSymbolProvider(services),
        LanguageServer: services => new AcctLanguageServer(services),
    },
};
