/**
 * The checks of contract section 3 on a contact and an activity, each with a case that fires
 * (code, severity, range of the offending element, key words of the message) and one that must
 * not: a stale contact (the boundary day, the policy's threshold from another file, re-checked
 * when that file changes), rational-turn risk, friendly but unsupportive, a reports-to cycle, an
 * overdue activity; "today" injected, or from ACCT_TODAY.
 */
import { describe, it, expect } from 'vitest';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildWorkspace, checkCustomer, cleanWith, rangeAfter, TEAM, uriOf } from './helpers.js';
import { expectAt, none, one } from './finding-asserts.js';

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
