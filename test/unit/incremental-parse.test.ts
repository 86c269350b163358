/**
 * The incremental parse (server/src/language/incremental) gives what a full parse gives: random
 * edits (characters, lines, braces, quotes, comments, keywords) applied one after another to the
 * examples, each re-parsed incrementally from the previous result and compared with a full parse
 * of the same text — the CST (every node, offsets, ranges, grammar elements), the AST (values,
 * references, containers) and the lexer and parser errors — and, over the language server's
 * update path, the documents' final diagnostics.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AstUtils, EmptyFileSystem, isReference, URI, type LangiumDocument, type ParseResult } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAcctServices } from '../../server/src/acct-module.js';
import { IncrementalParser } from '../../server/src/language/incremental/incremental-parse.js';
import type { Member, Workspace } from '../../server/src/language/generated/ast.js';
import { snapshotOf } from '../support/parse-snapshot.js';
import { TODAY } from './helpers.js';

const examples = path.resolve(__dirname, '..', '..', 'examples');
const files = ['team.acct', 'donghai-mobile.acct', 'huaxia-grid.acct', 'pearl-river-port.acct', 'regional/jinlan-bank.acct'];
const texts = files.map(file => fs.readFileSync(path.join(examples, file), 'utf8'));
/** How many random edit sequences (ACCT_PROPERTY_RUNS for longer runs). */
const RUNS = Number(process.env.ACCT_PROPERTY_RUNS ?? 400);

/** What an editor inserts: mostly text that keeps the plan parseable, often text that breaks it. */
const benign = [
    ' ',
    '  ',
    '\n',
    'x',
    'y1',
    'li',
    '5',
    '2',
    '-',
    '2026-01-01',
    '5M CNY',
    '"x"',
    '// note\n',
    '/* block */',
    '\n    // comment\n',
    'role coach',
    'owner alice',
    'intimacy 2',
    'support 1',
    'stage won',
    'with li',
    'reports-to li',
    'title "T"',
    '\n    contact n "N" { }\n',
    '\n    opportunity o "O" { stage lead }\n',
    '\n    activity a "A" { kind visit }\n',
    '\nmember m "M"\n',
];
const risky = [
    '{',
    '}',
    '"',
    '/',
    '*',
    '/*',
    '*/',
    '//',
    '\r\n',
    '\r',
    '\\',
    '?',
    ',',
    '.',
    '%',
    '\u0000',
    '陈',
    '"abc',
    'contact',
    'customer',
    'member',
    'competitor',
    'policy',
    'opportunity',
    'activity',
    'waive',
    'team',
    'decision-chain',
    'support',
    'contact n "N" {',
    'customer c "C" {',
    '}\n',
];

type EditOp = { kind: 'insert' | 'delete' | 'replace' | 'duplicate-line' | 'delete-line' | 'line-start'; at: number; length: number; text: string };

const editArb: fc.Arbitrary<EditOp> = fc.record({
    kind: fc.constantFrom('insert', 'insert', 'delete', 'replace', 'replace', 'duplicate-line', 'delete-line', 'line-start', 'line-start', 'line-start'),
    at: fc.nat(),
    length: fc.nat({ max: 40 }),
    text: fc
        .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...benign) }, { weight: 1, arbitrary: fc.constantFrom(...risky) }), {
            minLength: 1,
            maxLength: 3,
        })
        .map(parts => parts.join('')),
});

function apply(text: string, op: EditOp): string {
    const at = op.at % (text.length + 1);
    const end = Math.min(text.length, at + op.length);
    if (op.kind === 'insert') return text.slice(0, at) + op.text + text.slice(at);
    if (op.kind === 'delete') return text.slice(0, at) + text.slice(end);
    if (op.kind === 'replace') return text.slice(0, at) + op.text + text.slice(end);
    const start = text.lastIndexOf('\n', at - 1) + 1;
    if (op.kind === 'line-start') return text.slice(0, start) + op.text + text.slice(start);
    const lineEnd = text.indexOf('\n', at);
    const stop = lineEnd < 0 ? text.length : lineEnd + 1;
    return op.kind === 'duplicate-line' ? text.slice(0, stop) + text.slice(start, stop) + text.slice(stop) : text.slice(0, start) + text.slice(stop);
}

