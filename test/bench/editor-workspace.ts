/**
 * A folder of plans held as the editor's language server holds it: the services `server/src/main.ts`
 * creates (Langium's full syntax tree, the index of references, the windowed completion; none of
 * the command line's one-shot shortcuts), every file added and built with validation. For the
 * figures that stand for the editor: its heap, and completion in process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { createAcctServices, type AcctServices } from '../../server/src/acct-module.js';
import type { AcctPlanDocument } from '../../server/src/contract/plan-types.js';

export interface EditorWorkspace {
    shared: LangiumSharedServices;
    acct: AcctServices;
    documents: LangiumDocument[];
    plan(): AcctPlanDocument;
}

export async function editorWorkspace(dir: string, today: string): Promise<EditorWorkspace> {
    const { shared, Acct } = createAcctServices(EmptyFileSystem);
    Acct.workspace.AcctSettings.todayOverride = today;
    Acct.workspace.AcctSettings.locale = 'en';
    const base = URI.file(dir);
    Acct.workspace.AcctSettings.baseFolder = base;
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf-8' }).filter(f => f.endsWith('.acct'));
    const documents = files.map(file => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(path.join(dir, file), 'utf-8'), URI.file(path.join(dir, file)));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { shared, acct: Acct, documents, plan: () => Acct.plan.PlanBuilder.plan(base) };
}
