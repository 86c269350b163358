/**
 * Contract 1.1 (section 6) in the checker: the new syntax, the new checks with their boundaries,
 * the changed checks, waivers and severities, and the export keys of 6.4.
 */
import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildWorkspace, contractFiles, rangeAfter, rangeOf, summary, uriOf, type TestWorkspace } from './helpers.js';

const TEAM = `member alice "Alice Chen"
member bob "Bob Li"
member carol "Carol Wu"
competitor nokia "Nokia"
competitor rival "Rival Corp"
`;

/**
 * An active deal whose power map is healthy under v1 and 1.1: every person with a recorded
 * contact and an owner. Tests replace pieces of it.
 */
const DEAL = `customer acme "Acme" {
    standing 3 cooperation 3 tier value reviewed 2026-06-01
    contact dana "Dana" {
        role decision-maker support 2 intimacy 1 last-contact 2026-11-01 owner alice
    }
    contact li "Li Na" {
        role evaluator support 1 intimacy 1 last-contact 2026-11-01 owner bob
    }
    contact bo "Bo" {
        role approver support 1 intimacy 0 last-contact 2026-11-01 owner carol
    }
    opportunity x "Expansion" {
        stage bid budget 1M CNY start 2027-01-01
        team { ar alice sr bob fr carol }
        decision-chain { dana li bo }
        competitors rival
        value-proposition { strengths "the reference site in their province" }
    }
}
`;

function deal(...edits: Array<[string, string]>): string {
    let text = DEAL;
    for (const [from, to] of edits) {
        if (text.split(from).length !== 2) throw new Error(`'${from}' must occur exactly once`);
        text = text.replace(from, to);
    }
    return text;
}

async function check(plan: string, team = TEAM, today = '2026-11-22'): Promise<TestWorkspace> {
    return buildWorkspace({ 'team.acct': team, 'plan.acct': plan }, { today });
}

function codes(w: TestWorkspace): string[] {
    return w
        .findings()
        .map(f => f.code)
        .sort();
}

function only(w: TestWorkspace, code: string) {
    const found = w.withCode(code);
    expect(found, `expected one ${code}, got:\n${summary(w.findings())}`).toHaveLength(1);
    return found[0]!;
}

describe('baseline', () => {
    it('the deal used by these tests has no finding at all', async () => {
        expect(summary((await check(DEAL)).findings())).toBe('');
    });

    it('the contract example still gives exactly its six findings', async () => {
        const w = await buildWorkspace(contractFiles());
        expect(codes(w)).toEqual([
            'incomplete-iron-triangle',
            'no-power-map',
            'opposed-key-person',
            'tier-mismatch',
            'unknown-support',
            'unqualified-opportunity',
        ]);
    });
});

describe('syntax of 6.1', () => {
    it('parses every new construct, and the new keywords stay valid ids', async () => {
        const text =
            deal(
                [
                    'owner alice\n    }',
                    'owner alice\n        competitor-support rival 2\n        competitor-support nokia ?\n        influences li, bo\n        waive unfounded-support "met at the fair"\n    }',
                ],
                [
                    'competitors rival',
                    'competitors rival\n        horizon short space 5 growth 4 profit 3 competition 2\n        waive competitor-ahead "price war, known" until 2027-01-31',
                ],
                ['decision-chain { dana li bo }', 'decision-chain { dana group final li evaluator support 1 group technical bo group selection }'],
                ['standing 3', 'waive stale-contact "reviewed weekly"\n    standing 3'],
            ) + 'customer horizon "Ids" {\n    contact waive "W" { }\n    contact group "G" { reports-to waive }\n    contact severity "S" { }\n}\n';
        const team = TEAM + 'policy {\n    severity single-threaded info\n    severity reports-to off\n}\n';
        const w = await check(text, team);
        expect(w.withCode('syntax')).toEqual([]);
        expect(w.withCode('unresolved-reference')).toEqual([]);
        const plan = w.plan();
        const acme = plan.customers[0]!;
        expect(acme.contacts[0]).toMatchObject({
            competitorSupport: [
                { competitor: 'rival', support: 2 },
                { competitor: 'nokia', support: null },
            ],
            influences: ['li', 'bo'],
        });
        expect(acme.opportunities[0]).toMatchObject({
            horizon: 'short',
            sandbox: { space: 5, growth: 4, profit: 3, competition: 2, score: 5 + 4 + 3 + (6 - 2) },
        });
        expect(acme.opportunities[0]!.decisionChain.map(e => e.group)).toEqual(['final', 'technical', 'selection']);
        expect(plan.customers[1]!.contacts.map(c => c.id)).toEqual(['waive', 'group', 'severity']);
        // `reports-to off` names no code: invalid-code, not a syntax error
        expect(only(w, 'invalid-code').message).toMatch(/'reports-to' is not a check code/);
    });

    it('codes made of keywords parse as codes: reports-to-cycle, decision-maker words, tier-mismatch', async () => {
        const team = TEAM + 'policy {\n    severity tier-mismatch info\n    severity no-decision-maker error\n    severity stale-tier-review off\n}\n';
        const w = await check(deal(['tier value', 'tier core']), team);
        expect(w.withCode('syntax')).toEqual([]);
        expect(only(w, 'tier-mismatch').severity).toBe('info');
        expect(w.withCode('invalid-code')).toEqual([]);
    });

    it('a code written with spaces is a syntax error that says how to write it', async () => {
        const w = await check(deal(['standing 3', 'waive stale - contact "x"\n    standing 3']));
        expect(only(w, 'syntax').message).toMatch(/without spaces: stale-contact/);
    });

    it('space, growth, profit and competition outside 1..5 are out-of-range errors', async () => {
        const text = deal(['competitors rival', 'competitors rival\n        space 0 growth 6 profit 5 competition 1']);
        const w = await check(text);
        expect(w.withCode('out-of-range').map(f => f.range)).toEqual([rangeAfter(text, 'space ', '0'), rangeAfter(text, 'growth ', '6')]);
        expect(w.withCode('syntax')).toEqual([]);
    });

    it('competitor-support out of range is out-of-range; the same competitor twice is a duplicate property', async () => {
        const text = deal(['owner alice\n    }', 'owner alice\n        competitor-support rival 4\n        competitor-support rival 1\n    }']);
        const w = await check(text);
        expect(only(w, 'out-of-range').range).toEqual(rangeAfter(text, 'rival 4', '4'));
        expect(only(w, 'duplicate-property').range.start).toEqual(rangeOf(text, 'competitor-support rival 4').start);
    });

    it('unknown competitors and contacts in the new references are unresolved references', async () => {
        const w = await check(deal(['owner alice\n    }', 'owner alice\n        competitor-support acme 2\n        influences nobody\n    }']));
        expect(
            w
                .withCode('unresolved-reference')
                .map(f => f.message)
                .sort(),
        ).toEqual([expect.stringMatching(/^Unknown competitor 'acme'/), expect.stringMatching(/^Unknown contact 'nobody'/)]);
    });
});

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

