/**
 * Syntax errors in the user's words (issue 10): what was expected where, "Did you mean …?" for a
 * word close to one that may stand there, and one error for one mistake — over the three messages
 * users met, hostile shapes, and every keyword of the examples misspelt in turn.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';
import { blockStarts } from '../../server/src/language/parser/grammar-expectations.js';
import { blockPlaces } from '../../server/src/language/parser/syntax-messages.js';
import { buildWorkspace, checkCustomer, TEAM } from './helpers.js';

const examples = path.resolve(__dirname, '..', '..', 'examples');
const exampleFiles = ['donghai-mobile.acct', 'huaxia-grid.acct', 'pearl-river-port.acct', 'team.acct', 'regional/jinlan-bank.acct'];

async function syntaxErrors(text: string): Promise<Array<{ line: number; message: string }>> {
    const w = await buildWorkspace({ 'plan.acct': text });
    return w.withCode('syntax').map(f => ({ line: f.range.start.line, message: f.message }));
}

/** Words of the parser's own language that a plan author should never read. */
const JARGON = /token of type|\bEOF\b|->|<-|offset:|skipped \d|Expecting|NoViableAlt|MismatchedToken|\[ID\]|\bID\b|STRING/;

describe('the three messages users met (issue 10)', () => {
    it('a misspelt `contact` inside a customer is one error that suggests `contact`, not a second "expected EOF" for the rest', async () => {
        const text = 'customer c "C" {\n    contcat wang "Wang Lei" {\n        title "CTO"\n        role approver\n    }\n    owner alice\n    tier core\n}\n';
        // before: "expected token of type '}' but found 'contcat'" and "expected EOF but found 'owner'"
        expect(await syntaxErrors(text)).toEqual([
            {
                line: 1,
                message:
                    'In a customer, expected industry, standing, cooperation, tier, reviewed, owner, organization, class, contact, opportunity, activity, waive or `}`, but found `contcat`. Did you mean `contact`?',
            },
        ]);
    });

    it('a misspelt `customer` says what may stand at the top level of a file', async () => {
        // before: "expected EOF but found 'custmer'"
        expect(await syntaxErrors('member alice "Alice"\ncustmer c "C" {\n    tier core\n}\n')).toEqual([
            {
                line: 1,
                message: 'At the top level of the file, expected member, competitor, customer or policy, but found `custmer`. Did you mean `customer`?',
            },
        ]);
    });

    it('a stray quote is an unterminated string, once', async () => {
        // before: "unexpected character: ->\"<- at offset: 269, skipped 1 characters"
        expect(await syntaxErrors('customer c "C" {\n    industry "Telecom" "\n    tier core\n}\n')).toEqual([
            { line: 1, message: 'Unterminated string: close it with " on the same line.' },
        ]);
    });
});

