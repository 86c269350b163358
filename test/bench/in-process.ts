/**
 * In-process measures with the services the CLI and the server build: a full build by phase, the
 * language server's edit path (TextDocuments + DocumentBuilder.update) for one-line edits, and
 * linking against file size with our scoping and Langium's.
 */
import { performance } from 'node:perf_hooks';
import { DefaultScopeComputation, DefaultScopeProvider, DocumentState, EmptyFileSystem, URI, type LangiumDocument, type Module } from 'langium';
import type { LangiumServices, LangiumSharedServices, PartialLangiumServices } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAcctServices, type AcctServices } from '../../server/src/acct-module.js';
import { customerEdits, teamEdit, applyEdit, type LineEdit } from './edits.js';
import { bigCustomerText } from './generate.js';
import { gc, medianTiming, round, timed, type Timing } from './measure.js';

export interface Source {
    uri: URI;
    text: string;
}

/** Wall-clock time of each build phase (parse, index, scopes, link, ...) of one build. */
function phaseTimer(shared: LangiumSharedServices) {
    const marks = new Map<DocumentState, number>();
    const builder = shared.workspace.DocumentBuilder;
    const phases = [
        DocumentState.Parsed,
        DocumentState.IndexedContent,
        DocumentState.ComputedScopes,
        DocumentState.Linked,
        DocumentState.IndexedReferences,
        DocumentState.Validated,
    ];
    const disposables = phases.map(state =>
        builder.onBuildPhase(state, () => {
            marks.set(state, performance.now());
        }),
    );
    let start = 0;
    return {
        start() {
            marks.clear();
            start = performance.now();
        },
        result() {
            const at = (state: DocumentState) => marks.get(state) ?? start;
            return {
                index: round(at(DocumentState.IndexedContent) - at(DocumentState.Parsed)),
                scopes: round(at(DocumentState.ComputedScopes) - at(DocumentState.IndexedContent)),
                link: round(at(DocumentState.Linked) - at(DocumentState.ComputedScopes)),
                indexRefs: round(at(DocumentState.IndexedReferences) - at(DocumentState.Linked)),
                validate: round(at(DocumentState.Validated) - at(DocumentState.IndexedReferences)),
            };
        },
        dispose() {
            disposables.forEach(d => d.dispose());
        },
    };
}

type Scoping = 'acct' | 'default';

/** Our services (as the CLI and the server build them) or the same with Langium's default scoping. */
function services(scoping: Scoping, today: string): { shared: LangiumSharedServices; Acct: AcctServices } {
    const defaultScoping: Module<LangiumServices, PartialLangiumServices> = {
        references: { ScopeProvider: s => new DefaultScopeProvider(s), ScopeComputation: s => new DefaultScopeComputation(s) },
    };
    const made =
        scoping === 'acct'
            ? createAcctServices(EmptyFileSystem)
            : createAcctServices(EmptyFileSystem, defaultScoping as Module<AcctServices, PartialLangiumServices>);
    made.Acct.workspace.AcctSettings.todayOverride = today;
    return made;
}

/** Parses `sources` in fresh services and builds them; the parse and each phase timed. */
async function build(sources: Source[], today: string, scoping: Scoping = 'acct') {
    const made = services(scoping, today);
    const { shared, Acct } = made;
    Acct.parser.LangiumParser.parse(bigCustomerText(9, 300).text); // a warm parser, outside the measurement
    const timer = phaseTimer(shared);
    let documents: LangiumDocument[] = [];
    const parse = await timed(() => {
        documents = sources.map(s => shared.workspace.LangiumDocumentFactory.fromString(s.text, s.uri));
    });
    documents.forEach(doc => shared.workspace.LangiumDocuments.addDocument(doc));
    timer.start();
    const rest = await timed(() => shared.workspace.DocumentBuilder.build(documents, { validation: true }));
    const phases = { parse: round(parse.wallMs), ...timer.result() };
    timer.dispose();
    const errors = documents.flatMap(d => d.diagnostics ?? []).filter(d => d.severity === 1).length;
    return { ...made, documents, phases, errors, timing: { wallMs: parse.wallMs + rest.wallMs, cpuMs: parse.cpuMs + rest.cpuMs } };
}

/** Edits `document` through the language server's path, each edit after the previous one. */
async function timeEdits(shared: LangiumSharedServices, document: LangiumDocument, edits: LineEdit[]): Promise<Timing[]> {
    const textDocuments = shared.workspace.TextDocuments!;
    const uri = document.uri.toString();
    let text = document.textDocument.getText();
    const times: Timing[] = [];
    let version = 1;
    for (const edit of edits) {
        text = applyEdit(text, edit);
        textDocuments.set(TextDocument.create(uri, 'acct', ++version, text));
        times.push(await timed(() => shared.workspace.DocumentBuilder.update([document.uri], [])));
    }
    return times;
}

