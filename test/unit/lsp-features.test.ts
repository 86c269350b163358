/**
 * Editor features that teach the method: completion with meanings, hover, outline and the
 * power-map code lenses (README / issue item 8).
 */
import { describe, it, expect } from 'vitest';
import type { CompletionItem, DocumentSymbol } from 'vscode-languageserver-types';
import { buildWorkspace, contractFiles, cursor, positionOf, rangeAfter, TEAM, uriOf, type TestWorkspace } from './helpers.js';

async function complete(marked: string, extra: Record<string, string> = {}): Promise<CompletionItem[]> {
    const { text, position } = cursor(marked);
    const w = await buildWorkspace({ 'team.acct': TEAM, ...extra, 'plan.acct': text });
    const list = await w.Acct.lsp.CompletionProvider!.getCompletion(w.docs['plan.acct'], { textDocument: { uri: uriOf('plan.acct') }, position });
    return list?.items ?? [];
}

/** Labels in the order the editor shows them (sortText, then label). */
function labels(items: CompletionItem[]): string[] {
    return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label)).map(i => i.label);
}

function doc(item: CompletionItem | undefined): string {
    const d = item?.documentation;
    return typeof d === 'string' ? d : (d?.value ?? '');
}

/** A customer with two contacts, plus a second customer whose contact must never be offered. */
const contactsText = (body: string) => `customer acme "Acme" {
    contact boss "Boss" { role approver }
    contact cto "CTO" { ${body} }
}
customer other "Other" {
    contact stranger "Stranger" { }
}
`;

describe('completion', () => {
    it('after `role `: the six roles, each with its one-line meaning', async () => {
        const items = await complete(contactsText('role <|>'));
        expect(labels(items).sort()).toEqual(['approver', 'coach', 'decision-maker', 'evaluator', 'influencer', 'sponsor']);
        expect(doc(items.find(i => i.label === 'decision-maker'))).toMatch(/final decision/);
        expect(doc(items.find(i => i.label === 'approver'))).toMatch(/signature/);
        expect(items.every(i => doc(i).length > 10)).toBe(true);
    });

    it('after `support `: -1 0 1 2 3 ? in this order, with meanings', async () => {
        const items = await complete(contactsText('support <|>'));
        expect(labels(items)).toEqual(['-1', '0', '1', '2', '3', '?']);
        expect(doc(items.find(i => i.label === '2'))).toMatch(/supports us and excludes others/i);
        expect(doc(items.find(i => i.label === '-1'))).toMatch(/oppose/i);
        expect(doc(items.find(i => i.label === '?'))).toMatch(/unknown/i);
    });

    it('after `support ` in a decision-chain entry: the same values', async () => {
        const items = await complete('customer acme "A" {\n    contact a "A" { }\n    opportunity o "O" { decision-chain { a support <|> } }\n}\n');
        expect(labels(items)).toEqual(['-1', '0', '1', '2', '3', '?']);
    });

    it('after `intimacy `: -3..3 in order, with meanings', async () => {
        const items = await complete(contactsText('intimacy <|>'));
        expect(labels(items)).toEqual(['-3', '-2', '-1', '0', '1', '2', '3']);
        expect(doc(items.find(i => i.label === '2'))).toMatch(/[Cc]lose/);
    });

    it('after `standing `: the scores 1..5', async () => {
        const items = await complete('customer acme "A" {\n    standing <|>\n}\n');
        expect(labels(items)).toEqual(['1', '2', '3', '4', '5']);
    });

    it('after `reports-to `: the other contacts of the same customer only (never the contact itself)', async () => {
        const items = await complete(contactsText('reports-to <|>'));
        expect(labels(items).sort()).toEqual(['boss']);
    });

    it('after `ar `: the members, wherever they are declared', async () => {
        const items = await complete('customer acme "A" {\n    opportunity o "O" { team { ar <|> } }\n}\n', { 'more.acct': 'member dave "Dave"\n' });
        expect(labels(items).sort()).toEqual(['alice', 'bob', 'carol', 'dave']);
    });

    it('after `owner `: members, not contacts', async () => {
        const items = await complete(contactsText('owner <|>'));
        expect(labels(items).sort()).toEqual(['alice', 'bob', 'carol']);
    });

    it('after `competitors ` (and after a comma): the competitors', async () => {
        expect(labels(await complete('customer acme "A" {\n    opportunity o "O" { competitors <|> }\n}\n')).sort()).toEqual(['ericsson', 'nokia']);
        expect(labels(await complete('customer acme "A" {\n    opportunity o "O" { competitors nokia, <|> }\n}\n')).sort()).toEqual(['ericsson', 'nokia']);
    });

    it('in a decision-chain: the contacts of the customer, then roles and support for the entry', async () => {
        const items = await complete(
            contactsText('').replace('contact cto "CTO" {  }', 'contact cto "CTO" { }\n    opportunity o "O" { decision-chain { cto <|> } }'),
        );
        const got = labels(items);
        expect(got).toEqual(expect.arrayContaining(['boss', 'cto', 'approver', 'decision-maker', 'support']));
        expect(got).not.toContain('stranger');
    });

    it('at the start of a contact body: the contact keywords, with what they mean', async () => {
        const items = await complete(contactsText('<|>'));
        // with the keywords of contract 1.1: competitor-support, influences, waive; of 1.2: kpi, pain
        expect(labels(items).sort()).toEqual(
            [
                'competitor-support',
                'department',
                'influences',
                'intimacy',
                'kpi',
                'last-contact',
                'owner',
                'pain',
                'reports-to',
                'role',
                'support',
                'title',
                'waive',
            ].sort(),
        );
        expect(doc(items.find(i => i.label === 'kpi'))).toMatch(/measured on/);
        expect(doc(items.find(i => i.label === 'pain'))).toMatch(/hurts/);
        expect(doc(items.find(i => i.label === 'support'))).toMatch(/-1[\s\S]*\?/);
        expect(items.some(i => ['{', '}', '-', '?', 'contact'].includes(i.label))).toBe(false);
    });

    it('at the top level: the four declarations', async () => {
        expect(labels(await complete('<|>')).sort()).toEqual(['competitor', 'customer', 'member', 'policy']);
    });
});

