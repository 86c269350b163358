/**
 * Shared helpers for the unit tests: an in-memory multi-file workspace built with the real
 * language services (EmptyFileSystem), "today" pinned to 2026-11-22, diagnostics per file, and
 * small utilities to find positions in test texts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { createAcctServices, type AcctServices } from '../../server/src/acct-module.js';
import type { Workspace } from '../../server/src/language/generated/ast.js';
import { messageText } from '../../server/src/language/validation/finding-data.js';
import type { AcctPlanDocument } from '../../server/src/contract/plan-types.js';

export const TODAY = '2026-11-22';
export const WS = URI.parse('file:///ws');
export const fixtures = path.resolve(__dirname, '..', 'fixtures');

/** The contract's section-1 example, copied verbatim into test/fixtures/contract. */
export function contractFiles(): Record<string, string> {
    const dir = path.join(fixtures, 'contract');
    return {
        'team.acct': fs.readFileSync(path.join(dir, 'team.acct'), 'utf8'),
        'cmgd.acct': fs.readFileSync(path.join(dir, 'cmgd.acct'), 'utf8'),
    };
}

/** Members and competitors most test customers refer to (no policy: defaults apply). */
export const TEAM = `member alice "Alice Chen"
member bob   "Bob Li"
member carol "Carol Wu"
competitor ericsson "Ericsson"
competitor nokia    "Nokia"
`;

export const severities = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

export function uriOf(file: string): string {
    return `file:///ws/${file}`;
}

export interface Finding {
    file: string;
    code: string;
    severity: string;
    message: string;
    range: Range;
    diagnostic: Diagnostic;
}

/**
 * A built workspace. Its findings and plan stay valid; its services and documents only until
 * the next `buildWorkspace` (which reuses the services), so use the LSP providers right away.
 */
export interface TestWorkspace {
    shared: LangiumSharedServices;
    Acct: AcctServices;
    /** Documents by file name, in the order they were given. */
    docs: Record<string, LangiumDocument<Workspace>>;
    /** Every diagnostic of one file, or of all files. */
    findings(file?: string): Finding[];
    /** Findings of one code (optionally in one file). */
    withCode(code: string, file?: string): Finding[];
    /** The §4 document, paths relative to file:///ws. */
    plan(): AcctPlanDocument;
}

export interface BuildOptions {
    today?: string | null;
    /** New services instead of the shared ones (whose previous documents are deleted first). */
    fresh?: boolean;
    /** Order in which documents are added to the workspace (default: the order of `files`). */
    order?: string[];
}

let pooled: { shared: LangiumSharedServices; Acct: AcctServices } | undefined;

/**
 * Language services for the next workspace. Creating services (and their parser) costs ~20 ms,
 * so by default one instance per test file is reused: the previous workspace's documents are
 * deleted through `DocumentBuilder.update`, as when files are deleted in the editor, which also
 * clears the workspace caches (policy, global ids).
 */
async function services(fresh = false): Promise<{ shared: LangiumSharedServices; Acct: AcctServices }> {
    if (fresh) return createAcctServices(EmptyFileSystem);
    if (!pooled) {
        pooled = createAcctServices(EmptyFileSystem);
    } else {
        const uris = pooled.shared.workspace.LangiumDocuments.all.map(doc => doc.uri).toArray();
        await pooled.shared.workspace.DocumentBuilder.update([], uris);
        if (pooled.shared.workspace.LangiumDocuments.all.count() !== 0) throw new Error('documents left over');
    }
    return pooled;
}

/**
 * Creates (or reuses) services, adds each file as `file:///ws/NAME`, builds them with validation and
 * returns the findings. `today` defaults to 2026-11-22; `null` leaves it unset.
 */
