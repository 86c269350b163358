/**
 * The parser patches of server/src/language/parser/acct-parser.ts (bounded in-repetition recovery,
 * linear comment handling, resynchronisation, remembered grammar walks, small tokens) change how
 * fast the parser is, never what it builds: on random edits of the examples — comments inserted,
 * tokens deleted and duplicated — it gives the same CST, AST and errors as Langium's own parser
 * with the one deliberate change of recovery (block-recovery.ts: a misspelt item's block skipped
 * whole).
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLangiumParser, EmptyFileSystem, type CstNode, type LangiumParser } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { skipBlocksWhenRecovering } from '../../server/src/language/parser/block-recovery.js';
import { parserInternals } from '../../server/src/language/langium-internals.js';
import { astAsWritten, errorsAsMade } from '../support/parse-pictures.js';

const examples = ['team.acct', 'donghai-mobile.acct', 'huaxia-grid.acct', 'pearl-river-port.acct', 'regional/jinlan-bank.acct'].map(file =>
    fs.readFileSync(path.join(__dirname, '..', '..', 'examples', file), 'utf8'),
);

const ours = createAcctServices(EmptyFileSystem).Acct.parser.LangiumParser;
// Langium's parser with the one patch that changes what is built from broken text (block-recovery.ts).
const langiums: LangiumParser = createAcctServices(EmptyFileSystem, {
    parser: {
        LangiumParser: services => {
            const parser = createLangiumParser(services);
            skipBlocksWhenRecovering(parserInternals(parser).wrapper);
            return parser;
        },
    },
}).Acct.parser.LangiumParser;

function picture(parser: LangiumParser, text: string) {
    const result = parser.parse(text);
    const leaves: string[] = [];
    const walk = (node: CstNode, depth: number): void => {
        const content = (node as { content?: CstNode[] }).content;
        if (content) content.forEach(child => walk(child, depth + 1));
        else leaves.push(`${node.offset}+${node.length}${node.hidden ? 'h' : ''}@${depth}:${node.astNode.$type}`);
    };
    walk(result.value.$cstNode!, 0);
    const ast = astAsWritten(result.value);
    const errors = errorsAsMade(result);
    return { leaves, ast, errors };
}

/** Random edits: a comment before a line, a line deleted, a line duplicated, a word dropped. */
const editArb = fc.array(
    fc.record({
        kind: fc.constantFrom('comment', 'block-comment', 'delete', 'duplicate', 'drop-word'),
        at: fc.nat(),
    }),
    { minLength: 1, maxLength: 6 },
);

function edit(text: string, edits: Array<{ kind: string; at: number }>): string {
    const lines = text.split('\n');
    for (const { kind, at } of edits) {
        const i = at % lines.length;
        if (kind === 'comment') lines.splice(i, 0, '    // a note');
        else if (kind === 'block-comment') lines[i] = `/* x */ ${lines[i]} /* y */`;
        else if (kind === 'delete') lines.splice(i, 1);
        else if (kind === 'duplicate') lines.splice(i, 0, lines[i]!);
        else lines[i] = lines[i]!.replace(/\S+\s*/, '');
    }
    return lines.join('\n');
}

describe('the patched parser builds what Langium builds', () => {
    it('on the examples as written', () => {
        for (const text of examples) expect(picture(ours, text)).toEqual(picture(langiums, text));
    });

    it('on random edits with comments and mistakes', () => {
        fc.assert(
            fc.property(fc.nat(examples.length - 1), editArb, (which, edits) => {
                const text = edit(examples[which]!, edits);
                expect(picture(ours, text)).toEqual(picture(langiums, text));
            }),
            { numRuns: 150, seed: 20261126 },
        );
    });

    // a rule that is one choice recovers without a throw (recovery-speedups.ts recoveredInRule): the same tree and errors
    it('words that no alternative of a one-choice rule takes (`role user`, a tier, a stage, a support value), anywhere', () => {
        const places = [
            (word: string) => `customer c "C" {\n    contact a "A" {\n        role ${word}\n        role ${word} support 2\n    }\n}\n`,
            (word: string) => `customer c "C" {\n    tier ${word}\n    contact a "A" { role ${word} }\n`,
            (word: string) =>
                `customer c "C" {\n    contact a "A" { support ${word} intimacy 2 }\n    contact b "B" { role coach }\n    opportunity o "O" { stage ${word} decision-chain { a ${word} b coach } }\n}\n`,
            (word: string) => `member m "M"\ncustomer c "C" { contact a "A" { role ${word}`,
            (word: string) => `customer c "C" {\n    opportunity o "O" { decision-chain { a ${word} } stage }\n}\n`,
        ];
        const words = fc.constantFrom('user', '}', '{', '"x"', 'coach', '-', '?', 'contact', 'customer', '3', 'role', '');
        fc.assert(
            fc.property(fc.nat(places.length - 1), words, fc.nat(3), (which, word, copies) => {
                const text = places[which]!(word).repeat(copies + 1);
                expect(picture(ours, text)).toEqual(picture(langiums, text));
            }),
            { numRuns: 300, seed: 20261206 },
        );
        // a megabyte's worth in small: one error a line, the contact kept
        const text = 'customer c "C" {\n    contact a "A" {\n' + 'role user\n'.repeat(500) + '    }\n}\n';
        const pictured = picture(ours, text);
        expect(pictured.errors).toHaveLength(500);
        expect(pictured).toEqual(picture(langiums, text));
    });

    it('a customer with a comment before each of 2,000 contacts', () => {
        const text = 'customer c "C" {\n' + Array.from({ length: 2000 }, (_, i) => `    // note ${i}\n    contact k${i} "K" { }\n`).join('') + '}\n';
        expect(picture(ours, text)).toEqual(picture(langiums, text));
    });
});
