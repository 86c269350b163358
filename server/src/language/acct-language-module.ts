/**
 * The language core's services: scoping, the checks, the document builder and validator, the
 * date of today and the workspace-wide facts. No LSP feature and no plan export here: those are
 * the rooms above (server/src/lsp, server/src/plan), composed in server/src/acct-module.ts.
 */
import type { LangiumSharedCoreServices, Module, PartialLangiumCoreServices, PartialLangiumSharedCoreServices } from 'langium';
import type { AcctLanguageAddedServices, AcctLanguageServices } from './acct-language-services.js';
import { AcctScopeComputation, AcctScopeProvider } from './references/acct-scope.js';
import { AcctDocumentValidator } from './validation/acct-document-validator.js';
import { AcctLangiumDocuments } from './workspace/acct-documents.js';
import { AcctDocumentBuilder } from './workspace/acct-document-builder.js';
import { AcctIndexManager } from './workspace/acct-index-manager.js';
import { AcctSettings } from './workspace/acct-settings.js';
import { CustomerIndex } from './validation/customer-index.js';
import { FilePlaces } from './workspace/file-places.js';
import { FindingPolicy } from './validation/finding-policy.js';
import { WorkspaceFacts } from './workspace/workspace-facts.js';
import { createAcctParser } from './parser/acct-parser.js';
import { AcctLexer } from './parser/acct-lexer.js';
import { AcctTokenBuilder } from './parser/acct-token-builder.js';
import { AcctValueConverter } from './parser/acct-value-converter.js';
import { AcctLanguageMetaData } from './generated/module.js';
import { AcctLinker } from './references/acct-linker.js';
import { AcctNodeDescriptionProvider, AcctReferenceDescriptionProvider } from './references/acct-descriptions.js';
import { IncrementalDocumentFactory } from './incremental/incremental-document-factory.js';
import { AcctValidationRegistry } from './validation/acct-validation-registry.js';
import { AcctSyntaxMessages } from './parser/syntax-messages.js';
import { AcctWorkspaceManager } from './workspace/acct-workspace-manager.js';

export const AcctLanguageModule: Module<AcctLanguageServices, PartialLangiumCoreServices & AcctLanguageAddedServices> = {
    validation: {
        CustomerIndex: () => new CustomerIndex(),
        FindingPolicy: services => new FindingPolicy(services.workspace.WorkspaceFacts, services.workspace.AcctSettings),
        DocumentValidator: services => new AcctDocumentValidator(services),
        ValidationRegistry: services => new AcctValidationRegistry(services),
    },
    workspace: {
        AcctSettings: () => new AcctSettings(),
        FilePlaces: services => new FilePlaces(services.shared, services.workspace.AcctSettings),
        WorkspaceFacts: services => new WorkspaceFacts(services),
        AstNodeDescriptionProvider: services => new AcctNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new AcctReferenceDescriptionProvider(services),
    },
    parser: {
        LangiumParser: services => createAcctParser(services),
        Lexer: services => new AcctLexer(services),
        TokenBuilder: () => new AcctTokenBuilder(),
        ValueConverter: () => new AcctValueConverter(),
        ParserErrorMessageProvider: services => new AcctSyntaxMessages(services.Grammar, services.workspace.AcctSettings),
    },
    references: {
        Linker: services => new AcctLinker(services),
        ScopeProvider: services => new AcctScopeProvider(services),
        ScopeComputation: services => new AcctScopeComputation(services),
    },
};

/**
 * The checks of a plan no editor shows (the CLI's one-shot runs, and `acct history`, whose
 * documents are updated through the incremental parser): only the checks the policy keeps, no
 * element findings kept for reuse, and Chevrotain's checks of the grammar skipped.
 */
export const AcctOneShotChecksModule: Module<AcctLanguageServices, PartialLangiumCoreServices> = {
    // Chevrotain's checks of the grammar itself (ambiguities, unreachable alternatives) run where
    // the parser is built for the editor and the tests, once per process; the CLI skips them.
    LanguageMetaData: () => ({ ...AcctLanguageMetaData, mode: 'production' }),
    validation: {
        // The checks whose every code the policy turns off are not run. An update that changes the
        // policy checks every file again (acct-document-builder.ts) under the new policy, so a
        // check it turns on runs on the unchanged files too (`acct diff`, `acct history`).
        ValidationRegistry: services => Object.assign(new AcctValidationRegistry(services), { skipChecksTurnedOff: true }),
        // A changed file parsed again in full has every element a new node, and in a history most
        // edits change what an element shows the others (a support, a last contact): working out
        // the keys of its elements' findings (element-findings.ts) cost more than checking them
        // again (docs/benchmark.md, history's seventeenth pass).
        DocumentValidator: services => Object.assign(new AcctDocumentValidator(services), { reuseElementFindings: false }),
    },
};

/**
 * A plan parsed in full by the CLI (check, export, sandbox, report, and both sides of `acct diff`
 * between revisions, whose changed files are parsed again in full): the one-shot checks, and the
 * syntax tree without a node of its own for a value that is one token (parser/lean-cst.ts
 * `putValueLeafInPlace`).
 */
export const AcctOneShotTreeModule: Module<AcctLanguageServices, PartialLangiumCoreServices> = {
    ...AcctOneShotChecksModule,
    parser: {
        LangiumParser: services => createAcctParser(services, { valueLeaves: true }),
    },
};

export const AcctLanguageSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        DocumentBuilder: services => new AcctDocumentBuilder(services),
        LangiumDocumentFactory: services => new IncrementalDocumentFactory(services),
        WorkspaceManager: services => new AcctWorkspaceManager(services),
        LangiumDocuments: services => new AcctLangiumDocuments(services),
        IndexManager: services => new AcctIndexManager(services),
    },
};
