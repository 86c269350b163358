/** `acct diff` lines say an unknown support one way, `?`, whatever holds it (issue 24, point 6). */
import { describe, expect, it } from 'vitest';
import { changeLine } from '../../server/src/contract/diff-report.js';
import type { PlanChange } from '../../server/src/contract/plan-diff.js';
import { ENGLISH_TEXTS } from '../../server/src/method/index.js';

const change = (field: string, from: unknown, to: unknown): PlanChange =>
    ({ kind: 'changed', element: 'contact', customer: 'hxgrid', id: 'deng', field, from, to }) as PlanChange;

describe('unknown support in diff lines', () => {
    it('is `?` for a contact, a decision-chain entry and a competitor support alike; an absent value is —', () => {
        expect(changeLine(change('support', null, 1), ENGLISH_TEXTS)).toBe('hxgrid/deng: support ? → 1');
        expect(changeLine(change('support', 2, null), ENGLISH_TEXTS)).toBe('hxgrid/deng: support 2 → ?');
        expect(
            changeLine(
                change(
                    'decisionChain',
                    [{ contact: 'deng', role: 'decision-maker', support: null, group: null }],
                    [{ contact: 'deng', role: 'decision-maker', support: 1, group: null }],
                ),
                ENGLISH_TEXTS,
            ),
        ).toBe('hxgrid/deng: decisionChain: deng decision-maker, support ? → decision-maker, support 1');
        expect(changeLine(change('competitorSupport', [{ competitor: 'zte', support: null }], [{ competitor: 'zte', support: 2 }]), ENGLISH_TEXTS)).toBe(
            'hxgrid/deng: competitorSupport: zte support ? → support 2',
        );
        expect(changeLine(change('intimacy', null, 1), ENGLISH_TEXTS)).toBe('hxgrid/deng: intimacy — → 1');
    });
});