describe('changed in 1.1: a declaration holding a syntax error', () => {
    it('gets only the findings that say the plan is wrong; the rest of the file is checked', async () => {
        const broken =
            deal(
                ['role evaluator support 1 intimacy 1', 'role evaluator support -1 intimacy 9 rol'],
                ['decision-chain { dana li bo }', 'decision-chain { dana li bo ghost }'],
            ) + 'customer other "Other" { tier core }\n';
        const w = await check(broken);
        expect(codes(w)).toEqual(['out-of-range', 'stale-tier-review', 'syntax', 'unresolved-reference']);
        expect(only(w, 'stale-tier-review').message).toMatch(/'other'/);
    });

    it('an unterminated declaration runs to the end of the file', async () => {
        const text = 'customer ok "Ok" { tier core }\ncustomer open "Open" {\n    tier core\n    contact a "A" { support 2 intimacy -2 \n';
        const w = await check(text);
        expect(w.withCode('stale-tier-review').map(f => f.range.start.line)).toEqual([0]);
        expect(w.withCode('rational-turn-risk')).toEqual([]);
    });
});

describe('waivers (6.3)', () => {
    const staleLi = deal(['last-contact 2026-11-01 owner bob', 'last-contact 2026-01-05 owner bob']);
    const waiving = (where: 'contact' | 'customer' | 'opportunity', waiver: string) =>
        where === 'contact'
            ? staleLi.replace('owner bob\n    }', `owner bob\n        ${waiver}\n    }`)
            : where === 'customer'
              ? staleLi.replace('standing 3', `${waiver}\n    standing 3`)
              : staleLi.replace('competitors rival', `competitors rival\n        ${waiver}`);

    it('a waiver in force takes its finding out of the problems and into the export with its reason', async () => {
        expect((await check(staleLi)).withCode('stale-contact')).toHaveLength(1);
        const w = await check(waiving('contact', 'waive stale-contact "on leave until December" until 2026-12-31'));
        expect(summary(w.findings())).toBe('');
        expect(w.plan().waived).toEqual([
            expect.objectContaining({
                file: 'plan.acct',
                code: 'stale-contact',
                severity: 'warning',
                reason: 'on leave until December',
                until: '2026-12-31',
            }),
        ]);
        expect(w.plan().diagnostics).toEqual([]);
    });

    it('a waiver until exactly today is in force; until yesterday it has expired and the finding is back', async () => {
        expect(summary((await check(waiving('contact', 'waive stale-contact "x" until 2026-11-22'))).findings())).toBe('');
        const text = waiving('contact', 'waive stale-contact "x" until 2026-11-21');
        const w = await check(text);
        expect(codes(w)).toEqual(['expired-waiver', 'stale-contact']);
        const expired = only(w, 'expired-waiver');
        expect(expired.severity).toBe('warning');
        expect(expired.range.start).toEqual(rangeOf(text, 'waive stale-contact').start);
        expect(w.plan().waived).toEqual([]);
    });

    it('a waiver without until never expires', async () => {
        const w = await check(waiving('contact', 'waive stale-contact "x"'), TEAM, '2099-01-01');
        expect(summary(w.findings())).not.toMatch(/Li Na|expired/);
        expect(w.plan().waived.map(f => f.code)).toEqual(['stale-contact']);
    });

    it('a waiver in an outer declaration covers a nested finding; one in another declaration does not', async () => {
        expect(summary((await check(waiving('customer', 'waive stale-contact "x"'))).findings())).toBe('');
        const w = await check(waiving('opportunity', 'waive stale-contact "x"'));
        expect(codes(w)).toEqual(['stale-contact', 'unused-waiver']);
    });

    it('a waiver of another code waives nothing and is reported unused', async () => {
        const text = waiving('contact', 'waive rational-turn-risk "x"');
        const w = await check(text);
        expect(codes(w)).toEqual(['stale-contact', 'unused-waiver']);
        expect(only(w, 'unused-waiver').message).toMatch(/waives nothing/);
    });

    it('invalid-code for every code a waiver may not name, and for unknown codes', async () => {
        for (const code of [
            'syntax',
            'unresolved-reference',
            'duplicate-id',
            'out-of-range',
            'reports-to-cycle',
            'invalid-code',
            'unused-waiver',
            'expired-waiver',
            'stale-contct',
        ]) {
            const w = await check(waiving('contact', `waive ${code} "x"`));
            const f = only(w, 'invalid-code');
            expect(f.severity, code).toBe('error');
            expect(w.withCode('unused-waiver'), code).toEqual([]);
        }
        expect(only(await check(waiving('contact', 'waive stale-contct "x"')), 'invalid-code').message).toMatch(/did you mean stale-contact\?/);
    });
});

