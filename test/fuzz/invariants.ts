/**
 * What must hold for any input, however broken: checking never throws; every diagnostic has a
 * known code and a range inside its document; a file that does not parse has a `syntax`
 * diagnostic; a plan without errors exports a document the JSON Schema accepts; the same input
 * gives the same document. No text is silently swallowed: the tokens (comments included) are the
 * same whatever the line breaks (LF, CR or CR LF), and the formatted plan (`acct format`) has
 * the same tokens, the same syntax errors and the same export as the original.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createAcctServices, type AcctServices } from '../../server/src/acct-module.js';
import { isIssueCode } from '../../server/src/method/index.js';
import { serializePlan } from '../../server/src/plan/plan-json.js';
import { applyLayout, layoutEdits, layoutPieces } from '../../server/src/language/editing/plan-layout.js';
import { formatSarif } from '../../server/src/cli/formats/sarif.js';
import { sandboxRanking } from '../../server/src/contract/sandbox.js';
import { diffPlans } from '../../server/src/contract/plan-diff.js';
import { ENGLISH_TEXTS } from '../../server/src/method/index.js';
import { validatePlan } from '../support/schema.js';
import { fuzzCaseArb, mutate, type FuzzCase } from './mutations.js';

const root = fs.existsSync(path.join(process.cwd(), 'examples')) ? process.cwd() : path.resolve(__dirname, '..', '..');
const exampleFiles = ['donghai-mobile.acct', 'huaxia-grid.acct', 'pearl-river-port.acct', 'regional/jinlan-bank.acct', 'team.acct'];
export const examples = exampleFiles.map(file => fs.readFileSync(path.join(root, 'examples', file), 'utf8'));
const team = examples[4]!;

export const caseArb = fuzzCaseArb(examples.length);

let services: { shared: ReturnType<typeof createAcctServices>['shared']; Acct: AcctServices } | undefined;

/** Checks the mutated example with the team file, as the CLI and the editor would; returns what it found. */
export async function build(text: string): Promise<{ documents: LangiumDocument[]; acct: AcctServices }> {
    services ??= createAcctServices(EmptyFileSystem);
    const { shared, Acct } = services;
    const old = shared.workspace.LangiumDocuments.all.map(doc => doc.uri).toArray();
    if (old.length) await shared.workspace.DocumentBuilder.update([], old);
    Acct.workspace.AcctSettings.todayOverride = '2026-11-22';
    const documents = [
        ['team.acct', team],
        ['plan.acct', text],
    ].map(([name, content]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(content!, URI.parse(`file:///fuzz/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { documents, acct: Acct };
}

export function textOf(fuzz: FuzzCase): string {
    const others = examples.filter((_, i) => i !== fuzz.example);
    return fuzz.mutations.reduce((text, mutation) => mutate(text, mutation, others), examples[fuzz.example]!);
}

/** Throws with a description when an invariant fails. */
export async function checkInvariants(text: string): Promise<void> {
    const { documents, acct } = await build(text);
    const base = URI.parse('file:///fuzz');
    for (const document of documents) {
        const lines = document.textDocument.lineCount;
        const parse = document.parseResult;
        const diagnostics = document.diagnostics ?? [];
        for (const d of diagnostics) {
            if (!isIssueCode(d.code)) throw new Error(`a diagnostic without a known code: ${JSON.stringify(d)}`);
            const { start, end } = d.range;
            const inside = (p: { line: number; character: number }) =>
                p.line >= 0 &&
                p.line < lines &&
                p.character >= 0 &&
                p.character <= document.textDocument.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).length;
            if (!inside(start) || !inside(end) || start.line > end.line || (start.line === end.line && start.character > end.character)) {
                throw new Error(`a range outside the document (${lines} lines): ${JSON.stringify(d.range)} ${d.code}`);
            }
        }
        if ((parse.lexerErrors.length || parse.parserErrors.length) && !diagnostics.some(d => d.code === 'syntax')) {
            throw new Error('the text does not parse but has no syntax diagnostic');
        }
    }
    const plan = acct.plan.PlanBuilder.plan(base);
    const serialized = serializePlan(plan);
    if (!plan.diagnostics.some(d => d.severity === 'error')) {
        const problems = validatePlan(JSON.parse(serialized));
        if (problems.length) throw new Error(`the export does not validate: ${problems.slice(0, 5).join('; ')}`);
    }
    const again = await build(text);
    const second = serializePlan(again.acct.plan.PlanBuilder.plan(base));
    if (second !== serialized) throw new Error('the same input gave another document');
    checkNothingSwallowed(text, acct);
    // the other outputs of the same plan: SARIF has one result per finding, sandbox ranks, diff against itself is empty
    const located = acct.plan.PlanBuilder.located(base);
    const sarif = JSON.parse(formatSarif({ findings: located.diagnostics, waived: located.waived, version: '0.0.0', texts: ENGLISH_TEXTS })) as {
        runs: Array<{ results: unknown[] }>;
    };
    if (sarif.runs[0]!.results.length !== located.diagnostics.length + located.waived.length) throw new Error('SARIF lost or added a finding');
    sandboxRanking(plan);
    const self = diffPlans(plan, plan, { from: 'a', to: null });
    if (self.changes.length || self.newFindings.length || self.resolvedFindings.length)
        throw new Error(`a plan compared with itself shows changes: ${JSON.stringify(self.changes.slice(0, 3))}`);
    const formatted = applyLayout(text, layoutEdits(text, layoutPieces(acct.parser.Lexer, text)));
    if (formatted !== text) {
        const before = tokenImages(text, acct);
        const after = tokenImages(formatted, acct);
        if (before.join('\u0000') !== after.join('\u0000')) throw new Error(`formatting changed the tokens: ${firstDifference(before, after)}`);
        const errors = (t: string) => {
            const r = acct.parser.LangiumParser.parse(t);
            return r.lexerErrors.length + r.parserErrors.length;
        };
        if (errors(text) !== errors(formatted)) throw new Error(`formatting changed the syntax errors: ${errors(text)} → ${errors(formatted)}`);
        const formattedPlan = await build(formatted);
        // With syntax errors, which of their cascades are dropped depends on the lines they are on.
        const findingsToo = errors(text) === 0;
        if (!samePlan(serializePlan(formattedPlan.acct.plan.PlanBuilder.plan(base)), serialized, findingsToo)) throw new Error('formatting changed the export');
    }
}

/** The images of every token and comment, line breaks written as `\n`, with a count of each kind. */
function tokenImages(text: string, acct: AcctServices): string[] {
    const result = acct.parser.Lexer.tokenize(text);
    return [...result.tokens, ...result.hidden]
        .sort((a, b) => a.startOffset - b.startOffset)
        .map(t => `${t.tokenType.name}:${t.image.replace(/\r\n?/g, '\n').trim()}`)
        .filter(image => !image.endsWith(':'));
}

function firstDifference(a: string[], b: string[]): string {
    const i = a.findIndex((x, k) => x !== b[k]);
    const at = i < 0 ? Math.min(a.length, b.length) : i;
    return `${a.length} tokens → ${b.length}; token ${at}: ${JSON.stringify(a[at])} → ${JSON.stringify(b[at])}`;
}

/**
 * Plan text is never swallowed by a line break: LF, CR and CR LF give the same tokens and
 * comments (a `//` comment or a string that ran on past a CR would take the next lines with it).
 */
function checkNothingSwallowed(text: string, acct: AcctServices): void {
    const base = tokenImages(text, acct);
    for (const eol of ['\n', '\r', '\r\n']) {
        const other = tokenImages(text.replace(/\r\n?|\n/g, eol), acct);
        if (other.join('\u0000') !== base.join('\u0000')) {
            throw new Error(`line breaks written ${JSON.stringify(eol)} change the tokens: ${firstDifference(base, other)}`);
        }
    }
}

/** Two exports of the same plan, whatever the lines its findings are on (formatting moves them); their findings too when asked. */
function samePlan(a: string, b: string, findingsToo: boolean): boolean {
    const strip = (json: string) => {
        const plan = JSON.parse(json) as Record<string, unknown>;
        const where = (list: unknown) =>
            ((list ?? []) as Array<Record<string, unknown>>).map(d => `${String(d['file'])} ${String(d['code'])} ${String(d['severity'])}`).sort();
        plan['diagnostics'] = findingsToo ? where(plan['diagnostics']) : [];
        plan['waived'] = findingsToo ? where(plan['waived']) : [];
        return JSON.stringify(plan);
    };
    return strip(a) === strip(b);
}

/** Saved failures, replayed by the tests. */
export const corpusDir = path.join(root, 'test', 'fuzz', 'corpus');

export function corpus(): Array<{ name: string; text: string }> {
    if (!fs.existsSync(corpusDir)) return [];
    return fs
        .readdirSync(corpusDir)
        .filter(f => f.endsWith('.acct'))
        .sort()
        .map(name => ({ name, text: fs.readFileSync(path.join(corpusDir, name), 'utf8') }));
}

/** Saved failures of the incremental parse: the fuzz case itself (example and edits). */
export function incrementalCorpus(): Array<{ name: string; fuzz: FuzzCase }> {
    if (!fs.existsSync(corpusDir)) return [];
    return fs
        .readdirSync(corpusDir)
        .filter(f => f.endsWith('.case.json'))
        .sort()
        .map(name => ({ name, fuzz: JSON.parse(fs.readFileSync(path.join(corpusDir, name), 'utf8')) as FuzzCase }));
}
