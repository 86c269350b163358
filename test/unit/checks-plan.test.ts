/**
 * The checks of contract section 3 that say the plan itself is wrong, each with a case that fires
 * (code, severity, range of the offending element, key words of the message) and one that must
 * not: text that does not parse, a reference that does not resolve, an id declared twice, a value
 * out of its range (which then counts for nothing in the other checks), a property written twice;
 * and the baseline: the clean customer has no finding, the contract's example exactly its six.
 */
import { describe, it, expect } from 'vitest';
import { buildWorkspace, checkCustomer, CLEAN, cleanWith, contractFiles, rangeAfter, rangeOf, summary, TEAM } from './helpers.js';
import { expectAt, none, one } from './finding-asserts.js';

describe('baseline', () => {
    it('the clean customer used by these tests has no finding at all', async () => {
        const w = await checkCustomer(CLEAN);
        expect(summary(w.findings())).toBe('');
    });

    it('the contract example gives exactly the six findings of section 3 with today = 2026-11-22', async () => {
        const files = contractFiles();
        const w = await buildWorkspace(files);
        const got = w
            .findings()
            .map(f => `${f.file} ${f.severity} ${f.code} ${files[f.file].split('\n')[f.range.start.line].trim().split(/\s+/).slice(0, 2).join(' ')}`);
        expect(got.sort()).toEqual([
            'cmgd.acct warning incomplete-iron-triangle team {',
            'cmgd.acct warning no-power-map opportunity oss',
            'cmgd.acct warning opposed-key-person li evaluator',
            'cmgd.acct warning tier-mismatch tier strategic',
            'cmgd.acct warning unknown-support zhang //',
            'cmgd.acct warning unqualified-opportunity opportunity oss',
        ]);
        const text = files['cmgd.acct'];
        expect(one(w, 'unqualified-opportunity', 'cmgd.acct').message).toMatch(/budget/);
        expect(one(w, 'unqualified-opportunity', 'cmgd.acct').message).toMatch(/start/);
        expect(one(w, 'incomplete-iron-triangle', 'cmgd.acct').message).toMatch(/SR/i);
        expect(one(w, 'incomplete-iron-triangle', 'cmgd.acct').message).toMatch(/FR/i);
        expect(one(w, 'incomplete-iron-triangle', 'cmgd.acct').message).not.toMatch(/\bAR\b/);
        expect(one(w, 'unknown-support', 'cmgd.acct').range).toEqual(rangeAfter(text, 'decision-chain', 'zhang'));
        expect(one(w, 'opposed-key-person', 'cmgd.acct').range).toEqual(rangeAfter(text, 'decision-chain', 'li'));
        expect(one(w, 'tier-mismatch', 'cmgd.acct').range).toEqual(rangeAfter(text, 'tier ', 'strategic'));
        expect(one(w, 'tier-mismatch', 'cmgd.acct').message).toMatch(/strategic[\s\S]*excellent/);
        expectAt(one(w, 'no-power-map', 'cmgd.acct'), text, 'opportunity oss');
    });
});

describe('syntax', () => {
    it('reports text that does not parse as an error, and still checks the rest of the file', async () => {
        // Contract 1.1: the declaration holding the error gets no method finding; the rest of the file is checked.
        const broken = 'customer other "Other" {\n    contact bad "Bad" { role }\n    activity late "Late" { date 2026-11-01 status planned }\n}\n';
        const text = cleanWith(['date 2026-12-01', 'date 2026-11-01']) + broken;
        const w = await checkCustomer(text);
        const f = one(w, 'syntax');
        expect(f.severity).toBe('error');
        expect(f.range.start.line).toBe(rangeOf(text, 'contact bad').start.line);
        expect(f.message).toMatch(/approver/);
        // The overdue activity of the clean customer is still checked; the one in the broken customer is not.
        const overdue = one(w, 'overdue-activity');
        expect(overdue.severity).toBe('warning');
        expect(overdue.range.start.line).toBeLessThan(rangeOf(text, 'customer other').start.line);
    });

    it('reports an unknown character and keeps checking the other customers of the file', async () => {
        const text = 'customer x "X" {\n  contact a "A" { support 2 intimacy -2 } %%%\n}\ncustomer y "Y" { tier core }\n';
        const w = await checkCustomer(text);
        expect(one(w, 'syntax').range.start).toEqual(rangeOf(text, '%%%').start);
        // Contract 1.1: customer x holds the error, so its content gets no method finding.
        none(w, 'rational-turn-risk', { broken: true });
        one(w, 'stale-tier-review');
    });

    it('a well-formed file has no syntax finding', async () => {
        const w = await buildWorkspace(contractFiles());
        none(w, 'syntax');
    });
});