describe('what was expected, where', () => {
    it('a value says its kind and its words, with the closest one', async () => {
        const errors = await syntaxErrors(
            'customer c "C" {\n    tier strategc\n    contact a "A" {\n        role aprover\n        support x\n    }\n}\npolicy { severity stale-contact errr }\n',
        );
        expect(errors.map(e => e.message)).toEqual([
            'After `tier`, expected a tier (excellent, strategic, core, value or commercial), but found `strategc`. Did you mean `strategic`?',
            'After `role`, expected a role (approver, decision-maker, sponsor, evaluator, influencer or coach), but found `aprover`. Did you mean `approver`?',
            'After `support`, expected a support value (-1, 0, 1, 2, 3 or ?), but found `x`.',
            'After `contact`, expected a severity (error, warning, info or off), but found `errr`. Did you mean `error`?',
        ]);
    });

    it('the end of the file is called so; a missing `}` is named where the block runs into the next one', async () => {
        expect(await syntaxErrors('customer c "C" { tier')).toEqual([
            { line: 0, message: 'After `tier`, expected a tier (excellent, strategic, core, value or commercial), but found the end of the file.' },
        ]);
        const unclosed = await syntaxErrors(
            'customer c "C" {\n    contact a "A" { role approver\n    contact b "B" { role evaluator }\n}\ncustomer d "D" { tier strategc }\n',
        );
        expect(unclosed.map(e => e.line)).toEqual([2, 4]);
        expect(unclosed[0]!.message).toBe(
            'In a contact, expected title, department, role, support, intimacy, reports-to, last-contact, owner, competitor-support, influences, kpi, pain, waive or `}`, but found `contact`. Is a `}` missing before it?',
        );
        expect((await syntaxErrors('customer a "A" {\ncustomer b "B" { }\n'))[0]!.message).toMatch(/, but found `customer`\. Is a `}` missing before it\?$/);
    });

    it('a word in the wrong case, and a misspelt part of a hyphenated keyword, are recognised', async () => {
        const errors = await syntaxErrors('customer c "C" {\n    Contact a "A" { }\n}\ncustomer d "D" {\n    contact a "A" { reprots-to b }\n}\n');
        expect(errors.map(e => e.message.replace(/^.*, but found /, ''))).toEqual([
            '`Contact`. Did you mean `contact`?',
            '`reprots`. Did you mean `reports-to`?',
        ]);
    });

    it("no message speaks the parser's language, over hostile shapes", async () => {
        const shapes = [
            '}',
            '{',
            'customer',
            'customer c',
            'customer c "C"',
            'customer c "C" {',
            '"x"',
            '123',
            '-',
            '?',
            ',',
            'member a "A" member',
            'customer c "C" { contact }',
            'customer c "C" { opportunity o "O" { team { ar } } }',
            'customer c "C" { opportunity o "O" { decision-chain { a support - } } }',
            'policy { severity }',
            'policy { stale-contact-days x }',
            'customer c "C" { waive "x" }',
            'customer c "C" { activity a "A" { with a, } }',
            'customer c "C" { amount 5 }',
            'member a "A\n',
            '%%% member a "A"',
            'customer c "C" { contact a "A" { support - } }',
            'customer c "C" {{}}',
        ];
        for (const shape of shapes) {
            const errors = await syntaxErrors(shape);
            expect(errors.length, shape).toBeGreaterThan(0);
            for (const { message } of errors) expect(message, shape).not.toMatch(JARGON);
        }
    });

    it('a decision-chain property left without its value says what to write', async () => {
        // every keyword is also an id (contract 6.1): `a support }` is the entries `a` and `support`,
        // and the unknown contact `support` is named as the property it was meant to be
        for (const [word, example] of [
            ['support', 'support 2'],
            ['group', 'group technical'],
        ]) {
            const w = await buildWorkspace({ 'plan.acct': `customer c "C" { contact a "A" { } opportunity o "O" { decision-chain { a ${word} } } }` });
            const unknown = w.withCode('unresolved-reference');
            expect(
                unknown.map(f => String(f.message)),
                word,
            ).toEqual([
                `Unknown contact '${word}': no contact has this id among the contacts of this customer. \`${word}\` is read as a contact here because no value follows it: give the value on the same entry (\`${example}\`), or correct the id.`,
            ]);
        }
    });

    it('every block of the grammar has its place in the messages', () => {
        const { Acct } = createAcctServices(EmptyFileSystem);
        for (const rule of blockStarts(Acct.Grammar).keys()) expect(blockPlaces, rule).toHaveProperty(rule);
    });
});

describe('did you mean an id in scope', () => {
    it('an unknown contact, member or competitor suggests the closest id; in a decision chain, a misspelt role', async () => {
        const w = await checkCustomer(`customer c "C" {
    contact zhang "Zhang" { role approver }
    contact li "Li" { reports-to zhnag }
    opportunity o "O" {
        stage lead
        team { ar alcie }
        decision-chain { li evaluatr support -1 }
        competitors nokai, huawei
    }
}
`);
        expect(w.withCode('unresolved-reference').map(f => f.message)).toEqual([
            "Unknown contact 'zhnag': no contact has this id among the contacts of this customer. Did you mean `zhang`?",
            "Unknown competitor 'nokai': no competitor has this id in the workspace. Did you mean `nokia`?",
            "Unknown competitor 'huawei': no competitor has this id in the workspace. Declare it, or correct the id.",
            "Unknown member 'alcie': no member has this id in the workspace. Did you mean `alice`?",
            "Unknown contact 'evaluatr': no contact has this id among the contacts of this customer. Did you mean the role `evaluator`? A role follows the contact's id on the same entry.",
        ]);
    });
});

