/**
 * `--redact` redacts a finding's arguments, never its wording (method/messages/redactable.ts,
 * cli/redact-messages.ts): every parameter of a finding's template is classified, the marked form
 * of every message says exactly the message, and over random plans — names that are English
 * words or words of the catalog, withheld values equal to the parts of a date, Chinese names next
 * to Chinese text — in every locale, no original name or withheld value is left in an argument
 * and the wording outside the arguments is the unredacted message's, word for word.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { loadTexts } from '../../server/src/node/workspace-loader.js';
import { redactPlan } from '../../server/src/cli/redact.js';
import { messageRedaction } from '../../server/src/cli/redact-messages.js';
import { ARGUMENTS, LOCALES, markingTexts, placeholdersOf, textsFor, type ArgumentClass, type Locale } from '../../server/src/method/index.js';
import { markedForm, sayMarked } from '../support/marked-messages.js';
import { checks, findings } from '../../server/src/method/messages/en/checks.js';
import type { AcctPlanDocument } from '../../server/src/contract/plan-types.js';

const TODAY = '2026-11-22';

describe('the classes of the findings’ template parameters', () => {
    it('names every parameter of every finding template, and no other', () => {
        const classified: Readonly<Record<string, Readonly<Record<string, ArgumentClass>>>> = ARGUMENTS;
        for (const [key, template] of Object.entries({ ...checks, ...findings })) {
            const { printed, choosers } = placeholdersOf(template);
            const parameters = [...printed, ...choosers].sort();
            // a new template with a parameter, or a new parameter, must say what it carries: else a new message could leak
            expect(Object.keys(classified[key] ?? {}).sort(), key).toEqual(parameters);
        }
        for (const key of Object.keys(classified)) expect(key in checks || key in findings, key).toBe(true);
    });
});

/** Ids that are English words of the messages, names that are words of the catalog, Chinese names. */
const IDS = ['mark', 'the', 'or', 'last', 'map', 'power', 'days', 'ago', 'us', 'them', 'record', 'basis', 'good'];
const NAMES = ['Mark', 'support', 'withheld', 'the power map', 'days', '王磊', '支持', '客户', '陆平', '亲密度', '保密', 'Lu Ping', '07', '2026'];
const DATES = ['2026-01-01', '2026-02-03', '2025-10-07', '2026-03-02', '2026-11-01'];

const contactArb = fc.record({
    name: fc.constantFrom(...NAMES),
    title: fc.constantFrom('', 'or', '总经理', 'mark'),
    support: fc.constantFrom('-1', '0', '1', '2', '3', '?'),
    intimacy: fc.integer({ min: -3, max: 3 }),
    lastContact: fc.constantFrom('', ...DATES),
    rival: fc.constantFrom('', '0', '1', '2', '3'),
    owner: fc.boolean(),
});
const customerArb = fc.record({
    name: fc.constantFrom(...NAMES),
    contacts: fc.uniqueArray(fc.tuple(fc.constantFrom(...IDS), contactArb), { minLength: 1, maxLength: 4, selector: ([id]) => id }),
    roles: fc.array(fc.constantFrom('approver', 'decision-maker', 'evaluator', 'influencer'), { minLength: 4, maxLength: 4 }),
    activity: fc.constantFrom('', ...DATES),
    reviewed: fc.constantFrom(...DATES),
});
const planArb = fc.record({
    members: fc.uniqueArray(fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...NAMES)), { minLength: 1, maxLength: 3, selector: ([id]) => id }),
    rival: fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...NAMES)),
    customers: fc.uniqueArray(fc.tuple(fc.constantFrom(...IDS), customerArb), { minLength: 1, maxLength: 2, selector: ([id]) => id }),
});
type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

const q = (text: string) => JSON.stringify(text);

function planText(plan: Plan): string {
    const member = plan.members[0]![0];
    const [rival, rivalName] = plan.rival;
    const lines = [...plan.members.map(([id, name]) => `member ${id} ${q(name)}`), `competitor ${rival} ${q(rivalName)}`];
    for (const [id, c] of plan.customers) {
        lines.push(`customer ${id} ${q(c.name)} {`, `    standing 2 cooperation 5 tier strategic reviewed ${c.reviewed}`);
        for (const [cid, x] of c.contacts)
            lines.push(
                `    contact ${cid} ${q(x.name)} { ${x.title ? `title ${q(x.title)} ` : ''}support ${x.support} intimacy ${x.intimacy}` +
                    `${x.lastContact ? ` last-contact ${x.lastContact}` : ''}${x.owner ? ` owner ${member}` : ''}${x.rival ? ` competitor-support ${rival} ${x.rival}` : ''} }`,
            );
        const chain = c.contacts.map(([cid], i) => `${cid} ${c.roles[i]}`).join(' ');
        lines.push(
            `    opportunity plan ${q(c.name)} { stage bid budget 1M CNY start 2027-01-01 team { ar ${member} } decision-chain { ${chain} } competitors ${rival} }`,
        );
        if (c.activity) lines.push(`    activity visit ${q(c.name)} { kind exchange date ${c.activity} with ${c.contacts[0]![0]} status planned }`);
        lines.push('}');
    }
    return lines.join('\n') + '\n';
}

