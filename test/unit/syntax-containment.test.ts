/**
 * The declarations holding a syntax error (containment: finding-policy.ts mutes there every finding
 * but those that say the plan is wrong) are found in the cascade filter's walk of the nodes
 * (syntax-cascade.ts `syntaxErrors`), and alone for `acct history`'s date-only re-check
 * (`containment`, a walk of the declarations). Both must give what the rule says, read naively:
 * each top-level declaration from its keyword to the brace that closes its first `{` in the text
 * (or its last token), when a lexing or parse error starts in it; overlapping spans merged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import type { DefaultDocumentValidator, LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { containment, syntaxErrors } from '../../server/src/language/parser/syntax-cascade.js';
import { closingBraces, mergeSpans, type Span } from '../../server/src/language/text/spans.js';
import type { Workspace } from '../../server/src/language/generated/ast.js';
import { pushParseErrors } from '../../server/src/language/validation/finding-diagnostics.js';
import { buildWorkspace } from './helpers.js';

const examples = path.resolve(__dirname, '..', '..', 'examples');
const exampleTexts = ['donghai-mobile.acct', 'huaxia-grid.acct', 'regional/jinlan-bank.acct'].map(name => fs.readFileSync(path.join(examples, name), 'utf8'));

/** Pieces of plan text, broken ones among them: unclosed blocks, stray braces, misspelt words, unterminated strings. */
const pieces = [
    'customer c "C" {\n',
    'customer d "D" { tier A }\n',
    '    contact k "K" { role user }\n',
    '    contcat x "X" { }\n',
    '    opportunity o "O" { stage qualify\n',
    'member m "M"\n',
    'member m "M" }\n',
    'competitor z "Z"\n',
    'policy { }\n',
    '}\n',
    '{\n',
    '"never closed\n',
    '// a comment {\n',
    'tier\n',
];

function lexingAndParsing(document: LangiumDocument, validator: DefaultDocumentValidator): { lexing: Diagnostic[]; parsing: Diagnostic[] } {
    const lexing: Diagnostic[] = [];
    const parsing: Diagnostic[] = [];
    validator['processLexingErrors'](document.parseResult, lexing, {});
    validator['processParsingErrors'](document.parseResult, parsing, {});
    return { lexing, parsing };
}

/** The rule read naively: every declaration against every error. */
function declarationsHoldingAnError(document: LangiumDocument<Workspace>, errors: readonly Diagnostic[]): Span[] {
    const text = document.textDocument.getText();
    const offsets = errors.map(d => document.textDocument.offsetAt(d.range.start));
    const spans: Span[] = [];
    for (const declaration of document.parseResult.value.declarations) {
        const cst = declaration.$cstNode;
        if (!cst) continue;
        const end = closingBraces(text).blockEnd(cst.offset, cst.end) ?? cst.end;
        if (offsets.some(offset => offset >= cst.offset && offset < end)) spans.push([cst.offset, end]);
    }
    return mergeSpans(spans);
}

/** Broken plans: pieces of plan text, and the examples with a piece put in at a random line; each line break as `\n`, `\r\n` or `\r`. */
function brokenPlans(numRuns: number, seed: number): string[] {
    return fc.sample(
        fc
            .tuple(
                fc.oneof(
                    fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map(parts => parts.join('')),
                    // an example with a piece put in at a random line
                    fc.tuple(fc.constantFrom(...exampleTexts), fc.nat(), fc.constantFrom(...pieces)).map(([text, at, piece]) => {
                        const lines = text.split('\n');
                        lines.splice(at % lines.length, 0, piece.trimEnd());
                        return lines.join('\n');
                    }),
                ),
                fc.constantFrom('\n', '\n', '\r\n', '\r'),
            )
            .map(([text, lineBreak]) => text.replace(/\n/g, lineBreak)),
        { numRuns, seed },
    );
}

describe('the declarations holding a syntax error', () => {
    it('are the same found with the cascades, found alone, and by the rule read naively', async () => {
        const broken = brokenPlans(150, 20261207);
        const files = Object.fromEntries(broken.map((text, i) => [`b${i}.acct`, text]));
        const ws = await buildWorkspace(files);
        const validator = ws.Acct.validation.DocumentValidator as DefaultDocumentValidator;
        let withErrors = 0;
        for (const [name, text] of Object.entries(files)) {
            const document = ws.docs[name]!;
            const { lexing, parsing } = lexingAndParsing(document, validator);
            const errors = lexing.concat(parsing);
            if (errors.length) withErrors++;
            const expected = declarationsHoldingAnError(document, errors);
            expect(syntaxErrors(document, lexing, parsing).muted, text).toEqual(expected);
            expect(containment(document, errors), text).toEqual(expected);
        }
        // the sample is mostly broken plans, and some whole ones
        expect(withErrors).toBeGreaterThan(100);
        expect(withErrors).toBeLessThan(broken.length);
    });

    it("are found from the parse errors' offsets as the parser gave them, as from their ranges", async () => {
        const broken = brokenPlans(150, 20261208);
        const files = Object.fromEntries(broken.map((text, i) => [`b${i}.acct`, text]));
        const ws = await buildWorkspace(files);
        let errors = 0;
        for (const [name, text] of Object.entries(files)) {
            const document = ws.docs[name]!;
            const parsing: Diagnostic[] = [];
            const offsets = pushParseErrors(document.parseResult, parsing, 'acct');
            const lexing: Diagnostic[] = [];
            (ws.Acct.validation.DocumentValidator as DefaultDocumentValidator)['processLexingErrors'](document.parseResult, lexing, {});
            errors += parsing.length;
            // what syntaxErrors reads of them: each error's offset, and where its line starts
            expect(
                offsets.map((offset, i) => [offset, offset - parsing[i]!.range.start.character]),
                text,
            ).toEqual(
                parsing.map(d => [document.textDocument.offsetAt(d.range.start), document.textDocument.offsetAt({ line: d.range.start.line, character: 0 })]),
            );
            expect(syntaxErrors(document, lexing, parsing, offsets), text).toEqual(syntaxErrors(document, lexing, parsing));
        }
        expect(errors).toBeGreaterThan(200);
    });
});
