/**
 * The workspace's global ids (`WorkspaceFacts.globalDeclarations`, read by the duplicate-id check)
 * are updated in the few files an update changed instead of found again from every file
 * (`acct history` updates one to three files per commit): after any sequence of edits, new files
 * and deletions, they are what a workspace built from the same texts gives — each id's
 * declarations, in file order — and so is every file's duplicate-id finding. So are the policy
 * blocks in force (`WorkspaceFacts.policies`, kept while the parses that changed hold none), and
 * every reference's target and every finding (the global scopes of members and competitors are
 * kept while no file's symbols of their type changed: acct-index-manager.ts, acct-scope.ts).
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { AstUtils, DocumentState, EmptyFileSystem, isReference, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAcctServices } from '../../server/src/acct-module.js';
import type { Workspace } from '../../server/src/language/generated/ast.js';
import { TODAY, uriOf } from './helpers.js';

const FILES = ['a.acct', 'b.acct', 'c.acct', 'd.acct', 'e.acct'];
const IDS = ['alice', 'bob', 'acme', 'zte'];

/** A file declaring a few of the ids (members, competitors, customers; some twice). */
const fileText = fc
    .array(fc.tuple(fc.constantFrom('member', 'competitor', 'customer'), fc.constantFrom(...IDS)), { maxLength: 4 })
    .map(declarations =>
        declarations.map(([kind, id]) => (kind === 'customer' ? `customer ${id} "${id}" {\n    tier excellent\n}\n` : `${kind} ${id} "${id}"\n`)).join(''),
    );

type Step = { file: string; text: string | null };

/** A step that writes a comment at the start of the file: the incremental parse keeps its declarations, moved into the new parse. */
const COMMENT = '<comment>';

async function built(texts: Map<string, string>) {
    const { shared, Acct } = createAcctServices(EmptyFileSystem);
    Acct.workspace.AcctSettings.todayOverride = TODAY;
    const documents = [...texts].map(([name, text]) => shared.workspace.LangiumDocumentFactory.fromString<Workspace>(text, URI.parse(uriOf(name))));
    documents.forEach(doc => shared.workspace.LangiumDocuments.addDocument(doc));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { shared, Acct };
}

/** Each id's declarations as `file:type:line`, and each file's duplicate-id findings. */
function seen(services: Awaited<ReturnType<typeof built>>): { ids: Record<string, string[]>; findings: Record<string, string[]> } {
    const ids: Record<string, string[]> = {};
    for (const [name, list] of [...services.Acct.workspace.WorkspaceFacts.globalDeclarations()].sort(([a], [b]) => a.localeCompare(b))) {
        ids[name] = list.map(d => `${d.$container.$document!.uri.path}:${d.$type}:${d.$cstNode!.range.start.line}`);
    }
    const findings: Record<string, string[]> = {};
    for (const document of services.shared.workspace.LangiumDocuments.all as Iterable<LangiumDocument>) {
        findings[document.uri.path] = (document.diagnostics ?? []).filter(d => d.code === 'duplicate-id').map(d => `${d.range.start.line} ${d.message}`);
    }
    return { ids, findings };
}

/** A file with a policy block or not, among declarations. */
const policyText = fc
    .tuple(fc.option(fc.integer({ min: 1, max: 99 }), { freq: 2 }), fileText)
    .map(([days, rest]) => (days === null ? rest : `policy { stale-contact-days ${days} }\n${rest}`));

/** The policy blocks in force, each as `file:line`, and the thresholds. */
function policies(services: Awaited<ReturnType<typeof built>>): { blocks: string[]; staleContactDays: number } {
    const facts = services.Acct.workspace.WorkspaceFacts;
    const blocks = facts.policies().map(p => `${p.$container.$document!.uri.path}:${p.$cstNode!.range.start.line}`);
    return { blocks, staleContactDays: facts.policy().staleContactDays };
}

/**
 * Builds `start`, then takes each step as an update (an edit, a comment written at the start, a new
 * file, a deletion) and compares `view` of the workspace with `view` of one built from the texts.
 */
async function eachStepAsBuilt<T>(
    start: Array<[string, string]>,
    steps: readonly Step[],
    view: (services: Awaited<ReturnType<typeof built>>) => T,
): Promise<void> {
    const texts = new Map(start);
    const services = await built(texts);
    const { shared } = services;
    let version = 1;
    for (const { file, text: written } of steps) {
        const uri = URI.parse(uriOf(file));
        if (written === null) {
            if (!texts.delete(file)) continue;
            await shared.workspace.DocumentBuilder.update([], [uri]);
        } else {
            if (written === COMMENT && !texts.has(file)) continue;
            const text = written === COMMENT ? `// note\n${texts.get(file)!}` : written;
            texts.set(file, text);
            shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'acct', ++version, text));
            // a new file: an unparsed document, as acct history adds one (history-engine.ts)
            if (!shared.workspace.LangiumDocuments.hasDocument(uri)) {
                const document = shared.workspace.LangiumDocumentFactory.fromModel({ $type: 'INVALID' } as never, uri);
                (document as { state: DocumentState }).state = DocumentState.Changed;
                shared.workspace.LangiumDocuments.addDocument(document);
            }
            await shared.workspace.DocumentBuilder.update([uri], []);
        }
        expect(view(services)).toEqual(view(await built(texts)));
    }
}