describe('unresolved-reference', () => {
    it('an unknown contact in reports-to', async () => {
        const text = cleanWith(['reports-to boss', 'reports-to nobody']);
        const w = await checkCustomer(text);
        const f = one(w, 'unresolved-reference');
        expect(f.severity).toBe('error');
        expectAt(f, text, 'nobody');
        expect(f.message).toMatch(/nobody/);
        expect(f.message).toMatch(/contact/);
    });

    it('an unknown member in a team', async () => {
        const text = cleanWith(['sr bob', 'sr dave']);
        const w = await checkCustomer(text);
        const f = one(w, 'unresolved-reference');
        expectAt(f, text, 'dave');
        expect(f.message).toMatch(/member 'dave'/);
    });

    it('an unknown competitor and an unknown owner', async () => {
        const text = cleanWith(['competitors nokia', 'competitors huawei'], ['owner alice\n    contact', 'owner zed\n    contact']);
        const w = await checkCustomer(text);
        const found = w.withCode('unresolved-reference');
        expect(found.map(f => f.range)).toEqual([rangeOf(text, 'zed'), rangeOf(text, 'huawei')]);
        expect(found[1].message).toMatch(/competitor/);
    });

    it('a contact of another customer does not resolve (decision-chain, reports-to, with)', async () => {
        const other = 'customer other "Other" {\n    contact stranger "Stranger" { support 1 }\n}\n';
        const text = cleanWith(
            ['            eng\n', '            eng\n            stranger\n'],
            ['reports-to cto', 'reports-to stranger'],
            ['with boss, cto', 'with boss, stranger'],
        );
        const w = await checkCustomer(text, { 'other.acct': other });
        const found = w.withCode('unresolved-reference', 'plan.acct');
        expect(found.map(f => f.range.start)).toEqual([0, 1, 2].map(i => rangeOf(text, 'stranger', i).start));
        expect(found.every(f => /among the contacts of this customer/.test(f.message))).toBe(true);
        expect(w.findings('other.acct')).toEqual([]);
    });

    it('members and competitors declared in another file resolve', async () => {
        const w = await checkCustomer(CLEAN);
        none(w, 'unresolved-reference');
    });
});

describe('duplicate-id', () => {
    it('two contacts with one id in one customer', async () => {
        const text = cleanWith(['    contact eng "Engineer"', '    contact cto "Second CTO" { }\n    contact eng "Engineer"']);
        const w = await checkCustomer(text);
        const f = one(w, 'duplicate-id');
        expect(f.severity).toBe('error');
        expect(f.range).toEqual(rangeAfter(text, 'cto "Second CTO"', 'cto'));
        expect(f.message).toMatch(/'cto'/);
        expect(f.message).toMatch(/[Rr]ename/);
    });

    it('the same customer id in two files: both declarations are reported, each naming the other file', async () => {
        const w = await buildWorkspace({ 'team.acct': TEAM, 'a.acct': CLEAN, 'b.acct': 'customer acme "Acme again" { }\n' });
        const a = one(w, 'duplicate-id', 'a.acct');
        const b = one(w, 'duplicate-id', 'b.acct');
        expectAt(a, CLEAN, 'acme');
        expect(b.range.start).toEqual({ line: 0, character: 9 });
        expect(a.message).toMatch(/b\.acct:1/);
        expect(b.message).toMatch(/a\.acct:1/);
    });

    it('a member declared twice across files', async () => {
        const w = await buildWorkspace({ 'team.acct': TEAM, 'more.acct': 'member bob "Robert"\n' });
        one(w, 'duplicate-id', 'team.acct');
        one(w, 'duplicate-id', 'more.acct');
    });

    it('the same contact id in two different customers is no duplicate', async () => {
        const other = 'customer other "Other" {\n    contact boss "Other Boss" { support 1 }\n    contact cto "Other CTO" { }\n}\n';
        const w = await checkCustomer(CLEAN, { 'other.acct': other });
        none(w, 'duplicate-id');
    });

    it('a second policy block in the workspace', async () => {
        const w = await buildWorkspace({ 'a.acct': 'policy { stale-contact-days 30 }\n', 'b.acct': 'policy { general-coverage 1 }\n' });
        const f = one(w, 'duplicate-id', 'b.acct');
        expect(f.message).toMatch(/a\.acct/);
        expect(w.findings('a.acct')).toEqual([]);
    });
});