export async function buildWorkspace(files: Record<string, string>, options: BuildOptions = {}): Promise<TestWorkspace> {
    const { shared, Acct } = await services(options.fresh);
    Acct.workspace.AcctSettings.todayOverride = options.today === null ? undefined : (options.today ?? TODAY);
    const names = options.order ?? Object.keys(files);
    const docs: Record<string, LangiumDocument<Workspace>> = {};
    for (const name of names) {
        const document = shared.workspace.LangiumDocumentFactory.fromString<Workspace>(files[name], URI.parse(uriOf(name)));
        shared.workspace.LangiumDocuments.addDocument(document);
        docs[name] = document;
    }
    await shared.workspace.DocumentBuilder.build(Object.values(docs), { validation: true });
    // Captured now: a later workspace built with the same services does not change them.
    const diagnostics = Object.fromEntries(names.map(name => [name, [...(docs[name].diagnostics ?? [])]]));
    const findings = (file?: string): Finding[] =>
        (file ? [file] : names).flatMap(name =>
            diagnostics[name].map(diagnostic => ({
                file: name,
                code: String(diagnostic.code),
                severity: severities[(diagnostic.severity ?? 1) as 1],
                message: messageText(diagnostic.message),
                range: diagnostic.range,
                diagnostic,
            })),
        );
    // Also computed now, while the documents are linked: the next pooled build deletes them.
    const plan = Acct.plan.PlanBuilder.plan(WS);
    return {
        shared,
        Acct,
        docs,
        findings,
        withCode: (code, file) => findings(file).filter(f => f.code === code),
        plan: () => structuredClone(plan),
    };
}

/** One customer file plus the standard team file: findings of `plan.acct`. */
export async function checkCustomer(text: string, extra: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestWorkspace> {
    return buildWorkspace({ 'team.acct': TEAM, ...extra, 'plan.acct': text }, options);
}

/** Position (0-based line/character) of the `occurrence`-th (0-based) `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 0): Position {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) not in the text`);
    }
    return offsetToPosition(text, index);
}

/** Range of the `occurrence`-th `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
    const start = positionOf(text, needle, occurrence);
    const lines = needle.split('\n');
    const end =
        lines.length === 1
            ? { line: start.line, character: start.character + needle.length }
            : { line: start.line + lines.length - 1, character: lines[lines.length - 1].length };
    return { start, end };
}

/** Range of the first `needle` at or after the first `anchor` in `text`. */
export function rangeAfter(text: string, anchor: string, needle: string): Range {
    const from = text.indexOf(anchor);
    if (from < 0) throw new Error(`'${anchor}' not in the text`);
    const index = text.indexOf(needle, from);
    if (index < 0) throw new Error(`'${needle}' not after '${anchor}'`);
    const start = offsetToPosition(text, index);
    return { start, end: { line: start.line, character: start.character + needle.length } };
}

export function offsetToPosition(text: string, offset: number): Position {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const character = offset - (before.lastIndexOf('\n') + 1);
    return { line, character };
}

/** Splits a text with one `<|>` marker into the text and the marker's position. */
export function cursor(marked: string): { text: string; position: Position; offset: number } {
    const offset = marked.indexOf('<|>');
    if (offset < 0) throw new Error('no <|> marker');
    const text = marked.slice(0, offset) + marked.slice(offset + 3);
    return { text, offset, position: offsetToPosition(text, offset) };
}

/** A readable one-line summary of findings, for failure messages. */
export function summary(findings: Finding[]): string {
    return findings.map(f => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code}: ${f.message}`).join('\n');
}

/**
 * A customer with no finding at all (value tier as suggested, reviewed recently, a complete
 * iron triangle, a decision-maker and an approver with known support, three supporters).
 * Tests replace pieces of it to make exactly one check fire.
 */
export const CLEAN = `customer acme "Acme Corp" {
    standing 3
    cooperation 3
    tier value
    reviewed 2026-06-01
    owner alice
    contact boss "Big Boss" {
        role approver
        support 1
        intimacy 1
        last-contact 2026-11-01
    }
    contact cto "Chief Tech" {
        role decision-maker
        support 2
        intimacy 1
        reports-to boss
        last-contact 2026-11-01
    }
    contact eng "Engineer" {
        role evaluator
        support 1
        intimacy 0
        reports-to cto
        last-contact 2026-11-01
    }
    opportunity deal "Big Deal" {
        stage bid
        amount 3M CNY
        budget 2M CNY
        start 2027-01-15
        team { ar alice sr bob fr carol }
        decision-chain {
            boss
            cto
            eng
        }
        competitors nokia
        value-proposition { strengths "the reference site in their province" }
    }
    activity lunch "Lunch" {
        kind dinner
        date 2026-12-01
        with boss, cto
        owner alice
        status planned
    }
}
`;

/** `CLEAN` with `from` replaced by `to` (which must occur exactly once). */
export function cleanWith(...edits: Array<[string, string]>): string {
    let text = CLEAN;
    for (const [from, to] of edits) {
        const first = text.indexOf(from);
        if (first < 0 || text.indexOf(from, first + 1) >= 0) throw new Error(`'${from}' must occur exactly once`);
        text = text.slice(0, first) + to + text.slice(first + from.length);
    }
    return text;
}
