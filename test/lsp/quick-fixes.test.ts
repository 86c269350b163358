/**
 * Quick fixes over the real LSP: for each finding a user can fix by typing, ask for the code
 * actions of the published diagnostic, apply the chosen edit as the editor would, send the new
 * text and check the finding again: gone (or, for an absent support, said explicitly), and no new
 * error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { tempWorkspace } from '../support/run-cli.js';
import { startServer, type LspClient } from '../support/lsp-client.js';

const team = 'member alice "Alice Chen"\nmember bob "Bob Li"\nmember carol "Carol Wu"\n';
const qualified = 'stage bid budget 1M CNY start 2027-01-01';

describe('quick fixes over LSP', () => {
    let client: LspClient;
    let folder: string;
    const versions = new Map<string, number>();
    const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();

    beforeAll(async () => {
        folder = tempWorkspace({ 'team.acct': team });
        client = await startServer(folder, { ACCT_TODAY: '2026-11-22' });
    });
    afterAll(() => client?.stop());

    async function publish(file: string, text: string): Promise<Diagnostic[]> {
        client.forget(uri(file));
        const version = (versions.get(file) ?? 0) + 1;
        versions.set(file, version);
        if (version === 1) await client.open(uri(file), text, version);
        else await client.change(uri(file), text, version);
        return client.diagnosticsFor(uri(file));
    }

    async function actionsFor(file: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
        return client.connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri: uri(file) },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
        }) as Promise<CodeAction[]>;
    }

    /** Opens `text`, applies the fix titled `title` of its first `code` finding; the text and findings before and after. */
    async function fix(file: string, text: string, code: string, title: string | RegExp) {
        const before = await publish(file, text);
        const finding = before.find(d => d.code === code);
        if (!finding) throw new Error(`no ${code} in ${JSON.stringify(before.map(d => d.code))}`);
        const actions = await actionsFor(file, finding);
        const action = actions.find(a => (typeof title === 'string' ? a.title === title : title.test(a.title)));
        if (!action) throw new Error(`no fix ${title} among ${JSON.stringify(actions.map(a => a.title))}`);
        const edits = action.edit!.changes![uri(file)] as TextEdit[];
        const fixed = TextDocument.applyEdits(TextDocument.create(uri(file), 'acct', 0, text), edits);
        const after = await publish(file, fixed);
        return { before, after, text: fixed, action, titles: actions.map(a => a.title) };
    }

    const errors = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.severity === 1).map(d => `${d.code}: ${d.message}`);
    const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.code);

    describe("no-power-map: a decision-chain with the customer's contacts that have a role", () => {
        const plan = (deal: string) => `customer pm "PM" {
    contact boss "Boss" { role approver support 1 last-contact 2026-11-01 }
    contact cto "CTO" {
        role decision-maker
        support 2
        last-contact 2026-11-10
    }
    contact eng "Engineer" { support 1 }
${deal}
}
`;
        it('in a deal written over several lines: a block of its own, one key person per line', async () => {
            const result = await fix(
                'pm.acct',
                plan(`    opportunity deal "Deal" {\n        ${qualified}\n        team { ar alice sr bob fr carol }\n    }`),
                'no-power-map',
                'Add a decision-chain with the 2 contacts of pm that have a role',
            );
            expect(result.action.isPreferred).toBe(true);
            expect(result.text).toContain(
                '        team { ar alice sr bob fr carol }\n        decision-chain {\n            boss\n            cto\n        }\n    }\n',
            );
            expect(codes(result.after)).not.toContain('no-power-map');
            expect(errors(result.after)).toEqual([]);
        });

        it('in a deal written on one line: inline', async () => {
            const result = await fix(
                'pm.acct',
                plan(`    opportunity deal "Deal" { ${qualified} team { ar alice sr bob fr carol } }`),
                'no-power-map',
                /^Add a decision-chain/,
            );
            expect(result.text).toContain('team { ar alice sr bob fr carol } decision-chain { boss cto } }');
            expect(codes(result.after)).not.toContain('no-power-map');
            expect(errors(result.after)).toEqual([]);
        });
    });

    describe("incomplete-iron-triangle: one fix per missing role and candidate, the customer's owner first", () => {
        it('inside the existing team: the owner, then the members, never someone already in the team', async () => {
            const text = `customer it "IT" {\n    owner carol\n    opportunity deal "Deal" {\n        ${qualified}\n        team { ar alice }\n    }\n}\n`;
            const first = await fix('it.acct', text, 'incomplete-iron-triangle', "Add Carol Wu (carol) as SR (the customer's owner)");
            expect(first.titles).toEqual([
                "Add Carol Wu (carol) as SR (the customer's owner)",
                'Add Bob Li (bob) as SR',
                "Add Carol Wu (carol) as FR (the customer's owner)",
                'Add Bob Li (bob) as FR',
                'Waive this finding…',
            ]);
            expect(first.text).toContain('team { ar alice sr carol }');
            expect(first.after.find(d => d.code === 'incomplete-iron-triangle')?.message).toMatch(/no FR in its iron triangle/);
            const second = await fix('it.acct', first.text, 'incomplete-iron-triangle', 'Add Bob Li (bob) as FR');
            expect(second.text).toContain('team { ar alice sr carol fr bob }');
            expect(codes(second.after)).not.toContain('incomplete-iron-triangle');
            expect(errors(second.after)).toEqual([]);
        });

        it('without a team: a new team block, completed one role after the other', async () => {
            let text = `customer it2 "IT2" {\n    owner alice\n    opportunity deal "Deal" {\n        ${qualified}\n    }\n}\n`;
            const first = await fix('it2.acct', text, 'incomplete-iron-triangle', "Add Alice Chen (alice) as AR (the customer's owner)");
            expect(first.action.isPreferred).toBe(true);
            expect(first.text).toContain(`        ${qualified}\n        team { ar alice }\n    }`);
            text = (await fix('it2.acct', first.text, 'incomplete-iron-triangle', 'Add Bob Li (bob) as SR')).text;
            const last = await fix('it2.acct', text, 'incomplete-iron-triangle', 'Add Carol Wu (carol) as FR');
            expect(last.text).toContain('team { ar alice sr bob fr carol }');
            expect(codes(last.after)).not.toContain('incomplete-iron-triangle');
            expect(errors(last.after)).toEqual([]);
        });
    });

    describe('unresolved contact reference: the contact declared in the customer, after its last contact', () => {
        const plan = (reference: string) => `customer uc "UC" {
    contact a "A" { role approver }
    contact b "B" {
        reports-to a
    }

    opportunity o "O" {
        stage lead
        ${reference}
    }
}
`;
        for (const reference of ['decision-chain { a ghost }', 'competitors ghost']) {
            it(reference, async () => {
                if (reference.startsWith('competitors')) {
                    // a competitor is not a contact: no contact to create
                    const before = await publish('uc.acct', plan(reference));
                    const unresolved = before.find(d => d.code === 'unresolved-reference')!;
                    expect((await actionsFor('uc.acct', unresolved)).map(a => a.title)).toEqual([]);
                    return;
                }
                const result = await fix('uc.acct', plan(reference), 'unresolved-reference', "Create contact 'ghost' in uc");
                expect(result.text).toContain('    contact b "B" {\n        reports-to a\n    }\n    contact ghost "ghost" { }\n\n    opportunity o');
                expect(errors(result.after)).toEqual([]);
            });
        }

        it('for `with`, `reports-to` and `influences` too', async () => {
            const text = 'customer uc "UC" {\n    contact a "A" { reports-to boss influences lu }\n    activity v "V" { with zhou }\n}\n';
            const before = await publish('uc.acct', text);
            const titles = await Promise.all(
                before.filter(d => d.code === 'unresolved-reference').map(async d => (await actionsFor('uc.acct', d)).map(a => a.title)),
            );
            expect(titles).toEqual([["Create contact 'boss' in uc"], ["Create contact 'lu' in uc"], ["Create contact 'zhou' in uc"]]);
        });
    });

    describe('stale-tier-review without a review date: reviewed today, as the checks count today', () => {
        it('on a line of its own after the tier', async () => {
            const text = 'customer tr "TR" {\n    standing 3 cooperation 2\n    tier value          // never reviewed\n    owner alice\n}\n';
            const result = await fix('tr.acct', text, 'stale-tier-review', 'Record the tier review as done today (reviewed 2026-11-22)');
            expect(result.text).toBe(
                'customer tr "TR" {\n    standing 3 cooperation 2\n    tier value          // never reviewed\n    reviewed 2026-11-22\n    owner alice\n}\n',
            );
            expect(codes(result.after)).not.toContain('stale-tier-review');
            expect(errors(result.after)).toEqual([]);
        });

        it('inline after the tier; with acct.today set, that date', async () => {
            await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { acct: { today: '2027-01-05' } } });
            try {
                // a file opened after the change: its first findings already count from the new date
                const result = await fix('tr-set.acct', 'customer trset "TR" { tier value owner alice }\n', 'stale-tier-review', /reviewed 2027-01-05/);
                expect(result.text).toBe('customer trset "TR" { tier value reviewed 2027-01-05 owner alice }\n');
                expect(codes(result.after)).not.toContain('stale-tier-review');
            } finally {
                await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { acct: { today: '' } } });
            }
        });
    });

    describe('support that is not known, said so', () => {
        const plan = (contact: string) => `customer us "US" {
${contact}
    opportunity o "O" { ${qualified} team { ar alice sr bob fr carol } decision-chain { boss } }
}
`;
        it('unknown-support with no support written: `support ?` declared on the contact (the finding stays: an unknown approver is a priority to reach)', async () => {
            const result = await fix(
                'us.acct',
                plan('    contact boss "Boss" {\n        role approver\n        last-contact 2026-11-01\n    }'),
                'unknown-support',
                'Declare the support of Boss (boss) as unknown (support ?)',
            );
            expect(result.text).toContain('        role approver\n        support ?\n        last-contact 2026-11-01\n');
            expect(codes(result.after)).toEqual(codes(result.before));
            expect(errors(result.after)).toEqual([]);
            // once declared, there is nothing left to declare
            const declared = result.after.find(d => d.code === 'unknown-support')!;
            expect((await actionsFor('us.acct', declared)).map(a => a.title)).toEqual(['Waive this finding…']);
        });

        it('unfounded-support: the support marked ? until contact is recorded', async () => {
            const result = await fix(
                'us.acct',
                plan('    contact boss "Boss" { role sponsor support 2 }'),
                'unfounded-support',
                'Mark the support of Boss (boss) as unknown (?) until contact is recorded',
            );
            expect(result.text).toContain('contact boss "Boss" { role sponsor support ? }');
            expect(codes(result.after)).not.toContain('unfounded-support');
            expect(errors(result.after)).toEqual([]);
        });
    });

    it('a request for other kinds of action only (e.g. source actions on save) gets none', async () => {
        const before = await publish('kinds.acct', `customer kd "KD" {\n    opportunity o "O" { ${qualified} }\n}\n`);
        const finding = before.find(d => d.code === 'incomplete-iron-triangle')!;
        expect(await actionsFor('kinds.acct', finding, ['source'])).toEqual([]);
        expect((await actionsFor('kinds.acct', finding, ['quickfix'])).length).toBeGreaterThan(0);
    });
});