describe('out-of-range', () => {
    const text = cleanWith(
        ['support 2\n', 'support 5\n'],
        ['intimacy 0', 'intimacy -4'],
        ['standing 3', 'standing 0'],
        ['cooperation 3', 'cooperation 6'],
        ['date 2026-12-01', 'date 2026-11-01'],
    );

    it('support 5, intimacy -4, standing 0, cooperation 6: errors on the value, not syntax errors', async () => {
        const w = await checkCustomer(text);
        none(w, 'syntax');
        const found = w.withCode('out-of-range');
        expect(found.every(f => f.severity === 'error')).toBe(true);
        expect(found.map(f => f.range)).toEqual([
            rangeAfter(text, 'standing ', '0'),
            rangeAfter(text, 'cooperation ', '6'),
            rangeAfter(text, 'support 5', '5'),
            rangeOf(text, '-4'),
        ]);
        expect(found[0].message).toMatch(/standing 0[\s\S]*1 to 5/);
        expect(found[1].message).toMatch(/cooperation 6/);
        expect(found[2].message).toMatch(/support 5[\s\S]*-1/);
        expect(found[3].message).toMatch(/intimacy -4[\s\S]*-3/);
    });

    it('the rest of the file is still checked', async () => {
        const w = await checkCustomer(text);
        one(w, 'overdue-activity');
    });

    it('support out of range in a decision-chain entry', async () => {
        const t = cleanWith(['            eng\n', '            eng support 4\n']);
        const w = await checkCustomer(t);
        expect(one(w, 'out-of-range').range).toEqual(rangeAfter(t, 'eng support 4', '4'));
    });

    it('policy thresholds below their minimum', async () => {
        const text = 'policy {\n    stale-contact-days 0\n    general-coverage -1\n    tier-review-days 1\n}\n';
        const w = await buildWorkspace({ 'team.acct': text });
        expect(w.withCode('out-of-range').map(f => f.range)).toEqual([rangeAfter(text, 'days ', '0'), rangeOf(text, '-1')]);
        none(w, 'syntax');
    });

    it('the range limits themselves are accepted', async () => {
        const t = cleanWith(
            ['support 2\n', 'support 3\n'],
            ['intimacy 0', 'intimacy -3'],
            ['standing 3', 'standing 5'],
            ['cooperation 3', 'cooperation 1'],
            ['tier value', 'tier commercial'],
        );
        const w = await checkCustomer(t);
        none(w, 'out-of-range');
        const low = cleanWith(['intimacy 0', 'intimacy 3'], ['standing 3', 'standing 1'], ['cooperation 3', 'cooperation 5'], ['tier value', 'tier core']);
        none(await checkCustomer(low), 'out-of-range');
    });
});

describe('duplicate-property (extension)', () => {
    it('warns on each earlier copy of a property written twice, naming the value that counts', async () => {
        const text =
            'customer d "D" {\n    contact a "A" { support 2 role coach support 1 }\n    opportunity o "O" { stage won team { ar alice ar bob } }\n}\n';
        const w = await checkCustomer(text);
        const found = w.withCode('duplicate-property');
        expect(found.map(f => f.range)).toEqual([rangeOf(text, '2'), rangeOf(text, 'alice')]);
        expect(found[0].severity).toBe('warning');
        expect(found[0].message).toBe("'support' is written more than once here; only the last one (1) counts. Remove the others.");
        expect(found[1].message).toMatch(/'ar' .* \(bob\)/);
    });

    it('does not fire on lists or on a property written once', async () => {
        const w = await checkCustomer(CLEAN);
        none(w, 'duplicate-property');
    });
});

describe('out-of-range values count for nothing in the other checks', () => {
    const deal = 'opportunity o "O" { stage bid budget 1M start 2027-01-01 team { ar alice sr bob fr carol } decision-chain { b decision-maker } }';

    it('support 5 is no supporter: with one real supporter the customer is single-threaded', async () => {
        const text = `customer s "S" {\n    contact a "A" { support 5 }\n    contact b "B" { support 1 }\n    ${deal}\n}\n`;
        const w = await checkCustomer(text);
        one(w, 'out-of-range');
        expect(one(w, 'single-threaded').message).toMatch(/only B \(b\) supports us/);
    });

    it('intimacy -4 is no rational-turn risk, as intimacy 4 is no friendship', async () => {
        const text = 'customer s "S" {\n    contact c "C" { support 2 intimacy -4 }\n    contact d "D" { support 0 intimacy 4 }\n}\n';
        const w = await checkCustomer(text);
        expect(w.withCode('out-of-range')).toHaveLength(2);
        none(w, 'rational-turn-risk');
        none(w, 'friendly-but-unsupportive');
    });
});