async function hover(w: TestWorkspace, file: string, text: string, needle: string, occurrence = 0, shift = 1): Promise<string> {
    const position = positionOf(text, needle, occurrence);
    position.character += shift;
    const result = await w.Acct.lsp.HoverProvider!.getHoverContent(w.docs[file], { textDocument: { uri: uriOf(file) }, position });
    const contents = result?.contents as { value?: string } | undefined;
    return contents?.value ?? '';
}

describe('hover', () => {
    it('on a role value, a support value, an intimacy value, a tier keyword', async () => {
        const files = contractFiles();
        const text = files['cmgd.acct'];
        const w = await buildWorkspace(files);
        expect(await hover(w, 'cmgd.acct', text, 'decision-maker')).toMatch(/final decision/);
        const support2 = positionOf(text, 'support 2');
        const onTwo = await w.Acct.lsp.HoverProvider!.getHoverContent(w.docs['cmgd.acct'], {
            textDocument: { uri: uriOf('cmgd.acct') },
            position: { line: support2.line, character: support2.character + 8 },
        });
        expect((onTwo?.contents as { value: string }).value).toMatch(/excludes others/);
        const minus = rangeAfter(text, 'li evaluator support ', '-1').start;
        const onMinus = await w.Acct.lsp.HoverProvider!.getHoverContent(w.docs['cmgd.acct'], {
            textDocument: { uri: uriOf('cmgd.acct') },
            position: { line: minus.line, character: minus.character + 1 },
        });
        expect((onMinus?.contents as { value: string }).value).toMatch(/[Oo]pposes/);
        expect(await hover(w, 'cmgd.acct', text, 'support ?', 0, 8)).toMatch(/unknown/i);
        const intimacy = rangeAfter(text, 'intimacy -2', '2').start;
        const onIntimacy = await w.Acct.lsp.HoverProvider!.getHoverContent(w.docs['cmgd.acct'], {
            textDocument: { uri: uriOf('cmgd.acct') },
            position: intimacy,
        });
        expect((onIntimacy?.contents as { value: string }).value).toMatch(/intimacy -2[\s\S]*[Cc]old/);
        expect(await hover(w, 'cmgd.acct', text, 'commercial', 0, 2)).toBe(''); // in a comment: nothing
        expect(await hover(w, 'cmgd.acct', text, 'strategic', 0, 2)).toMatch(/[Hh]igh standing/);
    });

    it("on a customer's id: the suggested tier and why", async () => {
        const files = contractFiles();
        const w = await buildWorkspace(files);
        const value = await hover(w, 'cmgd.acct', files['cmgd.acct'], 'cmgd');
        expect(value).toMatch(/China Mobile Guangdong/);
        expect(value).toMatch(/strategic[\s\S]*suggested[\s\S]*excellent/);
        expect(value).toMatch(/standing \(5\/5\)/);
        expect(value).toMatch(/\(4\/5\)/);
    });

    it('on a customer whose tier matches: says so', async () => {
        const text = 'customer acme "Acme" {\n    standing 3\n    cooperation 3\n    tier value\n}\n';
        const w = await buildWorkspace({ 'plan.acct': text });
        expect(await hover(w, 'plan.acct', text, 'acme')).toMatch(/as suggested/);
    });

    it('on a reference: the contact it names', async () => {
        const files = contractFiles();
        const w = await buildWorkspace(files);
        const text = files['cmgd.acct'];
        const at = rangeAfter(text, 'decision-chain', 'wang').start;
        const result = await w.Acct.lsp.HoverProvider!.getHoverContent(w.docs['cmgd.acct'], {
            textDocument: { uri: uriOf('cmgd.acct') },
            position: { line: at.line, character: at.character + 1 },
        });
        expect((result?.contents as { value: string }).value).toMatch(/Wang Lei[\s\S]*decision-maker[\s\S]*Support: 2/);
    });
});