/** A full build of `sources` (median of 4 after one warm-up) and, for `focus`, one-line edits through the LSP path. */
export async function buildTimes(sources: Source[], today: string, focus?: string) {
    const builds: Timing[] = [];
    let last: Awaited<ReturnType<typeof build>> | undefined;
    for (let i = 0; i < 5; i++) {
        gc();
        last = await build(sources, today);
        if (i > 0) builds.push(last.timing);
    }
    const result: Record<string, unknown> = { build: medianTiming(builds), phases: last!.phases, errors: last!.errors };
    if (focus) {
        const document = last!.documents.find(doc => doc.uri.fsPath === focus)!;
        const edits = await timeEdits(last!.shared, document, customerEdits(document.textDocument.getText(), 11, 11));
        result.edit = { ...medianTiming(edits.slice(1)), maxMs: round(Math.max(...edits.slice(1).map(e => e.wallMs))) };
        result.diagnostics = document.diagnostics?.length ?? 0;
    }
    return result;
}

/** Edits in the workspace: one customer file, and team.acct (a comment only, a member's display name). */
export async function editTimes(sources: Source[], today: string, quick: boolean) {
    const { shared, documents } = await build(sources, today);
    const team = documents.find(doc => doc.uri.path.endsWith('team.acct'))!;
    const customer = documents.find(doc => !doc.uri.path.endsWith('team.acct'))!;
    const customerFile = await timeEdits(shared, customer, customerEdits(customer.textDocument.getText(), quick ? 3 : 5, 5));
    const teamEdits = async (kind: 'comment' | 'member') => {
        const times: Timing[] = [];
        for (let i = 0; i < (quick ? 2 : 3); i++) times.push(...(await timeEdits(shared, team, [teamEdit(team.textDocument.getText(), kind, i)])));
        return medianTiming(times);
    };
    return { customerFile: medianTiming(customerFile), teamComment: await teamEdits('comment'), teamMember: await teamEdits('member') };
}

/** Link phase and whole build against the size of one customer, with our scoping and Langium's (fastest of 3 fresh builds). */
export async function linkingAgainstSize(seed: number, sizes: number[], today: string, log: (line: string) => void) {
    const warmup = bigCustomerText(seed, 2000);
    const sourcesOf = (team: string, text: string): Source[] => [
        { uri: URI.file('/bench/team.acct'), text: team },
        { uri: URI.file('/bench/big.acct'), text },
    ];
    await build(sourcesOf(warmup.team, warmup.text), today, 'acct');
    await build(sourcesOf(warmup.team, warmup.text), today, 'default');
    const series: Array<Record<string, number>> = [];
    for (const size of sizes) {
        const { team, text } = bigCustomerText(seed, size);
        const row: Record<string, number> = { lines: text.split('\n').length - 1, references: countReferences(text) };
        for (const scoping of ['acct', 'default'] as const) {
            const link: number[] = [];
            const total: number[] = [];
            for (let i = 0; i < 3; i++) {
                gc();
                const { phases, errors } = await build(sourcesOf(team, text), today, scoping);
                if (errors) log(`warning: ${errors} errors with ${scoping} scoping at ${size} lines`);
                link.push(phases.link);
                total.push(Object.values(phases).reduce((a, b) => a + b, 0));
            }
            row[`${scoping}LinkMs`] = round(Math.min(...link));
            row[`${scoping}BuildMs`] = round(Math.min(...total));
        }
        series.push(row);
        log(`  linking ${row.lines} lines: acct ${row.acctLinkMs} ms, default ${row.defaultLinkMs} ms`);
    }
    return series;
}

function countReferences(text: string): number {
    let count = 0;
    for (const line of text.split('\n')) {
        const trimmed = line.trim();
        if (/^(reports-to|owner) /.test(trimmed)) count++;
        else if (/^with /.test(trimmed) || /^competitors /.test(trimmed)) count += trimmed.split(',').length;
        else if (/^team \{/.test(trimmed)) count += (trimmed.match(/\b(ar|sr|fr) /g) ?? []).length;
        else if (
            /^[\p{L}_][\p{L}\p{N}_]*( |$)/u.test(trimmed) &&
            !/^(contact|opportunity|activity|customer|title|department|role|support|intimacy|last-contact|stage|amount|budget|start|kind|date|status|outcome|industry|standing|cooperation|tier|reviewed|organization|decision-chain)\b/.test(
                trimmed,
            )
        )
            count++;
    }
    return count;
}
