/**
 * Every check of contract section 3: a case that fires (code, severity, range of the offending
 * element, key words of the message) and one that must not, with the boundaries of the date and
 * count thresholds, policy thresholds from another file, and "today" injected.
 */
import { describe, it, expect } from 'vitest';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
    buildWorkspace,
    checkCustomer,
    CLEAN,
    cleanWith,
    contractFiles,
    rangeAfter,
    rangeOf,
    summary,
    TEAM,
    uriOf,
    type Finding,
    type TestWorkspace,
} from './helpers.js';

/** Exactly one finding of `code` in plan.acct (or `file`), returned for further assertions. */
function one(w: TestWorkspace, code: string, file = 'plan.acct'): Finding {
    const found = w.withCode(code, file);
    expect(found, `expected exactly one ${code}, got:\n${summary(w.findings())}`).toHaveLength(1);
    return found[0];
}

/**
 * No finding of `code`. A fixture that does not parse or link would pass that for the wrong
 * reason (a declaration holding a syntax error keeps only the findings that say the plan is
 * wrong): it must parse and link cleanly first, unless the test breaks it on purpose (`broken`).
 */
function none(w: TestWorkspace, code: string, { broken = false } = {}): void {
    if (!broken) {
        const unparsed = [...w.withCode('syntax'), ...w.withCode('unresolved-reference')];
        expect(unparsed, `the fixture does not parse or link cleanly:\n${summary(unparsed)}`).toEqual([]);
    }
    expect(w.withCode(code), `expected no ${code}, got:\n${summary(w.findings())}`).toEqual([]);
}

/** The finding starts (and, when `needle` is the whole element, ends) where `needle` is. */
function expectAt(f: Finding, text: string, needle: string, occurrence = 0): void {
    expect(f.range).toEqual(rangeOf(text, needle, occurrence));
}

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

describe('unqualified-opportunity', () => {
    it('names the missing budget only', async () => {
        const text = cleanWith(['        budget 2M CNY\n', '']);
        const w = await checkCustomer(text);
        const f = one(w, 'unqualified-opportunity');
        expect(f.severity).toBe('warning');
        expectAt(f, text, 'opportunity deal');
        expect(f.message).toMatch(/budget/);
        expect(f.message).not.toMatch(/no start/);
        expect(f.message).toMatch(/lead/);
    });

    it('names the missing start only', async () => {
        const w = await checkCustomer(cleanWith(['        start 2027-01-15\n', '']));
        const f = one(w, 'unqualified-opportunity');
        expect(f.message).toMatch(/start/);
        expect(f.message).not.toMatch(/no confirmed budget/);
    });

    it('names both when both are missing', async () => {
        const w = await checkCustomer(cleanWith(['        start 2027-01-15\n', ''], ['        budget 2M CNY\n', '']));
        expect(one(w, 'unqualified-opportunity').message).toMatch(/budget[\s\S]*start/);
    });

    it('does not fire with budget and start', async () => {
        none(await checkCustomer(CLEAN), 'unqualified-opportunity');
    });
});

describe('stages lead, won and lost (and no stage) never trigger opportunity checks', () => {
    for (const stage of ['lead', 'won', 'lost', null]) {
        it(`stage ${stage ?? '(absent)'}`, async () => {
            const text = `customer acme "Acme" {
    contact boss "Boss" { role approver support -1 last-contact 2020-01-01 }
    contact cto "CTO" { role decision-maker }
    opportunity bare "Bare" { ${stage ? `stage ${stage}` : ''} }
    opportunity chained "Chained" {
        ${stage ? `stage ${stage}` : ''}
        team { ar alice }
        decision-chain { boss cto }
    }
}
`;
            const w = await checkCustomer(text);
            for (const code of [
                'unqualified-opportunity',
                'no-power-map',
                'no-decision-maker',
                'unknown-support',
                'opposed-key-person',
                'incomplete-iron-triangle',
                'stale-contact',
                'single-threaded',
            ]) {
                none(w, code);
            }
        });
    }

    it('stage bid is active like opportunity', async () => {
        const w = await checkCustomer('customer acme "Acme" {\n    opportunity x "X" { stage bid }\n}\n');
        for (const code of ['unqualified-opportunity', 'no-power-map', 'incomplete-iron-triangle', 'single-threaded']) one(w, code);
    });
});