describe('outline', () => {
    it('customer → contacts, opportunities, activities, with details', async () => {
        const files = contractFiles();
        const w = await buildWorkspace(files);
        const symbols = await w.Acct.lsp.DocumentSymbolProvider!.getSymbols(w.docs['cmgd.acct'], { textDocument: { uri: uriOf('cmgd.acct') } });
        expect(symbols.map(s => s.name)).toEqual(['cmgd']);
        const children = (symbols[0].children ?? []).map((s: DocumentSymbol) => s.name);
        expect(children).toEqual(['zhang', 'wang', 'li', 'zhao', '陈静', 'sun', 'core5g', 'oss', 'hqvisit']);
        expect(symbols[0].detail).toMatch(/China Mobile Guangdong/);
        const wang = symbols[0].children!.find(s => s.name === 'wang')!;
        expect(wang.detail).toMatch(/Wang Lei/);
        expect(symbols[0].children!.find(s => s.name === 'oss')!.detail).toMatch(/OSS modernisation/);
        expect(wang.selectionRange).toEqual(rangeAfter(files['cmgd.acct'], 'contact wang', 'wang'));
        const team = await w.Acct.lsp.DocumentSymbolProvider!.getSymbols(w.docs['team.acct'], { textDocument: { uri: uriOf('team.acct') } });
        expect(team.map(s => s.name)).toEqual(['alice', 'bob', 'carol', 'ericsson', 'nokia']);
    });
});

describe('code lens', () => {
    it('one per customer and per active opportunity, each opening the power map', async () => {
        const files = contractFiles();
        files['cmgd.acct'] = files['cmgd.acct'].replace(
            '    activity hqvisit',
            '    opportunity closed "Closed deal" { stage won }\n    opportunity early "Early" { stage lead }\n    opportunity tender "Tender" { stage bid }\n    activity hqvisit',
        );
        const w = await buildWorkspace(files);
        const lenses = (await w.Acct.lsp.CodeLensProvider!.provideCodeLens(w.docs['cmgd.acct'], { textDocument: { uri: uriOf('cmgd.acct') } })) ?? [];
        expect(lenses.map(l => l.command?.command)).toEqual(Array(4).fill('acct.openPowerMap'));
        const args = lenses.map(l => l.command!.arguments![0] as { customer: string; opportunity?: string; uri: string });
        expect(args.map(a => a.opportunity ?? null)).toEqual([null, 'core5g', 'oss', 'tender']);
        expect(args.every(a => a.customer === 'cmgd' && a.uri === uriOf('cmgd.acct'))).toBe(true);
        const text = files['cmgd.acct'];
        expect(lenses.map(l => l.range.start.line)).toEqual([
            positionOf(text, 'customer cmgd').line,
            positionOf(text, 'opportunity core5g').line,
            positionOf(text, 'opportunity oss').line,
            positionOf(text, 'opportunity tender').line,
        ]);
        expect(lenses[1].command!.title).toMatch(/1 of 3/); // wang supports; zhang ?, li -1
        const team = (await w.Acct.lsp.CodeLensProvider!.provideCodeLens(w.docs['team.acct'], { textDocument: { uri: uriOf('team.acct') } })) ?? [];
        expect(team).toEqual([]);
    });
});
