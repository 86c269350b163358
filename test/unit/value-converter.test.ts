/**
 * acct's value converter finds the rule that converts a value once per grammar element
 * (acct-value-converter.ts); what it gives is Langium's DefaultValueConverter's value, with acct's
 * one change (a STRING left open keeps what was written after the quote): on every node of the
 * examples and of broken plans, and on any text at every place of the grammar they reach.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefaultValueConverter, EmptyFileSystem, type CstNode, type GrammarAST, type ValueType } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { AcctValueConverter, stringValue } from '../../server/src/language/parser/acct-value-converter.js';

/** Langium's converter with acct's one change, as it was before the rules were remembered. */
class LangiumWithAcctStrings extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name === 'STRING' ? stringValue(input) : super.runConverter(rule, input, cstNode);
    }
}

const outcome = (convert: () => ValueType): unknown => {
    try {
        const value = convert();
        return value instanceof Date ? `date ${value.getTime()}` : value;
    } catch (error) {
        return `throws ${(error as Error).message}`;
    }
};

function nodesOf(text: string): CstNode[] {
    const { Acct } = createAcctServices(EmptyFileSystem);
    const root = Acct.parser.LangiumParser.parse(text).value.$cstNode!;
    const nodes: CstNode[] = [];
    const walk = (node: CstNode): void => {
        nodes.push(node);
        for (const child of (node as { content?: CstNode[] }).content ?? []) walk(child);
    };
    walk(root);
    return nodes;
}

const folder = path.join(__dirname, '..', '..', 'examples');
const examples = ['team.acct', 'donghai-mobile.acct', 'huaxia-grid.acct', 'pearl-river-port.acct', 'regional/jinlan-bank.acct'].map(file =>
    fs.readFileSync(path.join(folder, file), 'utf8'),
);
const broken = [
    'member a "A"\n'.repeat(3),
    'customer c "C" {\n    contact a "A" { role user support -2 intimacy 3 }\n    contact b "B { }\n',
    'customer c "C" { opportunity o "O" { amount 1.2B CNY stage bid close 2026-13-40 decision-chain { a coach support ? } } }',
    'customer c "C" { contact a "A" { title "esc \\" \\\\ \\n" intimacy -x } }',
];

describe('the value converter', () => {
    const nodes = [...examples, ...broken].flatMap(nodesOf);

    it('gives Langium’s value (with acct’s open strings) for every node of the examples and of broken plans', () => {
        expect(nodes.length).toBeGreaterThan(1000);
        const ours = new AcctValueConverter();
        const langiums = new LangiumWithAcctStrings();
        for (const node of nodes) {
            expect(outcome(() => ours.convert(node.text, node))).toEqual(outcome(() => langiums.convert(node.text, node)));
        }
    });

    it('gives Langium’s value for any text at every place of the grammar', () => {
        const places = [...new Map(nodes.map(node => [node.grammarSource, node])).values()];
        const ours = new AcctValueConverter();
        const langiums = new LangiumWithAcctStrings();
        const text = fc.oneof(fc.string(), fc.constantFrom('', '-', '12', '-3', '1.5', 'true', '"a"', '"open', '"a\\"b"', '2026-12-06', '?', 'x'));
        fc.assert(
            fc.property(fc.nat(places.length - 1), text, (which, input) => {
                const node = places[which]!;
                expect(outcome(() => ours.convert(input, node))).toEqual(outcome(() => langiums.convert(input, node)));
            }),
            { numRuns: 2000, seed: 20261206 },
        );
    });
});
