/**
 * The language server: Langium's LSP features plus the plan protocol (protocol.ts) that the
 * power-map views and the export command use, and the `acct.today` setting.
 */
import { AstUtils, CstUtils, DocumentState, URI } from 'langium';
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node.js';
import { createAcctServices, type AcctServices } from '../language/acct-module.js';
import { isDate } from '../language/acct-settings.js';
import { isCustomer, isOpportunity } from '../language/generated/ast.js';
import { serializePlan } from '../model/plan.js';
import { ExportPlanRequest, PlanChangedNotification, PlanViewRequest, type PlanFocus, type PlanView } from '../protocol.js';
import { acctDocuments, workspacePlan, workspacePlanView } from '../workspace/plan-workspace.js';

export function startAcctServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Acct } = createAcctServices({ connection, ...NodeFileSystem });
    registerPlanProtocol(connection, shared, Acct);
    startLanguageServer(shared);
}

export function registerPlanProtocol(connection: Connection, shared: LangiumSharedServices, acct: AcctServices): void {
    const builder = shared.workspace.DocumentBuilder;
    const settings = acct.workspace.AcctSettings;

    const applyToday = async (value: unknown) => {
        const today = typeof value === 'string' && isDate(value.trim()) ? value.trim() : undefined;
        if (today === settings.todayOverride) return;
        settings.todayOverride = today;
        // Date checks depend on "today": check every document again. `update` rebuilds every
        // document that is not validated, including one whose build this write cancelled.
        await shared.workspace.WorkspaceLock.write(async token => {
            for (const document of shared.workspace.LangiumDocuments.all) {
                if (document.state >= DocumentState.Validated) builder.resetToState(document, DocumentState.IndexedReferences);
            }
            await builder.update([], [], token);
        });
    };
    shared.lsp.LanguageServer.onInitialized(async () => {
        await shared.workspace.WorkspaceManager.ready;
        await applyToday(await shared.workspace.ConfigurationProvider.getConfiguration('acct', 'today'));
    });
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === 'acct') {
            void applyToday((update.configuration as { today?: unknown } | undefined)?.today);
        }
    });

    // The cursor moves far more often than the plan changes: compute the view once per build.
    let cachedView: { base: string; view: PlanView } | undefined;
    builder.onUpdate(() => { cachedView = undefined; });
    builder.onBuildPhase(DocumentState.Validated, documents => {
        cachedView = undefined;
        void connection.sendNotification(PlanChangedNotification.method, { uris: documents.map(d => d.uri.toString()) } satisfies PlanChangedNotification.Params);
    });

    connection.onRequest(PlanViewRequest.method, async (params: PlanViewRequest.Params): Promise<PlanViewRequest.Result> => {
        await builder.waitUntil(DocumentState.Validated);
        const uri = URI.parse(params.uri);
        const base = folderOf(shared, uri);
        if (cachedView?.base !== String(base)) {
            cachedView = { base: String(base), view: workspacePlanView(acctDocuments(shared), base) };
        }
        return { view: cachedView.view, focus: focusAt(shared, uri, params.position) };
    });

    connection.onRequest(ExportPlanRequest.method, async (params: ExportPlanRequest.Params): Promise<ExportPlanRequest.Result> => {
        await builder.waitUntil(DocumentState.Validated);
        const plan = workspacePlan(acctDocuments(shared), URI.parse(params.workspaceFolder));
        return { json: serializePlan(plan), errors: plan.diagnostics.filter(d => d.severity === 'error').length };
    });
}

/** The workspace folder holding `uri` (paths in the plan are relative to it). */
function folderOf(shared: LangiumSharedServices, uri: URI): URI | undefined {
    const folders = shared.workspace.WorkspaceManager.workspaceFolders ?? [];
    const text = uri.toString();
    const match = folders
        .map(folder => folder.uri.replace(/\/+$/, ''))
        .filter(folder => text.startsWith(folder + '/'))
        .sort((a, b) => b.length - a.length)[0] ?? folders[0]?.uri;
    return match ? URI.parse(match) : undefined;
}

/** The customer, and the opportunity if any, that the cursor is in. */
function focusAt(shared: LangiumSharedServices, uri: URI, position: PlanViewRequest.Params['position']): PlanFocus {
    const document = shared.workspace.LangiumDocuments.getDocument(uri);
    const root = document?.parseResult.value.$cstNode;
    if (!document || !root || !position) return { customer: null, opportunity: null };
    const offset = document.textDocument.offsetAt(position);
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
    const node = leaf?.astNode;
    if (!node) return { customer: null, opportunity: null };
    const customer = AstUtils.getContainerOfType(node, isCustomer);
    const opportunity = AstUtils.getContainerOfType(node, isOpportunity);
    return { customer: customer?.name ?? null, opportunity: opportunity?.name ?? null };
}