describe('no-power-map', () => {
    it('fires on an active opportunity without decision-chain', async () => {
        const text = cleanWith([
            `        decision-chain {
            boss
            cto
            eng
        }
`,
            '',
        ]);
        const w = await checkCustomer(text);
        const f = one(w, 'no-power-map');
        expect(f.severity).toBe('warning');
        expectAt(f, text, 'opportunity deal');
        expect(f.message).toMatch(/decision-chain/);
        // The checks on a chain's contents apply only where a chain exists.
        none(w, 'no-decision-maker');
        none(w, 'unknown-support');
        none(w, 'opposed-key-person');
    });

    it('does not fire when the chain exists, even empty (then no-decision-maker does)', async () => {
        const text = cleanWith([
            `        decision-chain {
            boss
            cto
            eng
        }`,
            '        decision-chain { }',
        ]);
        const w = await checkCustomer(text);
        none(w, 'no-power-map');
        expectAt(one(w, 'no-decision-maker'), text, 'decision-chain');
    });
});

describe('no-decision-maker', () => {
    it('fires when the chain has neither decision-maker nor approver', async () => {
        const text = cleanWith(['            boss\n            cto\n', '']);
        const w = await checkCustomer(text);
        const f = one(w, 'no-decision-maker');
        expect(f.severity).toBe('warning');
        expectAt(f, text, 'decision-chain');
        expect(f.message).toMatch(/decision-maker/);
        expect(f.message).toMatch(/approver/);
    });

    it('an approver alone is enough', async () => {
        none(await checkCustomer(cleanWith(['            cto\n', ''])), 'no-decision-maker');
    });

    it('a decision-maker alone is enough', async () => {
        none(await checkCustomer(cleanWith(['            boss\n', ''])), 'no-decision-maker');
    });

    it('a per-deal role makes an evaluator the decision-maker of this deal', async () => {
        const text = cleanWith(['            boss\n            cto\n            eng\n', '            eng decision-maker\n']);
        none(await checkCustomer(text), 'no-decision-maker');
    });

    it('a per-deal role demotes the only approver', async () => {
        const text = cleanWith(['            boss\n            cto\n', '            boss sponsor\n']);
        one(await checkCustomer(text), 'no-decision-maker');
    });
});

describe('unknown-support', () => {
    it('fires on a decision-maker with support ?', async () => {
        const text = cleanWith(['        role decision-maker\n        support 2\n', '        role decision-maker\n        support ?\n']);
        const w = await checkCustomer(text);
        const f = one(w, 'unknown-support');
        expect(f.severity).toBe('warning');
        expect(f.range).toEqual(rangeAfter(text, 'decision-chain', 'cto'));
        expect(f.message).toMatch(/cto/);
        expect(f.message).toMatch(/unknown/);
    });

    it('fires on an approver whose support is absent (absent means unknown)', async () => {
        const text = cleanWith(['        role approver\n        support 1\n', '        role approver\n']);
        const f = one(await checkCustomer(text), 'unknown-support');
        expect(f.message).toMatch(/boss/);
    });

    it('does not fire on an evaluator or a sponsor with support ?', async () => {
        const text = cleanWith(['        role evaluator\n        support 1\n', '        role evaluator\n        support ?\n']);
        none(await checkCustomer(text), 'unknown-support');
    });

    it("a per-deal support overrides the contact's ?", async () => {
        const text = cleanWith(
            ['        role approver\n        support 1\n', '        role approver\n        support ?\n'],
            ['            boss\n', '            boss support 1\n'],
        );
        none(await checkCustomer(text), 'unknown-support');
    });

    it("a per-deal ? overrides the contact's known support", async () => {
        const text = cleanWith(['            boss\n', '            boss support ?\n']);
        one(await checkCustomer(text), 'unknown-support');
    });

    it('a per-deal role makes a contact with unknown support a decider', async () => {
        const text = cleanWith(
            ['        role evaluator\n        support 1\n', '        role evaluator\n        support ?\n'],
            ['            eng\n', '            eng approver\n'],
        );
        expect(one(await checkCustomer(text), 'unknown-support').message).toMatch(/approver/);
    });
});