/** Lines of the examples that begin with a keyword, each misspelt in turn (two letters swapped). */
function misspeltExamples(): Array<{ file: string; line: number; keyword: string; text: string }> {
    const { Acct } = createAcctServices(EmptyFileSystem);
    const keywords = new Set([...blockStarts(Acct.Grammar).values()].flatMap(starts => starts.keywords));
    const cases: Array<{ file: string; line: number; keyword: string; text: string }> = [];
    for (const file of exampleFiles) {
        const lines = fs.readFileSync(path.join(examples, file), 'utf8').split('\n');
        lines.forEach((line, index) => {
            const keyword = /^\s*([a-z-]+)/.exec(line)?.[1];
            if (!keyword || !keywords.has(keyword)) return;
            // swap two different adjacent letters, at a place that varies from line to line
            const at = [...keyword].findIndex(
                (c, i) => i >= index % (keyword.length - 1) && /[a-z]/.test(c) && /[a-z]/.test(keyword[i + 1] ?? '') && c !== keyword[i + 1],
            );
            if (at < 0) return;
            const typo = keyword.slice(0, at) + keyword[at + 1] + keyword[at] + keyword.slice(at + 2);
            if (keywords.has(typo)) return;
            const mutated = [...lines];
            mutated[index] = line.replace(keyword, typo);
            cases.push({ file, line: index, keyword, text: mutated.join('\n') });
        });
    }
    return cases;
}

describe('one mistake, one error', () => {
    it('every keyword that begins a line of the examples, misspelt: exactly one syntax error, on that line, suggesting the keyword', async () => {
        const cases = misspeltExamples();
        expect(cases.length).toBeGreaterThan(300);
        for (const { file, line, keyword, text } of cases) {
            const errors = await syntaxErrors(text);
            expect(
                errors.map(e => e.line),
                `${file}:${line + 1} (${keyword})`,
            ).toEqual([line]);
            expect(errors[0]!.message, `${file}:${line + 1}`).toContain(`Did you mean \`${keyword}\`?`);
        }
    });
});

