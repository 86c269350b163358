/**
 * Contract 1.1 (section 6) in the checker, its new and changed checks with their boundaries:
 * competitor ahead, opposed influence, unfounded support, an uncovered key person (off by
 * default); activities as evidence of contact, and the three moves of an opposed key person under
 * way.
 */
import { describe, expect, it } from 'vitest';
import { rangeAfter, rangeOf } from './helpers.js';
import { check, deal, only, TEAM } from './contract-1-1-deal.js';

describe('competitor-ahead', () => {
    const withRival = (theirs: string, ours = '2') =>
        deal(['role decision-maker support 2 intimacy 1', `role decision-maker support ${ours} intimacy 1\n        competitor-support rival ${theirs}`]);

    it('fires when a key person supports a competitor of the deal more than us, on the entry', async () => {
        const text = withRival('3');
        const f = only(await check(text), 'competitor-ahead');
        expect(f.severity).toBe('warning');
        expect(f.range).toEqual(rangeAfter(text, 'decision-chain { ', 'dana'));
        expect(f.message).toBe(
            "Dana (dana) supports Rival Corp (3) more than us (2) in 'x': the relationship is relative; find out what Rival Corp offers them and answer it.",
        );
        expect(f.diagnostic.data as { subject: string; contact: string }).toMatchObject({ subject: 'opportunity:acme/x', contact: 'contact:acme/dana' });
    });

    it('equal support does not fire', async () => {
        expect((await check(withRival('2'))).withCode('competitor-ahead')).toEqual([]);
    });

    it("a competitor's ? never fires; our ? counts as 0", async () => {
        expect((await check(withRival('?'))).withCode('competitor-ahead')).toEqual([]);
        expect((await check(withRival('?', '?'))).withCode('competitor-ahead')).toEqual([]);
        expect(only(await check(withRival('1', '?')), 'competitor-ahead').message).toMatch(/\(1\) more than us \(\?\)/);
        expect((await check(withRival('0', '?'))).withCode('competitor-ahead')).toEqual([]);
    });

    it("uses the entry's own support for this deal", async () => {
        const text = withRival('2').replace('decision-chain { dana li bo }', 'decision-chain { dana support 1 li bo }');
        expect(only(await check(text), 'competitor-ahead').message).toMatch(/\(2\) more than us \(1\)/);
    });

    it('only for competitors named on the deal, and only in active deals', async () => {
        const other = deal(['role decision-maker support 2 intimacy 1', 'role decision-maker support 2 intimacy 1\n        competitor-support nokia 3']);
        expect((await check(other)).withCode('competitor-ahead')).toEqual([]);
        expect((await check(withRival('3').replace('stage bid', 'stage lead'))).withCode('competitor-ahead')).toEqual([]);
    });

    it('one finding per entry and competitor', async () => {
        const text = deal(
            [
                'role decision-maker support 2 intimacy 1',
                'role decision-maker support 0 intimacy 1\n        competitor-support rival 1\n        competitor-support nokia 2',
            ],
            ['competitors rival', 'competitors rival, nokia'],
            ['decision-chain { dana li bo }', 'decision-chain { dana li bo dana }'],
        );
        expect((await check(text)).withCode('competitor-ahead')).toHaveLength(4);
    });
});

