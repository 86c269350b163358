/**
 * Parsing (contract section 2): Unicode ids, CRLF, a leading BOM, comments, escapes in names,
 * ids that start like keywords, money values, properties in any order, comma lists.
 */
import { describe, it, expect, afterEach } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadWorkspace, readPlanText } from '../../server/src/node/workspace-loader.js';
import { buildWorkspace, contractFiles, rangeAfter, summary, TEAM, TODAY } from './helpers.js';

const temps: string[] = [];
function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-parse-'));
    temps.push(dir);
    return dir;
}
afterEach(() => {
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The customer of a one-customer workspace, as exported. */
async function exported(text: string) {
    const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': text });
    return { w, customer: w.plan().customers[0] };
}

describe('identifiers', () => {
    it('a Unicode id (陈静) is declared, referenced from reports-to, a decision chain and with, and exported', async () => {
        const text = `customer 客户 "中国移动" {
    contact 陈静 "陈静" { role decision-maker support 2 intimacy 1 last-contact 2026-11-01 }
    contact 王_2 "王" { reports-to 陈静 support 1 }
    opportunity 项目 "项目" {
        stage opportunity budget 1M CNY start 2027-01-01
        team { ar alice sr bob fr carol }
        decision-chain { 陈静 }
    }
    activity 晚餐 "晚餐" { kind dinner with 陈静, 王_2 }
}
`;
        const { w, customer } = await exported(text);
        expect(summary(w.findings())).toBe('');
        expect(customer.id).toBe('客户');
        expect(customer.contacts.map(c => c.id)).toEqual(['陈静', '王_2']);
        expect(customer.contacts[1].reportsTo).toBe('陈静');
        expect(customer.opportunities[0].decisionChain).toEqual([{ contact: '陈静', role: 'decision-maker', support: 2, group: null }]);
        expect(customer.activities[0].with).toEqual(['陈静', '王_2']);
        const contact = w.docs['plan.acct'].parseResult.value.declarations[0] as { contacts: Array<{ reportsTo?: { ref?: { name: string } } }> };
        expect(contact.contacts[1].reportsTo?.ref?.name).toBe('陈静');
    });

    it('ids that begin like keywords or numbers-with-suffix lex as ids: core5g, value2, lead_x, strategicPlan', async () => {
        const text = `customer strategicPlan "S" {
    contact lead_x "L" { }
    contact value2 "V" { reports-to lead_x }
    opportunity core5g "5G" { stage lead amount 5M }
}
`;
        const { w, customer } = await exported(text);
        expect(summary(w.findings())).toBe('');
        expect(customer.id).toBe('strategicPlan');
        expect(customer.opportunities[0].id).toBe('core5g');
        expect(customer.contacts.map(c => [c.id, c.reportsTo])).toEqual([
            ['lead_x', null],
            ['value2', 'lead_x'],
        ]);
    });

    // Contract section 2 defines an id only by its characters, so `core`, `lead`, `value` or
    // `done` are valid ids even though they are keywords elsewhere.
    it('words that are keywords elsewhere (core, lead, value, done) are valid ids', async () => {
        const text = `member lead "Lead"
customer core "Core" {
    owner lead
    contact value "Value" { }
    contact x "X" { reports-to value }
    opportunity done "Done" { stage won }
}
`;
        const { w, customer } = await exported(text);
        expect(summary(w.findings())).toBe('');
        expect(customer.id).toBe('core');
        expect(customer.contacts.map(c => c.id)).toEqual(['value', 'x']);
    });

    it('every keyword shaped like an id is a valid id: declared, referenced, and in a decision chain', async () => {
        const { AcctGrammar } = await import('../../server/src/language/generated/grammar.js');
        const { GrammarAST, AstUtils } = await import('langium');
        const keywords = [
            ...new Set(
                AstUtils.streamAllContents(AcctGrammar())
                    .filter(GrammarAST.isKeyword)
                    .map(k => k.value),
            ),
        ].filter(word => /^[a-z]+$/.test(word));
        expect(keywords.length).toBeGreaterThan(60);
        for (const word of keywords) {
            const text = `member ${word} "M"
customer c "C" {
    owner ${word}
    contact ${word} "K" { role coach }
    contact y "Y" { reports-to ${word} }
    opportunity o "O" { stage won decision-chain { ${word} support 1 } team { ar ${word} } }
}
`;
            const { w, customer } = await exported(text);
            expect(summary(w.findings().filter(f => f.code === 'syntax' || f.code === 'unresolved-reference')), word).toBe('');
            expect(
                customer.contacts.map(c => [c.id, c.reportsTo]),
                word,
            ).toEqual([
                [word, null],
                ['y', word],
            ]);
        }
    });

    it('a currency is an id, never the keyword after it: `amount 1 team { … }` starts the team', async () => {
        const { w, customer } = await exported(
            'customer c "C" {\n    opportunity o "O" { amount 1 team { ar lead } start 2026-12-01 }\n}\n'.replace('lead', 'm1'),
        );
        expect(w.withCode('syntax')).toEqual([]);
        expect(customer.opportunities[0].amount).toEqual({ value: 1, currency: null });
        expect(customer.opportunities[0].team?.ar).toBe('m1');
    });

    it("in a decision chain, a role word after an entry is that entry's role, and `support` starts its support", async () => {
        const text = `customer c "C" {
    contact coach "A coach" { support 3 }
    contact li "Li" { role evaluator }
    opportunity o "O" { stage won decision-chain { li coach support 2 coach } }
}
`;
        const { w, customer } = await exported(text);
        expect(w.withCode('syntax')).toEqual([]);
        expect(customer.opportunities[0].decisionChain).toEqual([
            { contact: 'li', role: 'coach', support: 2, group: null },
            { contact: 'coach', role: null, support: 3, group: null },
        ]);
    });

    it('an id starting with a digit is a syntax error', async () => {
        const w = await buildWorkspace({ 'plan.acct': 'member 5g "Five G"\n' });
        expect(w.withCode('syntax').length).toBeGreaterThan(0);
    });
});

describe('line endings, BOM, comments', () => {
    it('CRLF line endings give the same findings, at the same positions, and the same plan', async () => {
        const lf = contractFiles();
        const crlf = Object.fromEntries(Object.entries(lf).map(([name, text]) => [name, text.replace(/\n/g, '\r\n')]));
        const a = await buildWorkspace(lf);
        const b = await buildWorkspace(crlf);
        expect(b.withCode('syntax')).toEqual([]);
        expect(b.findings().map(f => [f.code, f.range])).toEqual(a.findings().map(f => [f.code, f.range]));
        expect(JSON.stringify(b.plan())).toBe(JSON.stringify(a.plan()));
    });

    it('readPlanText strips a leading BOM; loadWorkspace parses a BOM file cleanly with correct positions', async () => {
        const dir = tempDir();
        const file = path.join(dir, 'plan.acct');
        const text = 'customer acme "Acme" { tier core }\n';
        fs.writeFileSync(file, '\uFEFF' + text, 'utf8');
        expect(fs.readFileSync(file)[0]).toBe(0xef);
        const read = await readPlanText(file, 'plan.acct');
        expect(read).toBe(text);
        const loaded = await loadWorkspace([dir], { today: TODAY, cwd: dir });
        const plan = loaded.plan();
        expect(plan.diagnostics.map(d => [d.code, d.line, d.column])).toEqual([['stale-tier-review', 1, 29]]);
        expect(plan.customers[0].id).toBe('acme');
        // Only the first character is a BOM: a BOM-less file is read as is.
        fs.writeFileSync(file, text, 'utf8');
        expect(await readPlanText(file, 'plan.acct')).toBe(text);
    });

    it('a BOM left in the text (a file the editor has not opened) is not a syntax error', async () => {
        const w = await buildWorkspace({ 'plan.acct': '\uFEFFmember alice "Alice"\n' });
        expect(w.findings()).toEqual([]);
        expect(w.plan().members).toEqual([{ id: 'alice', name: 'Alice' }]);
    });

    it('comments // and /* */ anywhere, including inside a property and across lines', async () => {
        const text = `// leading comment
/* block
   comment */ customer acme "Acme" { // trailing
    contact a "A" {
        support /* not sure */ 2 // really
        intimacy /* multi
        line */ -1
    }
    /* contact ghost "Ghost" { } */
}
`;
        const { w, customer } = await exported(text);
        expect(w.withCode('syntax')).toEqual([]);
        expect(customer.contacts).toHaveLength(1);
        expect(customer.contacts[0]).toMatchObject({ support: 2, intimacy: -1 });
        // Findings still point at the right place after a multi-line comment.
        expect(w.withCode('rational-turn-risk')[0].range).toEqual(rangeAfter(text, 'line */ ', '-1'));
    });

    it('a comment marker inside a string is part of the name', async () => {
        const { customer } = await exported('customer acme "A // B /* C */" { }\n');
        expect(customer.name).toBe('A // B /* C */');
    });
});

describe('names', () => {
    it('escapes \\" and \\\\ in names are unescaped in the export; any Unicode is kept', async () => {
        const w = await buildWorkspace({ 'team.acct': 'member alice "A \\"quoted\\" name \\\\ backslash"\ncompetitor huawei "华为 — Huawei"\n' });
        expect(w.findings()).toEqual([]);
        expect(w.plan().members).toEqual([{ id: 'alice', name: 'A "quoted" name \\ backslash' }]);
        expect(w.plan().competitors).toEqual([{ id: 'huawei', name: '华为 — Huawei' }]);
        expect(JSON.parse(JSON.stringify(w.plan())).members[0].name).toBe('A "quoted" name \\ backslash');
    });

    it('an unterminated string is a syntax error', async () => {
        const w = await buildWorkspace({ 'team.acct': 'member alice "Alice\nmember bob "Bob"\n' });
        expect(w.withCode('syntax').length).toBeGreaterThan(0);
    });
});

describe('values', () => {
    it('money: 12.5M CNY, 500k, 2B USD, 30M without currency, a plain number, 0.1M', async () => {
        const text = `customer acme "Acme" {
    opportunity a "A" { stage lead amount 12.5M CNY budget 500k }
    opportunity b "B" { stage lead amount 2B USD budget 30M }
    opportunity c "C" { stage lead amount 1500000 EUR budget 0.1M }
}
`;
        const { w, customer } = await exported(text);
        expect(summary(w.findings())).toBe('');
        expect(customer.opportunities.map(o => [o.amount, o.budget])).toEqual([
            [
                { value: 12500000, currency: 'CNY' },
                { value: 500000, currency: null },
            ],
            [
                { value: 2000000000, currency: 'USD' },
                { value: 30000000, currency: null },
            ],
            [
                { value: 1500000, currency: 'EUR' },
                { value: 100000, currency: null },
            ],
        ]);
    });

    it('dates, signed integers and support ? parse to their values', async () => {
        const { customer } = await exported(`customer acme "Acme" {
    reviewed 2026-02-28
    contact a "A" { support ? intimacy -3 last-contact 2024-02-29 }
    contact b "B" { support -1 intimacy 3 }
}
`);
        expect(customer.reviewed).toBe('2026-02-28');
        expect(customer.contacts.map(c => [c.support, c.intimacy, c.lastContact])).toEqual([
            [null, -3, '2024-02-29'],
            [-1, 3, null],
        ]);
    });

    it('a date that is no calendar date is reported, not silently accepted', async () => {
        const text = 'customer acme "Acme" {\n    contact a "A" { last-contact 2026-02-30 }\n}\n';
        const w = await buildWorkspace({ 'plan.acct': text });
        const found = w.findings().filter(f => f.severity === 'error');
        expect(found).toHaveLength(1);
        expect(found[0].range).toEqual(rangeAfter(text, 'last-contact ', '2026-02-30'));
    });

    it('properties in any order give the same plan', async () => {
        const ordered = `customer acme "Acme" {
    industry "Retail"
    standing 4
    cooperation 3
    tier strategic
    reviewed 2026-10-01
    owner alice
    organization joint
    contact a "A" { title "CEO" department "Board" role approver support 1 intimacy 2 last-contact 2026-11-01 owner bob }
    contact b "B" { role evaluator reports-to a }
    opportunity o "O" { stage bid amount 3M CNY budget 2M CNY start 2027-01-01 team { ar alice sr bob fr carol } decision-chain { a b } competitors nokia, ericsson }
    activity v "V" { kind visit date 2026-12-01 with a owner alice status planned outcome "ok" }
}
`;
        const shuffled = `customer acme "Acme" {
    contact a "A" { owner bob last-contact 2026-11-01 intimacy 2 support 1 role approver department "Board" title "CEO" }
    organization joint
    opportunity o "O" { competitors nokia, ericsson decision-chain { a b } team { fr carol sr bob ar alice } start 2027-01-01 budget 2M CNY amount 3M CNY stage bid }
    owner alice
    reviewed 2026-10-01
    contact b "B" { reports-to a role evaluator }
    tier strategic
    activity v "V" { outcome "ok" status planned owner alice with a date 2026-12-01 kind visit }
    cooperation 3
    standing 4
    industry "Retail"
}
`;
        const a = await exported(ordered);
        const b = await exported(shuffled);
        expect(a.w.withCode('syntax')).toEqual([]);
        expect(b.w.withCode('syntax')).toEqual([]);
        expect(b.customer).toEqual(a.customer);
        expect(a.customer).toMatchObject({ industry: 'Retail', standing: 4, tier: 'strategic', organization: 'joint' });
        expect(
            b.w
                .findings()
                .map(f => f.code)
                .sort(),
        ).toEqual(
            a.w
                .findings()
                .map(f => f.code)
                .sort(),
        );
    });

    it('with and competitors take comma lists, in order', async () => {
        const { w, customer } = await exported(`customer acme "Acme" {
    contact a "A" { } contact b "B" { } contact c "C" { }
    opportunity o "O" { stage lead competitors nokia , ericsson }
    activity v "V" { with c, a,b }
}
`);
        expect(w.withCode('syntax')).toEqual([]);
        expect(customer.activities[0].with).toEqual(['c', 'a', 'b']);
        expect(customer.opportunities[0].competitors).toEqual(['nokia', 'ericsson']);
    });

    it('a trailing comma in a list is a syntax error', async () => {
        const w = await buildWorkspace({
            'team.acct': TEAM,
            'plan.acct': 'customer acme "Acme" {\n    contact a "A" { }\n    activity v "V" { with a, }\n}\n',
        });
        expect(w.withCode('syntax').length).toBeGreaterThan(0);
    });
});

describe('syntax messages', () => {
    it("say what was expected in the user's words, naming an id once rather than every keyword", async () => {
        const text = 'customer c "C" {\n    contact a "A" { reports-to }\n    contact b "B" { role boss }\n    contact d { }\n}\n';
        const w = await buildWorkspace({ 'plan.acct': text });
        expect(w.withCode('syntax').map(f => f.message)).toEqual([
            'After `reports-to`, expected an id, but found `}`.',
            'After `role`, expected a role (approver, decision-maker, sponsor, evaluator, influencer or coach), but found `boss`.',
            'After `d`, expected a quoted name, but found `{`.',
        ]);
    });
});