describe('incremental parse', () => {
    const { Acct } = createAcctServices(EmptyFileSystem);
    const parser = Acct.parser.LangiumParser;
    const incremental = new IncrementalParser(Acct, 1);
    const full = (text: string) => parser.parse<Workspace>(text);

    /** Parses `text` after `previous`, checks it against a full parse, and says whether it was incremental. */
    function step(previous: ParseResult<Workspace>, text: string): { result: ParseResult<Workspace>; partial: boolean } {
        const partial = incremental.parse(previous, text);
        const reference = full(text);
        if (!partial) return { result: reference, partial: false };
        const mine = snapshotOf(partial);
        expect(mine.problems).toEqual([]);
        expect(mine).toEqual(snapshotOf(reference));
        return { result: partial, partial: true };
    }

    it("gives the full parse's tree and errors after random edits of the examples", () => {
        let clean = 0;
        let partial = 0;
        let partialWithErrors = 0;
        fc.assert(
            fc.property(fc.nat({ max: texts.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 6 }), (which, ops) => {
                let text = texts[which]!;
                let previous = full(text);
                for (const op of ops) {
                    const edited = apply(text, op);
                    if (edited === text) continue;
                    const wasClean = previous.parserErrors.length + previous.lexerErrors.length === 0;
                    text = edited;
                    const next = step(previous, text);
                    if (wasClean && next.result.parserErrors.length + next.result.lexerErrors.length === 0) clean++;
                    if (next.partial) partial++;
                    if (next.partial && next.result.parserErrors.length > 0) partialWithErrors++;
                    previous = next.result;
                }
            }),
            { numRuns: RUNS },
        );
        // The test means something only if the edits that leave the plan parseable are re-parsed incrementally,
        // and some with errors after the edit too (their places move).
        expect(partial).toBeGreaterThanOrEqual(clean);
        expect(partialWithErrors).toBeGreaterThan(0);
        // 400 sequences of edits, each parsed in full and again as an edit: near 30 s at a load average of 13
    }, 300_000);

    it('re-parses one element of a customer, and keeps the identity of an edited member', () => {
        const customer = texts[1]!;
        const previous = full(customer);
        const at = customer.indexOf('intimacy', customer.indexOf('contact', customer.indexOf('contact') + 1));
        const edited = customer.slice(0, at) + 'intimacy 3 ' + customer.slice(at + 'intimacy 1'.length);
        expect(step(previous, edited).partial).toBe(true);

        const team = texts[0]!;
        const teamParse = full(team);
        const member = teamParse.value.declarations.find(d => d.$type === 'Member') as Member;
        const quote = team.indexOf('"', member.$cstNode!.offset);
        const renamed = team.slice(0, quote + 1) + 'Renamed ' + team.slice(quote + 1);
        const next = step(teamParse, renamed);
        expect(next.partial).toBe(true);
        const same = next.result.value.declarations.find(d => d.$type === 'Member' && d.name === member.name) as Member;
        expect(same).toBe(member);
        expect(same.displayName.startsWith('Renamed ')).toBe(true);
    });

    it("gives the full build's diagnostics over the language server's update path", async () => {
        const uris = files.map(file => URI.file(`/ws/${file}`));
        const fresh = async (contents: string[]) => {
            const { shared, Acct: services } = createAcctServices(EmptyFileSystem);
            services.workspace.AcctSettings.todayOverride = TODAY;
            const documents = contents.map((text, i) => shared.workspace.LangiumDocumentFactory.fromString<Workspace>(text, uris[i]!));
            documents.forEach(doc => shared.workspace.LangiumDocuments.addDocument(doc));
            await shared.workspace.DocumentBuilder.build(documents, { validation: true });
            return { shared, documents };
        };
        // The findings, and where each reference leads: into the current tree of the target's document.
        const diagnostics = (documents: LangiumDocument[]) =>
            documents.map(doc =>
                JSON.stringify({
                    diagnostics: doc.diagnostics,
                    references: doc.references.map(ref => {
                        const target = isReference(ref) ? ref.ref : undefined;
                        if (!target) return `${ref.$refText} unresolved`;
                        const root = AstUtils.findRootNode(target);
                        const live = root === AstUtils.getDocument(target).parseResult.value;
                        return `${ref.$refText} → ${AstUtils.getDocument(target).uri.path}@${target.$cstNode?.offset} ${live ? '' : 'STALE'}`;
                    }),
                }),
            );
        // Each edit in any file, team.acct (which every plan refers to) as often as the others together.
        const fileArb = fc.oneof(fc.constant(0), fc.nat({ max: texts.length - 1 }));
        await fc.assert(
            fc.asyncProperty(fc.array(fc.tuple(fileArb, editArb), { minLength: 1, maxLength: 4 }), async edits => {
                const contents = [...texts];
                const live = await fresh(contents);
                const textDocuments = live.shared.workspace.TextDocuments!;
                let version = 1;
                for (const [which, op] of edits) {
                    contents[which] = apply(contents[which]!, op);
                    textDocuments.set(TextDocument.create(uris[which]!.toString(), 'acct', ++version, contents[which]!));
                    await live.shared.workspace.DocumentBuilder.update([uris[which]!], []);
                    const reference = await fresh(contents);
                    expect(diagnostics(live.documents)).toEqual(diagnostics(reference.documents));
                }
            }),
            { numRuns: Math.max(20, Math.round(RUNS / 10)) },
        );
    }, 300_000);
});
