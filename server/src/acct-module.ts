/**
 * Wires every acct service: the language core, the plan builder and the editor features. The CLI,
 * the language server and the tests all build their services here, so that there is one checker
 * and one computed plan (docs/architecture.md).
 */
import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
} from 'langium/lsp';
import { AcctGeneratedModule, AcctGeneratedSharedModule } from './language/generated/module.js';
import { AcctLanguageModule, AcctLanguageSharedModule, AcctOneShotChecksModule, AcctOneShotTreeModule } from './language/acct-language-module.js';
import { OneShotSharedModule } from './language/workspace/one-shot-index.js';
import type { AcctLanguageAddedServices } from './language/acct-language-services.js';
import { registerValidationChecks } from './language/validation/checks/index.js';
import { AcctPlanModule, type AcctPlanAddedServices } from './plan/plan-module.js';
import { AcctLspModule, AcctLspSharedModule } from './lsp/acct-lsp-module.js';
import { registerPlanProtocol } from './lsp/plan-protocol.js';
import type { HistoryReader } from './lsp/history-cache.js';

export type AcctServices = LangiumServices & AcctLanguageAddedServices & AcctPlanAddedServices;

export interface AcctModuleContext extends DefaultSharedModuleContext {
    /** Checked once and thrown away (the CLI): no index of who references what. */
    oneShot?: boolean;
    /**
     * Parsed in full, never through the incremental parser (the CLI's one build, and `acct diff`
     * between revisions, whose changed files are parsed again in full; not history, which updates
     * documents through the incremental parser): a leaner syntax tree, only the checks the policy
     * keeps, no findings kept for reuse (acct-language-module.ts `AcctOneShotTreeModule`).
     */
    leanTree?: boolean;
    /**
     * Checked by the command line through the incremental parser (`acct history`): the one-shot
     * checks of `leanTree` on Langium's tree, which the incremental parser needs
     * (acct-language-module.ts `AcctOneShotChecksModule`). Implied by `leanTree`.
     */
    oneShotChecks?: boolean;
    /** How the language server reads git for the plan over time (Trends, stage age); none: no history. */
    history?: HistoryReader;
}

/** `overrides` replace services for experiments (the benchmark compares Langium's default scoping). */
export function createAcctServices(
    context: AcctModuleContext,
    ...overrides: Array<Module<AcctServices, PartialLangiumServices>>
): { shared: LangiumSharedServices; Acct: AcctServices } {
    const shared = inject(
        createDefaultSharedModule(context),
        AcctGeneratedSharedModule,
        AcctLanguageSharedModule,
        AcctLspSharedModule,
        context.oneShot ? OneShotSharedModule : {},
    );
    const Acct = inject(
        createDefaultModule({ shared }),
        AcctGeneratedModule,
        AcctLanguageModule,
        context.leanTree ? AcctOneShotTreeModule : context.oneShotChecks ? AcctOneShotChecksModule : {},
        AcctPlanModule,
        AcctLspModule,
        ...overrides,
    );
    shared.ServiceRegistry.register(Acct);
    registerValidationChecks(Acct);
    if (context.connection) {
        registerPlanProtocol(context.connection, shared, Acct, context.history);
    } else {
        // Without a language client nobody sends the configuration: mark it as received.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Acct };
}