describe('the policy blocks after an update', () => {
    it('are those of a workspace built from the same texts, after any edits, new files and deletions', async () => {
        const step: fc.Arbitrary<Step> = fc.record({ file: fc.constantFrom(...FILES), text: fc.option(policyText, { freq: 5 }) });
        await fc.assert(
            fc.asyncProperty(
                fc.array(fc.tuple(fc.constantFrom(...FILES), policyText), { minLength: 1, maxLength: 5 }),
                fc.array(step, { minLength: 1, maxLength: 8 }),
                (start, steps) => eachStepAsBuilt(start, steps, policies),
            ),
            { numRuns: Number(process.env.ACCT_PROPERTY_RUNS ?? 60), seed: 20261207 },
        );
    }, 300_000);
});

describe('the global ids after an update', () => {
    it('are those of a workspace built from the same texts, after any edits, new files and deletions', async () => {
        const step: fc.Arbitrary<Step> = fc.record({ file: fc.constantFrom(...FILES), text: fc.option(fc.oneof(fileText, fc.constant(COMMENT)), { freq: 4 }) });
        await fc.assert(
            fc.asyncProperty(
                fc.array(fc.tuple(fc.constantFrom(...FILES), fileText), { minLength: 1, maxLength: 5 }),
                fc.array(step, { minLength: 1, maxLength: 8 }),
                (start, steps) => eachStepAsBuilt(start, steps, seen),
            ),
            { numRuns: Number(process.env.ACCT_PROPERTY_RUNS ?? 60), seed: 20261206 },
        );
    }, 300_000);
});

/** A file declaring members and competitors, and customers whose owner and deal name some of them (or none declared). */
const referringText = fc
    .array(
        fc.oneof(
            fc.tuple(fc.constantFrom('member', 'competitor'), fc.constantFrom(...IDS)).map(([kind, id]) => `${kind} ${id} "${id.toUpperCase()}"\n`),
            fc
                .tuple(fc.constantFrom(...IDS), fc.constantFrom(...IDS), fc.constantFrom(...IDS), fc.boolean())
                .map(
                    ([customer, owner, competitor, blank]) =>
                        `${blank ? '\n' : ''}customer ${customer}_c "${customer}" {\n    owner ${owner}\n    opportunity ${customer}_o "${customer}" {\n        competitors ${competitor}\n        team { ar ${owner} }\n    }\n}\n`,
                ),
        ),
        { maxLength: 4 },
    )
    .map(declarations => declarations.join(''));

/**
 * Each reference's target's type — when it is a node of the workspace's current parses, not one of
 * a file since deleted or parsed again — or none, and each finding, per file. Which of two
 * declarations of one id a reference resolves to is left out: after an update the files' order
 * in Langium's index is not the order of a fresh build (a duplicate-id error either way).
 */
function references(services: Awaited<ReturnType<typeof built>>): Record<string, string[]> {
    const documents = services.shared.workspace.LangiumDocuments;
    const seen: Record<string, string[]> = {};
    for (const document of documents.all as Iterable<LangiumDocument>) {
        const lines: string[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            for (const { reference } of AstUtils.streamReferences(node)) {
                const target = isReference(reference) ? reference.ref : undefined;
                const root = target && AstUtils.findRootNode(target);
                const live = root?.$document && documents.getDocument(root.$document.uri)?.parseResult.value === root;
                lines.push(`${reference.$refText} -> ${!target ? 'none' : live ? target.$type : 'a node no longer in the workspace'}`);
            }
        }
        for (const d of document.diagnostics ?? []) lines.push(`${d.range.start.line} ${String(d.code)} ${d.message}`);
        seen[document.uri.path] = lines;
    }
    return seen;
}

describe('the references after an update', () => {
    it('resolve as in a workspace built from the same texts, after any edits, new files and deletions', async () => {
        const step: fc.Arbitrary<Step> = fc.record({
            file: fc.constantFrom(...FILES),
            text: fc.option(fc.oneof(referringText, fc.constant(COMMENT)), { freq: 5 }),
        });
        await fc.assert(
            fc.asyncProperty(
                fc.array(fc.tuple(fc.constantFrom(...FILES), referringText), { minLength: 1, maxLength: 5 }),
                fc.array(step, { minLength: 1, maxLength: 8 }),
                (start, steps) => eachStepAsBuilt(start, steps, references),
            ),
            { numRuns: Number(process.env.ACCT_PROPERTY_RUNS ?? 60), seed: 20261208 },
        );
    }, 300_000);
});