describe('a missing `}`: one error, wherever it is missing (issue 24)', () => {
    /** The tour's deal with the `}` of its decision chain lost: before, two unknown contacts (`competitors`, `nokia`) came first. */
    it('a decision chain without its `}` swallows the next lines: one syntax error, at the first word swallowed, naming the chain', async () => {
        const plan = (chainEnd: string, next: string) => `customer cmgd "China Mobile Guangdong" {
    contact zhang "Zhang Wei" { role approver support 1 }
    contact li "Li Na" { role evaluator support -1 }
    opportunity core5g "5G core expansion" {
        stage opportunity
        decision-chain { zhang  li evaluator support -1${chainEnd}
        ${next}
    }
    activity hqvisit "Headquarters visit" { kind hq-visit date 2026-12-05 with li status planned }
}
`;
        for (const next of ['competitors nokia', 'horizon long space 3', 'stage bid', 'team { ar alice }', 'waive no-power-map "later"', 'budget 1M CNY']) {
            expect(
                (await buildWorkspace({ 'plan.acct': plan(' }', next), 'team.acct': TEAM })).findings().filter(f => f.severity === 'error'),
                next,
            ).toEqual([]);
            const w = await buildWorkspace({ 'plan.acct': plan('', next), 'team.acct': TEAM });
            const errors = w.findings().filter(f => f.severity === 'error');
            const word = next.split(' ')[0];
            expect(
                errors.map(e => [e.code, e.range.start.line, e.message]),
                next,
            ).toEqual([
                ['syntax', 6, `The decision chain opened on line 6 is not closed: it reads \`${word}\` as a contact. Is its \`}\` missing before \`${word}\`?`],
            ]);
        }
    });

    it('each kind of block without its `}`, written over several lines or on one: exactly one error, a syntax error', async () => {
        const plan = `policy {
    stale-contact-days 90
} // policy

customer cmgd "China Mobile Guangdong" {
    standing 5  cooperation 4  tier excellent
    reviewed 2026-10-01
    organization match
    contact zhang "Zhang Wei" {
        title "General Manager" role approver support 1
        competitor-support nokia 2
    } // contact
    contact wang "Wang Lei" {
        role decision-maker support 2 intimacy 1
        reports-to zhang  last-contact 2026-11-02  owner alice
    }
    opportunity core5g "5G core expansion" {
        stage opportunity  amount 30M CNY  budget 12.5M CNY  start 2027-03-01
        team {
            ar alice sr bob fr carol
        } // team
        decision-chain {
            zhang
            wang
        } // decision-chain
        competitors nokia
    } // opportunity
    activity hqvisit "Headquarters visit" {
        kind hq-visit date 2026-12-05 with zhang status planned
    } // activity
} // customer

customer other "Other" {
    standing 2 cooperation 2 tier value reviewed 2026-10-01
}
`;
        const kinds = ['policy', 'customer', 'contact', 'opportunity', 'team', 'decision-chain', 'activity'];
        for (const kind of kinds) {
            const broken = plan.replace(new RegExp(`} // ${kind}\\n`), '\n');
            expect(broken, kind).not.toBe(plan);
            const errors = (await buildWorkspace({ 'plan.acct': broken, 'team.acct': TEAM })).findings().filter(f => f.severity === 'error');
            expect(
                errors.map(e => e.code),
                `${kind}: ${errors.map(e => e.message).join(' | ')}`,
            ).toEqual(['syntax']);
        }
        // the same blocks on one line each, every closing brace of a line removed in turn
        const oneLine =
            'policy { stale-contact-days 90 }\ncustomer c "C" {\n    tier core reviewed 2026-10-01 standing 3 cooperation 3\n' +
            '    contact zhang "Zhang" { role approver support 1 }\n    contact wang "Wang" { role decision-maker support 2 reports-to zhang }\n' +
            '    opportunity o "O" { stage lead team { ar alice sr bob fr carol } decision-chain { zhang wang } competitors nokia }\n' +
            '    activity a "A" { kind visit date 2026-12-01 with zhang status planned }\n}\ncustomer d "D" { tier value }\n';
        expect((await buildWorkspace({ 'plan.acct': oneLine, 'team.acct': TEAM })).findings().filter(f => f.severity === 'error')).toEqual([]);
        let cases = 0;
        for (const match of oneLine.matchAll(/}/g)) {
            const broken = oneLine.slice(0, match.index) + oneLine.slice(match.index + 1);
            const errors = (await buildWorkspace({ 'plan.acct': broken, 'team.acct': TEAM })).findings().filter(f => f.severity === 'error');
            expect(
                errors.map(e => e.code),
                `at ${match.index}: ${errors.map(e => e.message).join(' | ')}`,
            ).toEqual(['syntax']);
            cases++;
        }
        expect(cases).toBe(9);
    });

    it('every `}` of the examples removed in turn: exactly one error, a syntax error', async () => {
        const files = Object.fromEntries(exampleFiles.map(file => [file, fs.readFileSync(path.join(examples, file), 'utf8')]));
        let cases = 0;
        for (const file of exampleFiles) {
            const text = files[file]!;
            for (const match of text.matchAll(/}/g)) {
                const line = text.slice(text.lastIndexOf('\n', match.index) + 1, text.indexOf('\n', match.index));
                if (line.trimStart().startsWith('//') || line.slice(0, match.index - text.lastIndexOf('\n', match.index) - 1).includes('//')) continue;
                const broken = text.slice(0, match.index) + ' ' + text.slice(match.index + 1);
                const w = await buildWorkspace({ ...files, [file]: broken });
                const errors = w.findings().filter(f => f.severity === 'error');
                const at = `${file}:${text.slice(0, match.index).split('\n').length}`;
                expect(
                    errors.map(e => `${e.file} ${e.code}`),
                    `${at} ${errors.map(e => e.message).join(' | ')}`,
                ).toEqual([`${file} syntax`]);
                cases++;
            }
        }
        expect(cases).toBeGreaterThan(80);
    }, 240_000);
});
