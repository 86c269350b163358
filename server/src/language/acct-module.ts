/**
 * Wires the acct language services. The CLI, the language server and the tests all build
 * their services here, so that there is one checker and one computed plan.
 */
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices,
} from 'langium/lsp';
import { AcctGeneratedModule, AcctGeneratedSharedModule } from './generated/module.js';
import { AcctValidator, registerValidationChecks } from './acct-validator.js';
import { AcctScopeComputation, AcctScopeProvider } from './acct-scope.js';
import { AcctDocumentValidator } from './acct-document-validator.js';
import { AcctDocumentBuilder } from './acct-document-builder.js';
import { AcctSettings } from './acct-settings.js';
import { WorkspaceFacts } from './workspace-facts.js';
import { AcctCompletionProvider } from '../lsp/acct-completion.js';
import { withWindowedCompletion } from '../lsp/completion-window.js';
import { AcctHoverProvider } from '../lsp/acct-hover.js';
import { AcctDocumentSymbolProvider, AcctNodeKindProvider } from '../lsp/acct-symbols.js';
import { AcctCodeLensProvider } from '../lsp/acct-code-lens.js';
import { AcctCodeActionProvider } from '../lsp/acct-code-actions.js';

export type AcctAddedServices = {
    validation: {
        AcctValidator: AcctValidator;
    };
    workspace: {
        AcctSettings: AcctSettings;
        WorkspaceFacts: WorkspaceFacts;
    };
};

export type AcctServices = LangiumServices & AcctAddedServices;

/** Completion that parses only around the cursor in large files (see completion-window.ts). */
const WindowedAcctCompletionProvider = withWindowedCompletion(AcctCompletionProvider);

export const AcctModule: Module<AcctServices, PartialLangiumServices & AcctAddedServices> = {
    validation: {
        AcctValidator: (services) => new AcctValidator(services),
        DocumentValidator: (services) => new AcctDocumentValidator(services),
    },
    workspace: {
        AcctSettings: () => new AcctSettings(),
        WorkspaceFacts: (services) => new WorkspaceFacts(services),
    },
    references: {
        ScopeProvider: (services) => new AcctScopeProvider(services),
        ScopeComputation: (services) => new AcctScopeComputation(services),
    },
    lsp: {
        CompletionProvider: (services) => new WindowedAcctCompletionProvider(services),
        HoverProvider: (services) => new AcctHoverProvider(services),
        DocumentSymbolProvider: (services) => new AcctDocumentSymbolProvider(services),
        CodeLensProvider: () => new AcctCodeLensProvider(),
        CodeActionProvider: () => new AcctCodeActionProvider(),
    },
};

export const AcctSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new AcctDocumentBuilder(services),
    },
    lsp: {
        NodeKindProvider: () => new AcctNodeKindProvider(),
    },
};

export function createAcctServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Acct: AcctServices } {
    const shared = inject(createDefaultSharedModule(context), AcctGeneratedSharedModule, AcctSharedModule);
    const Acct = inject(createDefaultModule({ shared }), AcctGeneratedModule, AcctModule);
    shared.ServiceRegistry.register(Acct);
    registerValidationChecks(Acct);
    if (!context.connection) {
        // Without a language client nobody sends the configuration: mark it as received.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Acct };
}