describe('opposed-key-person', () => {
    it('fires on an evaluator with support -1 and proposes the three moves', async () => {
        const text = cleanWith(['        role evaluator\n        support 1\n', '        role evaluator\n        support -1\n']);
        const w = await checkCustomer(text);
        const f = one(w, 'opposed-key-person');
        expect(f.severity).toBe('warning');
        expect(f.range).toEqual(rangeAfter(text, 'decision-chain', 'eng'));
        expect(f.message).toMatch(/executive visit/i);
        expect(f.message).toMatch(/exhibition/i);
        expect(f.message).toMatch(/headquarters/i);
    });

    for (const role of ['approver', 'decision-maker']) {
        it(`fires on ${role} with support -1 (per-deal override)`, async () => {
            const text = cleanWith(['            eng\n', `            eng ${role} support -1\n`]);
            one(await checkCustomer(text), 'opposed-key-person');
        });
    }

    for (const role of ['sponsor', 'influencer', 'coach']) {
        it(`does not fire on ${role} with support -1`, async () => {
            const text = cleanWith(['            eng\n', `            eng ${role} support -1\n`]);
            none(await checkCustomer(text), 'opposed-key-person');
        });
    }

    it("the entry's values override the contact's: `eng evaluator support -1` fires although eng supports us", async () => {
        const text = cleanWith(['            eng\n', '            eng evaluator support -1\n']);
        const f = one(await checkCustomer(text), 'opposed-key-person');
        expect(f.message).toMatch(/evaluator/);
    });

    it("an entry without values takes the contact's: `eng` alone does not fire when eng supports us", async () => {
        none(await checkCustomer(CLEAN), 'opposed-key-person');
    });

    it("a per-deal support 1 clears the contact's -1", async () => {
        const text = cleanWith(
            ['        role evaluator\n        support 1\n', '        role evaluator\n        support -1\n'],
            ['            eng\n', '            eng support 1\n'],
        );
        none(await checkCustomer(text), 'opposed-key-person');
    });
});

describe('incomplete-iron-triangle', () => {
    it('names the missing role and points at the team', async () => {
        const text = cleanWith(['ar alice sr bob fr carol', 'ar alice sr bob']);
        const w = await checkCustomer(text);
        const f = one(w, 'incomplete-iron-triangle');
        expect(f.severity).toBe('warning');
        expectAt(f, text, 'team');
        expect(f.message).toMatch(/\bFR\b|\bfr\b/);
        expect(f.message).not.toMatch(/\bAR\b|\bSR\b|\(ar\)|\(sr\)/);
    });

    it('without a team names all three roles and points at the opportunity', async () => {
        const text = cleanWith(['        team { ar alice sr bob fr carol }\n', '']);
        const f = one(await checkCustomer(text), 'incomplete-iron-triangle');
        expectAt(f, text, 'opportunity deal');
        for (const role of [/\bAR\b|\(ar\)/, /\bSR\b|\(sr\)/, /\bFR\b|\(fr\)/]) expect(f.message).toMatch(role);
    });

    it('an empty team names all three', async () => {
        const text = cleanWith(['team { ar alice sr bob fr carol }', 'team { }']);
        const f = one(await checkCustomer(text), 'incomplete-iron-triangle');
        expect(f.message).toMatch(/AR[\s\S]*SR[\s\S]*FR/);
    });

    it('roles in any order complete the triangle', async () => {
        none(await checkCustomer(cleanWith(['ar alice sr bob fr carol', 'fr carol ar alice sr bob'])), 'incomplete-iron-triangle');
    });
});

