/**
 * The parse errors as diagnostics (acct-document-validator.ts `processParsingErrors`): the same
 * range, message, data and source as Langium's own, in the shape of every other finding.
 */
import { DefaultDocumentValidator, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from './helpers.js';

const BROKEN: Record<string, string> = {
    // a `}` missing before each next customer, and at the end of the file (a token the recovery inserts)
    'unclosed.acct': 'customer a "A" {\ncustomer b "B" {\n    contact x "X" { role user\n',
    // a word no rule takes, a value missing, a brace too many
    'misspelt.acct': 'customer c "C" {\n    contcat wang "Wang" { }\n    tier\n}\n}\nmember m "M" extra\n',
    // nothing but a keyword: the error at the end of the text
    'keyword.acct': 'customer',
};

describe('parse errors as findings', () => {
    it('have the range, message, data and source Langium gives them', async () => {
        const ws = await buildWorkspace(BROKEN);
        for (const [name, text] of Object.entries(BROKEN)) {
            const document: LangiumDocument = ws.docs[name]!;
            expect(document.parseResult.parserErrors.length, `${name}: ${text}`).toBeGreaterThan(0);
            const validator = ws.Acct.validation.DocumentValidator as DefaultDocumentValidator;
            const ours: Diagnostic[] = [];
            const langiums: Diagnostic[] = [];
            validator['processParsingErrors'](document.parseResult, ours, {});
            DefaultDocumentValidator.prototype['processParsingErrors'].call(validator, document.parseResult, langiums, {});
            expect(ours, name).toEqual(langiums);
            // in the shape of a check's finding: the contract's code is given to a field it already has
            for (const diagnostic of ours)
                expect(Object.keys(diagnostic)).toEqual([
                    'message',
                    'range',
                    'severity',
                    'code',
                    'codeDescription',
                    'tags',
                    'relatedInformation',
                    'data',
                    'source',
                ]);
        }
    });
});