describe('opposed-influence', () => {
    const influencer = (support: string, line = 'influences dana') =>
        deal(['role evaluator support 1 intimacy 1', `role evaluator support ${support} intimacy 1\n        ${line}`]);

    it('fires on each influence line from an opponent to a decision-maker or approver of an active deal', async () => {
        const text = influencer('-1', 'influences dana, li, bo');
        const found = (await check(text)).withCode('opposed-influence');
        expect(found.map(f => f.range)).toEqual([rangeAfter(text, 'influences ', 'dana'), rangeAfter(text, 'dana, li, ', 'bo')]);
        expect(found[0]!.message).toMatch(/^Li Na \(li\) opposes us and influences Dana \(dana\), the decision-maker of 'x'/);
        expect(found[1]!.message).toMatch(/Bo \(bo\), the approver of 'x'/);
    });

    it('names every deal', async () => {
        const text = influencer('-1').replace(
            '    }\n}\n',
            '    }\n    opportunity y "Other" {\n        stage opportunity budget 1M start 2027-01-01 team { ar alice sr bob fr carol }\n        decision-chain { dana approver li bo }\n    }\n}\n',
        );
        expect(only(await check(text), 'opposed-influence').message).toMatch(/the decision-maker of 'x' and the approver of 'y'/);
    });

    it('does not fire from a neutral influencer, towards an evaluator, or in an inactive deal', async () => {
        expect((await check(influencer('0'))).withCode('opposed-influence')).toEqual([]);
        const towardsEvaluator = deal(['role approver support 1 intimacy 0', 'role approver support -1 intimacy 0\n        influences li']);
        expect((await check(towardsEvaluator)).withCode('opposed-influence')).toEqual([]);
        expect((await check(influencer('-1').replace('stage bid', 'stage won'))).withCode('opposed-influence')).toEqual([]);
    });

    it("takes the influenced person's role for the deal from the decision chain", async () => {
        const text = influencer('-1').replace('decision-chain { dana li bo }', 'decision-chain { dana sponsor li bo }');
        expect((await check(text)).withCode('opposed-influence')).toEqual([]);
    });
});

describe('unfounded-support (info)', () => {
    it('fires on a supporter with no last-contact and no done activity, one per entry', async () => {
        const text = deal(['support 2 intimacy 1 last-contact 2026-11-01', 'support 2 intimacy 1']);
        const f = only(await check(text), 'unfounded-support');
        expect(f.severity).toBe('info');
        expect(f.range).toEqual(rangeAfter(text, 'decision-chain { ', 'dana'));
        expect(f.message).toMatch(/what is the basis\?/);
    });

    it('a done activity with them on or before today is evidence; a later, planned or cancelled one is not', async () => {
        const base = deal(['support 2 intimacy 1 last-contact 2026-11-01', 'support 2 intimacy 1']);
        const activity = (status: string, date: string) =>
            base.replace(/\n}\n$/, `\n    activity a "Talk" { kind visit with dana status ${status} date ${date} }\n}\n`);
        expect((await check(activity('done', '2026-11-22'))).withCode('unfounded-support')).toEqual([]);
        expect((await check(activity('done', '2026-11-23'))).withCode('unfounded-support')).toHaveLength(1);
        expect((await check(activity('planned', '2026-11-20'))).withCode('unfounded-support')).toHaveLength(1);
        expect((await check(activity('cancelled', '2026-11-20'))).withCode('unfounded-support')).toHaveLength(1);
    });

    it('does not fire on neutral, opposed or unknown support, nor outside active deals', async () => {
        for (const support of ['0', '-1', '?']) {
            const text = deal(['support 2 intimacy 1 last-contact 2026-11-01', `support ${support} intimacy 1`]);
            expect((await check(text)).withCode('unfounded-support'), support).toEqual([]);
        }
        const lead = deal(['support 2 intimacy 1 last-contact 2026-11-01', 'support 2 intimacy 1'], ['stage bid', 'stage lead']);
        expect((await check(lead)).withCode('unfounded-support')).toEqual([]);
    });
});

describe('uncovered-key-person (off by default)', () => {
    const noOwner = deal(['last-contact 2026-11-01 owner bob', 'last-contact 2026-11-01']);

    it('reports nothing unless the policy turns it on', async () => {
        expect((await check(noOwner)).withCode('uncovered-key-person')).toEqual([]);
    });

    it('with a severity in the policy: one finding per key entry without an owner', async () => {
        const f = only(await check(noOwner, TEAM + 'policy { severity uncovered-key-person warning }\n'), 'uncovered-key-person');
        expect(f.severity).toBe('warning');
        expect(f.range).toEqual(rangeAfter(noOwner, 'decision-chain { dana ', 'li'));
        expect(f.message).toMatch(/Li Na \(li\), the evaluator of 'x', has no owner/);
    });

    it('does not fire on a sponsor or a general-layer contact', async () => {
        const sponsor = noOwner.replace('decision-chain { dana li bo }', 'decision-chain { dana li sponsor bo }');
        expect((await check(sponsor, TEAM + 'policy { severity uncovered-key-person warning }\n')).withCode('uncovered-key-person')).toEqual([]);
    });
});