describe('tier-mismatch', () => {
    it('fires on the tier value when the declared tier differs from the suggested one', async () => {
        const text = cleanWith(['tier value', 'tier excellent']);
        const w = await checkCustomer(text);
        const f = one(w, 'tier-mismatch');
        expect(f.severity).toBe('warning');
        expectAt(f, text, 'excellent');
        expect(f.message).toMatch(/excellent[\s\S]*value/);
    });

    it('does not fire without standing, cooperation or tier', async () => {
        none(await checkCustomer(cleanWith(['    standing 3\n', ''], ['tier value', 'tier excellent'])), 'tier-mismatch');
        none(await checkCustomer(cleanWith(['    cooperation 3\n', ''], ['tier value', 'tier excellent'])), 'tier-mismatch');
        none(await checkCustomer(cleanWith(['    tier value\n', ''])), 'tier-mismatch');
    });

    it('follows the contract table', async () => {
        // standing 1 is commercial up to cooperation 3 and core from 4; standing 4 with cooperation 3 is strategic.
        const cases: Array<[number, number, string]> = [
            [1, 3, 'commercial'],
            [1, 4, 'core'],
            [4, 3, 'strategic'],
            [3, 3, 'value'],
            [2, 5, 'core'],
            [5, 5, 'excellent'],
            [5, 1, 'commercial'],
        ];
        for (const [standing, cooperation, tier] of cases) {
            const text = cleanWith(['standing 3', `standing ${standing}`], ['cooperation 3', `cooperation ${cooperation}`], ['tier value', `tier ${tier}`]);
            none(await checkCustomer(text), 'tier-mismatch');
        }
    });
});

describe('stale-tier-review', () => {
    it('reviewed exactly 365 days before today: no finding; 366: finding on the date', async () => {
        none(await checkCustomer(cleanWith(['reviewed 2026-06-01', 'reviewed 2025-11-22'])), 'stale-tier-review');
        const text = cleanWith(['reviewed 2026-06-01', 'reviewed 2025-11-21']);
        const f = one(await checkCustomer(text), 'stale-tier-review');
        expect(f.severity).toBe('warning');
        expectAt(f, text, '2025-11-21');
        expect(f.message).toMatch(/366 days/);
        expect(f.message).toMatch(/[Rr]eview/);
    });

    it('a tier without a review date fires on the tier', async () => {
        const text = cleanWith(['    reviewed 2026-06-01\n', '']);
        const f = one(await checkCustomer(text), 'stale-tier-review');
        expect(f.range).toEqual(rangeAfter(text, 'tier ', 'value'));
        expect(f.message).toMatch(/reviewed/);
    });

    it('no tier, no review needed', async () => {
        none(await checkCustomer(cleanWith(['    reviewed 2026-06-01\n', ''], ['    tier value\n', ''])), 'stale-tier-review');
    });

    it('tier-review-days of the policy (in another file) changes the threshold', async () => {
        const text = cleanWith(['reviewed 2026-06-01', 'reviewed 2026-10-23']);
        none(await checkCustomer(text), 'stale-tier-review');
        const w = await checkCustomer(text, { 'policy.acct': 'policy { tier-review-days 29 }\n' });
        expect(one(w, 'stale-tier-review').message).toMatch(/30 days[\s\S]*29/);
    });
});

