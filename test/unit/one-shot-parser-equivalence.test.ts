/**
 * The one-shot parser (the CLI's: value leaves in place of their nodes, keywords in a table)
 * consumes the token of a one-token value rule (`name=Name`, `Name returns string: WORD`) in the
 * caller when that token is next, without Chevrotain's rule call (acct-parser.ts `directConsume`);
 * any other token takes the call. On the examples, randomly edited examples, the fuzz corpus and
 * names left out or misplaced: the same tree, AST and errors — each error's kind, tokens, message
 * and the rule stack it was found in — as the same parser calling the rule every time, and the
 * same AST and errors as the editor's parser (whose tree keeps Langium's nodes).
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, type CstNode, type LangiumParser } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { createAcctParser } from '../../server/src/language/parser/acct-parser.js';
import { exampleFiles } from '../support/checked-once.js';
import { astAsWritten, errorsAsMade } from '../support/parse-pictures.js';

const oneShot = createAcctServices({ ...EmptyFileSystem, oneShot: true, leanTree: true }).Acct.parser.LangiumParser;
const called = createAcctServices(
    { ...EmptyFileSystem, oneShot: true, leanTree: true },
    { parser: { LangiumParser: services => createAcctParser(services, { valueLeaves: true, callValueRules: true }) } },
).Acct.parser.LangiumParser;
const editors = createAcctServices(EmptyFileSystem).Acct.parser.LangiumParser;

const examples = Object.values(exampleFiles());
const corpusFolder = path.join(__dirname, '..', 'fuzz', 'corpus');
const corpus = fs
    .readdirSync(corpusFolder)
    .filter(file => file.endsWith('.acct'))
    .map(file => fs.readFileSync(path.join(corpusFolder, file), 'utf8'));

/** The AST as written and each error as Chevrotain makes it (test/support/parse-pictures.ts). */
function astAndErrors(parser: LangiumParser, text: string) {
    const result = parser.parse(text);
    return { ast: astAsWritten(result.value), errors: errorsAsMade(result), result };
}

/** What the one-shot tree holds: every node's place, text, grammar source and AST node, and the AST and errors. */
function picture(parser: LangiumParser, text: string) {
    const { ast, errors, result } = astAndErrors(parser, text);
    const nodes: string[] = [];
    const walk = (node: CstNode, depth: number): void => {
        const source = node.grammarSource;
        const { start, end } = node.range;
        nodes.push(
            `${depth} ${node.offset}+${node.length}${node.hidden ? 'h' : ''} ${start.line}:${start.character}-${end.line}:${end.character} ${source?.$type}:${source?.$containerProperty}:${JSON.stringify(source?.$cstNode?.range)} ${node.astNode.$type} ${node.text}`,
        );
        const content = (node as { content?: CstNode[] }).content;
        if (content) content.forEach(child => walk(child, depth + 1));
    };
    walk(result.value.$cstNode!, 0);
    return { nodes, ast, errors };
}

function expectSame(text: string): void {
    const direct = picture(oneShot, text);
    expect(direct).toEqual(picture(called, text));
    const { ast, errors } = astAndErrors(editors, text);
    expect({ ast: direct.ast, errors: direct.errors }).toEqual({ ast, errors });
}

/** Random edits: a line deleted or duplicated, a word dropped, a word or a piece of plan put in. */
const editArb = fc.array(
    fc.record({
        kind: fc.constantFrom('delete', 'duplicate', 'drop-word', 'insert'),
        at: fc.nat(),
        piece: fc.constantFrom('', 'a', 'customer', '"x"', '{', '}', '3', 'contact k', 'owner', '// c', '/* c */', 'customer a "a" {\n', 'member'),
    }),
    { minLength: 1, maxLength: 6 },
);

function edit(text: string, edits: Array<{ kind: string; at: number; piece: string }>): string {
    const lines = text.split('\n');
    for (const { kind, at, piece } of edits) {
        const i = at % lines.length;
        const line = lines[i]!;
        if (kind === 'delete') lines.splice(i, 1);
        else if (kind === 'duplicate') lines.splice(i, 0, line);
        else if (kind === 'drop-word') lines[i] = line.replace(/\S+\s*/, '');
        else {
            const column = (at >> 4) % (line.length + 1);
            lines[i] = `${line.slice(0, column)} ${piece} ${line.slice(column)}`;
        }
    }
    return lines.join('\n');
}

describe('the one-shot parser consumes a one-token value without its rule call (acct-parser.ts directConsume)', () => {
    it('builds what the rule call builds on the examples and the fuzz corpus', () => {
        expect(examples.length).toBeGreaterThan(3);
        expect(corpus.length).toBeGreaterThan(3);
        for (const text of [...examples, ...corpus]) expectSame(text);
    });

    it('on random edits of the examples', () => {
        fc.assert(
            fc.property(fc.nat(examples.length - 1), editArb, (which, edits) => expectSame(edit(examples[which]!, edits))),
            { numRuns: 200, seed: 20261207 },
        );
    });

    it('where a name is left out, misplaced, a keyword or something else', () => {
        const names = fc.constantFrom('a', 'lead', 'core', 'customer', '"a"', '3', '{', '}', '-', '?', '', 'a-b', 'contact', '/* c */ a');
        const places = [
            (name: string) => `customer ${name} "A" {\n    contact ${name} "K" { reports-to ${name} }\n}\n`,
            (name: string) => `member ${name} "M"\ncompetitor ${name} "C"\n`,
            (name: string) =>
                `customer c "C" {\n    opportunity ${name} "O" { decision-chain { ${name} coach } team { ar ${name} } }\n    activity ${name} "V" { with ${name} }\n}\n`,
            (name: string) => `customer ${name} "a" {\n`,
            (name: string) => `policy { severity ${name} off }\ncustomer c "C" { waive ${name} "r" }\n`,
        ];
        fc.assert(
            fc.property(fc.nat(places.length - 1), names, fc.nat(3), (which, name, copies) => expectSame(places[which]!(name).repeat(copies + 1))),
            { numRuns: 300, seed: 20261207 },
        );
        // the shape the change is for: unclosed customers, one inside the next
        const text = 'customer a "a" {\n'.repeat(300);
        expect(picture(oneShot, text).errors).toHaveLength(300);
        expectSame(text);
    });
});
