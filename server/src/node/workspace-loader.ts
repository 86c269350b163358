/**
 * Loads `.acct` files into the language services, as the CLI and tests need them: from disk
 * (plan-files.ts finds and reads them) or as texts (a git revision). Never writes anything.
 */
import * as path from 'node:path';
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { createAcctServices, type AcctServices } from '../acct-module.js';
import type { Workspace } from '../language/generated/ast.js';
import type { AcctPlanDocument, DiagnosticJson } from '../contract/plan-types.js';
import type { PlanView } from '../contract/findings.js';
import { findAcctFiles, readPlanTexts, type FindOptions } from './plan-files.js';
import type { LocatedFinding } from '../plan/diagnostics.js';
import type { Locale, MarkingTexts } from '../method/index.js';
import { commitFileSystem } from './commit-plans.js';
import { forgetSharedStrings } from '../language/parser/acct-parser.js';
import { PlanByFile, type FileSide } from '../plan/plan-by-file.js';
import { comparedPlans, sidePlan, type ComparedPlans } from '../plan/diff-sides.js';
import type { IncrementalDocumentFactory } from '../language/incremental/incremental-document-factory.js';

export { InputError, findAcctFiles, isSkippedFolder, readPlanText } from './plan-files.js';

export interface LoadOptions {
    /** `YYYY-MM-DD`; otherwise ACCT_TODAY or the real date. */
    today?: string;
    /** Paths in the output are relative to this folder (default: the current directory). */
    cwd?: string;
    /** The language of the findings' messages (default English). */
    locale?: Locale;
    /** Texts of that language that keep the messages' marked forms (`--redact`). */
    marking?: MarkingTexts;
}

export interface LoadedWorkspace {
    shared: LangiumSharedServices;
    acct: AcctServices;
    documents: LangiumDocument<Workspace>[];
    base: URI;
    /** Every finding, sorted (what `acct check` prints), without computing the plan. */
    diagnostics(): DiagnosticJson[];
    plan(): AcctPlanDocument;
    view(): PlanView;
    /** The findings and the waived ones with their ends and subjects (SARIF, redaction). */
    located(): { diagnostics: LocatedFinding[]; waived: LocatedFinding[] };
}

/** Loads, parses, links and checks the given files and folders with the shared language services. */
export async function loadWorkspace(paths: string[], options: LoadOptions & FindOptions = {}): Promise<LoadedWorkspace> {
    const cwd = options.cwd ?? process.cwd();
    const files = await findAcctFiles(paths, cwd, options);
    const texts = await readPlanTexts(files, file => path.relative(cwd, file) || file);
    return loadTexts(
        files.map((file, i) => ({ file, text: texts[i]! })),
        options,
    );
}

/** One plan file as text, wherever it was read from (disk, a git revision). */
export interface PlanText {
    /** Absolute path: the plan's file paths are relative to `cwd` from it. */
    file: string;
    text: string;
}