describe('missing-layer', () => {
    const strategic = (general: number, organization: string | null) => {
        const contacts = Array.from({ length: general }, (_, i) => `    contact g${i} "General ${i}" { support 0 intimacy 0 }\n`).join('');
        return cleanWith(
            ['standing 3', 'standing 4'],
            ['tier value', 'tier strategic'],
            ['    owner alice\n    contact boss', `    owner alice\n${organization ? `    organization ${organization}\n` : ''}${contacts}    contact boss`],
        );
    };

    it('general-coverage exactly 3: no finding', async () => {
        none(await checkCustomer(strategic(3, 'match')), 'missing-layer');
    });

    it('2 general-layer contacts where 3 are expected: finding on the customer naming the count', async () => {
        const text = strategic(2, 'match');
        const f = one(await checkCustomer(text), 'missing-layer');
        expect(f.severity).toBe('warning');
        expectAt(f, text, 'customer acme');
        expect(f.message).toMatch(/2 general-layer/);
        expect(f.message).toMatch(/3/);
        expect(f.message).not.toMatch(/organizational/);
    });

    it('organization absent or none: the message names the organizational layer', async () => {
        for (const organization of [null, 'none']) {
            const f = one(await checkCustomer(strategic(3, organization)), 'missing-layer');
            expect(f.message).toMatch(/organizational/);
            expect(f.message).not.toMatch(/general-layer/);
        }
    });

    it('both missing: both named', async () => {
        const f = one(await checkCustomer(strategic(0, 'none')), 'missing-layer');
        expect(f.message).toMatch(/organizational[\s\S]*0 general-layer/);
    });

    it('applies to excellent, not to core/value/commercial', async () => {
        const excellent = strategic(1, 'communicate').replace('tier strategic', 'tier excellent').replace('cooperation 3', 'cooperation 4');
        one(await checkCustomer(excellent), 'missing-layer');
        none(await checkCustomer(CLEAN), 'missing-layer');
    });

    it('general-coverage of the policy (in another file) changes the threshold', async () => {
        const w = await checkCustomer(strategic(2, 'match'), { 'policy.acct': 'policy { general-coverage 2 }\n' });
        none(w, 'missing-layer');
    });
});

describe('single-threaded', () => {
    it('fires when only one contact supports us, naming them', async () => {
        const text = cleanWith(
            ['        role approver\n        support 1\n', '        role approver\n        support 0\n'],
            ['        role evaluator\n        support 1\n', '        role evaluator\n        support ?\n'],
        );
        const f = one(await checkCustomer(text), 'single-threaded');
        expect(f.severity).toBe('warning');
        expectAt(f, text, 'customer acme');
        expect(f.message).toMatch(/Chief Tech|cto/);
    });

    it('fires when nobody supports us', async () => {
        const text = `customer acme "Acme" {\n    contact a "A" { support 0 }\n    opportunity x "X" { stage opportunity }\n}\n`;
        expect(one(await checkCustomer(text), 'single-threaded').message).toMatch(/nobody/);
    });

    it('two supporters are enough', async () => {
        const text = cleanWith(['        role evaluator\n        support 1\n', '        role evaluator\n        support 0\n']);
        none(await checkCustomer(text), 'single-threaded');
    });

    it('no active opportunity, no finding', async () => {
        const text = `customer acme "Acme" {\n    contact a "A" { support 0 }\n    opportunity x "X" { stage won }\n}\n`;
        none(await checkCustomer(text), 'single-threaded');
    });
});

