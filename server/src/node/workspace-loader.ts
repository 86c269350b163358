/**
 * Loads `.acct` files from disk into the language services, as the CLI and tests need them:
 * folders searched recursively, strict UTF-8 (a leading BOM accepted), clear errors for bad
 * paths. Never writes anything.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { createAcctServices, type AcctServices } from '../acct-module.js';
import type { Workspace } from '../language/generated/ast.js';
import type { AcctPlanDocument, DiagnosticJson } from '../contract/plan-types.js';
import type { PlanView } from '../contract/findings.js';
import type { LocatedFinding } from '../plan/diagnostics.js';

/** A problem with the input itself (not with the plan): the CLI exits 2 with this message. */
export class InputError extends Error {}

export interface LoadOptions {
    /** `YYYY-MM-DD`; otherwise ACCT_TODAY or the real date. */
    today?: string;
    /** Paths in the output are relative to this folder (default: the current directory). */
    cwd?: string;
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

const skippedFolders = new Set(['node_modules', '.git']);

export async function findAcctFiles(paths: string[], cwd: string): Promise<string[]> {
    const found = new Set<string>();
    for (const given of paths.length ? paths : ['.']) {
        const absolute = path.resolve(cwd, given);
        let stat;
        try {
            stat = await fs.stat(absolute);
        } catch (error) {
            throw new InputError(`${given}: no such file or folder. Check the path.`);
        }
        if (stat.isDirectory()) {
            await walk(absolute, found, given);
        } else {
            found.add(absolute);
        }
    }
    if (found.size === 0) {
        throw new InputError(`no .acct file found in ${paths.length ? paths.join(', ') : '.'}. Give a folder that holds account plans, or .acct files.`);
    }
    return [...found].sort();
}

async function walk(folder: string, found: Set<string>, given: string): Promise<void> {
    let entries;
    try {
        entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
        throw new InputError(`${given}: cannot read folder ${folder}. Check its permissions.`);
    }
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!skippedFolders.has(entry.name)) await walk(full, found, given);
        } else if (entry.isFile() && entry.name.endsWith('.acct')) {
            found.add(full);
        }
    }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function readPlanText(file: string, display: string): Promise<string> {
    let bytes: Buffer;
    try {
        bytes = await fs.readFile(file);
    } catch {
        throw new InputError(`${display}: cannot be read. Check that it is a readable file.`);
    }
    let text: string;
    try {
        text = utf8.decode(bytes);
    } catch {
        const line = lineOfFirstInvalidByte(bytes);
        throw new InputError(`${display}:${line}: not valid UTF-8. Save the file as UTF-8.`);
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineOfFirstInvalidByte(bytes: Buffer): number {
    // Decode line by line until one fails: the file is small enough for this to be cheap.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
        if (i === bytes.length || bytes[i] === 0x0a) {
            try {
                utf8.decode(bytes.subarray(start, i));
            } catch {
                return line;
            }
            line++;
            start = i + 1;
        }
    }
    return 1;
}

/** Loads, parses, links and checks the given files and folders with the shared language services. */
export async function loadWorkspace(paths: string[], options: LoadOptions = {}): Promise<LoadedWorkspace> {
    const cwd = options.cwd ?? process.cwd();
    const files = await findAcctFiles(paths, cwd);
    const texts = await Promise.all(files.map(file => readPlanText(file, path.relative(cwd, file) || file)));
    const { shared, Acct } = createAcctServices(EmptyFileSystem);
    Acct.workspace.AcctSettings.todayOverride = options.today;
    const documents = files.map((file, i) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString<Workspace>(texts[i], URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const base = URI.file(cwd);
    const plans = Acct.plan.PlanBuilder;
    return {
        shared, acct: Acct, documents, base,
        diagnostics: () => plans.diagnostics(base),
        plan: () => plans.plan(base),
        view: () => plans.view(base),
        located: () => plans.located(base),
    };
}