/** Parses, links and checks plan texts with fresh language services. */
export async function loadTexts(files: readonly PlanText[], options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const cwd = options.cwd ?? process.cwd();
    // checked once, never updated: the lean syntax tree (acct-module.ts)
    const { shared, Acct } = createAcctServices({ ...EmptyFileSystem, oneShot: true, leanTree: true });
    Acct.workspace.AcctSettings.todayOverride = options.today;
    Acct.workspace.AcctSettings.locale = options.locale ?? 'en';
    Acct.workspace.AcctSettings.marking = options.marking;
    Acct.workspace.AcctSettings.baseFolder = URI.file(cwd);
    const documents = files.map(({ file, text }) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString<Workspace>(text, URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    // every text is parsed (the factory parses at once): the table that shared their strings goes
    forgetSharedStrings(Acct.parser.LangiumParser);
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const base = URI.file(cwd);
    const plans = Acct.plan.PlanBuilder;
    return {
        shared,
        acct: Acct,
        documents,
        base,
        diagnostics: () => plans.diagnostics(base),
        plan: () => plans.plan(base),
        view: () => plans.view(base),
        located: () => plans.located(base),
    };
}

/**
 * Two versions of a workspace checked by one set of language services (`acct diff` between two
 * revisions): the first in full, then the second as an update of it — only the files whose text
 * differs are parsed, and only they and what depends on them are linked and checked again (each
 * distinct file content checked once, as `acct history` does). Both sides are kept file by file
 * (plan/plan-by-file.ts): a file that did not change keeps its parse and its findings, and its
 * elements are converted only if a side's whole plan is asked for (`compared` leaves them out:
 * plan/diff-sides.ts).
 */
export async function loadTextsThen(
    first: readonly PlanText[],
    then: readonly PlanText[],
    options: LoadOptions = {},
): Promise<{ first: () => AcctPlanDocument; then: LoadedWorkspace; compared: () => ComparedPlans }> {
    const cwd = options.cwd ?? process.cwd();
    const fileSystem = commitFileSystem();
    // the lean syntax tree, each changed text parsed in full (the incremental parser works on the full tree)
    const { shared, Acct } = createAcctServices({ fileSystemProvider: () => fileSystem, oneShot: true, leanTree: true });
    Acct.workspace.AcctSettings.todayOverride = options.today;
    Acct.workspace.AcctSettings.locale = options.locale ?? 'en';
    Acct.workspace.AcctSettings.marking = options.marking;
    Acct.workspace.AcctSettings.baseFolder = URI.file(cwd);
    const { LangiumDocuments: documents, LangiumDocumentFactory: factory, DocumentBuilder: builder } = shared.workspace;
    const parser = Acct.parser.LangiumParser;
    (factory as IncrementalDocumentFactory).parseSource = { parse: (_uri, text) => parser.parse(text), replaced: () => undefined };
    const built = first.map(({ file, text }) => {
        const uri = URI.file(file);
        fileSystem.texts.set(uri.toString(), text);
        const document = factory.fromString<Workspace>(text, uri);
        documents.addDocument(document);
        return document;
    });
    await builder.build(built, { validation: true });
    const base = URI.file(cwd);
    const plans = Acct.plan.PlanBuilder;
    const byFile = new PlanByFile(Acct.validation.FindingPolicy);
    const today = Acct.workspace.AcctSettings.today();
    // the first side's findings, as `acct check` converts them
    const firstSides = byFile.sides(plans.acctDocuments(), base);
    const next = new Map(then.map(plan => [URI.file(plan.file).toString(), plan]));
    const deleted = documents.all
        .filter(document => !next.has(document.uri.toString()))
        .map(document => document.uri)
        .toArray();
    for (const uri of deleted) fileSystem.texts.delete(uri.toString());
    const changed: URI[] = [];
    for (const [key, { file, text }] of next) {
        if (fileSystem.texts.get(key) === text) continue;
        const uri = URI.file(file);
        fileSystem.texts.set(key, text);
        if (!documents.hasDocument(uri)) {
            // a new file: a document to parse (the update reads its text from the file system above)
            const document = factory.fromModel({ $type: 'INVALID' } as never, uri);
            (document as { state: DocumentState }).state = DocumentState.Changed;
            documents.addDocument(document);
        }
        changed.push(uri);
    }
    // the elements of the files the update parses again or removes, converted while their parse is linked
    const leaving = new Set([...changed, ...deleted].map(uri => uri.toString()));
    for (const document of plans.acctDocuments())
        if (leaving.has(document.uri.toString())) byFile.elementsOf(document.parseResult.value, byFile.path(document.uri, base));
    if (changed.length || deleted.length) await builder.update(changed, deleted);
    const current = then.map(({ file }) => documents.getDocument(URI.file(file)) as LangiumDocument<Workspace>);
    let thenSides: FileSide[] | undefined;
    const sides = () => (thenSides ??= byFile.sides(plans.acctDocuments(), base));
    let thenPlan: AcctPlanDocument | undefined;
    return {
        first: () => sidePlan(byFile, firstSides, today),
        then: {
            shared,
            acct: Acct,
            documents: current,
            base,
            diagnostics: () => plans.diagnostics(base),
            plan: () => (thenPlan ??= sidePlan(byFile, sides(), today)),
            view: () => plans.view(base),
            located: () => plans.located(base),
        },
        compared: () => comparedPlans(byFile, firstSides, sides(), today),
    };
}
