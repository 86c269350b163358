/**
 * The checks of contract section 3 on an active deal, each with a case that fires (code,
 * severity, range of the offending element, key words of the message) and one that must not:
 * unqualified, no power map, no decision-maker, a decider's support unknown, an opposed key person
 * (with the three moves), an incomplete iron triangle; per-deal roles and support over the
 * contact's; stages lead, won and lost (and none) never checked.
 */
import { describe, it, expect } from 'vitest';
import { checkCustomer, CLEAN, cleanWith, rangeAfter } from './helpers.js';
import { expectAt, none, one } from './finding-asserts.js';

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
