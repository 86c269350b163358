/**
 * `acct export --redact` as a process: the same document shape (valid against the schema), every
 * name, id, title, free text and path replaced by pseudonyms consistently, intimacy and support
 * for competitors withheld, messages rewritten — and no original text of the plan anywhere.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { examplesDir, runCli, tempWorkspace } from '../support/run-cli.js';
import { validatePlan } from '../support/schema.js';
import type { AcctPlanDocument } from '../../server/src/contract/plan-types.js';
import { CATALOGS, type MessageKey } from '../../server/src/method/index.js';

const team = `member alice "Alice Chen"\nmember bob "Bob Li"\nmember carol "Carol Wu"
competitor nokia "Nokia Networks"\ncompetitor ericsson "Ericsson AB"\npolicy { severity uncovered-key-person warning }\n`;
// Two customers with a contact id in common, every free text, and findings that quote names,
// ids, intimacy and support for a competitor.
const plans = {
    'north/acme-corp.acct': `customer acme "Acme Corporation" {
    industry "Precision \\"robotics\\""
    standing 5 cooperation 4 tier strategic reviewed 2026-10-01 organization match
    contact zhang "Zhang Wei" { title "General Manager" department "Board, Strategy" role approver support 2 intimacy -2 last-contact 2026-11-01 owner alice
        competitor-support nokia 3 }
    contact wangfang "Wang Fang" { title "Chief Engineer" department "Network" role decision-maker support 2 intimacy 1 reports-to zhang last-contact 2026-11-01 owner bob }
    contact fanzi "Fan Zi" { department "Network" support 0 intimacy 3 influences wangfang waive friendly-but-unsupportive "Fan Zi is retiring in March" }
    opportunity corenet "Core network renewal" {
        stage bid amount 12M EUR budget 10M EUR start 2027-02-01
        team { ar alice sr bob }
        decision-chain { zhang wangfang }
        competitors nokia, ericsson
    }
    activity dinner26 "Dinner with Zhang Wei" { kind dinner date 2026-06-01 with zhang owner alice status planned
        outcome "He hinted at the budget: 10M" }
}
`,
    'south/globex.acct': `customer globex "Globex 南方" {
    industry "Logistics"
    contact zhang "张伟" { title "采购总监" role evaluator support -1 last-contact 2026-11-01 owner carol }
    contact mei "Mei Ling" { support 3 intimacy -1 }
    opportunity depot "Depot Wi-Fi" { stage opportunity budget 2M CNY start 2027-05-01 team { ar carol sr bob fr alice } decision-chain { zhang } }
}
`,
};

function exportRedacted(dir: string, extra: string[] = []) {
    return runCli(['export', '--redact', '--today', '2026-11-22', ...extra, '.'], { cwd: dir });
}

/** Every string of the .acct sources between quotes, unescaped, and every id longer than 2 characters. */
function originals(dir: string, plain: AcctPlanDocument): string[] {
    const found = new Set<string>();
    const walk = (folder: string) => {
        for (const name of readdirSync(folder)) {
            const full = path.join(folder, name);
            if (statSync(full).isDirectory()) walk(full);
            else if (name.endsWith('.acct')) {
                for (const m of readFileSync(full, 'utf8').matchAll(/"((?:\\.|[^"\\])*)"/g)) found.add(JSON.parse(`"${m[1]}"`));
                found.add(path.relative(dir, full).split(path.sep).join('/'));
            }
        }
    };
    walk(dir);
    const ids = [
        ...plain.members.map(m => m.id),
        ...plain.competitors.map(c => c.id),
        ...plain.customers.flatMap(c => [c.id, ...c.contacts.map(x => x.id), ...c.opportunities.map(o => o.id), ...c.activities.map(a => a.id)]),
    ];
    for (const id of ids) if ([...id].length > 2) found.add(id);
    return [...found].filter(text => text.length > 0);
}

/**
 * The secrets found in `output`. A secret that begins or ends like an identifier counts only as
 * a whole word: the id `chan` is not in "changes", but `Zhang Wei` and `zhang` are found anywhere
 * else (`'zhang'`, `(zhang)`, `zhang,`).
 */
