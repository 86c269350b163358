/**
 * The checks of contract section 3 on a customer, each with a case that fires (code, severity,
 * range of the offending element, key words of the message) and one that must not: the tier
 * against the contract's table, a tier review older than the policy's days, a missing layer
 * (general coverage of the policy), a single supporter; thresholds at their boundaries, and
 * policy thresholds from another file.
 */
import { describe, it, expect } from 'vitest';
import { checkCustomer, CLEAN, cleanWith, rangeAfter } from './helpers.js';
import { expectAt, none, one } from './finding-asserts.js';

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
