/**
 * The windowed completion (server/src/lsp/completion-window.ts) must answer exactly as
 * Langium's own path, which parses from the start of the file: compared at many positions of a
 * generated plan, as written and while a line is being typed, and with a syntax error earlier
 * in the file (where the shortcut must not be taken).
 */
import { describe, expect, test, vi } from 'vitest';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { createAcctServices } from '../../server/src/acct-module.js';
import { AcctCompletionProvider } from '../../server/src/lsp/acct-completion.js';
import { bigCustomerText, Random } from './generate.js';

async function documentsFor(files: Record<string, string>) {
    const { shared, Acct } = createAcctServices(EmptyFileSystem);
    const docs: Record<string, LangiumDocument> = {};
    for (const [name, text] of Object.entries(files)) {
        docs[name] = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/t/${name}`));
        shared.workspace.LangiumDocuments.addDocument(docs[name]);
    }
    await shared.workspace.DocumentBuilder.build(Object.values(docs), { validation: false });
    return { Acct, docs };
}

async function compareAt(files: Record<string, string>, positions: (text: string) => Position[]) {
    const { Acct, docs } = await documentsFor(files);
    const windowed = Acct.lsp.CompletionProvider!;
    const reference = new AcctCompletionProvider(Acct);
    const doc = docs['plan.acct'];
    // The completion parser is shared: record how much text the windowed provider makes it parse.
    const parser = Acct.parser.CompletionParser;
    const parse = vi.spyOn(parser, 'parse');
    let compared = 0;
    const parsed: number[] = [];
    for (const position of positions(doc.textDocument.getText())) {
        const params = { textDocument: { uri: doc.uri.toString() }, position };
        parse.mockClear();
        const ours = await windowed.getCompletion(doc, params);
        parsed.push(Math.max(0, ...parse.mock.calls.map(([input]) => input.length)));
        const theirs = await reference.getCompletion(doc, params);
        expect(ours?.items, `at ${position.line + 1}:${position.character + 1}`).toEqual(theirs?.items);
        compared++;
    }
    parse.mockRestore();
    /** The longest text parsed for one request, and for each request. */
    return { compared, longest: Math.max(...parsed), parsed };
}

/** Every line start, the character after the first word and the line end, for a sample of lines. */
function samplePositions(text: string, seed: number, count: number): Position[] {
    const lines = text.split('\n');
    const random = new Random(seed);
    const positions: Position[] = [
        { line: 0, character: 0 },
        { line: lines.length - 1, character: 0 },
    ];
    for (let i = 0; i < count; i++) {
        const line = random.int(0, lines.length - 1);
        const content = lines[line];
        const indent = Math.max(0, content.search(/\S/));
        const space = content.indexOf(' ', indent);
        positions.push({ line, character: indent });
        positions.push({ line, character: content.length });
        if (space > 0) positions.push({ line, character: space + 1 });
        positions.push({ line, character: random.int(0, content.length) });
    }
    return positions;
}

describe('windowed completion answers as Langium does', () => {
    const { team, text } = bigCustomerText(11, 1200);
    const second = bigCustomerText(12, 300).text.replace(/natgroup/g, 'othergroup');
    const plan = `member extra "Extra"\n${text}\n${second}`;

    test('on a plan as written', async () => {
        const { compared, longest } = await compareAt({ 'team.acct': team, 'plan.acct': plan }, t => samplePositions(t, 1, 60));
        expect(compared).toBeGreaterThan(200);
        expect(longest).toBeLessThan(2000); // the plan is 40 kB: the shortcut was taken everywhere
    }, 60_000);

    test('while a line is being typed (the text does not parse at the cursor)', async () => {
        const lines = plan.split('\n');
        const random = new Random(2);
        const partials = [
            '        role ',
            '        reports-to ',
            '        support ',
            '        intimacy ',
            '    contact neu "Neu" {\n        ',
            '            ',
            '        with ',
            '        team { ar ',
            '    opportunity o9 "x" {\n        stage ',
            '    ',
            'cust',
            '        owner ',
        ];
        for (const partial of partials) {
            const at = random.int(10, lines.length - 5);
            const edited = [...lines.slice(0, at), partial, ...lines.slice(at)].join('\n');
            const line = at + partial.split('\n').length - 1;
            const character = partial.split('\n').pop()!.length;
            const { parsed } = await compareAt({ 'team.acct': team, 'plan.acct': edited }, () => [
                { line, character },
                { line: line + 1, character: 4 },
                { line: line + 3, character: 8 },
            ]);
            // At the cursor the shortcut is taken (the error is there, not before); after it, it may not be.
            if (partial !== 'cust') expect(parsed[0], partial).toBeLessThan(2000);
        }
    }, 60_000);

    test('with a syntax error before the cursor (the shortcut is not taken)', async () => {
        const broken = plan.replace('        intimacy', '        intimacy }{ ');
        const { compared, longest } = await compareAt({ 'team.acct': team, 'plan.acct': broken }, t => samplePositions(t, 3, 20));
        expect(compared).toBeGreaterThan(60);
        expect(longest).toBeGreaterThan(10_000);
    }, 60_000);
});
