/**
 * A workspace checked once, as the CLI checks it (`oneShot` services: no editor state kept), with
 * today pinned and English messages: the examples' plan files, and the build of any set of files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import type { Workspace } from '../../server/src/language/generated/ast.js';
import { TODAY } from '../unit/helpers.js';

/** The workspace folder the files are checked in. */
export const WS = URI.file('/ws');
export const examples = path.resolve(__dirname, '..', '..', 'examples');

/** Every plan file below examples/, by its path there. */
export function exampleFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const file of fs.readdirSync(examples, { recursive: true, encoding: 'utf8' }))
        if (file.endsWith('.acct')) files[file] = fs.readFileSync(path.join(examples, file), 'utf8');
    return files;
}

/** Services that check a plan once, `leanTree` with the CLI's lean syntax tree (AcctOneShotTreeModule). */
export function oneShotServices(leanTree = false) {
    const services = createAcctServices({ ...EmptyFileSystem, oneShot: true, leanTree });
    const settings = services.Acct.workspace.AcctSettings;
    settings.todayOverride = TODAY;
    settings.locale = 'en';
    settings.baseFolder = WS;
    return services;
}

/** `files` (by path below WS) added as documents and built with validation. */
export async function buildFiles(services: ReturnType<typeof oneShotServices>, files: Record<string, string>): Promise<LangiumDocument<Workspace>[]> {
    const { shared } = services;
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString<Workspace>(text, URI.file(`/ws/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}