describe('severities (6.3)', () => {
    const staleLi = deal(['last-contact 2026-11-01 owner bob', 'last-contact 2026-01-05 owner bob']);
    const policy = (...lines: string[]) => TEAM + `policy {\n${lines.map(l => `    ${l}\n`).join('')}}\n`;

    it('error, warning, info or off for a code, everywhere', async () => {
        expect(only(await check(staleLi, policy('severity stale-contact error')), 'stale-contact').severity).toBe('error');
        expect(only(await check(staleLi, policy('severity stale-contact info')), 'stale-contact').severity).toBe('info');
        expect((await check(staleLi, policy('severity stale-contact off'))).findings()).toEqual([]);
        expect((await check(staleLi, policy('severity stale-contact off'))).plan().diagnostics).toEqual([]);
    });

    it('the same code twice: the last line counts', async () => {
        expect(only(await check(staleLi, policy('severity stale-contact off', 'severity stale-contact error')), 'stale-contact').severity).toBe('error');
    });

    it('a waiver is applied after the severity: a finding turned off leaves its waiver unused', async () => {
        const text = staleLi.replace('owner bob\n    }', 'owner bob\n        waive stale-contact "x"\n    }');
        expect(codes(await check(text, policy('severity stale-contact off')))).toEqual(['unused-waiver']);
        // raised to error, the finding is still waived, with its new severity
        const raised = await check(text, policy('severity stale-contact error'));
        expect(raised.findings()).toEqual([]);
        expect(raised.plan().waived.map(f => `${f.severity} ${f.code}`)).toEqual(['error stale-contact']);
    });

    it('waiver findings follow the policy too', async () => {
        const unused = staleLi.replace('owner bob\n    }', 'owner bob\n        waive rational-turn-risk "x"\n    }');
        expect(codes(await check(unused, policy('severity unused-waiver off')))).toEqual(['stale-contact']);
    });

    it('invalid-code for the codes no policy may change; they keep their severity', async () => {
        for (const code of ['syntax', 'unresolved-reference', 'duplicate-id', 'out-of-range', 'reports-to-cycle', 'invalid-code']) {
            const w = await check(
                deal(['role decision-maker support 2 intimacy 1', 'role decision-maker support 7 intimacy 1']),
                policy(`severity ${code} off`),
            );
            expect(only(w, 'invalid-code').range.start.line, code).toBeGreaterThan(4);
            expect(only(w, 'out-of-range').severity, code).toBe('error');
        }
        expect((await check(staleLi, policy('severity unused-waiver info'))).withCode('invalid-code')).toEqual([]);
    });

    it('the policy in another file applies, and editing it re-checks this one', async () => {
        const w = await buildWorkspace(
            { 'team.acct': TEAM, 'policy.acct': 'policy { severity stale-contact error }\n', 'plan.acct': staleLi },
            { fresh: true },
        );
        expect(only(w, 'stale-contact').severity).toBe('error');
        // as the editor does: the open document's text changes, then `update` rebuilds
        w.shared.workspace.TextDocuments!.set(TextDocument.create(uriOf('policy.acct'), 'acct', 2, 'policy { severity stale-contact info }\n'));
        await w.shared.workspace.DocumentBuilder.update([URI.parse(uriOf('policy.acct'))], []);
        const plan = w.shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf('plan.acct')));
        expect(plan?.diagnostics?.filter(d => d.code === 'stale-contact').map(d => d.severity)).toEqual([3]);
    });
});
