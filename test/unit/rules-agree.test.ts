/**
 * Rules that tests keep instead of memory (issue 18, point 5): the lists that must agree across
 * files are compared here, so that a new check, keyword or property cannot be half added.
 * - the issue codes (method/issue-codes.ts), the schema's `code` enum, and the checks table of
 *   docs/language.md (code and default severity; the README links to it);
 * - the keywords of the grammar and those the TextMate grammar colours;
 * - the single-valued properties, read from the grammar (a new property is checked the day it is added).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem, GrammarAST } from 'langium';
import { createLangiumGrammarServices } from 'langium/grammar';
import { issueCatalog } from '../../server/src/method/index.js';
import { AcctGrammar } from '../../server/src/language/generated/grammar.js';
import { singleValuedProperties } from '../../server/src/language/parser/grammar-expectations.js';
import { checkCustomer, TEAM, buildWorkspace } from './helpers.js';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The rows of the checks table (`| code | severity | fires when |`) in a markdown text: code → severity. */
function checksTable(text: string, where: string): Map<string, string> {
    const start = text.indexOf('| code | severity | fires when |');
    expect(start, `${where} has a checks table`).toBeGreaterThanOrEqual(0);
    const rows = new Map<string, string>();
    for (const line of text.slice(start).split('\n').slice(2)) {
        const row = /^\| `([a-z-]+)` \| (error|warning|info|off)\b/.exec(line);
        if (!row) break;
        expect(rows.has(row[1]!), `${where}: ${row[1]} twice`).toBe(false);
        rows.set(row[1]!, row[2]!);
    }
    return rows;
}

describe('the issue codes agree everywhere they are listed', () => {
    const codes = sorted(Object.keys(issueCatalog));

    it('the schema enum of codes is the catalog of codes', () => {
        const schema = JSON.parse(read('schema/acct-plan.schema.json'));
        expect(sorted(schema.definitions.code.enum)).toEqual(codes);
    });

    it('the checks table of docs/language.md lists every code once, with its default severity', () => {
        const table = checksTable(read('docs/language.md'), 'docs/language.md');
        expect(sorted(table.keys())).toEqual(codes);
        for (const [code, severity] of table) expect(severity, code).toBe(issueCatalog[code as keyof typeof issueCatalog].severity);
    });

    it('docs/language.md names every code', () => {
        const text = read('docs/language.md');
        expect(codes.filter(code => !text.includes('`' + code + '`'))).toEqual([]);
    });
});

/** Every keyword of a grammar that is a word (not punctuation): `customer`, `decision-maker`. */
function wordKeywords(grammar: GrammarAST.Grammar): string[] {
    return sorted(
        AstUtils.streamAllContents(grammar)
            .filter(GrammarAST.isKeyword)
            .map(k => k.value)
            .filter(v => /^[\p{L}]/u.test(v)),
    );
}

/** The words of the TextMate grammar's alternations `(?:a|b-c)` and `(a|b)` in its keyword and value rules. */
function textMateWords(): string[] {
    const grammar = JSON.parse(read('syntaxes/acct.tmLanguage.json'));
    const words: string[] = [];
    const patterns = ['keywords', 'enum-values', 'property-values', 'declarations'].flatMap(
        name => grammar.repository[name].patterns as Array<{ match: string }>,
    );
    for (const { match } of patterns) {
        for (const group of match.matchAll(/\((?:\?:)?((?:[a-zA-Z]|\\-)+(?:\|(?:[a-zA-Z]|\\-)+)*)\)/g)) {
            words.push(...group[1]!.replace(/\\-/g, '-').split('|'));
        }
        for (const letters of match.matchAll(/\(\[([A-Z]+)\]\)/g)) words.push(...letters[1]!); // `class ([SABC])`
    }
    return sorted(words);
}

describe('the TextMate grammar colours the keywords of the grammar', () => {
    it('the same words, both ways', () => {
        expect(textMateWords()).toEqual(wordKeywords(AcctGrammar()));
    });
});

describe('single-valued properties are read from the grammar', () => {
    it('every `property=value` in a block of the grammar, and no list', () => {
        const derived = Object.fromEntries(singleValuedProperties(AcctGrammar()));
        expect(derived).toEqual({
            Policy: ['staleContactDays', 'tierReviewDays', 'generalCoverage'],
            Customer: ['industry', 'standing', 'cooperation', 'tier', 'reviewed', 'owner', 'organization', 'class'],
            Contact: ['title', 'department', 'role', 'support', 'intimacy', 'reportsTo', 'lastContact', 'owner'],
            Opportunity: [
                'stage',
                'amount',
                'budget',
                'start',
                'team',
                'decisionChain',
                'horizon',
                'space',
                'growth',
                'profit',
                'competition',
                'intent',
                'solution',
                'valueProposition',
            ],
            ValueProposition: ['strengths', 'uniqueValue', 'fit', 'difference'],
            IronTriangle: ['ar', 'sr', 'fr'],
            Activity: ['kind', 'date', 'owner', 'status', 'outcome', 'objective'],
        });
    });

    it('a property added to the grammar is single-valued with no other change', async () => {
        const grammarText = read('server/src/language/acct.langium').replace(
            "'industry' industry=STRING",
            "'industry' industry=STRING\n        | 'region' region=STRING",
        );
        const services = createLangiumGrammarServices(EmptyFileSystem).grammar;
        const grammar = services.parser.LangiumParser.parse<GrammarAST.Grammar>(grammarText).value;
        expect(singleValuedProperties(grammar).get('Customer')).toContain('region');
        expect(singleValuedProperties(grammar).get('Customer')).not.toContain('contacts');
    });

    it('a value-proposition part or a policy threshold written twice is a duplicate-property', async () => {
        const w = await checkCustomer('customer d "D" {\n    opportunity o "O" { value-proposition { fit "a" fit "b" } }\n}\n');
        expect(w.withCode('duplicate-property').map(f => f.message)).toEqual([
            '\'fit\' is written more than once here; only the last one ("b") counts. Remove the others.',
        ]);
        const p = await buildWorkspace({ 'team.acct': TEAM + 'policy { stale-contact-days 30 stale-contact-days 60 }\n' });
        expect(p.withCode('duplicate-property')).toHaveLength(1);
    });
});