describe('stale-contact', () => {
    it('last contact exactly 90 days before today: no finding; 91: finding on the date', async () => {
        none(
            await checkCustomer(
                cleanWith(['        reports-to boss\n        last-contact 2026-11-01', '        reports-to boss\n        last-contact 2026-08-24']),
            ),
            'stale-contact',
        );
        const text = cleanWith(['        reports-to boss\n        last-contact 2026-11-01', '        reports-to boss\n        last-contact 2026-08-23']);
        const f = one(await checkCustomer(text), 'stale-contact');
        expect(f.severity).toBe('warning');
        expectAt(f, text, '2026-08-23');
        expect(f.message).toMatch(/91 days/);
        expect(f.message).toMatch(/deal/);
    });

    it('a contact in no decision chain is never stale', async () => {
        const text = cleanWith(
            ['        reports-to boss\n        last-contact 2026-11-01', '        reports-to boss\n        last-contact 2020-01-01'],
            ['            cto\n', ''],
        );
        none(await checkCustomer(text), 'stale-contact');
    });

    it('a contact only in the chain of a won deal is not stale', async () => {
        const text = cleanWith(
            ['        reports-to boss\n        last-contact 2026-11-01', '        reports-to boss\n        last-contact 2020-01-01'],
            ['stage bid', 'stage won'],
        );
        none(await checkCustomer(text), 'stale-contact');
    });

    it('stale-contact-days 30 in a policy block of another file changes the threshold', async () => {
        const policy = { 'policy.acct': 'policy {\n    stale-contact-days 30\n}\n' };
        const at30 = cleanWith(['        reports-to boss\n        last-contact 2026-11-01', '        reports-to boss\n        last-contact 2026-10-23']);
        const at31 = cleanWith(['        reports-to boss\n        last-contact 2026-11-01', '        reports-to boss\n        last-contact 2026-10-22']);
        none(await checkCustomer(at31), 'stale-contact');
        none(await checkCustomer(at30, policy), 'stale-contact');
        const f = one(await checkCustomer(at31, policy), 'stale-contact');
        expect(f.message).toMatch(/31 days[\s\S]*30/);
    });

    it('editing the policy in another file re-checks this one (as in the editor)', async () => {
        const text = cleanWith(['        reports-to boss\n        last-contact 2026-11-01', '        reports-to boss\n        last-contact 2026-10-22']);
        const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': text }, { fresh: true });
        expect(w.docs['plan.acct'].diagnostics?.filter(d => d.code === 'stale-contact')).toEqual([]);
        const edit = async (team: string, version: number) => {
            w.shared.workspace.TextDocuments!.set(TextDocument.create(uriOf('team.acct'), 'acct', version, team));
            await w.shared.workspace.DocumentBuilder.update([URI.parse(uriOf('team.acct'))], []);
            return (w.shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf('plan.acct')))?.diagnostics ?? []).filter(d => d.code === 'stale-contact');
        };
        expect(await edit(TEAM + 'policy { stale-contact-days 30 }\n', 2)).toHaveLength(1);
        expect(await edit(TEAM + 'policy { stale-contact-days 31 }\n', 3)).toHaveLength(0);
    });

    it('"today" is injected: the same plan is stale or not depending on the date', async () => {
        const text = cleanWith(['        reports-to boss\n        last-contact 2026-11-01', '        reports-to boss\n        last-contact 2026-08-24']);
        none(await checkCustomer(text, {}, { today: '2026-11-22' }), 'stale-contact');
        one(await checkCustomer(text, {}, { today: '2026-11-23' }), 'stale-contact');
    });
});

describe('rational-turn-risk', () => {
    const contact = (support: string, intimacy: string) =>
        `customer acme "Acme" {\n    contact a "A" {\n        support ${support}\n        intimacy ${intimacy}\n    }\n}\n`;

    it('support 2 with intimacy -1: finding on the intimacy', async () => {
        const text = contact('2', '-1');
        const f = one(await checkCustomer(text), 'rational-turn-risk');
        expect(f.severity).toBe('warning');
        expectAt(f, text, '-1');
        expect(f.message).toMatch(/intimacy/);
        expect(f.message).toMatch(/relationship/);
    });

    it('support 3 with intimacy -3 fires too', async () => {
        one(await checkCustomer(contact('3', '-3')), 'rational-turn-risk');
    });

    it('support 2 with intimacy 0 does not fire; nor support 1 with intimacy -3', async () => {
        none(await checkCustomer(contact('2', '0')), 'rational-turn-risk');
        none(await checkCustomer(contact('1', '-3')), 'rational-turn-risk');
        none(await checkCustomer(contact('?', '-3')), 'rational-turn-risk');
    });
});

