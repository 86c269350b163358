/**
 * The plan protocol (contract/protocol.ts) that the views and the export command use, beside
 * Langium's LSP features: the plan in parts or whole, the focus at the cursor, where a subject
 * is written, the export; and the `acct.today` setting and the display language (the
 * `initialize` request's locale: VS Code sends its own). Registered by createAcctServices when
 * it is given a connection.
 */
import { DocumentState, URI, type LangiumCoreServices } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { AcctLanguageAddedServices } from '../language/acct-language-services.js';
import { isDate, localeOf } from '../method/index.js';
import type { AcctPlanAddedServices } from '../plan/plan-module.js';
import { serializePlan } from '../plan/plan-json.js';
import { focusAt, trendSubjectAt } from '../plan/focus.js';
import { NO_FOCUS } from '../contract/plan-focus.js';
import {
    ExportPlanRequest,
    FocusRequest,
    HistoryReadyNotification,
    LocateRequest,
    PlanChangedNotification,
    PlanPartsRequest,
    PlanViewRequest,
    StageAgesRequest,
    TrendsRequest,
    WorkspaceTrustNotification,
} from '../contract/protocol.js';
import { isSubjectKey, SubjectKeys } from '../contract/subject-key.js';
import { isActive } from '../method/index.js';
import { agesRecord, HistoryCache, historyCaches, idleAfter, type HistoryReader } from './history-cache.js';

export function registerPlanProtocol(
    connection: Connection,
    shared: LangiumSharedServices,
    acct: LangiumCoreServices & AcctLanguageAddedServices & AcctPlanAddedServices,
    history?: HistoryReader,
): void {
    const builder = shared.workspace.DocumentBuilder;
    const settings = acct.workspace.AcctSettings;
    const plans = acct.plan.PlanBuilder;
    // created now, so that it counts every build from the first
    const parts = acct.plan.PlanParts;

    // The days since a last contact (inlay hints) count from today: an editor that caches hints
    // is asked to fetch them again when today changes.
    let hintsRefreshable = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        hintsRefreshable = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    });

    const applyToday = async (value: unknown) => {
        const today = typeof value === 'string' && isDate(value.trim()) ? value.trim() : undefined;
        const problem = settings.problem();
        if (problem && !today) connection.console.warn(`acct: ${problem.message} The checks use the real date.`);
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
        if (hintsRefreshable) void connection.languages.inlayHint.refresh().catch(() => undefined);
    };
    // Before any document is built: the findings, hovers and lenses speak the editor's language.
    shared.lsp.LanguageServer.onInitialize(params => {
        settings.locale = localeOf(params.locale);
    });
    shared.lsp.LanguageServer.onInitialized(async () => {
        await shared.workspace.WorkspaceManager.ready;
        await applyToday(await shared.workspace.ConfigurationProvider.getConfiguration('acct', 'today'));
    });
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === 'acct') {
            void applyToday((update.configuration as { today?: unknown } | undefined)?.today);
        }
    });

    builder.onBuildPhase(DocumentState.Validated, documents => {
        void connection.sendNotification(PlanChangedNotification.type, { uris: documents.map(d => d.uri.toString()) });
    });

    connection.onRequest(PlanViewRequest.type, async params => {
        await builder.waitUntil(DocumentState.Validated);
        return plans.view(acct.workspace.FilePlaces.baseOf(URI.parse(params.uri)));
    });

    connection.onRequest(PlanPartsRequest.type, async params => {
        await builder.waitUntil(DocumentState.Validated);
        const known = params.known ?? {};
        return parts.answer(acct.workspace.FilePlaces.baseOf(URI.parse(params.uri)), {
            customer: typeof params.customer === 'string' ? params.customer : null,
            known: { outline: stringOrUndefined(known.outline), customer: stringOrUndefined(known.customer), errors: stringOrUndefined(known.errors) },
            keepGood: params.keepGood === true,
        });
    });

    connection.onRequest(FocusRequest.type, async params => {
        // a request is untrusted JSON: without a document and a position there is nothing to focus
        const position = (params as Partial<FocusRequest.Params> | null)?.position;
        if (typeof params?.uri !== 'string' || !position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) return null;
        await builder.waitUntil(DocumentState.Parsed);
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
        return document ? focusAt(document, document.textDocument.offsetAt(params.position)) : NO_FOCUS;
    });

    connection.onRequest(LocateRequest.type, async params => {
        await builder.waitUntil(DocumentState.Validated);
        return plans.locate(params.subject);
    });

    // The plan over time (Trends, stage age): read once per folder and HEAD, in the background; git only in a trusted workspace.
    // the reading waits for the checks of the plans (an edit's diagnostics go first)
    const idle = idleAfter(() => builder.waitUntil(DocumentState.Validated));
    const cache = new HistoryCache(history, folder => void connection.sendNotification(HistoryReadyNotification.type, { folder }), idle);
    historyCaches.set(settings, cache);
    shared.lsp.LanguageServer.onInitialize(params => {
        cache.trusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted === true;
    });
    connection.onNotification(WorkspaceTrustNotification.type, params => {
        cache.trusted = params?.trusted === true;
    });
    const folderPath = (uri: string) => (acct.workspace.FilePlaces.baseOf(URI.parse(uri)) ?? URI.parse(uri)).fsPath;

    connection.onRequest(TrendsRequest.type, async params => {
        if (typeof params?.uri !== 'string') return { status: 'noSubject' };
        let subject = isSubjectKey(params.subject) ? { key: params.subject, name: null as string | null } : null;
        const position = params.position;
        if (!subject && position && Number.isInteger(position.line) && Number.isInteger(position.character)) {
            // the document at the cursor, parsed: never the whole workspace's build (a cursor move answers at once)
            let document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
            if (!document || document.state < DocumentState.Parsed) {
                await builder.waitUntil(DocumentState.Parsed);
                document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
            }
            subject = document ? trendSubjectAt(document, document.textDocument.offsetAt(position)) : null;
        }
        return cache.trend(folderPath(params.uri), subject?.key ?? null, subject?.name ?? null, settings.texts());
    });

    connection.onRequest(StageAgesRequest.type, async params => {
        if (typeof params?.uri !== 'string') return { status: 'noSubject', ages: {} };
        const { status, ages } = await cache.stageAges(folderPath(params.uri), settings.locale);
        if (!ages) return { status, ages: {} };
        await builder.waitUntil(DocumentState.Validated);
        const base = acct.workspace.FilePlaces.baseOf(URI.parse(params.uri));
        const plan = plans.plan(base ?? URI.parse(params.uri));
        const keys = plan.customers.flatMap(c =>
            c.opportunities.filter(o => isActive(o.stage)).map(o => ({ key: SubjectKeys.opportunity(c.id, o.id), stage: o.stage })),
        );
        return { status, ages: agesRecord(ages, keys) };
    });

    connection.onRequest(ExportPlanRequest.type, async params => {
        await builder.waitUntil(DocumentState.Validated);
        const plan = plans.plan(URI.parse(params.workspaceFolder));
        return { json: serializePlan(plan), errors: plan.diagnostics.filter(d => d.severity === 'error').length };
    });
}

/** A field of a request as sent: only a string counts. */
function stringOrUndefined(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
}