describe('changed in 1.1: evidence from activities', () => {
    const staleDana = deal(['last-contact 2026-11-01 owner alice', 'last-contact 2026-05-01 owner alice']);
    const withActivity = (status: string, date: string) =>
        staleDana.replace(/\n}\n$/, `\n    activity a "Talk" { kind visit with dana, li status ${status} date ${date} }\n}\n`);

    it('a recent done activity with the person means they are not stale', async () => {
        expect(only(await check(staleDana), 'stale-contact').message).toMatch(/last contacted 2026-05-01, 205 days ago/);
        expect((await check(withActivity('done', '2026-11-10'))).withCode('stale-contact')).toEqual([]);
    });

    it('the latest evidence counts, and an activity after today or not done does not', async () => {
        expect(only(await check(withActivity('done', '2026-06-01')), 'stale-contact').message).toMatch(
            /last contacted 2026-06-01 \(activity 'a'\), 174 days ago/,
        );
        expect((await check(withActivity('done', '2026-12-01'))).withCode('stale-contact')).toHaveLength(1);
        expect((await check(withActivity('planned', '2026-11-10'))).withCode('stale-contact')).toHaveLength(1);
    });

    it('an old done activity alone makes a person stale; with neither there is no stale-contact', async () => {
        const onlyActivity = deal(['last-contact 2026-11-01 owner alice', 'owner alice']).replace(
            /\n}\n$/,
            '\n    activity a "Talk" { kind visit with dana status done date 2026-03-01 }\n}\n',
        );
        const f = only(await check(onlyActivity), 'stale-contact');
        expect(f.message).toMatch(/2026-03-01 \(activity 'a'\)/);
        expect(f.range.start).toEqual(rangeOf(onlyActivity, 'contact dana').start);
        const neither = deal(['last-contact 2026-11-01 owner alice', 'owner alice']);
        expect((await check(neither)).withCode('stale-contact')).toEqual([]);
    });
});

describe('changed in 1.1: the three axes under way', () => {
    const opposed = deal(['role evaluator support 1 intimacy 1', 'role evaluator support -1 intimacy 1']);
    const withMoves = (...moves: string[]) =>
        opposed.replace(/\n}\n$/, '\n' + moves.map((m, i) => `    activity m${i} "Move ${i}" { with li ${m} }`).join('\n') + '\n}\n');

    it('proposes the three moves when none is under way', async () => {
        expect(only(await check(opposed), 'opposed-key-person').message).toMatch(
            /opposes us \(support -1\)\. Use the three axes: an executive visit from our side, an invitation to an exhibition or event, a visit to our headquarters and reference sites\.$/,
        );
    });

    it('names the moves done or planned, and proposes only the others', async () => {
        const text = withMoves('kind executive-visit status done date 2026-10-01', 'kind hq-visit status planned date 2026-12-05');
        const f = only(await check(text), 'opposed-key-person');
        expect(f.severity).toBe('warning');
        expect(f.message).toMatch(
            /under way: executive visit 'm0' \(done\), headquarters visit 'm1' \(planned for 2026-12-05\)\. Still to do: an invitation to an exhibition or event\.$/,
        );
    });

    it('all three under way: follow them up; overdue or cancelled moves do not count', async () => {
        const all = withMoves('kind executive-visit status done', 'kind exhibition status planned date 2026-11-22', 'kind hq-visit status planned');
        expect(only(await check(all), 'opposed-key-person').message).toMatch(/Follow them up/);
        const stale = withMoves('kind exhibition status planned date 2026-11-21', 'kind hq-visit status cancelled');
        expect(only(await check(stale), 'opposed-key-person').message).toMatch(/Use the three axes: an executive visit/);
    });
});
