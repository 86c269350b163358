/**
 * The formatter's layout (language/editing/plan-layout.ts): the examples are already formatted; a messy
 * plan gets the examples' layout; formatting twice is formatting once; and formatting never
 * changes the plan — on well-formed plans with their white space scrambled (the export is the
 * same) and on hostile mutations of them (the tokens are the same).
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { EmptyFileSystem, type Lexer } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { applyLayout, layoutEdits, layoutPieces } from '../../server/src/language/editing/plan-layout.js';
import { serializePlan } from '../../server/src/plan/plan-json.js';
import { caseArb, examples, textOf } from '../fuzz/invariants.js';
import { buildWorkspace } from './helpers.js';

const { Acct } = createAcctServices(EmptyFileSystem);
const lexer: Lexer = Acct.parser.Lexer;

function format(text: string, indent?: string): string {
    return applyLayout(text, layoutEdits(text, layoutPieces(lexer, text), { indent }));
}

/** Every token's type and text, comments included: what formatting must never change. */
function tokens(text: string): string[] {
    const result = lexer.tokenize(text);
    return [...result.tokens, ...result.hidden].sort((a, b) => a.startOffset - b.startOffset).map(t => `${t.tokenType.name}:${t.image}`);
}

async function exported(text: string): Promise<string> {
    const w = await buildWorkspace({ 'team.acct': examples[4]!, 'plan.acct': text });
    const plan = w.plan();
    // where a finding is moves with the lines; what it says does not
    const findings = plan.diagnostics.map(d => `${d.severity} ${d.code}: ${d.message}`).sort();
    const waived = plan.waived.map(d => ({ ...d, line: 0, column: 0 }));
    return serializePlan({ ...plan, diagnostics: [], waived }) + findings.join('\n');
}

describe('formatting', () => {
    it('leaves every example as it is: they are formatted', () => {
        for (const example of examples) expect(layoutEdits(example, layoutPieces(lexer, example))).toEqual([]);
    });

    it("gives a messy plan the examples' layout, keeping comments, aligned columns and one blank line between groups", () => {
        const messy = [
            '',
            '',
            '  member alice   "Alice"   // AR',
            'member bob     "Bob"',
            '',
            'customer c "C"{ tier core   ',
            '',
            '',
            '',
            '  contact a "A" {role approver}',
            '',
            '      /* a note',
            '         on two lines */',
            ' opportunity o "O" { stage lead',
            '',
            ' team { ar alice }  }  competitors x ,y,z',
            '',
            '}',
            '',
            '',
        ].join('\n');
        expect(format(messy)).toBe(
            [
                'member alice   "Alice"   // AR',
                'member bob     "Bob"',
                '',
                'customer c "C" {',
                '    tier core',
                '',
                '    contact a "A" { role approver }',
                '',
                // a block comment's later lines are the author's: never re-indented
                '    /* a note',
                '         on two lines */',
                '    opportunity o "O" {',
                '        stage lead',
                '',
                '        team { ar alice }',
                '    }',
                '    competitors x, y, z',
                '}',
                '',
            ].join('\n'),
        );
    });

    it('keeps CR LF line ends, takes the indentation asked for, and a stray `}` indents nothing below zero', () => {
        expect(format('customer c "C" {\r\ntier core\r\n}\r\n')).toBe('customer c "C" {\r\n    tier core\r\n}\r\n');
        expect(format('customer c "C" {\ntier core\n}\n', '\t')).toBe('customer c "C" {\n\ttier core\n}\n');
        expect(format('}\n}\nmember a "A"\n')).toBe('}\n}\nmember a "A"\n');
        expect(format('')).toBe('');
        expect(format('\n\n  \n')).toBe('');
    });

    it("never changes a comment's words nor what follows a line comment", () => {
        expect(format('customer c "C" { // note }\n}\n')).toBe('customer c "C" { // note }\n}\n');
        expect(format('member a "A" //x\r}')).toBe('member a "A" //x\r}\r');
        expect(format('customer c "C" {\n        /* deep\n           |  drawn\n        */\n}\n')).toBe(
            'customer c "C" {\n    /* deep\n           |  drawn\n        */\n}\n',
        );
    });

    it('formatting twice is formatting once, and the plan is the same, whatever the white space', async () => {
        // scramble the white space between tokens: a break stays a break (1 to 4), spaces stay spaces (0 to 3 where none were)
        const scrambled = fc
            .record({ example: fc.nat(examples.length - 2), seed: fc.array(fc.nat(7), { minLength: 50, maxLength: 50 }) })
            .map(({ example, seed }) => {
                let n = 0;
                const next = () => seed[n++ % seed.length]!;
                const original = examples[example]!;
                const parts: string[] = [];
                let at = 0;
                for (const piece of layoutPieces(lexer, original)) {
                    const gap = original.slice(at, piece.start);
                    parts.push(gap === '' ? '' : /\n/.test(gap) ? '\n'.repeat(1 + (next() % 4)) + ' '.repeat(next()) : ' '.repeat(1 + (next() % 3)));
                    parts.push(original.slice(piece.start, piece.end));
                    at = piece.end;
                }
                return { original, text: parts.join('') + '\n' };
            });
        await fc.assert(
            fc.asyncProperty(scrambled, async ({ original, text }) => {
                const once = format(text);
                expect(format(once)).toBe(once);
                expect(tokens(once)).toEqual(tokens(text));
                expect(await exported(once)).toBe(await exported(original));
            }),
            { numRuns: 25, seed: 10 },
        );
    });

    it('on hostile mutations of the examples too: idempotent, every token kept', () => {
        fc.assert(
            fc.property(caseArb, fuzz => {
                const text = textOf(fuzz);
                const once = format(text);
                expect(format(once)).toBe(once);
                expect(tokens(once)).toEqual(tokens(text));
            }),
            { numRuns: 300, seed: 10 },
        );
    });
});

describe('thousands of unclosed blocks (worst-case suite: acct format)', () => {
    it('indent at most MAX_INDENT_DEPTH levels, so the output stays linear in the text', async () => {
        const { layoutEdits, layoutPieces, applyLayout, MAX_INDENT_DEPTH } = await import('../../server/src/language/editing/plan-layout.js');
        const { createAcctServices } = await import('../../server/src/acct-module.js');
        const { EmptyFileSystem } = await import('langium');
        const lexer = createAcctServices(EmptyFileSystem).Acct.parser.Lexer;
        const text = 'customer a "a" {\n'.repeat(5000);
        const formatted = applyLayout(text, layoutEdits(text, layoutPieces(lexer, text)));
        const lines = formatted.split('\n');
        expect(lines[1]).toBe('    customer a "a" {');
        expect(lines[MAX_INDENT_DEPTH]).toBe(' '.repeat(4 * MAX_INDENT_DEPTH) + 'customer a "a" {');
        expect(lines[4000]).toBe(' '.repeat(4 * MAX_INDENT_DEPTH) + 'customer a "a" {');
        expect(formatted.length).toBeLessThan(text.length + 5000 * 4 * MAX_INDENT_DEPTH + 10);
        // idempotent: formatting twice is formatting once
        expect(applyLayout(formatted, layoutEdits(formatted, layoutPieces(lexer, formatted)))).toBe(formatted);
    });
});