function leaks(output: string, secrets: string[]): string[] {
    return secrets.filter(secret => {
        const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        // a Chinese character next to a name does not make it part of a word: `只有Lu Ping` leaks `Lu Ping`
        const part = '(?:(?![\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}])[\\p{L}\\p{N}_])';
        const word = /^[\p{L}\p{N}_]/u.test(secret) ? `(?<!${part})` : '';
        const end = /[\p{L}\p{N}_]$/u.test(secret) ? `(?!${part})` : '';
        return new RegExp(`${word}${escaped}${end}`, 'u').test(output);
    });
}

/** Every string value of a JSON document, one a line: the text as a reader sees it, unescaped. */
function texts(json: string): string {
    const out: string[] = [];
    const walk = (value: unknown): void => {
        if (typeof value === 'string') out.push(value);
        else if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(JSON.parse(json));
    return out.join('\n');
}

describe('acct export --redact', () => {
    const dir = tempWorkspace({ 'team.acct': team, ...plans });
    const plain = JSON.parse(runCli(['export', '--today', '2026-11-22', '.'], { cwd: dir }).stdout) as AcctPlanDocument;
    const result = exportRedacted(dir);
    const redacted = JSON.parse(result.stdout) as AcctPlanDocument;

    it('keeps the document shape: valid against the schema, same counts, same structure', () => {
        expect(result.status).toBe(0);
        expect(validatePlan(redacted)).toEqual([]);
        expect(redacted.files).toEqual(['plan-1.acct', 'plan-2.acct', 'plan-3.acct']);
        expect(redacted.customers.map(c => [c.contacts.length, c.opportunities.length, c.activities.length])).toEqual(
            plain.customers.map(c => [c.contacts.length, c.opportunities.length, c.activities.length]),
        );
        expect(redacted.diagnostics.map(d => [d.code, d.line, d.column, d.severity])).toEqual(
            plain.diagnostics.map(d => [d.code, d.line, d.column, d.severity]),
        );
        expect(redacted.waived.map(d => d.code)).toEqual(['friendly-but-unsupportive']);
        // what stays: roles, our support, stages, amounts, dates
        expect(redacted.customers[0]!.contacts.map(c => [c.role, c.support])).toEqual(plain.customers[0]!.contacts.map(c => [c.role, c.support]));
        expect(redacted.customers[0]!.opportunities[0]!.amount).toEqual({ value: 12_000_000, currency: 'EUR' });
    });

    it('replaces names, ids and texts by pseudonyms, the same text by the same pseudonym', () => {
        const acme = redacted.customers[0]!;
        expect([acme.id, acme.name, acme.industry]).toEqual(['customer_1', 'Customer 1', 'Industry 1']);
        expect(acme.contacts.map(c => [c.id, c.name, c.title, c.department])).toEqual([
            ['contact_1', 'Contact 1', 'Title 1', 'Department 1'],
            ['contact_2', 'Contact 2', 'Title 2', 'Department 2'],
            ['contact_3', 'Contact 3', null, 'Department 2'],
        ]);
        // zhang of globex is another person than zhang of acme
        expect(redacted.customers[1]!.contacts[0]!.id).toBe('contact_4');
        expect(redacted.members).toEqual([
            { id: 'member_1', name: 'Member 1' },
            { id: 'member_2', name: 'Member 2' },
            { id: 'member_3', name: 'Member 3' },
        ]);
        expect(acme.activities[0]!.outcome).toBe('Outcome 1');
        expect(redacted.waived[0]!.reason).toBe('Reason 1');
    });

    it('withholds intimacy and the support for competitors', () => {
        const contacts = redacted.customers.flatMap(c => c.contacts);
        expect(contacts.every(c => c.intimacy === null)).toBe(true);
        expect(contacts[0]!.competitorSupport).toEqual([{ competitor: 'competitor_1', support: null }]);
        const messages = [...redacted.diagnostics, ...redacted.waived].map(d => `${d.code}: ${d.message}`);
        const quoting = messages.filter(m => /^(rational-turn-risk|friendly-but-unsupportive|competitor-ahead):/.test(m));
        expect(new Set(quoting.map(m => m.split(':')[0]))).toEqual(new Set(['rational-turn-risk', 'friendly-but-unsupportive', 'competitor-ahead']));
        for (const message of quoting) {
            expect(message).toContain('withheld');
            expect(message).not.toMatch(/intimacy (is )?-?\d|Competitor \d+ \(\d\)/);
        }
    });

    it('keeps references consistent: every reference names a redacted element of its scope', () => {
        const members = new Set(redacted.members.map(m => m.id));
        const competitors = new Set(redacted.competitors.map(c => c.id));
        for (const customer of redacted.customers) {
            const contacts = new Set(customer.contacts.map(c => c.id));
            const refs = [
                ...customer.contacts.flatMap(c => [c.reportsTo, ...c.influences]),
                ...customer.opportunities.flatMap(o => o.decisionChain.map(e => e.contact)),
                ...customer.activities.flatMap(a => a.with),
            ].filter((r): r is string => r !== null);
            for (const ref of refs) expect(contacts).toContain(ref);
            const owners = [
                customer.owner,
                ...customer.contacts.map(c => c.owner),
                ...customer.activities.map(a => a.owner),
                ...customer.opportunities.flatMap(o => [o.team?.ar, o.team?.sr, o.team?.fr]),
            ].filter((r): r is string => !!r);
            for (const owner of owners) expect(members).toContain(owner);
            for (const c of customer.opportunities.flatMap(o => o.competitors)) expect(competitors).toContain(c);
        }
        for (const d of redacted.diagnostics) expect(redacted.files).toContain(d.file);
        // messages name the pseudonyms of the customer they are about
        const stale = redacted.diagnostics.find(d => d.code === 'unknown-support' || d.code === 'opposed-key-person');
        expect(stale?.message).toMatch(/Contact 4 \(contact_4\)/);
    });

    it('leaves no original string of the plan anywhere in the output', () => {
        const secrets = originals(dir, plain);
        expect(secrets).toContain('Zhang Wei');
        expect(secrets).toContain('wangfang');
        expect(secrets).toContain('Precision "robotics"');
        expect(leaks(texts(result.stdout), secrets)).toEqual([]);
        expect(leaks(result.stdout, secrets)).toEqual([]);
        for (const name of ['contacts', 'opportunities', 'decision-chain', 'activities', 'findings']) {
            const csv = exportRedacted(dir, ['--format', 'csv', '--table', name]);
            expect(csv.status).toBe(0);
            expect(leaks(csv.stdout.replace(/""/g, '"'), secrets)).toEqual([]);
        }
    });

    it('leaves no original string of the examples either', () => {
        const examplesPlain = JSON.parse(runCli(['export', '--today', '2026-11-22', '.'], { cwd: examplesDir }).stdout) as AcctPlanDocument;
        const output = runCli(['export', '--redact', '--today', '2026-11-22', '.'], { cwd: examplesDir }).stdout;
        expect(validatePlan(JSON.parse(output))).toEqual([]);
        expect(leaks(texts(output), originals(examplesDir, examplesPlain))).toEqual([]);
    });

    it('is byte-identical on every run, and pseudonyms stay when values change', () => {
        expect(exportRedacted(dir).stdout).toBe(result.stdout);
        const copy = tempWorkspace({ 'team.acct': team, ...plans });
        const file = path.join(copy, 'north/acme-corp.acct');
        writeFileSync(file, readFileSync(file, 'utf8').replace('support 2 intimacy 1', 'support 3 intimacy 1'));
        const changed = JSON.parse(exportRedacted(copy).stdout) as AcctPlanDocument;
        expect(changed.customers[0]!.contacts[1]).toMatchObject({ id: 'contact_2', name: 'Contact 2', support: 3 });
    });

    it('refuses a plan with errors, as export does', () => {
        const broken = tempWorkspace({ 'team.acct': team, 'a.acct': 'customer x "Secret Name" {\n  contact a "A" { support 9 }\n}\n' });
        const refused = exportRedacted(broken, ['-o', 'out.json']);
        expect(refused.status).toBe(1);
        expect(refused.stdout).toBe('');
    });
});

/** The templates of the findings that quote a withheld value, by code, and the parameters that carry it. */
const QUOTING_WITHHELD: Record<string, readonly MessageKey[]> = {
    'rational-turn-risk': ['check.rationalTurnRisk'],
    'friendly-but-unsupportive': ['check.friendlyButUnsupportive.neutral', 'check.friendlyButUnsupportive.opposed'],
    'competitor-ahead': ['check.competitorAhead'],
};
const WITHHELD_PARAMETERS = new Set(['intimacy', 'theirs']);

/**
 * The template as a pattern that captures each parameter (the withheld ones by name), with any
 * spaces the Chinese spacing rule puts between Chinese and Latin text.
 */
function templatePattern(template: string): RegExp {
    let pattern = '';
    let at = 0;
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, ' *');
    for (const m of template.matchAll(/\{([A-Za-z]+)\}/g)) {
        pattern += escape(template.slice(at, m.index)) + (WITHHELD_PARAMETERS.has(m[1]!) ? ` *(?<${m[1]}>.+?) *` : ' *.+? *');
        at = m.index + m[0].length;
    }
    return new RegExp(`^${pattern}${escape(template.slice(at))}$`, 'u');
}