/** Every id and name of the plan, and every free text. */
function originals(plan: AcctPlanDocument): Set<string> {
    const all = new Set<string>();
    const add = (...values: (string | null)[]) => values.forEach(v => v && all.add(v));
    for (const m of [...plan.members, ...plan.competitors]) add(m.id, m.name);
    for (const c of plan.customers) {
        add(c.id, c.name, c.industry);
        for (const x of c.contacts) add(x.id, x.name, x.title, x.department);
        for (const x of [...c.opportunities, ...c.activities]) add(x.id, x.name);
    }
    return all;
}

const ARGUMENT = '\u0001';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Checks one finding: its marked form says exactly its message; the redacted message is the
 * marked form's wording with only the arguments changed (spaces beside an argument may change
 * with the Chinese spacing rule); a name is a pseudonym, a withheld value the word for withheld.
 */
function checkFinding(plain: string, marked: string, redacted: string, locale: Locale, secrets: ReadonlySet<string>, withheld: string): void {
    expect(sayMarked(marked, locale, (_kind, value) => value)).toBe(plain);
    const kinds: ArgumentClass[] = [];
    const values: string[] = [];
    const skeleton = sayMarked(marked, locale, (kind, value) => {
        kinds.push(kind);
        values.push(value);
        return ARGUMENT;
    });
    const pattern = new RegExp(
        `^${skeleton
            .split(ARGUMENT)
            .map(piece => escape(piece))
            .join(' *(.*?) *')}$`,
        'su',
    );
    const said = pattern.exec(redacted);
    expect(said, `${redacted}\n  does not read as\n${plain}`).not.toBeNull();
    kinds.forEach((kind, i) => {
        const argument = said![i + 1]!.trim();
        if (kind === 'withheld') expect(argument).toBe(withheld);
        else expect(secrets.has(argument.replace(/^"(.*)"$/, '$1')), `${values[i]} → ${argument} in ${redacted}`).toBe(false);
    });
}

describe('redaction by arguments, over random plans in every locale', () => {
    for (const locale of LOCALES) {
        it(`${locale}: no original in an argument, the wording untouched`, async () => {
            let findingsSeen = 0;
            await fc.assert(
                fc.asyncProperty(planArb, async plan => {
                    const base = textsFor(locale);
                    const marking = markingTexts(base);
                    const workspace = await loadTexts([{ file: '/plan/plan.acct', text: planText(plan) }], { today: TODAY, locale, marking, cwd: '/plan' });
                    const document = workspace.plan();
                    const located = workspace.located();
                    const withheld = base.t('cli.export.withheld');
                    const { plan: redacted } = redactPlan(
                        document,
                        { diagnostics: located.diagnostics.map(f => f.about), waived: located.waived.map(f => f.about) },
                        { redacted: messageRedaction(marking, base).redacted, withheld },
                    );
                    const secrets = originals(document);
                    document.diagnostics.forEach((d, i) => {
                        findingsSeen++;
                        const marked = markedForm(marking, d.message);
                        expect(marked, d.message).toBeDefined();
                        checkFinding(d.message, marked!, redacted.diagnostics[i]!.message, locale, secrets, withheld);
                    });
                }),
                { seed: 20261207, numRuns: 40 },
            );
            expect(findingsSeen).toBeGreaterThan(100);
        }, 120_000);
    }
});

describe('marked messages', () => {
    it('say every finding of the examples exactly, in every locale', async () => {
        const { readdirSync, readFileSync } = await import('node:fs');
        const dir = new URL('../../examples/', import.meta.url).pathname;
        const files = readdirSync(dir)
            .filter(f => f.endsWith('.acct'))
            .map(f => ({ file: dir + f, text: readFileSync(dir + f, 'utf8') }));
        for (const locale of LOCALES) {
            const marking = markingTexts(textsFor(locale));
            const plan = (await loadTexts(files, { today: TODAY, locale, marking, cwd: dir })).plan();
            expect(plan.diagnostics.length).toBeGreaterThan(10);
            for (const d of [...plan.diagnostics, ...plan.waived]) {
                const marked = markedForm(marking, d.message);
                expect(marked, d.message).toBeDefined();
                expect(sayMarked(marked!, locale, (_kind, value) => value)).toBe(d.message);
            }
        }
    });

    it('cannot be forged by a name that holds the marks’ characters', async () => {
        // a name that looks like a mark, and would swallow the next argument if marks had an end character
        const evil = 'Evil\uE000n40\uE001 and \uE001';
        const text = `member alice "Alice"\ncustomer acme "Acme" {\n    standing 2 cooperation 5 tier strategic reviewed 2026-01-01\n    contact zhang ${q(evil)} { support 3 intimacy -2 }\n    contact li "Li Secret" { support 1 intimacy 2 }\n    opportunity deal "Deal" { stage bid budget 1M CNY start 2027-01-01 decision-chain { zhang approver li decision-maker } }\n}\n`;
        const marking = markingTexts(textsFor('en'));
        const workspace = await loadTexts([{ file: '/plan/plan.acct', text }], { today: TODAY, locale: 'en', marking, cwd: '/plan' });
        const document = workspace.plan();
        const located = workspace.located();
        const { plan: redacted } = redactPlan(
            document,
            { diagnostics: located.diagnostics.map(f => f.about), waived: located.waived.map(f => f.about) },
            { redacted: messageRedaction(marking, textsFor('en')).redacted, withheld: 'withheld' },
        );
        const messages = redacted.diagnostics.map(d => d.message).join('\n');
        expect(document.diagnostics.some(d => d.message.includes(evil))).toBe(true);
        for (const secret of ['Evil', 'Li Secret', 'zhang', "'li'", '(li)']) expect(messages).not.toContain(secret);
    });
});