describe('friendly-but-unsupportive', () => {
    const contact = (support: string, intimacy: string) =>
        `customer acme "Acme" {\n    contact a "A" {\n        support ${support}\n        intimacy ${intimacy}\n    }\n}\n`;

    it('intimacy 2 with support 0: info on the support', async () => {
        const text = contact('0', '2');
        const f = one(await checkCustomer(text), 'friendly-but-unsupportive');
        expect(f.severity).toBe('info');
        expect(f.range).toEqual(rangeAfter(text, 'support ', '0'));
        expect(f.message).toMatch(/intimacy 2/);
    });

    it('intimacy 3 with support -1 fires', async () => {
        one(await checkCustomer(contact('-1', '3')), 'friendly-but-unsupportive');
    });

    it('intimacy 2 with support 1 does not fire; nor intimacy 1 with support 0, nor support ?', async () => {
        none(await checkCustomer(contact('1', '2')), 'friendly-but-unsupportive');
        none(await checkCustomer(contact('0', '1')), 'friendly-but-unsupportive');
        none(await checkCustomer(contact('?', '3')), 'friendly-but-unsupportive');
    });
});

describe('reports-to-cycle', () => {
    it('a contact reporting to itself', async () => {
        const text = 'customer acme "Acme" {\n    contact a "A" { reports-to a }\n}\n';
        const f = one(await checkCustomer(text), 'reports-to-cycle');
        expect(f.severity).toBe('error');
        expect(f.range).toEqual(rangeAfter(text, 'reports-to ', 'a'));
    });

    it('a 3-cycle: each of its contacts, and no contact that merely reports into it', async () => {
        const text = `customer acme "Acme" {
    contact a "A" { reports-to b }
    contact b "B" { reports-to c }
    contact c "C" { reports-to a }
    contact d "D" { reports-to a }
}
`;
        const w = await checkCustomer(text);
        const found = w.withCode('reports-to-cycle');
        expect(found.map(f => f.range.start.line)).toEqual([1, 2, 3]);
        expect(found[0].message).toMatch(/a → b → c → a/);
        expect(found.every(f => f.severity === 'error')).toBe(true);
    });

    it('a tree has no cycle', async () => {
        const text = `customer acme "Acme" {
    contact a "A" { }
    contact b "B" { reports-to a }
    contact c "C" { reports-to a }
    contact d "D" { reports-to b }
}
`;
        none(await checkCustomer(text), 'reports-to-cycle');
    });
});

describe('overdue-activity', () => {
    it('a planned activity dated yesterday is overdue; dated today it is not', async () => {
        none(await checkCustomer(cleanWith(['date 2026-12-01', 'date 2026-11-22'])), 'overdue-activity');
        const text = cleanWith(['date 2026-12-01', 'date 2026-11-21']);
        const f = one(await checkCustomer(text), 'overdue-activity');
        expect(f.severity).toBe('warning');
        expectAt(f, text, '2026-11-21');
        expect(f.message).toMatch(/1 day ago/);
        expect(f.message).toMatch(/done|cancel/);
    });

    it('a done or cancelled activity in the past is not overdue', async () => {
        none(await checkCustomer(cleanWith(['date 2026-12-01', 'date 2026-01-01'], ['status planned', 'status done'])), 'overdue-activity');
        none(await checkCustomer(cleanWith(['date 2026-12-01', 'date 2026-01-01'], ['status planned', 'status cancelled'])), 'overdue-activity');
    });

    it('without an override, ACCT_TODAY sets "today"', async () => {
        const text = cleanWith(['date 2026-12-01', 'date 2026-11-22']);
        const saved = process.env.ACCT_TODAY;
        try {
            process.env.ACCT_TODAY = '2026-11-23';
            one(await checkCustomer(text, {}, { today: null }), 'overdue-activity');
            process.env.ACCT_TODAY = '2026-11-22';
            none(await checkCustomer(text, {}, { today: null }), 'overdue-activity');
        } finally {
            if (saved === undefined) delete process.env.ACCT_TODAY;
            else process.env.ACCT_TODAY = saved;
        }
    });

    it('"today" is injected: the same activity is overdue one day later', async () => {
        const text = cleanWith(['date 2026-12-01', 'date 2026-11-22']);
        one(await checkCustomer(text, {}, { today: '2026-11-23' }), 'overdue-activity');
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