/**
 * The findings whose message, read against its own template, still shows a withheld value where
 * the template puts it (intimacy, the support for a competitor) instead of the word for withheld.
 * Only those places: a public value of the message (our support) that merely equals a withheld
 * one stays, as it stands in the redacted document itself.
 */
function withheldLeaks(plain: AcctPlanDocument, redacted: AcctPlanDocument, lang: 'en' | 'zh-CN'): string[] {
    const found: string[] = [];
    const word = lang === 'en' ? 'withheld' : '保密';
    plain.diagnostics.forEach((d, i) => {
        const keys = QUOTING_WITHHELD[d.code];
        if (!keys) return;
        const message = redacted.diagnostics[i]!.message;
        const patterns = keys.map(key => templatePattern(CATALOGS[lang].messages[key]));
        const original = patterns.map(p => p.exec(d.message)).find(m => m);
        expect(original, d.message).toBeTruthy();
        // the plain message shows the values there: numbers
        for (const value of Object.values(original!.groups!)) expect(value).toMatch(/^-?\d+$/);
        const said = patterns.map(p => p.exec(message)).find(m => m);
        if (!said || Object.values(said.groups!).some(value => value !== word)) found.push(`${d.code}: ${message}`);
    });
    return found;
}

describe('acct export --redact in every language of the messages', () => {
    // names right after and before Chinese characters in the messages, withheld values in every code that quotes them
    const fuzzed = {
        'team.acct': 'member lu "Lu Ping"\nmember fanny "Fanny Loyalheart"\ncompetitor nokia "Nokia Networks"\ncompetitor zte "ZTE Corp"\n',
        'plan.acct': `customer acme "Acme Corporation" {
    standing 4 cooperation 3 tier core reviewed 2026-10-01
    contact fanny "Fanny Loyalheart" { role decision-maker support 3 intimacy -2 last-contact 2026-11-01 owner lu competitor-support nokia 3 }
    contact lu "Lu Ping" { role evaluator support 0 intimacy 2 last-contact 2026-11-01 competitor-support zte 1 }
    contact wang "王磊" { role approver support 1 intimacy 1 last-contact 2026-11-01 competitor-support nokia 2 }
    opportunity deal "Deal 5G" { stage bid budget 1M CNY start 2027-01-01 team { ar lu sr fanny fr lu } decision-chain { fanny lu wang } competitors nokia, zte }
}
`,
    };
    for (const lang of ['en', 'zh-CN'] as const) {
        for (const [what, dir] of [
            ['the examples', examplesDir],
            ['a plan with names next to Chinese characters', tempWorkspace(fuzzed)],
        ] as const) {
            it(`--lang ${lang}, ${what}: no name, id, text or withheld value left`, () => {
                const plainResult = runCli(['export', '--lang', lang, '--today', '2026-11-22', '.'], { cwd: dir });
                const plain = JSON.parse(plainResult.stdout) as AcctPlanDocument;
                const output = runCli(['export', '--lang', lang, '--redact', '--today', '2026-11-22', '.'], { cwd: dir }).stdout;
                const redacted = JSON.parse(output) as AcctPlanDocument;
                expect(validatePlan(redacted)).toEqual([]);
                const quoting = plain.diagnostics.filter(d => ['rational-turn-risk', 'friendly-but-unsupportive', 'competitor-ahead'].includes(d.code));
                expect(quoting.length).toBeGreaterThan(0);
                expect(leaks(texts(output), originals(dir, plain))).toEqual([]);
                expect(withheldLeaks(plain, redacted, lang)).toEqual([]);
                if (lang === 'zh-CN') expect(redacted.diagnostics.some(d => d.message.includes('保密'))).toBe(true);
            });
        }
    }
});
